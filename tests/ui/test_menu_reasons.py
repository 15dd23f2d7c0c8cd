"""TEST31 T13: while a visit was open, แฟ้ม › นำเข้าข้อมูล…, นำเข้าทั้งโฟลเดอร์…, การเปลี่ยนแปลงที่รอตรวจสอบ…
and รายการข้อมูลที่แก้ไขซ้อนกัน… were greyed with no reason; they came back on the school list."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.shell.api import Location
from ui.shell.keys import MENU_FILE
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_commands_off_in_an_open_visit_say_why_and_how_to_have_them(qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 2))
    window = MainWindow(ws)
    show_active(qtbot, window)
    window.complete_features()
    exchange = window.features["exchange"]
    file_menu = window.menus.menu(MENU_FILE)
    assert file_menu.toolTipsVisible()  # a greyed command's reason shows on pointing at it
    usual = exchange.import_action.toolTip()
    window.navigate(Location("visit", visit.id))
    for action in (exchange.import_action, exchange.import_folder_action, exchange.pending_action,
                   exchange.conflicts_action):
        assert not action.isEnabled()
        assert "ย้อนกลับ" in action.toolTip() and action.statusTip() == action.toolTip()
    window.go_back()
    assert exchange.import_action.isEnabled() and exchange.import_action.toolTip() == usual
    assert "ย้อนกลับ" not in exchange.import_action.statusTip()
    window.shutdown()
