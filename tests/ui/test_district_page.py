"""The district dashboard on a database built through the core: four schools, two inspection
rounds of fiscal year 2569 with known levels, so every count on the page is known in advance."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.district.page import DistrictPage
from ui.common.wrapping import plain

from .keyboard import show_active

YEAR = 2569
THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


# The day each round was assessed: inside inspection round 1 (1 Oct-31 Mar) and 2 (1 Apr-30 Sep).
ASSESSED_ON = {1: date(2026, 1, 15), 2: date(2026, 6, 15)}


def assess(workspace: Workspace, school_id: str, round_: int, levels: dict[str, int] | int, *,
           submit: bool = True) -> None:
    """A round with every item of component c at ``levels[c]`` (or all at one level), dated
    inside inspection round ``round_``."""
    assessment = workspace.assessments.start(school_id, YEAR, round=round_, assessed_on=ASSESSED_ON[round_])
    framework = workspace.assessments.framework_of(assessment)
    for component in framework.components:
        level = levels if isinstance(levels, int) else levels[component.code]
        for item in component.items:
            workspace.answers.set_level(assessment.id, item.code, level)
    if submit:
        workspace.assessments.submit(assessment.id)


@pytest.fixture
def district(memory_workspace: Workspace):  # type: ignore[no-untyped-def]
    return build(memory_workspace)


def build(ws: Workspace) -> dict:  # type: ignore[type-arg]
    add = ws.schools.add
    a = add(code="5101000001", name="โรงเรียนอนุบาลลำพูน", district="เมืองลำพูน", province="ลำพูน",
            area_office="สพป.ลำพูน เขต 1", level="primary")
    b = add(code="5101000002", name="โรงเรียนบ้านธิ", district="บ้านธิ", province="ลำพูน",
            area_office="สพป.ลำพูน เขต 1", level="primary")
    c = add(code="5101000003", name="โรงเรียนจักรคำคณาทร", district="เมืองลำพูน", province="ลำพูน",
            area_office="สพม.ลำพูน ลำปาง", level="secondary")
    d = add(code="5101000004", name="โรงเรียนป่าซาง", district="ป่าซาง", province="ลำพูน",
            area_office="สพม.ลำพูน ลำปาง", level="secondary")
    # Round 1: A yellow (3), B light blue (4), C red (2); D nothing.
    assess(ws, a.id, 1, 3)
    assess(ws, b.id, 1, 4)
    assess(ws, c.id, 1, 2)
    # Round 2: A purple (components 1-4 at 5, learners at 4), B yellow (3), C only a draft (so it
    # is counted with its round-1 result: "ผลล่าสุดจากรอบที่ ๑"), D a draft with nothing answered.
    assess(ws, a.id, 2, {"1": 5, "2": 5, "3": 5, "4": 5, "5": 4})
    assess(ws, b.id, 2, 3)
    assess(ws, c.id, 2, 4, submit=False)
    ws.assessments.start(d.id, YEAR, round=1, assessed_on=ASSESSED_ON[2])
    # A draft started after round 2 closed (undated: today) belongs to no round.
    ws.assessments.start(a.id, YEAR, round=3)
    define_rounds(ws)
    return {"a": a, "b": b, "c": c, "d": d}


def define_rounds(ws: Workspace) -> None:
    """Inspection rounds 1 and 2 of the year with their usual periods (:func:`build` defines them)."""
    for number in (1, 2):
        ws.inspection_rounds.define(YEAR, number, replace=True)  # build() may have defined them


def show(qtbot, workspace: Workspace) -> DistrictPage:  # type: ignore[no-untyped-def]
    page = DistrictPage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def band_counts(page: DistrictPage) -> dict[str, str]:
    return {key: chip.text().split("<br>")[1] for key, chip in page.band_chips.items()}


def test_opens_on_the_latest_round_with_results_and_shows_its_counts(qtbot, memory_workspace,
                                                                    district) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)

    assert page.choice()["fiscal_year"] == YEAR and page.choice()["round"] == 2
    assert page.year_combo.currentText() == "๒๕๖๙" and page.round_combo.currentText() == "๒"
    # C sent nothing new in round 2: it is counted with its round-1 result, as the summary counts it.
    # TEST31 T14: "รายงานแล้ว ๓ จาก ๔" beside the tab "ยังไม่ส่งผลรอบนี้ (๒)" read as a contradiction;
    # the line now counts what the tab counts (sent this round) and says what the chips add.
    assert page.reported_label.text().startswith("ส่งผลรอบนี้ ๒ จาก ๔ โรงเรียน · อีก ๑ นับด้วยผลล่าสุดจากรอบก่อน")
    counts = {key: chip.accessibleName() for key, chip in page.band_chips.items()}
    assert counts["purple"] == "กลุ่มสีม่วง: ๑ โรงเรียน"
    assert counts["yellow"] == "กลุ่มสีเหลือง: ๑ โรงเรียน"
    assert counts["blue"] == "กลุ่มสีฟ้า: ๐ โรงเรียน"
    assert counts["red"] == "กลุ่มสีแดง: ๑ โรงเรียน"
    # Against round 1: purple +1, light blue -1, yellow and red the same.
    assert page.band_deltas["purple"].text() == "▲ ๑"
    assert page.band_deltas["blue"].text() == "▼ ๑"
    assert page.band_deltas["yellow"].text() == "เท่ารอบก่อน"
    assert page.band_deltas["red"].text() == "เท่ารอบก่อน"
    # Readiness: A ready everywhere, B meets the standard everywhere, C needs urgent development.
    assert page.readiness_bars["1"].counts() == [1, 1, 1]
    assert page.readiness_bars["5"].counts() == [1, 1, 1]

    rows = page.band_table.rows()
    assert [row[:2] for row in rows] == [["ม่วง", "โรงเรียนอนุบาลลำพูน"], ["เหลือง", "โรงเรียนบ้านธิ"],
                                         ["แดง", "โรงเรียนจักรคำคณาทร"]]
    assert rows[0][4] == "๔.๘๐"  # one digit style in every cell (it was "ด้านที่ ๕ ผู้เรียน (4.00)")
    assert rows[0][5] == "ด้านที่ ๕ ผู้เรียน (๔.๐๐)"
    assert rows[0][6] == "▲ ๑.๘๐" and rows[1][6] == "▼ ๑.๐๐"
    assert rows[2][6] == "ผลล่าสุดจากรอบที่ ๑"  # not "= 0.00": it sent nothing since round 1
    assert page.tabs.tabText(0) == "โรงเรียนตามกลุ่มสี (๓)"

    # C is counted with round 1's result but did not send round 2 (tester finding 8): listed too.
    assert page.tabs.tabText(1) == "ยังไม่ส่งผลรอบนี้ (๒)"
    missing = {row[0]: row for row in page.missing_table.rows()}
    assert sorted(missing) == ["โรงเรียนจักรคำคณาทร", "โรงเรียนป่าซาง"]
    assert missing["โรงเรียนป่าซาง"][3] == "กำลังประเมิน (ตอบแล้ว ๐/๗๔ ประเด็น) ยังไม่ส่งผล"
    assert missing["โรงเรียนจักรคำคณาทร"][3] == "ยังไม่ส่งผลรอบนี้ (นับด้วยผลล่าสุดจากรอบที่ ๑)"

    assert page.previous_label.text() == "เทียบกับปีงบประมาณ ๒๕๖๙ รอบที่ ๑"
    moves = page.moves_label.text()
    assert "กลุ่มสีสูงขึ้น ๑ โรงเรียน" in moves and "ระดับสี" not in moves and "ต่ำลง ๑" in moves and "ใช้ผลล่าสุดจากรอบก่อน ๑" in moves
    progress = page.progress_table.rows()
    assert progress[-1][:3] == ["จำนวนที่รายงาน", "๓", "๓"]


def test_filters_and_round_change_the_counts(qtbot, memory_workspace, district) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)
    offices = [page.office_combo.itemText(i) for i in range(page.office_combo.count())]
    assert offices == ["ทุกสังกัด", "สพป.ลำพูน เขต ๑", "สพม.ลำพูน ลำปาง"]  # stored "เขต 1", in the window's digits
    assert [page.level_combo.itemText(i) for i in range(page.level_combo.count())] == [
        "ทุกระดับ", "ประถมศึกษา", "มัธยมศึกษา"]

    # The secondary office: only C, with its round-1 result.
    page.office_combo.setCurrentIndex(2)
    assert page.reported_label.text().startswith("ส่งผลรอบนี้ ๐ จาก ๒ โรงเรียน · อีก ๑ นับด้วยผลล่าสุดจากรอบก่อน")
    assert [row[1] for row in page.band_table.rows()] == ["โรงเรียนจักรคำคณาทร"]
    assert page.tabs.tabText(1) == "ยังไม่ส่งผลรอบนี้ (๒)"  # D's draft, and C's round-1 result
    page.choose(round=1)  # nobody there but C reported round 1 either
    assert page.reported_label.text() == "รายงานแล้ว ๑ จาก ๒ โรงเรียน"
    page.level_combo.setCurrentIndex(0)
    page.choose(round=2)

    page.office_combo.setCurrentIndex(0)
    page.level_combo.setCurrentIndex(1)  # primary
    assert page.reported_label.text().startswith("รายงานแล้ว ๒ จาก ๒ โรงเรียน")
    page.tabs.setCurrentIndex(1)
    assert page.tabs.tabText(1) == "ยังไม่ส่งผลรอบนี้ (๐)" and page.missing_empty.isVisibleTo(page)

    # Round 1, all levels: three reported, C red.
    page.choose(level=None, round=1)
    assert page.reported_label.text() == "รายงานแล้ว ๓ จาก ๔ โรงเรียน"  # nothing earlier to compare with
    assert page.band_chips["red"].accessibleName() == "กลุ่มสีแดง: ๑ โรงเรียน"
    assert page.band_deltas["red"].text() == "รอบก่อน –"
    assert [row[1] for row in page.band_table.rows()] == ["โรงเรียนบ้านธิ", "โรงเรียนอนุบาลลำพูน",
                                                          "โรงเรียนจักรคำคณาทร"]
    assert page.band_table.rows()[0][6] == "ไม่มีผลรอบก่อน"


def test_enter_double_click_and_the_button_open_the_school(qtbot, memory_workspace,
                                                          district) -> None:  # type: ignore[no-untyped-def]
    page = show_active(qtbot, DistrictPage(memory_workspace))
    page.refresh()
    opened: list[str] = []
    page.open_school.connect(opened.append)

    page.band_table.setFocus()
    page.band_table.selectRow(1)
    qtbot.keyClick(page.band_table, Qt.Key.Key_Return)
    assert opened == [district["b"].id]

    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(page.missing_table.isVisible)
    qtbot.wait(20)  # laid out, so the row is where the mouse goes
    names = [row[0] for row in page.missing_table.rows()]
    row_d = names.index("โรงเรียนป่าซาง")
    rect = page.missing_table.visualItemRect(page.missing_table.item(row_d, 0))
    qtbot.mouseClick(page.missing_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.missing_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[1:] == [district["d"].id]  # once, not once per signal

    page.tabs.setCurrentIndex(0)
    page.band_table.selectRow(2)
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == district["c"].id


def test_an_empty_database_says_what_to_do(qtbot, memory_workspace) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)
    assert page.empty_label.isVisibleTo(page) and not page.body.isVisibleTo(page)


def test_without_inspection_rounds_the_page_says_how_to_define_one(qtbot, memory_workspace) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: results but no inspection round: a clear line, and nothing to print (the print
    used to fail with an error)."""
    a = memory_workspace.schools.add(code="5101000001", name="โรงเรียนอนุบาลลำพูน", district="เมืองลำพูน",
                                     province="ลำพูน", area_office="สพป.ลำพูน เขต 1", level="primary")
    assess(memory_workspace, a.id, 1, 3)
    page = show(qtbot, memory_workspace)
    assert page.empty_label.isVisibleTo(page) and not page.body.isVisibleTo(page)
    assert plain(page.empty_label.text()).startswith("ยังไม่ได้กำหนดรอบการตรวจราชการ")
    # The window's own page, not a command (TEST26a F3).
    assert "โรงเรียน › รอบการตรวจราชการ" in plain(page.empty_label.text()) and "--define" not in page.empty_label.text()
    assert page.rounds_button.isVisibleTo(page)
    with qtbot.waitSignal(page.open_rounds, timeout=1000):
        page.rounds_button.click()
    assert not page.reports.print_button.isEnabled() and not page.reports.export_button.isEnabled()
    assert not page.report_button.isEnabled()
    define_rounds(memory_workspace)
    page.refresh()
    assert page.body.isVisibleTo(page) and not page.empty_label.isVisibleTo(page)
    # Round 2 is the latest: the school sent nothing new, so it counts with its round-1 result.
    assert page.choice()["round"] == 2 and page.reported_label.text().startswith("ส่งผลรอบนี้ ๐ จาก ๑ โรงเรียน · อีก ๑ นับด้วยผลล่าสุดจากรอบก่อน")
    assert page.band_table.rows()[0][6] == "ผลล่าสุดจากรอบที่ ๑"


