"""A number stays on the line of the word it belongs to: the ordinal after ที่ (รอบที่ ๑, ครั้งที่ ๒),
the figure after ร้อยละ / ข้อ / ระดับ / ปีงบประมาณ, and the figure before its unit (๑๒,๐๐๐ บาท,
๕ โรงเรียน, ๗๔ ประเด็น). The summary's not-reported table printed its status as
"… นับด้วยผลล่าสุดจากรอบที่ / ๑)" (pdf32)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.reports.summary import write_summary_report
from qualityschool_desktop.typeset.segment import units
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext, text_lines


@pytest.mark.parametrize("text, whole", [
    ("ยังไม่ส่งผลรอบนี้ (นับด้วยผลล่าสุดจากรอบที่ ๑)", ("รอบที่ ๑)",)),
    ("ครั้งที่ ๒ ลำดับที่ ๓ ข้อ ๔", ("ครั้งที่ ๒", "ลำดับที่ ๓", "ข้อ ๔")),
    ("ร้อยละ ๘๐ ของนักเรียน", ("ร้อยละ ๘๐",)),
    ("ร้อยละ 80.5 ขึ้นไป", ("ร้อยละ 80.5",)),
    ("งบประมาณ ๑๒,๐๐๐ บาท", ("๑๒,๐๐๐ บาท",)),
    ("ระดับ ๔ ดีเลิศ", ("ระดับ ๔",)),
    ("ปีงบประมาณ ๒๕๖๙ รอบที่ ๒", ("ปีงบประมาณ ๒๕๖๙", "รอบที่ ๒")),
    ("องค์ประกอบที่ ๒", ("องค์ประกอบที่ ๒",)),
    ("ผลการประเมิน ๗๔ ประเด็น", ("๗๔ ประเด็น",)),
    ("ระยะทาง ๕ กม.", ("๕ กม.",)),
])
def test_a_number_is_one_unit_with_its_word(text: str, whole: tuple[str, ...]) -> None:
    pieces = units(text)
    assert "".join(pieces) == text
    for kept in whole:
        assert kept in pieces, pieces


@pytest.mark.parametrize("text, apart", [
    # A list's number belongs to the item after it, not to the word before it.
    ("๑. การพัฒนาครู ๒. หลักสูตร", ("๒.",)),
    # A bare count between two words that are neither its lead nor its unit.
    ("นักเรียน ๑๒ ชุมนุม", ("๑๒",)),
])
def test_a_number_is_not_glued_to_words_it_does_not_belong_to(text: str, apart: tuple[str, ...]) -> None:
    pieces = units(text)
    for kept in apart:
        assert kept in pieces, pieces


@needs_poppler
def test_the_not_reported_table_keeps_the_round_with_its_number(tmp_path_factory, tmp_path: Path) -> None:
    demo = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(demo, tmp_path_factory, today=date(2026, 11, 23))
    target = tmp_path / "summary.pdf"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2)
    lines = text_lines(pdftotext(target))
    carried = [line for line in lines if "ยังไม่ส่งผลรอบนี้" in line or "ผลล่าสุดจาก" in line]
    assert carried, lines
    for index, line in enumerate(lines[:-1]):
        assert not line.rstrip().endswith(("ที่", "รอบ", "จา")), (line, lines[index + 1])
    assert sum("รอบที่ ๑)" in line for line in lines) == 6, [line for line in lines if "รอบ" in line]
