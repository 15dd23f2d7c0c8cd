"""A notice never moves what is under the pointer (issue 11, "The window"; try10 F12, try13 F6):
the notice bar used to push the page down by its height when it appeared and pull it up again when
it closed by itself, so a double-click aimed at one school opened the one beside it."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication

from ui.common.notices import Notice
from ui.schools.schools_page import SchoolsPage
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def row_on_screen(window: MainWindow, row: int) -> QPoint:
    """Where the schools page draws ``row``'s first cell, in screen coordinates."""
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    table = page.table
    rect = table.visualRect(page.proxy.index(row, 0))
    return table.viewport().mapToGlobal(rect.center())


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_row_stays_where_it_was_when_a_notice_appears_and_when_it_closes_by_itself(
        qtbot: Any, demo_window: Callable[[QSize | None], MainWindow], scale: float) -> None:
    window = demo_window(QSize(round(1366 / scale), round(728 / scale)))
    QApplication.processEvents()
    before = [row_on_screen(window, row) for row in (0, 3)]
    window.shell.notify(Notice("บันทึกตารางสรุปผลเป็นไฟล์ Excel ที่ /tmp/สรุป.xlsx แล้ว", file=None))
    QApplication.processEvents()
    assert window.notices.isVisible()
    assert [row_on_screen(window, row) for row in (0, 3)] == before
    window.notices.timer.timeout.emit()  # ten seconds later: it closes by itself
    QApplication.processEvents()
    assert not window.notices.isVisible()
    assert [row_on_screen(window, row) for row in (0, 3)] == before
    window.shutdown()


def test_the_notice_is_readable_whole_and_its_buttons_reachable(
        qtbot: Any, demo_window: Callable[[QSize | None], MainWindow], tmp_path: Any) -> None:
    window = demo_window(QSize(1366, 728))
    pdf = tmp_path / "รายงานสรุป.pdf"
    window.shell.notify(Notice(f"บันทึกรายงานที่ {pdf} แล้ว", file=pdf))
    QApplication.processEvents()
    bar = window.notices
    inside = window.rect()
    top_left = bar.mapTo(window, QPoint(0, 0))
    assert inside.contains(top_left) and inside.contains(top_left + QPoint(bar.width() - 1, bar.height() - 1))
    message = bar.message  # the sentence is not cut: it shows whole, no scrolling
    assert bar.message_area.height() >= message.heightForWidth(message.width()) > 0
    assert bar.message_area.verticalScrollBar().maximum() == 0
    assert bar.width() == window.width()
    for button in (bar.open_file_button, bar.open_folder_button, bar.close_button):
        assert button.isVisible() and button.focusPolicy() & button.focusPolicy().TabFocus
    window.grab().save(str(tmp_path / "notice.png"))
    window.shutdown()
