"""The visit's print offers the record's Word copy in the same save dialog as the PDF: the filter
chosen says the kind of file and the digits; a name typed without a suffix gets .docx, the file
is a Word document and opens in the system's Word program."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")

WORD_THAI = "เอกสาร Word ใช้เลขไทย (*.docx)"


def test_the_save_dialog_offers_a_word_copy_of_the_visit(qtbot, db_path: Path, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(visit.id, "visitor", "นายวิชัย ใจดี", "ศึกษานิเทศก์")
    typed = tmp_path / "บันทึกการนิเทศ"  # no suffix: the chosen filter's is added
    offered: list[list[str]] = []

    starts: list[str] = []

    def save_dialog(_parent, _title, start, filters, _selected="", *_args):  # type: ignore[no-untyped-def]
        offered.append(filters.split(";;"))
        starts.append(start)
        return str(typed), WORD_THAI

    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.navigate(Location("visit", visit.id))
    window.print_action.trigger()
    assert offered == [["รายงาน PDF ใช้เลขไทย (*.pdf)", "รายงาน PDF ใช้เลขอารบิก (*.pdf)", WORD_THAI,
                        "เอกสาร Word ใช้เลขอารบิก (*.docx)"]]
    # Offered without ".pdf": a user who picks the Word type and keeps the name gets a Word file.
    assert Path(starts[0]).name.startswith("บันทึกการนิเทศ-") and Path(starts[0]).suffix == ""
    target = typed.with_name(typed.name + ".docx")
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert [Path(name) for name in opened] == [target]
    with zipfile.ZipFile(target) as archive:
        body = archive.read("word/document.xml").decode()
    assert "บันทึกการนิเทศ ติดตาม" in body and "นายวิชัย ใจดี" in body and "๒๕๖๙" in body
    assert "Word" in window.notices.text()
    window.close()
