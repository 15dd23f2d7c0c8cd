"""A confirmed visit reopened and confirmed again tells it is a revision (TEST34C C3): who reopened
and confirmed (a name of the team, not the laptop), why, and what changed since the version
confirmed before."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.visit_revisions import change_text

KANDA, SOMCHAI = "นางกานดา รักเรียน", "นายสมชาย ใจดี"


@pytest.fixture
def confirmed(memory_workspace, school):
    """A visit of two supervisors, component 3 at level 3, confirmed by the second."""
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 2, 3))
    visits.add_person(visit.id, "visitor", KANDA)
    visits.add_person(visit.id, "visitor", SOMCHAI)
    visits.set_level(visit.id, "3", 3)
    visits.set_text(visit.id, "3", "strengths", "ครูใช้สื่อหลากหลาย")
    visits.finalise(visit.id, by=SOMCHAI)
    return visit


def test_confirming_and_reopening_name_the_team_member_not_the_laptop(memory_workspace, confirmed) -> None:
    visits = memory_workspace.visits
    visits.reopen(confirmed.id, "โรงเรียนส่งหลักฐานเพิ่ม", by=KANDA)
    visits.finalise(confirmed.id)  # nobody chosen: the first of the team
    assert [(e.event, e.person_name) for e in visits.events(confirmed.id)] == [
        ("finalised", SOMCHAI), ("reopened", KANDA), ("finalised", KANDA)]
    with pytest.raises(ValidationError, match="ไม่อยู่ในรายชื่อคณะผู้นิเทศ"):
        visits.reopen(confirmed.id, "แก้ไข", by="นายคนอื่น")
    assert visits.get(confirmed.id).is_final  # nothing written


def test_a_revised_record_says_which_revision_why_and_what_changed(memory_workspace, confirmed) -> None:
    visits = memory_workspace.visits
    assert visits.revision(confirmed.id) is None  # never reopened: prints as before
    first = visits.events(confirmed.id)[0]
    visits.reopen(confirmed.id, "โรงเรียนส่งหลักฐานเพิ่ม", by=KANDA)
    visits.set_level(confirmed.id, "3", 4)
    visits.set_text(confirmed.id, "3", "strengths", "ครูใช้สื่อหลากหลายและเทคโนโลยี")
    visits.set_level(confirmed.id, "4", 2)
    visits.finalise(confirmed.id, by=SOMCHAI)
    revision = visits.revision(confirmed.id)
    assert revision is not None
    assert revision.number == 1
    assert revision.first_confirmed_at == first.happened_at
    assert [(r.person_name, r.reason) for r in revision.reopenings] == [(KANDA, "โรงเรียนส่งหลักฐานเพิ่ม")]
    assert revision.confirmed_by == SOMCHAI
    assert [change_text(c) for c in revision.changes or ()] == [
        "องค์ประกอบที่ ๓: ระดับ ๓ → ๔", "องค์ประกอบที่ ๓: แก้ไขจุดเด่น", "องค์ประกอบที่ ๔: ยังไม่ให้ระดับ → ๒"]
    # in the record's own level words, as the rest of the record says "๔ ดีเลิศ" (TEST35 T9)
    names = {level.value: level.label for level in visits.framework_of(visits.get(confirmed.id)).levels}
    assert [change_text(c, levels=names) for c in revision.changes or ()] == [
        f"องค์ประกอบที่ ๓: ระดับ ๓ {names[3]} → ๔ {names[4]}", "องค์ประกอบที่ ๓: แก้ไขจุดเด่น",
        f"องค์ประกอบที่ ๔: ยังไม่ให้ระดับ → ๒ {names[2]}"]
    assert names[4] == "ดีเลิศ"
    # a second round of changes is told against the second confirmation, not the first
    visits.reopen(confirmed.id, "แก้ระดับองค์ประกอบที่ ๔", by=SOMCHAI)
    visits.set_level(confirmed.id, "4", 3)
    visits.finalise(confirmed.id)
    revision = visits.revision(confirmed.id)
    assert revision is not None and revision.number == 2
    assert [change_text(c) for c in revision.changes or ()] == ["องค์ประกอบที่ ๔: ระดับ ๒ → ๓"]


def test_a_confirmation_from_before_the_snapshots_says_the_changes_are_not_known(memory_workspace, confirmed) -> None:
    db = memory_workspace.db
    visits = memory_workspace.visits
    # an event as 0036 and before wrote it: no name, no snapshot
    db.execute("DROP TRIGGER visit_events_no_update")
    db.execute("UPDATE visit_events SET person_name = NULL, signed_findings = NULL")
    visits.reopen(confirmed.id, "แก้ไข")
    visits.finalise(confirmed.id)
    revision = visits.revision(confirmed.id)
    assert revision is not None and revision.number == 1 and revision.changes is None


def _revised(workspace, visit_id: str) -> None:
    visits = workspace.visits
    visits.reopen(visit_id, "โรงเรียนส่งหลักฐานเพิ่ม", by=KANDA)
    visits.set_level(visit_id, "3", 4)
    visits.finalise(visit_id, by=SOMCHAI)


def test_the_data_of_a_revised_record_carries_the_revision_for_every_copy(memory_workspace, confirmed) -> None:
    from qualityschool_desktop.reports.visit.data import gather
    from qualityschool_desktop.reports.visit.revision import revision_lines, revision_status
    from qualityschool_desktop.thai import DigitText

    t = DigitText("thai")
    assert gather(memory_workspace, confirmed.id).revision is None
    assert revision_lines(None, t) == [] and revision_status(None, t) == ""
    _revised(memory_workspace, confirmed.id)
    data = gather(memory_workspace, confirmed.id)
    assert revision_status(data.revision, t) == "ฉบับแก้ไขครั้งที่ ๑"
    lines = revision_lines(data.revision, t, data.level_names)
    assert lines[0].startswith("ยืนยันบันทึกครั้งแรกเมื่อ ")
    assert lines[1].startswith("เปิดแก้ไขครั้งที่ ๑ เมื่อ ") and lines[1].endswith(
        f"โดย {KANDA} เหตุผล: โรงเรียนส่งหลักฐานเพิ่ม")
    assert lines[2].startswith("ยืนยันฉบับแก้ไขเมื่อ ") and lines[2].endswith(f"โดย {SOMCHAI}")
    assert lines[3:] == ["สิ่งที่เปลี่ยนจากฉบับที่ยืนยันก่อนหน้า:", "– องค์ประกอบที่ ๓: ระดับ ๓ ดี → ๔ ดีเลิศ"]


def test_the_printed_revised_record_says_revision_reopen_reason_and_change(memory_workspace, confirmed, tmp_path) -> None:
    import subprocess

    from qualityschool_desktop.reports.visit import write_visit_report

    first = write_visit_report(memory_workspace, confirmed.id, tmp_path / "first.pdf")
    first_text = subprocess.run(["pdftotext", str(first), "-"], capture_output=True, text=True, check=True).stdout
    assert "ฉบับแก้ไข" not in first_text and "เปิดแก้ไข" not in first_text
    _revised(memory_workspace, confirmed.id)
    again = write_visit_report(memory_workspace, confirmed.id, tmp_path / "again.pdf")
    text = "".join(subprocess.run(["pdftotext", str(again), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())  # lines break between words
    for wanted in ("ยืนยันแล้ว · ฉบับแก้ไขครั้งที่ ๑", "ประวัติการแก้ไขบันทึกหลังยืนยัน", "ยืนยันบันทึกครั้งแรกเมื่อ",
                   f"โดย {KANDA} เหตุผล: โรงเรียนส่งหลักฐานเพิ่ม", f"ยืนยันฉบับแก้ไขเมื่อ",
                   "องค์ประกอบที่ ๓: ระดับ ๓ ดี → ๔ ดีเลิศ"):
        assert "".join(wanted.split()) in text, wanted


def test_the_rule_of_what_was_confirmed_takes_a_snapshot_and_refuses_anything_else(memory_workspace, confirmed) -> None:
    from qualityschool_desktop.visit_revisions import SIGNED_FINDINGS

    kept = memory_workspace.visits.events(confirmed.id)[0].signed_findings
    assert SIGNED_FINDINGS(kept) and SIGNED_FINDINGS(None) and SIGNED_FINDINGS("{}")
    for bad in ("[]", "not json", '{"3": {"level": 11, "texts": {}}}', '{"3": {"level": 3}}',
                '{"3": {"level": 3, "texts": {"strengths": "the text itself"}}}',
                '{"3": {"level": 3, "texts": {"notes": "0123456789abcdef"}}}', '{"": {"level": 3, "texts": {}}}'):
        assert not SIGNED_FINDINGS(bad), bad


def test_migration_0037_keeps_the_events_before_and_the_log_append_only(tmp_path) -> None:
    import sqlite3

    from qualityschool_desktop.database import open_database
    from qualityschool_desktop.workspace import Workspace

    path = tmp_path / "old.sqlite3"
    with Workspace.open(path, create=True) as workspace:  # a confirmed visit of two supervisors
        school = workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
        visit = workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
        workspace.visits.add_person(visit.id, "visitor", KANDA)
        workspace.visits.set_level(visit.id, "3", 3)
        workspace.visits.finalise(visit.id)
    conn = sqlite3.connect(path, isolation_level=None)  # back to 0036: the columns and the migration gone
    conn.execute("DROP TRIGGER visit_events_no_update")
    conn.execute("ALTER TABLE visit_events DROP COLUMN person_name")
    conn.execute("ALTER TABLE visit_events DROP COLUMN signed_findings")
    conn.execute("CREATE TRIGGER visit_events_no_update BEFORE UPDATE OF seq, id, visit_id, event, reason, happened_at,"
                 " happened_by ON visit_events BEGIN SELECT RAISE(ABORT, 'visit_events is append-only'); END")  # 0007's
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0037_visit_event_names'")
    conn.close()
    open_database(path).conn.close()
    with Workspace.open(path) as workspace:
        (event,) = workspace.visits.events(visit.id)
        assert event.person_name is None and event.signed_findings is None
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            workspace.db.execute("UPDATE visit_events SET person_name = 'ใครก็ได้'")
        workspace.visits.reopen(visit.id, "แก้ไข")
        workspace.visits.finalise(visit.id)
        revision = workspace.visits.revision(visit.id)
        assert revision is not None and revision.changes is None  # confirmed before anything was kept
        assert [e.person_name for e in workspace.visits.events(visit.id)] == [None, KANDA, KANDA]


def test_the_word_copy_of_a_revised_record_says_what_the_pdf_says(memory_workspace, confirmed, tmp_path) -> None:
    """The Word copy (s35) reads the same data model: a revision printed in the PDF is in the .docx too."""
    from qualityschool_desktop.reports.visit.word import write_visit_docx

    from .test_visit_word35 import text_of

    _revised(memory_workspace, confirmed.id)
    text = "".join("".join(text_of(write_visit_docx(memory_workspace, confirmed.id, tmp_path / "again.docx"))).split())
    for wanted in ("ยืนยันแล้ว · ฉบับแก้ไขครั้งที่ ๑", "ประวัติการแก้ไขบันทึกหลังยืนยัน",
                   f"โดย {KANDA} เหตุผล: โรงเรียนส่งหลักฐานเพิ่ม", "องค์ประกอบที่ ๓: ระดับ ๓ ดี → ๔ ดีเลิศ"):
        assert "".join(wanted.split()) in text, wanted
