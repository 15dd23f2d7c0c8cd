"""Inspection rounds (รอบการตรวจราชการ) as records an office defines (issue 13).

The ministry inspects twice a fiscal year (seeds 000-002: "รอบที่ ๑" and "รอบที่ ๒"). A round is a
fiscal year (Buddhist Era), a round number, the period it covers (start and end dates), the
closing date for the schools' self-assessments and the form layout it prints (a file of
``resources/forms/``, :mod:`.layouts`). A school's self-assessment rounds are its own and are
numbered by the school; an inspection round does not pick "the school's N-th assessment" but
:func:`chosen_assessments`: each school's *latest submitted* self-assessment of the fiscal year
dated on or before the closing date, and :func:`visits_in_period` the final visits inside the period.

Dates are ``datetime.date`` (Common Era) in code and ISO text in the database; the UI shows them
in the Buddhist Era. Every message gives its dates, years and rounds in the Buddhist Era with Thai
digits ("๑ ต.ค. ๒๕๖๘"), as the core's messages do; the window and the command line show them in
the chosen digits. Every write goes through :meth:`CoreDatabase.write`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Collection

from ..clock import now_iso
from ..errors import NotFoundError, ValidationError
from ..ids import new_id
from ..storage import CoreDatabase
from ..thai import BE_OFFSET, format_date, thai_digits
from ..thai_dates import parse_date
from ..value_rules import MAX_YEAR_BE, MIN_YEAR_BE

MAX_ROUND = 12
BAD_YEAR = "ปีงบประมาณ {year} ไม่ถูกต้อง (ใช้ปี พ.ศ. ตั้งแต่ ๒๕๐๐ ถึง ๒๗๐๐ เช่น ๒๕๖๙)"
BAD_ROUND = "รอบการตรวจราชการต้องเป็นเลขตั้งแต่ ๑ ถึง ๑๒"
BAD_DATE = "วันที่{what}ไม่ถูกต้อง: {why}"
DATE_OUT_OF_RANGE = "ปี พ.ศ. {year} อยู่นอกช่วงที่โปรแกรมเก็บได้ (พ.ศ. {low}–{high})"
MISSING_DATE = (
    "ระบุวันที่เริ่มรอบ ({start}) แต่ไม่ได้ระบุวันที่{what}: วันที่{what}ตามปกติของรอบนี้ ({usual})"
    " อยู่ก่อนวันที่เริ่มรอบ กรุณาระบุวันที่{what}ด้วย"
)
BAD_PERIOD = "วันสิ้นสุดรอบต้องไม่ก่อนวันเริ่มรอบ"
BAD_CLOSING = "วันปิดรับผลการประเมินตนเองต้องไม่ก่อนวันเริ่มรอบ"
BAD_LAYOUT = "ไม่มีแบบฟอร์ม \"{layout}\" (มี {known})"
NOT_DEFINED = "ยังไม่ได้กำหนดรอบการตรวจราชการที่ {round} ของปีงบประมาณ {year} ({defined})"
DEFINED = "รอบที่กำหนดไว้: {rounds}"
NONE_DEFINED = "ปีนี้ยังไม่ได้กำหนดรอบใดไว้"
NO_DEFAULT_PERIOD = (
    "รอบที่ {round} ไม่มีช่วงเวลาตั้งต้น (มีเฉพาะรอบที่ ๑ และ ๒) กรุณาระบุวันเริ่มรอบ วันสิ้นสุดรอบ"
    " และวันปิดรับผลการประเมินตนเอง"
)
OUTSIDE_YEAR = "วันที่{what} ({day}) อยู่นอกปีงบประมาณ {year} ({first} ถึง {last}) จึงยังไม่ได้กำหนดรอบ"
EXISTS = (
    "รอบที่ {round} ของปีงบประมาณ {year} กำหนดไว้แล้ว ({start} ถึง {end} ปิดรับผลการประเมินตนเอง {closes})"
    " จึงยังไม่ได้แทนที่"
)
OVERLAPS = (
    "ช่วงเวลาของรอบที่ {round} ({start} ถึง {end}) ทับกับ{others} ของปีงบประมาณ {year}"
    ": การนิเทศแต่ละครั้งต้องอยู่ในรอบเดียว จึงยังไม่ได้กำหนดรอบ แก้วันเริ่มหรือวันสิ้นสุดรอบให้ไม่ทับกัน"
)
OVERLAPPED = "รอบที่ {round} ({start} ถึง {end})"  # one round the new period overlaps
DATE_WHAT = {"starts_on": "เริ่มรอบ", "ends_on": "สิ้นสุดรอบ", "closes_on": "ปิดรับผลการประเมินตนเอง"}
# The day a self-assessment counts from: the day it was assessed, or the day it was last changed.
_DAY = "(CASE WHEN assessed_on <> '' THEN assessed_on ELSE substr(modified_at, 1, 10) END)"


@dataclass(frozen=True)
class InspectionRound:
    """One inspection round: ``fiscal_year`` BE (e.g. 2569), ``round`` 1-12, the period
    ``starts_on``-``ends_on`` and ``closes_on`` (ISO dates, Common Era), ``layout`` the id of its
    form layout (``"round1"``, ``"round2"``: :mod:`.layouts`); stamps are UTC text."""

    id: str
    fiscal_year: int
    round: int
    starts_on: str
    ends_on: str
    closes_on: str
    layout: str
    created_at: str
    modified_at: str
    modified_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "InspectionRound":
        """The round held in a row of ``inspection_rounds`` (a dict by column name)."""
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def period(self) -> tuple[date, date]:
        """(start, end) of the period the round covers, both days included."""
        return date.fromisoformat(self.starts_on), date.fromisoformat(self.ends_on)

    @property
    def closing_date(self) -> date:
        """The last day a self-assessment counts for the round."""
        return date.fromisoformat(self.closes_on)


def _day(value: date | str) -> str:
    """A day (``date`` or ISO text) as a message writes it: "๑ ต.ค. ๒๕๖๘"."""
    return format_date(value if isinstance(value, date) else date.fromisoformat(value), short=True, style="thai")


def _listed(parts: list[str]) -> str:
    """"ก", "ก และข", "ก, ข และค"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} และ{parts[-1]}"


