"""The demo database: Tak's 18 quality schools with invented rounds across the colour bands."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.assessments import ROLES, Assessment
from qualityschool_desktop.demo import build_demo
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.schools import validate_code
from qualityschool_desktop.thai import fiscal_year_of
from qualityschool_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent

# Seed 002's lists (อำเภอ → โรงเรียน per area office), with its conversion slips corrected:
# อุ่มผาง → อุ้มผาง, ปามะม่วง → ป่ามะม่วง, เด่นวีวราษฎร์/เด่นวีรราชูร์ → เด่นวีรราษฎร์.
SEED_002 = {
    ("โรงเรียนชุมชนบ้านป่ามะม่วง", "เมืองตาก", "สพป.ตาก เขต 1"),
    ("โรงเรียนชุมชนวัดสันป่าลาน", "บ้านตาก", "สพป.ตาก เขต 1"),
    ("โรงเรียนอนุบาลบ้านท่าปุย", "สามเงา", "สพป.ตาก เขต 1"),
    ("โรงเรียนเด่นวีรราษฎร์รังสรรค์", "วังเจ้า", "สพป.ตาก เขต 1"),
    ("โรงเรียนแม่สอด", "แม่สอด", "สพป.ตาก เขต 2"),
    ("โรงเรียนชุมชนบ้านพบพระ", "พบพระ", "สพป.ตาก เขต 2"),
    ("โรงเรียนบ้านแม่ระมาดน้อย", "แม่ระมาด", "สพป.ตาก เขต 2"),
    ("โรงเรียนบ้านแม่ต้านราษฎร์บำรุง", "ท่าสองยาง", "สพป.ตาก เขต 2"),
    ("โรงเรียนชุมชนบ้านอุ้มผาง", "อุ้มผาง", "สพป.ตาก เขต 2"),
    ("โรงเรียนตากพิทยาคม", "เมืองตาก", "สพม.ตาก"),
    ("โรงเรียนบ้านตาก “ประชาวิทยาคาร”", "บ้านตาก", "สพม.ตาก"),
    ("โรงเรียนสามเงาพิทยาคม", "สามเงา", "สพม.ตาก"),
    ("โรงเรียนนาโบสถ์พิทยาคม", "วังเจ้า", "สพม.ตาก"),
    ("โรงเรียนสรรพวิทยาคม", "แม่สอด", "สพม.ตาก"),
    ("โรงเรียนแม่ระมาดวิทยาคม", "แม่ระมาด", "สพม.ตาก"),
    ("โรงเรียนท่าสองยางวิทยาคม", "ท่าสองยาง", "สพม.ตาก"),
    ("โรงเรียนพบพระวิทยาคม", "พบพระ", "สพม.ตาก"),
    ("โรงเรียนอุ้มผางวิทยาคม", "อุ้มผาง", "สพม.ตาก"),
}
TARGET_BANDS = Counter({"purple": 1, "blue": 2, "green": 9, "yellow": 4, "orange": 1, "red": 1})
TODAY = date(2026, 11, 23)  # fiscal year ๒๕๗๐: last year's rounds are ๒๕๖๙


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One demo built through the command (as a user would), shared by the read-only tests."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        # The module fixture runs before the per-test data folder exists: keep the
        # installation id out of the real user folder.
        patch.setenv(DATA_DIR_ENV, str(folder / "userdata"))
        path = folder / "demo.sqlite3"
        out, err = io.StringIO(), io.StringIO()
        status = cli.run(cli.parse(["demo", "--db", str(path)]), out=out, err=err)
        assert status == 0, err.getvalue()
        assert "18" in out.getvalue()
        yield path


@pytest.fixture
def demo(demo_file: Path) -> Iterator[Workspace]:
    with Workspace.open(demo_file) as workspace:
        yield workspace


def submitted(workspace: Workspace, school_id: str) -> list[Assessment]:
    """A school's submitted rounds, newest first."""
    return [a for a in workspace.assessments.for_school(school_id) if a.status == "submitted"]


def test_the_demo_holds_the_18_quality_schools_of_tak(demo: Workspace) -> None:
    schools = demo.schools.list()
    assert {(s.name, s.district, s.area_office) for s in schools} == SEED_002
    assert len(schools) == 18
    assert all(s.province == "ตาก" for s in schools)
    assert all(s.level == ("primary" if s.area_office.startswith("สพป.") else "secondary") for s in schools)


def test_every_school_is_flagged_demo_with_a_unique_valid_invented_code(demo: Workspace) -> None:
    schools = demo.schools.list()
    assert all(s.is_demo for s in schools)
    codes = [s.code for s in schools]
    assert len(set(codes)) == 18
    assert all(validate_code(code) == code and code.startswith("99") for code in codes)


