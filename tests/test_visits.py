"""Supervision visits: recording, the comparison with the school's view, follow-ups, finality."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from qualityschool_desktop.comparison import compare
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.timeline import school_timeline


@pytest.fixture
def assessed(memory_workspace, school):
    """A school whose round 1 of 2569 is fully answered: component n at level n+1 (5 for the last)."""
    ws = memory_workspace
    assessment = ws.assessments.start(school.id, 2569, assessed_on=date(2026, 1, 10))
    levels = {"1": 2, "2": 3, "3": 4, "4": 5, "5": 5}
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, levels[item.component_code])
    ws.assessments.submit(assessment.id)
    return assessment


def test_a_new_visit_reviews_the_latest_round(memory_workspace, school, assessed) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3), start_time="9.30",
                                          purpose="ติดตามการพัฒนาด้านผู้เรียน")
    assert visit.assessment_id == assessed.id
    assert visit.start_time == "09:30" and visit.status == "draft" and visit.visit_type == "onsite"
    assert (visit.framework_id, visit.framework_version) == (assessed.framework_id, assessed.framework_version)
    assert memory_workspace.visits.for_school(school.id) == [visit]


def test_times_are_stored_as_people_type_them_or_refused_saying_why(memory_workspace, school) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 2, 3), start_time="0900")
    assert visit.start_time == "09:00"  # issue 11: "0900" was refused by the core and then lost
    assert visits.update(visit.id, end_time="๑๒.๓๐ น.").end_time == "12:30"
    for typed, why in (("2500", "ชั่วโมง"), ("9.75", "นาที")):
        with pytest.raises(ValidationError, match=f"เวลาสิ้นสุด.*{why}"):
            visits.update(visit.id, end_time=typed)
    assert visits.get(visit.id).end_time == "12:30"


def test_a_visit_without_a_round(memory_workspace, school) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3), visit_type="online")
    assert visit.assessment_id is None and visit.visit_type == "online"


def test_bad_input_is_refused(memory_workspace, school) -> None:
    visits = memory_workspace.visits
    with pytest.raises(ValidationError, match="เวลา"):
        visits.start(school.id, visited_on=date(2026, 2, 3), start_time="25:00")
    visit = visits.start(school.id, visited_on=date(2026, 2, 3))
    with pytest.raises(ValidationError, match="9.9"):
        visits.set_level(visit.id, "9.9", 3)
    with pytest.raises(ValidationError, match="ระดับ 7"):
        visits.set_level(visit.id, "2", 7)
    with pytest.raises(ValidationError, match="รูปแบบ"):
        visits.update(visit.id, visit_type="by-phone")
    assert visits.findings(visit.id) == {}


def test_team_findings_and_texts_are_saved_as_typed(memory_workspace, school, assessed) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 2, 3))
    lead = visits.add_person(visit.id, "visitor", "นายวิชัย ใจดี", "ศึกษานิเทศก์ชำนาญการพิเศษ")
    visits.add_person(visit.id, "visitor", "นางสาวพร ศรีสุข", "ศึกษานิเทศก์")
    director = visits.add_person(visit.id, "school", "นายสมชาย มั่นคง", "ผู้อำนวยการโรงเรียน")
    assert [p.name for p in visits.people(visit.id, "visitor")] == ["นายวิชัย ใจดี", "นางสาวพร ศรีสุข"]
    visits.update_person(director.id, position="ผู้อำนวยการโรงเรียนชุมชนบ้านทดสอบ")
    visits.remove_person(lead.id)
    assert [p.name for p in visits.people(visit.id, "visitor")] == ["นางสาวพร ศรีสุข"]
    visits.restore_person(lead.id)
    text = ""
    for ch in "ห้องเรียนมีมุมอ่านหนังสือ":
        text += ch
        visits.set_text(visit.id, "4", "observed", text)
    visits.set_level(visit.id, "4", 3)
    finding = visits.findings(visit.id)["4"]
    assert finding.observed == text and finding.level == 3


def test_comparison_shows_the_gaps(memory_workspace, school, assessed) -> None:
    ws = memory_workspace
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.set_level(visit.id, "4", 3)      # school 5.00 → supervisor 3: lower by 2
    ws.visits.set_level(visit.id, "1", 2)      # agrees
    ws.visits.set_level(visit.id, "3.1.1", 5)  # item: school 4 → 5, higher
    ws.visits.set_level(visit.id, "3.1.2", 4)  # item agrees
    framework = ws.visits.framework_of(visit)
    result = compare(framework, ws.answers.for_assessment(assessed.id), ws.visits.findings(visit.id))
    by_code = {g.code: g for g in (*result.components, *result.items)}
    assert by_code["4"].gap == -2 and by_code["4"].verdict == "lower"
    assert by_code["1"].verdict == "agree"
    # The supervisor's mean over the items rated (4.5) against the school's 4.0: half a level is a gap.
    assert by_code["3"].supervisor == 4.5 and by_code["3"].verdict == "higher"
    assert by_code["3.1.1"].verdict == "higher" and by_code["3.1.2"].verdict == "agree"
    assert by_code["2"].verdict is None  # the supervisor gave no level
    assert [g.code for g in result.biggest()] == ["4", "3.1.1", "3"]
    assert result.counts() == {"lower": 0, "higher": 1, "agree": 1}


def test_follow_ups_stay_open_across_visits(memory_workspace, school, assessed) -> None:
    ws = memory_workspace
    first = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    plc = ws.follow_ups.add(first.id, "จัด PLC ด้านการอ่านทุกสัปดาห์", owner="ครูวิชาการ",
                            due_on=date(2026, 3, 1), scope_code="4")
    lab = ws.follow_ups.add(first.id, "ของบปรับปรุงห้องปฏิบัติการ", due_on=date(2026, 2, 20))
    ws.follow_ups.add(first.id, "ทำแผนนิเทศภายใน")
    ws.visits.add_person(first.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
    ws.visits.finalise(first.id)
    second = ws.visits.start(school.id, visited_on=date(2026, 3, 10))
    assert {f.id for f in ws.follow_ups.open_before(second.id)} >= {plc.id, lab.id}
    ws.follow_ups.set_status(plc.id, "done", in_visit_id=second.id, on=date(2026, 3, 10))
    assert plc.id in {f.id for f in ws.follow_ups.open_before(second.id)}  # closed during this visit: shown
    assert plc.id not in {f.id for f in ws.follow_ups.for_school(school.id, open_only=True)}
    # The wording of an action agreed in a final visit is fixed; its status is not.
    with pytest.raises(ValidationError, match="ยืนยันแล้ว"):
        ws.follow_ups.update(lab.id, action="อย่างอื่น")
    due = ws.follow_ups.across_schools(date(2026, 2, 25))
    assert [(d.follow_up.action, d.bucket) for d in due] == [
        ("ของบปรับปรุงห้องปฏิบัติการ", "overdue"),
        ("ทำแผนนิเทศภายใน", "no_date"),
    ]
    due = ws.follow_ups.across_schools(date(2026, 2, 25), include_closed=True)
    assert due[-1].bucket == "closed" and due[0].school_code == school.code


def test_final_visits_of_a_fiscal_year_with_their_findings_and_follow_ups_read_in_one_go(
    memory_workspace, school, assessed,
) -> None:
    ws = memory_workspace
    item = ws.frameworks.latest().items[0].code
    other_school = ws.schools.add(code="6301000002", name="โรงเรียนอื่น", province="ตาก")
    made_in_2569 = ws.visits.start(school.id, visited_on=date(2026, 2, 3))  # reviews the 2569 round too
    reviews_2569 = ws.visits.start(school.id, visited_on=date(2026, 10, 5))  # made in fiscal 2570
    made_in_2570 = ws.visits.start(school.id, visited_on=date(2026, 11, 1), review_latest=False)
    elsewhere = ws.visits.start(other_school.id, visited_on=date(2026, 2, 4))
    draft = ws.visits.start(school.id, visited_on=date(2026, 3, 1))  # never signed: never listed
    ws.visits.set_text(made_in_2569.id, item, "to_develop", "ฝึกอ่านจับใจความ")
    ws.visits.set_level(made_in_2569.id, "2", 3)
    kept = ws.follow_ups.add(reviews_2569.id, "จัด PLC ด้านการอ่าน", scope_code="2")
    removed = ws.follow_ups.add(reviews_2569.id, "ทำแผนซ้ำ")
    ws.follow_ups.remove(removed.id)
    first = ws.follow_ups.add(made_in_2569.id, "ทำแผนนิเทศภายใน")
    for visit in (made_in_2569, reviews_2569, made_in_2570, elsewhere):
        ws.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
        ws.visits.finalise(visit.id)

    visits = ws.visits
    assert [v.id for v in visits.final(fiscal_year=2569)] == [made_in_2569.id, elsewhere.id, reviews_2569.id]
    assert [v.id for v in visits.final([school.id], fiscal_year=2569)] == [made_in_2569.id, reviews_2569.id]
    assert [v.id for v in visits.final([school.id])] == [made_in_2569.id, reviews_2569.id, made_in_2570.id]
    assert visits.final(["no-such-school"]) == [] and draft.id not in {v.id for v in visits.final()}
    assert visits.findings_of([reviews_2569.id, made_in_2569.id, "no-such-visit"]) == {
        made_in_2569.id: visits.findings(made_in_2569.id),
    }
    assert set(visits.findings_of([made_in_2569.id])[made_in_2569.id]) == {item, "2"}
    agreed = ws.follow_ups.agreed_in_visits([reviews_2569.id, made_in_2569.id, "no-such-visit"])
    assert [f.id for f in agreed] == [kept.id, first.id]


def test_a_final_visit_refuses_edits_until_reopened_and_the_reopening_is_recorded(
    memory_workspace, school, assessed, tmp_path
) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 2, 3))
    visits.set_text(visit.id, "2", "strengths", "ผู้บริหารเป็นแบบอย่างที่ดี")
    visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
    visits.finalise(visit.id)
    for attempt in (
        lambda: visits.set_text(visit.id, "2", "strengths", "แก้"),
        lambda: visits.set_level(visit.id, "2", 4),
        lambda: visits.update(visit.id, notes="x"),
        lambda: visits.add_person(visit.id, "visitor", "ใครสักคน"),
        lambda: memory_workspace.follow_ups.add(visit.id, "ข้อตกลงใหม่"),
    ):
        with pytest.raises(ValidationError, match="ยืนยันแล้ว"):
            attempt()
    with pytest.raises(ValidationError, match="เหตุผล"):
        visits.reopen(visit.id, " ")
    visits.reopen(visit.id, "ผู้อำนวยการขอแก้ชื่อผู้ให้ข้อมูล")
    visits.set_text(visit.id, "2", "strengths", "แก้แล้ว")
    assert [(e.event, e.reason) for e in visits.events(visit.id)] == [
        ("finalised", ""), ("reopened", "ผู้อำนวยการขอแก้ชื่อผู้ให้ข้อมูล")
    ]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        memory_workspace.db.execute("DELETE FROM visit_events")


def test_visit_photos_are_stored_like_evidence(file_workspace, tmp_path) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000003", name="โรงเรียนภาพถ่าย")
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    photo = tmp_path / "ห้องสมุด.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    attachment = ws.visits.add_attachment(visit.id, "1", photo)
    assert ws.visits.path_of(attachment).read_bytes() == b"\xff\xd8jpeg"
    ws.visits.remove_attachment(attachment.id)
    assert ws.visits.attachments(visit.id) == []
    ws.visits.restore_attachment(attachment.id)
    assert [a.file_name for a in ws.visits.attachments(visit.id)] == ["ห้องสมุด.jpg"]


def test_timeline_orders_self_assessments_and_visits(memory_workspace, school, assessed) -> None:
    ws = memory_workspace
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.set_level(visit.id, "5", 3)
    points = school_timeline(ws, school.id)
    assert [(p.kind, p.when) for p in points] == [("self", "2026-01-10"), ("visit", "2026-02-03")]
    assert points[0].components["1"] == 2.0
    assert points[1].components["5"] == 3.0 and points[1].components["1"] is None


def test_an_old_visit_starts_from_what_was_open_that_day(memory_workspace, school) -> None:
    ws = memory_workspace
    first = ws.visits.start(school.id, visited_on=date(2026, 1, 5))
    early = ws.follow_ups.add(first.id, "ปรับปรุงห้องสมุด")
    second = ws.visits.start(school.id, visited_on=date(2026, 2, 5))
    later = ws.follow_ups.add(second.id, "จัดทำแผนนิเทศภายใน")
    third = ws.visits.start(school.id, visited_on=date(2026, 3, 5))
    ws.follow_ups.set_status(early.id, "done", in_visit_id=third.id, on=date(2026, 3, 5))
    # Reprinting the second visit: the library action was still open then; nothing from later visits.
    as_then = ws.follow_ups.open_before(second.id)
    assert [(f.id, f.status) for f in as_then] == [(early.id, "open")]
    assert ws.follow_ups.open_before(first.id) == []
    # The third visit shows both: one closed during it, one still open.
    assert {(f.id, f.status) for f in ws.follow_ups.open_before(third.id)} == {(early.id, "done"), (later.id, "open")}


def test_an_end_time_before_the_start_time_is_refused_in_thai(memory_workspace, school) -> None:
    """Issue 11 (tester 11b, finding 5): a visit from 13:00 to 09:00 was stored."""
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 2, 3), start_time="13.00")
    with pytest.raises(ValidationError, match="เวลาสิ้นสุด.*ต้องไม่ก่อนเวลาเริ่ม"):
        visits.update(visit.id, end_time="0900")
    assert visits.get(visit.id).end_time == ""
    assert visits.update(visit.id, end_time="13:00").end_time == "13:00"  # the same minute is a short visit
    assert visits.update(visit.id, end_time="16.30").end_time == "16:30"
    with pytest.raises(ValidationError, match="เวลาเริ่ม.*ต้องไม่หลังเวลาสิ้นสุด"):
        visits.update(visit.id, start_time="17.00")
    with pytest.raises(ValidationError, match="ต้องไม่ก่อนเวลาเริ่ม"):
        visits.update(visit.id, start_time="10.00", end_time="09.00")
    stored = visits.get(visit.id)
    assert (stored.start_time, stored.end_time) == ("13:00", "16:30")
