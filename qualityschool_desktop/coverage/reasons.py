"""The one Thai line that says why a school is due or overdue (s24/f15a, the tester's F2): what is
to be done by when, what is late, and which follow-up contact counted. Arabic digits and BE dates
(the window turns the digits into its own style; the command line prints them as they are)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from ..thai import format_date
from .rules import CHANNELS, Term

NOT_STARTED = "ภาคเรียนยังไม่เริ่ม (เริ่ม {day})"
VISIT_LATE = "ยังไม่ได้นิเทศครั้งที่ {k} ซึ่งควรทำภายใน {day}"
VISIT_DUE = "นิเทศครั้งที่ {k} ภายใน {day}"
NEVER_TOUCHED = "ยังไม่ได้นิเทศหรือติดต่อเลยตลอด {days} วันแรกของภาคเรียน"
UNTOUCHED = "ไม่ได้นิเทศหรือติดต่อมาเกิน {days} วัน"
AGAIN_LATE = "ยังไม่ได้ประเมินซ้ำครั้งที่ {k} ซึ่งควรทำภายใน {day} (นับฉบับที่ส่งแล้ว)"
AGAIN_DUE = "ประเมินซ้ำครั้งที่ {k} ภายใน {day}"
FOLLOWED = "ติดต่อทาง{channel} เมื่อ {day} (นับเป็นการติดตาม ไม่แทนการนิเทศ)"
DONE = "ครบตามกำหนดแล้ว"


def part_ends(term: Term, needed: int, part: int) -> date:
    """The last day of the ``part``-th of ``needed`` equal parts of ``term`` (the day by which the
    ``part``-th visit or re-assessment is due). ``needed`` ≥ 1, 1 ≤ ``part`` ≤ ``needed``."""
    days = (term.ends - term.starts).days + 1
    return term.starts + timedelta(days=math.ceil(part * days / needed) - 1)


def _day(day: date) -> str:
    return format_date(day, short=True)


def reason_for(term: Term, as_of: date, max_days: int, *, visits: tuple[int, int, int],
               again: tuple[int, int, int], untouched: bool, never: bool, followup: tuple[str, str]) -> str:
    """The reason line; ``visits`` and ``again`` are (done, due, overdue) counts, ``untouched`` that
    the untouched rule made the visits overdue (``never``: no visit or contact ever), ``followup``
    the newest follow-up contact's (ISO day, channel key) or ("", "")."""
    parts = []
    if as_of < term.starts:
        parts.append(NOT_STARTED.format(day=_day(term.starts)))
    past_part = False
    for (done, due, late), late_text, due_text in ((visits, VISIT_LATE, VISIT_DUE), (again, AGAIN_LATE, AGAIN_DUE)):
        if done >= due:
            continue
        k = done + 1
        ends = part_ends(term, due, k)
        past_part = past_part or (late_text is VISIT_LATE and bool(late) and ends < as_of)
        parts.append((late_text if late and ends < as_of else due_text).format(k=k, day=_day(ends)))
    if untouched and not past_part:  # a visit already past its part says enough; else it is why, first
        parts.insert(1 if as_of < term.starts else 0, (NEVER_TOUCHED if never else UNTOUCHED).format(days=max_days))
    day, channel = followup
    if day:
        label = CHANNELS.get(channel, channel)
        label = f" {label}" if label.isascii() else label  # "ทาง LINE" but "ทางโทรศัพท์"
        parts.append(FOLLOWED.format(channel=label, day=_day(date.fromisoformat(day))))
    if not parts and (visits[1] or again[1]):
        parts.append(DONE)
    return "; ".join(parts)
