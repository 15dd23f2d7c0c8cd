"""The rule of one value (:class:`Rule`): the limits every stored value keeps, the kinds of rule
(text, line, number, date, time, stamp, choice, pattern, school code, version vector …), the
helpers that make them and the named rules the tables share (ids, stamps, codes, flags, levels).

:mod:`.validation` holds which rule each travelling column of each table has (``RULES``) and
checks rows with them; it re-exports every name here, so ``validation.MAX_TEXT`` and
``validation.line(...)`` still read as they always did. Messages are Thai phrases that follow a
field's name; years are Buddhist Era (BE), dates ISO in the Common Era.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from .clock import be_year_hint, real_date, real_timestamp
from .thai import BE_OFFSET, thai_digits

# -- the limits ------------------------------------------------------------------------------------
MAX_TEXT = 200_000  # characters of a multi-line text (evidence, notes): far above any real note
MAX_LINE = 255  # characters of a one-line text (a name, a place, a position, a file name)
MAX_CODE = 100  # characters of a code the program makes (item codes, framework ids, installation ids)
MAX_ROUND = 1000  # rounds of self-assessment of one school in one fiscal year
MIN_YEAR_BE = 2500  # fiscal years, and the years of every date (BE)
MAX_YEAR_BE = 2700
# The years of a stamp (CE): the same BE years as dates. A stamp outside is no moment a laptop saw:
# 9999 overflows when shown in local time, 0001 when a day is taken from it. 1970 stays inside: a
# laptop whose clock fell back to it (flat CMOS battery) must still save and exchange (issue 10).
MIN_STAMP_YEAR, MAX_STAMP_YEAR = MIN_YEAR_BE - BE_OFFSET, MAX_YEAR_BE - BE_OFFSET
MIN_LEVEL, MAX_LEVEL = 1, 10  # a framework's scale (each framework's own scale is checked against it too)
MAX_HEADCOUNT = 100_000  # pupils or teachers of one school: the largest Thai schools have about 10,000 pupils
MAX_DISTANCE_KM = 100_000.0  # a network school's distance; the earth is smaller than that
MAX_FILE_BYTES = 25 * 1024 * 1024  # one attachment
MAX_INTEGER = 2**53 - 1  # JSON numbers stay exact up to here
MAX_VERSION_ENTRIES = 64  # installations in one record's version vector
MAX_MEASURE = 1e12  # a plan indicator's value (any unit: per cent, people, baht)
MAX_QUANTITY = 10_000  # units of one budget item (issue 14); times MAX_SATANG stays below 2**53
MAX_SATANG = 100_000_000_000  # a budget item's unit price: one billion baht, in satang

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_CODE10 = re.compile(r"^[0-9]{10}$")
_ONE_DIGIT_REPEATED = re.compile(r"^([0-9])\1{9}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_KNOWN_DAY_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?Z\Z", re.ASCII).match
# What clean_text(multiline=False) leaves out of one-line text: every control character and line
# break. A name holding one comes from elsewhere, and would stack lines in a report's table cell.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return thai_digits(text)


@dataclass(frozen=True)
class Rule:
    """What one column's value must be. ``kind`` is one of:

    * ``"text"`` (multi-line) and ``"line"`` (one line: no line break, no control character): a
      ``str`` of at most ``length`` characters, not blank when ``required``;
    * ``"integer"`` and ``"real"``: an ``int`` (never ``bool``) or a ``float`` from ``minimum`` to
      ``maximum`` in ``unit``;
    * ``"date"``: a real calendar date, ``YYYY-MM-DD`` (``2026-02-30`` and ``พรุ่งนี้`` are not),
      whose BE year is from :data:`MIN_YEAR_BE` to :data:`MAX_YEAR_BE`; ``""`` too when not
      ``required``;
    * ``"time"``: a clock time ``HH:MM`` (00:00–23:59), or ``""``;
    * ``"stamp"``: the app's own UTC stamp of a moment that exists (``2026-11-23T10:15:02.123Z``)
      in a year from :data:`MIN_STAMP_YEAR` to :data:`MAX_STAMP_YEAR`;
    * ``"choice"``: one of ``choices``; ``"pattern"``: a ``str`` matching ``pattern`` (ids, codes,
      hashes); ``"school_code"``: a ministry school code (:func:`school_code_problem`);
      ``"version"``: a version vector (see :func:`parse_version`).

    ``nullable``: ``None`` is allowed. A rule is called like a function: ``rule(value)`` is True
    when the value may be stored; :meth:`problem` says in Thai why not."""

    kind: str
    nullable: bool = False
    required: bool = False
    length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    choices: tuple[Any, ...] = ()
    pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        # The check of this kind, looked up once: an import checks every field of every row.
        object.__setattr__(self, "_check", getattr(self, f"_{self.kind}"))

    def __call__(self, value: Any) -> bool:
        return self.problem(value) is None

    def problem(self, value: Any) -> str | None:
        """None when ``value`` obeys the rule, else why not: a Thai phrase to follow a field's name."""
        if value is None:
            return None if self.nullable else "ต้องมีค่า"
        check: Callable[[Any], str | None] = self._check  # type: ignore[attr-defined]
        return check(value)

    def _text(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return "ต้องเป็นข้อความ"
        if self.length is not None and len(value) > self.length:
            return (f"ยาวเกินกำหนด ({_number(len(value))} ตัวอักษร เกิน {_number(self.length)} ตัวอักษร)")
        if self.required and not value.strip():
            return "ต้องไม่ว่าง"
        return None

    def _line(self, value: Any) -> str | None:
        found = self._text(value)
        if found is None and _NOT_ONE_LINE.search(value):
            return "ต้องเป็นข้อความบรรทัดเดียว ไม่มีการขึ้นบรรทัดใหม่หรืออักขระควบคุม"
        return found

    def _range(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        assert self.minimum is not None and self.maximum is not None
        if "ปี" in self.unit:  # a year is written without a thousands separator
            return f"ต้องอยู่ระหว่าง {thai_digits(str(self.minimum))} ถึง {thai_digits(str(self.maximum))}{unit}"
        return f"ต้องอยู่ระหว่าง {_number(self.minimum)} ถึง {_number(self.maximum)}{unit}"

    def _integer(self, value: Any) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return "ต้องเป็นจำนวนเต็ม"
        if not (self.minimum or 0) <= value <= (MAX_INTEGER if self.maximum is None else self.maximum):
            return self._range()
        return None

    def _real(self, value: Any) -> str | None:
        # A REAL column: SQLite hands back a float, and the row's digest must read the same on every
        # laptop, so a whole number travels as 3.0, never as 3.
        if not isinstance(value, float):
            return "ต้องเป็นตัวเลขทศนิยม"
        if not (self.minimum is not None and self.maximum is not None and self.minimum <= value <= self.maximum):
            return self._range()  # NaN fails every comparison, so it lands here too
        return None

    def _date(self, value: Any) -> str | None:
        if value == "" and not self.required:
            return None
        if not (isinstance(value, str) and _DATE.match(value) and real_date(value)):
            return "ไม่ใช่วันที่จริง (ใช้รูปแบบ ปี ค.ศ.-เดือน-วัน เช่น 2026-02-28)"
        if not MIN_YEAR_BE <= int(value[:4]) + BE_OFFSET <= MAX_YEAR_BE:
            hint = be_year_hint(int(value[:4]))
            return (f"ต้องเป็นวันที่ระหว่าง พ.ศ. {thai_digits(str(MIN_YEAR_BE))} ถึง {thai_digits(str(MAX_YEAR_BE))}"
                    f" (ปี ค.ศ. {thai_digits(str(MIN_YEAR_BE - BE_OFFSET))}–{thai_digits(str(MAX_YEAR_BE - BE_OFFSET))})"
                    + (f" ถ้าเป็นวันที่ของวันนี้ {hint}" if hint else ""))
        if len(_VALID_DATES) >= 4096:
            _VALID_DATES.clear()
        _VALID_DATES.add(value)  # a real date in the years: valid for any date rule, required or not
        return None

    def _time(self, value: Any) -> str | None:
        if value == "" or (isinstance(value, str) and _TIME.match(value)):
            return None
        return "ไม่ใช่เวลาจริง (ใช้รูปแบบ ชั่วโมง:นาที เช่น 09:30)"

    def _stamp(self, value: Any) -> str | None:
        if isinstance(value, str) and value in _VALID_STAMPS:
            return None  # a file's rows share stamps (an answer and its history row): each is parsed once
        if not (isinstance(value, str) and _TIMESTAMP.match(value) and real_timestamp(value)):
            return "ไม่ใช่เวลาจริง"
        if not MIN_STAMP_YEAR <= int(value[:4]) <= MAX_STAMP_YEAR:
            hint = be_year_hint(int(value[:4])) or "โปรดตรวจวันที่และเวลาของเครื่อง"
            return (f"ไม่ใช่เวลาจริง (ปี พ.ศ. {thai_digits(str(int(value[:4]) + BE_OFFSET))} ต้องอยู่ระหว่าง"
                    f" พ.ศ. {thai_digits(str(MIN_YEAR_BE))} ถึง {thai_digits(str(MAX_YEAR_BE))} {hint})")
        if len(_VALID_STAMPS) >= 4096:
            _VALID_STAMPS.clear()
        _VALID_STAMPS.add(value)
        return None

    def _choice(self, value: Any) -> str | None:
        if isinstance(value, bool) or value not in self.choices or type(value) is not type(self.choices[0]):
            return "ไม่ใช่ค่าที่โปรแกรมรู้จัก"
        return None

    def _pattern(self, value: Any) -> str | None:
        assert self.pattern is not None
        if isinstance(value, str) and self.pattern.match(value):
            return None
        return "รูปแบบไม่ถูกต้อง"

    def _school_code(self, value: Any) -> str | None:
        return school_code_problem(value)

    def _version(self, value: Any) -> str | None:
        if isinstance(value, str) and value in _VALID_VERSIONS:
            return None  # rows share a few versions (a laptop's first edits): each is parsed once
        if parse_version(value) is None:
            return "รูปแบบไม่ถูกต้อง"
        if len(_VALID_VERSIONS) >= 4096:
            _VALID_VERSIONS.clear()
        _VALID_VERSIONS.add(value)
        return None

    def _codes(self, value: Any) -> str | None:
        # A JSON list of item codes (a plan goal's items, plans/): at most ``length`` distinct codes.
        found = json_value(value, list)
        if found is None or len(found) > (self.length or 0) or len(set(map(str, found))) != len(found) or not all(
                isinstance(code, str) and 0 < len(code) <= MAX_CODE and not _NOT_ONE_LINE.search(code) for code in found):
            return "ต้องเป็นรายการรหัสประเด็นที่ไม่ซ้ำกัน"
        return None

    def _yearly(self, value: Any) -> str | None:
        # A JSON object of BE year -> number (a plan indicator's targets or actuals, plans/).
        found = json_value(value, dict)
        if found is None or not all(
                key.isascii() and key.isdigit() and MIN_YEAR_BE <= int(key) <= MAX_YEAR_BE
                and type(number) in (int, float) and abs(number) <= MAX_MEASURE for key, number in found.items()):
            return (f"ต้องเป็นค่ารายปี (ปี พ.ศ. {thai_digits(str(MIN_YEAR_BE))}–{thai_digits(str(MAX_YEAR_BE))}"
                    " กับตัวเลข)")
        return None


_VALID_VERSIONS: set[str] = set()  # version texts found valid lately (at most 4,096)
_VALID_STAMPS: set[str] = set()  # stamps found valid lately (at most 4,096): the rule of years is fixed
_VALID_DATES: set[str] = set()  # dates (YYYY-MM-DD) found real and in the years lately (at most 4,096)
_STAMP_DAYS: set[str] = set()  # the days (YYYY-MM-DD) of stamps found valid lately (at most 4,096)


def _stamp_passes(value: str) -> bool:
    # True only when Rule("stamp") takes the str ``value``. A school's stamps differ (ms apart) but
    # share a few days: on a day known real and in the years, a stamp is valid exactly when its
    # time is (_KNOWN_DAY_STAMP: ASCII, hour < 24, minute and second < 60, as fromisoformat holds).
    if value[:10] in _STAMP_DAYS and _KNOWN_DAY_STAMP(value) is not None:
        return True
    if not isinstance(value, str) or _TIMESTAMP.match(value) is None:
        return False
    if STAMP._stamp(value) is not None:
        return False
    if len(_STAMP_DAYS) >= 4096:
        _STAMP_DAYS.clear()
    _STAMP_DAYS.add(value[:10])
    return True


def json_value(text: Any, kind: type) -> Any:
    """The JSON value of ``kind`` (``list`` or ``dict``) that ``text`` holds, None when ``text``
    is not such JSON text (or longer than :data:`MAX_LINE` × 40 characters)."""
    if not isinstance(text, str) or len(text) > MAX_LINE * 40:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, kind) else None


def school_code_problem(code: Any) -> str | None:
    """None when ``code`` may be stored as a school's ministry code (schools and network schools),
    else why not, as a Thai phrase to follow the field's name: it must be a ``str`` of exactly 10
    Arabic digits (cleaning Thai digits, spaces and dashes is the write path's job,
    ``schools.validate_code``), and not one digit repeated ten times (``0000000000``,
    ``1111111111``): the ministry's codes begin with a province code (seed 001's network-school
    data, e.g. 52…, 63…), so such a code is a placeholder typed to get past the field, and two
    schools holding it would be mistaken for one in every exchange and report (issue 11)."""
    if not (isinstance(code, str) and _CODE10.match(code)):
        return "ต้องเป็นตัวเลข ๑๐ หลัก"
    if _ONE_DIGIT_REPEATED.match(code):
        return f"ต้องเป็นรหัสจริงของกระทรวง ไม่ใช่ตัวเลขเดียวกันทั้ง ๑๐ หลัก ({code})"
    return None


def parse_version(text: Any) -> dict[str, int] | None:
    """The version vector in ``text`` (a ``version`` column, see ``exchange/versions.py``), or None
    when it is not one: a JSON object of up to :data:`MAX_VERSION_ENTRIES` installation ids (1–100
    characters, no quotes or backslashes) to whole numbers from 1 to :data:`MAX_INTEGER`. ``{}``
    (no change counted) is the column's default."""
    if not isinstance(text, str) or len(text) > 8192:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict) or len(value) > MAX_VERSION_ENTRIES:
        return None
    for key, count in value.items():
        if not (0 < len(key) <= MAX_CODE and '"' not in key and "\\" not in key):
            return None
        if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= MAX_INTEGER:
            return None
    return value


