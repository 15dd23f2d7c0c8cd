"""TEST32b B4 (and B10's editor): before "เพิ่มข้อตกลง" the follow-up form's fields are disabled,
but they were drawn white with an example in them, exactly as a field ready for typing: a user
clicked in, typed, and nothing appeared. A disabled field now looks it (grey, as a disabled
button), and its empty box says to press "เพิ่มข้อตกลง" first; once a follow-up is added, the
fields are white and the example is back."""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.visits import strings as visit_text

pytestmark = pytest.mark.usefixtures("styled_app")


def _inside(edit: QLineEdit) -> QColor:
    """The colour inside the box, right of any text (what the eye sees as the field)."""
    image = edit.grab().toImage()
    return image.pixelColor(image.width() - 4, image.height() // 2)


def test_the_follow_up_form_looks_off_until_a_follow_up_is_added(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 12, 1), start_time="09:00")
    window = MainWindow(memory_workspace)
    window.resize(1280, 720)
    window.show()
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    panel = window.view.follow_ups
    panel.show()
    action = panel.action_edit
    off = (action.isEnabled(), _inside(action), action.placeholderText())
    panel.add_button.click()
    qtbot.wait(20)
    on = (action.isEnabled(), _inside(action), action.placeholderText())
    shiboken6.delete(window)
    assert not off[0] and on[0]
    assert off[1] != QColor("#ffffff"), "a disabled field drawn white looks ready to type"
    assert on[1] == QColor("#ffffff")
    assert visit_text.ADD_FOLLOW_UP in off[2]
    assert on[2] == visit_text.FOLLOW_UP_ACTION_PLACEHOLDER
