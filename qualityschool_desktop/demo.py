"""The demo database: Tak province's quality schools with invented self-assessments.

``python main.py demo --db PATH`` and the welcome page's "open the demo data" call
:func:`build_demo`. The schools' names, districts and area offices are real (seed 002, kept in
``resources/demo/tak-quality-schools.json``); everything else - school codes, pupil and teacher
numbers, assessors, levels, evidence - is invented here and every school is stored with
``is_demo=True``, so no one mistakes it for a school's real result.

The build is deterministic: one ``random.Random`` with a fixed seed, and the schools in the file's
order. The same ``today`` gives the same answers on every machine, so a screenshot in the README
and a newcomer's first look show the same picture.

It goes through the core's public API only (schools, assessments, answers), exactly as a user's
clicks would, so the demo also exercises the paths real data takes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Mapping

from . import paths
from .assessments import ROLES
from .demo_plans import add_demo_plans
from .demo_budget import add_demo_budget
from .demo_contacts import add_demo_contacts
from .demo_indicators import add_demo_indicators
from .demo_projects import add_demo_projects
from .demo_visits import add_demo_visits
from .framework import Framework, Item
from .schools import School
from .scoring import AssessmentResult, score_assessment
from .thai import be_year, fiscal_year_of, thai_digits
from .workspace import Workspace

DEMO_FILE = ("demo", "tak-quality-schools.json")
# Any fixed number will do; it only has to stay the same so the demo does too.
SEED = 2567_002

# Codes start with "99": no province code is 99, so a demo code never collides with a real one.
DEMO_CODE_PREFIX = "99"

# ---------------------------------------------------------------------------------------------
# The invented part: what happened at each school. One entry per school, in the JSON's order.
# ---------------------------------------------------------------------------------------------

# Target mean level (1.00-5.00) of the latest submitted round, per colour band: a range inside
# the band's default thresholds (purple >= 4.5, blue >= 4.0, green >= 3.5, yellow >= 3.0,
# orange >= 2.5, red below) with room for the +-0.05 the planner allows.
BAND_TARGETS: Mapping[str, tuple[float, float]] = {
    "purple": (4.58, 4.75),
    "blue": (4.10, 4.38),
    "green": (3.60, 3.90),
    "yellow": (3.10, 3.40),
    "orange": (2.60, 2.90),
    "red": (2.00, 2.40),
}

# How far each component (1 infrastructure, 2 people, 3 management, 4 learning, 5 learners)
# sits from the school's mean, so readiness groups differ between components and schools.
PROFILES: Mapping[str, Mapping[str, float]] = {
    "balanced": {"1": 0.1, "2": 0.1, "3": 0.1, "4": -0.1, "5": -0.2},
    # A well-funded town school whose learners' results lag behind its buildings.
    "strong_buildings": {"1": 0.7, "2": 0.1, "3": 0.1, "4": -0.2, "5": -0.7},
    # Committed staff in an old, poorly equipped school.
    "strong_people": {"1": -0.6, "2": 0.5, "3": 0.2, "4": 0.1, "5": -0.2},
    # Paperwork in order, teaching and results still catching up.
    "strong_management": {"1": 0.0, "2": 0.0, "3": 0.6, "4": -0.2, "5": -0.4},
    # Good results and activities despite modest means.
    "strong_learners": {"1": -0.4, "2": 0.0, "3": -0.2, "4": 0.2, "5": 0.4},
    # A mountain district: electricity, internet and transport are the weak point.
    "remote": {"1": -0.8, "2": 0.2, "3": 0.1, "4": 0.2, "5": 0.3},
}

SIZES: Mapping[str, Mapping[str, tuple[int, int]]] = {
    "primary": {"s": (80, 220), "m": (220, 520), "l": (520, 950)},
    "secondary": {"s": (350, 750), "m": (750, 1400), "l": (1400, 2100), "xl": (2100, 2500)},
}

NA_REASONS: Mapping[str, str] = {
    "1.1.3": "โรงเรียนไม่มีบ้านพักครูและหอพักนักเรียน เนื่องจากครูทุกคนมีที่พักในชุมชน และนักเรียนเดินทางไป–กลับทุกวัน",
    "4.2.7": "โรงเรียนไม่ได้เปิดห้องเรียน ๒ ภาษา ตามแผนการจัดชั้นเรียนที่สำนักงานเขตพื้นที่อนุมัติ",
}


@dataclass(frozen=True)
class Scenario:
    """What the demo makes of one school: the colour band of its latest submitted round, how a
    second round went, its strengths and weaknesses (a key of :data:`PROFILES`: offsets of each
    component's mean level), its size (``"s"`` … ``"xl"``: a range of pupils per school level in
    :data:`SIZES`), an unfinished round of the current year, and items it answers "not applicable"."""

    band: str  # colour band of the latest submitted round
    second_round: str  # "" (round 1 only), "better" or "worse" than round 1
    profile: str
    size: str
    draft: bool = False  # a round of the current fiscal year, partly answered
    not_applicable: tuple[str, ...] = ()


# Seed 001's picture: mostly green, a few either side. Lower bands re-assessed more often
# (DOMAIN.md), hence their second rounds. Two schools got worse in round 2.
SCENARIOS: tuple[Scenario, ...] = (
    # สพป.ตาก เขต 1
    Scenario("green", "better", "strong_buildings", "l", not_applicable=("1.1.3",)),
    Scenario("yellow", "better", "strong_people", "m", draft=True, not_applicable=("1.1.3", "4.2.7")),
    Scenario("blue", "better", "balanced", "m"),
    Scenario("green", "", "strong_learners", "m"),
    # สพป.ตาก เขต 2
    Scenario("green", "worse", "strong_management", "l", not_applicable=("4.2.7",)),
    Scenario("orange", "better", "strong_people", "m", draft=True),
    Scenario("yellow", "", "strong_learners", "s"),
    Scenario("red", "better", "remote", "s"),
    Scenario("yellow", "better", "remote", "m"),
    # สพม.ตาก
    Scenario("purple", "better", "balanced", "xl", draft=True),
    Scenario("green", "", "strong_management", "m"),
    Scenario("green", "better", "balanced", "s", not_applicable=("1.1.3",)),
    Scenario("yellow", "worse", "strong_buildings", "s"),
    Scenario("blue", "", "strong_buildings", "l"),
    Scenario("green", "better", "strong_learners", "m", draft=True),
    Scenario("green", "better", "remote", "m"),
    Scenario("green", "", "strong_people", "m"),
    Scenario("green", "", "remote", "s"),
)

# Invented assessors and evidence sentences live in a resource file, so a wording fix is one
# edit there (see its "note" for the placeholders the sentences use).
_TEXTS = json.loads(paths.resource_path("demo", "texts-th.json").read_text(encoding="utf-8"))
MALE_NAMES: tuple[str, ...] = tuple(_TEXTS["male_names"])
FEMALE_NAMES: tuple[str, ...] = tuple(_TEXTS["female_names"])
SURNAMES: tuple[str, ...] = tuple(_TEXTS["surnames"])
EVIDENCE: Mapping[str, tuple[str, ...]] = {k: tuple(v) for k, v in _TEXTS["evidence"].items()}
EVIDENCE_WEAK: Mapping[str, tuple[str, ...]] = {k: tuple(v) for k, v in _TEXTS["evidence_weak"].items()}
NOTES_WEAK: Mapping[str, tuple[str, ...]] = {k: tuple(v) for k, v in _TEXTS["notes_weak"].items()}
# When every sentence for an item is already used in the round, a top-level answer still names
# its evidence: where the files are kept, by the office that keeps them (component -> office).
FILED_WITH: Mapping[str, str] = dict(_TEXTS["filed_with"])
FILED: tuple[str, ...] = tuple(_TEXTS["filed"])

# Level -> chance that the school wrote evidence (always at the top level: that is what the
# app's warnings ask for) and, for weak levels, a note.
EVIDENCE_CHANCE = {5: 1.0, 4: 0.7, 3: 0.45, 2: 0.35, 1: 0.3}
NOTE_CHANCE_WEAK = 0.4


@dataclass(frozen=True)
class DemoSchool:
    """A real quality school of Tak, as listed in seed 002."""

    name: str
    district: str
    province: str
    area_office: str
    level: str


DEMO_OFFICE = "สำนักงานศึกษาธิการจังหวัดตาก"  # the demo rounds' office (ศธจ. ตาก)

def load_demo_schools() -> list[DemoSchool]:
    """The 18 schools of ``resources/demo/tak-quality-schools.json``, in the file's order."""
    data = json.loads(paths.resource_path(*DEMO_FILE).read_text(encoding="utf-8"))
    return [
        DemoSchool(
            name=entry["name"],
            district=entry["district"],
            province=entry["province"],
            area_office=entry["area_office"],
            level=entry["level"],
        )
        for entry in data["schools"]
    ]


