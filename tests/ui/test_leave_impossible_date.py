"""TEST32b B13: leaving a visit whose date does not exist ("31/04/2570": red under the field) asked
with "ลองบันทึกอีกครั้ง" as the default; Enter (or a click on it) tried the same date again and the
same question came back, for ever. A value no try can store is not offered a try: the default is
"กลับไปแก้ไขต่อ", which ends on the field to fix."""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from qualityschool_desktop.workspace import Workspace
from ui.common import strings_save
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from . import answering
from .test_date_fields import type_into

pytestmark = pytest.mark.usefixtures("styled_app")


def test_enter_on_the_leave_question_of_an_impossible_date_stays_to_fix_it(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 12, 1), start_time="09:00")
    window = MainWindow(memory_workspace)  # not qtbot's: deleted here, before the database closes
    window.show()
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    view = window.view
    type_into(qtbot, view.details.date_edit, "31/04/2570")
    assert view.details.date_edit.error()
    seen: list[tuple[list[str], str]] = []

    def answer() -> bool:  # what the user sees, then Enter
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return False
        default = box.defaultButton()
        seen.append(([button.text() for button in box.buttons()], default.text() if default else ""))
        if len(seen) > 2:  # the loop: end it, or the test waits for ever
            box.escapeButton().click()  # type: ignore[union-attr]
            return True
        qtbot.keyClick(box, Qt.Key.Key_Return)
        return False  # the same question again?

    answering.keep_looking(answer)
    window.go_back()
    qtbot.wait(100)
    stayed = window.view is view
    focused = window.focusWidget() is view.details.date_edit.line_edit  # where the keys go once it is active
    shiboken6.delete(window)
    assert len(seen) == 1, seen
    buttons, default = seen[0]
    assert default == strings_save.LEAVE_STAY
    assert strings_save.LEAVE_RETRY not in buttons
    assert stayed and focused
