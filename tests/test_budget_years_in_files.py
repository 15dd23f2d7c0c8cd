"""What an exchange file may carry of a budget item's years (C14 item 4): a งบผูกพัน item kept as a
draft with one year (the kind box changed, years not yet typed) stays on the school's laptop; a
file is how a request is sent, so it must follow the kind's years rule. The export says which item
to finish; a file that carries one anyway (an older program's, a hand-made one) is refused with a
Thai reason and nothing is imported."""

from __future__ import annotations

from typing import Callable

import pytest

from qualityschool_desktop.exchange import ExchangeError

from .laptops import CODE_A, Laptop, edit_rows, forge, laptops, read_members, start_school, write_members  # noqa: F401

Laptops = Callable[[str], Laptop]


def _school_with_big_building(laptops: Laptops) -> tuple[Laptop, str]:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        item = workspace.budget.add(ids["school"], 2570, "multi_year", description="อาคารเรียน ๔ ชั้น",
                                    unit_price="20,000,000", span_years=3)
    return school, item.id


def test_a_draft_multi_year_item_with_one_year_is_not_sent(laptops: Laptops) -> None:
    school, item = _school_with_big_building(laptops)
    with school.open() as workspace:
        workspace.budget.update(item, kind="construction")
        workspace.budget.update(item, kind="multi_year")  # a draft: one year, the years asked for
        assert workspace.budget.get(item).span_years == 1
    with pytest.raises(ExchangeError, match="ส่งออกไม่ได้.*งบผูกพัน.*อาคารเรียน ๔ ชั้น.*๑ ปี.*๒ ปีขึ้นไป"):
        school.export("a-1.qsx", school_codes=[CODE_A])
    with school.open() as workspace:
        workspace.budget.update(item, span_years=2)
    assert school.export("a-1.qsx", school_codes=[CODE_A]).exists()


def test_a_removed_draft_still_travels(laptops: Laptops) -> None:
    school, item = _school_with_big_building(laptops)
    with school.open() as workspace:
        workspace.budget.update(item, kind="construction")
        workspace.budget.update(item, kind="multi_year")
        workspace.budget.remove(item)
    assert school.export("a-1.qsx", school_codes=[CODE_A]).exists()


@pytest.mark.parametrize("kind, years", [("multi_year", 1), ("equipment", 3), ("construction", 2)])
def test_a_file_carrying_years_against_the_kind_is_refused(laptops: Laptops, kind: str, years: int) -> None:
    school, item = _school_with_big_building(laptops)
    district = laptops("district")
    members = read_members(school.export("a-1.qsx", school_codes=[CODE_A]))
    with school._briefly():
        members = forge(edit_rows(members, "budget_requests", lambda row: row.update(kind=kind, span_years=years)))
    path = write_members(school.root / "files" / "bad-years.qsx", members)
    with pytest.raises(ExchangeError, match="จำนวนปีงบผูกพัน.*ไม่ตรงกับประเภทรายการ"):
        district.import_(path)
    with district.open() as workspace:
        assert workspace.db.execute("SELECT count(*) FROM budget_requests").fetchone()[0] == 0
        assert workspace.schools.count() == 0
