"""Issue 14: ``report budget`` prints requests by school with totals in figures and Thai words
(bahttext), and the workbook carries the same totals back."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from qualityschool_desktop import cli
from qualityschool_desktop.budget import baht_words
from qualityschool_desktop.workspace import Workspace
from .pdf_checks import needs_poppler, pdftotext


@needs_poppler
def test_report_budget_pdf_words_and_xlsx_totals(file_workspace: Workspace, db_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    a = file_workspace.schools.add(code="5201000001", name="โรงเรียนตำบลบ้านแป้น", district="เมืองลำพูน",
                                   area_office="สพป.ลำพูน เขต 1")
    b = file_workspace.schools.add(code="5201000002", name="โรงเรียนบ้านห้วยไซ", district="บ้านธิ",
                                   area_office="สพป.ลำพูน เขต 2")
    file_workspace.budget.add(a.id, 2568, "construction", description="อาคารเรียน", quantity=1,
                              unit="หลัง", unit_price="11,867,900")
    file_workspace.budget.add(b.id, 2568, "equipment", description="ชุดห้องปฏิบัติการ", quantity=2,
                              unit="ชุด", unit_price="771,400")
    file_workspace.close()
    pdf, xlsx = tmp_path / "budget.pdf", tmp_path / "budget.xlsx"
    code = cli.run(cli.parse(["report", "budget", "--db", str(db_path), "--year", "2568", "--out", str(pdf),
                     "--xlsx", str(xlsx), "--digits", "arabic"]), out=io.StringIO(), err=io.StringIO())
    assert code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for satang in (1186790000, 154280000, 1186790000 + 154280000):
        assert baht_words(satang) in flat
    assert "11,867,900" in text and "13,410,700" in text
    book = load_workbook(xlsx)
    items = list(book["คำขอ"].iter_rows(min_row=2, values_only=True))
    assert sorted(row[11] for row in items) == [1542800, 11867900]
    totals = {row[0]: row[2] for row in book["ยอดรวม"].iter_rows(values_only=True) if row and row[0]}
    assert totals["รวมทั้งสิ้น"] == 13410700
    assert totals["สพป.ลำพูน เขต 1"] == 11867900 and totals["ครุภัณฑ์"] == 1542800


def test_report_budget_xlsx_writes_typed_formulas_as_text(file_workspace: Workspace, db_path: Path,
                                                          tmp_path: Path) -> None:
    """Issue 14 (F14.1): a description typed as =HYPERLINK(...) (also after a space or a zero-width
    space) is a string cell in the workbook, never a live formula."""
    import zipfile

    from openpyxl import load_workbook

    hostile = ['=HYPERLINK("http://x.example","คลิก")', " +1+1", "\u200b-2+3", "@SUM(A1)"]
    school = file_workspace.schools.add(code="5201000001", name="=1+1 โรงเรียน", district="เมืองลำพูน",
                                        area_office="สพป.ลำพูน เขต 1")
    for text in hostile:
        file_workspace.budget.add(school.id, 2568, "equipment", description=text, quantity=1, unit="ชุด",
                                  unit_price="1,000")
    file_workspace.close()
    xlsx = tmp_path / "budget.xlsx"
    code = cli.run(cli.parse(["report", "budget", "--db", str(db_path), "--year", "2568", "--out",
                              str(tmp_path / "b.pdf"), "--xlsx", str(xlsx)]), out=io.StringIO(), err=io.StringIO())
    assert code == 0
    with zipfile.ZipFile(xlsx) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode("utf-8")
    sheet = load_workbook(xlsx)["คำขอ"]
    descriptions = [row[7].value for row in sheet.iter_rows(min_row=2)]
    assert all(row[7].data_type == "s" for row in sheet.iter_rows(min_row=2))
    assert any(str(d).startswith("=HYPERLINK") for d in descriptions)
    assert sheet["D2"].value == "=1+1 โรงเรียน" and sheet["D2"].data_type == "s"


def _budget(db_path: Path, tmp_path: Path, *extra: str) -> tuple[int, str]:
    err = io.StringIO()
    code = cli.run(cli.parse(["report", "budget", "--db", str(db_path), "--out", str(tmp_path / "b.pdf"),
                              *extra]), out=io.StringIO(), err=err)
    return code, err.getvalue()


@needs_poppler
def test_report_budget_refuses_an_unknown_office_or_a_year_out_of_range(file_workspace: Workspace, db_path: Path,
                                                                       tmp_path: Path) -> None:
    """F14.4: an unknown office or a CE year is a Thai message and exit 2, not an empty report;
    "เขต ๑" (a Thai digit) is the office "เขต 1"."""
    school = file_workspace.schools.add(code="5201000001", name="โรงเรียนตำบลบ้านแป้น", district="เมืองลำพูน",
                                        area_office="สพป.ลำพูน เขต 1")
    file_workspace.budget.add(school.id, 2570, "equipment", description="เครื่องฉายภาพ", unit_price="25,000")
    file_workspace.close()
    code, err = _budget(db_path, tmp_path, "--year", "2570", "--area-office", "สพป.ตาก เขต 9")
    assert code == 2 and "สพป.ตาก เขต 9" in err and "สพป.ลำพูน เขต 1" in err
    assert not (tmp_path / "b.pdf").exists()
    code, err = _budget(db_path, tmp_path, "--year", "2027")
    assert code == 2 and "ค.ศ." in err and "๒๕๗๐" in err
    code, err = _budget(db_path, tmp_path, "--year", "3000")
    assert code == 2 and "๒๕๐๐" in err and "๒๗๐๐" in err
    assert not (tmp_path / "b.pdf").exists()
    code, err = _budget(db_path, tmp_path, "--year", "2570", "--area-office", " สพป.ลำพูน  เขต ๑ ", "--digits",
                        "arabic")
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True).stdout
    assert "โรงเรียนตำบลบ้านแป้น" in text and "25,000" in text


@needs_poppler
def test_report_budget_pdf_never_breaks_an_amount_across_lines(file_workspace: Workspace, db_path: Path,
                                                                tmp_path: Path) -> None:
    """F14.5: "๒๒,๒๒๔,๓๐ / ๐" — a large amount is one unbreakable word on one line of its cell."""
    school = file_workspace.schools.add(code="5201000001", name="โรงเรียนตำบลบ้านแป้น", district="เมืองลำพูน",
                                        area_office="สพป.ลำพูน เขต 1")
    file_workspace.budget.add(school.id, 2570, "multi_year", description="อาคารใหญ่", quantity=9, unit="หลัง",
                              unit_price="999,999,999.99", span_years=4)
    file_workspace.budget.add(school.id, 2570, "equipment", description="ครุภัณฑ์", quantity=7, unit="ชุด",
                              unit_price="123,456.75")
    file_workspace.close()
    for digits in ("thai", "arabic"):
        code, err = _budget(db_path, tmp_path, "--year", "2570", "--digits", digits)
        assert code == 0, err
        lines = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b.pdf"), "-"], capture_output=True,
                               text=True).stdout.splitlines()
        for amount in ("999,999,999.99", "8,999,999,999.91", "864,197.25", "9,000,864,197.16"):
            shown = amount if digits == "arabic" else amount.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
            assert any(shown in line for line in lines), (shown, lines)


def test_the_totals_list_colour_bands_in_the_checklist_s_order(file_workspace: Workspace, db_path: Path,
                                                               tmp_path: Path, monkeypatch) -> None:
    """Issue 14 (tester): the totals by colour band read ม่วง ฟ้า เขียว เหลือง ส้ม แดง (the
    checklist's order), schools without a result last, not in the order schools happen to come."""
    from qualityschool_desktop.budget import office

    bands = {"โรงเรียนกอ": "แดง", "โรงเรียนขอ": "ยังไม่มีผลประเมิน", "โรงเรียนคอ": "เขียว", "โรงเรียนงอ": "ม่วง"}
    for n, name in enumerate(bands):
        school = file_workspace.schools.add(code=f"520100001{n}", name=name, district="เมืองลำพูน",
                                            area_office="สพป.ลำพูน เขต 1")
        file_workspace.budget.add(school.id, 2568, "equipment", description="โต๊ะ", quantity=1, unit="ตัว",
                                  unit_price="1000")
    monkeypatch.setattr(office, "_band_of", lambda ws, school_id, year: bands[ws.schools.get(school_id).name])
    picture = office.budget_picture(file_workspace, 2568)
    assert list(picture.by_band) == ["ม่วง", "เขียว", "แดง", "ยังไม่มีผลประเมิน"]


@needs_poppler
def test_a_year_without_requests_says_so_plainly(file_workspace: Workspace, db_path: Path, tmp_path: Path) -> None:
    """C14 item 7: a year nobody asked for printed "รวมทั้งสิ้น ๐ โรงเรียน ๐ รายการ" and three empty
    totals tables; the page and the command line now say there are no requests for that year."""
    school = file_workspace.schools.add(code="5201000001", name="โรงเรียนตำบลบ้านแป้น", district="เมืองลำพูน",
                                        area_office="สพป.ลำพูน เขต 1")
    file_workspace.budget.add(school.id, 2570, "equipment", description="เครื่องฉายภาพ", unit_price="25,000")
    file_workspace.close()
    out = io.StringIO()
    code = cli.run(cli.parse(["report", "budget", "--db", str(db_path), "--year", "2571", "--out",
                              str(tmp_path / "b.pdf")]), out=out, err=io.StringIO())
    assert code == 0
    assert "ไม่มีคำขอรับการสนับสนุนงบประมาณของปีงบประมาณ 2571" in out.getvalue()
    assert "ปีที่มีคำขอ: 2570" in out.getvalue()
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "ไม่มีคำขอรับการสนับสนุนงบประมาณของปีงบประมาณ๒๕๗๑" in flat
    assert "๐โรงเรียน" not in flat and "ตามสังกัด" not in flat


@needs_poppler
def test_the_largest_quantity_stays_whole_in_its_cell(file_workspace: Workspace, db_path: Path, tmp_path: Path) -> None:
    """TEST14 s24 F17: "๑๐,๐๐⏎๐" — 10,000 (the largest quantity allowed) broke inside the number (the
    approvals' layout gives the column the same width)."""
    from qualityschool_desktop.reports.budget.pdf import APPROVED_WIDTHS, HEADER, WIDTHS

    assert APPROVED_WIDTHS[HEADER.index("จำนวน")] >= WIDTHS[HEADER.index("จำนวน")]
    school = file_workspace.schools.add(code="5201000001", name="โรงเรียนตำบลบ้านแป้น", district="เมืองลำพูน",
                                        area_office="สพป.ลำพูน เขต 1")
    file_workspace.budget.add(school.id, 2570, "equipment", description="หนังสือห้องสมุด", quantity=10000,
                              unit="เล่ม", unit_price="999,999.99")
    file_workspace.budget.add(school.id, 2570, "equipment", description="โต๊ะ", quantity=9999, unit="ชุด",
                              unit_price="999,999.99")
    file_workspace.close()
    for digits, wanted in (("thai", ("๑๐,๐๐๐", "๙,๙๙๙")), ("arabic", ("10,000", "9,999"))):
        code, err = _budget(db_path, tmp_path, "--year", "2570", "--digits", digits)
        assert code == 0, err
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b.pdf"), "-"], capture_output=True,
                              text=True).stdout
        for number in wanted:
            assert number in text, number


