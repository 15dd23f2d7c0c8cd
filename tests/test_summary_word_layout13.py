"""The Word copy's layout (issue 13, tester's F1): columns as wide as their contents ask ("ที่"
narrow, school names wide, not the page split evenly), page numbers in the footer, and the
"ขอบเขตข้อมูล" line the PDF has."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from qualityschool_desktop.reports.summary.word import SARABUN, write_summary_docx
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    folder = tmp_path_factory.mktemp("word-layout")
    copy_demo(folder / "demo.sqlite3", tmp_path_factory, today=TODAY)
    with Workspace.open(folder / "demo.sqlite3", installation=DEMO_INSTALLATION) as workspace:
        target = write_summary_docx(workspace, folder / "r2.docx", fiscal_year=2569, round=2, family=SARABUN)
    return docx.Document(str(target))


def _widths(table: docx.table.Table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_columns_fit_their_contents(copy: docx.document.Document) -> None:
    districts = next(t for t in copy.tables if t.rows[0].cells[1].text == "อำเภอ")
    number, district, school, result = _widths(districts)
    assert number * 3 < school and number < district
    assert abs(sum(_widths(districts)) - 9072) < 20  # the text's width (16 cm)
    numbered = [table for table in copy.tables if table.rows[0].cells[0].text == "ที่"]
    assert len(numbered) >= 3
    for table in numbered:  # "ที่" is the narrowest column of every table that numbers its rows
        widths = _widths(table)
        assert widths[0] == min(widths) and widths[0] * 2 < max(widths), [c.text for c in table.rows[0].cells]


def test_page_numbers_in_the_footer_and_the_scope_line(copy: docx.document.Document) -> None:
    footer = copy.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "หน้า" in footer
    body = [p.text for p in copy.paragraphs]
    assert any(line.startswith("ขอบเขตข้อมูล : ") for line in body)
