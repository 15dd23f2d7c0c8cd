"""The self-assessment PDF (s33 B3, B15): it names the school's round as the screen does ("รอบที่",
"รอบก่อน": one term for one thing, in the page, the running head and the title metadata, in the
page's digits), and it prints the legend of the level words against the readiness groups under
the component table, as the results page does (scoring.scale_gaps)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 12, 2)
SCHOOL = "9910000002"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("self33")
    db = copy_demo(folder / "demo.sqlite3", tmp_path_factory, today=TODAY)
    out = {}
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        round_ = workspace.assessments.find(workspace.schools.by_code(SCHOOL).id, 2570, 1)
        for digits in ("thai", "arabic"):
            out[digits] = write_self_assessment_report(workspace, round_.id, folder / f"self-{digits}.pdf",
                                                       digits=digits)
    return out


def _flat(path: Path, **pages: int) -> str:
    return re.sub(r"\s+", " ", pdftotext(path, "-raw", **pages))


@needs_poppler
def test_the_round_is_named_as_the_screen_names_it(pdfs: dict[str, Path]) -> None:
    text = _flat(pdfs["thai"])
    assert "ปีงบประมาณ พ.ศ. ๒๕๗๐ รอบที่ ๑" in text
    assert "รอบก่อน (ปีงบประมาณ ๒๕๖๙ รอบที่ ๒)" in text
    assert "ปีงบประมาณ ๒๕๗๐ รอบที่ ๑" in text  # the running head
    assert not re.search(r"ครั้งที่ [๐-๙]|ครั้งก่อน|ครั้งนี้", text), re.findall(r".{20}ครั้ง.{20}", text)


def test_the_title_metadata_says_what_the_page_says(pdfs: dict[str, Path]) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    for digits, expected in (("thai", "ปีงบประมาณ ๒๕๗๐ รอบที่ ๑"), ("arabic", "ปีงบประมาณ 2570 รอบที่ 1")):
        with pymupdf.open(pdfs[digits]) as doc:
            assert doc.metadata["title"].endswith(expected), doc.metadata["title"]


@needs_poppler
def test_the_level_and_readiness_legend_is_under_the_component_table(pdfs: dict[str, Path]) -> None:
    # Page 1 ends with the table: the legend follows it at the top of page 2, before the chart.
    text = _flat(pdfs["thai"], first=1, last=2)
    assert "เกณฑ์ที่ใช้จัดกลุ่ม" in text, text
    start = text.index("เกณฑ์ที่ใช้จัดกลุ่ม")
    assert text.index("ภาพรวม ๓.๖๓") < start < text.index("แผนภูมิคะแนนเฉลี่ยรายองค์ประกอบ")
    legend = text[start:]
    for part in ("ระดับคุณภาพ", "ดี ≥ ๒.๕๐", "กลุ่มความพร้อม", "ต้องเร่งพัฒนา < ๓.๐๐",
                 "คะแนน ๒.๕๐–๒.๙๙ ได้ระดับ “ดี” แต่อยู่ในกลุ่ม “ต้องเร่งพัฒนา”"):
        assert part in legend, (part, legend)
    assert "ดี ≥ 2.50" in _flat(pdfs["arabic"], first=1, last=2)


@needs_poppler
def test_a_bound_stays_with_its_number(pdfs: dict[str, Path]) -> None:
    lines = [line.strip() for line in pdftotext(pdfs["thai"], "-layout", first=1, last=2).splitlines()]
    assert not [line for line in lines if line.endswith(("≥", "<"))], lines
