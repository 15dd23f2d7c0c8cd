"""TEST34C C2: the printed visit record split its signatures: page 3 ended with the supervisors'
"ลงชื่อ … ผู้นิเทศ", page 4 held the school's line alone (kept together before only by chance). The
closing statement and every signature line stay on one page, with the record's last lines above
them, however long the notes run (so a signed last page cannot be put under another record)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.reports.visit import write_visit_report
from qualityschool_desktop.reports.visit.pdf import SIGN_INTRO
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext

pymupdf = pytest.importorskip("pymupdf")
pytestmark = needs_poppler


def _pages(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        count = doc.page_count
    return [re.sub(r"\s+", " ", pdftotext(path, "-raw", first=page, last=page)) for page in range(1, count + 1)]


def test_the_statement_and_every_signature_share_a_page_with_the_last_notes(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 3))
    ws.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน", "ศึกษานิเทศก์ชำนาญการพิเศษ")
    ws.visits.add_person(visit.id, "visitor", "นายวิชัย นิเทศดี", "ศึกษานิเทศก์")
    ws.visits.add_person(visit.id, "school", "นางสมศรี ใจดี", "ผู้อำนวยการโรงเรียน")
    for code in ("1", "2", "3", "4", "5"):
        ws.visits.set_level(visit.id, code, 3)
        ws.visits.set_text(visit.id, code, "observed", "ครูจัดกิจกรรมการเรียนรู้เชิงรุกและใช้สื่อหลากหลาย")
    ws.follow_ups.add(visit.id, "จัดทำแผนนิเทศภายใน", owner="รองผู้อำนวยการ", due_on=date(2027, 1, 15))
    seen_split = set()
    for count in range(0, 44, 3):
        notes = [f"ข้อสังเกตที่ {n + 1} ครูและนักเรียนร่วมกันจัดป้ายนิเทศหน้าห้องเรียน" for n in range(count)]
        ws.visits.update(visit.id, notes="\n".join(notes))
        pages = _pages(write_visit_report(ws, visit.id, tmp_path / f"v{count}.pdf"))
        seen_split.add(len(pages))
        where = [index for index, page in enumerate(pages) if SIGN_INTRO in page]
        assert len(where) == 1, (count, where)
        page = pages[where[0]]
        assert len(re.findall(r"ลงชื่อ \.{10,} ผู้นิเทศ", page)) == 2, (count, page[-400:])
        assert len(re.findall(r"ลงชื่อ \.{10,} ผู้รับการนิเทศ", page)) == 1, (count, page[-400:])
        # Something of the record above the statement on the same page.
        last_note = notes[-1] if notes else "ไม่มี"
        before = page.split(SIGN_INTRO)[0]
        assert (last_note in before) if notes else before.strip(), (count, before[-200:])
    assert len(seen_split) >= 2  # the notes pushed the signatures across a page end at least once
