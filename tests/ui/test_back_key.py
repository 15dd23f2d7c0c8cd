"""Issue 11: the keys of the assessment view. Alt+Right steps to the next item, so Alt+Left steps
back to the previous one (try11a: Alt+Right then Alt+Left left the assessment for the school);
there the window's "ย้อนกลับ" gives the key up (the menu shows none) and the view's back button
goes back; elsewhere Alt+Left is ย้อนกลับ. Every page's back button reads "‹ ย้อนกลับ"."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton

from ui.assessment.view import AssessmentView
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_scaling import busiest_school

BACK = "‹ ย้อนกลับ"


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def window(demo_window: Callable[[QSize | None], MainWindow]) -> MainWindow:
    return demo_window(QSize(1366, 728))


def test_alt_left_is_the_previous_item_in_the_assessment_view_and_back_elsewhere(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    school_id = busiest_school(window.workspace)
    round_id = window.workspace.assessments.for_school(school_id)[0].id
    window.navigate(Location("school", school_id))
    window.navigate(Location("assessment", round_id))
    view = window.view
    assert isinstance(view, AssessmentView)
    view.go_to("1.1.2")
    view._tree.setFocus()
    qtbot.keyClick(view._tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_item_code == "1.1.3"
    qtbot.keyClick(view._tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current_item_code == "1.1.2"
    qtbot.keyClick(view._tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current_item_code == "1.1.3"
    qtbot.keyClick(window.focusWidget() or view._tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current_item_code == "1.1.2" and window.location == Location("assessment", round_id)
    assert window.back_action.shortcuts() == []  # the menu does not promise Alt+Left here
    window.go_back()  # the view's back button, the menu's ย้อนกลับ
    qtbot.waitUntil(lambda: window.location == Location("school", school_id), timeout=3000)
    assert window.back_action.shortcut().toString() == "Alt+Left"  # ย้อนกลับ again on the other pages
    # The visit view alike: Alt+Right the next section, Alt+Left the previous one.
    window.navigate(Location("visit", window.workspace.visits.for_school(school_id)[0].id))
    visit = window.view
    visit.go_to_section(visit.sections[1])
    visit._section_list.setFocus()
    qtbot.keyClick(visit._section_list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert visit.section_key() == visit.sections[2]
    qtbot.keyClick(visit._section_list, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert visit.section_key() == visit.sections[1] and window.location.kind == "visit"


def test_every_back_button_reads_alike(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    school_id = busiest_school(window.workspace)
    round_id = window.workspace.assessments.for_school(school_id)[0].id
    visit_id = window.workspace.visits.for_school(school_id)[0].id
    found = []
    for location in (Location("school", school_id), Location("assessment", round_id),
                     Location("results", round_id), Location("visit", visit_id)):
        window.navigate(location)
        qtbot.wait(20)
        backs = [b for b in window.findChildren(QPushButton) if b.isVisible() and "กลับ" in b.text()
                 and b.objectName() in ("viewBackButton", "backButton", "resultsBackButton", "")]
        found += [f"{location.kind}: {b.text()!r}" for b in backs if b.text() != BACK]
        assert backs, location
    assert not found, found
