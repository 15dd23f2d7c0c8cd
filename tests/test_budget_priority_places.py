"""Priorities are places 1..n (TEST14 finding 14), kept so by each local edit; two laptops of one
school that add an item each before they exchange both give it the next place, so a merge held
1, 2, 2 until someone edited again (C14 item 8). A merge writes no record of its own (the office
owns no school item, so it could not renumber them), so the places are read in order: the items of
a year are listed by priority, then as added, each with its place 1..n, never a repeat, which is
the numbering the next local edit writes. The school tab lists them so (item 10: on screen they
were 1, 2, 4, 5, 3, equipment first)."""

from __future__ import annotations

from typing import Callable

from qualityschool_desktop.workspace import Workspace

from .laptops import CODE_A, Laptop, laptops, two_laptops_of_the_school  # noqa: F401 (a fixture)

Laptops = Callable[[str], Laptop]
YEAR = 2570


def _places(workspace: Workspace) -> list[tuple[int, str]]:
    school = workspace.schools.by_code(CODE_A)
    return [(item.priority, item.description) for item in workspace.budget.items(school.id, YEAR)]


def test_items_added_on_two_laptops_read_as_places_without_repeats(laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    with a1.open() as workspace:
        workspace.budget.add(ids["school"], YEAR, "equipment", description="เครื่องฉายภาพ")
    a2.import_(a1.export("a1-1.qsx"))
    with a1.open() as workspace:
        workspace.budget.add(ids["school"], YEAR, "construction", description="ห้องน้ำนักเรียน")
    with a2.open() as workspace:
        workspace.budget.add(ids["school"], YEAR, "equipment", description="โต๊ะเรียน")
    district.import_(a1.export("a1-2.qsx", school_codes=[CODE_A]))
    district.import_(a2.export("a2-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        stored = sorted(row[0] for row in workspace.db.execute("SELECT priority FROM budget_requests"))
        assert stored == [1, 2, 2]  # as the two laptops wrote them: the district writes nothing
        places = _places(workspace)
    assert [place for place, _ in places] == [1, 2, 3]
    assert places[0][1] == "เครื่องฉายภาพ" and {places[1][1], places[2][1]} == {"ห้องน้ำนักเรียน", "โต๊ะเรียน"}
    a1.import_(a2.export("a2-2.qsx", school_codes=[CODE_A]))
    with a1.open() as workspace:
        assert _places(workspace) == places  # the same order on the school's laptop
        school = workspace.schools.by_code(CODE_A)
        moved = workspace.budget.items(school.id, YEAR)[2]
        workspace.budget.update(moved.id, priority=1)  # the next local edit writes places 1..n
        assert [p for p, _ in _places(workspace)] == [1, 2, 3] and _places(workspace)[0][1] == moved.description
        assert sorted(row[0] for row in workspace.db.execute("SELECT priority FROM budget_requests")) == [1, 2, 3]


def test_items_are_listed_by_priority_whatever_their_kind(memory_workspace: Workspace) -> None:
    school = memory_workspace.schools.add(code=CODE_A, name="โรงเรียนทดสอบ")
    budget = memory_workspace.budget
    for kind, name in (("equipment", "ก"), ("equipment", "ข"), ("construction", "ค"), ("equipment", "ง")):
        budget.add(school.id, YEAR, kind, description=name)
    building = budget.items(school.id, YEAR)[2]
    assert building.description == "ค"
    assert [(i.priority, i.description) for i in budget.items(school.id, YEAR)] == [
        (1, "ก"), (2, "ข"), (3, "ค"), (4, "ง")]
