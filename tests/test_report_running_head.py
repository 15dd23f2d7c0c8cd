"""Issue 11: the running head at the top of every page from page 2 names the school; a school
name of 255 characters (the longest the core takes) ran off the page on one line. It now ends in
"…" where the room ends, keeps what follows the name (the date, the round), and stays inside the
margins, in every report that prints one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.reports.blocks import PAGE_WIDTH
from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.reports.visit import write_visit_report
from qualityschool_desktop.typeset import MARGIN
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo

pymupdf = pytest.importorskip("pymupdf")

SCHOOL = "9910000002"
LONG_NAME = ("โรงเรียนบ้านห้วยน้ำเย็นวิทยาคมสามัคคีพัฒนาศึกษาสงเคราะห์ราชประชานุเคราะห์" * 4)[:255]


@pytest.fixture(scope="module")
def long_named(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=date(2026, 11, 23))
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        school = workspace.schools.by_code(SCHOOL)
        workspace.schools.update(school.id, name=LONG_NAME)
    return path


def head_spans(pdf: Path) -> list[tuple[str, float, float]]:
    """The text and left/right edges of every line in the top margin of page 2."""
    with pymupdf.open(pdf) as doc:
        page = doc[1]
        found = []
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                x0, y0, x1, _y1 = line["bbox"]
                if y0 < MARGIN:
                    found.append(("".join(span["text"] for span in line["spans"]), x0, x1))
        return found


def check_head(pdf: Path, tail: str) -> None:
    spans = head_spans(pdf)
    [(text, left, right)] = [span for span in spans if LONG_NAME[:10] in span[0]]
    assert "…" in text and text.endswith(tail), text
    assert left >= MARGIN - 1 and right <= PAGE_WIDTH - MARGIN + 1, (left, right)
    # The demo school's mark ("ข้อมูลตัวอย่าง · ฉบับร่าง") at the left of the same line is not overrun.
    marks = [span for span in spans if LONG_NAME[:10] not in span[0]]
    assert marks and all(mark_right < left for _text, _left, mark_right in marks), spans


def test_the_visit_records_head_ends_in_an_ellipsis_inside_the_page(long_named: Path, tmp_path: Path) -> None:
    target = tmp_path / "visit.pdf"
    with Workspace.open(long_named, installation=DEMO_INSTALLATION) as workspace:
        visit = workspace.visits.for_school(workspace.schools.by_code(SCHOOL).id)[0]
        write_visit_report(workspace, visit.id, target)
    check_head(target, "๒๕๖๙")


def test_the_self_assessment_reports_head_ends_in_an_ellipsis_inside_the_page(long_named: Path, tmp_path: Path) -> None:
    target = tmp_path / "self.pdf"
    with Workspace.open(long_named, installation=DEMO_INSTALLATION) as workspace:
        assessment = workspace.assessments.for_school(workspace.schools.by_code(SCHOOL).id)[0]
        write_self_assessment_report(workspace, assessment.id, target)
    check_head(target, f"รอบที่ {'๑๒'[assessment.round - 1]}")
