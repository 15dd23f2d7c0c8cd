"""F16 of try14 (issue 14: "the same autosave, history and honest save state as answers"): a plan
row's and a budget item's history keeps every burst of typing, as answers' history does (one
change per burst of the same field, ``answers.BURST_GAP``), not the last few states only."""

from __future__ import annotations

from datetime import timedelta

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.answers import BURST_GAP
from qualityschool_desktop.workspace import Workspace

from .laptops import Laptops, laptops, start_school  # noqa: F401 (fixture)
from .test_plans import make_plan


def _later(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    monkeypatch.setattr(clock, "_offset", clock._offset + timedelta(seconds=seconds))


def test_a_new_indicators_creation_and_name_survive_many_edits(laptops: Laptops, monkeypatch) -> None:
    from qualityschool_desktop.plans.history import part_history

    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        indicator = workspace.plans.add_indicator(plan_id, "")
        typed = [("name", "ร้อยละของนักเรียนที่อ่านออกเขียนได้"), ("unit", "ร้อยละ"), ("baseline", "60"),
                 ("responsible", "ครูภาษาไทย"), ("name", "ร้อยละของนักเรียนที่อ่านคล่อง"), ("unit", "ร้อยละ ")]
        for field, value in typed + [("baseline", str(61 + n)) for n in range(6)]:
            _later(monkeypatch, BURST_GAP.total_seconds() * 3)
            workspace.plans.update_part("plan_indicators", indicator.id, **{field: value})
        history = part_history(workspace.db, "plan_indicators", indicator.id)
    assert history.complete
    fields = [(c.field, c.new_value) for c in history.changes]
    assert fields[0] == ("created", None)
    assert ("name", "ร้อยละของนักเรียนที่อ่านออกเขียนได้") in fields
    assert [value for field, value in fields if field == "baseline"] == [60, 61, 62, 63, 64, 65, 66]
    assert len(history.changes) == 1 + 11  # "ร้อยละ " is stored trimmed: no change


def test_a_burst_of_typing_is_one_change(laptops: Laptops, monkeypatch) -> None:
    from qualityschool_desktop.plans.history import part_history

    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        goal = workspace.plans.parts(plan_id).goals[0]
        for text in ("ค", "ครู", "ครูทุกคน"):  # saved as the typing pauses, within a burst
            _later(monkeypatch, 1)
            workspace.plans.update_part("plan_goals", goal.id, name=text)
        _later(monkeypatch, BURST_GAP.total_seconds() * 3)
        workspace.plans.update_part("plan_goals", goal.id, name="ครูทุกคนสอนเชิงรุก")
        history = part_history(workspace.db, "plan_goals", goal.id)
    assert [(c.field, c.old_value, c.new_value) for c in history.changes] == [
        ("created", None, None), ("name", "ครูจัดการเรียนรู้เชิงรุก", "ครูทุกคน"),
        ("name", "ครูทุกคน", "ครูทุกคนสอนเชิงรุก")]


def test_a_budget_items_history_keeps_every_change(memory_workspace: Workspace, monkeypatch) -> None:
    from qualityschool_desktop.budget.history import item_history

    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    item = memory_workspace.budget.add(school.id, 2569, "equipment", description="โต๊ะเรียน", quantity=10,
                                       unit="ชุด", unit_price="2,500")
    for price in ("25,000", "250,000", "2,500", "3,000", "3,500", "4,000"):
        _later(monkeypatch, BURST_GAP.total_seconds() * 3)
        memory_workspace.budget.update(item.id, unit_price=price)
    history = item_history(memory_workspace.db, item.id)
    assert history.complete
    prices = [(c.old_value, c.new_value) for c in history.changes if c.field == "unit_price_satang"]
    assert prices[:2] == [(250000, 2500000), (2500000, 25000000)]  # ๒๕,๐๐๐ → ๒๕๐,๐๐๐ leaves its trace
    assert len(prices) == 6 and history.changes[0].field == "created"


def test_the_office_s_decisions_are_in_the_items_history(memory_workspace: Workspace) -> None:
    """RETEST14 N2: an approval changed from ๔๐,๐๐๐ to ๓๕,๐๐๐ (and then refused) shows who decided
    what and when, among the item's own changes."""
    from qualityschool_desktop.budget.history import item_history
    from qualityschool_desktop.ids import new_id

    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    item = memory_workspace.budget.add(school.id, 2569, "equipment", description="กล้องวงจรปิด", quantity=1,
                                       unit="ชุด", unit_price="50,000")
    office = "0ffice00-0000-4000-8000-000000000001"
    for day, satang, note in ((1, 4_000_000, "อนุมัติตามกรอบวงเงิน"), (2, 3_500_000, "ลดตามราคากลาง"),
                              (3, 0, "ลดตามราคากลาง")):
        memory_workspace.db.conn.execute(  # as an office's decisions arrive here in its exchange file
            "INSERT INTO budget_decisions (id, request_id, approved_satang, note, decided_at, decided_by)"
            " VALUES (?, ?, ?, ?, ?, ?)", [new_id(), item.id, satang, note, f"2099-01-0{day}T08:00:00.000Z", office])
    memory_workspace.db.conn.commit()
    history = item_history(memory_workspace.db, item.id)
    assert history.changes[0].field == "created"
    assert [(c.changed_at[:10], c.changed_by, c.field, c.old_value, c.new_value) for c in history.changes[1:]] == [
        ("2099-01-01", office, "approved_satang", None, 4_000_000),
        ("2099-01-01", office, "approval_note", None, "อนุมัติตามกรอบวงเงิน"),
        ("2099-01-02", office, "approved_satang", 4_000_000, 3_500_000),
        ("2099-01-02", office, "approval_note", "อนุมัติตามกรอบวงเงิน", "ลดตามราคากลาง"),
        ("2099-01-03", office, "approved_satang", 3_500_000, 0)]
