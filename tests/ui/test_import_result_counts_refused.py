"""test30a B1: files refused in the preview (or left unticked) are not forgotten once it closes:
the import's result and the notice bar count every file chosen and name each one not imported,
with its reason. Real files between data folders with separate keys."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Callable

import pytest

from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from ..laptops import CODE_B, NAME_B, Laptop, laptops, start_school  # noqa: F401 (a fixture)
from .test_exchange_ui import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_result_and_the_notice_count_and_name_the_files_refused_in_the_preview(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir()
    for name, code, school_name in (("a", "6301000001", "โรงเรียนบ้านแม่สอด"), ("b", CODE_B, NAME_B),
                                    ("c", "6301000003", "โรงเรียนบ้านท่าสองยาง")):
        laptop = laptops(name)
        with laptop.open() as workspace:
            start_school(workspace, code, school_name)
        shutil.copy(laptop.export(f"{name}.qsx"), folder / f"{name}.qsx")
    (folder / "broken.qsx").write_bytes(b"not an exchange file")
    district = laptops("district")
    district.activate()
    window = open_window(qtbot, district.db, tmp_path)
    controller = controller_of(window)
    controller.preview(sorted(folder.iterdir()))
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    assert preview.card_for("broken.qsx").check.refused
    preview.card_for("c.qsx").include.setChecked(False)  # a file the officer left out
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)

    assert result.heading.text().startswith("นำเข้าเสร็จ ๒ จาก ๔ ไฟล์")
    assert "ไม่นำเข้า ๒ ไฟล์" in result.heading.text()
    summary = result.summary.text()
    assert "broken.qsx: นำเข้าไม่ได้" in summary
    assert preview.card_for("broken.qsx").check.error.split("\n")[0][:40] in summary  # its reason
    assert "c.qsx: ไม่ได้เลือกนำเข้า" in summary
    assert window.notices.text().startswith("นำเข้าข้อมูลแล้ว ๒ จาก ๔ ไฟล์")
    assert "ไม่ได้นำเข้า ๒ ไฟล์" in window.notices.text()
    result.accept()
    window.close()
