"""The แผนพัฒนา tab's plans themselves (TEST14e finding f02): "สร้างแผนพัฒนา" clicked again opens the
plan the school has for those years instead of making an empty one; an empty plan can be removed
with its own button and brought back with "เลิกทำ"; a plan with content is not removed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.plans.tab import PlanPanel

from .test_plan_tab import panel_for, sarabun, submitted_round  # noqa: F401 (sarabun is a fixture)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_second_click_opens_the_plan_of_those_years_instead_of_an_empty_one(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    submitted_round(memory_workspace, school.id)
    panel: PlanPanel = panel_for(qtbot, memory_workspace, school.id)
    click(qtbot, panel.new_button)
    (plan,) = memory_workspace.plans.for_school(school.id)
    memory_workspace.plans.add_goal(plan.id, "1", "ครูจัดการเรียนรู้เชิงรุก")
    for _ in range(2):
        click(qtbot, panel.new_button)
    assert [p.id for p in memory_workspace.plans.for_school(school.id)] == [plan.id]
    assert panel.parts is not None and panel.parts.plan.id == plan.id
    assert "มีแผนพัฒนาของปีงบประมาณ ๒๕๖๙ อยู่แล้ว" in panel.message.text()


def test_an_empty_plan_is_removed_and_brought_back_but_one_with_goals_stays(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    submitted_round(memory_workspace, school.id)
    panel: PlanPanel = panel_for(qtbot, memory_workspace, school.id)
    click(qtbot, panel.new_button)
    (plan,) = memory_workspace.plans.for_school(school.id)
    assert panel.remove_plan_button.isVisible() and panel.remove_plan_button.isEnabled()
    click(qtbot, panel.remove_plan_button)
    assert memory_workspace.plans.for_school(school.id) == []
    assert panel.empty_label.isVisible() and "ลบแผน" in panel.message.text()
    assert panel.plan_undo_button.isVisible()
    click(qtbot, panel.plan_undo_button)
    assert [p.id for p in memory_workspace.plans.for_school(school.id)] == [plan.id]
    assert panel.parts is not None and panel.parts.plan.id == plan.id and not panel.plan_undo_button.isVisible()

    memory_workspace.plans.add_goal(plan.id, "1", "ครูจัดการเรียนรู้เชิงรุก")
    panel.refresh()
    click(qtbot, panel.remove_plan_button)
    assert [p.id for p in memory_workspace.plans.for_school(school.id)] == [plan.id]
    assert "ลบได้เฉพาะแผนที่ยังไม่มีเป้าหมาย" in panel.message.text()


def test_a_removed_goal_leaves_the_table_and_undo_brings_it_back(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    """Found on the way: the core's remove returns nothing, which the tab read as a refusal, so a
    removed goal stayed in the table and "เลิกทำ" never showed."""
    plan = memory_workspace.plans.create(school.id, 2569)
    goal = memory_workspace.plans.add_goal(plan.id, "1", "ครูจัดการเรียนรู้เชิงรุก")
    panel: PlanPanel = panel_for(qtbot, memory_workspace, school.id)
    panel.goals.select_id(goal.id)
    panel.remove_selected()
    assert memory_workspace.plans.parts(plan.id).goals == () and panel.goals.rowCount() == 0
    assert panel.undo_button.isVisible()
    panel.undo()
    assert [g.id for g in memory_workspace.plans.parts(plan.id).goals] == [goal.id]
    assert panel.goals.rowCount() == 1 and not panel.undo_button.isVisible()


def test_a_new_plan_s_title_writes_its_year_in_the_window_s_digits(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    """C14 item 2: the default title was "… ปีงบประมาณ 2569" whatever the digit style."""
    from ui.common import digits

    submitted_round(memory_workspace, school.id)
    panel: PlanPanel = panel_for(qtbot, memory_workspace, school.id)
    click(qtbot, panel.new_button)
    (plan,) = memory_workspace.plans.for_school(school.id)
    assert plan.title == "แผนพัฒนาคุณภาพการศึกษา ปีงบประมาณ ๒๕๖๙"
    assert panel.title_edit.text() == plan.title
    memory_workspace.plans.remove("plans", plan.id)
    digits.set_style("arabic")
    click(qtbot, panel.new_button)
    (plan,) = memory_workspace.plans.for_school(school.id)
    assert plan.title == "แผนพัฒนาคุณภาพการศึกษา ปีงบประมาณ 2569"