def demo_codes(schools: list[DemoSchool]) -> list[str]:
    """Invented 10-digit codes: "99", the area office's digit (1, 2, 3 … in order of first
    appearance) and a running number within the office, e.g. 9920000003."""
    offices: dict[str, int] = {}
    running: dict[str, int] = {}
    codes = []
    for school in schools:
        office_digit = offices.setdefault(school.area_office, len(offices) + 1)
        running[school.area_office] = running.get(school.area_office, 0) + 1
        codes.append(f"{DEMO_CODE_PREFIX}{office_digit}{running[school.area_office]:07d}")
    return codes


# ---------------------------------------------------------------------------------------------
# Planning the levels of one round in memory, scored by the same code the app uses.
# ---------------------------------------------------------------------------------------------

# Levels planned for a round: item code -> level, or None for "not applicable".
Plan = dict[str, int | None]


@dataclass(frozen=True)
class _Planned:
    level: int | None
    not_applicable: bool


def _score(framework: Framework, plan: Plan) -> AssessmentResult:
    return score_assessment(
        framework, {code: _Planned(level, level is None) for code, level in plan.items()}
    )


def _draw(framework: Framework, rng: random.Random, mean: float, profile: Mapping[str, float],
          not_applicable: tuple[str, ...]) -> Plan:
    """Levels scattered around each component's target (the school's mean plus its profile)."""
    plan: Plan = {}
    for component in framework.components:
        target = mean + profile.get(component.code, 0.0)
        for item in component.items:
            if item.code in not_applicable:
                plan[item.code] = None
            else:
                plan[item.code] = min(5, max(1, round(rng.gauss(target, 0.65))))
    return plan


