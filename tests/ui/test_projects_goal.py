"""The plan goal and components a project serves (issue 15, try15 F1): chosen in the projects editor
(the school tab's goals come from the school's development plans; an office's project names
components only), saved through the core and shown again; the window's counts agree with the
printed report's (F20) and add up to 100 (F4)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from ui.projects.page import ProjectsPage

from .keyboard import type_text
from .test_school_projects_tab import open_tab

YEAR = 2569
OFFICE = "สพป.ตาก เขต 1"
pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_school_project_serves_a_goal_of_its_plan_and_components(qtbot: Any, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว", area_office=OFFICE)
    goal = ws.plans.add_goal(ws.plans.create(school.id, YEAR).id, "2", "ครูจัดการเรียนรู้เชิงรุก")
    project = ws.projects.add(YEAR, "โครงการอบรมครู", school_id=school.id)
    tab = open_tab(qtbot, ws, school.id)
    editor = tab.editor
    box = editor.goal_box
    assert box.isEnabled()
    assert [box.itemText(i) for i in range(box.count())] == ["– ไม่ระบุ –", "องค์ประกอบที่ ๒: ครูจัดการเรียนรู้เชิงรุก"]
    box.setCurrentIndex(1)
    box.activated.emit(1)
    qtbot.waitUntil(lambda: ws.projects.get(project.id).plan_goal_id == goal.id, timeout=5000)
    editor.components_edit.setFocus()
    type_text(editor.components_edit, "๒, ๒.๓")
    qtbot.keyClick(editor.components_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.projects.get(project.id).component_codes == "2 2.3", timeout=5000)
    editor.fill()  # read again: shown as stored, in the window's digits
    assert editor.goal_box.currentData() == goal.id and editor.components_edit.text() == "๒ ๒.๓"


def test_an_office_project_names_its_components_and_the_counts_match_the_report(
        qtbot: Any, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    for index, status in enumerate(["finished"] * 2 + ["in_progress"] * 3 + ["not_started"] * 3):
        ws.projects.add(YEAR, f"โครงการที่ {index + 1}", area_office=OFFICE, status=status)
    ws.projects.add(YEAR, "โครงการบ้านนักวิทยาศาสตร์น้อย", area_office=OFFICE, status="in_progress", budget_lines=[
        {"source": "agency", "agency": "สถาบันทดสอบทางการศึกษาแห่งชาติ", "planned_baht": [5000]}])
    page = ProjectsPage(ws)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.year_box.setValue(YEAR)
    page.show()
    page.refresh(OFFICE)
    assert not page.goal_box.isEnabled()  # an office has no development plan in the program
    assert page.goal_box.toolTip()
    summary = page.summary.text()
    # the report's groups and shares: ๘ of the plan (๒๕.๐๐ + ๓๗.๕๐ + ๓๗.๕๐ = ๑๐๐) and ๑ funded by others
    assert "ตามแผนปฏิบัติการ ๘ โครงการ" in summary and summary.count("(๓๗.๕๐%)") == 2
    assert "หน่วยงานอื่น ๑ โครงการ" in summary


def test_indicator_figures_in_the_windows_digits(qtbot: Any, memory_workspace: Workspace) -> None:
    """try15 F3: "100" among Thai digits; typed "๘๐" is stored as 80 and shown ๘๐."""
    ws = memory_workspace
    project = ws.projects.add(YEAR, "โครงการนิเทศ", area_office=OFFICE, indicators=[
        {"name": "ร้อยละของโรงเรียนที่ได้รับการนิเทศ", "target": "๘๐", "actual": "87.91"}])
    assert ws.projects.get(project.id).indicators[0]["target"] == "80"
    page = ProjectsPage(ws)
    qtbot.addWidget(page)
    page.year_box.setValue(YEAR)
    page.show()
    page.refresh(OFFICE)
    grid = page.parts["indicators"]
    assert [grid.item(0, c).text() for c in (1, 2)] == ["๘๐", "๘๗.๙๑"]
