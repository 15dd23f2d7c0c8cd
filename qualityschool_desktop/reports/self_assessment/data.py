"""What the self-assessment report says, gathered from the workspace's public API in one go:
plain values (the round, its school, answers, attachments and scores, the previous round's
scores), no ReportLab and no display strings. :mod:`.pdf` lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...answers import Answer
from ...assessments import Assessment
from ...comments import Comment
from ...framework import Component, Framework, Item
from ...network_schools import NetworkSchool
from ...plans.progress import RoundPlanProgress, goals_moved_in_round
from ...schools import School
from ...scoring import AssessmentResult, ComponentResult
from ...workspace import Workspace

__all__ = ["ComponentSection", "ItemEntry", "SelfAssessmentData", "gather"]

# When no item of a component sits at the lowest levels, this many of its weakest items are listed
# as the ones to develop, so the section never reads as if nothing needed work.
WEAKEST_FEW = 3


@dataclass(frozen=True)
class ItemEntry:
    """One row of a component's table: the item, its answer (``None`` when never touched), the
    names of the files attached to it and the comments others wrote on it (in the order recorded)."""

    item: Item
    answer: Answer | None
    attachments: tuple[str, ...]
    comments: tuple[Comment, ...] = ()

    @property
    def level(self) -> int | None:
        """The level chosen, or ``None`` when unanswered or not applicable."""
        if self.answer is None or self.answer.not_applicable:
            return None
        return self.answer.level


@dataclass(frozen=True)
class ComponentSection:
    """One component of the round: its score now and in the previous round, every item, and the
    items picked out as strengths and as what to develop."""

    component: Component
    result: ComponentResult
    previous: ComponentResult | None  # the same component in the previous round, if there was one
    entries: tuple[ItemEntry, ...]
    strengths: tuple[ItemEntry, ...]  # items at the top two levels
    to_develop: tuple[ItemEntry, ...]  # the lowest levels (or the weakest few)
    to_develop_is_weakest: bool  # true when no item was at the lowest levels


@dataclass(frozen=True)
class SelfAssessmentData:
    """Everything the report prints, read from the workspace in one go."""

    school: School
    assessment: Assessment
    framework: Framework
    result: AssessmentResult
    previous: Assessment | None
    previous_result: AssessmentResult | None
    sections: tuple[ComponentSection, ...]
    round_comments: tuple[Comment, ...] = ()  # comments on the whole round, in the order recorded
    network: tuple[NetworkSchool, ...] = ()  # the school's network schools, nearest first (seed 001)
    plans: tuple[RoundPlanProgress, ...] = ()  # the school's plans this round follows (issue 14)


def _previous_component(result: AssessmentResult | None, code: str) -> ComponentResult | None:
    if result is None:
        return None
    try:
        return result.component(code)
    except KeyError:  # the previous round used a framework without this component
        return None


def gather(workspace: Workspace, assessment_id: str) -> SelfAssessmentData:
    """Read the round ``assessment_id``, its school, answers, attachments, comments, scores and the
    previous round's scores. Strengths are the items at the framework's top two levels; what to
    develop are those at its lowest two, or else the :data:`WEAKEST_FEW` weakest below the top.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown assessment."""
    assessments = workspace.assessments
    assessment = assessments.get(assessment_id)
    school = workspace.schools.get(assessment.school_id)
    framework = assessments.framework_of(assessment)
    result = assessments.result(assessment_id)
    previous = assessments.previous(assessment)
    previous_result = assessments.result(previous.id) if previous else None
    answers = workspace.answers.for_assessment(assessment_id)
    files = workspace.attachments.for_assessment(assessment_id)
    comments: dict[str, list[Comment]] = {}
    for comment in workspace.comments.for_assessment(assessment_id):
        comments.setdefault(comment.item_code, []).append(comment)

    top = framework.max_level - 1
    low = framework.min_level + 1
    sections = []
    for component in framework.components:
        entries = tuple(
            ItemEntry(item, answers.get(item.code), tuple(a.file_name for a in files.get(item.code, ())),
                      tuple(comments.get(item.code, ())))
            for item in component.items
        )
        scored = [entry for entry in entries if entry.level is not None]
        strengths = tuple(entry for entry in scored if entry.level is not None and entry.level >= top)
        lowest = sorted(
            (entry for entry in scored if entry.level is not None and entry.level <= low),
            key=lambda entry: entry.level or 0,
        )
        weakest = not lowest
        if weakest:
            below_top = [entry for entry in scored if (entry.level or 0) < framework.max_level]
            lowest = sorted(below_top, key=lambda entry: entry.level or 0)[:WEAKEST_FEW]
        sections.append(
            ComponentSection(
                component=component,
                result=result.component(component.code),
                previous=_previous_component(previous_result, component.code),
                entries=entries,
                strengths=strengths,
                to_develop=tuple(lowest),
                to_develop_is_weakest=weakest and bool(lowest),
            )
        )
    plans = tuple(goals_moved_in_round(workspace, assessment_id))
    return SelfAssessmentData(school, assessment, framework, result, previous, previous_result, tuple(sections),
                              round_comments=tuple(comments.get("", ())),
                              network=tuple(workspace.network_schools.for_school(school.id)), plans=plans)
