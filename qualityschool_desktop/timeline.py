"""A school's progress over time: its self-assessments and the supervisors' visits, in date order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .comparison import compare

if TYPE_CHECKING:
    from .workspace import Workspace


@dataclass(frozen=True)
class TimelinePoint:
    """One point of a school's timeline: a self-assessment round (``kind`` ``"self"``) or a visit
    (``"visit"``), its date, a Thai label, the component scores (mean levels 1.00–5.00, None where
    not rated) and the overall score (for a visit, the plain mean of its rated components)."""

    when: str  # ISO date
    kind: str  # "self" or "visit"
    record_id: str
    label: str
    components: dict[str, float | None]  # component code -> (mean) level
    overall: float | None


def school_timeline(workspace: Workspace, school_id: str) -> list[TimelinePoint]:
    """Every self-assessment round (dated by its assessment date, or its creation) and every visit
    (the supervisor's component levels), oldest first; empty for an unknown school. Raises
    :class:`~qualityschool_desktop.errors.FrameworkError` when a record's framework is not
    bundled with this version."""
    points: list[TimelinePoint] = []
    for assessment in workspace.assessments.for_school(school_id):
        result = workspace.assessments.result(assessment.id)
        points.append(TimelinePoint(
            when=assessment.assessed_on or assessment.created_at[:10],
            kind="self",
            record_id=assessment.id,
            label=f"ประเมินตนเอง ปีงบประมาณ {assessment.fiscal_year} รอบที่ {assessment.round}",
            components={c.code: c.score for c in result.components},
            overall=result.overall,
        ))
    for visit in workspace.visits.for_school(school_id):
        framework = workspace.visits.framework_of(visit)
        comparison = compare(framework, {}, workspace.visits.findings(visit.id))
        scores = {gap.code: gap.supervisor for gap in comparison.components}
        rated = [score for score in scores.values() if score is not None]
        points.append(TimelinePoint(
            when=visit.visited_on,
            kind="visit",
            record_id=visit.id,
            label="นิเทศ ติดตาม" + (" (ออนไลน์)" if visit.visit_type == "online" else ""),
            components=scores,
            overall=sum(rated) / len(rated) if rated else None,
        ))
    return sorted(points, key=lambda p: (p.when, p.kind))
