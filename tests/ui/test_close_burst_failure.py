"""Issue 10 (try10 F0 c): a burst of typing whose history cannot be written when the window closes
is said in Thai (no traceback), and what the window said was saved is all still there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.workspace import Workspace
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_failing_flush_at_closing_is_said_in_thai_and_the_saved_text_stays(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "school.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
        assessment_id = workspace.assessments.start(school.id, 2569, assessed_on=date(2026, 1, 15)).id
    window = MainWindow(MainWindow.open_workspace(path))
    qtbot.addWidget(window)
    window.workspace.answers.set_text(assessment_id, "1.1.1", "evidence", "หลักฐานที่บันทึกแล้ว")

    def failing(**_kwargs: object) -> int:
        raise StorageError("เขียนฐานข้อมูลไม่ได้", "io")

    monkeypatch.setattr(window.workspace.answers, "_flush", failing)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message, *a, **k: said.append(message))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()))
    window.close()  # no exception out of closeEvent
    assert len(said) == 1 and "ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ" in said[0]
    monkeypatch.undo()
    with Workspace.open(path) as again:
        answer = again.answers.get(assessment_id, "1.1.1")
        assert answer is not None and answer.evidence == "หลักฐานที่บันทึกแล้ว"
