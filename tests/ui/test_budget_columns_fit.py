"""s32 (bud32): at 125 % on a 1366×768 laptop the school's คำของบประมาณ tab kept its "รายการ"
column as wide as its longest item, so งบผูกพัน was half off the list, a sideways scroll bar
showed and the kind's box was cut ("ค่าปรับปรุงซ่อมแซมอาค"). Every column is readable at 100,
125 and 150 % with no sideways scrolling: the long texts give way ("…", whole in the tooltip),
the money columns stay whole. The office's คำของบประมาณทุกโรงเรียน page the same."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QScrollArea, QTableWidget, QTableWidgetItem, QWidget

from ui.budget.office_page import BudgetOfficePage
from ui.budget.school_tab import COLUMNS, BudgetPanel
from ui.budget.strings import HEADERS
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .fit import CELL_PADDING, SLACK, cut_off_texts
from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")

MONEY = (5, 6)  # ราคาต่อหน่วย, จำนวนเงิน: never cut
READABLE = 16  # average characters the long text column keeps


def budget_tab(window: MainWindow) -> BudgetPanel:
    """The คำของบประมาณ tab of the demo school with the longest item asked for."""
    workspace = window.workspace
    schools = [school.id for school in workspace.schools.list()]
    longest = max(schools, key=lambda sid: max(
        (len(item.description) for year in (2569, 2570, 2571) for item in workspace.budget.items(sid, year)), default=0))
    window.navigate(Location("school", longest))
    page = window.page("school")
    assert page is not None
    page.tabs.setCurrentIndex(next(index for index in range(page.tabs.count())
                                   if page.tabs.tabText(index) == "คำของบประมาณ"))
    [panel] = [tab for tab in page.findChildren(BudgetPanel)]
    return panel


def unreadable_cells(table: QTableWidget, whole: tuple[int, ...]) -> list[str]:
    """Cells cut: in a ``whole`` column any text wider than its room; elsewhere a text shortened
    without its whole text as the cell's tooltip."""
    metrics = table.fontMetrics()
    found = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            cell = table.item(row, column)
            text = cell.text() if cell is not None and not table.isColumnHidden(column) else ""
            room = table.columnWidth(column) - CELL_PADDING
            if not text or metrics.horizontalAdvance(text) <= room + SLACK:
                continue
            if column in whole or text not in (cell.toolTip() if cell is not None else ""):
                found.append(f"row {row} column {column} {text[:30]!r} needs {metrics.horizontalAdvance(text)}, "
                             f"has {room}")
    return found


def sideways(table: QTableWidget) -> list[str]:
    header = table.horizontalHeader()
    if header.length() <= table.viewport().width() + SLACK and not table.horizontalScrollBar().isVisible():
        return []
    return [f"{table.objectName() or 'table'} scrolls sideways: {header.length()} in {table.viewport().width()}"]