def test_pupils_and_teachers_are_plausible(demo: Workspace) -> None:
    schools = demo.schools.list()
    for school in schools:
        assert school.pupils is not None and school.teachers is not None
        assert 80 <= school.pupils <= 2500
        assert 6 <= school.teachers and 12 <= school.pupils / school.teachers <= 30
    primary = [s.pupils or 0 for s in schools if s.level == "primary"]
    secondary = [s.pupils or 0 for s in schools if s.level == "secondary"]
    assert sum(primary) / len(primary) < sum(secondary) / len(secondary)


def test_every_school_has_a_complete_submitted_round_without_warnings(demo: Workspace) -> None:
    for school in demo.schools.list():
        rounds = submitted(demo, school.id)
        assert rounds, school.name
        for assessment in rounds:
            assert demo.assessments.result(assessment.id).complete
            # Assessor named, every "not applicable" has its reason, every top level its evidence.
            assert demo.assessments.warnings(assessment.id) == []


def test_latest_completed_rounds_spread_across_the_colour_bands(demo: Workspace) -> None:
    bands = Counter()
    for school in demo.schools.list():
        result = demo.assessments.result(submitted(demo, school.id)[0].id)
        assert result.band is not None
        bands[result.band.key] += 1
    assert bands == TARGET_BANDS


def test_rounds_follow_the_fiscal_year_and_mostly_improve(demo: Workspace) -> None:
    this_year = fiscal_year_of(date.today())
    second_rounds = better = worse = drafts = 0
    for school in demo.schools.list():
        rounds = demo.assessments.for_school(school.id)
        done = submitted(demo, school.id)
        assert {a.fiscal_year for a in done} == {this_year - 1}
        for assessment in rounds:
            assert assessment.assessed_date is not None
            assert fiscal_year_of(assessment.assessed_date) == assessment.fiscal_year
            assert assessment.assessed_date <= date.today()
            assert assessment.assessor_name and assessment.assessor_role in ROLES
        if len(done) == 2:
            second_rounds += 1
            new, old = (demo.assessments.result(a.id).overall or 0 for a in done)
            better += new > old
            worse += new < old
        in_progress = [a for a in rounds if a.is_draft]
        for draft in in_progress:
            assert draft.fiscal_year == this_year
            result = demo.assessments.result(draft.id)
            assert 0 < result.answered < result.total  # left halfway: "carry on" has something to show
        drafts += len(in_progress)
    assert 10 <= second_rounds <= 14  # about two thirds
    assert worse in (1, 2) and better == second_rounds - worse
    assert 3 <= drafts <= 4


def test_components_differ_so_readiness_groups_differ(demo: Workspace) -> None:
    mixed_schools = 0
    groups_seen: set[str] = set()
    for school in demo.schools.list():
        result = demo.assessments.result(submitted(demo, school.id)[0].id)
        groups = {c.readiness.key for c in result.components if c.readiness}
        groups_seen |= groups
        mixed_schools += len(groups) > 1
    assert groups_seen == {"ready", "standard", "urgent"}
    assert mixed_schools >= 9


def test_answers_carry_varied_evidence_and_a_few_reasoned_not_applicable(demo: Workspace) -> None:
    evidence: list[str] = []
    answered = 0
    not_applicable: dict[str, int] = Counter()
    for school in demo.schools.list():
        for assessment in submitted(demo, school.id):
            for answer in demo.answers.for_assessment(assessment.id).values():
                answered += 1
                if answer.not_applicable:
                    assert answer.na_reason.strip()
                    not_applicable[school.name] += 1
                elif answer.evidence:
                    evidence.append(answer.evidence)
    assert len(evidence) >= answered * 0.4
    assert len(set(evidence)) >= 60
    # The school's own place shows up in what it wrote.
    assert any("อำเภอแม่ระมาด" in text for text in evidence)
    assert 2 <= len(not_applicable) <= 6 and all(1 <= n <= 6 for n in not_applicable.values())


def snapshot(workspace: Workspace) -> list[Any]:
    """Everything a user sees of the demo, without ids and timestamps."""
    data = []
    for school in workspace.schools.list():
        rounds = []
        for a in workspace.assessments.for_school(school.id):
            answers = sorted(
                (x.item_code, x.level, x.not_applicable, x.na_reason, x.evidence, x.note)
                for x in workspace.answers.for_assessment(a.id).values()
            )
            rounds.append((a.fiscal_year, a.round, a.status, a.assessed_on, a.assessor_name, a.assessor_role,
                           answers))
        data.append((school.code, school.name, school.pupils, school.teachers, rounds))
    return data


def test_the_build_is_deterministic_and_reports_progress() -> None:
    calls: list[tuple[int, int]] = []
    first, second = Workspace.open_memory(), Workspace.open_memory()
    try:
        build_demo(first, today=TODAY, progress=lambda done, total: calls.append((done, total)))
        build_demo(second, today=TODAY)
        assert snapshot(first) == snapshot(second)
    finally:
        first.db.conn.close()
        second.db.conn.close()
    assert calls == [(n, 18) for n in range(1, 19)]


