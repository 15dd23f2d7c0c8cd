"""The "about" box: the version, the data folder and the open database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.common.digits import shown_text

from qualityschool_desktop import __version__, paths

# -- Thai strings ----------------------------------------------------------------------------
IN_MEMORY = "ฐานข้อมูลชั่วคราว"
ABOUT_TITLE = "เกี่ยวกับ Quality School Desktop"
ABOUT_TEXT = (
    "<h3>Quality School Desktop {version}</h3>"
    "<p>โปรแกรมประเมินตนเองตามเกณฑ์โรงเรียนคุณภาพ ๕ ด้าน (โครงการโรงเรียนคุณภาพประจำอำเภอ) "
    "ใช้งานได้โดยไม่ต้องเชื่อมต่ออินเทอร์เน็ต</p>"
    "<p><b>โฟลเดอร์ข้อมูล:</b><br>{data_dir}</p>"
    "<p><b>ฐานข้อมูลที่เปิดอยู่:</b><br>{database}</p>"
    "<p>แบบอักษร Sarabun ใช้ภายใต้สัญญาอนุญาต SIL Open Font License</p>"
)


def show_about(parent: QWidget, database: Path | None) -> None:
    QMessageBox.about(
        parent,
        ABOUT_TITLE,
        shown_text(ABOUT_TEXT).format(version=__version__, data_dir=paths.user_data_dir(), database=database or IN_MEMORY),
    )
