"""A plan indicator's yearly value that is not a number is refused with the year in the message's
Thai digits (C14 item 10: "ค่าเป้าหมายปี 2570" in an otherwise Thai-digit sentence; the cell's own
path did not name the year at all)."""

from __future__ import annotations

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.workspace import Workspace


@pytest.fixture
def indicator(memory_workspace: Workspace) -> str:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบ")
    plan = memory_workspace.plans.create(school.id, 2569, 2570)
    return memory_workspace.plans.add_indicator(plan.id, "ร้อยละของนักเรียนที่อ่านออก", unit="ร้อยละ").id


def test_a_target_in_the_indicator_s_targets_names_its_year_in_thai_digits(memory_workspace: Workspace,
                                                                          indicator: str) -> None:
    with pytest.raises(ValidationError) as refused:
        memory_workspace.plans.update_part("plan_indicators", indicator, targets={2570: "ครึ่งหนึ่ง"})
    assert "ค่าเป้าหมายปี ๒๕๗๐ ต้องเป็นตัวเลข" in str(refused.value) and "2570" not in str(refused.value)


@pytest.mark.parametrize("which, label", [("targets", "ค่าเป้าหมาย"), ("actuals", "ผลที่ได้")])
def test_one_year_s_cell_names_its_year_too(memory_workspace: Workspace, indicator: str, which: str, label: str) -> None:
    with pytest.raises(ValidationError, match=f"{label}ปี ๒๕๖๙ ต้องเป็นตัวเลข"):
        memory_workspace.plans.set_yearly(indicator, which, 2569, "abc")


def test_a_span_shrink_refusal_writes_dates_as_thai_be_dates_and_names_as_typed(memory_workspace: Workspace,
                                                                               indicator: str) -> None:
    """C14 item 9: the refusal ran thai_digits over the whole sentence, so an activity's date read
    "๒๐๒๗-๐๖-๓๐" (a CE date in Thai digits) and a name typed with Arabic digits changed."""
    plans = memory_workspace.plans
    (plan,) = plans.for_school(memory_workspace.schools.by_code("6301000001").id)
    plans.add_activity(plan.id, "อบรมครู 2 วัน", starts_on="2026-10-01", ends_on="2027-06-30")
    with pytest.raises(ValidationError) as refused:
        plans.update_plan(plan.id, first_year=2568, last_year=2568)
    message = str(refused.value)
    assert "วันสิ้นสุด ๓๐ มิถุนายน ๒๕๗๐" in message and "อบรมครู 2 วัน" in message
    assert "๒๐๒๗" not in message and "2027" not in message
    assert "๒๕๖๘" in message  # the new span, in Thai digits
