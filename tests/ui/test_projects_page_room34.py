"""TEST34 T11 on the office's projects page: an Excel workbook from the window (the file ``report
progress --xlsx`` writes), and names given room: the activity grid showed "ประชุม..." and the list
"โครงการพัฒนา..." at 1366×768."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QDesktopServices

from qualityschool_desktop.projects.progress import gather_progress
from qualityschool_desktop.reports.progress.excel import write_progress_xlsx
from qualityschool_desktop.workspace import Workspace
from ui.projects.page import ProjectsPage
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")

OFFICE = "สพป.ตาก เขต 1"
YEAR = 2569


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path)
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def test_the_page_saves_the_workbook_the_cli_writes(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)  # no spreadsheet program in a test
    workspace = Workspace.open(tmp_path / "office.sqlite3", create=True)
    workspace.projects.add(YEAR, "โครงการห้องสมุดมีชีวิต", area_office=OFFICE, status="in_progress",
                           budget_lines=[{"source": "own", "planned_baht": [1000, 2000], "disbursed_baht": [1000, 2000]}])
    workspace.projects.add(YEAR, "โครงการลูกเสือจิตอาสา", area_office=OFFICE)
    page = ProjectsPage(workspace)
    qtbot.addWidget(page)
    page.year_box.setValue(YEAR)
    page.show()
    page.refresh(OFFICE)
    assert page.editor.xlsx_button.isEnabled() and page.editor.xlsx_button.isVisible()
    target = tmp_path / "ความก้าวหน้า.xlsx"
    page.editor.xlsx_printer._ask_target = lambda suggested: (target, "thai")
    qtbot.mouseClick(page.editor.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not page.editor.xlsx_printer.busy, timeout=60000)
    cli = write_progress_xlsx(gather_progress(workspace, YEAR, page.editor.period_box.currentData(), OFFICE, None),
                              tmp_path / "cli.xlsx")
    assert _rows(target) == _rows(cli)


def _lines_needed(table: Any, row: int, column: int) -> int:
    item = table.item(row, column)
    metrics = table.fontMetrics()
    room = table.columnWidth(column) - 12  # the cell's margins
    height = metrics.boundingRect(QRect(0, 0, room, 10000), Qt.TextFlag.TextWordWrap, item.text()).height()
    return -(-height // metrics.lineSpacing())


def test_activity_names_have_room_at_1366x768(demo_window: Any, qtbot: Any) -> None:
    window: MainWindow = demo_window(QSize(1366, 768))
    window.navigate(Location("office_projects"))
    page = window.page("office_projects")
    editor = page.editor
    with_activities = next(row for row, project in enumerate(editor.projects) if len(project.activities) >= 2)
    editor.table.setCurrentCell(with_activities, 1)
    qtbot.waitUntil(lambda: editor.fields.parts["activities"].rowCount() >= 2)
    grid = editor.fields.parts["activities"]
    assert grid.horizontalScrollBar().maximum() == 0  # no sideways scrolling to read a row
    for row in range(grid.rowCount()):
        name = grid.item(row, 0)
        assert name.toolTip() == name.text()  # whole on pointing at it too
        # the row is as tall as the name wrapped in its column, give or take a line of padding
        assert grid.rowHeight(row) >= (_lines_needed(grid, row, 0) - 1) * grid.fontMetrics().lineSpacing()
        assert grid.columnWidth(0) >= grid.horizontalHeader().sectionSizeHint(0)
    # the list: names in two lines, whole in the tooltip
    table = editor.table
    assert table.wordWrap() and table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()
    assert table.item(0, 1).toolTip() == table.item(0, 1).text()
    window.shutdown()


@pytest.mark.parametrize(("scaling", "rows"), [("100 %", 8), ("125 %", 5), ("150 %", 3)])
def test_the_list_shows_its_projects(demo_window: Any, qtbot: Any, scaling: str, rows: int) -> None:
    """fit34b: with the names in two lines the list showed five projects at 100 % and two and a
    half at 125 %: eight at 100 %, five at 125 % (three at 150 %), the list no taller than the
    window shows, all of them in sight scrolled to it (the page's one scroll)."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from ui.common.screen import FRAME

    from .test_headings_fit import WINDOWS

    window: MainWindow = demo_window(WINDOWS[scaling] - FRAME)
    window.navigate(Location("office_projects"))
    QApplication.processEvents()
    qtbot.wait(80)
    table = window.page("office_projects").editor.table
    assert table.rowCount() >= rows
    area = window.stack.parentWidget()
    scroll = area.parentWidget()
    assert isinstance(scroll, QScrollArea)
    found = []
    shown = table.viewport().height() / table.rowHeight(0)
    if shown < rows:
        found.append(f"room for {shown:.1f} projects ({table.rowHeight(0)} px each)")
    if table.height() > area.height():
        found.append(f"the list ({table.height()} px) is taller than the window shows ({area.height()} px)")
    # scrolled to its top (ensureWidgetVisible shows a list's current row only)
    scroll.verticalScrollBar().setValue(table.mapTo(scroll.widget(), table.rect().topLeft()).y())
    QApplication.processEvents()
    top = table.mapTo(area, table.rect().topLeft()).y()
    if top < 0 or top + table.height() > area.height():
        found.append(f"scrolled to it, the list is at {top}-{top + table.height()} in {area.height()}")
    window.shutdown()
    assert found == [], f"at {scaling}: {found}"
