"""TEST31 T6: รายการติดตามงานทุกโรงเรียน in a 1366×768 window cut its action buttons
(ดำเนินการแล้ว … เปิดบันทึกการนิเทศ) by the bottom edge: the page was taller than the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_every_action_button_is_whole_in_a_laptop_window(qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านทดลองสามเงา", district="สามเงา", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 2))
    ws.visits.add_person(visit.id, "visitor", "นางวิไล รักการสอน", "ศึกษานิเทศก์")
    ws.follow_ups.add(visit.id, "จัดอบรมครูเรื่องการจัดการเรียนรู้เชิงรุก", owner="หัวหน้าฝ่ายวิชาการ",
                      due_on=date(2027, 3, 31), scope_code="4")
    # Schools due for a visit: the line above the list names five and wraps onto a second line (the demo's).
    for number, name in enumerate(("โรงเรียนชุมชนบ้านอุ้มผาง", "โรงเรียนชุมชนวัดสันป่าลาน", "โรงเรียนนาโบสถ์พิทยาคม",
                                   "โรงเรียนบ้านแม่ระมาดน้อย", "โรงเรียนชุมชนบ้านป่ามะม่วง", "โรงเรียนบ้านห้วยไม้"), 2):
        other = ws.schools.add(code=f"63020000{number:02d}", name=name, district="แม่สอด", province="ตาก")
        other_visit = ws.visits.start(other.id, visited_on=date(2026, 11, 20))
        ws.visits.add_person(other_visit.id, "visitor", "นางวิไล รักการสอน", "ศึกษานิเทศก์")
    window = MainWindow(ws)
    window.resize(1366, 728)  # what a 1366×768 screen leaves the window inside its frame
    show_active(qtbot, window)
    window.navigate(Location("follow_ups"))
    QApplication.processEvents()
    page = window.page("follow_ups")
    assert page.due_visits.height() > 1.5 * page.due_visits.fontMetrics().lineSpacing()  # two lines
    area = window.stack.parentWidget()  # the scroll area's viewport: what is in sight
    assert area is not None
    seen_bottom = area.mapTo(window, area.rect().bottomLeft()).y()
    for button in (page.done_button, page.drop_button, page.reopen_button, page.open_school_button,
                   page.open_visit_button):
        assert button.isVisible()
        bottom = button.mapTo(window, button.rect().bottomLeft()).y()
        assert bottom <= seen_bottom, f"{button.text()} cut: {bottom} > {seen_bottom}"
    window.shutdown()


def test_a_school_visited_today_but_still_due_says_why(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """TEST31 T6/T19: "ถึงกำหนดนิเทศภาคเรียนนี้ ๑ โรงเรียน: โรงเรียนบ้านทดลองสามเงา" minutes after that
    school's visit was confirmed, with no reason: the rules ask two visits a term of it."""
    from ui.follow_ups.page import FollowUpsPage

    ws = memory_workspace
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านทดลองสามเงา", district="สามเงา", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 2))
    ws.visits.add_person(visit.id, "visitor", "นางวิไล รักการสอน", "ศึกษานิเทศก์")
    page = FollowUpsPage(ws, today=date(2026, 12, 2))
    qtbot.addWidget(page)
    page.refresh()
    line = page.due_visits.text().replace("\xa0", " ")
    assert "โรงเรียนบ้านทดลองสามเงา (นิเทศแล้ว ๑/๒)" in line
