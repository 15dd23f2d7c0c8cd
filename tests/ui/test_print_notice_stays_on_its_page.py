"""The bar saying a report was saved belongs to the page it was printed from: leaving that page
takes it away (pdf32: the print's notice followed the user to the next pages for its ten seconds,
or until closed when it listed characters that print as boxes). A notice about no page in
particular (the daily backup's) still stays as it did."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication

from ui.common import report_printer
from ui.common.notices import Notice
from ui.common.report_printer import ReportPrinter
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def _printed(qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: Any, *, cautions: bool) -> Notice:
    """Print a (stub) report from the page shown, through the printer every page uses."""
    target = tmp_path / "สรุป.pdf"
    monkeypatch.setattr(report_printer, "ask_save_path", lambda *_args: (target, report_printer.DIGIT_FILTERS["thai"]))
    monkeypatch.setattr(report_printer, "open_path", lambda _path: True)

    def builder(_workspace: Any, _subject: Any, path: Path, **_options: Any) -> Any:
        path.write_bytes(b"%PDF-1.4")
        return (path, ("ข้อ ๑.๒: อักษรที่พิมพ์เป็นกล่อง",)) if cautions else path

    printer = ReportPrinter(window, builder=builder, notify=window.shell.notify,
                            settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with qtbot.waitSignal(printer.noticed, timeout=10000) as noticed:
        printer._print(window.workspace, None, lambda: "สรุป.pdf")
    QApplication.processEvents()
    return noticed.args[0]


@pytest.mark.parametrize("cautions", [False, True])
def test_leaving_the_page_takes_the_print_notice_away(
        qtbot: Any, demo_window: Callable[[QSize | None], MainWindow], tmp_path: Path, monkeypatch: Any,
        cautions: bool) -> None:
    window = demo_window(QSize(1366, 728))
    school_id = window.workspace.schools.list()[0].id
    window.navigate(Location("school", school_id))
    notice = _printed(qtbot, window, tmp_path, monkeypatch, cautions=cautions)
    assert window.notices.isVisible() and window.notices.notice == notice
    window.navigate(Location("schools"))  # another page: the print was not made here
    QApplication.processEvents()
    assert not window.notices.isVisible(), window.notices.text()
    window.navigate(Location("school", school_id))  # back: it does not come back either
    QApplication.processEvents()
    assert not window.notices.isVisible()
    window.shutdown()


def test_the_print_notice_stays_while_the_page_does(
        qtbot: Any, demo_window: Callable[[QSize | None], MainWindow], tmp_path: Path, monkeypatch: Any) -> None:
    window = demo_window(QSize(1366, 728))
    _printed(qtbot, window, tmp_path, monkeypatch, cautions=False)
    window.navigate(Location("schools"))  # the page shown already: nothing moves
    QApplication.processEvents()
    assert window.notices.isVisible()
    window.shutdown()


def test_a_notice_about_no_page_stays_when_the_page_changes(
        qtbot: Any, demo_window: Callable[[QSize | None], MainWindow], tmp_path: Path) -> None:
    window = demo_window(QSize(1366, 728))
    window.shell.notify(Notice("สำรองฐานข้อมูลอัตโนมัติไว้ที่ /tmp/สำรอง แล้ว", folder=tmp_path, unasked=True))
    window.navigate(Location("school", window.workspace.schools.list()[0].id))
    QApplication.processEvents()
    assert window.notices.isVisible()
    window.shutdown()