def _steer(framework: Framework, rng: random.Random, plan: Plan, mean: float,
           profile: Mapping[str, float], band: str | None, tolerance: float = 0.05) -> None:
    """Move single items a level at a time until the overall score is within ``tolerance`` of
    ``mean`` (and in ``band`` when given). Each step takes the weakest item (or the strongest,
    going down) of the component furthest from its own target, so a second round improves on
    its weak points and the school's profile survives. Raises if it cannot (a programming
    error: every target in BAND_TARGETS is reachable)."""
    levels = {code: level for code, level in plan.items() if level is not None}
    for _ in range(2000):
        result = _score(framework, plan)
        overall = result.overall
        assert overall is not None
        on_band = band is None or (result.band is not None and result.band.key == band)
        if on_band and abs(overall - mean) <= tolerance:
            return
        step = 1 if overall < mean else -1
        gaps = []
        for component, scored in zip(framework.components, result.components):
            movable = [
                item.code for item in component.items
                if item.code in levels and 1 <= levels[item.code] + step <= 5
            ]
            if movable:
                target = mean + profile.get(component.code, 0.0)
                gaps.append((step * (target - (scored.score or 0.0)), component.code, movable))
        _, _, movable = max(gaps, key=lambda gap: (gap[0], gap[1]))
        extreme = (min if step > 0 else max)(levels[code] for code in movable)
        code = rng.choice([code for code in movable if levels[code] == extreme])
        levels[code] += step
        plan[code] = levels[code]
    raise RuntimeError(f"demo: could not reach a mean of {mean:.2f} (band {band})")


