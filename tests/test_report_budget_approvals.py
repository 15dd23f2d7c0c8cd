"""try14 F6 and F17: the office's note on an approval reaches the budget printout and the totals
per office, kind group and colour band say what was approved; a school typed without a district
prints no bare "อำเภอ", and a 5-digit quantity is never split inside the number. RETEST14 N5: an item
the office has not decided reads "รอพิจารณา", never ๐, and approved totals say they count only
decided items."""

from __future__ import annotations

import re
from pathlib import Path

from qualityschool_desktop.budget.decided import item_text
from qualityschool_desktop.budget.office import budget_picture
from qualityschool_desktop.reports.budget import write_budget_report
from qualityschool_desktop.workspace import Workspace

from .laptops import approval_behind_the_core
from .pdf_checks import needs_poppler, pdftotext


def _requests(workspace: Workspace) -> tuple[str, str]:
    a = workspace.schools.add(code="5201000001", name="โรงเรียนตำบลบ้านแป้น", district="เมืองลำพูน",
                              area_office="สพป.ลำพูน เขต 1")
    b = workspace.schools.add(code="5201000002", name="โรงเรียนทดสอบวิทยา", area_office="สพป.ลำพูน เขต 2")
    built = workspace.budget.add(a.id, 2571, "construction", description="อาคารเรียน", quantity=1, unit="หลัง",
                                 unit_price="1,000,000")
    desks = workspace.budget.add(b.id, 2571, "equipment", description="โต๊ะเก้าอี้นักเรียน", quantity=10000,
                                 unit="ชุด", unit_price="1,500")
    approval_behind_the_core(workspace, built.id, 80_000_000, "อนุมัติตามกรอบวงเงิน")
    return built.id, desks.id


def test_the_totals_say_what_was_approved(memory_workspace: Workspace) -> None:
    _requests(memory_workspace)
    picture = budget_picture(memory_workspace, 2571)
    assert picture.approved_by_area_office == {"สพป.ลำพูน เขต 1": 80_000_000, "สพป.ลำพูน เขต 2": 0}
    assert picture.approved_by_group["ที่ดินและสิ่งก่อสร้าง"] == 80_000_000
    assert picture.approved_by_group["ครุภัณฑ์"] == 0
    assert sum(picture.approved_by_band.values()) == 80_000_000


def test_an_undecided_item_is_pending_not_zero(memory_workspace: Workspace) -> None:
    _requests(memory_workspace)
    picture = budget_picture(memory_workspace, 2571)
    undecided = next(r for r in picture.requests if r.school.code == "5201000002")
    assert undecided.decisions.text() == "รอพิจารณา"
    assert item_text(undecided.approvals.get(undecided.items[0].id)) == "รอพิจารณา"
    assert picture.decided_by_area_office["สพป.ลำพูน เขต 2"].text() == "รอพิจารณา"
    assert picture.decided_by_group["ครุภัณฑ์"].text() == "รอพิจารณา"
    assert picture.decided_by_area_office["สพป.ลำพูน เขต 1"].text() == "๘๐๐,๐๐๐"
    assert picture.decisions.text() == "๘๐๐,๐๐๐ (รอ ๑ รายการ)"
    assert "พิจารณาแล้ว ๑ จาก ๒ รายการ" in picture.decisions.note()


@needs_poppler
def test_the_printout_shows_the_office_s_note_and_approved_totals(file_workspace: Workspace,
                                                                  tmp_path: Path) -> None:
    _requests(file_workspace)
    target = write_budget_report(file_workspace, 2571, tmp_path / "budget.pdf")
    flat = "".join(pdftotext(target, "-raw").split())
    assert "อนุมัติตามกรอบวงเงิน" in flat  # the office's note
    assert flat.count("๘๐๐,๐๐๐") >= 4  # the item, the school, and a total of each kind
    assert "อนุมัติ(บาท)" in flat.split("ยอดรวม")[-1]
    # N5: the undecided school, its kind and its office read "รอพิจารณา", never a bare ๐
    assert flat.count("รอพิจารณา") >= 4 and "ยอดอนุมัติรวมเฉพาะรายการที่สำนักงานพิจารณาแล้ว๑จาก๒รายการ" in flat
    assert not [line for line in pdftotext(target, "-raw").splitlines() if re.search(r"(^|\s)๐(\s|$)", line)]
    assert "อำเภอ(" not in flat and "โรงเรียนทดสอบวิทยา(" in flat  # no district typed: no bare อำเภอ
    lines = pdftotext(target, "-raw").splitlines()
    assert any("๑๐,๐๐๐" in line for line in lines)  # the quantity whole on one line


def test_the_workbook_s_totals_say_what_is_approved_and_what_waits(memory_workspace: Workspace,
                                                                   tmp_path: Path) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from qualityschool_desktop.reports.budget import TOTALS_SHEET, write_budget_xlsx

    _requests(memory_workspace)
    book = load_workbook(write_budget_xlsx(memory_workspace, 2571, tmp_path / "budget.xlsx"))
    assert [row[-1] for row in book["คำขอ"].iter_rows(min_row=2, values_only=True)] == [800_000, "รอพิจารณา"]
    totals = {row[0]: row[2:5] for row in book[TOTALS_SHEET].iter_rows(values_only=True) if row and row[0]}
    assert totals["โรงเรียนตำบลบ้านแป้น"] == (1_000_000, 800_000, 0)
    assert totals["โรงเรียนทดสอบวิทยา"] == (15_000_000, "รอพิจารณา", 1)
    assert totals["สพป.ลำพูน เขต 2"] == (15_000_000, "รอพิจารณา", 1)
    assert totals["รวมทั้งสิ้น"] == (16_000_000, 800_000, 1)
