"""RETEST34 D1: a follow-up's due date refused (before its visit) was silently replaced by the stored
one when the visit was confirmed: the confirm question said nothing, the record was signed with a
date the supervisor never chose. Confirming now asks first about anything refused, as leaving does."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.common import save_state
from ui.visits.view import VisitView

from .test_date_fields import shown, type_into


@pytest.mark.parametrize("answer", ["stay", "discard"])
def test_confirming_asks_about_a_refused_due_date_first(qtbot: Any, memory_workspace: Workspace, school: Any,
                                                        monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    ws = memory_workspace
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")
    agreed = ws.follow_ups.add(visit.id, "จัดทำแผนพัฒนาการอ่าน", due_on=date(2026, 3, 5))
    view = shown(qtbot, VisitView(ws, visit.id))
    view.go_to_section("follow_ups")
    panel = view.follow_ups
    panel.agreed.selectRow(0)
    type_into(qtbot, panel.due_edit, "๑/๑/๒๕๖๙")  # before the visit: refused
    assert "ก่อนวันนิเทศ" in view.field_note("follow_ups")  # refused, said in red; the field shows the stored date
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_kw: asked.append(message) or answer)
    confirmed: list[bool] = []
    monkeypatch.setattr(view, "_confirm_finalise", lambda: confirmed.append(True) or True)
    view.finalise()
    qtbot.wait(50)
    assert asked, "confirming said nothing of the refused due date"
    if answer == "stay":
        assert not confirmed and ws.visits.get(visit.id).status == "draft"
        assert "ก่อนวันนิเทศ" in view.field_note("follow_ups")  # still said, to fix
    else:
        assert ws.follow_ups.get(agreed.id).due_on == "2026-03-05"
        assert view.field_note("follow_ups") == ""  # let go: what is stored is what is confirmed
        assert confirmed



def test_a_confirmed_visit_does_not_say_every_edit_is_saved(qtbot: Any, memory_workspace: Workspace, school: Any) -> None:
    """RETEST34 D4: a confirmed, read-only record still said "ทุกการแก้ไขบันทึกทันที" in its header."""
    ws = memory_workspace
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")
    ws.visits.finalise(visit.id)
    view = shown(qtbot, VisitView(ws, visit.id))
    assert "บันทึกทันที" not in view.save_state()
