"""TEST31b U2: back from "เปิดดู" (the round a visit reviews, opened from one of its component
pages) the visit came back on "ข้อตกลงและการติดตาม", not on the component page the visitor left."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.assessment.view import AssessmentView
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app")


def test_back_from_the_round_is_back_at_the_section_left(qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    assessment = ws.assessments.start(school.id, 2570, assessed_on=date(2026, 11, 2))
    earlier = ws.visits.start(school.id, visited_on=date(2026, 11, 20), assessment_id=assessment.id)
    ws.follow_ups.add(earlier.id, "จัดตารางการนิเทศภายในทุกเดือน")  # one still open: still opens on วัตถุประสงค์ (TEST32b B4)
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 2), assessment_id=assessment.id)
    window = MainWindow(ws)
    window.resize(1366, 768)
    show_active(qtbot, window)
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    view = window.view
    assert isinstance(view, VisitView) and view.section_key() == "general"
    view.go_to_section("c3")
    qtbot.mouseClick(view.details.open_round_button, Qt.MouseButton.LeftButton)
    assert window.location == Location("assessment", assessment.id) and isinstance(window.view, AssessmentView)
    window.go_back()
    qtbot.waitUntil(lambda: window.location == Location("visit", visit.id), timeout=3000)
    back = window.view
    assert isinstance(back, VisitView) and back.section_key() == "c3"
    window.go_back()  # to the school; opened afresh from there, the visit starts as it always did
    qtbot.waitUntil(lambda: window.location == Location("school", school.id), timeout=3000)
    window.navigate(Location("visit", visit.id))
    assert isinstance(window.view, VisitView) and window.view.section_key() == "general"
    window.shutdown()


def test_back_after_leaving_by_the_menu_is_back_at_the_section_left(qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    """VERIFY31 V5: left by the menu (โรงเรียน › ภาพรวมระดับเขต …), ‹ ย้อนกลับ brought the visit
    back on its first section, not the one left."""
    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 2))
    window = MainWindow(ws)
    window.resize(1366, 768)
    show_active(qtbot, window)
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    view = window.view
    assert isinstance(view, VisitView) and view.section_key() == "general"
    view.go_to_section("c3")
    window.navigate(Location("district"))  # โรงเรียน › ภาพรวมระดับเขต/อำเภอ
    assert window.location == Location("district")
    window.go_back()
    qtbot.waitUntil(lambda: window.location == Location("visit", visit.id), timeout=3000)
    back = window.view
    assert isinstance(back, VisitView) and back.section_key() == "c3"
    window.go_back()  # to the school; opened afresh from there, the visit starts as it always did
    qtbot.waitUntil(lambda: window.location == Location("school", school.id), timeout=3000)
    window.navigate(Location("visit", visit.id))
    assert isinstance(window.view, VisitView) and window.view.section_key() == "general"
    window.shutdown()
