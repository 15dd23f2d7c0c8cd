"""Issue 10 (second adversary, findings 2 and 9): the visit record printed on the supervisor's
laptop compares her levels with the school's own, which her laptop cannot change; and a record
without her levels says so instead of claiming agreement.

Real files move between databases with separate data folders (separate keys)."""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

import pytest

from qualityschool_desktop.errors import OwnershipError, ValidationError
from qualityschool_desktop.reports.visit import write_visit_report

from .laptops import Laptop, laptops, start_school, start_visit  # noqa: F401 (fixture)
from .pdf_checks import needs_poppler, pdftotext

pytestmark = needs_poppler
Laptops = Callable[[str], Laptop]


def _record_text(laptop: Laptop, visit_id: str) -> str:
    target = laptop.root / f"{laptop.name}-visit.pdf"
    with laptop.open() as workspace:
        write_visit_report(workspace, visit_id, target, digits="arabic")
    return re.sub(r"\s+", " ", pdftotext(target, "-raw"))


def test_the_supervisors_laptop_cannot_change_the_schools_submitted_levels(laptops: Laptops) -> None:
    school, supervisor = laptops("school"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace)  # every level 3
        workspace.assessments.submit(ids["assessment"])
    supervisor.import_(school.export("a.qsx"))
    with supervisor.open() as workspace:
        with pytest.raises(OwnershipError, match="แก้ไขได้ที่เครื่องของโรงเรียน"):
            workspace.assessments.reopen(ids["assessment"])
        with pytest.raises((OwnershipError, ValidationError)):  # owned elsewhere, and submitted
            workspace.answers.set_level(ids["assessment"], ids["item"], 1)
            workspace.answers.flush_pending()
        assert workspace.answers.for_assessment(ids["assessment"])[ids["item"]].level == 3
        visit_id = start_visit(workspace, ids["school"])
    text = _record_text(supervisor, visit_id)
    assert "3.00" in text  # the school's own mean level of component 1
    assert "2.33" not in text


def test_a_record_without_the_supervisors_levels_says_so_and_claims_no_agreement(laptops: Laptops) -> None:
    school, supervisor = laptops("school"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.assessments.submit(ids["assessment"])
    supervisor.import_(school.export("a.qsx"))
    with supervisor.open() as workspace:
        visit_id = start_visit(workspace, ids["school"])  # notes and a follow-up, no level
    text = _record_text(supervisor, visit_id)
    assert "ศึกษานิเทศก์ไม่ได้ให้ระดับ" in text
    assert "ให้ระดับเป็นรายองค์ประกอบ" not in text
    assert "สอดคล้อง" not in text


def test_a_visit_is_changed_only_on_the_laptop_that_made_it(laptops: Laptops) -> None:
    school, supervisor, colleague = laptops("school"), laptops("supervisor"), laptops("colleague")
    with school.open() as workspace:
        ids = start_school(workspace)
    supervisor.import_(school.export("a.qsx"))
    with supervisor.open() as workspace:
        visit_id = start_visit(workspace, ids["school"])  # final
    colleague.import_(supervisor.export("s.qsx"))
    with colleague.open() as workspace:
        framework = workspace.visits.framework_of(workspace.visits.get(visit_id))
        code = framework.components[0].code
        with pytest.raises(OwnershipError, match="เครื่องที่บันทึก"):
            workspace.visits.reopen(visit_id, "แก้ผลการนิเทศ")
        assert workspace.visits.get(visit_id).is_final
        assert workspace.visits.findings(visit_id)[code].observed == "ครูใช้สื่อหลากหลาย"
        # Her own visit of the same school she changes as before.
        own = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 2), purpose="นิเทศซ้ำ")
        assert workspace.visits.set_text(own.id, code, "observed", "ดีขึ้น").observed == "ดีขึ้น"
    with supervisor.open() as workspace:  # the maker reopens and corrects it
        workspace.visits.reopen(visit_id, "แก้ผลการนิเทศ")
        assert workspace.visits.set_text(visit_id, code, "observed", "แก้แล้ว").observed == "แก้แล้ว"


def test_a_confirmed_record_keeps_the_school_levels_it_was_signed_against_after_the_school_resubmits(
        laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    """TEST34C C11: the school reopened, raised its levels and resubmitted; the supervisor's
    confirmed record then printed the school's new mean instead of the signed one."""
    from qualityschool_desktop import clock
    from datetime import timedelta

    school, supervisor = laptops("school"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace, levels=5)  # component 1's first five items at level 3
        workspace.assessments.submit(ids["assessment"])
    supervisor.import_(school.export("a.qsx"))
    with supervisor.open() as workspace:
        visit_id = start_visit(workspace, ids["school"])
    before = _record_text(supervisor, visit_id)
    assert "3.00" in before
    monkeypatch.setattr(clock, "_offset", timedelta(days=2))  # two days later at the school
    with school.open() as workspace:
        workspace.assessments.reopen(ids["assessment"])
        for item in workspace.frameworks.latest().items[:5]:
            workspace.answers.set_level(ids["assessment"], item.code, 5)
        workspace.answers.flush_pending()
        workspace.assessments.submit(ids["assessment"])
    supervisor.import_(school.export("b.qsx"))
    after = _record_text(supervisor, visit_id)
    assert "โรงเรียนแก้ผลการประเมินตนเองหลังยืนยันบันทึกนี้: ผลล่าสุด องค์ประกอบที่ 1 5.00" in after
    first_row = after.split("ผลต่าง", 1)[1]
    assert "3.00" in first_row.split("2. ", 1)[0] and "5.00" not in first_row.split("2. ", 1)[0]
