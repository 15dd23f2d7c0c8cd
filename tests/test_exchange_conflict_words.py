"""A conflict's line names the record and tells the two sides truthfully (try14e finding f08): two
bound laptops of one school (a1, a2) change the same budget item; the district, which edited
nothing, imports both files. The line named the item by an id fragment and said "this machine"
had edited it."""

from __future__ import annotations

from .laptops import NAME_A, Laptops, laptops, two_laptops_of_the_school  # noqa: F401 (a fixture)


def test_the_district_s_conflict_names_the_item_its_school_and_both_editors(laptops: Laptops) -> None:  # noqa: F811
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    with a1.open() as workspace:
        item = workspace.budget.add(ids["school"], 2572, "equipment", description="โปรเจคเตอร์", quantity=2,
                                    unit_price="20000")
    a2.import_(a1.export("a1-0.qsx"))
    for laptop, quantity in ((a1, 3), (a2, 5)):
        with laptop.open() as workspace:
            workspace.budget.update(item.id, quantity=quantity)
    district.import_(a1.export("a1-1.qsx"))
    result = district.import_(a2.export("a2-1.qsx"))
    [conflict] = [c for c in result.conflicts if c.table == "budget_requests"]
    line = conflict.description
    assert "โปรเจคเตอร์" in line and NAME_A in line and item.id[:8] not in line.split("รหัส")[0]
    assert "แก้ไขที่เครื่องนี้" not in line and "ทั้งในเครื่องนี้" not in line  # the district edited nothing
    assert line.count("แก้ไขโดยเครื่อง") == 2  # each side by the laptop that edited it (a1 and a2)


def test_a_conflict_with_this_laptop_s_own_edit_says_so(laptops: Laptops) -> None:  # noqa: F811
    a1, a2, _district, ids = two_laptops_of_the_school(laptops)
    with a1.open() as workspace:
        item = workspace.budget.add(ids["school"], 2572, "equipment", description="โปรเจคเตอร์", unit_price="20000")
    a2.import_(a1.export("a1-0.qsx"))
    for laptop, quantity in ((a1, 3), (a2, 5)):
        with laptop.open() as workspace:
            workspace.budget.update(item.id, quantity=quantity)
    result = a1.import_(a2.export("a2-1.qsx"))
    [conflict] = [c for c in result.conflicts if c.table == "budget_requests"]
    assert "แก้ไขที่เครื่องนี้" in conflict.description and "แก้ไขโดยเครื่อง" in conflict.description
