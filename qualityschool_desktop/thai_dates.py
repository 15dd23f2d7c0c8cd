"""Dates and clock times as Thai users type them, and the Buddhist-Era forms the app shows and
files by (issue 11, "Dates").

Reading (:func:`parse_date`, :func:`parse_time`) turns what a person types into what the core
stores: a ``date`` (saved as an ISO ``YYYY-MM-DD`` in the Common Era) and ``"HH:MM"``. Whatever
cannot be read, or names a day or time that does not exist, raises
:class:`~.errors.ValidationError` with a Thai message saying why and how to type it; nothing is
guessed into another day.

The rules for years (DOMAIN.md: dates are written in the Buddhist Era, พ.ศ. = ค.ศ. + 543):

* four digits from 2400 up are BE (``10/10/2561`` is 10 October 2018): no date the app keeps
  (:data:`~.validation.MIN_YEAR_BE`–:data:`~.validation.MAX_YEAR_BE`, BE 2500–2700) has a CE year
  that high, so the reading is never ambiguous;
* four digits below 2400 are CE (``2018-10-10``, ``10/10/2018``): accepted, as a date copied from
  a computer's CE form, and shown in BE like every other;
* two digits are BE in 25xx, as Thai forms abbreviate them (``10/10/61``, ``๑ ต.ค. ๖๗``): never CE,
  since "61" on a Thai form means 2561. The field shows the whole BE date once the value is taken,
  so a reading the user did not mean is seen at once;
* "พ.ศ." or "ค.ศ." before the year says which it is, whatever its size;
* any other number of digits is refused.

pythainlp's ``thai_strptime`` reads month names but needs one format per call and fails with
``KeyError``/``IndexError`` on slashes and Thai digits (pythainlp 5.4), so the forms are read here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .errors import ValidationError
from .text import clean_field
from .thai import BE_OFFSET, MONTHS, MONTHS_SHORT, arabic_digits, be_year, digits, format_date
from .value_rules import MAX_YEAR_BE, MIN_YEAR_BE

# -- Thai messages -------------------------------------------------------------------------------
DATE_EXAMPLE = "พิมพ์ วัน/เดือน/ปี พ.ศ. เช่น 10/10/2561 หรือ 10 ต.ค. 2561"
NOT_A_DATE = "อ่าน \"{text}\" เป็นวันที่ไม่ได้: " + DATE_EXAMPLE
BAD_YEAR = "ปี \"{year}\" ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2561 (หรือ 2 หลัก เช่น 61): " + DATE_EXAMPLE
UNKNOWN_MONTH = "ไม่รู้จักเดือน \"{month}\": ใช้เลขเดือน 1–12 หรือชื่อเดือน เช่น ต.ค. หรือ ตุลาคม"
NO_MONTH = "ไม่มีเดือนที่ {month}: เดือนต้องเป็น 1–12"
NO_DAY = "ไม่มีวันที่ {day} {month} พ.ศ. {year}: เดือน{month} พ.ศ. {year} มี {days} วัน"
SHORT_YEAR = "ปี \"{typed}\" อ่านเป็น พ.ศ. {year}: {day}"
OUT_OF_RANGE = "ปี พ.ศ. {year} อยู่นอกช่วงที่โปรแกรมเก็บได้ (พ.ศ. {low}–{high})"
TIME_EXAMPLE = "พิมพ์ ชั่วโมง.นาที เช่น 9.00 หรือ 13:30"
NOT_A_TIME = "อ่าน \"{text}\" เป็นเวลาไม่ได้: " + TIME_EXAMPLE
NO_HOUR = "ไม่มีเวลา \"{text}\": ชั่วโมงต้องเป็น 0–23"
NO_MINUTE = "ไม่มีเวลา \"{text}\": นาทีต้องเป็น 00–59"
SHORT_MINUTE = "เวลา \"{text}\" อ่านได้สองแบบ: นาทีต้องมี 2 หลัก เช่น 9.05 หรือ 9.50"

# Era markers: "พ.ศ." (BE) and "ค.ศ." (CE), with or without their dots and spaces.
_ERA = re.compile(r"(พ\s*\.?\s*ศ|ค\s*\.?\s*ศ)\s*\.?")
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d+)")
_YEAR_FIRST = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})")
_NAMED_MONTH = re.compile(r"(\d{1,2})\s*[/\-]?\s*([^\d\s/\-][^\d/\-]*?)\s*[/\-]?\s*(\d+)")
_MONTH_SUFFIXES = ("คม", "ยน", "พันธ์")  # มกราคม → มกรา, เมษายน → เมษา, กุมภาพันธ์ → กุมภา
# Short forms people write besides the standard ones: ตุ.ค., พฤ.ย.
_MONTH_SPELLINGS = {"ตุค": 10, "พฤย": 11}
# A weekday before the day, as letters are dated: "วันพุธที่ 10 ตุลาคม 2561" (Monday first).
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
_WEEKDAY = re.compile(r"^(?:วัน)?(จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)\s*(?:ที่)?\s*")
WRONG_WEEKDAY = "{day} เป็นวัน{actual} ไม่ใช่วัน{typed}: ตรวจวันที่อีกครั้ง"


def _month_key(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number, (full, short) in enumerate(zip(MONTHS, MONTHS_SHORT), start=1):
        spoken = next((full[: -len(end)] for end in _MONTH_SUFFIXES if full.endswith(end)), full)
        for name in (full, short, spoken):
            names[_month_key(name)] = number
    return names | _MONTH_SPELLINGS


_MONTH_NUMBERS = _month_names()


def parse_date(text: str) -> date | None:
    """The day ``text`` names; see :func:`read_date`, which also says how a two-digit year was read."""
    return read_date(text)[0]


def read_date(text: str) -> tuple[date | None, str]:
    """The day ``text`` names, as Thai users type it; None for blank text.

    Understood: ``10/10/2561`` (also with ``-`` or ``.``, spaces, Thai digits ``๑๐/๑๐/๒๕๖๑``),
    ``10 ต.ค. 2561``, ``10 ตค 2561``, ``10 ตุ.ค. 2561``, ``10 ตุลาคม 2561``, ``10 ตุลา 2561``,
    ``10 ตุลาคม พ.ศ. 2561`` (a leading "วันที่", or a weekday as letters are dated, "วันพุธที่ …",
    is allowed) and ISO ``2018-10-10``; years as in the module's notes.
    Invisible characters a paste brings along are ignored (:func:`~.text.clean_field`).

    Raises :class:`~.errors.ValidationError` (Thai, saying why and how to type a date) for text
    that is not a date, a weekday that is not the day's ("วันจันทร์ที่ 10 ตุลาคม 2561": a Wednesday),
    a month that does not exist, a day the month does not have (29/02/2566:
    February 2566 has 28 days; 31/04/2567), or a year outside BE :data:`~.validation.MIN_YEAR_BE`–
    :data:`~.validation.MAX_YEAR_BE` (the range every stored date keeps, ``validation.date``).

    Returns ``(day, note)``: ``note`` is "" unless the year was typed in two digits, then it says
    in Thai how it was read (``10/10/61`` → 'ปี "61" อ่านเป็น พ.ศ. 2561: 10 ต.ค. 2561'), for the
    window's date fields and the command line to show: one rule, said where it is applied."""
    cleaned = " ".join(arabic_digits(clean_field(text)).split())
    if not cleaned:
        return None, ""
    shown = cleaned[:40]
    weekday = _WEEKDAY.match(cleaned)
    if weekday:
        cleaned = cleaned[weekday.end():]
    cleaned = re.sub(r"^วันที่\s*", "", cleaned)
    era = None
    marker = _ERA.search(cleaned)
    if marker:
        era = "be" if marker.group(1).startswith("พ") else "ce"
        cleaned = (cleaned[: marker.start()] + " " + cleaned[marker.end():]).strip()
    if matched := _DAY_FIRST.fullmatch(cleaned):
        day, month, year = matched.group(1), int(matched.group(2)), matched.group(3)
    elif matched := _YEAR_FIRST.fullmatch(cleaned):
        year, month, day = matched.group(1), int(matched.group(2)), matched.group(3)
    elif matched := _NAMED_MONTH.fullmatch(cleaned):
        day, name, year = matched.group(1), matched.group(2).strip(), matched.group(3)
        if re.search(r"[^\u0e00-\u0e7f.\s]", name):
            raise ValidationError(NOT_A_DATE.format(text=shown))
        if _month_key(name) not in _MONTH_NUMBERS:
            raise ValidationError(UNKNOWN_MONTH.format(month=name[:20]))
        month = _MONTH_NUMBERS[_month_key(name)]
    else:
        raise ValidationError(NOT_A_DATE.format(text=shown))
    checked = _checked_day(int(day), month, _ce_year(year, era))
    if weekday and not WEEKDAYS[checked.weekday()].startswith(weekday.group(1)):
        raise ValidationError(WRONG_WEEKDAY.format(day=format_date(checked, short=True),
                                                   actual=WEEKDAYS[checked.weekday()], typed=weekday.group(1)))
    if len(year) != 2:
        return checked, ""
    return checked, SHORT_YEAR.format(typed=year, year=be_year(checked.year), day=format_date(checked, short=True))


