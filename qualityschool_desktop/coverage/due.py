"""Who is due for a visit or a re-assessment this term, and who is overdue (issue 15).

For every school: its colour band (latest self-assessment), the visits the rules ask of it this
term (seed 004: at least twice a term for the lower bands) and the re-assessments (seed 001: the
yellow band three times, the green twice), what is done and what remains, remaining on top, done at
the bottom (Tangerine's coaches' "remaining on top, visited at the bottom").

What counts (the choices of s24/f15a, also written in ``resources/coverage/rules.json``):

- a **visit** is a visit record dated in the term, or a contact of a channel in
  ``contact_channels_counted`` (พบตัว, in person): seed 004's "visited at least twice a term" means
  being there;
- a contact by phone, LINE, e-mail or another channel of ``contact_channels_followed`` is
  **follow-up** (seed 004 §๒.๓ นิเทศทางอ้อม "การใช้เครื่องมือสื่อสาร"): counted in
  ``followups_done``, it keeps a school from being "untouched" and is named in the reason, but it
  does not replace a visit;
- a **re-assessment** is a *submitted* self-assessment dated in the term (a draft is not done).

What is **overdue** (judged on ``as_of``): a term needing *n* visits is cut into *n* equal parts and
the *k*-th visit is overdue once the *k*-th part has ended (the second of two only after the term
ends); re-assessments likewise. Besides, while a term runs, a school with visits still due that no
one has visited or contacted (visit, in person or follow-up channel) for more than
``max_days_untouched`` days of term time is overdue (CommCare's "not touched in 60 days"), counted
from the last touch across terms, but without the days between terms (the school holiday from
April to mid-May: a supervisor is not late for days the schools were closed; s26/e15c); a school never touched is *due*, not overdue, until its first part of the
term has run out. Nothing is overdue in a term that has not begun. A past term is seen as it stood at its end: the band of the rounds dated by then and no
visit, contact or assessment dated after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..collation import thai_key
from ..framework import Band
from ..visit_blanks import HOLDS_SOMETHING
from .reasons import part_ends, reason_for
from .rules import CoverageRules, Term

if TYPE_CHECKING:
    from ..workspace import Workspace

STATUS_LABELS = {"overdue": "เลยกำหนด", "due": "ถึงกำหนด", "done": "ครบแล้ว", "none": "ไม่มีกำหนด"}
_STATUS_ORDER = {"overdue": 0, "due": 1, "done": 2, "none": 3}


@dataclass(frozen=True)
class SchoolCoverage:
    """One school's coverage in a term. Counts are whole numbers; dates ISO (Common Era) or ``""``
    when never; ``band`` the colour band key (``""`` never assessed) and ``band_name`` its Thai name;
    ``status`` one of :data:`STATUS_LABELS`; ``followups_done`` the contacts of a follow-up channel in
    the term (``last_followup`` the newest's date, ``last_followup_channel`` its channel key) and
    ``reason`` one Thai line (Arabic digits, BE dates) saying what is due by when and which contact
    counted."""

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
    followups_done: int = 0
    last_followup: str = ""
    last_followup_channel: str = ""
    reason: str = ""

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
    return sum(1 for part in range(1, needed + 1) if part_ends(term, needed, part) < as_of)


def _overdue(term: Term, needed: int, done: int, as_of: date) -> int:
    return max(0, expected_by(term, needed, as_of) - done)


def term_days(rules: CoverageRules, after: date, until: date) -> int:
    """How many days ``d`` with ``after < d <= until`` fall in a term of ``rules`` (the break between
    school years not counted); 0 when ``until <= after``. Raises nothing."""
    total = 0
    for year_be in range(after.year + 542, until.year + 544):
        for number in (1, 2):
            term = rules.term(year_be, number)
            first, last = max(term.starts, after + timedelta(days=1)), min(term.ends, until)
            total += max(0, (last - first).days + 1)
    return total


def _bands_by(workspace: "Workspace", on: str | None) -> dict[str, Band | None]:
    """Every school's band: its newest submitted round, else its newest round; with ``on`` (ISO, a
    past term's last day) only the rounds dated by then (the assessment day, else the day created)."""
    rows = workspace.db.execute(
        "SELECT id, school_id, status FROM assessments WHERE ? IS NULL OR COALESCE(NULLIF(assessed_on, ''),"
        " substr(created_at, 1, 10)) <= ? ORDER BY school_id, status = 'submitted', fiscal_year, round",
        [on, on]).fetchall()
    chosen = {school_id: assessment_id for assessment_id, school_id, _status in rows}  # the last wins
    latest = workspace.assessments.latest_by_school()
    bands: dict[str, Band | None] = {}
    for school_id, assessment_id in chosen.items():
        if school_id in latest and latest[school_id][0].id == assessment_id:  # read already, with its answers
            bands[school_id] = latest[school_id][1].band
        else:
            bands[school_id] = workspace.assessments.result(assessment_id).band
    return bands


def coverage(workspace: "Workspace", rules: CoverageRules, term: Term, as_of: date) -> list[SchoolCoverage]:
    """Every school's coverage in ``term`` judged on ``as_of`` (a date; after the term's end all of
    it is judged, and the term is seen as it stood on its last day), overdue first, then due, then
    done, then schools with nothing due; Thai order of names within each. What counts and what is
    overdue: the module's docstring. Raises :class:`~qualityschool_desktop.errors.FrameworkError`
    when a round's framework is unknown."""
    db = workspace.db
    seen = min(as_of, term.ends)  # a past term as it stood at its end (F6)
    first, last, seen_text = term.starts.isoformat(), term.ends.isoformat(), seen.isoformat()
    bands = _bands_by(workspace, seen_text if seen < as_of else None)

    def per_school(sql: str, params: list[object]) -> dict[str, tuple[int, str]]:
        return {row[0]: (int(row[1] or 0), row[2] or "") for row in db.execute(sql, params).fetchall()}

    def marks(channels: tuple[str, ...]) -> str:
        return ", ".join("?" for _ in channels) or "NULL"

    visit_channels, follow_channels = rules.contact_channels_counted, rules.contact_channels_followed
    touching = (*visit_channels, *follow_channels)
    # A visit that holds something (C12: an empty draft left by one click is no visit made).
    visits = per_school("SELECT school_id, SUM(visited_on BETWEEN ? AND ?), MAX(visited_on) FROM visits AS v"
                        f" WHERE visited_on <= ? AND deleted_at IS NULL AND {HOLDS_SOMETHING} GROUP BY school_id", [first, last, seen_text])
    met = per_school(f"SELECT school_id, SUM(contacted_on BETWEEN ? AND ? AND channel IN ({marks(visit_channels)})),"
                     f" MAX(contacted_on) FROM contacts WHERE channel IN ({marks(touching)}) AND contacted_on <= ?"
                     " GROUP BY school_id", [first, last, *visit_channels, *touching, seen_text])
    followed: dict[str, tuple[int, str, str]] = {}
    for school_id, day, channel in db.execute(
            f"SELECT school_id, contacted_on, channel FROM contacts WHERE channel IN ({marks(follow_channels)})"
            " AND contacted_on BETWEEN ? AND ? ORDER BY contacted_on, seq", [*follow_channels, first, seen_text]):
        followed[school_id] = (followed.get(school_id, (0, "", ""))[0] + 1, day, channel)
    any_contact = per_school("SELECT school_id, 0, MAX(contacted_on) FROM contacts WHERE contacted_on <= ?"
                             " GROUP BY school_id", [seen_text])
    assessed = per_school("SELECT school_id, SUM(assessed_on BETWEEN ? AND ?), MAX(assessed_on) FROM assessments"
                          " WHERE status = 'submitted' AND assessed_on <> '' AND assessed_on <= ? GROUP BY school_id",
                          [first, last, seen_text])
    # The untouched rule runs only while the term runs (F5) and only for a school someone has
    # visited or contacted before: one never touched is due until its part of the term ends (F21);
    # one last touched more than the days of term time ago, across terms, is overdue (RETEST15 N2,
    # s26/e15c: the break between school years does not count).
    untouched_applies = term.starts <= as_of <= term.ends
    found = []
    for school in workspace.schools.list():
        school_id = school.id
        band = bands.get(school_id)
        key = band.key if band else ""
        lower = key in rules.visit_bands or (not key and rules.unassessed_due)
        visits_due = rules.visits_per_term if lower else 0
        visits_done = visits.get(school_id, (0, ""))[0] + met.get(school_id, (0, ""))[0]
        again_due = rules.reassessments.get(key, 0)
        again_done = assessed.get(school_id, (0, ""))[0]
        touched = max(visits.get(school_id, (0, ""))[1], met.get(school_id, (0, ""))[1])
        late_visits = _overdue(term, visits_due, visits_done, as_of)
        untouched = (untouched_applies and visits_done < visits_due and touched != ""
                     and term_days(rules, date.fromisoformat(touched), as_of) > rules.max_days_untouched)
        if untouched:
            late_visits = max(late_visits, 1)
        late_again = _overdue(term, again_due, again_done, as_of)
        follow_count, follow_day, follow_channel = followed.get(school_id, (0, "", ""))
        found.append(SchoolCoverage(
            school_id=school_id, code=school.code, name=school.name, district=school.district, band=key,
            band_name=band.name if band else "", visits_due=visits_due, visits_done=visits_done,
            reassessments_due=again_due, reassessments_done=again_done, overdue=late_visits + late_again,
            last_visit=visits.get(school_id, (0, ""))[1], last_assessment=assessed.get(school_id, (0, ""))[1],
            last_contact=any_contact.get(school_id, (0, ""))[1], followups_done=follow_count,
            last_followup=follow_day, last_followup_channel=follow_channel,
            reason=reason_for(term, as_of, rules.max_days_untouched, visits=(visits_done, visits_due, late_visits),
                              again=(again_done, again_due, late_again), untouched=untouched, never=not touched,
                              followup=(follow_day, follow_channel)),
        ))
    return sorted(found, key=lambda item: (_STATUS_ORDER[item.status], -item.remaining, thai_key(item.name)))


def due_count(items: list[SchoolCoverage]) -> int:
    """How many schools still have something to do (due or overdue)."""
    return sum(1 for item in items if item.status in ("due", "overdue"))


def due_list(workspace: "Workspace", on: date, rules: CoverageRules | None = None) -> list[SchoolCoverage]:
    """The schools due or overdue in the term ``on`` falls in, or the last one before it, in the
    coverage page's order (overdue first); rules default to :func:`~.rules.load_rules`'s. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` for an unreadable rules file and
    :class:`~qualityschool_desktop.errors.FrameworkError` as :func:`coverage`."""
    from .rules import load_rules

    rules = rules or load_rules()
    items = coverage(workspace, rules, rules.current_or_last_term(on), on)
    return [item for item in items if item.status in ("due", "overdue")]


def due_now(workspace: "Workspace", on: date, rules: CoverageRules | None = None) -> tuple[int, int]:
    """(schools due or overdue, of which overdue) as :func:`due_list` finds them. Raises as it."""
    items = due_list(workspace, on, rules)
    return len(items), sum(1 for item in items if item.status == "overdue")
