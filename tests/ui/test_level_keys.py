"""Issue 11 (F11e 1, 2): the keys on the level buttons.

1. With the focus on the levels, Alt+→ acted as a plain arrow and changed the saved level
   (3 → 2 → 1, each "บันทึกแล้ว"). Alt+→ now goes to the next item/section; an arrow with a
   modifier never changes a level, in the assessment and the visit view.
2. With the Thai (Kedmanee) layout on, the digit-row keys type ๅ / - ภ ถ and 1–5 were ignored.
   They choose the level now (and the Thai digits ๑–๕), in both views.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.assessment.view import AssessmentView
from ui.common.level_keys import level_of_key
from ui.visits.view import VisitView

ALT = Qt.KeyboardModifier.AltModifier
MODIFIERS = [Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier,
             Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.MetaModifier,
             Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier]
ARROWS = [Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down]


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def assessment_view(qtbot, memory_workspace: Workspace, school):  # type: ignore[no-untyped-def]
    assessment = memory_workspace.assessments.start(school.id, 2569, assessed_on=date(2026, 1, 10))
    view = AssessmentView(memory_workspace, assessment.id)
    show_active(qtbot, view)
    view.resize(1366, 768)
    return view, assessment


def thai_key(qtbot, widget, char: str) -> None:  # type: ignore[no-untyped-def]
    """The key events a Thai layout sends (QTest.keyClick aborts on Thai text): the key is the
    character's code (Qt's key for a Unicode keysym), the text the character; no native codes."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, ord(char), Qt.KeyboardModifier.NoModifier, char))


def level_of(workspace: Workspace, assessment_id: str, code: str) -> int | None:
    stored = workspace.answers.get(assessment_id, code)
    return None if stored is None else stored.level


def test_alt_right_on_the_levels_moves_on_and_never_changes_the_level(  # type: ignore[no-untyped-def]
        qtbot, assessment_view, memory_workspace) -> None:
    view, assessment = assessment_view
    view.go_to("1.1.1")
    view.level_buttons()[3].click()
    assert level_of(memory_workspace, assessment.id, "1.1.1") == 3
    radio = view.level_buttons()[3]
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Right, ALT)
    assert level_of(memory_workspace, assessment.id, "1.1.1") == 3
    assert view.current_item_code == "1.1.2"
    assert level_of(memory_workspace, assessment.id, "1.1.2") is None
    # Every arrow with a modifier, on every level button: no level changes.
    view.go_to("1.1.1")
    for value, button in view.level_buttons().items():
        for key in ARROWS:
            for modifier in MODIFIERS:
                view.go_to("1.1.1")
                button = view.level_buttons()[value]
                button.setFocus()
                qtbot.keyClick(button, key, modifier)
                assert level_of(memory_workspace, assessment.id, "1.1.1") == 3, (value, key, modifier)
    assert level_of(memory_workspace, assessment.id, "1.1.2") is None
    assert view.level_buttons()[3].isChecked() if view.current_item_code == "1.1.1" else True


@pytest.mark.parametrize(("char", "value"), [("ๅ", 1), ("ภ", 4), ("ถ", 5), ("๒", 2), ("๕", 5)])
def test_the_thai_layouts_digit_row_chooses_the_level(  # type: ignore[no-untyped-def]
        qtbot, assessment_view, memory_workspace, char: str, value: int) -> None:
    view, assessment = assessment_view
    view.go_to("1.1.1")
    view.level_buttons()[1].setFocus()
    thai_key(qtbot, QApplication.focusWidget(), char)
    assert level_of(memory_workspace, assessment.id, "1.1.1") == value
    assert view.level_buttons()[value].isChecked()


def test_level_of_key_reads_the_physical_key_where_qt_gives_it() -> None:
    # X11/Wayland: keycodes 10..14 are the digit row's 1..5 whatever the layout.
    assert level_of_key(0x0E20, "ภ", scan_code=13, virtual_key=0x0E20, platform="linux") == 4
    assert level_of_key(ord("/"), "/", scan_code=11, virtual_key=0, platform="linux") == 2
    # Windows: the virtual key of the digit row is '1'..'9' in every layout.
    assert level_of_key(0x0E20, "ภ", scan_code=5, virtual_key=0x34, platform="win32") == 4
    # Without a native code: the Thai characters only ('/' and '-' are other keys elsewhere).
    assert level_of_key(0x0E16, "ถ", scan_code=0, virtual_key=0, platform="linux") == 5
    assert level_of_key(ord("/"), "/", scan_code=0, virtual_key=0, platform="linux", thai_layout=False) is None
    assert level_of_key(ord("/"), "/", scan_code=0, virtual_key=0, platform="linux", thai_layout=True) == 2
    assert level_of_key(ord("a"), "a", scan_code=38, virtual_key=ord("a"), platform="linux") is None


def test_in_the_visit_view_alt_right_moves_on_and_thai_keys_choose(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    view = VisitView(memory_workspace, visit.id)
    show_active(qtbot, view)
    view.resize(1366, 768)
    view.go_to_section("c1")
    picker = view.finding_panels["1"].picker
    picker.radios[3].click()
    assert memory_workspace.visits.findings(visit.id)["1"].level == 3
    for value in (0, 1, 3, 5):
        for key in ARROWS:
            for modifier in MODIFIERS:
                view.go_to_section("c1")
                picker.radios[value].setFocus()
                qtbot.keyClick(picker.radios[value], key, modifier)
                assert memory_workspace.visits.findings(visit.id)["1"].level == 3, (value, key, modifier)
    view.go_to_section("c1")
    picker.radios[3].setFocus()
    qtbot.keyClick(picker.radios[3], Qt.Key.Key_Right, ALT)
    assert view.section_key() == "c2"
    view.go_to_section("c1")
    picker.radios[3].setFocus()
    thai_key(qtbot, picker.radios[3], "ภ")
    assert memory_workspace.visits.findings(visit.id)["1"].level == 4
    assert picker.radios[4].isChecked()


def test_a_raw_paste_into_evidence_shows_what_is_saved(qtbot, assessment_view, memory_workspace) -> None:  # type: ignore[no-untyped-def]
    """F11e 5: text pasted from Word/PDF showed □ for a vertical tab and a bell, and a sara am in
    two characters split, while the database held the cleaned text. The box shows what is saved."""
    from PySide6.QtWidgets import QPlainTextEdit

    view, assessment = assessment_view
    view.go_to("1.1.1")
    box = view.findChild(QPlainTextEdit, "evidenceEdit")
    box.setFocus()
    box.insertPlainText("ภาพถ่าย\x0bอาคาร\x07 สีด\u0e4d\u0e32")  # what a paste does
    stored = memory_workspace.answers.get(assessment.id, "1.1.1")
    assert stored is not None and stored.evidence == "ภาพถ่าย\nอาคาร สีด\u0e33"
    assert box.toPlainText() == stored.evidence
    assert box.textCursor().position() == len(stored.evidence)  # typing goes on at the end
