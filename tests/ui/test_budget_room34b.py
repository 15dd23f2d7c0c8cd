"""fit34b: the budget pages' last lines and lists in sight on a 1366×768 (and 1280-wide) laptop.

1. The office's คำของบประมาณทุกโรงเรียน page, narrower than its two lists side by side (1280 px at
   100 %, 125 %, 150 %), put the schools' list and the totals one above the other, each three rows
   tall, and the approvals below them out of sight. The approvals' heading and five rows are in
   sight after at most one page scroll, and at 100 % with the page at its top.
2. The school's budget tab at 100 %: its total line (รวมทั้งสิ้น …) sat below the window's edge."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QScrollArea

from ui.budget.office_page import BudgetOfficePage
from ui.common.screen import FRAME
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS
from .test_working_tables_rows_in_sight import _school_tab

pytestmark = pytest.mark.usefixtures("styled_app")

SIZES = {**WINDOWS, "1280 px": QSize(1280, 768 - 40)}


def _scroll(window: MainWindow) -> QScrollArea:
    area = window.stack.parentWidget()
    assert area is not None and isinstance(area.parentWidget(), QScrollArea)
    return area.parentWidget()  # type: ignore[return-value]


@pytest.mark.parametrize("scaling", list(SIZES))
def test_five_approvals_after_at_most_one_page_scroll(qtbot, demo_window: Callable[[QSize | None], MainWindow],  # type: ignore[no-untyped-def]
                                                      scaling: str) -> None:
    window = demo_window(SIZES[scaling] - FRAME)
    window.navigate(Location("budget"))
    QApplication.processEvents()
    qtbot.wait(80)
    page = window.stack.currentWidget()
    assert isinstance(page, BudgetOfficePage)
    schools = page.schools_table
    requests = page.picture.requests  # type: ignore[union-attr]
    most = max(range(schools.rowCount()), key=lambda row: len(requests[row].items))
    schools.selectRow(most)
    QApplication.processEvents()
    qtbot.wait(50)
    table = page.items_table
    assert table.rowCount() >= 5
    scroll = _scroll(window)
    area = scroll.viewport()
    top = table.mapTo(page, table.rect().topLeft()).y()  # the heading's top, in the page
    bottom = table.viewport().mapTo(page, table.visualRect(table.model().index(4, 0)).bottomLeft()).y()
    wanted = max(0, bottom - area.height())  # the least scroll showing the fifth row
    step = scroll.verticalScrollBar().pageStep()
    found = []
    if bottom - top > area.height():
        found.append(f"the heading and five rows ({bottom - top} px) are taller than the window shows ({area.height()} px)")
    if scaling in ("100 %", "1280 px") and wanted > 0:
        found.append(f"the fifth approval ends at {bottom}, the window shows {area.height()} with the page at its top")
    elif wanted > step:
        found.append(f"the fifth approval ends at {bottom}: {wanted} px of scrolling, a page is {step}")
    window.shutdown()
    assert found == [], f"at {scaling}: {found}"


def test_narrow_the_schools_and_totals_share_the_room(qtbot, demo_window: Callable[[QSize | None], MainWindow]) -> None:  # type: ignore[no-untyped-def]
    """Narrower than both lists side by side, the totals are a tab beside the schools' list; wide,
    side by side again."""
    window = demo_window(SIZES["125 %"] - FRAME)
    window.navigate(Location("budget"))
    qtbot.wait(80)
    page = window.stack.currentWidget()
    assert isinstance(page, BudgetOfficePage)
    tabs = page.lists.tabs
    assert tabs.isVisible() and not page.lists.side_by_side()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["รายโรงเรียน", "ยอดรวม"]
    assert page.schools_table.isVisible() and page.visible_totals()
    tabs.setCurrentIndex(1)
    assert page.totals_table.isVisible() and page.items_table.isVisible()
    window.resize(SIZES["100 %"] - FRAME)
    qtbot.waitUntil(lambda: page.lists.side_by_side())
    assert page.schools_table.isVisible() and page.totals_table.isVisible() and not tabs.isVisible()
    window.shutdown()


def test_the_school_tab_s_total_in_sight_at_100(qtbot, demo_window: Callable[[QSize | None], MainWindow]) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(WINDOWS["100 %"] - FRAME)
    tab = _school_tab(qtbot, window, "คำของบประมาณ")
    area = _scroll(window).viewport()
    found = []
    for selected in (False, True):  # the selected item's line shows above it
        if selected:
            tab.table.selectRow(1)
            QApplication.processEvents()
            qtbot.wait(50)
        _scroll(window).verticalScrollBar().setValue(0)
        QApplication.processEvents()
        label = tab.total_label
        bottom = label.mapTo(area, label.rect().bottomLeft()).y()
        if not label.isVisible() or bottom > area.height():
            found.append(f"{'selected' if selected else 'as opened'}: the total ends at {bottom} in {area.height()}")
    window.shutdown()
    assert found == []
