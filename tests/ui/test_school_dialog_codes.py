"""The school dialog refuses a code of one digit ten times (0000000000), with the core's Thai
reason under the field, and Save stays off (issue 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from ui.schools.school_dialog import SchoolDialog

from .keyboard import type_text


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("code", ["0000000000", "1111111111", "๕๕๕๕๕๕๕๕๕๕"])
def test_a_code_of_one_repeated_digit_is_refused(qtbot, memory_workspace: Workspace, code: str) -> None:  # type: ignore[no-untyped-def]
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.code, code)
    type_text(dialog.name, "โรงเรียนทดสอบ")
    assert "ตัวเลขเดียวกันทั้ง ๑๐ หลัก" in dialog.code_message.text()
    assert dialog.code_message.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert memory_workspace.schools.count() == 0

    dialog.code.clear()
    type_text(dialog.code, "6302000001")  # a real-looking code is taken
    assert dialog.ok_button.isEnabled()


@pytest.mark.parametrize("typed", ["0000000000", "๐๐๐๐๐00000"])
def test_the_refusal_echoes_the_code_in_the_window_s_digits(qtbot, memory_workspace: Workspace, typed: str) -> None:  # type: ignore[no-untyped-def]
    """try11b F2: "…ทั้ง ๑๐ หลัก (0000000000)" mixed two digit styles in one sentence."""
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.code, typed)
    message = dialog.code_message.text()
    assert "(๐๐๐๐๐๐๐๐๐๐)" in message and not any(char in message for char in "0123456789"), message
    assert not any(char in dialog.code.placeholderText() for char in "0123456789")


def test_the_fields_below_the_code_stay_put_while_it_is_typed(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """test29 B4: the two-line hint shrank to "✓ รหัสถูกต้อง" and a click aimed at the name landed in อำเภอ."""
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.name.mapTo(dialog, dialog.name.rect().topLeft()).y()
    type_text(dialog.code, "1063010001")
    dialog.layout().activate()
    assert "รหัสถูกต้อง" in dialog.code_message.text()
    assert dialog.name.mapTo(dialog, dialog.name.rect().topLeft()).y() == before
