"""TEST32b B6 (also): confirming (ยืนยันบันทึก) a visit whose components ๒–๕ are all empty gave no
warning, and its PDF then printed "ไม่ได้บันทึกผลการนิเทศในองค์ประกอบนี้" four times (the
self-assessment's submit does warn). The view asks first, naming the empty components in Thai, with
"go back and fill in" the default; a visit with every component written asks as before."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from qualityschool_desktop.visit_blanks import empty_components
from qualityschool_desktop.workspace import Workspace
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app")


def test_empty_components_are_those_with_nothing_written(memory_workspace: Workspace, school: Any) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 9, 15))
    visits.set_level(visit.id, "1", 3)
    visits.set_text(visit.id, "4", "recommendations", "ส่งเสริมการสอนแบบลงมือทำ")
    visits.set_text(visit.id, "5", "observed", "  ")  # typed and erased: still empty
    framework = visits.framework_of(visits.get(visit.id))
    empty = empty_components(framework, visits.findings(visit.id), visits.attachments(visit.id))
    assert [component.code for component in empty] == ["2", "3", "5"]


def test_confirming_with_empty_components_asks_first(qtbot: Any, memory_workspace: Workspace, school: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    visits = memory_workspace.visits
    visit = visits.start(school.id, visited_on=date(2026, 9, 15))
    visits.set_level(visit.id, "1", 3)
    visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
    view = VisitView(memory_workspace, visit.id)
    qtbot.addWidget(view)
    asked: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> int:
        default = box.defaultButton()
        asked.append((box.text(), default.text() if default else ""))
        return int(QMessageBox.StandardButton.No)  # the default: go back and fill in

    monkeypatch.setattr(QMessageBox, "exec", answer)
    view.finalise()
    assert not visits.get(visit.id).is_final, "confirmed although the user went back to fill in"
    assert len(asked) == 1
    question, default = asked[0]
    for code in ("๒", "๓", "๔", "๕"):
        assert f"องค์ประกอบที่ {code}" in question
    assert "องค์ประกอบที่ ๑" not in question
    assert "กลับไป" in default
