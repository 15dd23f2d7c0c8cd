"""TEST14: a file's plan rows are held to the plan's own rules as the laptop is (its years, its
checklist's components and items): a file breaking them is refused, naming what is wrong, and
changes nothing."""

from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from qualityschool_desktop.exchange import ExchangeError

from .laptops import Laptops, edit_rows, forge, laptops, read_members, start_school, write_members  # noqa: F401
from .test_plans import make_plan


CASES: dict[str, tuple[str, Callable[[dict[str, Any]], None], str]] = {
    "target-outside-span": ("plan_indicators", lambda row: row.update(
        targets=json.dumps({**json.loads(row["targets"]), "2575": 90.0})), "ค่าเป้าหมายปี ๒๕๗๕"),
    "actual-outside-span": ("plan_indicators", lambda row: row.update(actuals=json.dumps({"2560": 1.0})),
                            "ผลที่ได้ปี ๒๕๖๐"),
    "activity-years-away": ("plan_activities", lambda row: row.update(ends_on="2031-01-31"), "วันสิ้นสุด"),
    "item-of-another-component": ("plan_goals", lambda row: row.update(item_codes=json.dumps(["2.1.1"])),
                                  "ไม่อยู่ในองค์ประกอบ ๑"),
    "unknown-component": ("plan_goals", lambda row: row.update(component_code="8", item_codes="[]"),
                          "องค์ประกอบ ๘"),
    "unknown-item": ("plan_goals", lambda row: row.update(item_codes=json.dumps(["1.1.99"])), "๑.๑.๙๙"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_plan_row_breaking_the_plan_s_rules_refuses_the_file(laptops: Laptops, case: str) -> None:  # noqa: F811
    table, change, words = CASES[case]
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        make_plan(workspace, ids["school"])
    members = edit_rows(read_members(school.export("plan.qsx")), table, change)
    with school._briefly():  # the school's own key: the owner is not what is wrong
        members = forge(members)
    path = write_members(school.root / "files" / f"{case}.qsx", members)
    with pytest.raises(ExchangeError, match=words):
        district.import_(path)
    with district.open() as workspace:
        assert workspace.schools.count() == 0  # nothing of the file written


def test_the_same_file_unedited_imports(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        make_plan(workspace, ids["school"])
    members = read_members(school.export("plan.qsx"))
    with school._briefly():
        members = forge(members)
    result = district.import_(write_members(school.root / "files" / "plain.qsx", members))
    assert result.counts["plan_goals"].new == 1 and result.counts["plan_indicators"].new == 1
