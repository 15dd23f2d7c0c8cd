"""What a plan starts from and how far it got (issue 14): the suggestions a school picks its
goals' items from, and the progress against the plan after a new round.

Suggestions: the weakest items of the school's latest submitted round (below the top level, lowest
first, :func:`~qualityschool_desktop.scoring.score_assessment`) and the supervisor's
recommendations (ข้อเสนอแนะ, ประเด็นที่ควรพัฒนา) of its latest final visit; the school chooses.

Progress: for each linked item, its level in the round the plan started from (``base_year``/
``base_round``), its level in the latest submitted round, and the goal's target level (one level
above where it stood when the goal names none); an item *moved* when its level rose, a goal moved
when any of its items did. For each indicator: its baseline, the latest year with an actual value
and the target of that year (higher is better, as in seed 003's tables).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..scoring import score_assessment
from .store import Goal, Plan, PlanIndicator, PlanParts

if TYPE_CHECKING:
    from ..assessments import Assessment
    from ..workspace import Workspace


@dataclass(frozen=True)
class Suggestion:
    """An item the school may choose for a goal: ``item_code``, its component, why (``reason``,
    Thai: its level in the latest round, or the supervisor's recommendation) and ``level`` (None
    for a recommendation on a whole component)."""

    item_code: str
    component_code: str
    title: str
    reason: str
    level: int | None


@dataclass(frozen=True)
class ItemProgress:
    """One linked item: levels ``before`` (the base round) and ``now`` (the latest submitted
    round), None when not answered there; ``target`` the level the goal means it to reach;
    ``now_not_applicable`` when the latest round marked it not applicable (ไม่เกี่ยวข้อง);
    ``compared`` when there is a round after the base one to compare with."""

    item_code: str
    title: str
    before: int | None
    now: int | None
    target: int | None
    now_not_applicable: bool = False
    compared: bool = True

    @property
    def result(self) -> str:
        """How the item went (try14 F9: never blank once a newer round is there): ``"up"``,
        ``"down"``, ``"same"``, ``"not_applicable"`` (marked so in the latest round),
        ``"not_assessed"`` (no level there), ``"no_base"`` (a level now, none in the base round);
        ``""`` with no newer round."""
        if not self.compared:
            return ""
        if self.now_not_applicable:
            return "not_applicable"
        if self.now is None:
            return "not_assessed"
        if self.before is None:
            return "no_base"
        return "up" if self.now > self.before else "down" if self.now < self.before else "same"

    @property
    def result_text(self) -> str:
        """:attr:`result` in Thai (:data:`RESULT_TEXT`)."""
        return RESULT_TEXT[self.result]

    @property
    def moved(self) -> bool:
        """True when the item's level rose since the base round."""
        return self.before is not None and self.now is not None and self.now > self.before

    @property
    def fell(self) -> bool:
        """True when the item's level went down since the base round."""
        return self.before is not None and self.now is not None and self.now < self.before

    @property
    def reached(self) -> bool:
        """True when the item is at or above its target level."""
        return self.now is not None and self.target is not None and self.now >= self.target


@dataclass(frozen=True)
class GoalProgress:
    """A goal and its items' progress; ``moved`` when any item rose; ``waiting`` when there is no
    submitted round after the one the plan started from yet (nothing to compare: the tab and the
    PDF both say "รอผลการประเมินรอบถัดไป", TEST34 T5)."""

    goal: Goal
    items: tuple[ItemProgress, ...]
    waiting: bool = False

    @property
    def moved(self) -> bool:
        """True when any of the goal's items rose since the base round."""
        return any(item.moved for item in self.items)

    @property
    def state(self) -> str:
        """How the goal's items went, as a user reads them (TEST14 finding 8: a goal with one item
        up and one down read "ขยับขึ้น"): ``"up"`` some rose and none fell, ``"mixed"`` some rose
        and some fell, ``"down"`` some fell and none rose, ``"same"`` none changed; ``"waiting"``
        before a round after the plan's base round (not "ยังไม่ขยับ": nothing could move yet)."""
        if self.waiting:
            return "waiting"
        fell = any(item.fell for item in self.items)
        return ("mixed" if fell else "up") if self.moved else "down" if fell else "same"

    @property
    def state_text(self) -> str:
        """:attr:`state` in Thai (:data:`STATE_TEXT`)."""
        return STATE_TEXT[self.state]


STATE_TEXT = {"up": "ขยับขึ้น", "mixed": "ขยับขึ้นบางตัว บางตัวลดลง", "down": "ลดลง", "same": "ยังไม่ขยับ",
              "waiting": "รอผลการประเมินรอบถัดไป"}
