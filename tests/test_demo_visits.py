"""The demo's supervision visits: lower bands visited more, follow-ups open, done and overdue,
final records and one draft, the same every time."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any, Iterator

import pytest

from qualityschool_desktop import paths
from qualityschool_desktop.comparison import compare
from qualityschool_desktop.demo import build_demo
from qualityschool_desktop.workspace import Workspace

TODAY = date(2026, 11, 23)
TEXTS = json.loads(paths.resource_path("demo", "visits-th.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    workspace = Workspace.open_memory()
    build_demo(workspace, today=TODAY)
    yield workspace
    workspace.db.conn.close()


def _band(workspace: Workspace, school_id: str) -> str:
    latest = next(a for a in workspace.assessments.for_school(school_id) if a.status == "submitted")
    band = workspace.assessments.result(latest.id).band
    assert band is not None
    return band.key


def test_several_schools_are_visited_and_lower_bands_more_often(demo: Workspace) -> None:
    counts: dict[str, list[int]] = defaultdict(list)
    for school in demo.schools.list():
        counts[_band(demo, school.id)].append(len(demo.visits.for_school(school.id)))
    visited = sum(1 for values in counts.values() for n in values if n)
    assert visited >= 10
    # DOMAIN.md: yellow about three times, green about twice, a purple or blue school maybe once.
    assert all(n == 3 for band in ("red", "orange", "yellow") for n in counts[band])
    assert max(counts["green"]) == 2 and Counter(counts["green"])[2] >= 4
    assert max(counts["blue"] + counts["purple"]) == 1
    groups = (("red", "orange", "yellow"), ("green",), ("blue", "purple"))
    means = [sum(sum(counts[band]) for band in group) / sum(len(counts[band]) for band in group) for group in groups]
    assert means[0] > means[1] > means[2] > 0


def test_visits_are_recent_working_days_after_the_round_they_review(demo: Workspace) -> None:
    for visit in demo.visits.all():
        day = visit.visited_date
        assert TODAY - timedelta(days=160) <= day < TODAY
        assert day.weekday() < 5
        assert visit.assessment_id is not None
        reviewed = demo.assessments.get(visit.assessment_id)
        assert reviewed.status == "submitted" and reviewed.assessed_date is not None
        assert reviewed.assessed_date < day
        assert visit.start_time < visit.end_time


def test_final_records_and_one_draft_the_most_recent(demo: Workspace) -> None:
    visits = demo.visits.all()
    statuses = Counter(v.status for v in visits)
    assert statuses["draft"] == 1 and statuses["final"] == len(visits) - 1
    [draft] = [v for v in visits if v.status == "draft"]
    assert draft.id == demo.visits.for_school(draft.school_id)[0].id
    assert (TODAY - draft.visited_date).days <= 4
    assert all(demo.visits.events(v.id)[-1].event == "finalised" for v in visits if v.is_final)
    assert Counter(v.visit_type for v in visits)["online"] == 1


def test_teams_and_school_people_are_named(demo: Workspace) -> None:
    supervisors: Counter[str] = Counter()
    for visit in demo.visits.all():
        visitors = demo.visits.people(visit.id, "visitor")
        school_side = demo.visits.people(visit.id, "school")
        assert 1 <= len(visitors) <= 3 and school_side
        for person in visitors:
            assert person.name.startswith(("นาย", "นาง")) and "ศึกษานิเทศก์" in person.position
            supervisors[person.name] += 1
        for person in school_side:
            assert person.name and person.position
    # The same area-office supervisors come back to their schools.
    assert supervisors.most_common(1)[0][1] >= 4


def test_levels_sit_near_the_schools_own_and_sometimes_below(demo: Workspace) -> None:
    gaps: list[float] = []
    item_findings = 0
    for visit in demo.visits.all():
        framework = demo.visits.framework_of(visit)
        comparison = compare(framework, demo.answers.for_assessment(visit.assessment_id or ""),
                             demo.visits.findings(visit.id))
        for gap in comparison.components:
            assert gap.gap is not None and abs(gap.gap) <= 2.5
            gaps.append(gap.gap)
        item_findings += sum(gap.supervisor is not None for gap in comparison.items)
    assert sum(gaps) / len(gaps) < 0  # supervisors see a little less than the schools claim
    assert sum(g <= -0.5 for g in gaps) >= 10 and sum(abs(g) < 0.5 for g in gaps) >= 20
    assert item_findings >= 2 * len(demo.visits.all())


def test_observations_come_from_the_resource_and_vary(demo: Workspace) -> None:
    written: list[str] = []
    for visit in demo.visits.all():
        for finding in demo.visits.findings(visit.id).values():
            written += [text for text in (finding.observed, finding.recommendations) if text]
    assert len(written) >= 60
    assert len(set(written)) >= 40
    pool = [
        sentence
        for component in TEXTS["components"].values()
        for sentence in component["observed"] + component["recommendations"]
    ]
    starts = {sentence[:12] for sentence in pool + TEXTS["item_comments"]["lower"]
              + TEXTS["item_comments"]["agree"] + TEXTS["item_comments"]["higher"]}
    assert all(text[:12] in starts for text in written)
    assert all("{" not in text for text in written)


def test_follow_ups_are_open_done_and_overdue(demo: Workspace) -> None:
    items = demo.follow_ups.across_schools(TODAY, include_closed=True)
    buckets = Counter(item.bucket for item in items)
    assert buckets["overdue"] >= 5 and buckets["closed"] >= 5
    assert buckets["this_week"] + buckets["later"] >= 5
    for item in items:
        follow_up = item.follow_up
        assert follow_up.action and follow_up.owner and follow_up.due_date and follow_up.scope_code
        assert item.supervisor
        if follow_up.status == "done":
            # Closed on a later visit, which saw it done.
            assert follow_up.closed_in_visit_id and follow_up.closed_in_visit_id != follow_up.visit_id
            assert follow_up.closed_on <= demo.visits.get(follow_up.closed_in_visit_id).visited_on
    # A later visit starts from what is still open.
    carried = [demo.follow_ups.open_before(v.id) for v in demo.visits.all()]
    assert sum(1 for found in carried if found) >= 10


def _snapshot(workspace: Workspace) -> list[Any]:
    data = []
    for visit in workspace.visits.all():
        school = workspace.schools.get(visit.school_id)
        findings = sorted(
            (f.scope_code, f.level, f.observed, f.evidence, f.strengths, f.to_develop, f.recommendations)
            for f in workspace.visits.findings(visit.id).values()
        )
        people = [(p.side, p.name, p.position) for p in workspace.visits.people(visit.id)]
        follow_ups = [(f.action, f.owner, f.due_on, f.status, f.closed_on, f.scope_code)
                      for f in workspace.follow_ups.agreed_in(visit.id)]
        data.append((school.code, visit.visited_on, visit.start_time, visit.end_time, visit.visit_type, visit.status,
                     visit.purpose, visit.notes, people, findings, follow_ups))
    return sorted(data, key=lambda row: (row[1], row[0]))  # ids are random: order by date and school code


def test_the_visits_are_deterministic(demo: Workspace) -> None:
    again = Workspace.open_memory()
    try:
        build_demo(again, today=TODAY)
        assert _snapshot(again) == _snapshot(demo)
    finally:
        again.db.conn.close()
