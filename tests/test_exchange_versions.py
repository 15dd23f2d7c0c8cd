"""Issue 10: merges by what happened (versions), not by clocks.

An incoming change applies when it descends from what the receiver has, is ignored when the
receiver's descends from it, and is a conflict when the two are concurrent, whatever the clocks say.
Modification times are for display; a stamp that is not a real time is refused; a laptop whose
clock is years off still exchanges and is warned about.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from qualityschool_desktop import clock, exchange
from qualityschool_desktop.exchange import ExchangeError

from .laptops import (
    CODE_A,
    Laptop,
    Laptops,
    behind_owner_check,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    start_school,
    write_members,
)


def level_of(laptop: Laptop, ids: dict[str, str], item: str = "item") -> int | None:
    with laptop.open() as workspace:
        answer = workspace.answers.get(ids["assessment"], ids[item])
        return None if answer is None else answer.level


def set_level(laptop: Laptop, ids: dict[str, str], level: int, item: str = "item") -> None:
    """The level set on ``laptop``, owner of the school or not (``behind_owner_check``)."""
    with laptop.open() as workspace, behind_owner_check(workspace):
        workspace.answers.set_level(ids["assessment"], ids[item], level)


def test_the_owners_newest_value_wins_whatever_order_files_arrive_in(laptops: Laptops) -> None:
    """The school and a supervisor both change an item; the district imports school-old, supervisor,
    school-new: the school's newest value is in use and no conflict is reported."""
    school, supervisor, district = laptops("school-a"), laptops("supervisor"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-1.qsx")
    supervisor.import_(first)
    set_level(school, ids, 4)
    school_old = school.export("a-old.qsx")
    set_level(supervisor, ids, 2)
    from_supervisor = supervisor.export("supervisor.qsx")
    set_level(school, ids, 5)
    school_new = school.export("a-new.qsx")

    for path in (school_old, from_supervisor, school_new):
        district.import_(path)
    assert level_of(district, ids) == 5
    with district.open() as workspace:
        assert exchange.list_conflicts(workspace) == []
        # The supervisor's change and its history, kept aside.
        assert sorted(p.table for p in exchange.list_pending(workspace)) == ["answer_history", "answers"]

    # And in the other order the result is the same.
    other = laptops("district-2")
    for path in (school_new, from_supervisor, school_old):
        other.import_(path)
    assert level_of(other, ids) == 5


def test_an_older_file_after_a_newer_one_changes_nothing(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    old = school.export("old.qsx")
    set_level(school, ids, 5)
    new = school.export("new.qsx")
    district.import_(new)
    result = district.import_(old)
    assert result.counts["answers"].older == 1 and not result.counts["answers"].conflicting
    assert level_of(district, ids) == 5


def test_a_round_trip_with_no_change_on_one_side_is_never_a_conflict(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("a-1.qsx"))
    set_level(school, ids, 4)  # the school goes on working while the district's file travels back
    back = school.import_(district.export("back.qsx"))
    assert not any(c.conflicting or c.pending or c.updated for c in back.counts.values())
    assert back.counts["answers"].older == 1
    assert level_of(school, ids) == 4
    with school.open() as workspace:
        assert exchange.list_conflicts(workspace) == []
    again = district.import_(school.export("a-2.qsx"))
    assert again.counts["answers"].updated == 1 and not again.counts["answers"].conflicting


def test_a_laptop_whose_clock_fell_back_years_still_exchanges_and_is_warned(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("a-1.qsx"))
    monkeypatch.setattr(clock, "_offset", timedelta(days=-365 * 6))  # a flat CMOS battery
    set_level(school, ids, 5)
    late = school.export("a-late.qsx")
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    result = district.import_(late)
    assert result.counts["answers"].updated == 1
    assert level_of(district, ids) == 5
    assert any("นาฬิกา" in warning for warning in result.warnings)
    assert any("นาฬิกา" in line for line in result.lines())


def test_concurrent_changes_by_two_laptops_of_the_school_are_a_conflict_whatever_the_clocks(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    school, spare, district = laptops("school-a"), laptops("school-a-spare"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-1.qsx")
    district.import_(first)
    spare.import_(first)
    with district.open() as workspace:
        exchange.bind(workspace, spare.fingerprint, CODE_A)
    set_level(school, ids, 5)
    monkeypatch.setattr(clock, "_offset", timedelta(days=-900))  # the spare's clock says it was long ago
    set_level(spare, ids, 1)
    from_spare = spare.export("spare.qsx")
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    from_school = school.export("a-2.qsx")

    district.import_(from_school)
    preview = district.preview(from_spare)
    assert preview.counts["answers"].conflicting == 1
    result = district.import_(from_spare)
    assert result.counts["answers"].conflicting == 1
    with district.open() as workspace:
        [conflict] = exchange.list_conflicts(workspace)
        assert {conflict.winning["level"], conflict.losing["level"]} == {5, 1}
        shown = conflict.winning["level"]
        assert level_of(district, ids) == shown
        # "ใช้ฉบับนี้" at the district: a school's records are chosen only at the school's laptop (s23).
        with pytest.raises(exchange.ExchangeError, match="เครื่องของโรงเรียน"):
            exchange.use_version(workspace, conflict.id, "losing")
        assert len(exchange.list_conflicts(workspace)) == 1 and level_of(district, ids) == shown
    # The school's laptop holds the same conflict and chooses.
    with school.open() as workspace:
        exchange.bind(workspace, spare.fingerprint, CODE_A)
    assert school.import_(from_spare).counts["answers"].conflicting == 1
    with school.open() as workspace:
        [conflict] = exchange.list_conflicts(workspace)
        assert {conflict.winning["level"], conflict.losing["level"]} == {5, 1}
        chosen = exchange.use_version(workspace, conflict.id, "losing")
        assert chosen.resolved and exchange.list_conflicts(workspace) == []
        assert workspace.answers.get(ids["assessment"], ids["item"]).level == conflict.losing["level"]  # type: ignore[union-attr]
    # The choice descends from both versions: it travels to the district and the spare as a plain update.
    decided = school.export("decided.qsx")
    for laptop in (district, spare):
        result = laptop.import_(decided)
        assert not result.counts["answers"].conflicting
        assert level_of(laptop, ids) == conflict.losing["level"]
    with district.open() as workspace:
        assert exchange.list_conflicts(workspace) == []


def test_a_conflict_is_not_repeated_by_importing_the_same_file_again(laptops: Laptops) -> None:
    school, spare, district = laptops("school-a"), laptops("school-a-spare"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-1.qsx")
    district.import_(first)
    spare.import_(first)
    with district.open() as workspace:
        exchange.bind(workspace, spare.fingerprint, CODE_A)
    set_level(school, ids, 5)
    set_level(spare, ids, 1)
    district.import_(school.export("a-2.qsx"))
    from_spare = spare.export("spare.qsx")
    district.import_(from_spare)
    again = district.import_(from_spare)
    assert not again.counts["answers"].conflicting
    with district.open() as workspace:
        assert len(exchange.list_conflicts(workspace)) == 1


@pytest.mark.parametrize("stamp, words", [
    ("9999-99-99T99:99:99Z", "เวลาแก้ไข"),
    ("2026-02-30T10:00:00.000Z", "เวลาแก้ไข"),
])
def test_a_stamp_that_is_not_a_real_time_is_refused(laptops: Laptops, stamp: str, words: str) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("a-1.qsx"))
    school.activate()
    forged = forge(edit_rows(members, "answers", lambda row: row.update(modified_at=stamp)))
    path = write_members(school.root / "stamp.qsx", forged)
    with pytest.raises(ExchangeError, match=words):
        district.import_(path)
    with district.open() as workspace:
        assert workspace.schools.count() == 0


def test_a_stamp_far_in_the_future_is_a_warning_not_a_refusal(laptops: Laptops) -> None:
    """2099 is a real time: merges follow versions, so the stamp only warns that a clock is wrong."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("a-1.qsx"))
    school.activate()
    forged = forge(edit_rows(members, "answers", lambda row: row.update(modified_at="2099-01-01T00:00:00.000Z")))
    result = district.import_(write_members(school.root / "stamp.qsx", forged))
    assert any("อนาคต" in warning for warning in result.warnings)
    with district.open() as workspace:
        assert workspace.schools.count() == 1


def test_local_edits_bump_the_records_version(laptops: Laptops) -> None:
    """The version is the core's: every write path of a table counts this installation's edits."""
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)

        def version(table: str, record_id: str) -> dict[str, int]:
            import json
            return json.loads(workspace.db.execute(f"SELECT version FROM {table} WHERE id = ?", [record_id]).fetchone()[0])

        me = workspace.installation_id
        before = version("schools", ids["school"])
        workspace.schools.update(ids["school"], pupils=121)
        assert version("schools", ids["school"]) == {me: before[me] + 1}
        answer = workspace.answers.get(ids["assessment"], ids["item"])
        assert answer is not None
        start = version("answers", answer.id)[me]
        workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", "หลักฐาน")
        assert version("answers", answer.id)[me] == start + 1


def test_every_local_write_counts_for_this_installation_only(laptops: Laptops) -> None:
    """Each module's write path stamps ``modified_by``, which the version trigger counts: edits
    made here on records that came from elsewhere add to this installation's counter and leave the
    sender's as it came (a write that forgot the stamp would forge the sender's counter)."""
    import json
    from datetime import date

    from qualityschool_desktop.migrations import VERSIONED

    from .laptops import start_visit

    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        photo = school.root / "ภาพ.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)))
        attachment = workspace.attachments.add(ids["assessment"], ids["item"], photo)
        visit_id = start_visit(workspace, ids["school"])
        workspace.visits.reopen(visit_id, "แก้ไข")
        visit_photo = workspace.visits.add_attachment(visit_id, "", photo)
        network = workspace.network_schools.add(ids["school"], code="6301000099", name="โรงเรียนเครือข่าย",
                                                distance_km=2.5)
    district.import_(school.export("a.qsx"))

    def versions_of(workspace) -> dict[tuple[str, str], dict[str, int]]:  # type: ignore[no-untyped-def]
        return {(table, row[0]): json.loads(row[1]) for table in VERSIONED
                for row in workspace.db.execute(f"SELECT id, version FROM {table}")}

    with district.open() as workspace, behind_owner_check(workspace):
        before = versions_of(workspace)
        me = workspace.installation_id
        workspace.schools.update(ids["school"], pupils=121)
        workspace.assessments.update_details(ids["assessment"], assessor_name="รองผู้อำนวยการ")
        workspace.answers.set_level(ids["assessment"], ids["item"], 4)
        workspace.attachments.remove(attachment.id)
        workspace.visits.update(visit_id, purpose="ติดตามผลครั้งที่สอง")
        person = workspace.visits.people(visit_id)[0]
        workspace.visits.update_person(person.id, position="ศึกษานิเทศก์ชำนาญการ")
        framework = workspace.visits.framework_of(workspace.visits.get(visit_id))
        workspace.visits.set_text(visit_id, framework.components[0].code, "observed", "แก้ไขที่เขต")
        follow_up = workspace.follow_ups.agreed_in(visit_id)[0]
        workspace.follow_ups.update(follow_up.id, owner="ครูวิชาการ")
        workspace.network_schools.update(network.id, pupils=45)
        workspace.visits.remove_attachment(visit_photo.id)
        workspace.visits.finalise(visit_id)
        workspace.follow_ups.set_status(follow_up.id, "done", on=date(2026, 1, 5))
        after = versions_of(workspace)
    changed = {key for key in before if after[key] != before[key]}
    assert {table for table, _id in changed} == set(VERSIONED)  # every table was written
    for key in changed:
        grown = {who for who in after[key] if after[key][who] != before[key].get(who)}
        assert grown == {me}, key