def cut_boxes(table: QTableWidget) -> list[str]:
    """Boxes in the cells that cut their text: what they paint is neither whole nor ends in "…"
    with the whole text as the tooltip, or is wider than the box."""
    found = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            box = table.cellWidget(row, column)
            if not isinstance(box, QComboBox):
                continue
            painted = box.shown_text() if hasattr(box, "shown_text") else box.currentText()
            whole = box.currentText()
            room = box.width() - 24  # Fusion's arrow and the frame
            if box.fontMetrics().horizontalAdvance(painted) > room + SLACK or (
                    painted != whole and (not painted.endswith("…") or box.toolTip() != whole)):
                found.append(f"box row {row} {whole[:30]!r} paints {painted[:30]!r} "
                             f"({box.fontMetrics().horizontalAdvance(painted)} px) in {box.width()}, tip {box.toolTip()[:20]!r}")
    return found


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_school_tab_s_columns_are_readable_without_sideways_scrolling(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(WINDOWS[scaling])
    panel = budget_tab(window)
    qtbot.wait(50)
    table = panel.table
    assert table.rowCount() > 0
    found = sideways(table)
    found += [problem for problem in cut_off_texts(table, one_line_headings=True)]
    found += unreadable_cells(table, MONEY)
    found += cut_boxes(table)
    if table.columnWidth(2) - CELL_PADDING < table.fontMetrics().averageCharWidth() * READABLE:
        found.append(f"รายการ is {table.columnWidth(2)} wide: {[table.columnWidth(c) for c in range(table.columnCount())]}")
    window.shutdown()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_every_column_the_school_edits_shows(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """s32 (bud32b): at 125 % and 150 % the tab left out องค์ประกอบ/ประเด็น (to give รายการ room), and
    a school could not set an item's component codes at all. Every column a school edits shows,
    at least as wide as its heading, and the list does not scroll sideways; only ลำดับ may be
    left out where there is no room (150 %): the rows keep its order and the line under the list
    says the selected row's number ("รายการที่ ๒: …")."""
    window = demo_window(WINDOWS[scaling])
    panel = budget_tab(window)
    qtbot.wait(50)
    table = panel.table
    found = [problem for problem in cut_off_texts(table, one_line_headings=True) if problem.startswith("heading")]
    widths = [table.columnWidth(c) for c in range(table.columnCount())]  # in the headings' style now
    found += [f"{heading!r} is left out: {widths}" for column, heading in enumerate(HEADERS)
             if column > 0 and COLUMNS[column] is not None and table.isColumnHidden(column)]
    if scaling != "150 %" and table.isColumnHidden(0):
        found.append(f"ลำดับ is left out at {scaling}: {widths}")
    if table.isColumnHidden(0):
        table.selectRow(1)
        if not panel.selected_label.text().startswith(f"รายการที่ {table.item(1, 0).text()}:"):
            found.append(f"ลำดับ left out, the second row's number is not said: {panel.selected_label.text()!r}")
    found += sideways(table)
    window.shutdown()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_office_page_s_columns_are_readable_without_sideways_scrolling(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """s33 (bud33): at 125 % and 150 % the office's page scrolled sideways (its choosers and buttons
    made it 1000 px wide at 150 %), so did its schools', totals' and items' lists, and สังกัด and the
    items' kinds were cut with no tooltip. Side by side where both lists show their names whole
    (100 %), one above the other where they would not (test_headings_fit: the names whole); the amounts
    whole."""
    window = demo_window(WINDOWS[scaling])
    window.navigate(Location("budget"))
    qtbot.wait(50)
    page = window.stack.currentWidget()
    assert isinstance(page, BudgetOfficePage)
    page.schools_table.selectRow(0)
    qtbot.wait(50)
    found = [f"the page scrolls sideways: {area.widget().width()} in {area.viewport().width()}"
             for area in page_areas(page) if area.horizontalScrollBar().isVisible()]
    money = {"schools_table": (4, 5), "totals_table": (2, 3), "items_table": (2, 3)}
    for name, whole in money.items():
        table = getattr(page, name)
        assert table.rowCount() > 0, name
        found += [f"{name}: {problem}" for problem in sideways(table)]
        found += [f"{name}: {problem}" for problem in cut_off_texts(table, one_line_headings=True)]
        found += [f"{name}: {problem}" for problem in unreadable_cells(table, whole)]
    window.shutdown()
    assert not found, "\n".join(found)


def page_areas(page: QWidget) -> list[QScrollArea]:
    """The scroll areas holding ``page``."""
    areas, parent = [], page.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


def test_the_check_sees_a_money_cell_cut(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    table.setItem(0, 0, QTableWidgetItem("๑๒,๐๐๐.๐๐"))
    table.setColumnWidth(0, 30)
    table.resize(400, 200)
    table.show()
    qtbot.waitExposed(table)
    assert unreadable_cells(table, (0,))  # a money column: cut
    assert unreadable_cells(table, ())  # a text column: shortened with no tooltip
    table.item(0, 0).setToolTip("๑๒,๐๐๐.๐๐")
    assert not unreadable_cells(table, ())