def _ce_year(year: str, era: str | None) -> int:
    """The CE year of a typed year (see the module's notes)."""
    if len(year) == 2:
        return int(year) + (2000 if era == "ce" else 2500 - BE_OFFSET)
    if len(year) != 4:
        raise ValidationError(BAD_YEAR.format(year=year[:10]))
    value = int(year)
    if era == "be" or (era is None and value >= 2400):
        return value - BE_OFFSET
    return value


def _checked_day(day: int, month: int, ce_year: int) -> date:
    year = be_year(ce_year)
    if not MIN_YEAR_BE <= year <= MAX_YEAR_BE:
        raise ValidationError(OUT_OF_RANGE.format(year=year, low=MIN_YEAR_BE, high=MAX_YEAR_BE))
    if not 1 <= month <= 12:
        raise ValidationError(NO_MONTH.format(month=month))
    days = calendar.monthrange(ce_year, month)[1]
    if not 1 <= day <= days:
        raise ValidationError(NO_DAY.format(day=day, month=MONTHS[month - 1], year=year, days=days))
    return date(ce_year, month, day)


def parse_time(text: str) -> str:
    """A clock time as people type it, as stored: ``"HH:MM"`` (24-hour), ``""`` for blank text.

    Understood: ``0900``, ``900``, ``9.00``, ``9:00``, ``09.00 น.``, ``9 น.``, ``9``, ``16.30 นาฬิกา``
    and Thai digits (``๙.๐๐``), all → ``"09:00"`` (or the time they name); invisible characters
    ignored and full-width digits read (:func:`~.text.clean_field`). Raises
    :class:`~.errors.ValidationError` (Thai, saying why) for an hour over 23 (``2500``,
    ``24:00``), minutes over 59 (``9.75``), one-digit minutes (``9.5``: 9.05 or 9.50?) and
    anything else that is not a time."""
    text = clean_field(text)
    cleaned = "".join(arabic_digits(text).split())
    if not cleaned:
        return ""
    shown = text[:20]
    cleaned = re.sub(r"(น\.?|นาฬิกา)$", "", cleaned)
    if matched := re.fullmatch(r"(\d{1,2})[:.](\d{2})", cleaned):
        hours, minutes = int(matched.group(1)), int(matched.group(2))
    elif re.fullmatch(r"\d{3,4}", cleaned):
        hours, minutes = int(cleaned[:-2]), int(cleaned[-2:])
    elif re.fullmatch(r"\d{1,2}", cleaned):
        hours, minutes = int(cleaned), 0
    elif re.fullmatch(r"\d{1,2}[:.]\d", cleaned):
        raise ValidationError(SHORT_MINUTE.format(text=shown))
    else:
        raise ValidationError(NOT_A_TIME.format(text=shown))
    if hours > 23:
        raise ValidationError(NO_HOUR.format(text=shown))
    if minutes > 59:
        raise ValidationError(NO_MINUTE.format(text=shown))
    return f"{hours:02d}:{minutes:02d}"


def format_date_numeric(day: date, *, style: str = "arabic") -> str:
    """``day`` as Thai forms write it in figures, with the BE year: ``10/10/2561`` (``style``
    "thai": ``๑๐/๑๐/๒๕๖๑``). :func:`parse_date` reads it back to the same day."""
    return digits(f"{day.day:02d}/{day.month:02d}/{be_year(day.year)}", style)


def file_date(day: date) -> str:
    """``day`` for a file name the app suggests: ``2569-11-30`` (BE year, as offices file things;
    year first, so the names sort in date order in a folder)."""
    return f"{be_year(day.year)}-{day.month:02d}-{day.day:02d}"
