"""Coverage and cadence rules as data and the terms of the Thai school year. The rules are the
bundled ``resources/coverage/rules.json`` (the seeds' values) unless the office keeps its own copy,
``coverage-rules.json`` in the per-user data folder (the tester's F17: the program folder is
replaced at each upgrade); the coverage page names the file in force and makes the copy.

The school year (ปีการศึกษา, named by its BE year) has two terms (DOMAIN.md): ภาคเรียนที่ ๑ from
mid-May to the end of October and ภาคเรียนที่ ๒ from 1 November to 31 March of the next calendar
year; April to mid-May is the break and belongs to no term. It is not the fiscal year (1 October –
30 September). The rules' defaults are the seeds' values, each rule naming its seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..json_files import read_json
from .. import office_rules
from ..paths import resource_path

CHANNELS = {"phone": "โทรศัพท์", "line": "LINE", "email": "อีเมล", "in_person": "พบตัว", "other": "อื่น ๆ"}


@dataclass(frozen=True)
class Term:
    """One term of a school year: ``year`` BE (the school year's name), ``number`` 1 or 2, the
    first and last day (inclusive, Common Era dates)."""

    year: int
    number: int
    starts: date
    ends: date

    def holds(self, day: date) -> bool:
        """True when ``day`` falls in this term (both ends included)."""
        return self.starts <= day <= self.ends


@dataclass(frozen=True)
class CoverageRules:
    """The rules: term bounds as (month, day) pairs, visits per term for schools in ``visit_bands``
    (colour band keys; ``unassessed_due``: schools never assessed too), the contact channels that
    count as a visit (``contact_channels_counted``: in person) and those that count as follow-up
    (``contact_channels_followed``: phone, LINE, e-mail, other — not a visit, but a touch),
    ``max_days_untouched`` (days; a school with visits still due that has had no visit nor contact
    of either kind for more days of term time is overdue, counted from the last touch; the break
    between school years does not count) and re-assessments per band key within a
    term; ``sources`` names the seed of each rule; ``path`` the file they were read from."""

    first_term: tuple[tuple[int, int], tuple[int, int]]
    second_term: tuple[tuple[int, int], tuple[int, int]]
    visits_per_term: int
    visit_bands: tuple[str, ...]
    unassessed_due: bool
    contact_channels_counted: tuple[str, ...]
    max_days_untouched: int
    reassessments: dict[str, int]
    sources: dict[str, str]
    contact_channels_followed: tuple[str, ...] = ()
    path: str = ""

    def term(self, year_be: int, number: int) -> Term:
        """Term ``number`` (1 or 2) of school year ``year_be`` (BE). Raises
        :class:`~qualityschool_desktop.errors.ValidationError` (Thai) for another number."""
        if number not in (1, 2):
            raise ValidationError(f"ภาคเรียนต้องเป็น ๑ หรือ ๒ (ได้รับ {number})")
        ce = year_be - 543
        (sm, sd), (em, ed) = self.first_term if number == 1 else self.second_term
        starts = date(ce, sm, sd) if number == 1 else date(ce if sm >= 5 else ce + 1, sm, sd)
        ends = date(ce, em, ed) if number == 1 else date(ce + 1 if em < 5 else ce, em, ed)
        return Term(year_be, number, starts, ends)

    def term_of(self, day: date) -> Term | None:
        """The term ``day`` falls in, or None in the break between school years."""
        for year_be in (day.year + 543, day.year + 542):
            for number in (1, 2):
                found = self.term(year_be, number)
                if found.holds(day):
                    return found
        return None

    def current_or_last_term(self, day: date) -> Term:
        """The term ``day`` falls in or, in the break, the term that ended last before it."""
        found = self.term_of(day)
        if found is not None:
            return found
        for year_be in (day.year + 543, day.year + 542, day.year + 541):
            for number in (2, 1):
                candidate = self.term(year_be, number)
                if candidate.ends < day:
                    return candidate
        raise AssertionError("unreachable: a term ended within two years")


OFFICE_RULES_NAME = "coverage-rules.json"
BANDS = ("purple", "blue", "green", "yellow", "orange", "red")  # the framework's colour band keys


def office_rules_path() -> Path:
    """Where an office keeps its own rules: ``coverage-rules.json`` in the per-user data folder
    (:func:`~qualityschool_desktop.paths.user_data_dir`; kept across upgrades, unlike the program
    folder). It may not exist. Raises ``OSError`` when the data folder cannot be created."""
    return office_rules.copy_path(OFFICE_RULES_NAME)


def rules_source() -> Path:
    """The rules file in force: the office's (:func:`office_rules_path`) when there is one, else
    the bundled ``resources/coverage/rules.json``."""
    return office_rules.in_force(OFFICE_RULES_NAME, resource_path("coverage", "rules.json"))


def make_office_rules() -> Path:
    """Copy the bundled rules to :func:`office_rules_path` for the office to edit, unless a file is
    already there (never overwritten); return its path. Raises
    :class:`~qualityschool_desktop.errors.StorageError` (Thai) when it cannot be written."""
    return office_rules.make_copy(OFFICE_RULES_NAME, resource_path("coverage", "rules.json"), "กฎการนิเทศติดตาม")


def _month_day(text: str) -> tuple[int, int]:
    month, day = (int(part) for part in text.split("-"))
    date(2000, month, day)  # a real day (2000 is a leap year)
    return month, day


def _refuse(path: Path, why: str) -> ValidationError:
    return ValidationError(f"กฎการนิเทศติดตามในไฟล์ {path} ใช้ไม่ได้: {why}")


def _read(path: Path) -> dict[str, Any]:
    data = read_json(path, "กฎการนิเทศติดตาม")  # the one reader of hand-edited JSON (Thai, Notepad's encodings)
    if not isinstance(data, dict):
        raise _refuse(path, "ไฟล์ต้องเป็น JSON แบบ { … }")
    return data


def load_rules(path: Path | None = None) -> CoverageRules:
    """The rules in ``path`` (JSON; default :func:`rules_source`: the office's file, else the
    bundled one), ``path`` recorded in :attr:`CoverageRules.path`. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` (Thai, naming the file) when the file is
    unreadable, not JSON, lacks a section or holds a value out of range (counts 0–31, days 1–366,
    known colour bands and channels, a channel in one list only, real month-day bounds)."""
    path = Path(path or rules_source())
    data = _read(path)
    try:
        terms, visits, again = data["terms"], data["visits"], data["reassessments"]
    except KeyError as error:
        raise _refuse(path, f"ไม่มีหัวข้อ {error.args[0]}") from None
    try:
        bounds = (_month_day(terms["first"]["starts"]), _month_day(terms["first"]["ends"]),
                  _month_day(terms["second"]["starts"]), _month_day(terms["second"]["ends"]))
    except (KeyError, ValueError, TypeError, AttributeError):
        raise _refuse(path, "วันเริ่มและวันสิ้นสุดภาคเรียนต้องเป็น \"เดือน-วัน\" เช่น \"05-16\"") from None
    try:
        rules = CoverageRules(
            first_term=(bounds[0], bounds[1]), second_term=(bounds[2], bounds[3]),
            visits_per_term=int(visits["per_term"]), visit_bands=tuple(str(b) for b in visits["bands"]),
            unassessed_due=bool(visits.get("unassessed_due", True)),
            contact_channels_counted=tuple(str(c) for c in visits.get("contact_channels_counted", [])),
            max_days_untouched=int(visits.get("max_days_untouched", 60)),
            contact_channels_followed=tuple(str(c) for c in visits.get("contact_channels_followed", [])),
            reassessments={str(k): int(v) for k, v in again["per_band"].items()},
            sources={"terms": str(terms.get("source", "")), "visits": str(visits.get("source", "")),
                     "reassessments": str(again.get("source", ""))},
            path=str(path),
        )
    except KeyError as error:
        raise _refuse(path, f"ไม่มีหัวข้อ {error.args[0]}") from None
    except (ValueError, TypeError, AttributeError):
        raise _refuse(path, "จำนวนครั้งและจำนวนวันต้องเป็นตัวเลข") from None
    counts = [rules.visits_per_term, *rules.reassessments.values()]
    if any(not 0 <= count <= 31 for count in counts):
        raise _refuse(path, "จำนวนครั้งต้องอยู่ระหว่าง ๐ ถึง ๓๑")
    if not 1 <= rules.max_days_untouched <= 366:
        raise _refuse(path, "จำนวนวันที่ไม่ได้นิเทศหรือติดต่อต้องอยู่ระหว่าง ๑ ถึง ๓๖๖ วัน")
    if any(band not in BANDS for band in (*rules.visit_bands, *rules.reassessments)):
        raise _refuse(path, "กลุ่มสีต้องเป็น " + " ".join(BANDS))
    if any(channel not in CHANNELS for channel in (*rules.contact_channels_counted, *rules.contact_channels_followed)):
        raise _refuse(path, "ช่องทางการติดต่อต้องเป็น " + " ".join(CHANNELS))
    if set(rules.contact_channels_counted) & set(rules.contact_channels_followed):
        raise _refuse(path, "ช่องทางการติดต่อหนึ่งนับได้อย่างเดียว: เป็นการนิเทศ หรือเป็นการติดตาม")
    return rules
