"""TEST34C C4 in the window: confirming a visit with nobody in คณะนิเทศ says what is missing (the
core's words) and asks nothing; with visitors named, the confirm question names who confirms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from qualityschool_desktop.workspace import Workspace
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app")


def _filled(ws: Workspace, school_id: str) -> str:
    visit = ws.visits.start(school_id, visited_on=date(2026, 12, 3))
    for code in ("1", "2", "3", "4", "5"):
        ws.visits.set_level(visit.id, code, 3)
    return visit.id


def test_no_visitor_is_refused_naming_what_is_missing(qtbot: Any, memory_workspace: Workspace, school: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    visit_id = _filled(memory_workspace, school.id)
    view = VisitView(memory_workspace, visit_id)
    qtbot.addWidget(view)
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    view.finalise()
    assert not memory_workspace.visits.get(visit_id).is_final
    assert len(shown) == 1 and "คณะนิเทศ" in shown[0], shown
    assert shown[0].startswith(memory_workspace.visits.why_not_final(visit_id).split("\n")[0])
    assert view.section_key() == "people"


def test_the_question_names_who_confirms(qtbot: Any, memory_workspace: Workspace, school: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    visit_id = _filled(memory_workspace, school.id)
    memory_workspace.visits.add_person(visit_id, "visitor", "นางกานดา รักเรียน", "ศึกษานิเทศก์")
    memory_workspace.visits.add_person(visit_id, "visitor", "นายวิชัย นิเทศดี")
    view = VisitView(memory_workspace, visit_id)
    qtbot.addWidget(view)
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(QMessageBox.StandardButton.Yes)

    offered: list[tuple[list[str], int]] = []

    def choose(box: QInputDialog) -> int:
        names = box.comboBoxItems()
        offered.append((list(names), names.index(box.textValue())))
        box.setTextValue(names[1])  # s35 C3: which of the team confirms (several: asked, the first offered)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QInputDialog, "exec", choose)
    view.finalise()
    qtbot.waitUntil(lambda: memory_workspace.visits.get(visit_id).is_final, timeout=3000)
    assert len(asked) == 1
    assert "นางกานดา รักเรียน" in asked[0] and "นายวิชัย นิเทศดี" in asked[0]
    assert offered == [(["นางกานดา รักเรียน", "นายวิชัย นิเทศดี"], 0)]
    assert memory_workspace.visits.events(visit_id)[-1].person_name == "นายวิชัย นิเทศดี"
