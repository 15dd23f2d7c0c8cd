"""Issue 10 (remaining): others add comments where the domain wants them, never overwriting the
owner's record: a supervisor or the office comments on a school's self-assessment (the round or one
item), the school answers a follow-up agreed in a visit. Comments are append-only records owned by
the installation that wrote them, and travel under its seal (tests/laptops.py: separate laptops)."""

from __future__ import annotations

import sqlite3
from typing import Callable

import pytest

from qualityschool_desktop import exchange, validation
from qualityschool_desktop.errors import NotFoundError, QualitySchoolError, ValidationError
from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.ids import new_id

from .laptops import (
    CODE_A,
    Laptop,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    rows_of,
    start_school,
    start_visit,
    with_rows,
    write_members,
)

Laptops = Callable[[str], Laptop]
NOTE = "ประเด็นนี้ควรแนบภาพกิจกรรมประกอบ"
ANSWER = "โรงเรียนจัดทำแผนนิเทศภายในแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๙"


def school_and_district(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    """School A sends its self-assessment; the district imports it and makes a visit with a follow-up,
    and sends the visit back to the school."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        ids["visit"] = start_visit(workspace, ids["school"])
        ids["follow_up"] = workspace.follow_ups.agreed_in(ids["visit"])[0].id
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    return school, district, ids


def texts(laptop: Laptop, kind: str, target: str) -> list[tuple[str, str, str]]:
    with laptop.open() as workspace:
        found = (workspace.comments.for_follow_up(target) if kind == "follow_up"
                 else workspace.comments.for_assessment(target))
        return [(c.body, c.author_name, c.item_code) for c in found]


# -- the core ----------------------------------------------------------------------------------------

def test_comments_on_a_round_an_item_and_a_follow_up_are_kept_in_order(laptops: Laptops) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        visit = start_visit(workspace, ids["school"])
        follow_up = workspace.follow_ups.agreed_in(visit)[0].id
        first = workspace.comments.on_assessment(ids["assessment"], "ภาพรวม\nดีมาก", author_name="นางสาวศึกษา นิเทศดี",
                                                 author_role="ศึกษานิเทศก์")
        second = workspace.comments.on_assessment(ids["assessment"], NOTE, item_code=ids["item"])
        answer = workspace.comments.on_follow_up(follow_up, ANSWER, author_name="ผอ.สมชาย")
        assert first.body == "ภาพรวม\nดีมาก" and first.item_code == "" and first.author_role == "ศึกษานิเทศก์"
        assert first.written_by == workspace.installation_id and first.written_at.endswith("Z")
        assert [c.id for c in workspace.comments.for_assessment(ids["assessment"])] == [first.id, second.id]
        assert [c.id for c in workspace.comments.for_assessment(ids["assessment"], ids["item"])] == [second.id]
        assert [c.id for c in workspace.comments.for_assessment(ids["assessment"], "")] == [first.id]
        assert [c.id for c in workspace.comments.for_follow_up(follow_up)] == [answer.id]
        assert workspace.comments.counts_for_follow_ups([follow_up, new_id()]) == {follow_up: 1}
        # The follow-up itself is not touched: a comment is a record of its own.
        assert workspace.follow_ups.get(follow_up).status == "open"


def test_bad_comments_are_refused_in_thai_and_leave_nothing(laptops: Laptops) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        add = workspace.comments.on_assessment
        with pytest.raises(ValidationError, match="ความคิดเห็น"):
            add(ids["assessment"], "  \n ")
        with pytest.raises(ValidationError, match="ยาวเกิน"):
            add(ids["assessment"], "ก" * (validation.MAX_TEXT + 1))
        with pytest.raises(ValidationError, match="ยาวเกิน"):
            add(ids["assessment"], NOTE, author_name="ก" * (validation.MAX_LINE + 1))
        with pytest.raises(ValidationError, match="ประเด็น"):
            add(ids["assessment"], NOTE, item_code="9.9.9")
        with pytest.raises(NotFoundError):
            add(new_id(), NOTE)
        with pytest.raises(NotFoundError):
            workspace.comments.on_follow_up(new_id(), NOTE)
        assert workspace.comments.for_assessment(ids["assessment"]) == []
        # Control characters never reach the database: a name becomes one clean line.
        kept = add(ids["assessment"], "ข้อ\x00ความ\r\nบรรทัดสอง", author_name="ครู\nสมศรี\x07")
        assert kept.body == "ข้อความ\nบรรทัดสอง" and kept.author_name == "ครู สมศรี"


def test_a_comment_is_append_only_in_the_database(laptops: Laptops) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        comment = workspace.comments.on_assessment(ids["assessment"], NOTE)
        for sql in ("UPDATE comments SET body = 'อื่น' WHERE id = ?", "DELETE FROM comments WHERE id = ?"):
            with pytest.raises((sqlite3.DatabaseError, QualitySchoolError)):
                with workspace.db.write():
                    workspace.db.execute(sql, [comment.id])
        assert workspace.comments.for_assessment(ids["assessment"])[0].body == NOTE


def test_a_seal_only_a_comment_names_is_kept_when_the_record_it_shared_changes(laptops: Laptops) -> None:
    """0017's rule for the append-only tables of its day holds for comments too: a seal still named
    by a comment stays when the record sharing it is edited, or the comment could never be relayed
    under its author's seal."""
    a1 = laptops("a1")
    with a1.open() as workspace:
        ids = start_school(workspace)
        workspace.comments.on_assessment(ids["assessment"], NOTE)
        seal = "5ea15ea1-0000-4000-8000-000000000002"
        with workspace.db.write():
            workspace.db.execute("INSERT INTO seals VALUES (?, ?, '2026-01-01T00:00:00Z', x'00', 'sig')",
                                 [seal, a1.installation_id])
            workspace.db.execute("UPDATE schools SET signed_set = ? WHERE id = ?", [seal, ids["school"]])
            workspace.db.execute("DROP TRIGGER comments_no_update")
            workspace.db.execute("UPDATE comments SET signed_set = ?", [seal])
        workspace.schools.update(ids["school"], pupils=222)
        assert workspace.db.execute("SELECT count(*) FROM seals WHERE id = ?", [seal]).fetchone()[0] == 1


# -- the exchange ------------------------------------------------------------------------------------

def test_the_supervisors_comment_reaches_the_school_and_the_schools_answer_reaches_her(laptops: Laptops) -> None:
    school, district, ids = school_and_district(laptops)
    with district.open() as workspace:
        workspace.comments.on_assessment(ids["assessment"], NOTE, item_code=ids["item"],
                                         author_name="นางสาวศึกษา นิเทศดี", author_role="ศึกษานิเทศก์")
        levels_before = sorted((code, a.level) for code, a in workspace.answers.for_assessment(ids["assessment"]).items())
    school.import_(district.export("d-2.qsx", school_codes=[CODE_A]))
    assert texts(school, "assessment", ids["assessment"]) == [(NOTE, "นางสาวศึกษา นิเทศดี", ids["item"])]

    with school.open() as workspace:  # the school answers the follow-up, it does not edit the visit
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER, author_name="ผอ.สมชาย", author_role="ผู้อำนวยการ")
    result = district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert texts(district, "follow_up", ids["follow_up"]) == [(ANSWER, "ผอ.สมชาย", "")]
    assert result.counts["comments"].new == 1
    with district.open() as workspace:
        assert exchange.list_pending(workspace) == []  # an answer is not a change waiting for a person
        assert workspace.follow_ups.get(ids["follow_up"]).status == "open"
        assert sorted((code, a.level) for code, a in workspace.answers.for_assessment(ids["assessment"]).items()) == levels_before
        written_by = workspace.comments.for_follow_up(ids["follow_up"])[0].written_by
    assert written_by == school.installation_id  # owned by its author, not by the visit's maker

    # Both sides again: nothing new, nothing doubled.
    school.import_(district.export("d-3.qsx", school_codes=[CODE_A]))
    district.import_(school.export("a-3.qsx", school_codes=[CODE_A]))
    assert len(texts(school, "follow_up", ids["follow_up"])) == 1
    assert len(texts(district, "assessment", ids["assessment"])) == 1


