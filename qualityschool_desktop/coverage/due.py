"""Who is due for a visit or a re-assessment this term, and who is overdue (issue 15).

For every school: its colour band (latest self-assessment), the visits the rules ask of it this
term (seed 004: at least twice a term for the lower bands) and the re-assessments (seed 001: the
yellow band three times, the green twice), what is done (visits dated in the term, contacts of a
counted channel, self-assessments dated in the term), what remains, and what is overdue: a term
needing *n* visits is cut into *n* equal parts and the *k*-th visit is overdue once the *k*-th part
has ended (so the second of two is overdue only after the term ends); a school with visits still due
that no one has visited or met (a counted contact) for more than ``max_days_untouched`` days, or
ever, is overdue too (CommCare's "not touched in 60 days"). Remaining on top, done at the
bottom (Tangerine's coaches' "remaining on top, visited at the bottom").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..collation import thai_key
from .rules import CoverageRules, Term

if TYPE_CHECKING:
    from ..workspace import Workspace

STATUS_LABELS = {"overdue": "เลยกำหนด", "due": "ถึงกำหนด", "done": "ครบแล้ว", "none": "ไม่มีกำหนด"}
_STATUS_ORDER = {"overdue": 0, "due": 1, "done": 2, "none": 3}


@dataclass(frozen=True)
class SchoolCoverage:
    """One school's coverage in a term. Counts are whole numbers; dates ISO (Common Era) or ``""``
    when never; ``band`` the colour band key (``""`` never assessed) and ``band_name`` its Thai name;
    ``status`` one of :data:`STATUS_LABELS`."""

    school_id: str
    code: str
    name: str
    district: str
    band: str
    band_name: str
    visits_due: int
    visits_done: int
    reassessments_due: int
    reassessments_done: int
    overdue: int
    last_visit: str
    last_assessment: str
    last_contact: str

    @property
    def remaining(self) -> int:
        """Visits and re-assessments still to do this term (never negative)."""
        return (max(0, self.visits_due - self.visits_done)
                + max(0, self.reassessments_due - self.reassessments_done))

    @property
    def status(self) -> str:
        """``overdue`` (something past its part of the term), ``due``, ``done`` or ``none``."""
        if self.overdue:
            return "overdue"
        if self.remaining:
            return "due"
        return "done" if self.visits_due or self.reassessments_due else "none"


def expected_by(term: Term, needed: int, as_of: date) -> int:
    """How many of ``needed`` things should be done by ``as_of`` (the parts of ``term`` that have
    ended before it): 0 before the first part ends, ``needed`` after the term. Raises nothing."""
    if needed <= 0 or as_of <= term.starts:
        return 0
    days = (term.ends - term.starts).days + 1
    ended = 0
    for part in range(1, needed + 1):
        last_day = term.starts + timedelta(days=math.ceil(part * days / needed) - 1)
        if last_day < as_of:
            ended = part
    return ended


def _overdue(term: Term, needed: int, done: int, as_of: date) -> int:
    return max(0, expected_by(term, needed, as_of) - done)


def coverage(workspace: "Workspace", rules: CoverageRules, term: Term, as_of: date) -> list[SchoolCoverage]:
    """Every school's coverage in ``term`` judged on ``as_of`` (a date; after the term's end all of
    it is judged), its band that of its newest submitted round (else its newest round), overdue first, then due, then done, then schools with nothing due; Thai order of
    names within each. Visits (any status), contacts and self-assessments count by their own date
    (ISO); one dated outside the term does not count for it. Raises
    :class:`~qualityschool_desktop.errors.FrameworkError` when a round's framework is unknown."""
    db = workspace.db
    latest = workspace.assessments.latest_by_school()
    # The band a school has reached is its newest *submitted* round's, when a draft is newer (a
    # half-answered draft's band says little); a school with drafts only is judged by its newest.
    submitted = {row[0]: row[1] for row in db.execute(
        "SELECT a.school_id, a.id FROM assessments AS a WHERE a.status = 'submitted' AND NOT EXISTS (SELECT 1"
        " FROM assessments AS b WHERE b.school_id = a.school_id AND b.status = 'submitted' AND (b.fiscal_year >"
        " a.fiscal_year OR (b.fiscal_year = a.fiscal_year AND b.round > a.round)))").fetchall()}
    first, last = term.starts.isoformat(), term.ends.isoformat()
    as_of_text = as_of.isoformat()

    def per_school(sql: str, params: list[object]) -> dict[str, tuple[int, str]]:
        return {row[0]: (int(row[1]), row[2] or "") for row in db.execute(sql, params).fetchall()}

    visits = per_school("SELECT school_id, SUM(visited_on BETWEEN ? AND ?), MAX(visited_on) FROM visits"
                        " WHERE visited_on <= ? GROUP BY school_id", [first, last, as_of_text])
    counted = list(rules.contact_channels_counted)
    marks = ", ".join("?" for _ in counted) or "NULL"
    met = per_school(f"SELECT school_id, 0, MAX(contacted_on) FROM contacts WHERE channel IN ({marks})"
                     " AND contacted_on <= ? GROUP BY school_id", [*counted, as_of_text])
    untouched_since = (as_of - timedelta(days=rules.max_days_untouched)).isoformat()
    contacts = per_school(f"SELECT school_id, SUM(contacted_on BETWEEN ? AND ? AND channel IN ({marks})),"
                          " MAX(contacted_on) FROM contacts WHERE contacted_on <= ? GROUP BY school_id",
                          [first, last, *counted, as_of_text])
    assessed = per_school("SELECT school_id, SUM(assessed_on BETWEEN ? AND ?), MAX(assessed_on) FROM assessments"
                          " WHERE assessed_on <> '' AND assessed_on <= ? GROUP BY school_id",
                          [first, last, as_of_text])
    found = []
    for school in workspace.schools.list():
        school_id = school.id
        if school_id in submitted and latest[school_id][0].id != submitted[school_id]:
            band = workspace.assessments.result(submitted[school_id]).band
        else:
            band = latest[school_id][1].band if school_id in latest else None
        key = band.key if band else ""
        lower = key in rules.visit_bands or (not key and rules.unassessed_due)
        visits_due = rules.visits_per_term if lower else 0
        visits_done = visits.get(school_id, (0, ""))[0] + contacts.get(school_id, (0, ""))[0]
        again_due = rules.reassessments.get(key, 0)
        again_done = assessed.get(school_id, (0, ""))[0]
        touched = max(visits.get(school_id, (0, ""))[1], met.get(school_id, (0, ""))[1])
        late_visits = _overdue(term, visits_due, visits_done, as_of)
        if visits_done < visits_due and touched < untouched_since:  # never ("") or too long ago
            late_visits = max(late_visits, 1)
        found.append(SchoolCoverage(
            school_id=school_id, code=school.code, name=school.name, district=school.district, band=key,
            band_name=band.name if band else "", visits_due=visits_due, visits_done=visits_done,
            reassessments_due=again_due, reassessments_done=again_done,
            overdue=late_visits + _overdue(term, again_due, again_done, as_of),
            last_visit=visits.get(school_id, (0, ""))[1], last_assessment=assessed.get(school_id, (0, ""))[1],
            last_contact=contacts.get(school_id, (0, ""))[1],
        ))
    return sorted(found, key=lambda item: (_STATUS_ORDER[item.status], -item.remaining, thai_key(item.name)))


def due_count(items: list[SchoolCoverage]) -> int:
    """How many schools still have something to do (due or overdue)."""
    return sum(1 for item in items if item.status in ("due", "overdue"))


def due_now(workspace: "Workspace", on: date, rules: CoverageRules | None = None) -> tuple[int, int]:
    """(schools due or overdue, of which overdue) in the term ``on`` falls in, or the last one
    before it (the follow-up list and the dashboard show it); rules default to the bundled ones.
    Raises :class:`~qualityschool_desktop.errors.ValidationError` for an unreadable rules file and
    :class:`~qualityschool_desktop.errors.FrameworkError` as :func:`coverage`."""
    from .rules import load_rules

    rules = rules or load_rules()
    items = coverage(workspace, rules, rules.current_or_last_term(on), on)
    return due_count(items), sum(1 for item in items if item.status == "overdue")
