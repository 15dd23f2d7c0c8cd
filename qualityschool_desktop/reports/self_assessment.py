"""The school's self-assessment report: one assessment round of one school, as a printable PDF.

:func:`write_self_assessment_report` is the whole API the window and the command line use. This
module gathers what the report says from the workspace (plain values, no ReportLab) and leaves the
typesetting to :mod:`.self_assessment_pdf`, which it imports only when a PDF is built: proposing a
file name with :func:`default_report_name` costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..answers import Answer
from ..assessments import Assessment
from ..framework import Component, Framework, Item
from ..schools import School
from ..scoring import AssessmentResult, ComponentResult
from ..workspace import Workspace
from .output import BAD_DIGITS, CANNOT_WRITE, DIGIT_STYLES, NO_FOLDER, check_request, checker, safe_name, write_atomically

__all__ = ["BAD_DIGITS", "CANNOT_WRITE", "DIGIT_STYLES", "NO_FOLDER", "default_report_name", "gather",
           "write_self_assessment_report"]

FILE_PREFIX = "รายงานประเมินตนเอง"
# When no item of a component sits at the lowest levels, this many of its weakest items are listed
# as the ones to develop, so the section never reads as if nothing needed work.
WEAKEST_FEW = 3

@dataclass(frozen=True)
class ItemEntry:
    """One row of a component's table: the item, its answer (``None`` when never touched) and the
    names of the files attached to it."""

    item: Item
    answer: Answer | None
    attachments: tuple[str, ...]

    @property
    def level(self) -> int | None:
        """The level chosen, or ``None`` when unanswered or not applicable."""
        if self.answer is None or self.answer.not_applicable:
            return None
        return self.answer.level


@dataclass(frozen=True)
class ComponentSection:
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


def _previous_component(result: AssessmentResult | None, code: str) -> ComponentResult | None:
    if result is None:
        return None
    try:
        return result.component(code)
    except KeyError:  # the previous round used a framework without this component
        return None


def gather(workspace: Workspace, assessment_id: str) -> SelfAssessmentData:
    """Read one round, its school, answers, attachments, scores and the previous round's scores.

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

    top = framework.max_level - 1
    low = framework.min_level + 1
    sections = []
    for component in framework.components:
        entries = tuple(
            ItemEntry(item, answers.get(item.code), tuple(a.file_name for a in files.get(item.code, ())))
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
    return SelfAssessmentData(school, assessment, framework, result, previous, previous_result, tuple(sections))


def default_report_name(school: School, assessment: Assessment) -> str:
    """A file name for the report, e.g. "รายงานประเมินตนเอง-โรงเรียนบ้านตาก-2569-รอบ1.pdf".

    Safe on Windows: no reserved characters, no trailing dot or space, at most about 120
    characters (Thai names are long and paths on Windows are limited)."""
    name = safe_name(school.name, school.code)
    stem = f"{FILE_PREFIX}-{name}-{assessment.fiscal_year}-รอบ{assessment.round}"
    return f"{stem}.pdf"


def write_self_assessment_report(
    workspace: Workspace,
    assessment_id: str,
    target: Path,
    *,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Build the self-assessment report of one round and write it to ``target``.

    ``digits`` is "thai" (๐–๙ in numbers, dates, scores, item codes and page numbers) or "arabic".
    ``progress(done, total)`` is called as the report's parts are built; when ``cancelled()``
    returns true the build stops with :class:`ReportCancelled`. The file is written under a
    temporary name in the same folder and renamed into place, so ``target`` is either the whole
    new report or untouched. Problems raise a :class:`~qualityschool_desktop.errors.QualitySchoolError`
    with a Thai message (:class:`ReportWriteError` for the file itself). Returns ``target``.
    """
    check_request(target, digits)
    check = checker(cancelled)
    check()
    data = gather(workspace, assessment_id)
    # Imported here: it loads ReportLab, HarfBuzz and (on first use) pythainlp's dictionary.
    from .self_assessment_pdf import build_report

    return write_atomically(
        Path(target), lambda partial: build_report(data, partial, digits=digits, progress=progress, check=check), check
    )