def test_a_relayed_answer_keeps_its_author(laptops: Laptops) -> None:
    school, district, ids = school_and_district(laptops)
    with school.open() as workspace:
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER)
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    province = laptops("province")
    province.import_(district.export("to-province.qsx"))
    with province.open() as workspace:
        kept = workspace.comments.for_follow_up(ids["follow_up"])
    assert [(c.body, c.written_by) for c in kept] == [(ANSWER, school.installation_id)]
    members = read_members(district.export("again.qsx"))
    assert [row["written_by"] for row in rows_of(members, "comments")] == [school.installation_id]


def test_an_altered_comment_refuses_the_file_and_leaves_nothing(laptops: Laptops) -> None:
    school, district, ids = school_and_district(laptops)
    with district.open() as workspace:
        workspace.comments.on_assessment(ids["assessment"], NOTE)
    members = read_members(district.export("d-2.qsx", school_codes=[CODE_A]))
    province = laptops("province")
    province.import_(school.export("a-x.qsx", school_codes=[CODE_A]))
    school.activate()  # the school changes the supervisor's words and seals the file with its own key
    members = with_rows(members, "visit_events", [])  # the visit's own history would be refused first
    altered = forge(edit_rows(members, "comments", lambda row: row.update(body="ประเมินดีเยี่ยมทุกข้อ")))
    with pytest.raises(ExchangeError, match="ความคิดเห็น"):
        province.import_(write_members(school.root / "files" / "altered.qsx", altered))
    assert texts(province, "assessment", ids["assessment"]) == []


