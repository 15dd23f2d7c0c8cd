"""Answers save at once, keep an append-only history, and respect the assessment's state."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from qualityschool_desktop import answers as answers_module
from qualityschool_desktop.errors import ValidationError


@pytest.fixture
def assessment(memory_workspace, school):
    return memory_workspace.assessments.start(
        school.id, 2569, assessed_on=date(2026, 1, 15), assessor_name="นางสาวสมใจ ตั้งใจ", assessor_role="ครู"
    )


def test_rounds_number_themselves_per_fiscal_year(memory_workspace, school) -> None:
    first = memory_workspace.assessments.start(school.id, 2569)
    second = memory_workspace.assessments.start(school.id, 2569)
    other_year = memory_workspace.assessments.start(school.id, 2570)
    assert (first.round, second.round, other_year.round) == (1, 2, 1)
    with pytest.raises(ValidationError, match="รอบที่ 1 อยู่แล้ว"):
        memory_workspace.assessments.start(school.id, 2569, round=1)
    assert memory_workspace.assessments.previous(other_year).id == second.id
    assert memory_workspace.assessments.find(school.id).id == other_year.id


def test_fiscal_year_must_be_buddhist_era(memory_workspace, school) -> None:
    with pytest.raises(ValidationError, match="พ.ศ."):
        memory_workspace.assessments.start(school.id, 2026)


def test_a_level_is_stored_and_recorded_in_history(memory_workspace, assessment) -> None:
    ws = memory_workspace
    ws.answers.set_level(assessment.id, "2.1.5", 4)
    ws.answers.set_level(assessment.id, "2.1.5", 5)
    assert ws.answers.get(assessment.id, "2.1.5").level == 5
    history = ws.answers.history(assessment.id, "2.1.5")
    assert [(h.field, h.old_value, h.new_value) for h in history] == [("level", None, "4"), ("level", "4", "5")]
    assert all(h.changed_by == ws.installation_id for h in history)


def test_setting_the_same_value_again_changes_nothing(memory_workspace, assessment) -> None:
    ws = memory_workspace
    ws.answers.set_level(assessment.id, "1.1.1", 3)
    ws.answers.set_level(assessment.id, "1.1.1", 3)
    assert len(ws.answers.history(assessment.id)) == 1


def test_a_level_outside_the_scale_or_an_unknown_item_is_refused(memory_workspace, assessment) -> None:
    with pytest.raises(ValidationError, match="ระดับ 6"):
        memory_workspace.answers.set_level(assessment.id, "1.1.1", 6)
    with pytest.raises(ValidationError, match="9.9.9"):
        memory_workspace.answers.set_level(assessment.id, "9.9.9", 3)
    assert memory_workspace.answers.for_assessment(assessment.id) == {}


def test_typing_is_saved_per_keystroke_and_kept_as_one_history_row_per_burst(memory_workspace, assessment) -> None:
    ws = memory_workspace
    text = ""
    for ch in "มีการประชุม PLC ทุกสัปดาห์":
        text += ch
        ws.answers.set_text(assessment.id, "4.2.5", "evidence", text)
        # Saved the moment it was typed, before any flush.
        assert ws.answers.get(assessment.id, "4.2.5").evidence == text
    assert ws.answers.history(assessment.id, "4.2.5") == []
    ws.answers.flush_pending()
    history = ws.answers.history(assessment.id, "4.2.5")
    assert [(h.field, h.old_value, h.new_value) for h in history] == [("evidence", "", text)]


def test_a_pause_ends_a_burst(memory_workspace, assessment, monkeypatch) -> None:
    ws = memory_workspace
    ws.answers.set_text(assessment.id, "3.1.1", "note", "ร่างแรก")
    monkeypatch.setattr(answers_module, "BURST_GAP", timedelta(seconds=-1))
    ws.answers.set_text(assessment.id, "3.1.1", "note", "ร่างที่สอง")
    ws.answers.flush_pending()
    history = ws.answers.history(assessment.id, "3.1.1")
    assert [(h.old_value, h.new_value) for h in history] == [("", "ร่างแรก"), ("ร่างแรก", "ร่างที่สอง")]


def test_not_applicable_clears_the_level_and_a_level_clears_it(memory_workspace, assessment) -> None:
    ws = memory_workspace
    ws.answers.set_level(assessment.id, "1.1.3", 2)
    answer = ws.answers.set_not_applicable(assessment.id, "1.1.3", "โรงเรียนไม่มีบ้านพักครู")
    assert answer.not_applicable and answer.level is None and answer.na_reason == "โรงเรียนไม่มีบ้านพักครู"
    answer = ws.answers.set_level(assessment.id, "1.1.3", 3)
    assert not answer.not_applicable and answer.level == 3


def test_history_is_append_only(memory_workspace, assessment) -> None:
    memory_workspace.answers.set_level(assessment.id, "1.1.1", 3)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        memory_workspace.db.execute("UPDATE answer_history SET new_value = '5'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        memory_workspace.db.execute("DELETE FROM answer_history")


def test_a_submitted_assessment_refuses_changes_until_reopened(memory_workspace, assessment) -> None:
    ws = memory_workspace
    ws.answers.set_level(assessment.id, "1.1.1", 3)
    assert ws.assessments.submit(assessment.id).status == "submitted"
    with pytest.raises(ValidationError, match="ส่งแล้ว"):
        ws.answers.set_level(assessment.id, "1.1.1", 4)
    with pytest.raises(ValidationError, match="ส่งแล้ว"):
        ws.assessments.update_details(assessment.id, assessor_name="คนอื่น")
    ws.assessments.reopen(assessment.id)
    assert ws.answers.set_level(assessment.id, "1.1.1", 4).level == 4


def test_warnings_never_block_a_draft(memory_workspace, assessment) -> None:
    ws = memory_workspace
    ws.answers.set_level(assessment.id, "1.1.1", 5)
    ws.answers.set_not_applicable(assessment.id, "1.1.2", "")
    messages = [w.message for w in ws.assessments.warnings(assessment.id)]
    assert "ประเด็น 1.1.1 ระดับสูงสุด แต่ยังไม่มีหลักฐาน" in messages
    assert "ประเด็น 1.1.2 ไม่เกี่ยวข้อง แต่ยังไม่ได้ระบุเหตุผล" in messages
    assert sum("ยังไม่ได้เลือกระดับ" in m for m in messages) == 72
    assert ws.assessments.submit(assessment.id).status == "submitted"


def test_result_reads_from_stored_answers(memory_workspace, assessment) -> None:
    ws = memory_workspace
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, 4 if item.component_code != "5" else 2)
    result = ws.assessments.result(assessment.id)
    assert result.complete
    assert result.component("5").readiness.key == "urgent"
    assert result.overall == pytest.approx((4 * 4 + 2) / 5)


def test_latest_by_school_matches_reading_each_round(memory_workspace, school) -> None:
    ws = memory_workspace
    other = ws.schools.add(code="6301000002", name="โรงเรียนที่สอง")
    old = ws.assessments.start(school.id, 2568)
    new = ws.assessments.start(school.id, 2569)
    second_round = ws.assessments.start(school.id, 2569)
    for item in ws.frameworks.latest().items[:30]:
        ws.answers.set_level(old.id, item.code, 1)
        ws.answers.set_level(new.id, item.code, 2)
        ws.answers.set_level(second_round.id, item.code, 4)
    latest = ws.assessments.latest_by_school()
    assert set(latest) == {school.id}  # a school with no round is simply absent
    assessment, result = latest[school.id]
    assert assessment.id == second_round.id != new.id
    assert result == ws.assessments.result(second_round.id)
    assert other.id not in latest


TYPED = "หลักฐานกํ่า นํ้า ก\u0e4d\u0e32\x0b"


def test_typed_text_is_normalised_and_its_history_keeps_what_was_typed(memory_workspace, assessment) -> None:
    ws = memory_workspace
    stored = ws.answers.set_text(assessment.id, "2.1.5", "evidence", TYPED)
    assert stored.evidence == "หลักฐานก่ำ น้ำ กำ\n"
    ws.answers.flush_pending()
    (row,) = ws.answers.history(assessment.id, "2.1.5")
    assert row.new_value == "หลักฐานก่ำ น้ำ กำ\n"
    assert row.typed == "หลักฐานกํ่า นํ้า ก\u0e4d\u0e32\n"  # the control character is never stored


def test_history_keeps_no_typed_text_when_it_was_typed_right(memory_workspace, assessment) -> None:
    ws = memory_workspace
    ws.answers.set_text(assessment.id, "2.1.5", "evidence", "น้ำดื่ม\x0b")  # only a control character cleaned
    ws.answers.set_level(assessment.id, "2.1.5", 3)
    ws.answers.flush_pending()
    assert [row.typed for row in ws.answers.history(assessment.id, "2.1.5")] == [None, None]


def test_the_typed_text_of_the_last_keystroke_of_a_burst_is_kept(memory_workspace, assessment) -> None:
    ws = memory_workspace
    for typed in ("น", "นํ", "นํ้", "นํ้า"):
        ws.answers.set_text(assessment.id, "2.1.5", "note", typed)
    ws.answers.flush_pending()
    (row,) = ws.answers.history(assessment.id, "2.1.5")
    assert (row.new_value, row.typed) == ("น้ำ", "นํ้า")


def test_typed_is_append_only(memory_workspace, assessment) -> None:
    ws = memory_workspace
    ws.answers.set_text(assessment.id, "2.1.5", "note", "นํ้า")
    ws.answers.flush_pending()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ws.db.execute("UPDATE answer_history SET typed = 'x'")