def fiscal_year_dates(fiscal_year: int) -> tuple[date, date]:
    """The first and last day of ``fiscal_year`` (BE): 1 October of the year before to
    30 September (CE dates). Raises nothing."""
    ce = fiscal_year - 543
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def default_period(fiscal_year: int, round: int) -> tuple[date, date, date]:
    """The usual (start, end, closing) of round 1 or 2 of ``fiscal_year`` (BE): round 1 covers
    1 October to 31 March, round 2 1 April to 30 September (the fiscal year's halves; the closing
    date is the period's last day). Raises :class:`ValidationError` (Thai) for another round."""
    ce = fiscal_year - 543
    if round == 1:
        return date(ce - 1, 10, 1), date(ce, 3, 31), date(ce, 3, 31)
    if round == 2:
        return date(ce, 4, 1), date(ce, 9, 30), date(ce, 9, 30)
    raise ValidationError(NO_DEFAULT_PERIOD.format(round=thai_digits(round)))


def _iso(value: Any, what: str) -> str:
    """A round's date as ISO text: a ``date`` as it is, text read as the window reads it
    (:func:`~..thai_dates.parse_date`: BE or CE, Thai digits, ``1/10/2570``, ``2571-04-01`` is BE);
    either one refused unless its BE year is within MIN_YEAR_BE–MAX_YEAR_BE."""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = parse_date(str(value))
        except ValidationError as exc:
            raise ValidationError(BAD_DATE.format(what=DATE_WHAT[what], why=exc)) from None
        if value is None:
            raise ValidationError(BAD_DATE.format(what=DATE_WHAT[what], why="ไม่ได้กรอกวันที่"))
    if not MIN_YEAR_BE <= value.year + BE_OFFSET <= MAX_YEAR_BE:
        why = DATE_OUT_OF_RANGE.format(year=thai_digits(value.year + BE_OFFSET), low=thai_digits(MIN_YEAR_BE),
                                       high=thai_digits(MAX_YEAR_BE))
        raise ValidationError(BAD_DATE.format(what=DATE_WHAT[what], why=why))
    return value.isoformat()