# -- rule makers -----------------------------------------------------------------------------------
def text(*, nullable: bool = False) -> Rule:
    """Multi-line typed text of at most :data:`MAX_TEXT` characters."""
    return Rule("text", nullable=nullable, length=MAX_TEXT)


def line(length: int = MAX_LINE, *, required: bool = False) -> Rule:
    """One line of text of at most ``length`` characters (:data:`MAX_LINE` unless said)."""
    return Rule("line", required=required, length=length)


def integer(minimum: int, maximum: int = MAX_INTEGER, *, nullable: bool = False, unit: str = "") -> Rule:
    """A whole number from ``minimum`` to ``maximum`` (both included) in ``unit`` (Thai, as a
    message writes it: "คน", "ไบต์", "(ปี พ.ศ.)"); ``None`` too when ``nullable``."""
    return Rule("integer", nullable=nullable, minimum=minimum, maximum=maximum, unit=unit)


def choice(*choices: Any) -> Rule:
    """One of ``choices`` exactly (all of one type: ``0`` and ``1`` for a flag, never ``True``)."""
    return Rule("choice", choices=choices)


def date(*, required: bool = False) -> Rule:
    """A real calendar date ``YYYY-MM-DD`` (CE) whose BE year is from :data:`MIN_YEAR_BE` to
    :data:`MAX_YEAR_BE`; ``""`` (no date) too unless ``required``."""
    return Rule("date", required=required)


UUID = Rule("pattern", pattern=_UUID)
UUID_OR_NULL = Rule("pattern", pattern=_UUID, nullable=True)
CODE10 = Rule("school_code")
SHA256 = Rule("pattern", pattern=_SHA256)
SHA256_OR_NULL = Rule("pattern", pattern=_SHA256, nullable=True)
STAMP = Rule("stamp")
TIME = Rule("time")
FLAG = choice(0, 1)
CODE = line(MAX_CODE, required=True)
LEVEL = integer(MIN_LEVEL, MAX_LEVEL, nullable=True)
HEADCOUNT = integer(0, MAX_HEADCOUNT, nullable=True, unit="คน")
FILE_SIZE = integer(0, MAX_FILE_BYTES, unit="ไบต์")
TRACKED: dict[str, Rule] = {
    "created_at": STAMP, "modified_at": STAMP, "modified_by": CODE, "version": Rule("version"),
}
