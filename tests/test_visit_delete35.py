"""TEST34C C12 (s35): a visit recorded by mistake (a wrong school, a test, a duplicate) is deleted by
its maker while it was never confirmed, and every reader forgets it: the school's visit list, the
visits of a day, coverage, the follow-up lists, ครั้งที่ numbering, the timeline, the final visits the
district picture and the reports read."""

from __future__ import annotations

import json
from datetime import date

import pytest

from qualityschool_desktop.coverage import coverage, load_rules
from qualityschool_desktop.errors import NotFoundError, ValidationError
from qualityschool_desktop.timeline import school_timeline
from qualityschool_desktop.workspace import Workspace

RULES = load_rules()
DAY = date(2026, 12, 3)


def _visit(ws: Workspace, school_id: str, day: date, visitor: str = "นางกานดา รักเรียน") -> str:
    visit = ws.visits.start(school_id, visited_on=day, purpose="ติดตามผล")
    ws.visits.add_person(visit.id, "visitor", visitor, "ศึกษานิเทศก์")
    ws.visits.set_text(visit.id, "1", "observed", "ครูใช้สื่อหลากหลาย")
    return visit.id


def test_the_maker_deletes_a_visit_made_by_mistake_and_every_reader_forgets_it(memory_workspace, school) -> None:
    ws = memory_workspace
    first = _visit(ws, school.id, date(2026, 11, 20))
    earlier = ws.follow_ups.add(first, "จัดทำแผนนิเทศภายใน")
    mistake = _visit(ws, school.id, DAY)  # a duplicate of the same day
    agreed = ws.follow_ups.add(mistake, "ส่งรายงานการใช้สื่อ", due_on=date(2026, 12, 20))
    ws.follow_ups.set_status(earlier.id, "done", in_visit_id=mistake, on=DAY)
    later = _visit(ws, school.id, date(2026, 12, 10))
    term = RULES.term(2569, 2)

    def done() -> int:
        return {c.school_id: c for c in coverage(ws, RULES, term, date(2026, 12, 15))}[school.id].visits_done

    assert done() == 3 and len(ws.follow_ups.earlier_visit_ids(later)) == 2
    assert ws.visits.why_not_deleted(mistake) == ""

    ws.visits.delete(mistake)

    assert [v.id for v in ws.visits.for_school(school.id)] == [later, first]
    assert ws.visits.on_day(school.id, DAY) == [] and mistake not in {v.id for v in ws.visits.all()}
    with pytest.raises(NotFoundError):
        ws.visits.get(mistake)
    assert ws.visits.get(mistake, include_deleted=True).id == mistake
    assert done() == 2
    assert ws.follow_ups.earlier_visit_ids(later) == [first]  # ครั้งที่ ๓ closes up to ครั้งที่ ๒
    assert ws.follow_ups.agreed_in(mistake) == []
    assert agreed.id not in {f.id for f in ws.follow_ups.for_school(school.id)}
    assert agreed.id not in {i.follow_up.id for i in ws.follow_ups.across_schools(DAY, include_closed=True)}
    # The earlier visit's action marked done in the deleted visit stays done, naming no deleted visit.
    kept = ws.follow_ups.get(earlier.id)
    assert (kept.status, kept.closed_on, kept.closed_in_visit_id) == ("done", DAY.isoformat(), None)
    assert mistake not in {point.record_id for point in school_timeline(ws, school.id)}
    with pytest.raises(NotFoundError):
        ws.visits.delete(mistake)  # once


def test_a_confirmed_visit_is_not_deleted_and_one_confirmed_once_neither(memory_workspace, school) -> None:
    ws = memory_workspace
    visit_id = _visit(ws, school.id, DAY)
    ws.visits.finalise(visit_id)
    assert "ยืนยันแล้ว" in ws.visits.why_not_deleted(visit_id)
    with pytest.raises(ValidationError, match="ยืนยันแล้ว จึงลบไม่ได้"):
        ws.visits.delete(visit_id)
    ws.visits.reopen(visit_id, "แก้ชื่อผู้นิเทศ")
    with pytest.raises(ValidationError, match="เคยยืนยันแล้ว"):
        ws.visits.delete(visit_id)
    assert ws.visits.get(visit_id).status == "draft"
    assert [v.id for v in ws.visits.for_school(school.id)] == [visit_id]
    assert [v.id for v in ws.visits.final([school.id])] == []  # a draft again, as before


def test_an_empty_draft_left_by_one_click_is_deleted(memory_workspace, school) -> None:
    ws = memory_workspace
    empty = ws.visits.start(school.id, visited_on=DAY)
    ws.visits.delete(empty.id)
    assert ws.visits.for_school(school.id) == []
    # A deleted visit is changed no more.
    with pytest.raises(NotFoundError):
        ws.visits.update(empty.id, purpose="ทดสอบ")
    with pytest.raises(NotFoundError):
        ws.visits.finalise(empty.id)
    with pytest.raises(NotFoundError):
        ws.follow_ups.add(empty.id, "ข้อตกลงของบันทึกที่ลบ")


def test_the_deletion_is_kept_in_the_visits_version_for_the_exchange(memory_workspace, school) -> None:
    ws = memory_workspace
    visit_id = _visit(ws, school.id, DAY)
    before = ws.db.execute("SELECT version FROM visits WHERE id = ?", [visit_id]).fetchone()[0]
    ws.visits.delete(visit_id)
    row = ws.db.execute("SELECT version, deleted_at, modified_by FROM visits WHERE id = ?", [visit_id]).fetchone()
    assert row[0] != before and row[1] and row[2] == ws.installation_id


def test_a_deleted_visits_earlier_state_is_kept_whole(memory_workspace, school) -> None:
    """Migration 0036 made the visit's snapshot trigger again over the new column (a pending
    change is applied field by field against these states)."""
    ws = memory_workspace
    visit_id = _visit(ws, school.id, DAY)
    sql = ws.db.execute("SELECT sql FROM sqlite_master WHERE name = 'visits_snapshot'").fetchone()[0]
    assert "'deleted_at', OLD.deleted_at" in sql
    ws.visits.delete(visit_id)
    states = [json.loads(row[0]) for row in ws.db.execute(
        "SELECT row_json FROM record_snapshots WHERE table_name = 'visits' AND record_id = ?", [visit_id])]
    assert states and all("deleted_at" in state for state in states)
