"""TEST14 findings 6 and 15 in the budget printout: what the office approved of each item (an item
changed since its decision says it waits for a new one), and a school's total kept with its rows."""

from __future__ import annotations

import subprocess
from pathlib import Path

from qualityschool_desktop.reports.budget import write_budget_report, write_budget_xlsx
from qualityschool_desktop.workspace import Workspace

from .laptops import Laptops, laptops  # noqa: F401 (fixture)
from .pdf_checks import needs_poppler
from .test_budget import YEAR, school_with_request


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@needs_poppler
def test_the_pdf_shows_the_approved_amount_of_each_item(laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    school, district, ids = school_with_request(laptops)
    with school.open() as workspace:
        ids["table"] = workspace.budget.add(ids["school"], YEAR, "equipment", description="โต๊ะเรียน", quantity=40,
                                            unit="ตัว", unit_price="2,500").id
    district.import_(school.export("b.qsx"))
    with district.open() as workspace:
        workspace.budget.set_approval(ids["item"], "10,000,000")
        workspace.budget.set_approval(ids["table"], "87,500")
    with school.open() as workspace:  # the school asks for more tables after the decision
        workspace.budget.update(ids["table"], quantity="50")
    district.import_(school.export("c.qsx"))
    with district.open() as workspace:
        pdf = write_budget_report(workspace, YEAR, tmp_path / "budget.pdf", digits="arabic")
        xlsx = write_budget_xlsx(workspace, YEAR, tmp_path / "budget.xlsx")
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    approved = sorted(str(row[-1]) for row in load_workbook(xlsx)["คำขอ"].iter_rows(min_row=2, values_only=True))
    assert approved == ["10000000", "รอพิจารณาใหม่ (แก้ไขหลังอนุมัติ)"]
    text = "\n".join(_pages(pdf))
    assert "อนุมัติ (บาท)" in text
    assert "10,000,000" in text  # the building's approval, on its row
    flat = "".join(text.split())
    assert "87,500" not in text and "รอพิจารณาใหม่" in flat  # the tables changed: a new decision is needed
    assert "อนุมัติแล้ว10,000,000บาท" in flat  # the approved total counts the current decision only


@needs_poppler
def test_a_school_s_total_stays_with_its_rows(memory_workspace: Workspace, tmp_path: Path) -> None:
    """A 300-school printout took two pages a school: the total's line alone on the second."""
    w = memory_workspace
    schools = 6
    for n in range(schools):
        school = w.schools.add(code=f"10{n:08d}", name=f"โรงเรียนทดสอบ {n}", district=f"อำเภอ{n}", province="ตาก",
                               area_office="สพป.ตาก เขต 1", level="primary")
        for _ in range(3):
            w.budget.add(school.id, 2571, "equipment", description="ครุภัณฑ์ยาว" * 20, quantity=7, unit="ชุด",
                         unit_price="123,456.75")
        w.budget.add(school.id, 2571, "construction", description="อาคาร", quantity=1, unit="หลัง",
                     unit_price="9,876,543.21")
        w.budget.add(school.id, 2571, "multi_year", description="อาคารใหญ่", quantity=1, unit="หลัง",
                     unit_price="99,999,999.99", span_years=4)
    pages = _pages(write_budget_report(w, 2571, tmp_path / "big.pdf"))
    totals = [page for page in pages if "หนึ่งร้อยสิบสองล้าน" in "".join(page.split())]
    assert len(totals) == schools
    for page in totals:
        assert "ที่ดินและ" in page, page  # with the school's last rows, never alone
    # Each school takes 1.2 pages of rows: flowing on, not a fresh page each (two pages each before)
    assert len(pages) <= schools * 1.3 + 2
