"""TEST34 T3: a plan cell the core refused (a 300-character activity name, a budget in satang)
stays in view marked, and is treated alike whatever it is: the line names every refused cell, a
switch to another tab of the school page and พิมพ์แผน ask first ("กลับไปแก้ไขต่อ / ทิ้ง"), and a
row whose amount is refused does not keep the old amount's words beside the new figure."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

import ui.common.save_state as save_state
from qualityschool_desktop.workspace import Workspace
from ui.plans.edits import A_BUDGET, A_NAME, A_WORDS
from ui.plans.tab import PlanPanel
from ui.schools.school_page import SchoolPage
from ui.shell.api import SchoolTab, SchoolTabSpec

from .keyboard import show_active
from .test_plan_tab import panel_for, sarabun, submitted_round  # noqa: F401 (sarabun is a fixture)

LONG_NAME = "โครงการปรับปรุงซ่อมแซมอาคารเรียน" * 10  # 320 characters: more than 255


def plan_with_activity(qtbot, workspace: Workspace, school_id: str) -> tuple[PlanPanel, str]:  # type: ignore[no-untyped-def]
    submitted_round(workspace, school_id)
    panel = panel_for(qtbot, workspace, school_id)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    (plan,) = workspace.plans.for_school(school_id)
    workspace.plans.add_activity(plan.id, "กิจกรรมใหม่", budget_baht=15000)
    panel.refresh()
    panel.parts_tabs.setCurrentIndex(2)
    return panel, plan.id


def answer(monkeypatch, choice: str) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_kw: asked.append(message) or choice)
    return asked


def test_the_line_names_every_refused_cell_and_a_refused_amount_loses_its_old_words(
        qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    panel, plan_id = plan_with_activity(qtbot, memory_workspace, school.id)
    panel.activities.item(0, A_NAME).setText(LONG_NAME)
    panel.activities.item(0, A_BUDGET).setText("99.505")
    panel.activities.item(0, 1).setText("ครูสมศรี")  # a cell that is stored: the refused two stay said
    line = panel.message.text()
    assert "ยังไม่ได้บันทึก" in line and "กิจกรรมยาวเกินกำหนด" in line and "ทศนิยม" in line, line
    row = panel.activities.rows_shown()[0]
    assert row[A_NAME] == LONG_NAME and row[A_BUDGET] == "99.505"
    assert row[A_WORDS] != "หนึ่งหมื่นห้าพันบาทถ้วน", row[A_WORDS]
    (activity,) = memory_workspace.plans.parts(plan_id).activities
    assert (activity.name, activity.budget_satang, activity.owner) == ("กิจกรรมใหม่", 1500000, "ครูสมศรี")


class _Other(SchoolTab):
    pass


def test_a_refused_name_is_asked_about_before_another_tab_and_before_printing(
        qtbot, memory_workspace, school, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    submitted_round(memory_workspace, school.id)
    made: dict[str, Any] = {}

    def plan_tab(workspace: Workspace) -> SchoolTab:
        made["plan"] = PlanPanel(workspace)
        return made["plan"]

    page = SchoolPage(memory_workspace, [SchoolTabSpec("plans", "แผนพัฒนา", 25, plan_tab),
                                         SchoolTabSpec("other", "คำของบประมาณ", 30, lambda _w: _Other())])
    page.resize(1366, 700)
    show_active(qtbot, page)
    page.show_school(school.id)
    panel: PlanPanel = made["plan"]
    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    (plan,) = memory_workspace.plans.for_school(school.id)
    memory_workspace.plans.add_activity(plan.id, "กิจกรรมใหม่")
    panel.refresh()
    panel.activities.item(0, A_NAME).setText(LONG_NAME)

    asked = answer(monkeypatch, "stay")
    page.tabs.setCurrentIndex(1)  # another tab: asked, and staying keeps the plan shown
    assert asked and "กิจกรรมยาวเกินกำหนด" in asked[-1]
    assert page.tabs.currentIndex() == 0
    assert panel.activities.rows_shown()[0][A_NAME] == LONG_NAME

    printed: list[str] = []
    from ui.plans.feature import PlansFeature

    feature = PlansFeature.__new__(PlansFeature)
    feature.print_plan = printed.append  # type: ignore[method-assign]
    feature.connect_printing(panel)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)  # asked; staying prints nothing
    assert len(asked) == 2 and printed == []

    answer(monkeypatch, "discard")
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)  # let go: the stored plan prints
    assert printed == [plan.id]
    assert panel.activities.rows_shown()[0][A_NAME] == "กิจกรรมใหม่"
    page.tabs.setCurrentIndex(1)  # nothing waits: no question
    assert page.tabs.currentIndex() == 1
