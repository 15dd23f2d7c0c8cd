"""The self-assessment report's signatures (TEST31 T9): the director who assessed the school signs
once, and the signatures stay on the page of the text before them when they fit there."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext

SCHOOL = "9910000002"  # 2570/1 is a draft: its assessor can still be changed


def _report(tmp_path_factory: pytest.TempPathFactory, role: str) -> tuple[str, int]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=date(2026, 11, 23))
    target = path.parent / "report.pdf"
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        school = workspace.schools.by_code(SCHOOL)
        draft = workspace.assessments.find(school.id, 2570, 1)
        workspace.assessments.update_details(draft.id, assessor_name="นายสมชาย ใจดี", assessor_role=role)
        write_self_assessment_report(workspace, draft.id, target)
    with pymupdf.open(target) as doc:
        pages = doc.page_count
    return re.sub(r"\s+", " ", pdftotext(target, "-raw", first=pages, last=pages)), pages


@needs_poppler
def test_a_director_who_assessed_signs_once(tmp_path_factory: pytest.TempPathFactory) -> None:
    last, _ = _report(tmp_path_factory, "ผู้อำนวยการโรงเรียน")
    assert last.count("ลงชื่อ") == 1, last
    assert "(นายสมชาย ใจดี)" in last
    assert "(........................................)" not in last  # no blank second director
    assert last.count("วันที่ ..... เดือน ............ พ.ศ. ......") == 1


@needs_poppler
def test_a_teacher_who_assessed_signs_beside_the_director(tmp_path_factory: pytest.TempPathFactory) -> None:
    last, _ = _report(tmp_path_factory, "ครู")
    assert last.count("ลงชื่อ") == 2
    assert re.search(r"ลงชื่อ \.{10,} ผู้อำนวยการโรงเรียน", last)