# ---------------------------------------------------------------------------------------------
# Writing it through the core.
# ---------------------------------------------------------------------------------------------

@dataclass
class _Context:
    """What the evidence templates may mention for one round."""

    school: DemoSchool
    assessed_on: date
    fiscal_year: int
    used: set[str]  # templates already written in this round: no sentence twice

    def fill(self, template: str, rng: random.Random, item: Item) -> str:
        self.used.add(template)
        return self._format(template, rng, FILED_WITH[item.component_code])

    def _format(self, template: str, rng: random.Random, filed_with: str) -> str:
        current_ay = be_year(self.assessed_on.year) - (0 if self.assessed_on.month >= 5 else 1)
        primary = self.school.level == "primary"
        # Always draw every number, in the same order, so the sequence never depends on
        # which template was chosen.
        numbers = {
            "n_small": rng.randint(2, 5),
            "n": rng.randint(4, 12),
            "n_big": rng.randint(12, 40),
            "pct": rng.randint(82, 97),
            "pct_high": rng.randint(95, 100),
            "pct_low": rng.randint(45, 72),
            "pct_save": rng.randint(25, 45),
            "kw": rng.choice((10, 15, 20, 30)),
            "mbps": rng.choice((200, 500, 1000)),
            "ita": f"{rng.uniform(86, 98):.2f}",
            "hours": rng.randint(20, 60),
            "subjects": rng.randint(1, 4),
            "test": rng.choice(("RT ชั้น ป.๑", "NT ชั้น ป.๓", "O-NET ชั้น ป.๖") if primary
                               else ("O-NET ชั้น ม.๓", "O-NET ชั้น ม.๖")),
        }
        values: dict[str, Any] = {
            **numbers,
            "district": self.school.district,
            "office": self.school.area_office,
            "ay": current_ay,
            "ay_done": current_ay - 1,
            "ay_plan_end": current_ay + 2,
            "fy": self.fiscal_year,
            "fy_prev": self.fiscal_year - 1,
            "fy_next": self.fiscal_year + 1,
            "grade_top": "ป.๖" if primary else "ม.๓ และ ม.๖",
            "filed_with": filed_with,
        }
        # Thai digits, as in the official forms; "B1" and "O-NET" have no digits to convert
        # because they are in the template, not in the values.
        return template.format_map({key: thai_digits(value) for key, value in values.items()})


def _templates(table: Mapping[str, tuple[str, ...]], item: Item) -> tuple[str, ...]:
    """Sentences written for the item itself, for its indicator, or for its component."""
    return (
        table.get(item.code, ()) + table.get(item.indicator_code, ()) + table.get(item.component_code, ())
    )


def _write_round(workspace: Workspace, rng: random.Random, framework: Framework, assessment_id: str,
                 plan: Plan, context: _Context, *, upto: int | None = None) -> None:
    """Answer the round's items in framework order (only the first ``upto`` for a draft left
    halfway), with evidence for a good share and notes on some weak items."""
    answers = workspace.answers
    for index, item in enumerate(framework.items):
        if upto is not None and index >= upto:
            break
        level = plan[item.code]
        if level is None:
            answers.set_not_applicable(assessment_id, item.code, NA_REASONS[item.code])
            continue
        answers.set_level(assessment_id, item.code, level)
        table = EVIDENCE if level >= 3 else EVIDENCE_WEAK
        choices = [template for template in _templates(table, item) if template not in context.used]
        if rng.random() < EVIDENCE_CHANCE[level]:
            if choices:
                evidence = context.fill(rng.choice(choices), rng, item)
            elif level == framework.max_level:
                evidence = context.fill(rng.choice(FILED), rng, item)
            else:
                evidence = ""
            if evidence:
                answers.set_text(assessment_id, item.code, "evidence", evidence)
        if level <= 2 and rng.random() < NOTE_CHANCE_WEAK:
            answers.set_text(assessment_id, item.code, "note", context.fill(rng.choice(NOTES_WEAK[item.component_code]), rng, item))


