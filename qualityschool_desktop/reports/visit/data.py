"""What the visit record says, gathered from the workspace's public API in one go: the visit, its
school and people, the reviewed round's answers compared with the supervisor's findings, the
files, and the follow-ups carried and agreed. Plain values, no ReportLab and no display strings;
:mod:`.compare` and :mod:`.pdf` lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...assessments import Assessment
from ...comments import Comment
from ...comparison import Comparison, Gap, compare
from ...follow_ups import FollowUp
from ...framework import Component, Framework, Item
from ...schools import School
from ...visit_basis import basis_of
from ...visit_records import Finding, Person, Visit
from ...visit_revisions import Revision, confirmed_number
from ...workspace import Workspace
from .pictures import Picture, picture_files

__all__ = ["ComponentFindings", "ItemFinding", "VisitData", "gather"]

# The words in a school-side person's position that mark who signs for the school (matched, not
# printed).
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
    """One component as the supervisor saw it: the two views' gap, what was written for the
    component as a whole and for the items looked at, and the files."""

    component: Component
    gap: Gap
    finding: Finding | None  # what was written for the component as a whole
    items: tuple[ItemFinding, ...]
    attachments: tuple[str, ...]  # files attached to the component itself

    @property
    def is_empty(self) -> bool:
        """True when the supervisor wrote nothing for the component or its items and attached no file."""
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
    # Follow-up id → the comments on it (the school's answers), in the order recorded; only those with any.
    follow_up_comments: dict[str, tuple[Comment, ...]] = field(default_factory=dict)
    # The school's results compared: as they stood at this UTC stamp (a confirmed visit; None: now).
    compared_as_of: str | None = None
    # A confirmed visit whose school changed its levels since: the comparison with its latest results.
    latest: Comparison | None = None
    # A confirmed visit whose round changed after it, its history too short to rebuild: when (UTC stamp).
    changed_unknown: str | None = None
    # The attached pictures (jpg/png) printed after the record under ภาพประกอบ, oldest first.
    pictures: tuple[Picture, ...] = ()
    # A record reopened after it was confirmed (TEST34C C3): which revision, who reopened it and why,
    # the first confirmation and what changed since the version confirmed before; None: never reopened.
    revision: Revision | None = None
    # The number (ครั้งที่) the record was first signed with (TEST35 T3), kept through reopening and
    # revisions (RETEST35 R1); None: never confirmed, or only before the number was kept (the count by
    # date as now prints).
    signed_number: int | None = None

    @property
    def number(self) -> int:
        """The number the record prints: the one it was signed with, else the count by date here."""
        return self.signed_number or self.previous_visits + 1

    @property
    def number_now(self) -> int | None:
        """The count by date here when it differs from the signed :attr:`number` (visits dated
        before it arrived later, or one was deleted), else None."""
        counted = self.previous_visits + 1
        return counted if self.signed_number is not None and self.signed_number != counted else None

    @property
    def level_names(self) -> dict[int, str]:
        """The words of the framework's levels by value (4 → "ดีเลิศ"), as the record prints them."""
        return {level.value: level.label for level in self.framework.levels}

    @property
    def director(self) -> Person | None:
        """The school-side person who signs for the school: the director (or acting director)
        met on the visit; ``None`` leaves a blank line to sign on."""
        for person in self.school_people:
            if DIRECTOR_WORD in person.position and DEPUTY_WORD not in person.position:
                return person
        return None

    @property
    def school_signer(self) -> Person | None:
        """Who signs for the school: the director, else the first school-side person named (the
        screen's ลงนามและยืนยัน lists them whatever their position: TEST32b B6, a position typed
        "ผู้อำวยการ…" printed a blank line); ``None`` leaves a blank line to sign on."""
        return self.director or next((person for person in self.school_people if person.name.strip()), None)


def gather(workspace: Workspace, visit_id: str) -> VisitData:
    """Read the visit ``visit_id``, its school, the reviewed round's answers (none when it reviews
    no round; a confirmed visit's as they stood when it was confirmed, :mod:`...visit_basis`), the findings and their files, the follow-ups carried from earlier visits and
    agreed on this one with the comments on them, and how many visits to the school came before it.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown visit."""
    visits = workspace.visits
    visit = visits.get(visit_id)
    school = workspace.schools.get(visit.school_id)
    framework = visits.framework_of(visit)
    assessment = workspace.assessments.get(visit.assessment_id) if visit.assessment_id else None
    basis = basis_of(workspace, visit)  # a confirmed visit: the results it was signed against (C11)
    findings = visits.findings(visit_id)
    comparison = compare(framework, basis.answers, findings)
    latest = compare(framework, basis.current, findings) if basis.changed_since else None
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
    earlier = workspace.follow_ups.earlier_visit_ids(visit_id)  # the same rule as the carried list
    carried = tuple(workspace.follow_ups.open_before(visit_id))
    agreed = tuple(workspace.follow_ups.agreed_in(visit_id))
    counted = workspace.comments.counts_for_follow_ups(item.id for item in (*carried, *agreed))
    comments = {follow_up_id: tuple(workspace.comments.for_follow_up(follow_up_id)) for follow_up_id in counted}
    return VisitData(
        visit=visit,
        school=school,
        assessment=assessment,
        framework=framework,
        visitors=tuple(visits.people(visit_id, "visitor")),
        school_people=tuple(visits.people(visit_id, "school")),
        comparison=comparison,
        components=tuple(sections),
        carried=carried,
        agreed=agreed,
        general_attachments=tuple(files.get("", ())),
        previous_visits=len(earlier),
        follow_up_comments=comments,
        compared_as_of=basis.as_of,
        latest=latest,
        changed_unknown=None if basis.rebuilt else basis.last_change,
        pictures=picture_files(workspace, visit_id),
        revision=visits.revision(visit_id),
        signed_number=confirmed_number(visits.events(visit_id)),  # a reopened record keeps it too (R1)
    )
