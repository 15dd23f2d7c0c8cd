"""try14 F14: at 150 % on 1366×768 the plan tab's goals began below the window's edge and the title
box showed the end of the title. In a short tab the hint line gives way (its text becomes the
parts' tooltip) and the title box shows the title's start."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from qualityschool_desktop.workspace import Workspace

from .test_plan_tab import panel_for, sarabun, submitted_round  # noqa: F401 (sarabun: the font fixture)


def test_a_short_tab_gives_the_hint_line_to_the_goals(qtbot: Any, memory_workspace: Workspace, school: Any) -> None:
    submitted_round(memory_workspace, school.id)
    plan = memory_workspace.plans.create(school.id, 2569, base=(2568, 1))
    memory_workspace.plans.update_plan(plan.id, title="แผนพัฒนาคุณภาพการศึกษา ปีงบประมาณ ๒๕๖๙–๒๕๗๓ โรงเรียนทดสอบวิทยา")
    panel = panel_for(qtbot, memory_workspace, school.id)
    assert panel.hint.isVisible() and panel.parts_tabs.toolTip() == ""
    assert panel.title_edit.cursorPosition() == 0  # the title's start in view
    panel.resize(911, 233)  # the school page's room for the tab at 150 % on 1366×768
    qtbot.waitUntil(lambda: not panel.hint.isVisible())
    assert panel.parts_tabs.toolTip().startswith(panel.hint.text())  # and where the plan started
    panel.resize(1300, 560)
    qtbot.waitUntil(panel.hint.isVisible)
    panel.close()


@pytest.mark.usefixtures("styled_app")
def test_at_150_percent_the_goals_show_whole_rows(qtbot: Any, memory_workspace: Workspace, school: Any) -> None:
    """RETEST14 F14, test26b F3: at 150 % on 1366×768 (the tab's room 871×206 logical pixels, the
    house style) the goals table showed only its header, its first row below the edge; the page
    scrolled by the tables' whole preferred height. The line of where the plan started gives way. The empty save line gives
    its line to the goals (it joins the parts' corner) and whole goal rows show; taller, it is back."""
    submitted_round(memory_workspace, school.id)
    plan = memory_workspace.plans.create(school.id, 2569, base=(2568, 1))
    for name in ("ครูจัดการเรียนรู้เชิงรุก", "นักเรียนอ่านออกเขียนได้"):
        memory_workspace.plans.add_goal(plan.id, "1", name, ("1.1.1",), 4)
    panel = panel_for(qtbot, memory_workspace, school.id)
    panel.resize(871, 206)  # test26b F3: the tab's room in the real window at 150 % (the school card above)
    qtbot.waitUntil(lambda: not panel.hint.isVisible())
    QApplication.processEvents()
    assert not panel.base_label.isVisible() and panel.base_label.text() in panel.parts_tabs.toolTip()
    scroll = panel.findChild(QScrollArea, "planScroll")
    rows = panel.goals.verticalHeader()
    top = panel.goals.viewport().mapTo(scroll.viewport(), QPoint(0, 0)).y()
    whole = [r for r in range(panel.goals.rowCount())
             if top + rows.sectionViewportPosition(r) + rows.sectionSize(r) <= scroll.viewport().height()]
    assert whole, (top, scroll.viewport().height())  # at least the first goal, whole, without scrolling
    assert panel.save_line.isVisibleTo(panel)  # still there to say what happened to an edit
    other = memory_workspace.schools.add(code="6301000002", name="โรงเรียนไม่มีแผน", area_office="สพป.ตาก เขต 1")
    panel.show_school(other.id)  # no plan, no parts: the save line is on its own line, in view
    QApplication.processEvents()
    assert not panel.parts_tabs.isVisibleTo(panel) and panel.save_line.isVisibleTo(panel)
    panel.show_school(school.id)
    QApplication.processEvents()
    assert panel.save_line.parentWidget() is panel.parts_tabs.cornerWidget()
    panel.resize(1300, 560)
    qtbot.waitUntil(panel.hint.isVisible)
    assert panel.save_line.parentWidget() is not panel.parts_tabs.cornerWidget()
    panel.close()


@pytest.mark.usefixtures("styled_app")
def test_a_five_year_plans_indicators_read_without_sideways_scrolling(qtbot: Any, memory_workspace: Workspace,
                                                                      school: Any) -> None:
    """test26b F2: a 5-year plan (seed 003 plans 2566–2570) at 1366×768 (the tab 1326 px wide): the
    indicators table scrolled sideways and the names read "ร้อ…". Now no sideways scroll, the name
    column is wide and wraps; beyond five years the name keeps its width and the table scrolls."""
    plan = memory_workspace.plans.create(school.id, 2566)
    memory_workspace.plans.update_plan(plan.id, first_year=2566, last_year=2570)
    name = "ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ ๓ ที่อ่านออกเขียนได้ตามเกณฑ์ของสำนักงานเขตพื้นที่การศึกษา"
    memory_workspace.plans.add_indicator(plan.id, name)
    panel = panel_for(qtbot, memory_workspace, school.id)
    panel.resize(1326, 420)
    panel.parts_tabs.setCurrentIndex(1)
    table = panel.indicators
    qtbot.waitUntil(lambda: table.isVisible() and table.columnCount() == 15)
    QApplication.processEvents()
    assert table.model().headerData(3, Qt.Orientation.Horizontal) == "เป้า\n๒๕๖๖"
    assert not table.horizontalScrollBar().isVisible(), str([table.columnWidth(c) for c in range(15)]) + str(table.viewport().width())
    assert table.columnWidth(0) >= 240
    assert table.rowHeight(0) > table.fontMetrics().height() * 1.8  # the long name on two lines or more
    memory_workspace.plans.update_plan(plan.id, last_year=2573)  # eight years: the name still readable
    panel.refresh()
    qtbot.waitUntil(lambda: table.columnCount() == 21)
    QApplication.processEvents()
    assert table.columnWidth(0) >= 240
    panel.close()
