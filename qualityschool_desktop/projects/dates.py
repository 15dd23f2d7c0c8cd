"""A project's dates against today and against its quarters (RETEST15 N5 and F8).

*Not yet happened* (a refusal): an activity's actual start or end after today, and money disbursed
in a quarter of the fiscal year that has not begun, are refused by :func:`check_not_ahead` with a
Thai sentence naming what, the day and today in the Buddhist Era. "Today" is the core's one clock
(:func:`~qualityschool_desktop.clock.today`), as the contact log's "not in the future" rule reads it.

*Outside its quarter* (a warning, not a refusal): an activity planned for quarter 2 that was held
in April is what happened, and seed 004 reports what happened; a planner would rather be told that
the dates and the quarter disagree (a typo of the year, or a slipped activity) than be made to
change either before saving. :func:`outside_quarter` says so, for the editor's messages and the
progress report's mark.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import ValidationError
from ..thai import format_date, thai_digits
from .rules import fiscal_quarter, quarters_begun

QUARTER_MONTHS = {1: "ต.ค.–ธ.ค.", 2: "ม.ค.–มี.ค.", 3: "เม.ย.–มิ.ย.", 4: "ก.ค.–ก.ย."}
ACTUAL_AHEAD = ("กิจกรรม “{name}” มีวันที่ดำเนินการจริง {day} ซึ่งยังมาไม่ถึง (วันนี้ {today})"
                " วันที่ดำเนินการจริงต้องไม่เลยวันนี้ โปรดแก้วันที่ หรือบันทึกเมื่อดำเนินการแล้ว")
DISBURSED_AHEAD = ("มีเงินเบิกจ่ายจริงในไตรมาสที่ {quarter} ({months} {year}) ซึ่งยังไม่เริ่ม (วันนี้ {today})"
                   " เงินที่เบิกจ่ายจริงบันทึกได้เฉพาะไตรมาสที่เริ่มแล้ว จำนวนที่จะใช้ในไตรมาสนั้นให้ใส่ในงบประมาณตามแผน")
OUTSIDE_QUARTER = ("กิจกรรม “{name}” อยู่ในไตรมาสที่ {quarter} ({months} {year}) แต่{which} {day}"
                   " อยู่ใน{where} โปรดตรวจวันที่หรือไตรมาส")
OUTSIDE_NOTE = "{which} {day} อยู่ใน{where} ไม่ใช่ไตรมาสที่ {quarter} ({months} {year}) ที่กำหนด"
_WHICH = {"planned_start": "วันเริ่มตามแผน", "planned_end": "วันสิ้นสุดตามแผน",
          "actual_start": "วันเริ่มจริง", "actual_end": "วันสิ้นสุดจริง"}


def _thai_day(iso: str) -> str:
    return format_date(date.fromisoformat(iso), short=True, style="thai")


def quarter_year(fiscal_year: int, quarter: int) -> int:
    """The BE calendar year of ``quarter`` (1–4) of ``fiscal_year``: quarter 1 lies in the year before."""
    return fiscal_year - 1 if quarter == 1 else fiscal_year


def check_not_ahead(fiscal_year: int, activities: list[dict[str, Any]] | None,
                    budget_lines: list[dict[str, Any]] | None, today: date) -> None:
    """Raise :class:`ValidationError` (Thai, dates in BE) when an activity (as stored: ISO dates)
    has an actual start or end after ``today``, or a budget line (amounts per quarter, satang) has
    money disbursed in a quarter of ``fiscal_year`` (BE) not begun by ``today``. ``None``: not checked."""
    shown_today = format_date(today, short=True, style="thai")
    for activity in activities or ():
        for key in ("actual_start", "actual_end"):
            if activity.get(key) and activity[key] > today.isoformat():
                raise ValidationError(ACTUAL_AHEAD.format(name=activity.get("name") or "", day=_thai_day(activity[key]),
                                                          today=shown_today))
    begun = quarters_begun(fiscal_year, today)
    for line in budget_lines or ():
        for quarter in range(begun + 1, 5):
            if line["disbursed"][quarter - 1]:
                raise ValidationError(DISBURSED_AHEAD.format(
                    quarter=thai_digits(quarter), months=QUARTER_MONTHS[quarter],
                    year=thai_digits(quarter_year(fiscal_year, quarter)), today=shown_today))


def _outside(fiscal_year: int, activity: dict[str, Any]) -> dict[str, str] | None:
    """The words of :data:`OUTSIDE_QUARTER` and :data:`OUTSIDE_NOTE` for the first date of
    ``activity`` outside its quarter of ``fiscal_year`` (BE), Thai digits; None when there is none."""
    for key in ("planned_start", "planned_end", "actual_start", "actual_end"):
        if not activity.get(key):
            continue
        year, found = fiscal_quarter(activity[key])
        if (year, found) == (fiscal_year, activity.get("quarter")):
            continue
        planned = activity["quarter"]
        where = f"ไตรมาสที่ {thai_digits(found)}" + ("" if year == fiscal_year else f" ของปีงบประมาณ {thai_digits(year)}")
        return {"name": activity.get("name") or "", "quarter": thai_digits(planned), "months": QUARTER_MONTHS[planned],
                "year": thai_digits(quarter_year(fiscal_year, planned)), "which": _WHICH[key],
                "day": _thai_day(activity[key]), "where": where}
    return None


def outside_quarter(fiscal_year: int, activity: dict[str, Any]) -> str:
    """The editor's Thai warning when a date of ``activity`` (as stored) lies outside its quarter
    of ``fiscal_year`` (BE), naming the first such date and the quarter it does lie in; "" when all
    its dates lie in its quarter (or it has none)."""
    words = _outside(fiscal_year, activity)
    return OUTSIDE_QUARTER.format(**words) if words else ""


def outside_note(fiscal_year: int, activity: dict[str, Any]) -> str:
    """The progress report's note for the same case, without the editor's request (Thai digits):
    "วันเริ่มจริง ๑๐ ธ.ค. ๒๕๘๐ อยู่ในไตรมาสที่ ๑ ของปีงบประมาณ ๒๕๘๑ ไม่ใช่ไตรมาสที่ ๑ (ต.ค.–ธ.ค. ๒๕๖๙) ที่กำหนด"; "" when none."""
    words = _outside(fiscal_year, activity)
    return OUTSIDE_NOTE.format(**words) if words else ""