@needs_poppler
def test_a_school_without_its_district_prints_no_empty_district(file_workspace: Workspace, db_path: Path,
                                                                 tmp_path: Path) -> None:
    """TEST14 s24 F17: "๑. โรงเรียนทดสอบวิทยา อำเภอ (ยังไม่มีผลประเมิน)"."""
    school = file_workspace.schools.add(code="5201000001", name="โรงเรียนทดสอบวิทยา", area_office="สพป.ลำพูน เขต 1")
    file_workspace.budget.add(school.id, 2570, "equipment", description="โต๊ะ", quantity=1, unit="ชุด",
                              unit_price="1,000")
    file_workspace.close()
    code, err = _budget(db_path, tmp_path, "--year", "2570")
    assert code == 0, err
    text = subprocess.run(["pdftotext", "-raw", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True).stdout
    assert "โรงเรียนทดสอบวิทยา (" in text and "อำเภอ (" not in text


@needs_poppler
def test_a_multi_year_item_reads_as_the_whole_commitment(file_workspace: Workspace, tmp_path: Path) -> None:
    """try14 F11 (decision): a งบผูกพัน item's amount is the whole commitment over its years, kept
    whole in the year it is asked in; the item says so, and each total that counts it says how
    much of it is commitment, in the PDF and the workbook."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from qualityschool_desktop.reports.budget import write_budget_report, write_budget_xlsx

    school = file_workspace.schools.add(code="5201000001", name="โรงเรียนตำบลบ้านแป้น", district="เมืองลำพูน",
                                        area_office="สพป.ลำพูน เขต 1")
    file_workspace.budget.add(school.id, 2571, "multi_year", description="อาคารเรียน ๔ ชั้น", quantity=1,
                              unit="หลัง", unit_price="22,224,300", span_years=3)
    file_workspace.budget.add(school.id, 2571, "equipment", description="เครื่องฉายภาพ", unit_price="25,000")
    flat = "".join(pdftotext(write_budget_report(file_workspace, 2571, tmp_path / "b.pdf"), "-raw").split())
    assert "อาคารเรียน๔ชั้นวงเงินทั้งโครงการ(ผูกพัน๓ปี)" in flat
    commitment = "ในจำนวนนี้เป็นวงเงินทั้งโครงการของงบผูกพันหลายปี๒๒,๒๒๔,๓๐๐บาท"
    # the grand total, the school's total, and the totals by office, kind group and band
    assert flat.count(commitment) == 5, flat
    book = load_workbook(write_budget_xlsx(file_workspace, 2571, tmp_path / "b.xlsx"))
    header, *items = list(book["คำขอ"].iter_rows(values_only=True))
    notes = [row[header.index("หมายเหตุวงเงิน")] for row in items]
    assert sorted(notes, key=lambda note: note is None) == ["วงเงินทั้งโครงการ (ผูกพัน 3 ปี)", None]
    totals = {row[0]: row for row in book["ยอดรวม"].iter_rows(values_only=True) if row and row[0]}
    assert totals["รวมทั้งสิ้น"][2] == 22_249_300 and totals["รวมทั้งสิ้น"][5] == 22_224_300
    assert totals["ครุภัณฑ์"][5] is None and totals["ที่ดินและสิ่งก่อสร้าง"][5] == 22_224_300

    # TEST26b F4: the largest total shows (not "###") as money, and the sheet prints landscape one page wide.
    for sheet in book:
        assert sheet.page_setup.orientation == "landscape" or sheet.title == "ยอดรวม"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows
    amount = book["คำขอ"].cell(row=2, column=header.index("จำนวนเงิน (บาท)") + 1)
    assert amount.number_format == "#,##0.00"
    assert book["คำขอ"].column_dimensions[amount.column_letter].width >= len("22,224,300.00")
    grand = next(row for row in book["ยอดรวม"].iter_rows() if row[0].value == "รวมทั้งสิ้น")[2]
    assert grand.number_format == "#,##0.00" and book["ยอดรวม"].column_dimensions["C"].width >= len("22,249,300.00")


def test_long_text_columns_wrap_instead_of_shrinking_the_print(tmp_path: Path) -> None:
    """TEST26b F5: fourteen columns of long texts printed fit-to-width at about 3 pt; long text
    columns now wrap at a fixed width and a sheet too wide to fit readably prints at 75 %."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from qualityschool_desktop.reports.summary.export import WIDE_SCALE, WRAP_WIDTH, write_xlsx
    from qualityschool_desktop.reports.summary.tables import SummaryTable

    long_text = "สรุปผลการดำเนินงานของโครงการที่ยาวมากจนต้องขึ้นบรรทัดใหม่ " * 3
    wide = SummaryTable(key="p", title="โครงการ", header=tuple(f"หัวข้อ {n}" for n in range(16)),
                        rows=(tuple(long_text for _ in range(16)),))
    sheet = load_workbook(write_xlsx([wide], tmp_path / "p.xlsx"))["โครงการ"]
    assert all(dimension.width == WRAP_WIDTH for dimension in sheet.column_dimensions.values())
    assert sheet["B2"].alignment.wrap_text and sheet.row_dimensions[2].height > 15
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.scale == WIDE_SCALE
