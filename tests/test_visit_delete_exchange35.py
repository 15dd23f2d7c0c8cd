"""TEST34C C12 (s35): a visit deleted by its maker is deleted everywhere its files go.

Real files move between databases with separate data folders (separate installations and keys):
the supervisor's deletion travels in her next file and the district's copy goes too; the school's
laptop cannot delete her visit, and a deletion it makes behind the owner check waits at the
district like any non-owner edit; her earlier file (the visit alive) imported after the deletion
does not bring the visit back."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from typing import Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.errors import OwnershipError

from .laptops import CODE_A, NAME_A, Laptop, behind_owner_check, laptops, start_school  # noqa: F401 (fixture)

Laptops = Callable[[str], Laptop]


def _supervisors_draft(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, dict[str, str], str]:
    """The school sends its data to the district and the supervisor; the supervisor records a draft
    visit (a person, a finding, a follow-up) and sends it to both."""
    school, district, supervisor = laptops("school"), laptops("district"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a.qsx", school_codes=[CODE_A])
    district.import_(first)
    supervisor.import_(first)
    with supervisor.open() as workspace:
        visit = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 1), purpose="นิเทศทดสอบ")
        workspace.visits.add_person(visit.id, "visitor", "นางสาวศึกษา นิเทศดี", "ศึกษานิเทศก์")
        workspace.visits.set_text(visit.id, "1", "observed", "บันทึกผิดโรงเรียน")
        workspace.follow_ups.add(visit.id, "จัดทำแผนนิเทศภายใน")
    alive = supervisor.export("alive.qsx")
    district.import_(alive)
    school.import_(alive)
    with district.open() as workspace:
        assert [v.id for v in workspace.visits.for_school(ids["school"])] == [visit.id]
    return school, district, supervisor, ids, visit.id


def test_the_makers_deletion_reaches_the_district_and_an_older_file_does_not_bring_it_back(laptops: Laptops) -> None:
    _school, district, supervisor, ids, visit_id = _supervisors_draft(laptops)
    with supervisor.open() as workspace:
        workspace.visits.delete(visit_id)
    gone = supervisor.export("gone.qsx")
    with zipfile.ZipFile(gone) as package:
        assert json.loads(package.read("manifest.json"))["format_version"] == exchange.FORMAT_VERSION
    # The district is told, before and after, that the supervisor deleted it (TEST35 T1: only
    # "การนิเทศ ปรับปรุง ๑" was said, and a visit left the list with no word).
    said = f"  บันทึกการนิเทศที่ผู้บันทึกลบ 1 รายการ: {NAME_A} วันที่ 1 ธ.ค. 2568"
    assert said in district.preview(gone).lines()
    result = district.import_(gone)
    assert said in result.lines()
    assert [(v.school, v.visited_on) for v in result.removed_visits] == [(NAME_A, "2025-12-01")]
    with district.open() as workspace:
        assert workspace.visits.for_school(ids["school"]) == []
        assert workspace.follow_ups.for_school(ids["school"]) == []
        assert workspace.follow_ups.across_schools(date(2025, 12, 5), include_closed=True) == []
        assert exchange.list_pending(workspace) == []
    # The supervisor's earlier file, the visit still alive, comes again (a USB stick, a LINE chat):
    again = district.import_(supervisor.root / "files" / "alive.qsx")
    assert again.removed_visits == [] and not any("ผู้บันทึกลบ" in line for line in again.lines())
    assert district.import_(gone).removed_visits == []  # said once: the same file again deletes nothing
    with district.open() as workspace:
        assert workspace.visits.for_school(ids["school"]) == []
    # A laptop that meets the files the other way round (the deletion first) ends the same.
    late = laptops("late")
    first_met = late.import_(gone)
    # a visit it never had, arriving deleted: nothing to see, not "ใหม่ 1", nor a deletion to tell
    assert (first_met.counts["visits"].new_shown, first_met.counts["visits"].deleted_quiet) == (0, 1)
    assert first_met.removed_visits == []
    late.import_(supervisor.root / "files" / "alive.qsx")
    with late.open() as workspace:
        assert workspace.visits.for_school(ids["school"]) == []
    # The district relays it on: the deletion travels in the district's file too.
    relayed = laptops("province")
    relayed.import_(district.export("district.qsx"))
    with relayed.open() as workspace:
        assert workspace.visits.for_school(ids["school"]) == []


def test_a_file_of_the_supervisors_visits_carries_her_deletion(laptops: Laptops) -> None:
    _school, district, supervisor, ids, visit_id = _supervisors_draft(laptops)
    with supervisor.open() as workspace:
        workspace.visits.delete(visit_id)
    district.import_(supervisor.export("mine.qsx", visitor="นางสาวศึกษา นิเทศดี"))
    with district.open() as workspace:
        assert workspace.visits.for_school(ids["school"]) == []
        assert workspace.follow_ups.for_school(ids["school"]) == []


def test_only_the_maker_deletes_and_another_keys_deletion_waits(laptops: Laptops) -> None:
    school, district, _supervisor, ids, visit_id = _supervisors_draft(laptops)
    with school.open() as workspace:
        with pytest.raises(OwnershipError, match="เครื่องที่บันทึก"):
            workspace.visits.delete(visit_id)
        assert [v.id for v in workspace.visits.for_school(ids["school"])] == [visit_id]
    # A hand-edited database (an adversary's, or a version before the check) deletes it anyway:
    with school.open() as workspace, behind_owner_check(workspace):
        workspace.visits.delete(visit_id)
    result = district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert result.counts["visits"].pending == 1
    assert result.removed_visits == []  # it waits: nothing was deleted here
    with district.open() as workspace:
        assert [v.id for v in workspace.visits.for_school(ids["school"])] == [visit_id]
        assert len(workspace.follow_ups.for_school(ids["school"])) == 1