RESULT_TEXT = {"up": "ขยับขึ้น", "down": "ลดลง", "same": "เท่าเดิม", "not_applicable": "ไม่เกี่ยวข้อง",
               "not_assessed": "ไม่ได้ประเมิน", "no_base": "ไม่มีระดับเดิม", "": ""}


@dataclass(frozen=True)
class IndicatorProgress:
    """An indicator: ``baseline``, the latest ``year`` (BE) with an actual value and that
    ``actual`` (None: none yet), the ``target`` of that year (else of the plan's first year)."""

    indicator: PlanIndicator
    year: int | None
    actual: float | None
    target: float | None

    @property
    def met(self) -> bool:
        """True when the actual value reaches the target (higher is better)."""
        return self.actual is not None and self.target is not None and self.actual >= self.target


@dataclass(frozen=True)
class PlanProgress:
    """Progress of a whole plan: the rounds compared (``before``/``now``, None when missing) and
    each goal's and indicator's progress."""

    parts: PlanParts
    before: "Assessment | None"
    now: "Assessment | None"
    goals: tuple[GoalProgress, ...]
    indicators: tuple[IndicatorProgress, ...]

    @property
    def moved_goals(self) -> tuple[GoalProgress, ...]:
        """The goals that moved."""
        return tuple(goal for goal in self.goals if goal.moved)


def latest_submitted(workspace: "Workspace", school_id: str) -> "Assessment | None":
    """The school's newest submitted round (by fiscal year, then round), None when it has none."""
    return next((a for a in workspace.assessments.for_school(school_id) if a.status == "submitted"), None)


def suggestions(workspace: "Workspace", school_id: str, count: int = 10) -> list[Suggestion]:
    """Up to ``count`` weakest items of the latest submitted round, then every item or component
    the latest final visit recommends developing (items not already named). Empty when the school
    has neither. Raises :class:`~qualityschool_desktop.errors.FrameworkError` when a round's
    framework is not bundled."""
    found: list[Suggestion] = []
    latest = latest_submitted(workspace, school_id)
    if latest is not None:
        framework = workspace.assessments.framework_of(latest)
        result = score_assessment(framework, workspace.answers.for_assessment(latest.id), weakest_count=count)
        for weak in result.weakest:
            found.append(Suggestion(weak.item.code, weak.item.component_code, weak.item.title,
                                    f"ระดับ {weak.level} ในปีงบประมาณ {latest.fiscal_year} รอบที่ {latest.round}",
                                    weak.level))
    visits = [v for v in workspace.visits.for_school(school_id) if v.is_final]
    if visits:
        visit = max(visits, key=lambda v: v.visited_on)
        framework = workspace.visits.framework_of(visit)
        named = {s.item_code for s in found}
        for code, finding in sorted(workspace.visits.findings(visit.id).items()):
            advice = (finding.recommendations or finding.to_develop).strip()
            if not advice or code in named:
                continue
            if framework.has_item(code):
                item = framework.item(code)
                found.append(Suggestion(code, item.component_code, item.title, f"ข้อเสนอแนะของผู้นิเทศ: {advice}",
                                        finding.level))
            else:
                found.append(Suggestion(code, code, framework.component(code).title,
                                        f"ข้อเสนอแนะของผู้นิเทศ: {advice}", None))
    return found


def plan_progress(workspace: "Workspace", plan_id: str) -> PlanProgress:
    """The progress of the plan ``plan_id`` (see the module's docstring). Raises
    :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown plan."""
    parts = workspace.plans.parts(plan_id)
    plan = parts.plan
    rounds = workspace.assessments.for_school(plan.school_id)
    before = next((a for a in rounds if (a.fiscal_year, a.round) == (plan.base_year, plan.base_round)), None)
    now = latest_submitted(workspace, plan.school_id)
    if now is not None and before is not None and (now.fiscal_year, now.round) <= (before.fiscal_year, before.round):
        now = None  # no round after the one the plan started from yet
    goals = _goals_progress(workspace, parts, before, now)
    indicators = []
    for indicator in parts.indicators:
        year = max(indicator.actuals) if indicator.actuals else None
        target_year = year if year is not None else plan.first_year
        indicators.append(IndicatorProgress(indicator, year, indicator.actuals.get(year) if year else None,
                                            indicator.targets.get(target_year)))
    return PlanProgress(parts, before, now, goals, tuple(indicators))


