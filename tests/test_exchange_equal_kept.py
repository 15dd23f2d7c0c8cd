"""s34 data34 item 1: conflicts of the same content that a program before s33 kept are settled.

A database made before s33 holds a conflict whose two sides are the same (two laptops of the school
reopened the same round): the director was asked to choose between identical versions. At the
first import after the update it is settled as ``equal_sides`` would have on arrival: joined at the
school's own laptop (one version descending from both, the same content), the ranked side kept at
the district (the record unchanged). A real conflict kept beside it stays.
"""

from __future__ import annotations

from pathlib import Path

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import versions
from qualityschool_desktop.exchange.store import record_conflict

from .laptops import CODE_B, Laptop, Laptops, laptops, start_school  # noqa: F401 (laptops is a fixture)
from .test_exchange_equal_sides import both_reopen, open_conflicts, round_row


def _unrelated_file(laptops: Laptops) -> Path:
    """Another school's file: the first import after the update, touching nothing of school A."""
    other = laptops("school-b")
    with other.open() as workspace:
        start_school(workspace, code=CODE_B, name="โรงเรียนบ้านอื่น")
    return other.export("b.qsx")


def _store_old_conflict(laptop: Laptop, local: dict, theirs: dict, winner: str = "ours") -> None:
    """What a program before s33 wrote on meeting ``theirs`` concurrent with ``local`` (in use)."""
    with laptop.open() as workspace:
        with workspace.db.write():
            record_conflict(workspace.db.conn, "assessments", {**local, "signed_set": None}, theirs, winner,
                            "2026-01-05T03:00:00.000Z", "a2-reopened.qsx", theirs["modified_by"])
        # Stored open (reading the conflict list would settle it now: s34 exw34b B16).
        assert [r[0] for r in workspace.db.execute("SELECT table_name FROM exchange_conflicts WHERE resolved = 0")] \
            == ["assessments"]


def test_an_old_conflict_of_the_same_content_is_joined_at_the_school_s_laptop(laptops: Laptops) -> None:
    a1, a2, _district, ids = both_reopen(laptops, levels=(3, 3))
    ours, theirs = round_row(a1, ids["assessment"]), round_row(a2, ids["assessment"])
    assert versions.compare(versions.parse(theirs["version"]) or {}, versions.parse(ours["version"]) or {}) == "concurrent"
    _store_old_conflict(a1, ours, theirs)
    a1.import_(_unrelated_file(laptops))  # the first import after the update
    assert open_conflicts(a1) == []
    here = round_row(a1, ids["assessment"])
    assert {k: v for k, v in here.items() if k not in ("version", "modified_at", "modified_by")} == \
        {k: v for k, v in ours.items() if k not in ("version", "modified_at", "modified_by")}
    joined = versions.parse(here["version"]) or {}
    assert versions.descends(joined, versions.parse(ours["version"]) or {})
    assert versions.descends(joined, versions.parse(theirs["version"]) or {})


def test_an_old_conflict_of_the_same_content_leaves_the_district_s_record_as_it_is(laptops: Laptops) -> None:
    a1, a2, district, ids = both_reopen(laptops, levels=(3, 3))
    from_a1 = a1.export("a1-reopened.qsx")
    district.import_(from_a1)
    ours, theirs = round_row(district, ids["assessment"]), round_row(a2, ids["assessment"])
    _store_old_conflict(district, ours, theirs)
    district.import_(_unrelated_file(laptops))  # the first import after the update
    assert open_conflicts(district) == []
    assert round_row(district, ids["assessment"]) == ours  # unchanged: the ranked side stays


def test_an_old_real_conflict_stays(laptops: Laptops) -> None:
    a1, a2, district, ids = both_reopen(laptops, levels=(3, 3))
    from_a1 = a1.export("a1-reopened.qsx")
    district.import_(from_a1)
    ours, theirs = round_row(district, ids["assessment"]), round_row(a2, ids["assessment"])
    _store_old_conflict(district, ours, {**theirs, "assessor_name": "นายอื่น ต่างไป"})
    district.import_(from_a1)
    assert open_conflicts(district) == ["assessments"]
    assert round_row(district, ids["assessment"]) == ours
