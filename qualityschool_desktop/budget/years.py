"""Which fiscal years (BE) a school's budget requests are offered for (try14e finding f07).

A request is made in the year before the one it asks for, so the year the laptop's date falls in and
the next are offered, together with every year the school's items and plans (แผนพัฒนาคุณภาพการศึกษา)
use. A laptop's clock may be years off (a flat CMOS battery: 2015); a date in a fiscal year before
the checklist the program carries (its version, BE 2567) cannot be right, and then the checklist's
year and the next stand in for the clock's and :attr:`YearChoice.clock_note` says why; so, too, for a date far after the checklist's year and
the school's own years (:data:`AHEAD_YEARS`, try14 F15).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..clock import be_year_hint
from ..thai import fiscal_year_of, format_date, thai_digits
from ..value_rules import MAX_YEAR_BE, MIN_YEAR_BE
from ..workspace import Workspace

CLOCK_NOTE = (
    "วันที่ของเครื่องนี้คือ {today} ซึ่งเก่ากว่าเกณฑ์โรงเรียนคุณภาพที่โปรแกรมใช้ (พ.ศ. {checklist})"
    " นาฬิกาของเครื่องน่าจะผิด (เช่น แบตเตอรี่ของนาฬิกาในเครื่องหมด) โปรดตั้งวันที่และเวลาของเครื่องให้ถูกต้อง"
    " ระหว่างนี้รายการปีงบประมาณใช้ปีของเกณฑ์และของข้อมูลโรงเรียนแทน"
)
# try14 F15: a clock far ahead (2045) filed requests under a far fiscal year without a word.
CLOCK_AHEAD_NOTE = (
    "วันที่ของเครื่องนี้คือ {today} ซึ่งเลยปีของเกณฑ์โรงเรียนคุณภาพที่โปรแกรมใช้และปีในข้อมูลของโรงเรียน (ล่าสุด พ.ศ. {latest})"
    " ไปมาก นาฬิกาของเครื่องน่าจะผิด โปรดตั้งวันที่และเวลาของเครื่องให้ถูกต้อง"
    " ระหว่างนี้รายการปีงบประมาณใช้ปีของเกณฑ์และของข้อมูลโรงเรียนแทน"
)
# How many fiscal years after the latest of the checklist's and the school's years a clock may
# be before it is not trusted: a plan spans up to five years, and a version of the program is
# used for a few years before its checklist is replaced.
AHEAD_YEARS = 8


@dataclass(frozen=True)
class YearChoice:
    """The fiscal years (BE) to offer, latest first; the one to show first; and a Thai sentence
    when the laptop's date looks wrong ("" otherwise)."""

    years: tuple[int, ...]
    default: int
    clock_note: str


def checklist_year(workspace: Workspace) -> int | None:
    """The BE year of the latest checklist the program carries (its version "2567.1" → 2567), or
    None when its version names no year in BE 2500–2700. Raises nothing."""
    try:
        year = int(workspace.frameworks.latest().version.split(".")[0])
    except (ValueError, LookupError, AttributeError):
        return None
    return year if MIN_YEAR_BE <= year <= MAX_YEAR_BE else None


def school_years(workspace: Workspace, school_id: str | None) -> set[int]:
    """The fiscal years (BE) the school's items not removed and its plans (every year of each
    plan's span) use; empty for None. Raises nothing for an unknown school (no years)."""
    if school_id is None:
        return set()
    years = set(workspace.budget.years(school_id))
    for plan in workspace.plans.for_school(school_id):
        years.update(range(plan.first_year, plan.last_year + 1))
    return years


def year_choice(workspace: Workspace, school_id: str | None, today: date, chosen: int | None = None) -> YearChoice:
    """The years to offer for the school's requests on ``today`` (the laptop's date), ``chosen``
    (a year already shown) kept among them. The default is the latest year with items, else the
    year after the laptop's (a request is made the year before). When ``today`` is in a fiscal year
    before :func:`checklist_year`, more than :data:`AHEAD_YEARS` after the latest of that year and the
    school's years, or its year is a BE year (a clock set to 2569 rather than 2026), the clock is not trusted: the latest of the checklist's year and the school's years stands in
    for it, and :data:`CLOCK_NOTE` is said. Raises nothing."""
    data = school_years(workspace, school_id)
    current = fiscal_year_of(today)
    floor = checklist_year(workspace)
    note = ""
    if be_year_hint(today.year):
        note = be_year_hint(today.year)
    elif floor is not None and current < floor:
        note = CLOCK_NOTE.format(today=format_date(today, style="thai"), checklist=thai_digits(floor))
    elif current > (latest := max([floor or MIN_YEAR_BE, *data])) + AHEAD_YEARS:
        note = CLOCK_AHEAD_NOTE.format(today=format_date(today, style="thai"), latest=thai_digits(latest))
    if note:
        current = max([floor or MIN_YEAR_BE, *(year for year in data if MIN_YEAR_BE <= year <= MAX_YEAR_BE)])
        current = min(current, MAX_YEAR_BE - 1)
    with_items = workspace.budget.years(school_id) if school_id else []
    default = with_items[0] if with_items else current + 1
    years = {*data, current, current + 1, default, *([chosen] if chosen is not None else [])}
    return YearChoice(tuple(sorted(years, reverse=True)), default, note)


__all__ = ["AHEAD_YEARS", "CLOCK_AHEAD_NOTE", "CLOCK_NOTE", "YearChoice", "checklist_year", "school_years", "year_choice"]
