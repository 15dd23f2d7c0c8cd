"""TEST31 T11, T16: a draft visit was labelled "กำลังบันทึก" (it reads "saving…") where the
assessment calls the same state "ฉบับร่าง"; a confirmed visit's time fields stayed white and took
the keyboard like editable ones beside a greyed date, though nothing typed there is saved."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_draft_visit_is_called_as_a_draft_assessment_is(qtbot, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    view = VisitView(ws, visit.id)
    show_active(qtbot, view)
    assert view._status_chip.label == "ฉบับร่าง"
    assert "กำลังบันทึก" not in view._status_chip.label


def test_a_confirmed_visits_times_are_greyed_like_its_date(qtbot, memory_workspace: Workspace, monkeypatch) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(visit.id, "visitor", "นายวิชัย ใจดี", "ศึกษานิเทศก์")
    view = VisitView(ws, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    details = view.details
    assert details.start_edit.line_edit.isEnabled() and details.date_edit.isEnabled()
    monkeypatch.setattr(view, "_confirm_finalise", lambda: True)
    qtbot.mouseClick(view.finalise_button, Qt.MouseButton.LeftButton)
    assert ws.visits.get(visit.id).is_final
    for field in (details.start_edit, details.end_edit):
        assert not field.line_edit.isEnabled()  # greyed as the date beside it, and Tab passes it by
        assert field.line_edit.isEnabled() == details.date_edit.line_edit.isEnabled()
