"""Issue 15 (part 2): the progress report of an office's projects (seed 004), read back from the
PDF as a user copies it, and its workbook."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from qualityschool_desktop.thai import office_name
from qualityschool_desktop import cli
from qualityschool_desktop.projects.progress import gather_progress
from qualityschool_desktop.reports.progress import write_progress_report
from qualityschool_desktop.reports.progress.excel import write_progress_xlsx
from qualityschool_desktop.reports.summary.export import DATE_FORMAT
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext

YEAR = 2565
OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๒"
NIETS = "สถาบันทดสอบทางการศึกษาแห่งชาติ"


def flat(path: Path) -> str:
    """The PDF's text with every space and line break dropped: a paragraph reads whole."""
    return re.sub(r"\s+", "", pdftotext(path, "-raw"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_004(workspace: Workspace) -> None:
    """Seed 004's office: 17 projects of the action plan (2 in progress, 15 not started), 2
    allocated by OBEC (one finished, one in progress) and 2 funded by NIETS, in progress."""
    projects = workspace.projects
    projects.add(YEAR, "โครงการพัฒนาคุณภาพการศึกษาขั้นพื้นฐานโดยครอบครัว", area_office=OFFICE, status="in_progress",
                 output_goals="จัดการศึกษาขั้นพื้นฐานโดยครอบครัว จำนวน ๓๙ ครอบครัว",
                 outcome_goals="ผู้เรียนได้รับการวัดและประเมินผลครบทุกคน",
                 indicators=[{"name": "ร้อยละของผู้เรียนที่ได้รับการประเมิน", "target": "100", "actual": "100"}],
                 activities=[{"name": "ประชุมคณะกรรมการวัดผล", "quarter": 2, "planned_start": "2022-02-04",
                              "status": "finished"},
                             {"name": "สรุปผลปลายปี", "quarter": 4, "status": "not_started"}],
                 budget_lines=[{"source": "own", "planned_baht": [0, 9900], "disbursed_baht": [0, 9900]}],
                 problems="การดำเนินงานขาดเอกภาพ", suggestions="ควรมีแนวทางที่ยืดหยุ่น")
    projects.add(YEAR, "โครงการสรรหาครูอัตราจ้าง", area_office=OFFICE, status="in_progress",
                 budget_lines=[{"source": "own", "planned_baht": [0, 20000], "disbursed_baht": [0, 4840]}],
                 behind_reason="งบประมาณที่ตั้งไว้เกินกว่าจำนวนผู้สมัคร",
                 results_summary="สพป. สามารถสรรหาครูอัตราจ้างได้ ๑ อัตรา\nในตำแหน่งที่ว่างครบทุกตำแหน่ง")
    for number in range(15):
        projects.add(YEAR, f"โครงการที่ยังไม่เริ่ม {number + 1}", area_office=OFFICE)
    for name, status in (("โครงการพัฒนาศูนย์การเรียนรู้เทคโนโลยี", "finished"), ("โครงการครูผู้ทรงคุณค่า", "in_progress")):
        projects.add(YEAR, name, area_office=OFFICE, status=status, budget_lines=[
            {"source": "obec", "planned_baht": [0, 5100000], "disbursed_baht": [0, 5100000]}])
    for name in ("โครงการบ้านนักวิทยาศาสตร์น้อย", "โครงการยกระดับผล O-NET"):
        projects.add(YEAR, name, area_office=OFFICE, status="in_progress", budget_lines=[
            {"source": "agency", "agency": NIETS, "planned_baht": [0, 5000], "disbursed_baht": [0, 5000]}])


def test_the_figures_follow_the_seed(memory_workspace: Workspace) -> None:
    seed_004(memory_workspace)
    report = gather_progress(memory_workspace, YEAR, "H1")
    assert report.office == office_name(OFFICE) and report.quarters == (1, 2)  # stored with an Arabic digit (f03)
    assert [(c.label, c.count, str(c.share)) for c in report.own.counts] == [
        ("โครงการที่อยู่ระหว่างดำเนินการ", 2, "11.76"), ("โครงการที่ยังไม่ได้ดำเนินการ", 15, "88.24")]
    assert [(c.count, str(c.share)) for c in report.others.counts] == [(2, "100.00")]
    assert [(c.status, c.count, str(c.share)) for c in report.obec.counts] == [
        ("finished", 1, "50.00"), ("in_progress", 1, "50.00")]
    assert report.others.agencies == (NIETS,)
    first, behind = report.own.projects[:2]
    assert [a["name"] for a in first.activities] == ["ประชุมคณะกรรมการวัดผล"]  # quarter 4's is not of H1
    assert (first.planned_satang, first.disbursed_satang, first.behind) == (990000, 990000, False)
    assert (behind.planned_satang, behind.disbursed_satang, behind.behind) == (2000000, 484000, True)
    q3 = gather_progress(memory_workspace, YEAR, "Q3", OFFICE)
    assert q3.own.projects[0].activities == () and q3.own.projects[1].behind is False


@needs_poppler
def test_the_pdf_reads_as_seed_004(memory_workspace: Workspace, tmp_path: Path) -> None:
    seed_004(memory_workspace)
    target = write_progress_report(memory_workspace, YEAR, tmp_path / "ความก้าวหน้า.pdf", period="H1")
    text = flat(target)
    expected = [
        "รายงานสรุปความก้าวหน้าของการดำเนินโครงการ",
        "ตามแผนปฏิบัติการประจำปีงบประมาณพ.ศ.๒๕๖๕และโครงการที่ได้รับจัดสรรงบประมาณจากสพฐ.รอบ๖เดือน",
        "๑.โครงการตามแผนปฏิบัติการประจำปีงบประมาณพ.ศ.๒๕๖๕จำนวน๑๗โครงการ",
        "๑.๑โครงการที่อยู่ระหว่างดำเนินการจำนวน๒โครงการคิดเป็นร้อยละ๑๑.๗๖",
        "๑.๒โครงการที่ยังไม่ได้ดำเนินการจำนวน๑๕โครงการคิดเป็นร้อยละ๘๘.๒๔",
        # seed 004's section ๒: the projects allocated by OBEC, apart from the plan's and other agencies'
        "๒.โครงการที่ได้รับจัดสรรงบประมาณจากสพฐ.จำนวน๒โครงการ",
        "๒.๑โครงการที่ดำเนินการเสร็จสิ้นแล้วจำนวน๑โครงการคิดเป็นร้อยละ๕๐.๐๐",
        f"๓.โครงการที่ได้รับงบประมาณจากหน่วยงานอื่น({NIETS})จำนวน๒โครงการและอยู่ระหว่างดำเนินการทั้ง๒โครงการ",
        "ผลการติดตามความก้าวหน้า",
        "๑.๑โครงการที่อยู่ระหว่างดำเนินการจำนวน๒โครงการโดยมีรายละเอียดดังนี้",
        "เป้าหมายเชิงผลผลิต(Output)", "จัดการศึกษาขั้นพื้นฐานโดยครอบครัวจำนวน๓๙ครอบครัว",
        "เป้าหมายเชิงผลลัพธ์(Outcome)", "ดัชนีชี้วัดความสำเร็จ", "ร้อยละของผู้เรียนที่ได้รับการประเมิน",
        "ความก้าวหน้าของกิจกรรมที่ดำเนินการรอบ๖เดือนปีงบประมาณ๒๕๖๕", "ประชุมคณะกรรมการวัดผล",
        "จำนวนเงินงบประมาณตามแผนการใช้จ่าย๙,๙๐๐บาท", "จำนวนเงินงบประมาณที่เบิกจ่ายจริง๙,๙๐๐บาท",
        "ผลการเบิกจ่ายงบประมาณสามารถเบิกจ่ายงบประมาณได้ตามแผนการ",
        "สรุปปัญหาและข้อเสนอแนะของโครงการรอบ๖เดือนปีงบประมาณ๒๕๖๕",
        # seed 004's "สรุปผลการดำเนินงาน", from what the project holds: activities done, indicator results (F15)
        "สรุปผลการดำเนินงาน", f"{OFFICE}สรุปผลความสำเร็จของการดำเนินงานดังนี้",
        "๑)กิจกรรมในรอบ๖เดือนดำเนินการเสร็จสิ้นแล้ว๑จาก๑กิจกรรม",
        "๒)ร้อยละของผู้เรียนที่ได้รับการประเมินผลการดำเนินงาน๑๐๐จากค่าเป้าหมาย๑๐๐",
        "ปัญหาและอุปสรรคในการดำเนินงาน", "การดำเนินงานขาดเอกภาพ", "ข้อเสนอแนะ", "ควรมีแนวทางที่ยืดหยุ่น",
        "จำนวนเงินงบประมาณที่เบิกจ่ายจริง๔,๘๔๐บาท",
        "ไม่สามารถเบิกจ่ายงบประมาณได้ตามแผนการเนื่องจากงบประมาณที่ตั้งไว้เกินกว่าจำนวนผู้สมัคร",
        # the office's own "สรุปผลการดำเนินงาน", as typed, in place of the generated one (migration 0030)
        "สรุปผลการดำเนินงาน", "สพป.สามารถสรรหาครูอัตราจ้างได้๑อัตรา", "ในตำแหน่งที่ว่างครบทุกตำแหน่ง",
        "ปัญหาและอุปสรรคในการดำเนินงาน",
        "๑.๒โครงการที่ยังไม่ได้ดำเนินการจำนวน๑๕โครงการดังนี้", "๑.๒.๑โครงการที่ยังไม่เริ่ม1",
        "๒.โครงการที่ได้รับจัดสรรงบประมาณจากสพฐ.จำนวน๒โครงการ",
        "๒.๑โครงการที่ดำเนินการเสร็จสิ้นแล้วจำนวน๑โครงการโดยมีรายละเอียดดังนี้", "โครงการพัฒนาศูนย์การเรียนรู้เทคโนโลยี",
        "๓.๑โครงการที่อยู่ระหว่างดำเนินการจำนวน๒โครงการโดยมีรายละเอียดดังนี้", "โครงการบ้านนักวิทยาศาสตร์น้อย",
    ]
    at = 0
    for words in expected:  # in the seed's order
        found = text.find(squeeze(words), at)
        assert found >= 0, words
        at = found
    assert "สรุปผลปลายปี" not in text  # an activity of quarter 4 is not in the six-month report
    assert "๑๑.๗๖%" in text and "๘๘.๒๔%" in text  # the pie's labels: the same shares as the text (N3)


def test_the_command_writes_the_pdf_and_the_workbook(tmp_path: Path) -> None:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    db = tmp_path / "office.sqlite3"
    with Workspace.open(db, create=True) as workspace:
        seed_004(workspace)
    pdf, xlsx = tmp_path / "progress.pdf", tmp_path / "progress.xlsx"
    assert cli.run(cli.parse(["report", "progress", "--db", str(db), "--year", "2565", "--period", "H1",
                              "--out", str(pdf), "--xlsx", str(xlsx)])) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    book = load_workbook(xlsx)
    sheet = book["สรุปตามสถานะ"]
    counts = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert counts == [["ตามแผนปฏิบัติการ", "โครงการที่อยู่ระหว่างดำเนินการ", 2, 11.76],
                      ["ตามแผนปฏิบัติการ", "โครงการที่ยังไม่ได้ดำเนินการ", 15, 88.24],
                      ["ได้รับจัดสรรงบประมาณจาก สพฐ.", "โครงการที่ดำเนินการเสร็จสิ้นแล้ว", 1, 50.0],
                      ["ได้รับจัดสรรงบประมาณจาก สพฐ.", "โครงการที่อยู่ระหว่างดำเนินการ", 1, 50.0],
                      ["งบประมาณจากหน่วยงานอื่น", "โครงการที่อยู่ระหว่างดำเนินการ", 2, 100.0]]
    # Shares shown as the PDF prints them (50.00, not 50), every sheet one page wide (TEST25).
    assert {row[3].number_format for row in sheet.iter_rows(min_row=2)} == {"0.00"}
    for each in book.worksheets:
        assert each.sheet_properties.pageSetUpPr.fitToPage and each.page_setup.fitToWidth == 1
    assert book["โครงการ"].page_setup.orientation == "landscape"
    projects = [[c.value for c in row] for row in book["โครงการ"].iter_rows(min_row=2)]
    assert projects[1][5:10] == [20000, 20000, 4840, "ไม่ได้ตามแผน", "งบประมาณที่ตั้งไว้เกินกว่าจำนวนผู้สมัคร"]
    assert projects[1][12] == "สพป. สามารถสรรหาครูอัตราจ้างได้ ๑ อัตรา\nในตำแหน่งที่ว่างครบทุกตำแหน่ง"  # สรุปผลการดำเนินงาน
    # Dates are date cells shown with the BE year (RETEST15 F8), figures are numbers.
    [activity] = list(book["กิจกรรม"].iter_rows(min_row=2))
    assert [c.value for c in activity[:4]] == ["โครงการพัฒนาคุณภาพการศึกษาขั้นพื้นฐานโดยครอบครัว",
                                               "ประชุมคณะกรรมการวัดผล", 2, datetime(2022, 2, 4)]
    assert activity[3].is_date and activity[3].number_format == DATE_FORMAT == "[$-107041E]dd/mm/yyyy;@"
    assert activity[4].value is None and activity[8].value is None  # no end date; in its quarter: no note
    assert [c.value for c in next(book["ดัชนีชี้วัดความสำเร็จ"].iter_rows(min_row=2))][2:] == [100, 100]
    # An office with no projects that year: a Thai message, exit 1.
    assert cli.run(cli.parse(["report", "progress", "--db", str(db), "--year", "2566",
                              "--out", str(tmp_path / "none.pdf")])) == cli.EXIT_ERROR
    assert not (tmp_path / "none.pdf").exists()


def test_several_offices_need_one_named(memory_workspace: Workspace, tmp_path: Path) -> None:
    from qualityschool_desktop.errors import NotFoundError

    seed_004(memory_workspace)
    memory_workspace.projects.add(YEAR, "โครงการของอีกเขต", area_office="สพป.ตาก เขต 1")
    with pytest.raises(NotFoundError, match="--office"):
        gather_progress(memory_workspace, YEAR)
    assert len(gather_progress(memory_workspace, YEAR, office="สพป.ตาก เขต 1").own.projects) == 1
    write_progress_xlsx(gather_progress(memory_workspace, YEAR, office=OFFICE), tmp_path / "x.xlsx")


def test_all_offices_without_projects_say_so_plainly(memory_workspace: Workspace) -> None:
    """TEST25 11: "--office all" in a year without projects printed "(๐ สำนักงาน: )"."""
    from qualityschool_desktop.errors import NotFoundError

    seed_004(memory_workspace)
    with pytest.raises(NotFoundError) as raised:
        gather_progress(memory_workspace, YEAR + 4, office="all")
    message = str(raised.value)
    assert "สำนักงาน: )" not in message and "(๐" not in message
    assert "ไม่พบโครงการของสำนักงานเขตพื้นที่การศึกษาใดในปีงบประมาณ ๒๕๖๙" in message
    assert "๒๕๖๕" in message  # the year that has projects, so the user can try it


@needs_poppler
def test_the_pdf_prints_each_projects_money_and_the_totals(memory_workspace: Workspace, tmp_path: Path) -> None:
    """TEST32b B10: a project not started yet, with 150,000 planned and 45,500.50 disbursed in quarter 1,
    printed only its name; the office reports planned vs disbursed per project (seed 004), with the
    person responsible and the group's total."""
    projects = memory_workspace.projects
    projects.add(YEAR, "โครงการพัฒนาห้องเรียนคุณภาพ", area_office=OFFICE, responsible="กลุ่มนิเทศ ติดตามและประเมินผล",
                 budget_lines=[{"source": "own", "planned_baht": [150000], "disbursed_baht": ["45500.50"]}])
    projects.add(YEAR, "โครงการสรรหาครูอัตราจ้าง", area_office=OFFICE, status="in_progress",
                 responsible="นางสาวมาลี ใจดี",
                 budget_lines=[{"source": "own", "planned_baht": [0, 20000], "disbursed_baht": [0, 4840]}],
                 behind_reason="งบประมาณที่ตั้งไว้เกินกว่าจำนวนผู้สมัคร")
    target = write_progress_report(memory_workspace, YEAR, tmp_path / "เงิน.pdf", period="H1")
    text = flat(target)
    for words in ("งบประมาณตามแผน", "เบิกจ่ายจริง", "ผู้รับผิดชอบ", "กลุ่มนิเทศติดตามและประเมินผล",
                  "นางสาวมาลีใจดี", "๑๕๐,๐๐๐", "๔๕,๕๐๐.๕๐", "๑๗๐,๐๐๐", "๕๐,๓๔๐.๕๐"):  # totals: ๑๗๐,๐๐๐ / ๕๐,๓๔๐.๕๐
        assert squeeze(words) in text, words
    rows = pdftotext(target, "-layout")
    total = next(line for line in rows.splitlines() if "๑๗๐,๐๐๐" in line)
    assert "รวม" in total and "๕๐,๓๔๐.๕๐" in total  # one totals row, both sums on it