def _person(rng: random.Random, used: set[str]) -> str:
    """An invented name with its title (นาย, นาง, นางสาว), never the same name twice."""
    while True:
        if rng.random() < 0.5:
            first, title = rng.choice(MALE_NAMES), "นาย"
        else:
            first, title = rng.choice(FEMALE_NAMES), rng.choice(("นาง", "นางสาว"))
        name = f"{first} {rng.choice(SURNAMES)}"
        if name not in used:
            used.add(name)
            return f"{title}{name}"


def _fiscal_year_start(fiscal_year: int) -> date:
    return date(fiscal_year - 543 - 1, 10, 1)


def build_demo(
    workspace: Workspace,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Fill an empty workspace with the 18 quality schools of Tak and invented assessments.

    Every school gets round 1 of last fiscal year submitted; most also round 2 (mostly better,
    two worse); four have a round of this fiscal year in progress. The latest submitted rounds
    fall 1 purple, 2 blue, 9 green, 4 yellow, 1 orange, 1 red. Supervisors then visit the lower
    bands more often, with follow-ups open, done and overdue (:mod:`.demo_visits`); inspection rounds 1
    and 2 of both years are defined (1 Oct-31 Mar, 1 Apr-30 Sep); most schools ask for next
    year's budget (:mod:`.demo_budget`); สพม.ตาก has seed 003's indicators (:mod:`.demo_indicators`). Deterministic for a given
    ``today`` (default: the real date). ``progress(done, total)`` is called after each school.
    The whole build is one transaction: a failure leaves the workspace as it was.

    Raises ``RuntimeError`` when the bundled demo data do not match the scenarios (a programming
    error), :class:`~qualityschool_desktop.errors.ValidationError` when the workspace already
    holds one of the demo schools' codes, and
    :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written.
    """
    today = today or date.today()
    schools = load_demo_schools()
    if len(schools) != len(SCENARIOS):
        raise RuntimeError(f"demo: {len(schools)} schools in {DEMO_FILE[-1]} but {len(SCENARIOS)} scenarios")
    rng = random.Random(SEED)
    framework = workspace.frameworks.latest()
    current_year = fiscal_year_of(today)
    last_year = current_year - 1
    last_year_ce = last_year - 543
    used_names: set[str] = set()
    director_role, deputy_role, teacher_role, committee_role = ROLES[:4]
    banded: list[tuple[School, str]] = []  # for the visits, once every school has its rounds

    # One transaction: thousands of separate commits with synchronous=FULL would take minutes.
    # The core's own atomic() blocks nest inside it as savepoints.
    with workspace.db.write():
        workspace.schools.mark_demo_database()
        for done, (info, code, scenario) in enumerate(zip(schools, demo_codes(schools), SCENARIOS), start=1):
            low, high = SIZES[info.level][scenario.size]
            pupils = rng.randint(low, high)
            ratio = rng.uniform(17.0, 23.0) if info.level == "primary" else rng.uniform(19.0, 25.0)
            teachers = max(6, round(pupils / ratio) + rng.randint(1, 3))
            school = workspace.schools.add(
                code=code, name=info.name, is_demo=True, district=info.district, province=info.province,
                area_office=info.area_office, level=info.level, pupils=pupils, teachers=teachers,
            )
            banded.append((school, scenario.band))
            director = _person(rng, used_names)
            colleague = _person(rng, used_names)
            profile = PROFILES[scenario.profile]

            latest_mean = rng.uniform(*BAND_TARGETS[scenario.band])
            rounds: list[tuple[float, str | None]] = []  # (target mean, band) per round of last year
            if scenario.second_round == "better":
                rounds.append((max(1.3, latest_mean - rng.uniform(0.25, 0.6)), None))
            elif scenario.second_round == "worse":
                rounds.append((min(4.9, latest_mean + rng.uniform(0.3, 0.45)), None))
            rounds.append((latest_mean, scenario.band))

            plan: Plan | None = None
            for number, (mean, band) in enumerate(rounds, start=1):
                if plan is None:
                    plan = _draw(framework, rng, mean, profile, scenario.not_applicable)
                else:
                    # Round 2 starts from round 1: the same school, some items moved.
                    plan = dict(plan)
                _steer(framework, rng, plan, mean, profile, band)
                if number == 1:
                    assessed_on = date(last_year_ce, 1, 8) + timedelta(days=rng.randint(0, 50))
                    assessor, role = director, director_role
                else:
                    assessed_on = date(last_year_ce, 6, 15) + timedelta(days=rng.randint(0, 60))
                    assessor, role = rng.choice(
                        ((director, director_role), (colleague, deputy_role), (colleague, teacher_role),
                         (director, committee_role))
                    )
                assessment = workspace.assessments.start(
                    school.id, last_year, round=number, framework=framework, assessed_on=assessed_on,
                    assessor_name=assessor, assessor_role=role,
                )
                _write_round(workspace, rng, framework, assessment.id, plan,
                             _Context(info, assessed_on, last_year, set()))
                workspace.assessments.submit(assessment.id)
                if band is not None:
                    # The check the app's own results page makes; the plan used the same scoring.
                    result = workspace.assessments.result(assessment.id)
                    if result.band is None or result.band.key != band or not result.complete:
                        raise RuntimeError(f"demo: {info.name} came out {result.band} instead of {band}")

            if scenario.draft:
                assert plan is not None
                plan = dict(plan)
                _steer(framework, rng, plan, latest_mean + rng.uniform(0.1, 0.3), profile, None)
                start = _fiscal_year_start(current_year)
                span = max(0, min((today - start).days, 20))
                # random() rather than randint(0, span): the draws that follow must not depend
                # on today's date, so the demo is the same whatever day it is built.
                assessed_on = today - timedelta(days=int(rng.random() * (span + 1)))
                assessment = workspace.assessments.start(
                    school.id, current_year, round=1, framework=framework, assessed_on=assessed_on,
                    assessor_name=director, assessor_role=director_role,
                )
                # Stopped partway, as a director called away from the laptop would.
                upto = rng.randint(len(framework.items) * 3 // 10, len(framework.items) * 7 // 10)
                _write_round(workspace, rng, framework, assessment.id, plan,
                             _Context(info, assessed_on, current_year, set()), upto=upto)
            if progress is not None:
                progress(done, len(schools))
        # After the rounds and with a generator of their own: the rounds come out as they always did.
        add_demo_visits(workspace, banded, today=today, used_names=used_names)
        # Development plans (issue 14), after the visits whose recommendations they draw on.
        add_demo_plans(workspace, [school for school, _band in banded], fiscal_year=current_year, today=today)
        # Budget requests for the coming fiscal year (issue 14), again with a generator of their own.
        add_demo_budget(workspace, [school for school, _band in banded], current_year + 1)
        add_demo_indicators(workspace, current_year)  # the area office's indicators (seed 003)
        add_demo_contacts(workspace, banded, today=today)  # the contact log (issue 15)
        # An area office's projects and their money (seed 004), and a school's own (its โครงการ tab).
        add_demo_projects(workspace, current_year, [school.id for school, _band in banded])
        # The ministry's two inspection rounds of each year (the fiscal year's halves).
        for year in (last_year, current_year):
            for number in (1, 2):
                workspace.inspection_rounds.define(year, number)
                # Named, so a new user can print the round at once (the office types its own over it).
                workspace.office_texts.set_text(year, number, "office", DEMO_OFFICE)
        workspace.office_texts.end_own_bursts()
