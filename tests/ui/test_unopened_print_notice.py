"""A report saved that no program could open says so like every other notice: for about ten
seconds, not until closed (TEST31b U7: "…แต่ไม่พบโปรแกรมอ่าน PDF…" stayed for minutes and was still
at the bottom of the budget page, pages away from the print; README: "for ten seconds, or until closed")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QWidget

from qualityschool_desktop.workspace import Workspace
from ui.common import report_printer
from ui.common.notices import NoticeBar
from ui.common.report_printer import ReportPrinter

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_pdf_no_program_opened_is_said_for_ten_seconds_not_for_ever(
        qtbot: Any, file_workspace: Workspace, tmp_path: Path, monkeypatch: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    target = tmp_path / "สรุป.pdf"
    monkeypatch.setattr(report_printer, "ask_save_path", lambda *_args: (target, report_printer.DIGIT_FILTERS["thai"]))
    monkeypatch.setattr(report_printer, "open_path", lambda _path: False)  # no PDF reader here

    def builder(_workspace: Any, _subject: Any, path: Path, **_options: Any) -> Path:
        path.write_bytes(b"%PDF-1.4")
        return path

    printer = ReportPrinter(window, builder=builder, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with qtbot.waitSignal(printer.noticed, timeout=10000) as noticed:
        printer._print(file_workspace, None, lambda: "สรุป.pdf")
    notice = noticed.args[0]
    assert "ไม่พบโปรแกรมอ่าน PDF" in notice.text and notice.file == target  # still says where it is
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.resize(1000, 40)
    QCursor.setPos(5, 700)  # the pointer is not resting on the bar
    bar.timer.setInterval(50)
    bar.show_notice(notice)
    assert bar.isVisible() and bar.open_folder_button.isVisible()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
