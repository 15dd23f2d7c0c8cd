"""The school list and the keyboard (TEST30b B1, B3): Tab leaves the list for the next control, as
in the app's other lists (arrows move inside it), and after a search the selected school is on
screen, so Enter never opens a school the user cannot see."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from qualityschool_desktop.workspace import Workspace
from ui.schools.schools_page import COL_NAME, SchoolsPage
from ui.shell.main_window import MainWindow

from .keyboard import type_text

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def page(qtbot: Any, demo_copy: Path) -> Any:
    workspace = Workspace.open(demo_copy)
    page = SchoolsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1000, 260)  # a few rows in view: the demo's schools need scrolling
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    page.activateWindow()
    yield page
    workspace.close()


def shown_on_screen(page: SchoolsPage, row: int) -> bool:
    table = page.table
    rect = table.visualRect(table.model().index(row, COL_NAME))
    return rect.isValid() and rect.top() >= 0 and rect.bottom() <= table.viewport().height()


def test_tab_leaves_the_school_list_and_shift_tab_comes_back(qtbot: Any, page: SchoolsPage) -> None:
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    chosen = page.selected_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus(), "Tab stayed in the list"
    assert page.selected_id() == chosen  # Tab chose no other school
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Backtab)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Backtab)
    assert not page.table.hasFocus(), "Shift+Tab stayed in the list"
    assert page.selected_id() == chosen


def test_after_a_search_the_selected_school_is_in_view(qtbot: Any, page: SchoolsPage) -> None:
    table = page.table
    rows = table.model().rowCount()
    assert rows > 8 and not shown_on_screen(page, rows - 1)
    # A school far down is chosen; the user scrolls up and searches words it holds: it stays
    # chosen and comes into view (TEST30b B3: the list stayed scrolled elsewhere).
    table.selectRow(rows - 1)
    chosen = page.selected_id()
    name = str(table.model().index(rows - 1, COL_NAME).data())
    table.scrollToTop()
    page.search.setText(name[:4])
    assert table.model().rowCount() < rows or name[:4] == "โรงเ"
    assert page.selected_id() == chosen
    assert shown_on_screen(page, table.currentIndex().row()), "the chosen school is out of view"
    table.scrollToTop()
    page.search.clear()  # every school again: the chosen one still chosen, and seen
    assert table.model().rowCount() == rows
    assert page.selected_id() == chosen and shown_on_screen(page, table.currentIndex().row())

    # A search that drops the chosen school: the first match is chosen and shown, and Enter
    # opens that one.
    first = str(table.model().index(0, COL_NAME).data())
    page.search.setText(first)
    assert page.selected_id() != chosen
    assert table.currentIndex().row() == 0 and shown_on_screen(page, 0)
    opened: list[str] = []
    page.open_school.connect(opened.append)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened == [page.selected_id()] and table.model().index(0, COL_NAME).data() == first


def test_tab_from_the_list_reaches_a_control_the_user_sees(
        qtbot: Any, demo_window: Callable[[QSize | None], MainWindow]) -> None:
    """In the window, Tab from the list goes to a control that shows its focus, not to the page's
    invisible scroll area (a Tab that seemed to do nothing, TEST30b B1)."""
    window = demo_window(QSize(1366, 728))
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not page.table and not isinstance(focused, QScrollArea), type(focused).__name__
    window.shutdown()


def test_esc_in_the_search_box_clears_the_search(qtbot: Any, page: SchoolsPage) -> None:
    """TEST32b B14: Esc in the search box did nothing; it now empties it and every school is back."""
    every = page.proxy.rowCount()
    page.focus_search()
    type_text(page.search, "พบพระ")
    assert 0 < page.proxy.rowCount() < every
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.proxy.rowCount() == every
    assert page.search.hasFocus()  # still there to type again


def test_the_list_shows_when_the_keyboard_is_in_it(qtbot: Any, page: SchoolsPage) -> None:
    """TEST32b B14: after Tab into the list nothing showed the keyboard was there (the selected row
    looks the same either way); the list's frame now turns the accent blue, as a field's does."""
    def frame() -> Any:
        page.table.repaint()
        image = page.table.grab().toImage()
        return image.pixelColor(image.width() // 2, 0)

    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    away = frame()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    assert frame() != away
