"""TEST31 T5: in the Thai-digit window the visit's component page and the follow-up's "เกี่ยวกับ"
list wrote their codes and levels in Arabic digits, beside a section list in Thai ones; and that
74-row list could only be walked with ↓ (53 presses to reach องค์ประกอบที่ ๔)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active, type_text
from ui.common import digits
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.visits.view import VisitView

pytestmark = pytest.mark.usefixtures("styled_app", "thai_digits_after")


def open_new_visit(qtbot, db_path: Path) -> tuple[MainWindow, VisitView]:  # type: ignore[no-untyped-def]
    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    assessment = ws.assessments.start(school.id, 2569, assessed_on=date(2026, 1, 10))
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, 3)
    window = MainWindow(ws)
    show_active(qtbot, window)
    window.navigate(Location("school", school.id))
    page = window.page("school")
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.tab("visits").new_button, Qt.MouseButton.LeftButton)
    view = window.view
    assert isinstance(view, VisitView)
    return window, view


def combo_texts(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [combo.itemText(index) for index in range(combo.count())]


def test_the_component_page_and_the_follow_up_list_write_the_windows_digits(qtbot, db_path: Path) -> None:
    digits.set_style("thai")
    window, view = open_new_visit(qtbot, db_path)
    view.go_to_section("c4")
    panel = view.finding_panels["4"]
    heading = panel.findChild(type(panel.school_label), "sectionTitle")
    assert heading is not None and heading.text().startswith("องค์ประกอบที่ ๔ ")
    assert panel.picker.radios[5].text().startswith("๕ ") and panel.picker.radios[1].text().startswith("๑ ")
    assert panel.items_table.item(0, 0).text().startswith("๔.")
    first_combo = next(iter(panel.item_combos.values()))
    assert combo_texts(first_combo)[1].startswith("๑ ")
    scope = view.follow_ups.scope_combo
    texts = combo_texts(scope)
    assert "องค์ประกอบที่ ๑ " in texts[1] and "ประเด็น ๑.๑.๑ " in texts[2]
    assert not any(ch.isascii() and ch.isdigit() for text in texts for ch in text)

    digits.set_style("arabic")  # มุมมอง › ตัวเลข › อารบิก: the same places follow at once
    assert heading.text().startswith("องค์ประกอบที่ 4 ")
    assert panel.picker.radios[5].text().startswith("5 ")
    assert panel.items_table.item(0, 0).text().startswith("4.")
    assert combo_texts(first_combo)[1].startswith("1 ")
    assert "ประเด็น 1.1.1 " in combo_texts(scope)[2]
    digits.set_style("thai")
    window.shutdown()


def test_typing_a_code_in_either_digits_or_a_word_finds_it_in_the_follow_up_list(qtbot, db_path: Path) -> None:
    digits.set_style("thai")
    window, view = open_new_visit(qtbot, db_path)
    view.go_to_section("follow_ups")
    view.follow_ups.agreed.setFocus()
    qtbot.keyClick(view.follow_ups.agreed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    type_text(view.follow_ups.action_edit, "จัดกิจกรรมเปิดชั้นเรียน")
    scope = view.follow_ups.scope_combo
    assert scope.isEnabled()
    scope.setFocus()
    type_text(scope, "๔")  # Thai digit
    assert scope.currentData() == "4" and scope.currentText().startswith("องค์ประกอบที่ ๔")
    qtbot.wait(scope.TYPED_PAUSE_MS + 100)  # a pause starts a new search
    qtbot.keyClicks(scope, "1.1.1")  # Arabic digits
    assert scope.currentData() == "1.1.1"
    qtbot.wait(scope.TYPED_PAUSE_MS + 100)
    type_text(scope, "ห้องสมุด")  # a word of the item's title
    assert "ห้องสมุด" in scope.currentText()
    chosen = scope.currentData()
    # What the keyboard chose is saved and shown in the follow-up's row.
    follow_up = view.follow_ups.selected_agreed()
    assert follow_up is not None and follow_up.scope_code == chosen
    assert view.follow_ups.agreed.item(0, 3).text().startswith(f"ประเด็น {digits.shown(chosen)}")
    window.shutdown()
