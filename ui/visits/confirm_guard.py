"""Before a visit is confirmed: nothing refused is signed over without a word (RETEST34 D1: a
follow-up's due date refused before its visit stayed red, and confirming signed the stored date the
supervisor never chose, the question silent about it)."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtWidgets import QWidget

from qualityschool_desktop.visit_blanks import empty_components, named_visitors
from qualityschool_desktop.visit_records import VisitAttachment
from ui.common import digits, save_state, strings_save
from ui.common.date_fields import confirm_leave_fields
from ui.common.save_lines import FieldNote
from ui.common.save_state import Saver

from . import strings as text
from .sections import ask_yes_no, tell


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


def confirm_question(view: QWidget, visits: Any, visit_id: str, framework: Any, findings: Any,
                     attachments: Sequence[VisitAttachment], go_to_section: Callable[[str], None]) -> bool:
    """Asked before confirming; a visit without a named visitor is refused in the core's words
    (TEST34C C4), components left empty are named first, and going back (the default) opens the
    first of them (TEST32b B6: no warning, four empty pages printed)."""
    problem = visits.why_not_final(visit_id)
    if problem:
        tell(view, text.FINALISE_TITLE, problem)
        go_to_section("people")
        return False
    names = "\n".join("• " + person.name.strip() for person in named_visitors(visits.people(visit_id)))
    who = text.FINALISE_WHO.format(names=names)
    empty = empty_components(framework, findings, attachments)
    if not empty:
        return ask_yes_no(view, text.FINALISE_TITLE, text.FINALISE_QUESTION.format(who=who), text.FINALISE_YES,
                          text.FINALISE_NO)
    lines = "\n".join(text.FINALISE_EMPTY_LINE.format(code=digits.shown(c.code), title=c.title) for c in empty)
    if ask_yes_no(view, text.FINALISE_TITLE, text.FINALISE_EMPTY_QUESTION.format(who=who, components=lines),
                  text.FINALISE_EMPTY_YES, text.FINALISE_EMPTY_NO):
        return True
    go_to_section(f"c{empty[0].code}")
    return False
