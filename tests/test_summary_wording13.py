"""Issue 13, the fresh tester's wording findings: a part's intro does not put two numbers side by
side ("สพป.ตาก เขต ๑ ๕ โรงเรียน" read as เขต ๑๕: F8); a school's third self-assessment is "ครั้งที่ ๓",
not an inspection "รอบที่ ๓" (F15); an accepted draft follows the document's digits (F12)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from qualityschool_desktop.reports.summary.word import SARABUN, write_summary_docx
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wording13") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def test_a_parts_intro_keeps_the_office_and_the_count_apart(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "parts.docx"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_docx(workspace, target, fiscal_year=2569, round=2, family=SARABUN, by_area_office=True)
    body = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "สังกัด สพป.ตาก เขต ๑ (จำนวน ๔ โรงเรียน)" in body
    assert "เขต ๑ ๔ โรงเรียน" not in body


def test_the_demo_names_its_rounds_office_so_it_prints_at_once(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        for year, number in ((2569, 1), (2569, 2), (2570, 1), (2570, 2)):
            assert workspace.office_texts.texts(year, number).office == "สำนักงานศึกษาธิการจังหวัดตาก"
