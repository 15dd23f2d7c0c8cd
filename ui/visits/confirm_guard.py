"""Before a visit is confirmed: nothing refused is signed over without a word (RETEST34 D1: a
follow-up's due date refused before its visit stayed red, and confirming signed the stored date the
supervisor never chose, the question silent about it)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget

from ui.common import digits, save_state, strings_save
from ui.common.date_fields import confirm_leave_fields
from ui.common.save_lines import FieldNote
from ui.common.save_state import Saver


def nothing_refused_left(view: QWidget, saver: Saver, notes: dict[str, FieldNote],
                         go_to_section: Callable[[str], None]) -> bool:
    """True when nothing refused is left in ``view``: a refused date or time field, or a change a
    section's red note (``notes``: section key → note) says was not stored. Otherwise asks as
    leaving does: stay (the first such section shown; False) or let them go (their notes cleared;
    what is stored is what is confirmed; True)."""
    if not confirm_leave_fields(view, saver):
        return False
    refused = [(section, note) for section, note in notes.items() if note.message()]
    if not refused:
        return True
    message = strings_save.LEAVE_QUESTION_FIX.format(count=digits.number(len(refused)), reason=refused[0][1].message())
    if save_state.ask_unsaved(view, message, can_retry=False) != "discard":
        go_to_section(refused[0][0])
        return False
    saver.forget_refused(lambda _key: True)
    return True
