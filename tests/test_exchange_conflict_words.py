"""A conflict's line names the record and tells the two sides truthfully (try14e finding f08): two
bound laptops of one school (a1, a2) change the same budget item; the district, which edited
nothing, imports both files. The line named the item by an id fragment and said "this machine"
had edited it. s34 exw34 T1: each editor is named as the exchange knows its key (the school, a
supervisor, an office), never "(แก้ไขโดยเครื่อง vm)"; the computer's name only tells apart two keys
of one owner, with the key's first groups when the two computers share a name."""

from __future__ import annotations

from qualityschool_desktop.exchange import signing

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
    assert "แก้ไขโดยเครื่อง" not in line, line  # by the school, not by a computer (s34 exw34 T1)
    assert line.count(f"แก้ไขโดย{NAME_A}") == 2, line  # each side by the school's laptop that edited it
    # Two keys of one owner: told apart by the computer's name and, as both are called the same, the key.
    a1_groups, a2_groups = (signing.fingerprint_groups(laptop.fingerprint)[:9] for laptop in (a1, a2))
    assert a1_groups in line and a2_groups in line, line


def test_two_laptops_of_one_school_with_their_own_names_are_told_apart_by_them(laptops: Laptops) -> None:  # noqa: F811
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop, name in ((a1, "ห้องธุรการ"), (a2, "ห้องวิชาการ")):
        laptop.activate()
        signing.set_own_name(name)
    with a1.open() as workspace:
        item = workspace.budget.add(ids["school"], 2572, "equipment", description="โปรเจคเตอร์", unit_price="20000")
    a2.import_(a1.export("a1-0.qsx"))
    for laptop, quantity in ((a1, 3), (a2, 5)):
        with laptop.open() as workspace:
            workspace.budget.update(item.id, quantity=quantity)
    district.import_(a1.export("a1-1.qsx"))
    [conflict] = [c for c in district.preview(a2.export("a2-1.qsx")).conflicts if c.table == "budget_requests"]
    line = conflict.description
    assert f"แก้ไขโดย{NAME_A} · เครื่อง ห้องธุรการ" in line and f"แก้ไขโดย{NAME_A} · เครื่อง ห้องวิชาการ" in line, line
    assert "กุญแจ" not in line, line  # the names tell them apart
    assert "6301000001" in line and "๖๓๐๑๐๐๐๐๐๑" in conflict.description.styled("thai")  # the line's school, in the reader's digits


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
    assert "แก้ไขที่เครื่องนี้" in conflict.description, conflict.description
    assert "แก้ไขโดยเครื่อง" not in conflict.description, conflict.description  # s34 exw34 T1
    # The school's other laptop, told apart from this one by its computer's name (and its key: both "vm").
    assert f"แก้ไขโดย{NAME_A} · เครื่อง" in conflict.description, conflict.description