def test_a_comment_forged_in_anothers_name_refuses_the_file_and_leaves_nothing(laptops: Laptops) -> None:
    school, district, ids = school_and_district(laptops)
    with school.open() as workspace:
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER)
    members = read_members(school.export("a-2.qsx", school_codes=[CODE_A]))
    members = with_rows(members, "visit_events", [])  # the visit's own history would be refused first
    rows = rows_of(members, "comments")
    forged_row = dict(rows[0], id=new_id(), body="ผู้นิเทศรับทราบและปิดข้อตกลงแล้ว", written_by=district.installation_id)
    school.activate()
    forged = forge(with_rows(members, "comments", [*rows, forged_row]))
    with pytest.raises(ExchangeError, match="ความคิดเห็น"):
        district.import_(write_members(school.root / "files" / "forged.qsx", forged))
    assert texts(district, "follow_up", ids["follow_up"]) == []


def test_a_comment_in_a_file_is_held_to_the_same_rules(laptops: Laptops) -> None:
    school, district, ids = school_and_district(laptops)
    with school.open() as workspace:
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER)
    members = with_rows(read_members(school.export("a-2.qsx", school_codes=[CODE_A])), "visit_events", [])
    school.activate()
    for change in (lambda row: row.update(body="ก" * (validation.MAX_TEXT + 1)),
                   lambda row: row.update(author_name="ชื่อ\x07"),
                   lambda row: row.update(body=""),
                   lambda row: row.update(assessment_id=ids["assessment"])):  # two targets at once
        school.activate()  # each import acts as the district: the school seals each bad file
        bad = forge(edit_rows(members, "comments", change))
        with pytest.raises(ExchangeError, match="ความคิดเห็น|ข้อตกลง"):
            district.import_(write_members(school.root / "files" / "bad.qsx", bad))
    assert texts(district, "follow_up", ids["follow_up"]) == []


def test_a_supervisors_file_of_her_visits_carries_the_answers_to_their_follow_ups(laptops: Laptops) -> None:
    school, district, ids = school_and_district(laptops)
    with school.open() as workspace:
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER)
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    members = read_members(district.export("visits.qsx", visitor="นางสาวศึกษา นิเทศดี"))
    assert [row["body"] for row in rows_of(members, "comments")] == [ANSWER]
    colleague = laptops("colleague")
    colleague.import_(district.export("all.qsx"))
    assert texts(colleague, "follow_up", ids["follow_up"]) == [(ANSWER, "", "")]
