"""s33 T4: concurrent versions whose content is the same are no conflict for a person.

Two laptops of one school both press "เปิดแก้ไขอีกครั้ง" on the same submitted round: two versions
made apart, every field the same, only who and when differ. No laptop lists them as a conflict; the
school's own laptops join them into one version that descends from both (the same row on each, so
exchanging again changes nothing), and a laptop that does not own the round keeps the higher-ranked
one until the school's joined version arrives. A real conflict of the same files (an item changed to
different levels) is still kept for a person.

Every test moves real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

import json
from typing import Any

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import versions
from qualityschool_desktop.exchange.records import travelling_columns

from .laptops import CODE_A, Laptop, Laptops, laptops, start_school, two_laptops_of_the_school  # noqa: F401 (laptops is a fixture)


def round_row(laptop: Laptop, assessment_id: str) -> dict[str, Any]:
    """The round's record as it travels (its version included)."""
    with laptop.open() as workspace:
        columns = travelling_columns(workspace.db)["assessments"]
        found = workspace.db.execute(f"SELECT {', '.join(columns)} FROM assessments WHERE id = ?",
                                     [assessment_id]).fetchone()
        return dict(zip(columns, found))


def both_reopen(laptops: Laptops, *, levels: tuple[int, int] = (4, 2)) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    """The school's two laptops hold its submitted round; each reopens it and sets item 1.1.1 to a
    level of its own (``levels``), not knowing of the other. Nothing is exchanged after."""
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    with a1.open() as workspace:
        workspace.assessments.submit(ids["assessment"])
    submitted = a1.export("a1-submitted.qsx")
    a2.import_(submitted)
    district.import_(submitted)
    for laptop, level in zip((a1, a2), levels):
        with laptop.open() as workspace:
            workspace.assessments.reopen(ids["assessment"])
            workspace.answers.set_level(ids["assessment"], ids["item"], level)
            workspace.answers.flush_pending()
    return a1, a2, district, ids


def open_conflicts(laptop: Laptop) -> list[str]:
    with laptop.open() as workspace:
        return sorted(conflict.table for conflict in exchange.list_conflicts(workspace))


def test_two_laptops_of_the_school_reopening_the_same_round_make_no_conflict_at_the_school(laptops: Laptops) -> None:
    a1, a2, _district, ids = both_reopen(laptops)
    from_a2 = a2.export("a2-reopened.qsx")
    before = versions.parse(round_row(a1, ids["assessment"])["version"]) or {}
    theirs = versions.parse(round_row(a2, ids["assessment"])["version"]) or {}
    assert versions.compare(theirs, before) == "concurrent"
    preview = a1.preview(from_a2)
    assert preview.counts["assessments"].conflicting == 0
    assert [c.table for c in preview.conflicts] == ["answers"]
    result = a1.import_(from_a2)
    assert result.counts["assessments"].conflicting == 0
    assert [c.table for c in result.conflicts] == ["answers"]  # the real one stays
    assert open_conflicts(a1) == ["answers"]
    here = round_row(a1, ids["assessment"])
    assert here["status"] == "draft"
    # The round's version here descends from both: a later file of either side is older.
    assert versions.descends(versions.parse(here["version"]) or {}, before)
    assert versions.descends(versions.parse(here["version"]) or {}, theirs)
    again = a1.import_(from_a2).counts["assessments"]
    assert (again.updated, again.conflicting) == (0, 0) and round_row(a1, ids["assessment"]) == here


def test_the_school_s_laptops_join_crossing_files_into_the_same_version_and_stop(laptops: Laptops) -> None:
    """Each laptop imports the other's file made before it knew of the other: both join the round
    into the same row, and files exchanged after change nothing (no version made back and forth)."""
    a1, a2, district, ids = both_reopen(laptops, levels=(3, 3))  # the item the same on both too
    from_a1, from_a2 = a1.export("a1-reopened.qsx"), a2.export("a2-reopened.qsx")
    a1.import_(from_a2)
    a2.import_(from_a1)
    assert open_conflicts(a1) == open_conflicts(a2) == []
    joined = round_row(a1, ids["assessment"])
    assert round_row(a2, ids["assessment"]) == joined
    again_a1, again_a2 = a1.export("a1-again.qsx"), a2.export("a2-again.qsx")
    for laptop, path in ((a1, again_a2), (a2, again_a1)):
        counts = laptop.import_(path).counts
        assert (counts["assessments"].updated, counts["assessments"].conflicting) == (0, 0)
        assert (counts["answers"].updated, counts["answers"].conflicting) == (0, 0)
    assert round_row(a1, ids["assessment"]) == round_row(a2, ids["assessment"]) == joined
    for path in (from_a1, from_a2, again_a1):  # the district, in any order, ends on the same row
        district.import_(path)
    assert open_conflicts(district) == []
    assert round_row(district, ids["assessment"]) == joined


