"""Issue 11 #1: one digit style in every text the window writes. With Arabic digits chosen no
Thai digit is left in our own labels, hints, placeholders and the core's messages; with Thai
digits chosen the save clock and a file's size are in Thai digits too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.workspace import Workspace
from ui.common import digits
from ui.common.ops import error_message
from ui.common.save_lines import now_text
from ui.common.widgets import size_text
from ui.schools.network_schools import NetworkSchoolsPanel
from ui.schools.school_dialog import SchoolDialog

from .keyboard import type_text

THAI_DIGIT = re.compile("[๐-๙]")
ARABIC_DIGIT = re.compile("[0-9]")


pytestmark = pytest.mark.usefixtures("styled_app", "thai_digits_after")


def visible_texts(widget: QWidget) -> list[str]:
    """Every visible label, and every line edit's placeholder, under ``widget``."""
    texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    return texts + [edit.placeholderText() for edit in widget.findChildren(QLineEdit) if edit.isVisible()]


def test_with_arabic_digits_the_add_school_dialog_has_no_thai_digit(qtbot, memory_workspace: Workspace) -> None:
    digits.set_style("arabic")
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not [t for t in visible_texts(dialog) if THAI_DIGIT.search(t)]  # the "รหัส 10 หลัก" help
    dialog.code.setFocus()
    type_text(dialog.code, "1111111111")  # one digit repeated: the core refuses it "ทั้ง ๑๐ หลัก"
    assert "10 หลัก" in dialog.code_message.text() and not THAI_DIGIT.search(dialog.code_message.text())


def test_with_arabic_digits_the_network_tab_has_no_thai_digit(qtbot, memory_workspace: Workspace) -> None:
    digits.set_style("arabic")
    school = memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    panel = NetworkSchoolsPanel(memory_workspace)
    qtbot.addWidget(panel)
    panel.show_school(school.id)
    panel.show()
    found = [t for t in visible_texts(panel) if THAI_DIGIT.search(t)]
    assert not found, found  # "ประมาณ 5 กม.", the "รหัส 10 หลัก" placeholder


def test_a_core_message_follows_the_windows_digits() -> None:
    error = ValidationError("ต้องเป็นรหัสจริงของกระทรวง ไม่ใช่ตัวเลขเดียวกันทั้ง ๑๐ หลัก (1111111111)")
    digits.set_style("arabic")
    assert error_message(error) == "ต้องเป็นรหัสจริงของกระทรวง ไม่ใช่ตัวเลขเดียวกันทั้ง 10 หลัก (1111111111)"
    digits.set_style("thai")
    assert error_message(error) == str(error)  # a path or typed value with 0–9 in it is left alone


def test_with_thai_digits_the_save_clock_and_a_files_size_are_in_thai_digits() -> None:
    digits.set_style("thai")
    assert not ARABIC_DIGIT.search(now_text()) and THAI_DIGIT.search(now_text())
    assert size_text(128 * 1024) == "๑๒๘ KB" and size_text(3 * 1024 * 1024 // 2) == "๑.๕ MB"
    digits.set_style("arabic")
    assert size_text(128 * 1024) == "128 KB" and ARABIC_DIGIT.search(now_text())


def test_the_new_round_dialog_and_date_messages_keep_one_digit_style(qtbot, memory_workspace: Workspace) -> None:
    """F11f.2: with Thai digits the new-round dialog's year and round showed "2570"/"1", and a
    date refused said its numbers in 0–9; with Arabic digits the visit's note said "๐๘:๐๐"."""
    from datetime import date

    from PySide6.QtCore import Qt

    from ui.assessment.new_round_dialog import NewRoundDialog
    from ui.common.date_fields import ThaiDateEdit
    from ui.visits.view import VisitView

    school = memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    digits.set_style("thai")
    dialog = NewRoundDialog(memory_workspace, school, today=date(2026, 11, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.year.text() == "๒๕๗๐" and dialog.round.text() == "๑"
    field = digits.styled(ThaiDateEdit())
    qtbot.addWidget(field)
    field.show()
    field.line_edit.setText("31/04/2569")
    field.commit()
    assert field.error() and not ARABIC_DIGIT.search(field.error()), field.error()

    digits.set_style("arabic")
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3), start_time="09:00")
    view = VisitView(memory_workspace, visit.id)  # not qtbot's: deleted here, before the database closes
    view.show()
    view.details.end_edit.line_edit.setText("0800")
    view.details.end_edit.commit()
    found = [t for t in visible_texts(view) if THAI_DIGIT.search(t)]
    import shiboken6

    shiboken6.delete(view)  # it follows the style: gone before another test changes it
    assert not found, found
