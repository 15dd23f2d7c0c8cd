"""Issue 13, the fresh tester's finding 10: network schools (โรงเรียนเครือข่าย, seed 001: code,
name, pupils, teachers, km) were missing from ``schools --json`` and from the school's own
self-assessment report."""

from __future__ import annotations

import io
import json
from pathlib import Path

from qualityschool_desktop import cli
from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext


def _school_with_network(path: Path) -> str:
    with Workspace.open(path, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", district="บ้านตาก", province="ตาก")
        workspace.network_schools.add(school.id, code="6301000099", name="โรงเรียนบ้านห้วยเครือข่าย", pupils=85,
                                      teachers=6, distance_km=3.5)
        workspace.network_schools.add(school.id, code="6301000098", name="โรงเรียนบ้านดอนเครือข่าย")
        assessment = workspace.assessments.start(school.id, 2569)
        return assessment.id


def test_schools_json_lists_each_schools_network(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    _school_with_network(db)
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["schools", "--db", str(db), "--json"]), out=out, err=err) == 0, err.getvalue()
    [entry] = json.loads(out.getvalue())["schools"]
    assert entry["network_schools"] == [  # nearest first, as the school's page lists them
        {"code": "6301000099", "name": "โรงเรียนบ้านห้วยเครือข่าย", "pupils": 85, "teachers": 6, "distance_km": 3.5},
        {"code": "6301000098", "name": "โรงเรียนบ้านดอนเครือข่าย", "pupils": None, "teachers": None, "distance_km": None},
    ]


@needs_poppler
def test_the_self_assessment_report_lists_the_network(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    assessment_id = _school_with_network(db)
    with Workspace.open(db) as workspace:
        write_self_assessment_report(workspace, assessment_id, tmp_path / "sa.pdf", digits="arabic")
    text = pdftotext(tmp_path / "sa.pdf", "-layout")
    flat = " ".join(text.split())
    assert "โรงเรียนเครือข่าย" in flat
    for expected in ("6301000099", "โรงเรียนบ้านห้วยเครือข่าย", "85", "3.5", "6301000098", "โรงเรียนบ้านดอนเครือข่าย"):
        assert expected in flat, expected
