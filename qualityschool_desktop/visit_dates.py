"""The days typed on a visit, held to what a visit is (TEST34C C7, C13).

A follow-up agreed on a visit cannot fall due before that visit: refused, saying both days. A visit
day well after today is most often a year typed wrong (2570 for 2569): the window asks before
keeping it (:func:`future_question`), and does not refuse, because a supervisor may prepare a
planned visit ahead and a laptop's clock may itself be wrong.
"""

from __future__ import annotations

from datetime import date

from . import validation
from .errors import ValidationError
from .thai import format_date, thai_digits

__all__ = ["DAYS_AHEAD_ASKED", "check_due", "check_moved_visit", "future_question"]

# A visit planned within this many days after today is kept without a question.
DAYS_AHEAD_ASKED = 7

DUE_BEFORE_VISIT = "กำหนดเสร็จ {due} ก่อนวันนิเทศ {visit} ซึ่งตกลงข้อนี้ กรุณาเลือกวันตั้งแต่วันนิเทศเป็นต้นไป"
VISIT_AFTER_DUE = ("วันนิเทศ {visit} หลังกำหนดเสร็จ {due} ของข้อตกลง \"{action}\" ที่ตกลงในการนิเทศครั้งนี้"
                   " กรุณาแก้กำหนดเสร็จของข้อตกลงก่อน หรือเลือกวันนิเทศไม่เกิน {due}")
FUTURE_QUESTION = ("วันที่นิเทศ {day} อยู่ในอนาคตอีก {days} วัน (วันนี้ตามนาฬิกาของเครื่อง {today})\n"
                   "ปีพุทธศักราชและวันที่ถูกต้องหรือไม่")


def _day(day: date) -> str:
    return format_date(day, short=True, style="thai")


def check_due(due: date | None, visited_on: date) -> None:
    """Refuse (Thai, naming both days) a follow-up due before the day of the visit that agreed it;
    no due date, or the visit's own day, is fine; a day out of the shared range is left to that
    rule (:mod:`.validation`), which names the field."""
    if due is not None and validation.MIN_YEAR_BE <= due.year + 543 <= validation.MAX_YEAR_BE and due < visited_on:
        raise ValidationError(DUE_BEFORE_VISIT.format(due=_day(due), visit=_day(visited_on)))


def check_moved_visit(visited_on: date, agreed: list[tuple[str, str]]) -> None:
    """Refuse (Thai, naming the follow-up and both days) moving a visit to ``visited_on`` after the
    due day of a follow-up it agreed (``agreed``: (action, due_on ISO text or "") of its open,
    not removed follow-ups): the rule :func:`check_due` keeps, from the visit's side (RETEST34 D6)."""
    for action, due_on in agreed:
        try:
            due = date.fromisoformat(due_on) if due_on else None
        except ValueError:
            continue
        if due is not None and due < visited_on:
            raise ValidationError(VISIT_AFTER_DUE.format(visit=_day(visited_on), due=_day(due), action=action[:60]))


def future_question(day: date, today: date) -> str | None:
    """The question to ask before keeping a visit on ``day`` when it is more than
    :data:`DAYS_AHEAD_ASKED` days after ``today``; None when it is not."""
    ahead = (day - today).days
    if ahead <= DAYS_AHEAD_ASKED:
        return None
    return FUTURE_QUESTION.format(day=_day(day), days=thai_digits(ahead), today=_day(today))
