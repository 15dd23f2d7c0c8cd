"""The school timeline: self-assessments and visits in date order, their component levels in the
table, and a row click asking to open the record."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontDatabase

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.schools.timeline import TimelineWidget

HEADERS = ("วันที่", "รายการ", "ด้านที่ ๑", "ด้านที่ ๒", "ด้านที่ ๓", "ด้านที่ ๔", "ด้านที่ ๕", "ภาพรวม")


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def assess(workspace: Workspace, school_id: str, year: int, on: date, levels: dict[str, int]) -> str:
    assessment = workspace.assessments.start(school_id, year, assessed_on=on)
    for item in workspace.frameworks.latest().items:
        workspace.answers.set_level(assessment.id, item.code, levels[item.component_code])
    workspace.assessments.submit(assessment.id)
    return assessment.id


def visit(workspace: Workspace, school_id: str, on: date, levels: dict[str, int]) -> str:
    record = workspace.visits.start(school_id, visited_on=on)
    for code, level in levels.items():
        workspace.visits.set_level(record.id, code, level)
    return record.id


@pytest.fixture
def history(memory_workspace: Workspace, school):  # type: ignore[no-untyped-def]
    """Entered out of order on purpose: the timeline must sort by date."""
    ws = memory_workspace
    return {
        "visit_2569": visit(ws, school.id, date(2026, 2, 3), {"1": 3, "2": 4, "3": 3, "4": 3, "5": 3}),
        "self_2568": assess(ws, school.id, 2568, date(2025, 1, 15), {"1": 2, "2": 3, "3": 2, "4": 2, "5": 3}),
        "visit_2568": visit(ws, school.id, date(2025, 2, 20), {"1": 2, "4": 1}),
        "self_2569": assess(ws, school.id, 2569, date(2026, 1, 10), {"1": 4, "2": 4, "3": 3, "4": 3, "5": 4}),
    }


def show(qtbot, workspace: Workspace, school_id: str) -> TimelineWidget:  # type: ignore[no-untyped-def]
    widget = TimelineWidget(workspace)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show_school(school_id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_points_in_date_order_with_their_levels(qtbot, memory_workspace, school, history) -> None:  # type: ignore[no-untyped-def]
    widget = show(qtbot, memory_workspace, school.id)

    rows = widget.table_rows()
    assert [tuple(rows[0])] == [HEADERS]
    assert [(r["วันที่"], r["รายการ"]) for r in rows] == [
        ("๑๕ ม.ค. ๒๕๖๘", "ประเมินตนเอง ๒๕๖๘ รอบ ๑"),
        ("๒๐ ก.พ. ๒๕๖๘", "นิเทศ ติดตาม"),
        ("๑๐ ม.ค. ๒๕๖๙", "ประเมินตนเอง ๒๕๖๙ รอบ ๑"),
        ("๓ ก.พ. ๒๕๖๙", "นิเทศ ติดตาม"),
    ]
    assert [r["ด้านที่ ๑"] for r in rows] == ["๒.๐๐", "๒.๐๐", "๔.๐๐", "๓.๐๐"]
    # The first visit rated components 1 and 4 only: the others show as not rated.
    assert [rows[1][h] for h in HEADERS[2:]] == ["๒.๐๐", "–", "–", "๑.๐๐", "–", "๑.๕๐"]
    assert rows[2]["ภาพรวม"] == "๓.๖๐"
    assert widget.chart.isVisible() and not widget.empty_label.isVisible()


def test_clicking_a_row_or_pressing_enter_opens_its_record(qtbot, memory_workspace, school, history) -> None:  # type: ignore[no-untyped-def]
    widget = show(qtbot, memory_workspace, school.id)
    table = widget.table

    cell = table.visualItemRect(table.item(1, 2)).center()
    with qtbot.waitSignal(widget.open_record, timeout=1000) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == ["visit", history["visit_2568"]]

    table.setFocus()
    table.selectRow(2)
    with qtbot.waitSignal(widget.open_record, timeout=1000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == ["self", history["self_2569"]]


def test_a_school_with_no_points_and_with_one(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    widget = show(qtbot, memory_workspace, school.id)
    assert widget.empty_label.isVisible() and widget.empty_label.text().startswith("ยังไม่มีการประเมินตนเองหรือการนิเทศ")
    assert not widget.chart.isVisible() and not widget.table.isVisible()

    visit(memory_workspace, school.id, date(2026, 2, 3), {"2": 4})
    widget.show_school(school.id)
    assert widget.chart.isVisible() and not widget.empty_label.isVisible()
    assert [r["ด้านที่ ๒"] for r in widget.table_rows()] == ["๔.๐๐"]
    assert widget.note.isVisible() and "ครั้งเดียว" in widget.note.text()
    widget.chart.grab()  # one point paints without dividing by zero


def test_clicking_a_point_on_the_chart_opens_its_record(qtbot, memory_workspace, school, history) -> None:  # type: ignore[no-untyped-def]
    widget = show(qtbot, memory_workspace, school.id)
    chart = widget.chart
    plot = chart._plot_rect(chart._panel_rect(0))
    last = QPoint(round(chart._x(plot, 3)), round(chart._y(plot, 3.0)))  # component 1 at the last visit: 3
    with qtbot.waitSignal(widget.open_record, timeout=1000) as opened:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=last)
    assert opened.args == ["visit", history["visit_2569"]]