def test_the_pages_counts_equal_the_summarys_for_every_round(qtbot, memory_workspace, district) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: what the page shows for each round is what the summary's tables count."""
    from qualityschool_desktop.reports.summary import summary_data, summary_tables

    page = show(qtbot, memory_workspace)
    for number in (1, 2):
        page.choose(fiscal_year=YEAR, round=number)
        tables = {table.key: table.rows for table in summary_tables(summary_data(
            memory_workspace, fiscal_year=YEAR, round=number))}
        shown_bands = {key: int(chip.accessibleName().split(": ")[1].split()[0].translate(THAI_TO_ARABIC))
                       for key, chip in page.band_chips.items()}
        assert list(shown_bands.values()) == [row[1] for row in tables["bands"]]
        assert [row[1] for row in page.band_table.rows()] == [
            row[2] for band in page.picture.bands for row in tables["schools"]  # type: ignore[union-attr]
            if row[7] == f"กลุ่มสี{band.name}"]
        assert page.missing_table.rowCount() == len(tables["not_reported"])


def test_main_window_menu_and_shortcut_open_the_dashboard_and_a_school(qtbot, memory_workspace,
                                                                      district) -> None:  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    window = show_active(qtbot, MainWindow(memory_workspace))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.location.kind == "district"
    assert window.breadcrumb_text() == "ภาพรวมระดับเขต/อำเภอ"
    page = window.page("district")
    assert page is not None and window.stack.currentWidget() is page

    page.band_table.selectRow(0)  # type: ignore[attr-defined]
    qtbot.keyClick(page.band_table, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert window.location.kind == "school" and window.location.id == district["a"].id
    window.go_back()
    assert window.location.kind == "district"


def test_slow_reads_move_to_a_worker_with_a_busy_indicator(qtbot, file_workspace) -> None:  # type: ignore[no-untyped-def]
    build(file_workspace)
    page = show(qtbot, file_workspace)
    page.last_duration = 1.0  # as if the last read had taken a second
    page.choose(round=1)
    assert page.operation is not None and page.busy.isVisibleTo(page)
    qtbot.waitUntil(lambda: not page.busy.isVisibleTo(page), timeout=5000)
    assert page.reported_label.text() == "รายงานแล้ว ๓ จาก ๔ โรงเรียน"
    assert page.band_chips["red"].accessibleName() == "กลุ่มสีแดง: ๑ โรงเรียน"


def test_a_picture_read_on_the_worker_is_kept_until_the_database_changes(qtbot, file_workspace) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: a picture is kept for the page's database while it is unchanged (choosing the
    round again shows it at once, no worker), and read again after any change."""
    build(file_workspace)
    page = show(qtbot, file_workspace)
    page.last_duration = 1.0
    page.choose(round=1)
    assert page.operation is not None
    qtbot.waitUntil(lambda: not page.busy.isVisibleTo(page), timeout=60000)
    page.choose(round=2)
    page.operation = None
    page.last_duration = 1.0
    page.choose(round=1)
    assert page.operation is None and not page.busy.isVisibleTo(page)  # kept: shown at once
    assert page.reported_label.text() == "รายงานแล้ว ๓ จาก ๔ โรงเรียน"
    school = file_workspace.schools.list()[0]
    file_workspace.schools.update(school.id, name="โรงเรียนชื่อใหม่")
    page.choose(round=2)
    page.last_duration = 1.0
    page.choose(round=1)
    assert page.operation is not None  # changed since: read again
    qtbot.waitUntil(lambda: not page.busy.isVisibleTo(page), timeout=60000)
    assert "โรงเรียนชื่อใหม่" in [school.name for school in page.picture.schools]


def _save_dialog_answering(target, offered):  # type: ignore[no-untyped-def]
    def answer(_parent, title, start, filters, selected="", *_rest):  # type: ignore[no-untyped-def]
        offered.append((title, start, filters))
        return str(target), selected
    return answer


def test_print_button_writes_the_summary_pdf_for_the_chosen_round_and_opens_it(
        qtbot, file_workspace, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    build(file_workspace)
    file_workspace.office_texts.set_text(2569, 1, "office", "สำนักงานศึกษาธิการจังหวัดตาก")  # named: no question (T2)
    page = show(qtbot, file_workspace)
    page.choose(round=1)
    target = tmp_path / "สรุป.pdf"
    offered: list = []  # type: ignore[type-arg]
    opened: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _save_dialog_answering(target, offered))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    notices: list = []  # type: ignore[type-arg]
    page.reports.noticed.connect(notices.append)

    qtbot.mouseClick(page.reports.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)

    assert offered[0][0] == "บันทึกสรุปผลการตรวจราชการ (PDF)"
    assert offered[0][1].endswith("-2569-รอบ1.pdf")  # the name says which round it is
    assert Path(opened[0].toLocalFile()) == target  # QUrl gives C:/… on Windows
    assert [(n.text, n.file) for n in notices] == [
        (f"บันทึกรายงานที่ {target} แล้ว และเปิดให้ดูในโปรแกรมอ่าน PDF", target)]
    if shutil.which("pdftotext") is None:  # Poppler (poppler-utils); not on Windows
        pytest.skip("the PDF was written and opened; pdftotext is not there to read its digits")
    first_page = subprocess.run(["pdftotext", "-l", "1", str(target), "-"], capture_output=True, text=True, encoding="utf-8",
                                check=True).stdout
    assert "๒๕๖๙" in first_page  # the default digit style is Thai


def test_export_button_writes_the_summary_tables_to_an_xlsx(qtbot, file_workspace, tmp_path,
                                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook  # type: ignore[import-untyped]
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    build(file_workspace)
    page = show(qtbot, file_workspace)
    page.choose(round=1, area_office="สพป.ลำพูน เขต 1")
    target = tmp_path / "ตาราง"  # no extension typed: the dialog's file type adds it
    offered: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _save_dialog_answering(target, offered))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: pytest.fail("an export opens no viewer"))
    notices: list = []  # type: ignore[type-arg]
    page.reports.noticed.connect(notices.append)

    qtbot.mouseClick(page.reports.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "ตาราง.xlsx"
    qtbot.waitUntil(lambda: len(notices) == 2, timeout=15000)

    assert offered[0][1].endswith(".xlsx")
    assert [(n.text, n.kind) for n in notices] == [
        ("กำลังส่งออกตาราง…", "busy"), (f"บันทึกตารางสรุปผลเป็นไฟล์ Excel ที่ {written} แล้ว", "done")]
    assert notices[1].file_to_open == written and notices[1].folder_to_open == tmp_path
    book = load_workbook(written)
    assert "ผลรายโรงเรียน" in book.sheetnames
    schools = [row[0:5] for row in book["ผลรายโรงเรียน"].iter_rows(values_only=True)]
    names = {cell for row in schools[1:] for cell in row if isinstance(cell, str)}
    # Only the chosen area office's two schools, both of which reported round 1.
    assert "โรงเรียนอนุบาลลำพูน" in names and "โรงเรียนบ้านธิ" in names
    assert "โรงเรียนจักรคำคณาทร" not in names


def test_the_review_chips_count_waiting_accepted_and_returned(qtbot, memory_workspace, district) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: round 2 reports A's and B's round 2 and C's round 1 (C's round 2 is a draft, not
    counted); the office accepts A, then returns B, which B reopens: B is then reported with its
    round 1 (waiting) and its returned round 2 counts as returned."""
    page = show(qtbot, memory_workspace)
    qtbot.wait(100)
    page.grab().save("/tmp/review-district-before.png")
    chips = {key: chip.text() for key, chip in page.reviews.review_chips.items()}
    assert chips == {"waiting": "รอตรวจ ๓", "accepted": "ผ่าน ๐", "returned": "ส่งกลับ ๐"}
    reviews, assessments = memory_workspace.reviews, memory_workspace.assessments
    memory_workspace.schools.mark_demo_database()  # plays an office (a school never reviews its own round)
    reviews.decide(assessments.find(district["a"].id, YEAR, 2).id, "accepted")
    round_b = assessments.find(district["b"].id, YEAR, 2)
    reviews.decide(round_b.id, "returned", "โปรดแนบหลักฐานด้านที่ ๕")
    assessments.reopen(round_b.id)  # the school reopened it: still returned until it is sent again
    page.refresh()
    chips = {key: chip.text() for key, chip in page.reviews.review_chips.items()}
    assert chips == {"waiting": "รอตรวจ ๒", "accepted": "ผ่าน ๑", "returned": "ส่งกลับ ๑"}
    page.resize(1366, 768)
    qtbot.wait(100)
    page.grab().save("/tmp/review-district.png")


def test_printing_without_an_office_name_asks_for_it_first(
        qtbot, file_workspace, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """TEST31 T2: the summary printed "หน่วยงาน ……" and asked nothing. Now the print button asks for
    the office's name; the name given is kept for the round and heads the report."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    build(file_workspace)
    page = show(qtbot, file_workspace)
    page.choose(round=1)
    target = tmp_path / "สรุป.pdf"
    opened: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _save_dialog_answering(target, []))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    qtbot.mouseClick(page.reports.print_button, Qt.MouseButton.LeftButton)
    dialog = page.reports.name_dialog
    assert dialog is not None and dialog.isVisible()
    assert "ชื่อหน่วยงาน" in dialog.labelText()
    assert not opened  # nothing printed before the answer
    dialog.setTextValue("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 1")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    assert file_workspace.office_texts.texts(2569, 1).office == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 1"
    # Named now: the next print asks nothing.
    page.reports.name_dialog = None
    opened.clear()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _save_dialog_answering(tmp_path / "สรุป-2.pdf", []))
    qtbot.mouseClick(page.reports.print_button, Qt.MouseButton.LeftButton)
    assert page.reports.name_dialog is None
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
