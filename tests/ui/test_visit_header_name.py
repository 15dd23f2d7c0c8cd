"""TEST31 T19: at 125 % (a 1093-pixel window) the visit header cut the school's name to
"โรงเรียนบ้า…" while "ทุกการแก้ไขบันทึกทันที" took the room beside it, on a confirmed visit too."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_school_name_keeps_its_room_at_125_percent(qtbot, memory_workspace: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ws = memory_workspace
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านทดลองสามเงา", district="สามเงา", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 2))
    ws.visits.add_person(visit.id, "visitor", "นางวิไล รักการสอน", "ศึกษานิเทศก์")
    view = VisitView(ws, visit.id)
    view.resize(round(1366 / 1.25), 600)
    show_active(qtbot, view)
    QApplication.processEvents()
    assert not view._school_label.is_elided(), view._school_label.shown_text()
    monkeypatch.setattr(view, "_confirm_finalise", lambda: True)
    qtbot.mouseClick(view.finalise_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not view._school_label.is_elided(), view._school_label.shown_text()
