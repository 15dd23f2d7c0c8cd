"""The "about" box: the version, the data folder and the open database."""

from __future__ import annotations

import html
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


# A zero-width space after each separator: a long path may wrap at any folder. Without it a
# Windows path wrapped only after "C:" (issue 12 finding 6), the rest being one word.
_BREAK = "\u200b"


def breakable_path(path: object) -> str:
    """``path`` as HTML-escaped text that may wrap after each ``\\`` or ``/``."""
    text = html.escape(str(path))
    return text.replace("\\", "\\" + _BREAK).replace("/", "/" + _BREAK)


def show_about(parent: QWidget, database: Path | None) -> None:
    QMessageBox.about(
        parent,
        ABOUT_TITLE,
        shown_text(ABOUT_TEXT).format(
            version=__version__, data_dir=breakable_path(paths.user_data_dir()),
            database=breakable_path(database) if database is not None else IN_MEMORY,
        ),
    )
