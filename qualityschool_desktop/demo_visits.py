"""Supervision visits for the demo database (see :mod:`.demo`).

Lower colour bands are visited more often, as DOMAIN.md reports of one area office: red, orange
and yellow schools three times in recent months, most green schools twice, one blue and the purple
school once. Each visit has its team from the area office, the school's people, the supervisor's
levels near (often a little below) the school's own, observations from a pool of sentences in
``resources/demo/visits-th.json``, and follow-ups: later visits close some of the earlier ones,
others stay open and fall overdue. The last visit of one school is left as a draft; the others are
final.

It uses its own ``random.Random`` so the self-assessments (and their colour bands) come out exactly
as before visits existed, and goes through the core's public API as a supervisor's clicks would.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Mapping, Sequence

from . import paths
from .assessments import ROLES, Assessment
from .comparison import compare
from .follow_ups import FollowUp
from .framework import Framework
from .schools import School
from .thai import be_year, fiscal_year_of, thai_digits
from .workspace import Workspace

SEED = 2567_004
# Visits per school by the colour band of its latest submitted round.
VISITS_BY_BAND: Mapping[str, int] = {"red": 3, "orange": 3, "yellow": 3, "green": 2, "blue": 1, "purple": 1}
# Of the green schools, the first few in the file's order are visited (not all: one area office
# cannot reach every school twice in a term); of the blue schools, only the first.
GREEN_VISITED = 5
BLUE_VISITED = 1
# How far back the visits go: "in recent months".
WINDOW_DAYS = 140
YELLOW_COUNT = 3  # the third of the demo's yellow schools (demo.py's target bands)
UNVISITED_DAYS = 75  # the last of them was last visited longer ago than coverage's 60 days (issue 15)

_TEXTS = json.loads(paths.resource_path("demo", "visits-th.json").read_text(encoding="utf-8"))
_NAMES = json.loads(paths.resource_path("demo", "texts-th.json").read_text(encoding="utf-8"))
FIELDS = ("observed", "evidence", "strengths", "to_develop", "recommendations")


@dataclass
class _School:
    """One visited school and what its visits keep from one to the next."""

    school: School
    band: str
    assessment: Assessment  # the latest submitted round: what the visits compare with
    framework: Framework
    director: str
    staff: list[tuple[str, str]]  # (name, position) of the people a supervisor meets
    used: set[str] = field(default_factory=set)  # sentences already written for this school
    this_visit: set[str] = field(default_factory=set)


def _advice_for(pool: Mapping[str, Any], developed: str, target: _School, day: date) -> str:
    """The recommendation of ``pool`` written for its point to develop ``developed`` (as filled)."""
    for index, template in enumerate(pool["to_develop"]):
        if _Writer.fill(target, template, day) == developed:
            return str(pool["recommendations"][pool["recommendation_for"][index]])
    raise ValueError(developed)


class _Writer:
    def __init__(self, workspace: Workspace, today: date, used_names: set[str]) -> None:
        self.workspace = workspace
        self.today = today
        self.rng = random.Random(SEED)
        self.used_names = used_names
        self.teams: dict[str, list[tuple[str, str]]] = {}

    # -- people ------------------------------------------------------------------------------------
    def person(self) -> str:
        rng = self.rng
        while True:
            if rng.random() < 0.5:
                first, title = rng.choice(_NAMES["male_names"]), "นาย"
            else:
                first, title = rng.choice(_NAMES["female_names"]), rng.choice(("นาง", "นางสาว"))
            name = f"{first} {rng.choice(_NAMES['surnames'])}"
            if name not in self.used_names:
                self.used_names.add(name)
                return f"{title}{name}"

    def team(self, office: str) -> list[tuple[str, str]]:
        """The area office's supervisors, the same people across its schools."""
        if office not in self.teams:
            positions = _TEXTS["supervisor_positions"]
            self.teams[office] = [(self.person(), position) for position in positions]
        return self.teams[office]

    # -- texts -------------------------------------------------------------------------------------
    def sentence(self, target: _School, pool: Sequence[str], day: date) -> str:
        """A sentence of ``pool`` not yet written for the school (failing that, not yet on this
        visit), with its placeholders filled for the school and the day."""
        fresh = [text for text in pool if text not in target.used] or [
            text for text in pool if text not in target.this_visit
        ] or list(pool)
        template = self.rng.choice(fresh)
        target.used.add(template)
        target.this_visit.add(template)
        return self.fill(target, template, day)

    @staticmethod
    def fill(target: _School, template: str, day: date) -> str:
        """``template`` with its placeholders filled for the school and the day."""
        primary = target.school.level == "primary"
        academic_year = be_year(day.year) - (0 if day.month >= 5 else 1)
        values = {
            "grade": "ประถมศึกษาปีที่ ๕" if primary else "มัธยมศึกษาปีที่ ๒",
            "early": _early(target.school),
            "fy": thai_digits(fiscal_year_of(day)),
            "ay_done": thai_digits(academic_year - 1),
        }
        return template.format_map(values)

    # -- one visit ---------------------------------------------------------------------------------
    def visit(self, target: _School, day: date, number: int, *, online: bool, final: bool,
              open_before: list[FollowUp]) -> None:
        rng = self.rng
        workspace = self.workspace
        visits = workspace.visits
        target.this_visit.clear()
        hour = rng.choice((8, 9, 9, 10, 13))
        start = f"{hour:02d}:{rng.choice(('00', '30'))}"
        visit = visits.start(
            target.school.id, visited_on=day, visit_type="online" if online else "onsite",
            assessment_id=target.assessment.id, start_time=start,
            purpose=_TEXTS["purposes"][0 if number == 1 else rng.randint(1, len(_TEXTS["purposes"]) - 1)],
        )
        end_hour = hour + rng.choice((2, 2, 3))
        visits.update(visit.id, end_time=f"{end_hour:02d}:{rng.choice(('00', '15', '30'))}")

        team = self.team(target.school.area_office)
        lead = rng.randrange(len(team))
        members = [team[lead]] + rng.sample([m for i, m in enumerate(team) if i != lead], rng.randint(0, 2))
        for name, position in members:
            visits.add_person(visit.id, "visitor", name, position)
        director_away = online and number > 1
        if not director_away:
            visits.add_person(visit.id, "school", target.director, f"ผู้อำนวยการ{target.school.name}")
        for name, position in rng.sample(target.staff, rng.randint(1, 2) + (1 if director_away else 0)):
            visits.add_person(visit.id, "school", name, position)

        # The school's own view, to stay near it (supervisors mostly see a little less).
        answers = workspace.answers.for_assessment(target.assessment.id)
        own = compare(target.framework, answers, {})
        progress = 0.15 * (number - 1)  # the school moves on between visits
        components = _TEXTS["components"]
        focus = [gap.code for gap in sorted(own.components, key=lambda g: (g.school or 0, g.code))]
        # The first visit looks at everything; later ones at the weakest three components.
        written = set(focus if number == 1 else focus[:3])
        lowest_gap: list[tuple[float, str]] = []
        for gap in own.components:
            school_score = gap.school or 3.0
            level = round(school_score + progress + rng.gauss(-0.4, 0.6))
            level = min(target.framework.max_level, max(target.framework.min_level, level))
            visits.set_level(visit.id, gap.code, level)
            lowest_gap.append((level - school_score, gap.code))
            if gap.code not in written:
                continue
            pool = components[gap.code]
            developed = ""  # the point to develop written for this component, if any
            for text_field in FIELDS:
                if text_field == "strengths" and rng.random() < 0.3:
                    continue
                if text_field == "to_develop" and level > school_score and rng.random() < 0.5:
                    continue
                count = 2 if text_field in ("observed", "recommendations") and rng.random() < 0.35 else 1
                text = " ".join(self.sentence(target, pool[text_field], day) for _ in range(count))
                if text_field == "to_develop":
                    developed = text
                elif text_field == "recommendations" and developed:
                    # A supervisor's advice answers the point written beside it (RETEST13 F2: the
                    # office's drafts paired fire safety with lab and Wi-Fi advice). The sentences
                    # drawn above still are, so the rest of the demo stays as it was.
                    text = self.fill(target, _advice_for(pool, developed, target, day), day)
                visits.set_text(visit.id, gap.code, text_field, text)

        # A few items looked at closely: the school's weaker ones in the focus components.
        candidates = [
            (answer.level, code) for code, answer in answers.items()
            if answer.level is not None and target.framework.item(code).component_code in written
        ]
        candidates.sort()
        for _level, code in rng.sample(candidates[:12], min(len(candidates), rng.randint(2, 4))):
            school_level = answers[code].level or 3
            level = min(5, max(1, school_level + rng.choice((-1, -1, 0, 0, 0, 1))))
            visits.set_level(visit.id, code, level)
            verdict = "lower" if level < school_level else "higher" if level > school_level else "agree"
            if rng.random() < 0.75:
                visits.set_text(visit.id, code, "observed",
                                self.sentence(target, _TEXTS["item_comments"][verdict], day))

        notes = [self.sentence(target, _TEXTS["notes"], day)] if rng.random() < 0.7 else []
        if online:
            notes.insert(0, _TEXTS["online_note"])
        if notes:
            visits.update(visit.id, notes="\n".join(notes))

        # What was agreed earlier: checked on this visit.
        follow_ups = workspace.follow_ups
        for item in open_before:
            due = item.due_date or day
            chance = 0.7 if due < day else 0.3
            if rng.random() < chance:
                # Done a few days before the supervisor came back to see it.
                done_on = day - timedelta(days=rng.randint(1, 10))
                follow_ups.set_status(item.id, "done", in_visit_id=visit.id, on=done_on)

        # What is agreed now: for the components the supervisor rated furthest below the school.
        lowest_gap.sort()
        for _gap, code in lowest_gap[:rng.randint(2, 3)]:
            # Never the same action twice at one school: a repeated one would be carried, not agreed anew.
            fresh = [pair for pair in components[code]["actions"] if pair[0] not in target.used]
            if not fresh:
                continue
            action, owner = rng.choice(fresh)
            target.used.add(action)
            values = {"early": _early(target.school)}
            follow_ups.add(
                visit.id, action.format_map(values), owner=owner.format_map(values),
                due_on=day + timedelta(days=rng.choice((14, 21, 30, 45, 60))), scope_code=code,
            )
        if final:
            visits.finalise(visit.id)


