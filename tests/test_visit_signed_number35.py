"""TEST35 T3: a confirmed (signed) visit prints the number it was signed with. Visits of the school
with earlier dates that arrive later (another supervisor's file a week on) made "การนิเทศครั้งที่ ๔"
reprint as "ครั้งที่ ๗", no longer the paper that was signed. The number is kept with the
confirmation; the print says the count by date here beside it when the two differ. A draft counts
as now; a confirmation from before the number was kept prints as now."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from qualityschool_desktop.reports.visit import write_visit_report
from qualityschool_desktop.reports.visit.data import gather
from qualityschool_desktop.reports.visit.word import write_visit_docx

from .test_visit_word35 import text_of

SIGNER = "นางกานดา รักเรียน"
SIGNED = "การนิเทศครั้งที่ ๓ วันที่ ๓ ธันวาคม ๒๕๖๙"
NOW = "(ครั้งที่ ๕ ตามลำดับวันที่ในเครื่องนี้)"


def _pdf_text(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


@pytest.fixture
def signed_third(memory_workspace, school):
    """The school's third visit, confirmed."""
    visits = memory_workspace.visits
    for day in (date(2026, 10, 1), date(2026, 11, 1)):
        visits.start(school.id, visited_on=day)
    visit = visits.start(school.id, visited_on=date(2026, 12, 3))
    visits.add_person(visit.id, "visitor", SIGNER)
    visits.finalise(visit.id)
    return visit


def _earlier_visits_arrive(workspace, school) -> None:
    for day in (date(2026, 6, 1), date(2026, 7, 1)):  # as an import brings them: dated before
        workspace.visits.start(school.id, visited_on=day)


def test_a_signed_visit_reprints_its_signed_number_after_earlier_visits_arrive(
        memory_workspace, school, signed_third, tmp_path) -> None:
    first = _pdf_text(write_visit_report(memory_workspace, signed_third.id, tmp_path / "signed.pdf"))
    assert SIGNED in first and "ตามลำดับวันที่" not in first
    _earlier_visits_arrive(memory_workspace, school)
    assert gather(memory_workspace, signed_third.id).previous_visits == 4  # the count by date now
    again = _pdf_text(write_visit_report(memory_workspace, signed_third.id, tmp_path / "again.pdf"))
    assert f"{SIGNED} {NOW}" in again
    word = " ".join(" ".join(text_of(write_visit_docx(memory_workspace, signed_third.id, tmp_path / "a.docx"))).split())
    assert f"{SIGNED} {NOW}" in word


def test_a_reopened_and_revised_visit_keeps_the_number_it_was_first_signed_with(
        memory_workspace, school, signed_third, tmp_path) -> None:
    """RETEST35 R1: reopened and confirmed again after earlier-dated visits arrived, the revision
    printed ครั้งที่ ๕ for the paper signed ๓, with no word: a revision is the same visit's record."""
    visits = memory_workspace.visits
    _earlier_visits_arrive(memory_workspace, school)
    visits.reopen(signed_third.id, "แก้ระดับ")
    draft = _pdf_text(write_visit_report(memory_workspace, signed_third.id, tmp_path / "draft.pdf"))
    assert f"{SIGNED} {NOW}" in draft
    visits.finalise(signed_third.id)  # the revision, signed again
    signed = _pdf_text(write_visit_report(memory_workspace, signed_third.id, tmp_path / "signed.pdf"))
    assert f"{SIGNED} {NOW}" in signed and "ฉบับแก้ไขครั้งที่ ๑" in signed


def test_a_confirmation_from_before_the_number_was_kept_prints_the_count_as_now(
        memory_workspace, school, signed_third, tmp_path) -> None:
    db = memory_workspace.db
    db.execute("DROP TRIGGER visit_events_no_update")
    db.execute("UPDATE visit_events SET signed_findings = NULL")
    _earlier_visits_arrive(memory_workspace, school)
    text = _pdf_text(write_visit_report(memory_workspace, signed_third.id, tmp_path / "old.pdf"))
    assert "การนิเทศครั้งที่ ๕ วันที่ ๓ ธันวาคม ๒๕๖๙" in text and "ตามลำดับวันที่" not in text


def test_the_number_travels_inside_what_was_confirmed_and_the_rule_still_refuses_anything_else(
        memory_workspace, signed_third) -> None:
    from qualityschool_desktop.visit_revisions import SIGNED_FINDINGS, signed_number

    kept = memory_workspace.visits.events(signed_third.id)[0].signed_findings
    assert signed_number(kept) == 3 and SIGNED_FINDINGS(kept)
    assert signed_number('{"3": {"level": 3, "texts": {}}}') is None  # the form before: no number
    for bad in ('{"findings": {}, "number": 0}', '{"findings": {}, "number": "3"}', '{"findings": {}}',
                '{"findings": {"3": {"level": 3}}, "number": 3}', '{"findings": {}, "number": 3, "x": 1}'):
        assert not SIGNED_FINDINGS(bad), bad