@dataclass(frozen=True)
class RoundPlanProgress:
    """A plan as one round finds it: the round it started from (``before``), each goal's
    progress from there to the round, and the goals that moved."""

    plan: Plan
    before: "Assessment"
    goals: tuple[GoalProgress, ...]

    @property
    def moved(self) -> tuple[GoalProgress, ...]:
        """The goals any of whose items rose from ``before`` to the round."""
        return tuple(goal for goal in self.goals if goal.moved)


def goals_moved_in_round(workspace: "Workspace", assessment_id: str) -> list[RoundPlanProgress]:
    """For the round ``assessment_id``: each plan of its school that started from an earlier
    round of this database and has goals, with its goals' progress from that round to this one
    (issue 14: "the results view and the school's report say which goals moved"). Newest plan
    first; empty when no plan started before the round. Raises
    :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown round."""
    now = workspace.assessments.get(assessment_id)
    rounds = {(a.fiscal_year, a.round): a for a in workspace.assessments.for_school(now.school_id)}
    found = []
    for plan in workspace.plans.for_school(now.school_id):
        before = rounds.get((plan.base_year, plan.base_round or 0)) if plan.base_year is not None else None
        if before is None or (before.fiscal_year, before.round) >= (now.fiscal_year, now.round):
            continue
        parts = workspace.plans.parts(plan.id)
        if parts.goals:
            found.append(RoundPlanProgress(plan, before, _goals_progress(workspace, parts, before, now)))
    return found


def _goals_progress(workspace: "Workspace", parts: PlanParts, before: "Assessment | None",
                    now: "Assessment | None") -> tuple[GoalProgress, ...]:
    levels_before = _levels(workspace, before)
    levels_now = _levels(workspace, now)
    not_applicable_now = _not_applicable(workspace, now)
    compared = now or before
    framework = workspace.assessments.framework_of(compared) if compared else workspace.frameworks.latest()
    top = framework.max_level
    goals = []
    for goal in parts.goals:
        items = []
        for code in goal.item_codes:
            title = framework.item(code).title if framework.has_item(code) else code
            was = levels_before.get(code)
            target = goal.target_level or (min(was + 1, top) if was is not None else None)
            items.append(ItemProgress(code, title, was, levels_now.get(code), target, code in not_applicable_now,
                                      before is not None and now is not None))
        goals.append(GoalProgress(goal, tuple(items), now is None))
    return tuple(goals)


def _levels(workspace: "Workspace", assessment: "Assessment | None") -> dict[str, int]:
    if assessment is None:
        return {}
    return {code: answer.level for code, answer in workspace.answers.for_assessment(assessment.id).items()
            if answer.level is not None and not answer.not_applicable}


def _not_applicable(workspace: "Workspace", assessment: "Assessment | None") -> set[str]:
    if assessment is None:
        return set()
    return {code for code, answer in workspace.answers.for_assessment(assessment.id).items() if answer.not_applicable}


def moved_sentence(found: RoundPlanProgress, number: Callable[[str], str] = str) -> str:
    """One Thai sentence saying which goals of the plan moved since the round it started from:
    "แผนพัฒนา 2569–2570 (เริ่มจากรอบที่ 1/2568): เป้าหมายที่ขยับขึ้น 1 จาก 2 เป้าหมาย ได้แก่ …",
    or that none did yet; a goal whose items partly went down says "(บางตัวลดลง)", and the goals
    that only went down follow ("เป้าหมายที่ลดลง …", TEST14 finding 8). ``number`` writes the sentence's own years and counts in the caller's
    digit style (the window's ``shown``, a report's ``t``); goal names go in as the school typed them."""
    head = number(f"แผนพัฒนา {found.plan.span_text} (เริ่มจากรอบที่ {found.before.round}/{found.before.fiscal_year})")
    moved = found.moved

    def name(goal: GoalProgress) -> str:
        return goal.goal.name or number(f"องค์ประกอบที่ {goal.goal.component_code}")

    down = [goal for goal in found.goals if goal.state == "down"]
    fell = number(f"; เป้าหมายที่ลดลง {len(down)} เป้าหมาย ได้แก่ ") + "; ".join(map(name, down)) if down else ""
    if not moved:
        return head + number(f": ยังไม่มีเป้าหมายที่ขยับขึ้น (จาก {len(found.goals)} เป้าหมาย)") + fell
    names = "; ".join(name(goal) + (" (บางตัวลดลง)" if goal.state == "mixed" else "") for goal in moved)
    return head + number(f": เป้าหมายที่ขยับขึ้น {len(moved)} จาก {len(found.goals)} เป้าหมาย ได้แก่ ") + names + fell
