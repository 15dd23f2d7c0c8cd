"""Issue 15: coverage and cadence — who is due for a visit or a re-assessment this term, at the
Thai school year's term boundaries (not the fiscal year), and the contact log counting toward it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.coverage import coverage, due_count, expected_by, load_rules
from qualityschool_desktop.errors import NotFoundError, ValidationError
from qualityschool_desktop.workspace import Workspace

RULES = load_rules()
RULES_FILE = Path(__file__).resolve().parents[1] / "resources" / "coverage" / "rules.json"


def school_at_level(workspace: Workspace, code: str, name: str, level: int, assessed_on: date | None = None) -> str:
    """A school whose only round answers every item at ``level`` (3: yellow band, 5: purple, 1: red)."""
    school = workspace.schools.add(code=code, name=name, district="แม่สอด", province="ตาก", level="primary")
    assessment = workspace.assessments.start(school.id, 2569, assessed_on=assessed_on)
    for item in workspace.frameworks.latest().items:
        workspace.answers.set_level(assessment.id, item.code, level)
    workspace.answers.flush_pending()
    return school.id


def made_visit(workspace: Workspace, school_id: str, *, visited_on: date) -> None:
    """A visit that holds something (a supervisor named): an empty draft is no visit made (C12)."""
    visit = workspace.visits.start(school_id, visited_on=visited_on)
    workspace.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")


def test_the_seeds_values_are_the_defaults_and_each_rule_names_its_seed() -> None:
    assert RULES.visits_per_term == 2 and "seed 004" in RULES.sources["visits"]
    assert RULES.reassessments == {"yellow": 3, "green": 2} and "seed 001" in RULES.sources["reassessments"]
    assert RULES.visit_bands == ("yellow", "orange", "red")


def test_terms_of_the_school_year_not_the_fiscal_year() -> None:
    first, second = RULES.term(2569, 1), RULES.term(2569, 2)
    assert (first.starts, first.ends) == (date(2026, 5, 16), date(2026, 10, 31))
    assert (second.starts, second.ends) == (date(2026, 11, 1), date(2027, 3, 31))
    # The day before and after a term starts.
    assert RULES.term_of(date(2026, 5, 15)) is None  # the break
    assert RULES.term_of(date(2026, 5, 16)) == first
    assert RULES.term_of(date(2026, 10, 31)) == first
    assert RULES.term_of(date(2026, 11, 1)) == second
    assert RULES.term_of(date(2027, 3, 31)) == second
    assert RULES.term_of(date(2027, 4, 1)) is None
    assert RULES.current_or_last_term(date(2027, 4, 20)) == second
    with pytest.raises(ValidationError, match="ภาคเรียน"):
        RULES.term(2569, 3)


def test_a_visit_on_the_last_day_of_term_one_does_not_count_for_term_two(memory_workspace: Workspace) -> None:
    school_id = school_at_level(memory_workspace, "6301000001", "โรงเรียนบ้านเหลือง", 3)
    made_visit(memory_workspace, school_id, visited_on=date(2026, 10, 31))
    first = {c.school_id: c for c in coverage(memory_workspace, RULES, RULES.term(2569, 1), date(2026, 10, 31))}
    second = {c.school_id: c for c in coverage(memory_workspace, RULES, RULES.term(2569, 2), date(2026, 11, 1))}
    assert first[school_id].visits_done == 1
    assert second[school_id].visits_done == 0
    assert second[school_id].visits_due == 2 and second[school_id].last_visit == "2026-10-31"
    made_visit(memory_workspace, school_id, visited_on=date(2026, 11, 1))  # the first day of term 2 counts
    second = {c.school_id: c for c in coverage(memory_workspace, RULES, RULES.term(2569, 2), date(2026, 11, 1))}
    assert second[school_id].visits_done == 1


def test_overdue_once_the_part_of_the_term_has_ended() -> None:
    term = RULES.term(2569, 2)  # 1 Nov 2026 – 31 Mar 2027: 151 days, halves end 15 Jan / 31 Mar
    assert expected_by(term, 2, date(2027, 1, 15)) == 0
    assert expected_by(term, 2, date(2027, 1, 16)) == 1
    assert expected_by(term, 2, date(2027, 3, 31)) == 1
    assert expected_by(term, 2, date(2027, 4, 1)) == 2
    assert expected_by(term, 0, date(2027, 4, 1)) == 0


def test_remaining_on_top_done_at_the_bottom(memory_workspace: Workspace) -> None:
    ws = memory_workspace
    red = school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    yellow = school_at_level(ws, "6301000002", "โรงเรียนเหลือง", 3, assessed_on=date(2026, 11, 5))
    purple = school_at_level(ws, "6301000003", "โรงเรียนม่วง", 5)
    ws.assessments.submit(ws.assessments.for_school(yellow)[0].id)  # a draft is no re-assessment (F11)
    for day in (date(2026, 11, 10), date(2027, 1, 20)):
        made_visit(ws, yellow, visited_on=day)
    listed = coverage(ws, RULES, RULES.term(2569, 2), date(2027, 2, 1))
    by_id = {c.school_id: c for c in listed}
    assert [c.school_id for c in listed] == [red, yellow, purple]
    assert by_id[red].status == "overdue" and by_id[red].overdue == 1
    # Yellow: both visits done, 1 of 3 re-assessments (seed 001); thirds of the 151-day term end 21 Dec
    # and 9 Feb: on 1 Feb one re-assessment is expected, so two remain but none is overdue yet.
    assert (by_id[yellow].visits_done, by_id[yellow].reassessments_due, by_id[yellow].reassessments_done) == (2, 3, 1)
    assert by_id[yellow].status == "due" and by_id[yellow].remaining == 2
    late = {c.school_id: c for c in coverage(ws, RULES, RULES.term(2569, 2), date(2027, 2, 10))}
    assert late[yellow].status == "overdue" and late[yellow].overdue == 1
    assert by_id[purple].status == "none" and by_id[purple].remaining == 0
    assert due_count(listed) == 2


def test_overdue_when_untouched_for_longer_than_the_rule_says(memory_workspace: Workspace) -> None:
    ws = memory_workspace
    red = school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)  # no re-assessments due (seed 001 names yellow, green)
    made_visit(ws, red, visited_on=date(2026, 11, 2))
    term = RULES.term(2569, 2)
    assert RULES.max_days_untouched == 60
    on_time = coverage(ws, RULES, term, date(2027, 1, 1))[0]  # 60 days since the visit
    late = coverage(ws, RULES, term, date(2027, 1, 2))[0]  # 61 days
    assert (on_time.status, late.status, late.overdue) == ("due", "overdue", 1)


def test_untouched_days_are_counted_from_the_last_touch_in_term_time_only(memory_workspace: Workspace) -> None:
    """Test26b F7, decided in s26/e15c: CommCare's "not touched in 60 days" is counted from the last
    touch, across terms, but the break between school years (April to mid-May) is not counted: a
    supervisor cannot be late for days the schools were closed."""
    ws = memory_workspace
    red = school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    made_visit(ws, red, visited_on=date(2026, 9, 15))  # term 1/2569; term 2 follows without a break
    [item] = coverage(ws, RULES, RULES.term(2569, 2), date(2026, 12, 1))  # day 31 of term 2, 77 days untouched
    assert item.status == "overdue" and item.reason.startswith("ไม่ได้นิเทศหรือติดต่อมาเกิน 60 วัน")
    made_visit(ws, red, visited_on=date(2027, 3, 20))  # term 2/2569, 11 term days before the break
    first = RULES.term(2570, 1)
    [item] = coverage(ws, RULES, first, date(2027, 6, 15))  # 87 days, of which 42 in term
    assert (item.status, item.overdue) == ("due", 0)
    [item] = coverage(ws, RULES, first, date(2027, 7, 4))  # 11 + 50 = 61 term days
    assert (item.status, item.overdue) == ("overdue", 1) and "เกิน 60 วัน" in item.reason


def test_the_band_is_the_newest_submitted_rounds_not_a_newer_draft(memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school_id = school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    ws.assessments.submit(ws.assessments.for_school(school_id)[0].id)
    draft = ws.assessments.start(school_id, 2570)
    ws.answers.set_level(draft.id, ws.frameworks.latest().items[0].code, 5)  # a draft just begun
    ws.answers.flush_pending()
    [item] = coverage(ws, RULES, RULES.term(2569, 2), date(2026, 12, 1))
    assert (item.band, item.visits_due) == ("red", 2)


def test_contacts_count_only_where_the_rules_say(memory_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = memory_workspace
    monkeypatch.setattr(clock, "today", lambda: date(2027, 2, 1))
    monkeypatch.setattr("qualityschool_desktop.coverage.contacts.today", lambda: date(2027, 2, 1))
    red = school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    ws.contacts.add(red, date(2026, 12, 1), "line", "ติดตามแผนนิเทศภายใน", "ผู้อำนวยการ")
    ws.contacts.add(red, date(2026, 12, 2), "in_person", "พบที่ประชุมเครือข่าย")
    item = coverage(ws, RULES, RULES.term(2569, 2), date(2027, 2, 1))[0]
    assert item.visits_done == 1 and item.last_contact == "2026-12-02"
    assert [c.channel for c in ws.contacts.for_school(red)] == ["in_person", "line"]


def test_bad_contacts_change_nothing(memory_workspace: Workspace) -> None:
    ws = memory_workspace
    red = school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    with pytest.raises(ValidationError, match="เรื่องที่ติดต่อ"):
        ws.contacts.add(red, date(2025, 12, 1), "phone", "   ")
    with pytest.raises(ValidationError, match="ช่องทาง"):
        ws.contacts.add(red, date(2025, 12, 1), "fax", "เรื่อง")
    with pytest.raises(ValidationError, match="อนาคต"):
        ws.contacts.add(red, date(2999, 1, 1), "phone", "เรื่อง")
    with pytest.raises(NotFoundError):
        ws.contacts.add("0" * 36, date(2025, 12, 1), "phone", "เรื่อง")
    assert ws.contacts.for_school(red) == []


# ---- s24 f15a: the tester's F2, F5, F21, F6, F11 -------------------------------------------------


def test_a_line_call_counts_as_follow_up_not_as_a_visit_and_the_page_says_so(
        memory_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """F2: phone/LINE/email contacts count toward coverage as follow-up (they keep a school from
    being "untouched"), the two visits a term stay visits in person (seed 004), and the reason names the contact."""
    ws = memory_workspace
    monkeypatch.setattr("qualityschool_desktop.coverage.contacts.today", lambda: date(2027, 2, 1))
    red = school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    made_visit(ws, red, visited_on=date(2026, 11, 2))
    ws.contacts.add(red, date(2026, 12, 20), "line", "ติดตามแผนนิเทศภายใน")
    term = RULES.term(2569, 2)
    assert set(RULES.contact_channels_followed) == {"phone", "line", "email", "other"}
    [item] = coverage(ws, RULES, term, date(2027, 1, 2))  # 61 days after the visit, 13 after the LINE call
    assert (item.status, item.visits_done, item.followups_done) == ("due", 1, 1)
    assert "ติดต่อทาง LINE เมื่อ 20 ธ.ค. 2569" in item.reason
    [late] = coverage(ws, RULES, term, date(2027, 4, 1))  # the term is over: the second visit is overdue
    assert late.status == "overdue" and "ติดต่อทาง LINE" in late.reason and "นิเทศครั้งที่ 2" in late.reason


def test_nothing_is_overdue_in_a_term_that_has_not_begun(memory_workspace: Workspace) -> None:
    """F5: term 1/2570 seen on 1 Dec 2026 — five months before it starts."""
    ws = memory_workspace
    school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    school_at_level(ws, "6301000002", "โรงเรียนเหลือง", 3)
    listed = coverage(ws, RULES, RULES.term(2570, 1), date(2026, 12, 1))
    assert [item.status for item in listed] == ["due", "due"] and all(item.overdue == 0 for item in listed)
    assert all("ยังไม่เริ่ม" in item.reason for item in listed)


def test_a_school_never_visited_is_due_not_overdue_until_its_time_runs_out(memory_workspace: Workspace) -> None:
    """F21: the first of two visits is due by the end of the term's first half (15 Jan for term
    2/2569); a school never visited nor contacted is not "untouched" (nothing to count from)."""
    ws = memory_workspace
    school_at_level(ws, "6301000001", "โรงเรียนแดง", 1)
    term = RULES.term(2569, 2)
    for day in (date(2026, 11, 1), date(2026, 12, 15), date(2026, 12, 30)):
        [item] = coverage(ws, RULES, term, day)
        assert (item.status, item.overdue) == ("due", 0), day
        assert "นิเทศครั้งที่ 1 ภายใน 15 ม.ค. 2570" in item.reason
    [item] = coverage(ws, RULES, term, date(2027, 1, 16))
    assert item.status == "overdue" and "15 ม.ค. 2570" in item.reason


def test_a_past_term_shows_the_band_and_dates_of_that_term(memory_workspace: Workspace) -> None:
    """F6: term 2/2568 seen on 1 Dec 2026: the band of the round assessed then (purple: nothing due),
    not of the red round of November 2026, and no visit or assessment dated after the term."""
    ws = memory_workspace
    school_id = school_at_level(ws, "6301000001", "โรงเรียนม่วง", 5, assessed_on=date(2025, 11, 10))
    ws.assessments.submit(ws.assessments.for_school(school_id)[0].id)
    later = ws.assessments.start(school_id, 2570, assessed_on=date(2026, 11, 20))
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(later.id, item.code, 1)
    ws.answers.flush_pending()
    ws.assessments.submit(later.id)
    made_visit(ws, school_id, visited_on=date(2026, 11, 25))
    [past] = coverage(ws, RULES, RULES.term(2568, 2), date(2026, 12, 1))
    assert (past.band, past.visits_due, past.status) == ("purple", 0, "none")
    assert (past.last_visit, past.last_assessment) == ("", "2025-11-10")
    [now] = coverage(ws, RULES, RULES.term(2569, 2), date(2026, 12, 1))
    assert (now.band, now.last_visit, now.last_assessment) == ("red", "2026-11-25", "2026-11-20")


def test_a_draft_is_not_a_re_assessment_done(memory_workspace: Workspace) -> None:
    """F11: a round counts as a re-assessment once it is submitted."""
    ws = memory_workspace
    school_id = school_at_level(ws, "6301000001", "โรงเรียนเหลือง", 3, assessed_on=date(2026, 11, 5))
    [item] = coverage(ws, RULES, RULES.term(2569, 2), date(2026, 12, 1))
    assert (item.band, item.reassessments_done) == ("yellow", 0)
    ws.assessments.submit(ws.assessments.for_school(school_id)[0].id)
    [item] = coverage(ws, RULES, RULES.term(2569, 2), date(2026, 12, 1))
    assert item.reassessments_done == 1


# ---- F17: the office's own rules, in the data folder -----------------------------------------------


def test_an_office_changes_the_rules_with_a_file_in_its_data_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qualityschool_desktop.coverage.rules import make_office_rules, office_rules_path

    monkeypatch.setenv("QUALITYSCHOOL_DATA_DIR", str(tmp_path))
    assert load_rules().path == str(RULES_FILE) and not office_rules_path().exists()
    written = make_office_rules()  # a copy of the bundled rules to edit
    assert written == tmp_path / "coverage-rules.json" and load_rules().visits_per_term == 2
    data = json.loads(written.read_text(encoding="utf-8"))
    data["visits"]["per_term"] = 3
    data["visits"]["contact_channels_followed"] = ["phone"]
    written.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rules = load_rules()
    assert (rules.visits_per_term, rules.contact_channels_followed, rules.path) == (3, ("phone",), str(written))
    assert make_office_rules() == written and load_rules().visits_per_term == 3  # never overwritten


@pytest.mark.parametrize(("change", "words"), [
    (lambda d: d["visits"].update(per_term=40), "ระหว่าง ๐ ถึง ๓๑"),
    (lambda d: d["visits"].update(bands=["pink"]), "กลุ่มสี"),
    (lambda d: d["reassessments"]["per_band"].update(pink=2), "กลุ่มสี"),
    (lambda d: d["visits"].update(contact_channels_followed=["in_person"]), "นับได้อย่างเดียว"),
    (lambda d: d["terms"]["first"].update(starts="13-40"), "วันเริ่มและวันสิ้นสุดภาคเรียน"),
    (lambda d: d.pop("visits"), "ไม่มีหัวข้อ visits"),
    (lambda d: d["visits"].update(per_term="สอง"), "ต้องเป็นตัวเลข"),
])
def test_a_bad_office_rules_file_is_refused_in_thai(tmp_path: Path, change: Any, words: str) -> None:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "coverage-rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match=words) as raised:
        load_rules(path)
    assert str(path) in str(raised.value) and "Error" not in str(raised.value)


def test_a_file_that_is_not_json_is_refused_in_thai(tmp_path: Path) -> None:
    path = tmp_path / "coverage-rules.json"
    path.write_text('{"terms": {', encoding="utf-8")
    with pytest.raises(ValidationError, match="บรรทัด 1") as raised:
        load_rules(path)
    assert "Expecting" not in str(raised.value)


def test_an_empty_draft_made_by_one_click_is_no_visit_done(memory_workspace: Workspace) -> None:
    """TEST34C C12: "บันทึกการนิเทศครั้งใหม่" then ‹ ย้อนกลับ left an empty draft that coverage counted."""
    ws = memory_workspace
    school_id = school_at_level(ws, "6301000001", "โรงเรียนบ้านเหลือง", 3)
    term, day = RULES.term(2569, 2), date(2026, 12, 3)

    def done() -> int:
        return {c.school_id: c for c in coverage(ws, RULES, term, day)}[school_id].visits_done

    empty = ws.visits.start(school_id, visited_on=day)
    assert done() == 0
    person = ws.visits.add_person(empty.id, "visitor")  # a blank row is still nothing
    assert done() == 0
    ws.visits.update_person(person.id, name="นางกานดา รักเรียน")
    assert done() == 1
    other = ws.visits.start(school_id, visited_on=day)
    ws.visits.set_level(other.id, "1", 3)
    assert done() == 2
    signed = ws.visits.start(school_id, visited_on=day)
    ws.visits.add_person(signed.id, "visitor", "นายวิชัย ใจดี")  # confirming needs a visitor (C4)
    ws.visits.finalise(signed.id)  # confirmed: signed
    assert done() == 3
