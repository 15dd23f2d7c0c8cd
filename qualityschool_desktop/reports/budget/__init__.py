"""The office's budget-request printout (issue 14): requests by school with totals, amounts in
figures and in Thai words, as a PDF on the typesetting engine and as an Excel workbook.

:func:`write_budget_report` and :func:`write_budget_xlsx` are all the window and the command line
use; :mod:`.pdf` lays the data of :func:`~qualityschool_desktop.budget.office.budget_picture` out.
Cheap to import: ReportLab loads when a PDF is built, openpyxl when a workbook is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ...budget.commitment import whole_amount_note
from ...budget.decided import Decided, is_decided, item_text
from ...budget.money import SATANG_PER_BAHT
from ...budget.office import BudgetPicture, budget_picture
from ...budget.rules import load_rules
from ...thai import DigitText
from ...workspace import Workspace
from ..document import Document, write_report
from ..output import checker, write_atomically
from ..summary.export import lay_out_sheet, put_row
from .wording import YEARS_WITH_REQUESTS, no_requests_text

__all__ = ["YEARS_WITH_REQUESTS", "default_budget_report_name", "no_requests_text", "write_budget_report", "write_budget_xlsx"]

XLSX_HEADER = ("สังกัด", "อำเภอ", "รหัสโรงเรียน", "โรงเรียน", "กลุ่มสี", "ประเภท", "ลักษณะรายการ", "รายการ", "จำนวน",
               "หน่วยนับ", "ราคาต่อหน่วย (บาท)", "จำนวนเงิน (บาท)", "งบผูกพัน (ปี)", "หมายเหตุวงเงิน", "องค์ประกอบ/ประเด็น",
               "ลำดับความสำคัญ", "เหตุผลความจำเป็น", "อนุมัติ (บาท)")
TOTALS_SHEET = "ยอดรวม"
# The totals sheet's figures: asked, approved (decided items only), items still waiting for a decision,
# and how much of the amount asked is งบผูกพัน, the whole commitment over its years (try14 F11).
TOTALS_HEADER = ("จำนวนเงิน (บาท)", "อนุมัติ (บาท)", "รอพิจารณา (รายการ)", "ในจำนวนนี้เป็นงบผูกพันทั้งโครงการ (บาท)")
MONEY_FORMAT = "#,##0.00"
# Columns (from 1) holding baht: on "คำขอ" unit price, amount, approved; on the totals sheet the
# amounts asked, approved and in commitment (not the count of items waiting).
XLSX_MONEY_COLUMNS = (11, 12, 18)
TOTALS_MONEY_COLUMNS = (3, 4, 6)


def default_budget_report_name(fiscal_year: int) -> str:
    """A file name for the printout: "คำขอรับการสนับสนุนงบประมาณ-2570.pdf"."""
    return f"คำขอรับการสนับสนุนงบประมาณ-{fiscal_year}.pdf"


def write_budget_report(
    workspace: Workspace, fiscal_year: int, target: Path, *, area_office: str | None = None,
    school_id: str | None = None, digits: str = "thai", progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the requests of ``fiscal_year`` (BE; of one ``area_office``, of one school ``school_id``
    (the school page's คำของบประมาณ tab prints its own) or all) to ``target`` (.pdf)
    and return it: per school its items (kind, description, quantity, unit price, amount in baht
    with thousands separators, Thai or Arabic ``digits``), its total in figures and in words
    (bahttext), the rules' messages; then totals per area office, kind group and colour band.
    Raises as :func:`~qualityschool_desktop.reports.document.write_report` does."""
    return write_report(target, digits=digits, gather=lambda: budget_picture(workspace, fiscal_year,
                                                                                  area_office=area_office,
                                                                                  school_id=school_id),
                        layout=_layout, progress=progress, cancelled=cancelled)


def _layout(data: BudgetPicture, t: DigitText) -> Document:
    from .pdf import layout  # loads ReportLab

    return layout(data, t)


def _baht(satang: int) -> float | int:
    whole, part = divmod(satang, SATANG_PER_BAHT)
    return whole if part == 0 else satang / SATANG_PER_BAHT


