"""The school page's แผนพัฒนา tab (issue 14): a goal typed and an item picked from the suggestions
are in the database and still there when the tab is made again; a bad item code is refused with a
Thai message, kept in its cell and nothing changes; the history shows an edit; where the school is
owned by another laptop's key nothing can be edited and the tab says where it can."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.plans.edits import G_ITEMS, G_NAME
from ui.plans.tab import PlanPanel

from ..laptops import CODE_A, CODE_B, NAME_B, laptops, start_school  # noqa: F401 (laptops is a fixture)
from .keyboard import show_active, type_text


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def submitted_round(workspace: Workspace, school_id: str) -> None:
    items = workspace.frameworks.latest().items
    first = workspace.assessments.start(school_id, 2568)
    for item, level in zip(items[:6], (2, 3, 4, 1, 5, 3)):
        workspace.answers.set_level(first.id, item.code, level)
    workspace.answers.flush_pending()
    workspace.assessments.submit(first.id)


def panel_for(qtbot, workspace: Workspace, school_id: str) -> PlanPanel:  # type: ignore[no-untyped-def]
    panel = PlanPanel(workspace)
    panel.resize(1300, 560)
    show_active(qtbot, panel)
    panel.show_school(school_id)
    return panel


def test_type_a_goal_pick_a_suggested_item_and_find_them_again(qtbot, memory_workspace, school,
                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    submitted_round(memory_workspace, school.id)
    items = memory_workspace.frameworks.latest().items
    panel = panel_for(qtbot, memory_workspace, school.id)
    assert panel.empty_label.isVisible() and not panel.body.isVisible()

    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    (plan,) = memory_workspace.plans.for_school(school.id)
    assert (plan.first_year, plan.base_year, plan.base_round) == (2569, 2568, 1)
    assert panel.body.isVisible()
    # The weakest item (level 1) is offered first, with why.
    assert panel.suggestion_list.item(0).text().startswith(f"{items[3].code.replace('.', '.')}".translate(
        str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")))
    assert "ระดับ ๑" in panel.suggestion_list.item(0).text()

    # Add a goal: its name cell opens for typing; Enter saves it.
    qtbot.mouseClick(panel.add_buttons["plan_goals"], Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, "ครูจัดการเรียนรู้เชิงรุก")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: panel.goals.state() != panel.goals.State.EditingState)
    (goal,) = memory_workspace.plans.parts(plan.id).goals
    assert goal.name == "ครูจัดการเรียนรู้เชิงรุก"
    assert "บันทึกแล้ว" in panel.message.text()

    # Pick the first suggestion for the selected goal with the keyboard (Enter on the list).
    panel.goals.select_id(goal.id)
    panel.suggestion_list.setFocus()
    panel.suggestion_list.setCurrentRow(0)
    qtbot.keyClick(panel.suggestion_list, Qt.Key.Key_Return)
    assert memory_workspace.plans.parts(plan.id).goals[0].item_codes == (items[3].code,)

    # A code the checklist does not have: refused in Thai, kept in its cell, nothing written.
    row = panel.goals.currentRow()
    panel.goals.item(row, G_ITEMS).setText("9.9.9")
    assert "ยังไม่ได้บันทึก" in panel.message.text() and "๙.๙.๙" in panel.message.text()
    assert panel.goals.item(row, G_ITEMS).text() == "9.9.9"
    assert memory_workspace.plans.parts(plan.id).goals[0].item_codes == (items[3].code,)

    # The history of the goal says what its name became (a minute later: a burst of its own).
    from datetime import timedelta

    from qualityschool_desktop import clock
    monkeypatch.setattr(clock, "_offset", clock._offset + timedelta(minutes=1))
    panel.goals.item(row, G_NAME).setText("ครูทุกคนจัดการเรียนรู้เชิงรุก")
    panel.goals.select_id(goal.id)
    panel.show_history()
    rows = panel.history_dialog.rows_shown()
    assert ("เครื่องนี้", "ชื่อ", "ครูจัดการเรียนรู้เชิงรุก", "ครูทุกคนจัดการเรียนรู้เชิงรุก") in [r[1:] for r in rows]
    panel.history_dialog.close()
    panel.close()

    # Made again (the window closed and opened): the goal and its item are still there.
    again = panel_for(qtbot, memory_workspace, school.id)
    shown = again.goals.rows_shown()
    assert shown[0][G_NAME] == "ครูทุกคนจัดการเรียนรู้เชิงรุก"
    assert shown[0][G_ITEMS] == items[3].code.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    with qtbot.waitSignal(again.print_requested) as printed:
        qtbot.mouseClick(again.print_button, Qt.MouseButton.LeftButton)
    assert printed.args == [plan.id]


def test_another_schools_laptop_sees_the_plan_read_only(qtbot, laptops) -> None:  # type: ignore[no-untyped-def]
    school, other = laptops("school"), laptops("other-school")
    with school.open() as workspace:
        ids = start_school(workspace)
        plan = workspace.plans.create(ids["school"], 2569)
        workspace.plans.add_goal(plan.id, "1", "ครูจัดการเรียนรู้เชิงรุก", ("1.1.1",), 4)
        workspace.plans.add_activity(plan.id, "อบรมครู", budget_baht=150000)
    other.import_(school.export("plan.qsx", school_codes=[CODE_A]))
    with other.open() as workspace:
        workspace.schools.add(code=CODE_B, name=NAME_B, district="แม่สอด", province="ตาก", level="primary")
    other.activate()
    workspace = Workspace.open(other.db)
    try:
        panel = panel_for(qtbot, workspace, ids["school"])
        assert "แก้ไขได้ที่เครื่องของโรงเรียน" in panel.hint_text()
        assert panel.goals.rows_shown()[0][G_NAME] == "ครูจัดการเรียนรู้เชิงรุก"
        assert panel.activities.rows_shown()[0][5] == "หนึ่งแสนห้าหมื่นบาทถ้วน"
        for widget in (panel.new_button, panel.pick_button, panel.remove_button, *panel.add_buttons.values()):
            assert not widget.isEnabled()
        assert panel.title_edit.isReadOnly()
        assert panel.goals.editTriggers() == panel.goals.EditTrigger.NoEditTriggers
        assert panel.print_button.isEnabled() and panel.history_button.isEnabled()
        panel.goals.item(0, G_NAME).setText("แก้ที่เครื่องอื่น")  # even a forced edit writes nothing
        assert workspace.plans.parts(plan.id).goals[0].name == "ครูจัดการเรียนรู้เชิงรุก"
        panel.close()
    finally:
        workspace.close()


def test_the_remove_and_undo_buttons_fit_beside_the_parts_tabs(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    """DOCS finding: the corner buttons (นำออก, เอาคืน) were 30 px high in a 36 px need (the tab
    bar's height): their frames cut at the bottom. At 100 % and in the 150 % window they fit."""
    from ui.shell import app as app_module

    from .fit import squeezed_widgets

    app_module.make_application()
    submitted_round(memory_workspace, school.id)
    panel = panel_for(qtbot, memory_workspace, school.id)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    panel.undo_button.show()  # as after a removal: both buttons in the corner
    for size in ((1300, 560), (894, 445)):
        panel.resize(*size)
        qtbot.wait(20)
        corner = panel.remove_button.parentWidget()
        assert corner.height() >= corner.minimumSizeHint().height(), (size, corner.height())
        assert panel.remove_button.height() >= panel.remove_button.sizeHint().height()
        assert not [line for line in squeezed_widgets(panel) if "x" in line and "QWidget ''" in line], size


def test_a_goal_that_partly_went_down_does_not_read_moved_up() -> None:
    """TEST14 finding 8: "▲ ขยับขึ้น" only when nothing fell; "ลดลง" on what went down."""
    from qualityschool_desktop.plans.progress import GoalProgress, ItemProgress
    from ui.plans.cells import goal_progress_text

    up = ItemProgress("1.1.1", "", 2, 3, 3)
    down = ItemProgress("1.1.2", "", 3, 2, 4)
    same = ItemProgress("1.1.3", "", 2, 2, 3)
    assert goal_progress_text(GoalProgress(None, (up, same))).startswith("▲ ขยับขึ้น · ")  # type: ignore[arg-type]
    mixed = goal_progress_text(GoalProgress(None, (up, down)))  # type: ignore[arg-type]
    assert mixed.startswith("▲▼ ขยับขึ้นบางตัว บางตัวลดลง · ") and "๑.๑.๒ ๓→๒ (เป้า ๔) ลดลง" in mixed
    assert goal_progress_text(GoalProgress(None, (down, same))).startswith("▼ ลดลง · ")  # type: ignore[arg-type]
    assert not goal_progress_text(GoalProgress(None, (same,))).startswith(("▲", "▼"))  # type: ignore[arg-type]
    from types import SimpleNamespace

    from ui.plans.cells import fell_text

    goals = (GoalProgress(None, (up, down)), GoalProgress(None, (down,)), GoalProgress(None, (up,)))  # type: ignore[arg-type]
    assert fell_text(SimpleNamespace(goals=goals)) == " (ในจำนวนนี้บางตัวลดลง 1 เป้าหมาย), ลดลง 1 เป้าหมาย"  # type: ignore[arg-type]
