"""A confirmed (signed) visit keeps comparing with the school's results as they stood when it was
confirmed, even after the school reopens and resubmits its round (TEST34C C11); the record says
which results it compares and that the school changed them since."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.reports.visit import write_visit_report
from qualityschool_desktop.reports.visit.data import gather
from qualityschool_desktop.visit_basis import basis_of
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext


def _signed_then_changed(ws: Workspace, school_id: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Component 1 at level 3 when the visit is confirmed; the school then raises it to 5."""
    assessment = ws.assessments.start(school_id, 2569, assessed_on=date(2026, 1, 10))
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, 3)
    ws.assessments.submit(assessment.id)
    visit = ws.visits.start(school_id, visited_on=date(2026, 2, 3))
    ws.visits.set_level(visit.id, "1", 3)
    ws.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (C4)
    ws.visits.finalise(visit.id)
    monkeypatch.setattr(clock, "_offset", timedelta(days=3))  # the school reopens three days later
    ws.assessments.reopen(assessment.id)
    for item in ws.frameworks.latest().items:
        if item.component_code == "1":
            ws.answers.set_level(assessment.id, item.code, 5)
    ws.assessments.submit(assessment.id)
    return visit.id


def test_a_confirmed_visit_compares_with_the_results_it_was_signed_against(memory_workspace, school,
                                                                          monkeypatch) -> None:
    ws = memory_workspace
    visit_id = _signed_then_changed(ws, school.id, monkeypatch)
    basis = basis_of(ws, ws.visits.get(visit_id))
    assert basis.rebuilt and basis.changed_since and basis.as_of is not None
    data = gather(ws, visit_id)
    first = data.comparison.components[0]
    assert (first.school, first.supervisor, first.verdict) == (3.0, 3.0, "agree")
    assert data.latest is not None and data.latest.components[0].school == 5.0

    # Reopened and confirmed again after the school's change: the new signature covers the new results.
    ws.visits.reopen(visit_id, "เพิ่มข้อค้นพบ")
    ws.visits.finalise(visit_id)
    data = gather(ws, visit_id)
    assert data.comparison.components[0].school == 5.0 and data.latest is None


def test_a_draft_visit_compares_with_the_current_results(memory_workspace, school, monkeypatch) -> None:
    ws = memory_workspace
    visit_id = _signed_then_changed(ws, school.id, monkeypatch)
    ws.visits.reopen(visit_id, "แก้ไข")
    data = gather(ws, visit_id)
    assert data.comparison.components[0].school == 5.0 and data.latest is None


@needs_poppler
def test_the_printed_record_says_which_results_it_compares_and_that_they_changed(
        file_workspace, tmp_path: Path, monkeypatch) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา", district="เมืองตาก", province="ตาก")
    visit_id = _signed_then_changed(ws, school.id, monkeypatch)
    target = tmp_path / "visit.pdf"
    write_visit_report(ws, visit_id, target)
    text = re.sub(r"\s+", " ", pdftotext(target, "-raw"))
    assert "ผลการประเมินตนเองของโรงเรียน ณ วันที่" in text
    assert "โรงเรียนแก้ผลการประเมินตนเองหลังยืนยันบันทึกนี้: ผลล่าสุด องค์ประกอบที่ ๑ ๕.๐๐" in text
    assert "ระบบ สนับสนุนผู้เรียน ๓.๐๐ ดี ๓.๐๐ ดี ใกล้เคียงกัน" in text  # the signed comparison, not ๕.๐๐
