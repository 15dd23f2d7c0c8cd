"""The office's projects page (issue 15): the year's projects with their status and money, each
field saved through the core when its edit ends (the line says saved only for what the database
holds), a bad amount refused with a Thai reason and nothing changed, disbursement behind plan
asking for a reason while the draft is saved, and the progress report printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QComboBox

from qualityschool_desktop.projects.rules import BEHIND_NEEDS_REASON
from qualityschool_desktop.thai import thai_digits
from qualityschool_desktop.workspace import Workspace
from tests.pdf_checks import needs_poppler, pdftotext
from tests.ui.keyboard import type_text
from ui.projects.page import ProjectsPage
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.common.wrapping import plain

OFFICE = "สพป.ตาก เขต 1"
YEAR = 2569


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace.open(tmp_path / "office.sqlite3", create=True)
    ws.projects.add(YEAR, "โครงการห้องสมุดมีชีวิต", area_office=OFFICE, status="in_progress",
                    budget_lines=[{"source": "own", "planned_baht": [1000, 2000], "disbursed_baht": [1000, 2000]}])
    ws.projects.add(YEAR, "โครงการลูกเสือจิตอาสา", area_office=OFFICE)
    return ws


@pytest.fixture
def page(qtbot: Any, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> ProjectsPage:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)  # no viewer in a test
    widget = ProjectsPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.year_box.setValue(YEAR)
    widget.show()
    widget.refresh(OFFICE)
    return widget


def _type_into_line(qtbot: Any, page: ProjectsPage, column: int, value: str) -> None:
    table = page.lines
    table.setCurrentCell(0, column)
    table.editItem(table.item(0, column))
    editor = QApplication.focusWidget()
    editor = editor.lineEdit() if isinstance(editor, QComboBox) else editor  # the source: an editable list
    editor.selectAll()
    type_text(editor, value)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)


def test_the_years_projects_with_their_status_and_money(page: ProjectsPage) -> None:
    table = page.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["โครงการห้องสมุดมีชีวิต", "โครงการลูกเสือจิตอาสา"]
    assert [table.item(0, c).text() for c in (2, 3, 4)] == ["ระหว่างดำเนินการ", "๓,๐๐๐", "๓,๐๐๐"]
    assert "ทั้งหมด ๒ โครงการ" in page.summary.text() and "อยู่ระหว่างดำเนินการ ๑ (๕๐.๐๐%)" in page.summary.text()


def test_the_list_shows_the_money_of_the_period_chosen(page: ProjectsPage, workspace: Workspace) -> None:
    """test26b F13: the list showed the whole year's money under "รอบ ๖ เดือน" while the printout showed
    the half-year's. The headings name the period; the tooltip gives the report's verdict."""
    workspace.projects.add(YEAR, "โครงการครึ่งปีหลัง", area_office=OFFICE, status="in_progress", budget_lines=[
        {"source": "own", "planned_baht": [100, 0, 5000, 0], "disbursed_baht": [100, 0, 1000, 0]}])
    page.refresh(OFFICE)
    table = page.table
    assert page.period_box.currentData() == "H1"
    assert table.horizontalHeaderItem(3).text() == "งบตามแผน\nต.ค.–มี.ค.\n(บาท)"
    assert [table.item(2, c).text() for c in (3, 4)] == ["๑๐๐", "๑๐๐"]
    assert "ผลการเบิกจ่าย: ได้ตามแผน" in plain(table.item(2, 3).toolTip())
    page.period_box.setCurrentIndex(page.period_box.findData("Y"))
    assert plain(table.horizontalHeaderItem(4).text()) == "เบิกจ่ายจริง\nทั้งปี\n(บาท)"
    assert [table.item(2, c).text() for c in (3, 4)] == ["๕,๑๐๐", "๑,๑๐๐"]
    assert "ผลการเบิกจ่าย: ไม่ได้ตามแผน" in plain(table.item(2, 4).toolTip())


def test_a_field_is_saved_when_its_edit_ends(qtbot: Any, page: ProjectsPage, workspace: Workspace) -> None:
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    type_text(page.name_edit, "โครงการห้องสมุด ๓ ดี")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    project = workspace.projects.of_year(YEAR, area_office=OFFICE)[0]
    assert project.name == "โครงการห้องสมุด ๓ ดี"
    assert page.table.item(0, 1).text() == "โครงการห้องสมุด ๓ ดี"
    page.texts["problems"].setFocus()
    type_text(page.texts["problems"], "หนังสือมาช้า")
    page.name_edit.setFocus()  # the edit ends when the focus leaves
    qtbot.waitUntil(lambda: workspace.projects.get(project.id).problems == "หนังสือมาช้า", timeout=2000)
    assert "บันทึก" in page.save_line.label.toolTip() + page.save_line.label.text()
    # seed 004's สรุปผลการดำเนินงาน, as the office writes it (migration 0030)
    page.texts["results_summary"].setFocus()
    type_text(page.texts["results_summary"], "จัดซื้อหนังสือครบ ๓๐๐ เล่ม")
    page.name_edit.setFocus()
    qtbot.waitUntil(lambda: workspace.projects.get(project.id).results_summary == "จัดซื้อหนังสือครบ ๓๐๐ เล่ม",
                    timeout=2000)
    _type_into_line(qtbot, page, 0, "สพฐ.")  # the line's source: money allocated by OBEC
    assert workspace.projects.get(project.id).allocated_by_obec and page.lines.item(0, 0).text() == "จัดสรรจาก สพฐ."


def test_the_budget_source_is_chosen_and_says_where_the_project_is_counted(qtbot: Any, page: ProjectsPage,
                                                                          workspace: Workspace) -> None:
    """test26b F12: the source was free text; blank meant the office's own budget and a typo "สพ."
    silently moved the project among "other agencies"."""
    project_id = page.current.id  # type: ignore[union-attr]
    assert page.lines.item(0, 0).text() == "งบประมาณของสำนักงาน"  # own budget named, not a blank cell
    assert "ตามแผนปฏิบัติการ" in page.fields.group_note.text()
    page.lines.setCurrentCell(0, 0)
    page.lines.editItem(page.lines.item(0, 0))
    box = QApplication.focusWidget()
    assert [box.itemText(i) for i in range(box.count())] == ["งบประมาณของสำนักงาน", "จัดสรรจาก สพฐ."]
    assert box.isEditable() and box.lineEdit().placeholderText() == "เลือก หรือพิมพ์ชื่อหน่วยงานอื่น"
    page.lines.closeEditor(box, QAbstractItemDelegate.EndEditHint.RevertModelCache)
    _type_into_line(qtbot, page, 0, "สพ.")  # a typo: another agency, and the window says so
    qtbot.waitUntil(lambda: workspace.projects.get(project_id).funded_by_others, timeout=2000)
    assert "หน่วยงานอื่น “สพ.”" in page.lines.item(0, 1).toolTip() and "จัดสรรจาก สพฐ." in page.lines.item(0, 1).toolTip()
    assert "ได้รับงบประมาณจากหน่วยงานอื่น" in page.fields.group_note.text() and "สพ." in page.fields.group_note.text()
    page.lines.editItem(page.lines.item(0, 0))  # the own budget chosen from the list again
    box = QApplication.focusWidget()
    box.setCurrentIndex(0)
    box.activated.emit(0)
    qtbot.waitUntil(lambda: not workspace.projects.get(project_id).funded_by_others, timeout=2000)
    assert page.lines.item(0, 0).text() == "งบประมาณของสำนักงาน"


def test_a_bad_amount_is_refused_and_behind_plan_asks_for_a_reason(qtbot: Any, page: ProjectsPage,
                                                                     workspace: Workspace) -> None:
    project_id = page.current.id  # type: ignore[union-attr]
    _type_into_line(qtbot, page, 6, "สองพัน")  # disbursed, quarter 2
    item = page.lines.item(0, 6)
    assert item.background().color().name() == "#fde2e1"
    assert "จำนวนเงิน" in item.toolTip()
    assert workspace.projects.get(project_id).disbursed_satang() == 300000  # nothing changed
    _type_into_line(qtbot, page, 6, "๕๐๐")
    stored = workspace.projects.get(project_id)
    assert stored.disbursed_satang() == 150000  # saved as typed, behind plan
    assert plain(page.message.text()) == BEHIND_NEEDS_REASON
    assert page.table.item(0, 4).text() == "๑,๕๐๐"
    page.texts["behind_reason"].setFocus()
    type_text(page.texts["behind_reason"], "รอใบเสร็จจากร้านค้า")
    page.name_edit.setFocus()
    qtbot.waitUntil(lambda: page.message.text() == "", timeout=2000)


@needs_poppler
def test_print_prints_the_progress_report(qtbot: Any, page: ProjectsPage, tmp_path: Path) -> None:
    target = tmp_path / "ความก้าวหน้า.pdf"
    page.printer._ask_target = lambda _suggested: (target, "thai")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not page.printer.busy, timeout=60000)
    text = pdftotext(target)
    # the office's name in the document's digits, like every number in it (try14e f03)
    assert "รายงานสรุปความก้าวหน้าของการดำเนินโครงการ" in text and thai_digits(OFFICE) in text and "ร้อยละ ๕๐.๐๐" in text


def test_reached_from_the_menu(qtbot: Any, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.features["projects"].action.trigger()
    assert window.location == Location("office_projects")


def test_indicators_and_activities_are_edited_in_place(qtbot: Any, page: ProjectsPage, workspace: Workspace) -> None:
    project_id = page.current.id  # type: ignore[union-attr]
    qtbot.mouseClick(page.add_row_buttons["activities"], Qt.MouseButton.LeftButton)
    grid = page.parts["activities"]
    assert grid.rowCount() == 1 and grid.item(0, 1).text() == "๑"

    def type_cell(column: int, value: str) -> None:
        grid.setCurrentCell(0, column)
        grid.editItem(grid.item(0, column))
        editor = QApplication.focusWidget()
        editor.selectAll()
        type_text(editor, value)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState, timeout=2000)

    type_cell(0, "อบรมครูบรรณารักษ์")
    type_cell(2, "๔ ก.พ. ๒๕๖๙")
    (activity,) = workspace.projects.get(project_id).activities
    assert (activity["name"], activity["planned_start"]) == ("อบรมครูบรรณารักษ์", "2026-02-04")
    assert grid.item(0, 2).text() == "๐๔/๐๒/๒๕๖๙"
    type_cell(3, "๓๑ ก.พ. ๒๕๖๙")  # no such day: refused, nothing changed
    assert grid.item(0, 3).background().color().name() == "#fde2e1" and "วันที่" in grid.item(0, 3).toolTip()
    assert workspace.projects.get(project_id).activities[0]["planned_end"] == ""


def test_one_word_for_not_started_and_a_hint_when_money_was_paid_out(page: ProjectsPage, workspace: Workspace) -> None:
    """TEST31 T15: the list said "ยังไม่เริ่ม" beside the summary's and the editor's "ยังไม่ได้ดำเนินการ";
    a project with ๘๒,๕๐๐ disbursed stayed "not started" with no hint."""
    workspace.projects.add(YEAR, "โครงการห้องสมุดดิจิทัล", area_office=OFFICE, budget_lines=[
        {"source": "own", "planned_baht": [150000, 0], "disbursed_baht": [82500, 0]}])
    page.refresh(OFFICE)
    table = page.table
    rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
    assert table.item(rows["โครงการลูกเสือจิตอาสา"], 2).text() == "ยังไม่ได้ดำเนินการ"  # as the summary says
    assert "ยังไม่ได้ดำเนินการ" in page.summary.text()
    paid = rows["โครงการห้องสมุดดิจิทัล"]
    table.setCurrentCell(paid, 1)
    note = page.fields.notes["budget_lines"]
    assert note.isVisibleTo(page) and "เบิกจ่ายแล้ว" in plain(note.text()) and "อยู่ระหว่างดำเนินการ" in note.text()
    assert "เบิกจ่ายแล้ว" in table.item(paid, 2).toolTip()
    table.setCurrentCell(rows["โครงการลูกเสือจิตอาสา"], 1)  # nothing paid: no such hint
    assert "เบิกจ่ายแล้ว" not in page.fields.notes["budget_lines"].text()


def test_a_component_written_as_words_is_read_and_a_refusal_quotes_the_whole_input(
        qtbot: Any, page: ProjectsPage, workspace: Workspace) -> None:
    """TEST32b B10: "ด้านที่ ๔" was refused quoting only "ด้านที่", with an example in Arabic digits."""
    project_id = page.current.id  # type: ignore[union-attr]
    edit = page.components_edit
    assert "๒.๓" in edit.placeholderText()  # the empty field says its format, in the window's digits
    edit.setFocus()
    type_text(edit, "ด้านที่ ๔")
    page.name_edit.setFocus()
    qtbot.waitUntil(lambda: workspace.projects.get(project_id).component_codes == "4", timeout=2000)
    edit.setFocus()
    edit.selectAll()
    type_text(edit, "ด้านการเรียนรู้")
    page.name_edit.setFocus()
    qtbot.waitUntil(lambda: "“ด้านการเรียนรู้”" in plain(page.save_line.text()), timeout=2000)
    said = plain(page.save_line.text())
    assert "เช่น ๔ หรือ ๑.๒.๓" in said, said
    assert workspace.projects.get(project_id).component_codes == "4"
