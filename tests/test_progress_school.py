"""Issue 15 (P15): one school's projects have their own progress report, `report progress --school
CODE` (and the school page's print): the school's projects only, counted as seed 004 counts an
office's, the school named at the top."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.errors import NotFoundError, ValidationError
from qualityschool_desktop.projects.progress import gather_progress
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext

YEAR = 2569
OFFICE = "สพป.ตาก เขต 2"


def school_projects(workspace: Workspace) -> tuple[str, str]:
    """School A with 3 projects (one of each status) and school B with one; an office project too."""
    a = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว", area_office=OFFICE)
    b = workspace.schools.add(code="6301000002", name="โรงเรียนบ้านอื่น", area_office=OFFICE)
    projects = workspace.projects
    projects.add(YEAR, "โครงการห้องสมุดมีชีวิต", school_id=a.id, status="finished",
                 budget_lines=[{"source": "own", "planned_baht": [5000], "disbursed_baht": [5000]}])
    projects.add(YEAR, "โครงการอ่านออกเขียนได้", school_id=a.id, status="in_progress",
                 budget_lines=[{"source": "own", "planned_baht": [0, 8000], "disbursed_baht": [0, 2000]}],
                 behind_reason="รอวิทยากร")
    projects.add(YEAR, "โครงการค่ายคณิตศาสตร์", school_id=a.id)
    projects.add(YEAR, "โครงการของโรงเรียนอื่น", school_id=b.id, status="finished")
    projects.add(YEAR, "โครงการของสำนักงาน", area_office=OFFICE, status="finished")
    return a.id, b.id


def test_a_school_s_report_counts_its_projects_only(memory_workspace: Workspace) -> None:
    school_projects(memory_workspace)
    report = gather_progress(memory_workspace, YEAR, "H1", school="6301000001")
    assert report.office == "โรงเรียนบ้านแม่ตาว (รหัส 6301000001)"
    assert [p.project.name for p in report.own.projects] == [
        "โครงการห้องสมุดมีชีวิต", "โครงการอ่านออกเขียนได้", "โครงการค่ายคณิตศาสตร์"]
    assert [(c.status, c.count, str(c.share)) for c in report.own.counts] == [
        ("finished", 1, "33.34"), ("in_progress", 1, "33.33"), ("not_started", 1, "33.33")]  # adds up to 100.00 (try15 F4, N3)
    assert [p.behind for p in report.own.projects] == [False, True, False]
    # The office's report still counts the office's own project only.
    assert [p.project.name for p in gather_progress(memory_workspace, YEAR, "H1", office=OFFICE).own.projects] == [
        "โครงการของสำนักงาน"]


def test_a_wrong_school_or_both_owners_get_a_thai_message(memory_workspace: Workspace) -> None:
    school_projects(memory_workspace)
    with pytest.raises(NotFoundError, match="ไม่พบโรงเรียนรหัส"):
        gather_progress(memory_workspace, YEAR, school="9999999999")
    with pytest.raises(ValidationError, match="อย่างใดอย่างหนึ่ง"):
        gather_progress(memory_workspace, YEAR, office=OFFICE, school="6301000001")
    with pytest.raises(NotFoundError, match="โรงเรียนบ้านแม่ตาว"):
        gather_progress(memory_workspace, YEAR + 1, school="6301000001")


@needs_poppler
def test_the_command_prints_one_school_s_projects(tmp_path: Path) -> None:
    db = tmp_path / "school.sqlite3"
    with Workspace.open(db, create=True) as workspace:
        school_projects(workspace)
    pdf = tmp_path / "school-progress.pdf"
    assert cli.run(cli.parse(["report", "progress", "--db", str(db), "--year", str(YEAR), "--period", "Y",
                              "--school", "6301000001", "--out", str(pdf)])) == 0
    text = re.sub(r"\s+", "", pdftotext(pdf, "-raw"))
    assert "โรงเรียนบ้านแม่ตาว" in text and "โครงการอ่านออกเขียนได้" in text
    assert "โครงการของโรงเรียนอื่น" not in text and "โครงการของสำนักงาน" not in text
    assert "ร้อยละ๓๓.๓๔" in text and "ร้อยละ๓๓.๓๓" in text  # two decimals adding up to 100.00 (N3)


def test_the_command_counts_every_office_together(tmp_path: Path) -> None:
    """The province's report: `--office all` counts every area office's own projects (not the schools')."""
    db = tmp_path / "province.sqlite3"
    with Workspace.open(db, create=True) as workspace:
        school_projects(workspace)
        workspace.projects.add(YEAR, "โครงการของอีกเขต", area_office="สพป.ตาก เขต 1")
        report = gather_progress(workspace, YEAR, "Y", office="ทั้งหมด")
        assert [p.project.name for p in report.own.projects] == ["โครงการของอีกเขต", "โครงการของสำนักงาน"]
    pdf = tmp_path / "province.pdf"
    assert cli.run(cli.parse(["report", "progress", "--db", str(db), "--year", str(YEAR), "--office", "all",
                              "--out", str(pdf)])) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