class InspectionRounds:
    """The inspection rounds of a workspace (``workspace.inspection_rounds``)."""

    def __init__(self, db: CoreDatabase, installation_id: str) -> None:
        self._db = db
        self._installation_id = installation_id

    def define(
        self, fiscal_year: int, round: int, *, starts_on: Any = None, ends_on: Any = None, closes_on: Any = None,
        layout: str | None = None, replace: bool = False,
    ) -> InspectionRound:
        """Define (or redefine) round ``round`` of ``fiscal_year`` (BE) and return it. Dates are
        ``date`` or text as the window reads it (:func:`~..thai_dates.parse_date`: ``1/10/2569``,
        ``2026-10-01``; a four-digit year from 2400 up is BE); each one left out takes
        :func:`default_period`'s value (rounds 1 and 2 only); ``layout`` defaults to ``"round1"``
        for round 1, ``"round2"`` for the others. Raises :class:`ValidationError` (Thai) for a bad
        year, round, date (one outside BE MIN_YEAR_BE–MAX_YEAR_BE too), an end or closing date
        left out whose usual value falls before the given start (the message names what is
        missing), an end or closing date before the start, a date outside the fiscal year
        (1 October of the year before to 30 September), an unknown layout, a round already
        defined unless ``replace`` (:data:`EXISTS`; a tester found rounds silently replaced), or a
        period sharing a day with other rounds of the year (:data:`OVERLAPS`, naming each and its
        dates in the Buddhist Era: a visit belongs to one round) (nothing is written then), and
        ``StorageError`` when the database cannot be written."""
        from .layouts import layout_ids

        if not isinstance(fiscal_year, int) or not 2500 <= fiscal_year <= 2700:
            raise ValidationError(BAD_YEAR.format(year=thai_digits(fiscal_year) if isinstance(fiscal_year, int)
                                                  else fiscal_year))
        if not isinstance(round, int) or not 1 <= round <= MAX_ROUND:
            raise ValidationError(BAD_ROUND)
        given = {"starts_on": starts_on, "ends_on": ends_on, "closes_on": closes_on}
        if any(value is None for value in given.values()):
            defaults = dict(zip(("starts_on", "ends_on", "closes_on"), default_period(fiscal_year, round)))
            given = {key: defaults[key] if value is None else value for key, value in given.items()}
        values: dict[str, Any] = {key: _iso(value, key) for key, value in given.items()}
        for key, typed in (("ends_on", ends_on), ("closes_on", closes_on)):
            if starts_on is not None and typed is None and values[key] < values["starts_on"]:
                raise ValidationError(MISSING_DATE.format(
                    start=_day(values["starts_on"]), what=DATE_WHAT[key], usual=_day(values[key])))
        if values["ends_on"] < values["starts_on"]:
            raise ValidationError(BAD_PERIOD)
        if values["closes_on"] < values["starts_on"]:
            raise ValidationError(BAD_CLOSING)
        first, last = fiscal_year_dates(fiscal_year)
        for key in ("starts_on", "ends_on", "closes_on"):
            day = date.fromisoformat(values[key])
            if not first <= day <= last:
                raise ValidationError(OUTSIDE_YEAR.format(
                    what=DATE_WHAT[key], day=_day(day), year=thai_digits(fiscal_year), first=_day(first),
                    last=_day(last)))
        layout = layout or ("round1" if round == 1 else "round2")
        known = layout_ids()
        if layout not in known:
            raise ValidationError(BAD_LAYOUT.format(layout=layout, known=", ".join(known)))
        values["layout"] = layout
        stamp = now_iso()
        existing = self.find(fiscal_year, round)
        if existing is not None and not replace:
            raise ValidationError(EXISTS.format(
                round=thai_digits(round), year=thai_digits(fiscal_year), start=_day(existing.starts_on),
                end=_day(existing.ends_on), closes=_day(existing.closes_on)))
        self._refuse_overlap(fiscal_year, round, values["starts_on"], values["ends_on"])
        with self._db.write():
            if existing is None:
                self._db.table("inspection_rounds").insert({
                    "id": new_id(), "fiscal_year": fiscal_year, "round": round, **values,
                    "created_at": stamp, "modified_at": stamp, "modified_by": self._installation_id,
                })
            else:
                self._db.table("inspection_rounds").update(
                    existing.id, {**values, "modified_at": stamp, "modified_by": self._installation_id})
        found = self.find(fiscal_year, round)
        assert found is not None
        return found

    def _refuse_overlap(self, fiscal_year: int, round: int, starts_on: str, ends_on: str) -> None:
        """Raise :data:`OVERLAPS`, naming every other round of ``fiscal_year`` that shares a day
        with the period ``starts_on``-``ends_on`` (ISO, both days included) and its period."""
        others = [OVERLAPPED.format(round=thai_digits(other.round), start=_day(other.starts_on),
                                    end=_day(other.ends_on))
                  for other in self.of_year(fiscal_year)
                  if other.round != round and other.starts_on <= ends_on and starts_on <= other.ends_on]
        if others:
            raise ValidationError(OVERLAPS.format(round=thai_digits(round), year=thai_digits(fiscal_year),
                                                  start=_day(starts_on), end=_day(ends_on), others=_listed(others)))

    def find(self, fiscal_year: int, round: int) -> InspectionRound | None:
        """Round ``round`` of ``fiscal_year`` (BE), None when it is not defined. Raises nothing."""
        rows = list(self._db.query(
            "SELECT * FROM inspection_rounds WHERE fiscal_year = ? AND round = ?", [fiscal_year, round]))
        return InspectionRound.from_row(rows[0]) if rows else None

    def get(self, fiscal_year: int, round: int) -> InspectionRound:
        """Round ``round`` of ``fiscal_year`` (BE). Raises :class:`NotFoundError` (a
        :class:`ValidationError`-like Thai message naming the rounds that are defined that year)
        when it is not defined: the command line exits 2 on it."""
        found = self.find(fiscal_year, round)
        if found is None:
            numbers = [item.round for item in self.of_year(fiscal_year)]
            defined = (DEFINED.format(rounds=", ".join(thai_digits(n) for n in numbers)) if numbers
                       else NONE_DEFINED)
            raise NotFoundError(NOT_DEFINED.format(round=thai_digits(round), year=thai_digits(fiscal_year),
                                                   defined=defined))
        return found

    def of_year(self, fiscal_year: int) -> list[InspectionRound]:
        """The rounds of ``fiscal_year`` (BE), by number."""
        return [InspectionRound.from_row(row) for row in self._db.query(
            "SELECT * FROM inspection_rounds WHERE fiscal_year = ? ORDER BY round", [fiscal_year])]

    def all(self) -> list[InspectionRound]:
        """Every round defined, newest first."""
        return [InspectionRound.from_row(row) for row in self._db.query(
            "SELECT * FROM inspection_rounds ORDER BY fiscal_year DESC, round DESC")]

    def previous(self, inspection: InspectionRound) -> InspectionRound | None:
        """The round defined before ``inspection`` (an earlier number of its year, else the last
        one of an earlier year), None when there is none."""
        rows = list(self._db.query(
            "SELECT * FROM inspection_rounds WHERE fiscal_year < ? OR (fiscal_year = ? AND round < ?)"
            " ORDER BY fiscal_year DESC, round DESC LIMIT 1",
            [inspection.fiscal_year, inspection.fiscal_year, inspection.round]))
        return InspectionRound.from_row(rows[0]) if rows else None

    def chosen_assessments(
        self, inspection: InspectionRound, school_ids: Collection[str] | None = None
    ) -> dict[str, str]:
        """School id -> the id of the self-assessment the round reports: the school's latest
        *submitted* assessment of the round's fiscal year dated on or before its closing date (the
        date it was assessed, or the day it was last changed when that is not set). Later rounds of
        the school win over earlier ones of the same date. Schools without one are left out;
        ``school_ids`` keeps those schools (every school when None). Raises nothing."""
        return self._latest_of_year(inspection, "submitted", school_ids)

    def _latest_of_year(self, inspection: InspectionRound, status: str,
                        school_ids: Collection[str] | None) -> dict[str, str]:
        """School id -> the id of its latest assessment of ``status`` of the round's fiscal year
        dated on or before the closing date (:meth:`chosen_assessments`' rule), for ``school_ids``
        (every school when None)."""
        # (school id, assessment id) pairs in order, the closing date compared in SQL: dict() keeps
        # each school's last pair, the latest, without a line of Python per row (issue 16: these
        # ran twice per district picture over every round of two years).
        pairs = dict(self._db.execute(
            "SELECT school_id, id FROM assessments WHERE status = ? AND fiscal_year = ?"
            f" AND {_DAY} <= ? ORDER BY school_id, {_DAY}, round, created_at",
            [status, inspection.fiscal_year, inspection.closes_on]))
        if school_ids is None:
            return pairs
        wanted = set(school_ids)
        return {school_id: assessment_id for school_id, assessment_id in pairs.items() if school_id in wanted}

    def late_submissions(
        self, inspection: InspectionRound, school_ids: Collection[str] | None = None
    ) -> dict[str, str]:
        """School id -> the day (ISO) of the school's first *submitted* self-assessment of the
        round's fiscal year dated after its closing date (the same day rule as
        :meth:`chosen_assessments`): a school that did assess, only too late for the round, is
        said so rather than "not started" (tester's F17). Raises nothing."""
        wanted = None if school_ids is None else set(school_ids)
        rows = self._db.execute(
            f"SELECT school_id, min({_DAY}) FROM assessments WHERE status = 'submitted' AND fiscal_year = ?"
            f" AND {_DAY} > ? GROUP BY school_id", [inspection.fiscal_year, inspection.closes_on])
        return {school_id: day for school_id, day in rows if wanted is None or school_id in wanted}

    def open_drafts(
        self, inspection: InspectionRound, school_ids: Collection[str] | None = None
    ) -> dict[str, str]:
        """School id -> the id of the school's latest *draft* self-assessment of the round's
        fiscal year dated on or before its closing date (the same day rule as
        :meth:`chosen_assessments`): what the school is still typing for the round, or a round the
        office returned and the school reopened. Schools without one are left out; ``school_ids``
        keeps those schools (every school when None). Raises nothing."""
        return self._latest_of_year(inspection, "draft", school_ids)