def test_on_23_november_2026_last_year_is_2569_and_the_drafts_are_2570() -> None:
    workspace = Workspace.open_memory()
    try:
        build_demo(workspace, today=TODAY)
        years = Counter(
            (a.fiscal_year, a.status)
            for school in workspace.schools.list()
            for a in workspace.assessments.for_school(school.id)
        )
    finally:
        workspace.db.conn.close()
    assert set(years) == {(2569, "submitted"), (2570, "draft")}
    assert years[(2569, "submitted")] >= 18 + 10


def main_py(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, env={**os.environ})


def test_main_py_builds_the_demo_refuses_to_overwrite_and_lists_it_as_json(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    built = main_py("demo", "--db", str(path))
    assert built.returncode == 0, built.stderr
    assert "18" in built.stdout

    before = path.read_bytes()
    again = main_py("demo", "--db", str(path))
    assert again.returncode == 2
    assert "เขียนทับ" in again.stderr
    assert path.read_bytes() == before

    listed = main_py("schools", "--db", str(path), "--json")
    assert listed.returncode == 0, listed.stderr
    schools = json.loads(listed.stdout)["schools"]
    assert {(s["name"], s["district"], s["area_office"]) for s in schools} == SEED_002
    assert all(s["is_demo"] and s["assessments"] for s in schools)
    assert all(any(r["status"] == "submitted" and r["band"] for r in s["assessments"]) for s in schools)


def test_the_demo_office_has_seed_003s_indicators_with_targets_and_some_actuals(demo: Workspace) -> None:
    from qualityschool_desktop.indicators.computed import computed_actuals

    found = demo.indicators.for_office("สพม.ตาก")
    assert len(found) == 8
    safety = found[0]
    assert safety.name.startswith("ร้อยละของนักเรียนที่มีความรู้ความเข้าใจ และทักษะเพื่อรับมือกับภัยคุกคาม")
    assert (safety.unit, safety.responsible, safety.years) == ("ร้อยละ", "สพฐ. 66- 70", (2566, 2567, 2568, 2569, 2570))
    assert safety.targets == {2566: 80, 2567: 85, 2568: 90, 2569: 95, 2570: 100}
    assert set(safety.actuals) == {2566, 2567, 2568, 2569}  # the years over by 23 Nov 2026 (FY 2570)
    assert 2569 not in found[5].actuals  # one left for the office to type
    share, counted = found[6], found[7]
    assert computed_actuals(demo, counted)[2569] == len(demo.schools.list(area_office="สพม.ตาก"))
    assert 0 < computed_actuals(demo, share)[2569] < 100


def test_the_demo_has_schools_due_overdue_and_done_for_a_visit_and_a_contact_log() -> None:
    """Issue 15: visits and contacts spread so that the coverage page shows every state (the demo
    built on TODAY, judged on TODAY: 23 days into term 2 of school year 2569)."""
    from qualityschool_desktop.coverage import coverage, load_rules

    demo = Workspace.open_memory()
    build_demo(demo, today=TODAY)
    rules = load_rules()
    items = coverage(demo, rules, rules.term(2569, 2), TODAY)
    statuses = Counter(item.status for item in items)
    # 23 days into the term: no visit's part of the term has ended (F21), but one school nobody has
    # visited or contacted for over 60 days is overdue (RETEST15 N2: "some due and some overdue").
    assert statuses["overdue"] >= 1 and statuses["due"] >= 5 and statuses["done"] >= 1
    before = Counter(item.status for item in coverage(demo, rules, rules.term(2569, 1), TODAY))
    later = coverage(demo, rules, rules.term(2569, 2), date(2027, 1, 20))
    assert before["overdue"] >= 1 and later[0].status == "overdue"
    channels = {c.channel for school in demo.schools.list() for c in demo.contacts.for_school(school.id)}
    assert channels == {"phone", "line", "in_person", "email"}


def test_a_demo_school_has_projects_in_every_status(demo: Workspace) -> None:
    """The school page's โครงการ tab shows something on the demo (issue 15, P15): one school's projects
    in every status, one behind plan with its reason and one still asking for it."""
    from qualityschool_desktop.projects.rules import BEHIND_NEEDS_REASON

    year = demo.db.execute("SELECT fiscal_year FROM projects WHERE school_id IS NOT NULL LIMIT 1").fetchone()[0]
    (school_id,) = {row[0] for row in demo.db.execute("SELECT school_id FROM projects WHERE school_id IS NOT NULL")}
    projects = demo.projects.of_year(year, school_id=school_id)
    assert {p.status for p in projects} == {"finished", "in_progress", "not_started"}
    behind = [p for p in projects if p.behind_plan(2)]
    assert len(behind) == 2 and [demo.projects.messages(p, 2) for p in behind].count((BEHIND_NEEDS_REASON,)) == 1
    assert any(p.funded_by_others for p in projects)
    assert demo.projects.of_year(year, area_office="สพป.ตาก เขต 1")  # the office's own are still there
