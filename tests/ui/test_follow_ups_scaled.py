"""TEST31b U10: at 150 % (a 1366-pixel screen is 910 logical pixels wide) the follow-ups list
squeezed "สิ่งที่ต้องทำ", its main column, to ~12 characters ("จัดตารางการ...") and needed a
horizontal scroll bar: the other columns kept their full widths. They give way now, down to a part
of theirs (their whole text is in each cell's tooltip), and the action keeps room to be read."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.follow_ups.rows import COL_ACTION, COL_SCHOOL
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")
ACTION = "จัดอบรมครูเรื่องการจัดการเรียนรู้เชิงรุก"


@pytest.mark.parametrize("width", [910, 1093, 1366])  # 150 %, 125 %, 100 % of a 1366-pixel screen
def test_the_action_column_keeps_room_without_a_sideways_scroll(qtbot, db_path, width: int) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ต้านราษฎร์บำรุง", district="ท่าสองยาง", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 8, 4))
    ws.visits.add_person(visit.id, "visitor", "นายกิตติศักดิ์ ศรีวิชัย", "ศึกษานิเทศก์")
    ws.follow_ups.add(visit.id, ACTION, owner="ครูผู้รับผิดชอบงานวิชาการ", due_on=date(2026, 8, 18), scope_code="4")
    window = MainWindow(ws)
    window.resize(width, 600)
    show_active(qtbot, window)
    window.navigate(Location("follow_ups"))
    QApplication.processEvents()
    tree = window.page("follow_ups").tree
    header = tree.header()
    assert header.length() <= tree.viewport().width() + 1, "a horizontal scroll bar"
    # About twenty Thai characters of the action in sight ("จัดอบรมครูเรื่องการจัด…"), not twelve.
    assert tree.columnWidth(COL_ACTION) >= tree.fontMetrics().horizontalAdvance(ACTION[:22])
    assert tree.columnWidth(COL_SCHOOL) >= tree.fontMetrics().horizontalAdvance("โรงเรียนบ้าน")  # still says whose
    window.shutdown()
