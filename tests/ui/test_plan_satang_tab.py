"""s34 T6: the plan tab takes a budget with satang ("1,500.50", "๑,๕๐๐.๕๐") as budget requests do,
and says it in figures and words ("…บาทห้าสิบสตางค์"), the total too."""

from __future__ import annotations

from ui.plans.edits import A_BUDGET, A_WORDS

from .test_plan_refused_cells import plan_with_activity
from .test_plan_tab import sarabun  # noqa: F401 (a fixture)


def test_the_tab_takes_satang_in_arabic_or_thai_digits(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    panel, plan_id = plan_with_activity(qtbot, memory_workspace, school.id)
    panel.activities.item(0, A_BUDGET).setText("1,500.50")
    (activity,) = memory_workspace.plans.parts(plan_id).activities
    assert activity.budget_satang == 150050, panel.message.text()
    assert "ยังไม่ได้บันทึก" not in panel.message.text()
    row = panel.activities.rows_shown()[0]
    assert row[A_BUDGET] == "๑,๕๐๐.๕๐" and row[A_WORDS] == "หนึ่งพันห้าร้อยบาทห้าสิบสตางค์"
    assert panel.total_label.text() == "งบประมาณรวม ๑,๕๐๐.๕๐ บาท (หนึ่งพันห้าร้อยบาทห้าสิบสตางค์)"
    panel.activities.item(0, A_BUDGET).setText("๒,๐๐๐.๒๕")
    (activity,) = memory_workspace.plans.parts(plan_id).activities
    assert activity.budget_satang == 200025
    assert panel.activities.rows_shown()[0][A_WORDS] == "สองพันบาทยี่สิบห้าสตางค์"