def test_a_laptop_that_does_not_own_the_round_lists_no_conflict_and_keeps_the_same_version_in_any_order(
    laptops: Laptops,
) -> None:
    a1, a2, district, ids = both_reopen(laptops)
    province = laptops("province")
    province.import_(a1.export("a1-submitted-again.qsx"))
    from_a1, from_a2 = a1.export("a1-reopened.qsx"), a2.export("a2-reopened.qsx")
    district.import_(from_a1)
    result = district.import_(from_a2)
    assert result.counts["assessments"].conflicting == 0 and result.counts["assessments"].unchanged == 1
    province.import_(from_a2)
    province.import_(from_a1)
    assert open_conflicts(district) == open_conflicts(province) == ["answers"]
    kept = round_row(district, ids["assessment"])
    assert round_row(province, ids["assessment"]) == kept
    assert kept["version"] in (round_row(a1, ids["assessment"])["version"], round_row(a2, ids["assessment"])["version"])
    # The school's joined version, when it comes, is in use there too.
    a1.import_(from_a2)
    district.import_(a1.export("a1-joined.qsx"))
    assert round_row(district, ids["assessment"]) == round_row(a1, ids["assessment"])


def test_a_stale_file_of_the_other_laptop_after_the_school_went_on_is_older_not_a_conflict(laptops: Laptops) -> None:
    """a2's reopen reaches a1, which joins it and submits again; the district then gets a1's new file
    and only afterwards a2's old one: that is older there, never a conflict with the new submission."""
    a1, a2, district, ids = both_reopen(laptops, levels=(3, 3))
    stale = a2.export("a2-reopened.qsx")
    a1.import_(stale)
    with a1.open() as workspace:
        workspace.assessments.submit(ids["assessment"])
    district.import_(a1.export("a1-submitted-again.qsx"))
    result = district.import_(stale).counts["assessments"]
    assert (result.updated, result.conflicting) == (0, 0) and result.older
    assert open_conflicts(district) == []
    assert round_row(district, ids["assessment"])["status"] == "submitted"
    row = round_row(district, ids["assessment"])
    assert json.loads(row["version"]) == versions.parse(round_row(a1, ids["assessment"])["version"])


def test_a_waiting_change_judged_again_once_its_laptop_is_bound_is_no_conflict_when_the_same(laptops: Laptops) -> None:
    """The school's second laptop reopens the round before the school's first laptop has named it
    (its key bound on itself by hand): at the district its change waits. The first laptop reopens
    too and then names the second; the district judges the waiting change again: the same content
    as the round in use there, so no conflict and nothing waiting."""
    a1, a2, district = laptops("a1"), laptops("a2"), laptops("district")
    with a1.open() as workspace:
        ids = start_school(workspace)
        workspace.assessments.submit(ids["assessment"])
    submitted = a1.export("a1-submitted.qsx")
    district.import_(submitted)
    a2.import_(submitted)
    with a2.open() as workspace:
        exchange.bind(workspace, a2.fingerprint, CODE_A)
        workspace.assessments.reopen(ids["assessment"])
    with a1.open() as workspace:
        workspace.assessments.reopen(ids["assessment"])
    district.import_(a1.export("a1-reopened.qsx"))
    waits = district.import_(a2.export("a2-reopened.qsx"))
    assert waits.counts["assessments"].pending == 1
    with a1.open() as workspace:
        exchange.bind(workspace, a2.fingerprint, CODE_A)
    district.import_(a1.export("a1-names-a2.qsx"))
    assert open_conflicts(district) == []
    with district.open() as workspace:
        assert exchange.list_pending(workspace) == []
