"""Faults a fresh tester found in the summary's Word copy (issue 13, session 21): the school
ranking numbered from ๐, no charts though the PDF has two."""

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
    path = tmp_path_factory.mktemp("word-fixes") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def _write(demo: Path, target: Path, digits: str = "thai", **options: object) -> docx.document.Document:
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_docx(workspace, target, fiscal_year=2569, round=2, family=SARABUN, digits=digits,
                           **options)  # type: ignore[arg-type]
    return docx.Document(str(target))


def _ranking(document: docx.document.Document) -> list[str]:
    table = next(t for t in document.tables if len(t.columns) == 6 and t.rows[0].cells[0].text == "ที่")
    return [row.cells[0].text for row in table.rows[1:] if row.cells[0].text != row.cells[1].text]


@pytest.mark.parametrize("digits, first", [("thai", ["๑", "๒", "๓"]), ("arabic", ["1", "2", "3"])])
def test_the_word_copys_school_ranking_starts_at_one_as_the_pdf(demo: Path, tmp_path: Path, digits: str,
                                                                 first: list[str]) -> None:
    numbers = _ranking(_write(demo, tmp_path / f"{digits}.docx", digits))
    assert numbers[:3] == first
    # Numbered on across the colour bands, one number per school, none repeated.
    assert len(set(numbers)) == len(numbers)


def test_the_word_copy_holds_the_pdfs_two_charts_under_their_captions(demo: Path, tmp_path: Path) -> None:
    document = _write(demo, tmp_path / "charts.docx")
    assert len(document.inline_shapes) == 2
    texts = [p.text for p in document.paragraphs]
    for caption in ("แผนภูมิจำนวนโรงเรียนตามกลุ่มความพร้อม รายองค์ประกอบ", "แผนภูมิจำนวนโรงเรียนคุณภาพในแต่ละกลุ่มสี"):
        assert caption in texts
    for shape in document.inline_shapes:
        # As wide as the text (16 cm) and drawn at print resolution (at least 200 dots an inch).
        assert abs(shape.width.cm - 16.0) < 0.2
        image = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        part = document.part.related_parts[image]
        from PIL import Image
        import io
        with Image.open(io.BytesIO(part.blob)) as picture:
            assert picture.width / (shape.width.inches) >= 200
