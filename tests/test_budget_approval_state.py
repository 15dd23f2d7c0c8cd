"""An office's approval names the state of the item it approved (TEST14e finding f01): a change the
school makes afterwards calls for a new decision whatever the two laptops' clocks say."""

from __future__ import annotations

from datetime import timedelta
from typing import Callable

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.budget.office import budget_picture

from .laptops import CODE_A, Laptop, laptops  # noqa: F401 (a fixture)
from .test_budget_approvals import requested_at_district

Laptops = Callable[[str], Laptop]


def current_at(laptop: Laptop, item_id: str) -> tuple[bool, int]:
    """Whether the office's decision still stands at ``laptop``, and the year's approved total (satang)."""
    with laptop.open() as workspace:
        approval = workspace.budget.approval(item_id)
        assert approval is not None
        return approval.current, budget_picture(workspace, 2570).approved_satang


def test_a_change_made_on_a_laptop_whose_clock_is_behind_still_calls_for_a_new_decision(
        laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "40,000", "ตามกรอบวงเงิน")
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    monkeypatch.setattr(clock, "_offset", timedelta(days=-1))  # the school laptop's clock is a day behind
    with school.open() as workspace:
        workspace.budget.update(item, quantity=20, unit_price="90,000")
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert current_at(district, item) == (False, 0)  # the office sees: needs a new decision
    assert current_at(school, item)[0] is False


def test_a_change_of_priority_only_keeps_the_decision_even_with_a_clock_ahead(
        laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "40,000", "")
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    monkeypatch.setattr(clock, "_offset", timedelta(days=3))
    with school.open() as workspace:
        workspace.budget.update(item, justification="ใช้ในห้องเรียนวิทยาศาสตร์")
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert current_at(district, item) == (True, 4_000_000)


def test_a_decision_recorded_before_it_named_a_state_keeps_the_rule_of_times(laptops: Laptops) -> None:
    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "40,000", "")
        workspace.db.execute("DROP TRIGGER budget_decisions_no_update")  # as an older program left it
        workspace.db.execute("UPDATE budget_decisions SET decided_state = NULL")
        assert workspace.budget.approval(item).current is True
    with school.open() as workspace:
        workspace.budget.update(item, quantity=3)
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert current_at(district, item) == (False, 0)
