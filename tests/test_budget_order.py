"""TEST14 findings 14 and 6: a school's priorities are 1..n without gaps or repeats, and an office's
approval of an item changed since no longer counts (the item needs a new decision)."""

from __future__ import annotations

from qualityschool_desktop.budget.office import budget_picture
from qualityschool_desktop.workspace import Workspace

from .laptops import Laptops, laptops  # noqa: F401 (fixture)
from .test_budget import YEAR, school_with_request


def _priorities(workspace: Workspace, school_id: str) -> dict[str, int]:
    return {item.description: item.priority for item in workspace.budget.items(school_id, YEAR)}


def test_priorities_stay_one_to_n_when_items_are_added_moved_and_removed(memory_workspace: Workspace) -> None:
    budget = memory_workspace.budget
    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    ids = {name: budget.add(school.id, YEAR, kind, description=name).id
           for name, kind in (("ก", "equipment"), ("ข", "equipment"), ("ค", "construction"), ("ง", "renovation"))}
    assert _priorities(memory_workspace, school.id) == {"ก": 1, "ข": 2, "ค": 3, "ง": 4}
    budget.update(ids["ง"], priority="1")  # moved to the top: the others step down, none repeats
    assert _priorities(memory_workspace, school.id) == {"ง": 1, "ก": 2, "ข": 3, "ค": 4}
    budget.update(ids["ง"], priority="๙")  # past the end: the last place, no gap
    assert _priorities(memory_workspace, school.id) == {"ก": 1, "ข": 2, "ค": 3, "ง": 4}
    budget.remove(ids["ข"])  # removed: the ones after close the gap
    assert _priorities(memory_workspace, school.id) == {"ก": 1, "ค": 2, "ง": 3}
    budget.restore(ids["ข"])  # undone: back in its place
    assert _priorities(memory_workspace, school.id) == {"ก": 1, "ข": 2, "ค": 3, "ง": 4}
    budget.add(school.id, YEAR, "equipment", description="จ", priority=2)  # added at a place: the rest step down
    assert _priorities(memory_workspace, school.id) == {"ก": 1, "จ": 2, "ข": 3, "ค": 4, "ง": 5}
    other_year = budget.add(school.id, YEAR + 1, "equipment", description="ฉ")
    assert other_year.priority == 1  # each fiscal year counts on its own


def test_an_approval_of_an_item_changed_since_needs_a_new_decision(laptops: Laptops) -> None:  # noqa: F811
    school, district, ids = school_with_request(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(ids["item"], "10,000,000", "อนุมัติบางส่วน")
        approval = workspace.budget.approval(ids["item"])
        assert approval is not None and approval.current
        assert budget_picture(workspace, YEAR).approved_satang == 1000000000
    with school.open() as workspace:  # the school reorders only: the decision still holds
        workspace.budget.add(ids["school"], YEAR, "equipment", description="โต๊ะ", priority=1)
    district.import_(school.export("b.qsx"))
    with district.open() as workspace:
        approval = workspace.budget.approval(ids["item"])
        assert approval is not None and approval.current
        assert budget_picture(workspace, YEAR).approved_satang == 1000000000
    with school.open() as workspace:  # the school asks for more after the decision
        workspace.budget.update(ids["item"], quantity="2")
    district.import_(school.export("c.qsx"))
    with district.open() as workspace:
        approval = workspace.budget.approval(ids["item"])
        assert approval is not None and not approval.current  # changed since: needs a new decision
        picture = budget_picture(workspace, YEAR)
        assert picture.approved_satang == 0  # and does not count as approved
        workspace.budget.set_approval(ids["item"], "20,000,000", "อนุมัติใหม่")
        assert workspace.budget.approval(ids["item"]).current
        assert budget_picture(workspace, YEAR).approved_satang == 2000000000


def test_the_demo_s_requests_are_numbered_one_to_n(memory_workspace: Workspace) -> None:
    from qualityschool_desktop.demo_budget import add_demo_budget

    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    add_demo_budget(memory_workspace, [school], YEAR)
    priorities = sorted(item.priority for item in memory_workspace.budget.items(school.id, YEAR))
    assert priorities == list(range(1, len(priorities) + 1))


def test_the_office_sees_schools_in_thai_order(memory_workspace: Workspace) -> None:
    """TEST14 (s24) F1, try11b F6: a plain sort put เมืองตาก after สามเงา and แม่สอด after อุ้มผาง."""
    for n, district in enumerate(("อุ้มผาง", "แม่สอด", "สามเงา", "เมืองตาก", "บ้านตาก"), start=1):
        school = memory_workspace.schools.add(code=f"520100000{n}", name=f"โรงเรียน{district}",
                                              district=district, area_office="สพป.ตาก เขต 2")
        memory_workspace.budget.add(school.id, YEAR, "equipment", description="โต๊ะ")
    picture = budget_picture(memory_workspace, YEAR)
    assert [r.school.district for r in picture.requests] == ["บ้านตาก", "เมืองตาก", "แม่สอด", "สามเงา", "อุ้มผาง"]