def write_budget_xlsx(workspace: Workspace, fiscal_year: int, target: Path, *,
                      area_office: str | None = None) -> Path:
    """Write the requests of ``fiscal_year`` (BE) as a workbook: sheet "คำขอ" one row per item
    (amounts as numbers, in baht; the approved amount, or "รอพิจารณา" for an item not decided),
    sheet :data:`TOTALS_SHEET` the totals per school, area office, kind group and colour band, and
    the grand total, each asked, approved (decided items only; "รอพิจารณา" when none is) and how
    many items wait (:data:`TOTALS_HEADER`). Returns ``target``. Raises
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the file cannot be written."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    picture = budget_picture(workspace, fiscal_year, area_office=area_office)
    rules = load_rules()

    def build(partial: Path) -> None:
        book = Workbook()
        sheet = book.active
        sheet.title = "คำขอ"
        put_row(sheet, 1, XLSX_HEADER)
        line = 1
        for request in picture.requests:
            school = request.school
            for item in request.items:
                approval = request.approvals.get(item.id)
                # A figure when decided; else "รอพิจารณา" (RETEST14 N5) or "รอพิจารณาใหม่ (…)", never blank or 0.
                approved: Any = _baht(approval.approved_satang) if is_decided(approval) and approval is not None \
                    and approval.approved_satang is not None else item_text(approval)
                line += 1
                put_row(sheet, line, [school.area_office, school.district, school.code, school.name, request.band,
                              rules.group_of(item.kind).label, rules.kind_labels[item.kind], item.description,
                              item.quantity, item.unit, _baht(item.unit_price_satang), _baht(item.amount_satang),
                              item.span_years if item.kind == "multi_year" else None,
                              whole_amount_note(item, "arabic") or None,  # "วงเงินทั้งโครงการ (ผูกพัน 3 ปี)" (F11)
                              item.scope_codes, item.priority, item.justification, approved])
        totals = book.create_sheet(TOTALS_SHEET)
        def approved_cells(decided: Decided, commitment: int) -> list[Any]:
            """What is approved (decided items only), how many items wait (RETEST14 N5), and the
            part asked that is งบผูกพัน commitment (blank when none, try14 F11)."""
            return [_baht(decided.satang) if decided.decided else decided.text(), decided.pending,
                    _baht(commitment) if commitment else None]

        rows: list[list[Any]] = [["ปีงบประมาณ", fiscal_year], [], ["โรงเรียน", "รหัสโรงเรียน", *TOTALS_HEADER]]
        rows += [[r.school.name, r.school.code, _baht(r.total_satang), *approved_cells(r.decisions, r.commitment_satang)]
                 for r in picture.requests]
        for title, amounts, decided, commitment in (
                ("สังกัด", picture.by_area_office, picture.decided_by_area_office, picture.commitment_by_area_office),
                ("ประเภท", picture.by_group, picture.decided_by_group, picture.commitment_by_group),
                ("กลุ่มสี", picture.by_band, picture.decided_by_band, picture.commitment_by_band)):
            rows += [[], [title, "", *TOTALS_HEADER]]
            rows += [[name, "", _baht(amount), *approved_cells(decided.get(name, Decided()), commitment.get(name, 0))]
                     for name, amount in amounts.items()]
        rows += [[], ["รวมทั้งสิ้น", "", _baht(picture.total_satang),
                      *approved_cells(picture.decisions, picture.commitment_satang)]]
        # Typed text (names, descriptions) goes through the formula-safe writer (F14: "=HYPERLINK(…)"
        # in a description was a live link).
        for number, row in enumerate(rows, start=1):
            put_row(totals, number, row)
        header_rows = [number for number, row in enumerate(rows, start=1) if row[2:] == list(TOTALS_HEADER)]
        for ws, money, headers in ((sheet, XLSX_MONEY_COLUMNS, [1]), (totals, TOTALS_MONEY_COLUMNS, header_rows)):
            for number in headers:
                for cell in ws[number]:
                    cell.font = Font(bold=True)
            for column in ws.iter_cols(min_row=2):
                for cell in column:
                    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and cell.column > 2:
                        cell.number_format = MONEY_FORMAT if cell.column in money else "#,##0"
            # Widths from the shown amounts ("###" for 22,224,300: TEST26b F4), landscape, one page wide.
            lay_out_sheet(ws, headers)
        book.save(partial)

    return write_atomically(Path(target), build, checker(None))
