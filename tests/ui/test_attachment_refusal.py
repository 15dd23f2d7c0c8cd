"""A refused attachment's red note by the attachment list goes once the user moved on (test33 T12:
"ยังไม่ได้บันทึก: ไฟล์ big.pdf มีขนาด … เกิน …" stayed beside the list after another file was attached
and the page said "บันทึกแล้ว ✓")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QListWidget, QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.assessment.view import AssessmentView
from ui.common import file_dialogs
from ui.common.save_lines import FieldNote

from .keyboard import show_active

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def view(qtbot: Any, file_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> AssessmentView:
    monkeypatch.setattr(file_workspace.files, "max_bytes", 1000)
    school = file_workspace.schools.add(code="6301000009", name="โรงเรียนแนบไฟล์")
    assessment = file_workspace.assessments.start(school.id, 2569)
    shown = AssessmentView(file_workspace, assessment.id)
    shown.resize(1366, 768)
    show_active(qtbot, shown)
    return shown


def attach(view: AssessmentView, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(file_dialogs, "choose_attachments", lambda *_args: [path])
    view.findChild(QPushButton, "attachButton").click()


def note(view: AssessmentView) -> str:
    return view.findChild(FieldNote, "attachmentsNote").message()


def test_a_refusal_goes_once_another_file_is_attached(
    view: AssessmentView, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    items = view._framework.items  # noqa: SLF001 — the round's items, in order
    view.go_to(items[2].code)
    big, good = tmp_path / "big.pdf", tmp_path / "หลักฐาน ลานกีฬา.pdf"
    big.write_bytes(b"0" * 1001)
    good.write_bytes(b"%PDF-1.4 evidence")
    attach(view, monkeypatch, big)
    assert "big.pdf" in note(view) and "เกิน" in note(view)
    attach(view, monkeypatch, good)
    assert view.findChild(QListWidget, "attachmentList").count() == 1
    assert "บันทึกแล้ว" in view.save_state()
    assert note(view) == ""  # the refusal of big.pdf is over: the user attached another file


def test_a_refusal_goes_when_the_user_moves_to_another_item(
    view: AssessmentView, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    items = view._framework.items  # noqa: SLF001
    view.go_to(items[0].code)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"0" * 1001)
    attach(view, monkeypatch, big)
    assert "big.pdf" in note(view)
    view.go_to(items[1].code)
    view.go_to(items[0].code)
    assert note(view) == ""  # not brought back on returning: the user saw it and moved on
