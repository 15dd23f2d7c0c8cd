"""When the system cannot open a file or a folder the notice names the real cause (try11b F3, F16):
"เปิดโฟลเดอร์" on a desktop with no file manager blamed a moved folder or a removed drive although the
folder was there; a Word report that nothing could open told the user to install a PDF reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QDesktopServices

from ui.common import report_printer
from ui.common.notices import Notice, NoticeBar

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def bar(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> NoticeBar:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # no program registered
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.resize(1000, 40)
    QCursor.setPos(5, 700)
    bar.show()
    return bar


def test_a_folder_that_is_there_but_cannot_be_shown_is_not_called_moved(qtbot: Any, bar: NoticeBar,
                                                                        tmp_path: Path) -> None:
    book = tmp_path / "ตาราง.xlsx"
    book.write_bytes(b"x")
    bar.show_notice(Notice("บันทึกตารางแล้ว", file=book))
    qtbot.mouseClick(bar.open_folder_button, Qt.MouseButton.LeftButton)
    assert "ถอดไดรฟ์" not in bar.text() and "ย้าย" not in bar.text()
    assert "ไม่พบโปรแกรม" in bar.text() and str(tmp_path) in bar.text()


def test_a_folder_that_is_gone_is_still_called_moved(qtbot: Any, bar: NoticeBar, tmp_path: Path) -> None:
    gone = tmp_path / "ถอดแล้ว" / "ตาราง.xlsx"
    bar.show_notice(Notice("บันทึกตารางแล้ว", file=gone))
    qtbot.mouseClick(bar.open_folder_button, Qt.MouseButton.LeftButton)
    assert "ถอดไดรฟ์" in bar.text()


@pytest.mark.parametrize(("name", "program"), [("รายงาน.docx", "Word"), ("ตาราง.xlsx", "Excel"),
                                               ("รายงาน.pdf", "PDF")])
def test_a_file_that_is_there_names_the_program_missing(qtbot: Any, bar: NoticeBar, tmp_path: Path,
                                                         name: str, program: str) -> None:
    file = tmp_path / name
    file.write_bytes(b"x")
    bar.show_notice(Notice("บันทึกแล้ว", file=file))
    qtbot.mouseClick(bar.open_file_button, Qt.MouseButton.LeftButton)
    assert program in bar.text() and "ย้าย" not in bar.text()


def test_a_word_report_that_cannot_be_opened_does_not_speak_of_a_pdf_reader(tmp_path: Path) -> None:
    word = report_printer.open_failed_text(tmp_path / "รายงาน.docx")
    assert "PDF" not in word and "Word" in word
    assert "PDF" in report_printer.open_failed_text(tmp_path / "รายงาน.pdf")
    assert "PDF" not in report_printer.saved_text(tmp_path / "รายงาน.docx")
