"""Issue 13: the office accepts a school's submitted self-assessment or returns it with comments,
and the decision travels back to the school in real exchange files (tests/laptops.py)."""

from __future__ import annotations

from typing import Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.ids import new_id
from qualityschool_desktop.review import offices
from qualityschool_desktop.workspace import Workspace

from .laptops import (
    CODE_A,
    Laptop,
    decision_behind_the_core,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    rows_of,
    start_school,
    with_rows,
    write_members,
)

Laptops = Callable[[str], Laptop]
AREA = "สพป.ตาก เขต ๒"
COMMENT = "องค์ประกอบที่ ๑ ยังไม่มีหลักฐานประกอบ โปรดแนบภาพถ่ายอาคาร"


def submitted_at_district(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    """School A submits its self-assessment and sends it; the district imports it."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:  # the school's person binds its office's key once (review/offices.py)
        workspace.schools.update(ids["school"], area_office=AREA)
        offices.bind(workspace, district.fingerprint, AREA)
    return school, district, ids


def state_at(laptop: Laptop, assessment_id: str) -> tuple[str, list[tuple[str, str]]]:
    with laptop.open() as workspace:
        assessment = workspace.assessments.get(assessment_id)
        return (workspace.reviews.state(assessment),
                [(d.decision, d.comment) for d in workspace.reviews.history(assessment_id)])


def test_the_round_trip_travels_in_exchange_files(laptops: Laptops) -> None:
    school, district, ids = submitted_at_district(laptops)
    assert state_at(district, ids["assessment"])[0] == "waiting"
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name="สพป.ตาก เขต ๒")
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])

    with school.open() as workspace:  # the school reopens, fixes and resubmits
        workspace.assessments.reopen(ids["assessment"])
        workspace.answers.set_level(ids["assessment"], ids["item"], 4)
        workspace.answers.flush_pending()
        workspace.assessments.submit(ids["assessment"])
        assert workspace.reviews.state(workspace.assessments.get(ids["assessment"])) == "waiting"
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert state_at(district, ids["assessment"]) == ("waiting", [("returned", COMMENT)])

    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "accepted")
    school.import_(district.export("d-2.qsx", school_codes=[CODE_A]))
    assert state_at(school, ids["assessment"]) == ("accepted", [("returned", COMMENT), ("accepted", "")])


def test_the_office_decides_only_on_a_submitted_round_and_a_return_needs_a_comment(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("a-0.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        with pytest.raises(ValidationError, match="ยังไม่ได้ส่ง"):
            workspace.reviews.decide(ids["assessment"], "accepted")
    with school.open() as workspace:
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        with pytest.raises(ValidationError, match="ความเห็น"):
            workspace.reviews.decide(ids["assessment"], "returned", "  \n ")
        with pytest.raises(ValidationError):
            workspace.reviews.decide(ids["assessment"], "maybe")
        assert workspace.reviews.history(ids["assessment"]) == []


def test_a_school_cannot_review_its_own_submission(laptops: Laptops) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.assessments.submit(ids["assessment"])
        with pytest.raises(ValidationError, match="โรงเรียนตรวจแบบประเมินของตนเองไม่ได้"):
            workspace.reviews.decide(ids["assessment"], "accepted")
        with pytest.raises(ValidationError, match="โรงเรียนตรวจแบบประเมินของตนเองไม่ได้"):
            workspace.reviews.decide(ids["assessment"], "returned", COMMENT)
        assert workspace.reviews.history(ids["assessment"]) == []
        assert workspace.reviews.state(workspace.assessments.get(ids["assessment"])) == "waiting"


def test_a_decision_the_school_makes_itself_does_not_apply_at_the_district(laptops: Laptops) -> None:
    school, district, ids = submitted_at_district(laptops)
    with school.open() as workspace:  # the school "accepts" its own round (a hand-made database)
        with pytest.raises(ValidationError, match="โรงเรียนตรวจแบบประเมินของตนเองไม่ได้"):
            workspace.reviews.decide(ids["assessment"], "accepted")
        decision_behind_the_core(workspace, ids["assessment"])  # Reviews.decide refuses it
    result = district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert state_at(district, ids["assessment"]) == ("waiting", [])
    with district.open() as workspace:
        pending = exchange.list_pending(workspace)
    assert pending == []  # refused with a reason, not kept for a person
    assert any("โรงเรียนตรวจแบบประเมินของตนเองไม่ได้" in warning for warning in result.warnings)


def test_a_decision_forged_in_the_offices_name_refuses_the_file(laptops: Laptops) -> None:
    school, district, ids = submitted_at_district(laptops)
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT)
    members = read_members(district.export("d-1.qsx", school_codes=[CODE_A]))
    school.activate()  # the school edits the office's decision and seals the file with its own key
    forged = forge(edit_rows(members, "review_decisions", lambda row: row.update(decision="accepted", comment="",
                                                                                  id=new_id())))
    with pytest.raises(ExchangeError):
        district.import_(write_members(school.root / "files" / "forged.qsx", forged))
    assert state_at(district, ids["assessment"])[1] == [("returned", COMMENT)]


def test_counts_per_state(laptops: Laptops) -> None:
    office = laptops("office")
    with office.open() as workspace:
        workspace.schools.mark_demo_database()  # the demo plays an office: it decides on the schools it holds
        rounds = []
        for number, code in enumerate(("6301000011", "6301000012", "6301000013", "6301000014")):
            ids = start_school(workspace, code=code, name=f"โรงเรียนทดสอบ {number}")
            rounds.append(ids["assessment"])
        for assessment_id in rounds[1:]:
            workspace.assessments.submit(assessment_id)
        workspace.reviews.decide(rounds[2], "accepted")
        workspace.reviews.decide(rounds[3], "returned", COMMENT)
        assessments = [workspace.assessments.get(a) for a in rounds]
        assert workspace.reviews.counts(assessments) == {"waiting": 1, "accepted": 1, "returned": 1}
        workspace.assessments.reopen(rounds[3])  # the school reopened it: still counted as returned
        assessments = [workspace.assessments.get(a) for a in rounds]
        assert workspace.reviews.counts(assessments) == {"waiting": 1, "accepted": 1, "returned": 1}


def test_the_history_shows_the_round_trip_at_both_ends(laptops: Laptops) -> None:
    school, district, ids = submitted_at_district(laptops)
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT)
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:
        workspace.assessments.reopen(ids["assessment"])
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "accepted")
    school.import_(district.export("d-2.qsx", school_codes=[CODE_A]))
    expected = [("submitted", ""), ("returned", COMMENT), ("reopened", ""), ("submitted", ""), ("accepted", "")]
    for laptop in (school, district):
        with laptop.open() as workspace:
            steps = workspace.reviews.round_trip(ids["assessment"])
        assert [(step.kind, step.comment) for step in steps] == expected
    assert steps[1].label == "สำนักงานส่งกลับแก้ไข"


def test_the_comment_and_office_name_are_held_to_the_shared_limits_here_and_in_a_file(laptops: Laptops) -> None:
    from qualityschool_desktop import validation

    school, district, ids = submitted_at_district(laptops)
    with district.open() as workspace:
        with pytest.raises(ValidationError, match="ความเห็นของสำนักงาน"):
            workspace.reviews.decide(ids["assessment"], "returned", "ก" * (validation.MAX_TEXT + 1))
        with pytest.raises(ValidationError, match="ชื่อสำนักงาน"):
            workspace.reviews.decide(ids["assessment"], "accepted", office_name="ก" * (validation.MAX_LINE + 1))
        longest = workspace.reviews.decide(ids["assessment"], "returned", "ก" * validation.MAX_TEXT,
                                           office_name="ข" * validation.MAX_LINE)
        assert len(longest.comment) == validation.MAX_TEXT and len(longest.office_name) == validation.MAX_LINE
    members = read_members(district.export("d-1.qsx", school_codes=[CODE_A]))
    for name in list(members):  # only the decisions: the school has the rest already
        if name.startswith("records/") and name != "records/review_decisions.jsonl":
            members[name] = b""
    district.activate()  # the office itself sends an over-long comment: the school refuses the file
    too_long = forge(edit_rows(members, "review_decisions", lambda row: row.update(comment="ก" * (validation.MAX_TEXT + 1))))
    with pytest.raises(ExchangeError, match="ความเห็นของสำนักงาน"):
        school.import_(write_members(district.root / "files" / "long.qsx", too_long))
    bad = forge(edit_rows(members, "review_decisions", lambda row: row.update(decision="approved")))
    with pytest.raises(ExchangeError, match="ผลการตรวจ"):
        school.import_(write_members(district.root / "files" / "bad.qsx", bad))
    assert state_at(school, ids["assessment"]) == ("waiting", [])
