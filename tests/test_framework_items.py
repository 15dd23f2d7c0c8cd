"""Migration 0031 (issue 16): the schema keeps every answer to an item of its round's framework.

Before it only the write paths refused an unknown item code (``answers.set_level``, the import),
so the district picture filtered every answer row by the framework's codes. Now SQLite refuses
one written any way (raw SQL too), and a database holding such rows from before still migrates:
they are set aside, not scored and not lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualityschool_desktop.database import open_database
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.ids import new_id
from qualityschool_desktop.workspace import Workspace

RAW_ANSWER = ("INSERT INTO answers (id, assessment_id, item_code, level, not_applicable, evidence, created_at,"
              " modified_at, modified_by) VALUES (?, ?, ?, ?, 0, ?, '2026-01-01T00:00:00', '2026-01-01T00:00:00', ?)")


def _round(workspace: Workspace) -> str:
    school = workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
    return workspace.assessments.start(school.id, 2569).id


def test_an_answer_to_an_item_its_framework_lacks_is_refused_however_it_is_written(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    assessment_id = _round(workspace)
    workspace.answers.set_level(assessment_id, "1.1.1", 4)
    for code in ("9.9.9", "1.1.19"):  # outside every component's codes, and between 1.1.1 and 1.1.2
        with pytest.raises(StorageError, match="ไม่มีในเกณฑ์ของการประเมิน"), workspace.db.write():
            workspace.db.execute(RAW_ANSWER, [new_id(), assessment_id, code, 5, "", workspace.installation_id])
    with pytest.raises(StorageError, match="ไม่มีในเกณฑ์ของการประเมิน"), workspace.db.write():
        workspace.db.execute("UPDATE answers SET item_code = '1.1.19' WHERE assessment_id = ?", [assessment_id])
    with pytest.raises(StorageError, match="ไม่มีในเกณฑ์ของการประเมิน"), workspace.db.write():
        workspace.db.execute("UPDATE assessments SET framework_version = '0.9' WHERE id = ?", [assessment_id])
    assert {code: answer.level for code, answer in workspace.answers.for_assessment(assessment_id).items()} == {"1.1.1": 4}
    # The write path still says which item, in its own words (it checks before SQLite does).
    with pytest.raises(Exception, match="ไม่มีประเด็นรหัส 1.1.19"):
        workspace.answers.set_level(assessment_id, "1.1.19", 3)


def test_a_database_with_such_answers_from_before_migrates_and_sets_them_aside(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(path, create=True, stop_before="0031_framework_items")
    old = Workspace(db, path, mode="worker", installation="old-laptop")  # as version 0030 wrote it
    assessment_id = _round(old)
    old.answers.set_level(assessment_id, "1.1.1", 2)
    old.answers.set_text(assessment_id, "1.1.1", "evidence", "มีบันทึกการประชุม")
    with old.db.write():
        old.db.execute(RAW_ANSWER, [stray := new_id(), assessment_id, "1.1.19", 5, "ส่งมาจากเครื่องมืออื่น",
                                    old.installation_id])
    score_before = old.assessments.result(assessment_id)
    db.conn.close()

    with Workspace.open(path, installation="old-laptop") as workspace:
        assert workspace.answers_set_aside_now() == 1  # the window says so once (try27b finding 3)
        answers = workspace.answers.for_assessment(assessment_id)
        assert set(answers) == {"1.1.1"} and answers["1.1.1"].evidence == "มีบันทึกการประชุม"
        kept = workspace.db.execute("SELECT id, item_code, row_json FROM answers_set_aside").fetchall()
        assert [(row[0], row[1]) for row in kept] == [(stray, "1.1.19")]
        assert json.loads(kept[0][2])["evidence"] == "ส่งมาจากเครื่องมืออื่น"  # the whole row, not lost
        assert workspace.assessments.result(assessment_id) == score_before  # it was never scored
    with Workspace.open(path, installation="old-laptop") as again:
        assert again.answers_set_aside_now() == 0  # said once: at the opening that set them aside
