"""The supervision visit record (บันทึกการนิเทศ ติดตาม) as a printable PDF.

:func:`write_visit_report` and :func:`default_visit_report_name` are the whole API the window
and the command line use. This module gathers what the record says from the workspace (plain
values, no ReportLab) and leaves the typesetting to :mod:`.visit_pdf`, imported only when a PDF
is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..assessments import Assessment
from ..comparison import Comparison, Gap, compare
from ..follow_ups import FollowUp
from ..framework import Component, Framework, Item
from ..schools import School
from ..visits import Finding, Person, Visit
from ..workspace import Workspace
from .output import check_request, checker, safe_name, write_atomically

FILE_PREFIX = "บันทึกการนิเทศ"
# The word in a school-side person's position that marks who signs for the school.
DIRECTOR_WORD = "ผู้อำนวยการ"
DEPUTY_WORD = "รองผู้อำนวยการ"


@dataclass(frozen=True)
class ItemFinding:
    """An item the supervisor looked at: the item, the two levels and what was written."""

    item: Item
    gap: Gap
    finding: Finding
    attachments: tuple[str, ...]


@dataclass(frozen=True)
class ComponentFindings:
    component: Component
    gap: Gap
    finding: Finding | None  # what was written for the component as a whole
    items: tuple[ItemFinding, ...]
    attachments: tuple[str, ...]  # files attached to the component itself

    @property
    def is_empty(self) -> bool:
        return self.finding is None and not self.items and not self.attachments


@dataclass(frozen=True)
class VisitData:
    """Everything the record prints, read from the workspace in one go."""

    visit: Visit
    school: School
    assessment: Assessment | None  # the self-assessment round the visit reviews
    framework: Framework
    visitors: tuple[Person, ...]
    school_people: tuple[Person, ...]
    comparison: Comparison
    components: tuple[ComponentFindings, ...]
    carried: tuple[FollowUp, ...]  # agreed on earlier visits: open, or closed during this one
    agreed: tuple[FollowUp, ...]  # agreed on this visit
    general_attachments: tuple[str, ...]  # files attached to the visit as a whole
    previous_visits: int  # how many visits to the school came before this one

    @property
    def director(self) -> Person | None:
        """The school-side person who signs for the school: the director (or acting director)
        met on the visit; ``None`` leaves a blank line to sign on."""
        for person in self.school_people:
            if DIRECTOR_WORD in person.position and DEPUTY_WORD not in person.position:
                return person
        return None


def gather(workspace: Workspace, visit_id: str) -> VisitData:
    """Read one visit, its school, the reviewed round's answers, the findings and follow-ups.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown visit."""
    visits = workspace.visits
    visit = visits.get(visit_id)
    school = workspace.schools.get(visit.school_id)
    framework = visits.framework_of(visit)
    assessment = workspace.assessments.get(visit.assessment_id) if visit.assessment_id else None
    answers = workspace.answers.for_assessment(visit.assessment_id) if visit.assessment_id else {}
    findings = visits.findings(visit_id)
    comparison = compare(framework, answers, findings)
    files: dict[str, list[str]] = {}
    for attachment in visits.attachments(visit_id):
        files.setdefault(attachment.scope_code, []).append(attachment.file_name)
    item_gaps = {gap.code: gap for gap in comparison.items}
    sections = []
    for component, gap in zip(framework.components, comparison.components):
        items = tuple(
            ItemFinding(item, item_gaps[item.code], findings[item.code], tuple(files.get(item.code, ())))
            for item in component.items
            if item.code in findings
        )
        sections.append(ComponentFindings(
            component, gap, findings.get(component.code), items, tuple(files.get(component.code, ()))
        ))
    earlier = [
        other for other in visits.for_school(visit.school_id)
        if (other.visited_on, other.start_time, other.created_at) < (visit.visited_on, visit.start_time, visit.created_at)
    ]
    return VisitData(
        visit=visit,
        school=school,
        assessment=assessment,
        framework=framework,
        visitors=tuple(visits.people(visit_id, "visitor")),
        school_people=tuple(visits.people(visit_id, "school")),
        comparison=comparison,
        components=tuple(sections),
        carried=tuple(workspace.follow_ups.open_before(visit_id)),
        agreed=tuple(workspace.follow_ups.agreed_in(visit_id)),
        general_attachments=tuple(files.get("", ())),
        previous_visits=len(earlier),
    )


def default_visit_report_name(school: School, visit: Visit) -> str:
    """A file name for the record, e.g. "บันทึกการนิเทศ-โรงเรียนบ้านตาก-2026-11-12.pdf" (the
    ISO date sorts visits in order in a folder). Safe on Windows, at most about 120 characters."""
    return f"{FILE_PREFIX}-{safe_name(school.name, school.code)}-{visit.visited_on}.pdf"


def write_visit_report(
    workspace: Workspace,
    visit_id: str,
    target: Path,
    *,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Build the record of one visit and write it to ``target``.

    ``digits`` is "thai" (๐–๙ in dates, times, levels, codes and page numbers) or "arabic".
    ``progress(done, total)`` is called as the record's parts are built; when ``cancelled()``
    returns true the build stops with :class:`~qualityschool_desktop.reports.ReportCancelled`.
    The file is written under a temporary name in the same folder and renamed into place, so
    ``target`` is either the whole new record or untouched. Problems raise a
    :class:`~qualityschool_desktop.errors.QualitySchoolError` with a Thai message
    (:class:`~qualityschool_desktop.reports.ReportWriteError` for the file itself). Returns ``target``.
    """
    check_request(target, digits)
    check = checker(cancelled)
    check()
    data = gather(workspace, visit_id)
    # Imported here: it loads ReportLab, HarfBuzz and (on first use) pythainlp's dictionary.
    from .visit_pdf import build_report

    return write_atomically(
        Path(target), lambda partial: build_report(data, partial, digits=digits, progress=progress, check=check), check
    )
