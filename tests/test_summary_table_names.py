"""The summary's tables of schools keep a school's name whole on a line, breaking a name wider than
its column only between its words, and say in two short lines where an earlier result comes from
(TEST31b U5: "โรงเรียนเด่นวีรราษฎร์ / รังสรรค์", "“ประชา / วิทยาคาร”", "ผลล่าสุด / จากรอบ / ที่ ๑")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qualityschool_desktop.reports.summary import pdf as summary_pdf
from qualityschool_desktop.reports.summary import write_summary_report
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext, text_lines

LONG = "โรงเรียนเด่นวีรราษฎร์รังสรรค์"  # 1 pt wider than its column
QUOTED = "โรงเรียนบ้านตาก “ประชาวิทยาคาร”"


def _lines(cell, width: float) -> list[str]:
    cell.wrap(width, 1e9)
    return [line.text.strip() for line in cell._lines]


def test_a_name_wider_than_its_column_breaks_between_its_words() -> None:
    s = summary_pdf._styles()
    width = summary_pdf.SCHOOLS_WIDTHS[1]
    room = width - 2 * summary_pdf.PADDING
    assert _lines(summary_pdf._school_cell(LONG, s["table_body"], width), room) == ["โรงเรียน", "เด่นวีรราษฎร์รังสรรค์"]
    assert _lines(summary_pdf._school_cell(QUOTED, s["table_body"], width), room) == ["โรงเรียนบ้านตาก", "“ประชาวิทยาคาร”"]
    short = "โรงเรียนสามเงาพิทยาคม"
    assert _lines(summary_pdf._school_cell(short, s["table_body"], width), room) == [short]


@needs_poppler
def test_the_summary_tables_keep_school_names_whole(tmp_path_factory, tmp_path: Path) -> None:
    demo = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(demo, tmp_path_factory, today=date(2026, 11, 23))
    target = tmp_path / "summary.pdf"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2)
    lines = text_lines(pdftotext(target))
    for index, line in enumerate(lines[:-1]):
        assert not line.endswith(("โรงเรียนเด่นวีรราษฎร์", "“ประชา")), (line, lines[index + 1])
        assert not lines[index + 1].startswith("ที่ ๑"), (line, lines[index + 1])  # "รอบ / ที่ ๑"
    text = "".join(pdftotext(target, "-raw").split())
    assert text.count("ผลล่าสุดรอบที่๑") == 6  # the six schools counted with round 1's result
