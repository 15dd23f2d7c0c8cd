"""Issue 10 (X10 gap 4): what a district forwarding files to the province does with a conflict it
holds. The design (README, "Exchange"): the losing side of a conflict is not relayed, because only
its owner's seal proves it and a relay keeps seals only of versions in use and of changes waiting
for a person; carried under the relay's own signature it would let a relay put a "version" in the
owner's mouth that a person at the province could then choose with ใช้ฉบับนี้. What travels instead:
the version in use, the same on every laptop (ranked alike), and the relay's signed word that it
holds open conflicts on records of the file, which the province's preview and result show as a
warning. The conflict reaches the province as a conflict when the losing side's own file arrives
there (every conflict is kept where both sides meet), and closes everywhere when the owner's
choice arrives.

Real files move between databases with separate data folders (separate keys)."""

from __future__ import annotations

from typing import Callable

from qualityschool_desktop import exchange

from .laptops import Laptop, laptops, two_laptops_of_the_school  # noqa: F401 (laptops is a fixture)

Laptops = Callable[[str], Laptop]


def set_pupils(laptop: Laptop, school_id: str, *values: int) -> None:
    with laptop.open() as workspace:
        for value in values:
            workspace.schools.update(school_id, pupils=value)


def pupils(laptop: Laptop, school_id: str) -> int | None:
    with laptop.open() as workspace:
        return workspace.schools.get(school_id).pupils


def test_a_relayed_file_says_which_conflicts_the_relay_holds_and_the_province_meets_them_later(
        laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    province = laptops("province")
    province.import_(district.export("d0.qsx"))
    set_pupils(a1, ids["school"], 201)
    set_pupils(a2, ids["school"], 210, 211, 212)  # ranks higher: in use everywhere
    from_a1, from_a2 = a1.export("a1.qsx"), a2.export("a2.qsx")
    district.import_(from_a1)
    district.import_(from_a2)
    with district.open() as workspace:
        [held] = exchange.list_conflicts(workspace)
        assert (held.winning["pupils"], held.losing["pupils"]) == (212, 201)

    relayed = district.export("d1.qsx")
    preview = province.preview(relayed)
    assert any("ซ้อนกัน" in w and "1" in w for w in preview.warnings), preview.warnings
    result = province.import_(relayed)
    assert any("ซ้อนกัน" in w for w in result.warnings)
    assert pupils(province, ids["school"]) == 212  # the same version in use as at the district
    with province.open() as workspace:
        assert exchange.list_conflicts(workspace) == []  # the losing side is not the relay's to carry

    # The losing side's own file reaches the province: the same conflict, the same version in use.
    province.import_(from_a1)
    with province.open() as workspace:
        [same] = exchange.list_conflicts(workspace)
        assert (same.winning["pupils"], same.losing["pupils"]) == (212, 201)

    # The owner's choice closes it at the district, and the relay's next file closes it at the province.
    a1.import_(from_a2)
    with a1.open() as workspace:
        [conflict] = exchange.list_conflicts(workspace)
        exchange.use_version(workspace, conflict.id, "losing")
    district.import_(a1.export("a1-choice.qsx"))
    again = district.export("d2.qsx")
    assert not any("ซ้อนกัน" in w for w in province.preview(again).warnings)
    province.import_(again)
    with province.open() as workspace:
        assert exchange.list_conflicts(workspace) == []
    assert pupils(province, ids["school"]) == 201
