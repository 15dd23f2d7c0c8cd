"""TEST34 T7 and T8 on the summary's tables: the colour-band shares add up to the total printed
under them (largest remainder, the rule of the progress report), in the PDF, the Word copy and the
workbook; the workbook's not-reported sheet has no columns left empty for every school."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from qualityschool_desktop.percentages import shares
from qualityschool_desktop.reports.summary import summary_data, summary_tables, write_summary_report
from qualityschool_desktop.reports.summary.word import write_summary_docx
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 11, 23)
# demo round 2: purple 1, blue 2, green 9, yellow 4, orange 1, red 1 of 18 (rounded each: 100.1)
SHARES = [5.6, 11.1, 50.0, 22.2, 5.6, 5.5]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def _table(tables: list, key: str) -> list[tuple]:  # type: ignore[type-arg]
    return [list(found.rows) for found in tables if found.key == key][0]


def test_one_rule_for_shares_to_any_places() -> None:
    assert shares([1, 2, 9, 4, 1, 1], places=1) == [Decimal(str(v)) for v in SHARES]
    assert shares([2, 3, 3]) == [Decimal("25.00"), Decimal("37.50"), Decimal("37.50")]
    assert str(sum(shares([1, 1, 1], places=1))) == "100.0" and shares([0, 0], places=1) == [Decimal("0.0")] * 2


def test_the_workbook_band_shares_add_up_to_100(demo: Path) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        rows = _table(summary_tables(summary_data(workspace, fiscal_year=2569, round=2)), "bands")
    assert [row[2] for row in rows] == SHARES
    assert round(sum(row[2] for row in rows), 1) == 100.0


@needs_poppler
def test_the_printed_band_shares_add_up_to_the_total_row(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, tmp_path / "s.pdf", fiscal_year=2569, round=2, digits="arabic")
        write_summary_docx(workspace, tmp_path / "s.docx", fiscal_year=2569, round=2, digits="arabic")
    text = pdftotext(tmp_path / "s.pdf", "-raw")
    printed = [float(m.group(1)) for m in re.finditer(r"^สี\S+ .*? \d+ (\d+\.\d) \d+$", text, re.M)]
    assert printed == SHARES and "รวม 18 100.0 18" in text
    document = docx.Document(str(tmp_path / "s.docx"))
    (bands,) = [t for t in document.tables if t.rows[0].cells[0].text == "กลุ่มสี"]
    assert [float(row.cells[3].text) for row in bands.rows[1:7]] == SHARES


def test_the_not_reported_sheet_has_no_column_empty_for_every_school(demo: Path) -> None:
    """T8: "ตอบแล้ว (ประเด็น)" / "ทั้งหมด (ประเด็น)" were blank for all six schools counted with
    round 1's result; the status says what the PDF says, a draft with how far it is."""
    with Workspace.open(demo, read_only=True) as workspace:
        tables = summary_tables(summary_data(workspace, fiscal_year=2569, round=2))
    (table,) = [t for t in tables if t.key == "not_reported"]
    assert len(table.rows) == 6
    for column, header in enumerate(table.header):
        assert any(row[column] not in (None, "") for row in table.rows), header
