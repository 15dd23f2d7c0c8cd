"""Issue 10 (try10 F0): a text that cleaning shortens to the limit is saved, and the copy of what
was typed that its history keeps obeys the same limit at the moment of saving, so the database
always opens and closes again (answers and the office's texts, the two that keep a typed copy)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.clock import now_iso
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.value_rules import MAX_TEXT
from qualityschool_desktop.workspace import Workspace

# 200,001 characters as pasted (the last tone mark doubled, as from a PDF); cleaning keeps one mark.
PASTED = "ที่" * 66666 + "ก" + "่่"
STALE = "2020-01-01T00:00:00.000Z"  # a burst whose last keystroke is long over


def _school_draft(workspace: Workspace) -> str:
    school = workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
    return workspace.assessments.start(
        school.id, 2569, assessed_on=date(2026, 1, 15), assessor_name="ครูสมใจ", assessor_role="ครู").id


def test_a_paste_cleaned_to_the_limit_is_saved_and_the_database_opens_and_closes_again(tmp_path: Path) -> None:
    path = tmp_path / "school.sqlite3"
    assert len(PASTED) == MAX_TEXT + 1
    with Workspace.open(path, create=True) as workspace:
        assessment_id = _school_draft(workspace)
        stored = workspace.answers.set_text(assessment_id, "1.1.1", "evidence", PASTED)
        assert len(stored.evidence) == MAX_TEXT
        # The burst ends while the database is open elsewhere: it stays pending, then goes stale.
        workspace.db.execute("UPDATE pending_edits SET last_at = ?", [STALE])
        workspace.answers._own_bursts.clear()
    with Workspace.open(path) as workspace:  # flushes the stale burst on opening
        (row,) = workspace.answers.history(assessment_id, "1.1.1")
        assert len(row.new_value) == MAX_TEXT
        assert row.typed is None or len(row.typed) <= MAX_TEXT
        assert workspace.db.execute("SELECT count(*) FROM pending_edits").fetchone()[0] == 0
        answer = workspace.answers.get(assessment_id, "1.1.1")
        assert answer is not None and answer.evidence == stored.evidence


def test_the_kept_typed_copy_obeys_the_limit_when_it_is_saved(memory_workspace: Workspace) -> None:
    assessment_id = _school_draft(memory_workspace)
    memory_workspace.answers.set_text(assessment_id, "1.1.1", "evidence", PASTED)
    (typed,) = memory_workspace.db.execute("SELECT typed FROM pending_edits").fetchone()
    assert typed is None or len(typed) <= MAX_TEXT
    memory_workspace.answers.flush_pending()
    (row,) = memory_workspace.answers.history(assessment_id, "1.1.1")
    assert len(row.new_value) == MAX_TEXT


def test_a_database_left_with_an_over_long_typed_copy_opens_and_keeps_the_clean_text(tmp_path: Path) -> None:
    """A file an earlier version left in this state: the pending burst's typed copy over the limit."""
    path = tmp_path / "school.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        assessment_id = _school_draft(workspace)
        stored = workspace.answers.set_text(assessment_id, "1.1.1", "evidence", PASTED)
        workspace.db.execute("UPDATE pending_edits SET typed = ?, last_at = ?", [PASTED, STALE])
        workspace.answers._own_bursts.clear()
    with Workspace.open(path) as workspace:
        (row,) = workspace.answers.history(assessment_id, "1.1.1")
        assert row.new_value == stored.evidence and row.typed is None
        workspace.answers.set_text(assessment_id, "1.1.1", "note", "ทำงานต่อได้")
    with Workspace.open(path, read_only=True) as workspace:
        answer = workspace.answers.get(assessment_id, "1.1.1")
        assert answer is not None and answer.note == "ทำงานต่อได้" and answer.evidence == stored.evidence


def test_an_office_text_cleaned_to_the_limit_is_saved_and_its_history_obeys_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.inspection_rounds.define(2569, 2)
        stored = workspace.office_texts.set_text(2569, 2, "situation", PASTED)
        assert len(stored) == MAX_TEXT
        workspace.db.execute("UPDATE office_texts SET burst_last_at = ?", [STALE])
        workspace.office_texts._own_bursts.clear()
    with Workspace.open(path) as workspace:
        (entry,) = workspace.office_texts.history(2569, 2)
        assert entry.new_value == stored
        assert entry.typed is None or len(entry.typed) <= MAX_TEXT


def test_an_office_text_left_with_an_over_long_typed_copy_is_recorded_without_it(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.inspection_rounds.define(2569, 2)
        stored = workspace.office_texts.set_text(2569, 2, "situation", PASTED)
        workspace.db.execute("UPDATE office_texts SET burst_typed = ?, burst_last_at = ?", [PASTED, STALE])
        workspace.office_texts._own_bursts.clear()
    with Workspace.open(path) as workspace:
        (entry,) = workspace.office_texts.history(2569, 2)
        assert entry.new_value == stored and entry.typed is None


def test_a_flush_that_fails_at_closing_says_so_in_thai_and_loses_nothing_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "school.sqlite3"
    workspace = Workspace.open(path, create=True)
    assessment_id = _school_draft(workspace)
    workspace.answers.set_text(assessment_id, "1.1.1", "evidence", "หลักฐานที่บันทึกแล้ว")

    def failing(**_kwargs: object) -> int:
        raise StorageError("เขียนฐานข้อมูลไม่ได้", "io")

    monkeypatch.setattr(workspace.answers, "_flush", failing)
    with pytest.raises(StorageError) as raised:
        workspace.close()
    assert "บันทึกไว้แล้วยังอยู่ครบ" in str(raised.value)
    monkeypatch.undo()
    with Workspace.open(path) as again:  # the burst stayed pending: written once it is over
        again.answers.flush_pending()
        answer = again.answers.get(assessment_id, "1.1.1")
        assert answer is not None and answer.evidence == "หลักฐานที่บันทึกแล้ว"
        assert [row.new_value for row in again.answers.history(assessment_id, "1.1.1")] == ["หลักฐานที่บันทึกแล้ว"]