def _early(school: School) -> str:
    return "ประถมศึกษาตอนต้น" if school.level == "primary" else "มัธยมศึกษาปีที่ ๑"


def _visit_days(rng: random.Random, first_allowed: date, today: date, count: int) -> list[date]:
    """``count`` working days between ``first_allowed`` and ``today``, in order, the last one recent."""
    start = max(first_allowed, today - timedelta(days=WINDOW_DAYS))
    span = max((today - start).days, count * 7)
    days: list[date] = []
    for index in range(count):
        low = start + timedelta(days=span * index // count)
        high = start + timedelta(days=span * (index + 1) // count - 3)
        day = low + timedelta(days=int(rng.random() * max(1, (high - low).days)))
        day = min(day, today - timedelta(days=1))
        while day.weekday() >= 5:  # offices visit on working days
            day -= timedelta(days=1)
        if days and day <= days[-1]:
            day = days[-1] + timedelta(days=1)
        days.append(day)
    return days


def _latest_submitted(workspace: Workspace, school_id: str) -> Assessment | None:
    for assessment in workspace.assessments.for_school(school_id):
        if assessment.status == "submitted":
            return assessment
    return None


def add_demo_visits(workspace: Workspace, schools: Sequence[tuple[School, str]], *, today: date,
                    used_names: set[str]) -> None:
    """Record the demo's visits for ``schools`` ((school, colour band) in the demo's order).
    ``used_names`` holds the names the demo gave already: no one is invented twice. Raises
    :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written
    (inside :func:`~.demo.build_demo`'s transaction, which then leaves nothing)."""
    writer = _Writer(workspace, today, used_names)
    rng = writer.rng
    seen: dict[str, int] = {}
    draft_left = True
    online_left = True
    for school, band in schools:
        seen[band] = seen.get(band, 0) + 1
        if (band == "green" and seen[band] > GREEN_VISITED) or (band == "blue" and seen[band] > BLUE_VISITED):
            continue
        assessment = _latest_submitted(workspace, school.id)
        if assessment is None:
            continue
        director = next(
            (a.assessor_name for a in workspace.assessments.for_school(school.id) if a.assessor_role == ROLES[0]),
            "",
        ) or writer.person()
        staff = [(writer.person(), position) for position in _TEXTS["school_positions"]]
        target = _School(school, band, assessment, workspace.assessments.framework_of(assessment), director, staff)
        first_allowed = (assessment.assessed_date or today - timedelta(days=WINDOW_DAYS)) + timedelta(days=10)
        count = VISITS_BY_BAND[band]
        # Issue 15: the last yellow school has not been visited for a while (coverage shows it overdue).
        until = today - timedelta(days=UNVISITED_DAYS) if band == "yellow" and seen[band] == YELLOW_COUNT else today
        days = _visit_days(rng, first_allowed, until, count)
        for number, day in enumerate(days, start=1):
            last = number == count
            # The first yellow school's latest visit is still being written up.
            draft = last and draft_left and band == "yellow"
            if draft:
                # Written up on the last working day, as the supervisor would be doing now.
                day = today - timedelta(days=1)
                while day.weekday() >= 5:
                    day -= timedelta(days=1)
            online = online_left and band == "red" and number == 2
            visit_open = _open_follow_ups(workspace, school.id)
            writer.visit(target, day, number, online=online, final=not draft, open_before=visit_open)
            draft_left = draft_left and not draft
            online_left = online_left and not online


def _open_follow_ups(workspace: Workspace, school_id: str) -> list[FollowUp]:
    return workspace.follow_ups.for_school(school_id, open_only=True)
