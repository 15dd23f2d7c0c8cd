"""Issue 11 (DOCS finding): one-line column headings cut at 1366x768, at 100 % and 125 % display
scaling: the office budget's totals read "ดรวมตา" for "ยอดรวมตาม", the projects' list
"งบตามแผน (บาท)" and "เบิกจ่ายจริง (บาท)" lost their ends. The check (tests/ui/fit.py) only
looked at headings of several lines."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from ui.budget.office_page import ID_ROLE

from .fit import CELL_PADDING, SLACK, cut_off_texts

# The window maximised on a 1366x768 screen above a 40-pixel taskbar, in logical pixels.
WINDOWS = {"100 %": QSize(1366, 768 - 40), "125 %": QSize(round(1366 / 1.25), round((768 - 40) / 1.25)),
           "150 %": QSize(round(1366 / 1.5), round((768 - 40) / 1.5))}


pytestmark = pytest.mark.usefixtures("styled_app")


def cut_headings(window: MainWindow) -> list[str]:
    return [problem for problem in cut_off_texts(window.stack.currentWidget(), one_line_headings=True) if problem.startswith("heading")]


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_office_pages_headings_are_whole(qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(WINDOWS[scaling])
    found = []
    for kind in ("budget", "office_projects", "district", "schools"):
        window.navigate(Location(kind))
        qtbot.wait(30)
        found += [f"{kind}: {problem}" for problem in cut_headings(window)]
    window.shutdown()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_school_pages_headings_are_whole(qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """T11b: at 150 % the school list's "จังหวัด", the school page's "ปีงบประมาณ", the budget tab's
    "ราคาต่อหน่วย (บาท)" / "งบผูกพัน (ปี)" and "รายการ", and the plan tab's "ความก้าวหน้า" (at 125 %
    already) were cut. Every tab of the school with the most to show."""
    window = demo_window(WINDOWS[scaling])
    workspace = window.workspace
    school_id = max((school.id for school in workspace.schools.list()),
                    key=lambda sid: (len(workspace.visits.for_school(sid)), len(workspace.assessments.for_school(sid))))
    window.navigate(Location("school", school_id))
    qtbot.wait(30)
    page = window.page("school")
    assert page is not None
    found = []
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(30)
        found += [f"{page.tabs.tabText(index)}: {problem}" for problem in cut_headings(window)]
    window.shutdown()
    assert not found, "\n".join(found)


def test_the_check_sees_a_cut_heading_of_one_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["ยอดรวมตามสังกัด", "จำนวนเงิน (บาท)"])
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setColumnWidth(0, 40)
    table.setColumnWidth(1, 300)
    table.resize(400, 200)
    table.show()
    qtbot.waitExposed(table)
    [problem] = cut_off_texts(table, one_line_headings=True)
    assert "ยอดรวมตามสังกัด" in problem


@pytest.mark.parametrize("scaling", ["100 %", "125 %"])
def test_the_plan_goals_progress_column_is_in_view(qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """T11b: at 125 % the plan tab's goals list ran past its right edge: "ความก้าวหน้า", what the
    list is read for, was cut ("รอผลการประเมินรอบถัดไ") and reached only by scrolling sideways."""
    window = demo_window(WINDOWS[scaling])
    workspace = window.workspace
    school_id = next(school.id for school in workspace.schools.list() if workspace.plans.for_school(school.id))
    window.navigate(Location("school", school_id))
    page = window.page("school")
    assert page is not None
    page.tabs.setCurrentIndex(next(index for index in range(page.tabs.count()) if page.tabs.tabText(index) == "แผนพัฒนา"))
    goals = window.stack.currentWidget().findChild(QTableWidget, "planGoals")
    assert goals is not None and goals.isVisible()
    qtbot.wait(50)
    header = goals.horizontalHeader()
    last = header.count() - 1
    assert header.model().headerData(last, Qt.Orientation.Horizontal) == "ความก้าวหน้า"
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    found = cut_headings(window)
    window.shutdown()
    assert right <= goals.viewport().width(), f"ความก้าวหน้า ends at {right}, the list shows {goals.viewport().width()}"
    assert not found, "\n".join(found)


def cut_names(table: QTableWidget, column: int, label: str) -> list[str]:
    """The cells of a name column (a school, an office, an item asked for) that Qt ends in "…",
    among names of up to 40 characters' width."""
    metrics = table.fontMetrics()
    room = table.columnWidth(column) - CELL_PADDING
    found = []
    for row in range(table.rowCount()):
        cell = table.item(row, column)
        name = cell.text() if cell is not None else ""
        if metrics.horizontalAdvance(name) > metrics.averageCharWidth() * 40:
            continue
        if metrics.horizontalAdvance(name) > room + SLACK:
            found.append(f"{label} {name!r} needs {metrics.horizontalAdvance(name)}, has {room}")
    return found


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_budget_pages_names_are_whole(qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """T11b: the school's budget tab cut its "รายการ" ("กล้องโทรทั…") and the office's budget page
    the schools' and offices' names ("โรงเรียนชุมช…", "สพป.…") at 125 % and 150 %; the lists now
    keep the names whole and scroll sideways. s32 (bud32): the budget tab's items asked for end in
    "…" again where narrow, whole in their tooltips, so that the list does not scroll sideways.
    s33 (bud33): the office's page keeps the names whole with no sideways scrolling: its schools'
    list and totals one above the other where side by side would cut them."""
    window = demo_window(WINDOWS[scaling])
    window.navigate(Location("budget"))
    qtbot.wait(50)
    page = window.stack.currentWidget()
    found = []
    for name, column in (("schools_table", 0), ("totals_table", 1)):
        table = getattr(page, name)
        assert table.rowCount() > 0, name
        found += cut_names(table, column, name)
    # At 1366 px (100 %) the last columns show without sideways scrolling (TEST25, a14)
    sideways = [page.schools_table] if scaling == "100 %" else []
    workspace = window.workspace
    school_id = page.schools_table.item(0, 0).data(ID_ROLE)
    window.navigate(Location("school", school_id))
    school_page = window.page("school")
    assert school_page is not None
    school_page.tabs.setCurrentIndex(next(index for index in range(school_page.tabs.count())
                                          if school_page.tabs.tabText(index) == "คำของบประมาณ"))
    qtbot.wait(50)
    [items] = [table for table in school_page.tabs.currentWidget().findChildren(QTableWidget)
               if table.model().headerData(2, Qt.Orientation.Horizontal) == "รายการ"]
    assert items.rowCount() > 0 and workspace is window.workspace
    # s32 bud32: the items asked for give way to the other columns: "…", whole in the tooltip.
    found += [problem for problem in cut_names(items, 2, "รายการ")
              if not any(items.item(row, 2).text() in problem and items.item(row, 2).text() in items.item(row, 2).toolTip()
                         for row in range(items.rowCount()))]
    sideways += [items] if scaling == "100 %" else []
    found += [f"{table.objectName() or table.model().headerData(0, Qt.Orientation.Horizontal)} scrolls sideways:"
              f" {[table.columnWidth(c) for c in range(table.columnCount())]} in {table.viewport().width()}"
              for table in sideways if table.horizontalScrollBar().isVisible()]
    window.shutdown()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_school_list_shows_every_column_and_the_names_whole(qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """TEST26a #2: at 125 % and 150 % the demo's name column showed only its "ข้อมูลตัวอย่าง" badge,
    and with real data the names read "โรงเรียนบ้…" and กลุ่มสี was off the list, while ประเมินล่าสุด
    kept room for a long tag no row had."""
    from ui.common.columns import heading_width
    from ui.common.tables import TAG_ROLE, tagged_width
    from ui.schools.schools_page import COL_CODE, COL_LATEST, COL_NAME

    window = demo_window(WINDOWS[scaling])
    window.navigate(Location("schools"))
    qtbot.wait(50)
    page = window.page("schools")
    table, model = page.table, page.table.model()
    metrics = table.fontMetrics()
    widths = [table.columnWidth(column) for column in range(model.columnCount())]
    assert sum(widths) <= table.viewport().width() and not table.horizontalScrollBar().isVisible(), widths
    texts = {column: [str(model.index(row, column).data()) for row in range(model.rowCount())]
             for column in (COL_CODE, COL_NAME, COL_LATEST)}
    tags = [model.index(row, COL_LATEST).data(TAG_ROLE) for row in range(model.rowCount())]
    # At 150 % a tag in ประเมินล่าสุด (the demo is the office: "รอตรวจ") takes its least room from the
    # names, which may then end in "…" (tooltip whole) but keep "โรงเรียนบ้านแม่ต้าน" whole.
    names_may_shrink = scaling == "150 %" and any(tags)
    whole = (COL_CODE, COL_LATEST) if names_may_shrink else (COL_CODE, COL_NAME, COL_LATEST)
    cut = [f"{text!r} needs {metrics.horizontalAdvance(text)}, has {widths[column] - CELL_PADDING}"
           for column in whole for text in texts[column]
           if metrics.horizontalAdvance(text) > widths[column] - CELL_PADDING + SLACK]
    assert not cut, "\n".join(cut)
    if names_may_shrink:
        assert widths[COL_NAME] - CELL_PADDING + SLACK >= metrics.horizontalAdvance("โรงเรียนบ้านแม่ต้าน")
    # ประเมินล่าสุด is no wider than its text with its tag whole, or its heading.
    latest = max(max((CELL_PADDING + tagged_width(metrics, text, tag, whole=True)
                      for text, tag in zip(texts[COL_LATEST], tags)), default=0),
                 heading_width(table, "ประเมินล่าสุด"))
    assert widths[COL_LATEST] <= latest + SLACK + 4, (widths[COL_LATEST], latest)  # the tag's own margins
    window.shutdown()
