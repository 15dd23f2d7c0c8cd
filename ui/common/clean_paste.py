"""A multi-line text box that shows what is saved after a paste (issue 11; try11a #2).

The core cleans text where it enters (:func:`qualityschool_desktop.text.clean_text`: control
characters dropped, Thai marks in their standard order), so a paragraph pasted from Word or a PDF
is stored clean while the box went on showing □ for a vertical tab and the marks as pasted, until
the view was opened again. :func:`show_pasted_clean` makes a box tidy a paste once the paste's own
change is done: the text the page already heard (and saved: the core makes it the same clean text)
is replaced by that clean text, without telling the page a second time; the cursor stays after what
was pasted and the tidying joins the paste's undo step, so one Ctrl+Z takes the paste back whole.
Keystrokes are left as typed: the history's "พิมพ์ว่า" keeps what the user typed.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from qualityschool_desktop.text import clean_text


def show_pasted_clean(box: QPlainTextEdit) -> QPlainTextEdit:
    """Let ``box`` show a paste (more than one character at once) as the core stores it; returns it."""

    def changed(_position: int, _removed: int, added: int) -> None:
        if added > 1 and not box.property("tidying"):
            # Not inside the document's own change: a change made there would re-enter it.
            QTimer.singleShot(0, box, lambda: _tidy(box))

    box.document().contentsChange.connect(changed)
    return box


def _tidy(box: QPlainTextEdit) -> None:
    typed = box.toPlainText()
    cleaned = clean_text(typed)
    if cleaned == typed:
        return
    cursor = box.textCursor()
    position = min(len(cleaned), len(clean_text(typed[:cursor.position()])))
    box.setProperty("tidying", True)
    blocker = QSignalBlocker(box)  # the page saved the paste already; the core stored this very text
    try:
        cursor.joinPreviousEditBlock()  # one undo step with the paste
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(cleaned)
        cursor.endEditBlock()
        cursor.setPosition(position)
        box.setTextCursor(cursor)
    finally:
        blocker.unblock()
        box.setProperty("tidying", False)
