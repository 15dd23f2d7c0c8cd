"""After a paste from Word or a PDF the text box shows what was saved (issue 11; try11a #2): no
□ for a vertical tab or U+0000, Thai marks in their standard order, as the core stores and prints
them; the cursor stays after what was pasted and Ctrl+Z never brings the raw paste back on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from qualityschool_desktop.text import clean_text
from ui.office_report.form_parts import text_editor
from ui.visits.panels import text_box

from .keyboard import show_active, type_text

pytestmark = pytest.mark.usefixtures("styled_app")

PASTED = "\u000bต่อจาก Word: น\u0e33\u0e49 ก่ิ เเม่\u0000 ดีีี\u001f"


def paste_into(qtbot, box: QPlainTextEdit, pasted: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.clipboard().setText(pasted)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    for _ in range(5):  # the box tidies a paste once the paste's own change is done
        QApplication.processEvents()


@pytest.mark.parametrize("make", [lambda: text_box("วัตถุประสงค์", "purposeEdit", None), lambda: text_editor("ปัญหา")],
                         ids=["visit", "office"])
def test_a_paste_shows_the_cleaned_text_keeps_the_cursor_and_undoes_in_one_step(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    box = make()
    show_active(qtbot, box)
    type_text(box, "ก่อน ")
    typed: list[str] = []
    box.textChanged.connect(lambda: typed.append(box.toPlainText()))
    paste_into(qtbot, box, PASTED)
    expected = "ก่อน " + clean_text(PASTED)
    assert box.toPlainText() == expected
    assert "\u000b" not in box.toPlainText() and "\u0000" not in box.toPlainText()
    assert box.textCursor().position() == len(expected)  # typing goes on after the paste
    # What the page saves heard the paste once (the core cleans it to what is shown now).
    assert typed and clean_text(typed[-1]) == expected
    type_text(box, "ต่อ")
    assert box.toPlainText() == expected + "ต่อ"
    # Undo walks back through what was shown, never through the raw paste the box no longer shows.
    seen = []
    while box.document().isUndoAvailable() and len(seen) < 20:
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        seen.append(box.toPlainText())
    assert seen[-1] == ""  # back to the empty box
    assert not any("\u000b" in state or "\u0000" in state for state in seen), seen


def test_typing_one_key_at_a_time_is_left_as_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = text_box("", "notesEdit", None)
    show_active(qtbot, box)
    type_text(box, "เเ")  # two sara e typed: the history keeps what was typed, the box too
    QApplication.processEvents()
    assert box.toPlainText() == "เเ"
