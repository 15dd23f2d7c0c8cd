"""A school's projects (issue 15, P15): the school page's โครงการ tab, the office page's editor for
one school. A project is added, named, given an activity and money; disbursement behind plan asks
for a reason while the draft is saved; the status counts follow; where the school is owned by its
own laptop the tab shows its projects read-only ("แก้ไขได้ที่เครื่องของโรงเรียน")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableWidget

from qualityschool_desktop.projects.rules import BEHIND_NEEDS_REASON
from ui.projects.strings import PAID_NOT_STARTED
from qualityschool_desktop.workspace import Workspace
from tests.pdf_checks import needs_poppler, pdftotext
from ui.common.wrapping import plain
from ui.projects.school_tab import SchoolProjectsTab
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from ..laptops import CODE_A, CODE_B, NAME_B, laptops, start_school  # noqa: F401 (laptops is a fixture)
from .keyboard import show_active, type_text

YEAR = 2569


def open_tab(qtbot: Any, workspace: Workspace, school_id: str) -> SchoolProjectsTab:
    tab = SchoolProjectsTab(workspace)
    tab.resize(1366, 700)
    tab.editor.year_box.setValue(YEAR)
    show_active(qtbot, tab)
    tab.show_school(school_id)
    return tab


def type_cell(qtbot: Any, grid: QTableWidget, row: int, column: int, value: str) -> None:
    grid.setCurrentCell(row, column)
    grid.editItem(grid.item(row, column))
    editor = QApplication.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    type_text(editor, value)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState, timeout=60000)


def test_add_a_project_an_activity_and_money_behind_plan(qtbot: Any, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว", area_office="สพป.ตาก เขต 2")
    ws.projects.add(YEAR, "โครงการห้องสมุดมีชีวิต", school_id=school.id, status="finished")
    tab = open_tab(qtbot, ws, school.id)
    editor = tab.editor
    assert editor.hint.isHidden() and editor.add_button.isEnabled()
    assert "ทั้งหมด ๑ โครงการ" in editor.summary.text()

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.name_edit.selectAll()
    type_text(editor.name_edit, "โครงการอ่านออกเขียนได้")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    (first, added) = ws.projects.of_year(YEAR, school_id=school.id)
    assert added.name == "โครงการอ่านออกเขียนได้" and added.school_id == school.id
    assert editor.table.item(1, 1).text() == "โครงการอ่านออกเขียนได้"

    qtbot.mouseClick(editor.add_row_buttons["activities"], Qt.MouseButton.LeftButton)
    type_cell(qtbot, editor.parts["activities"], 0, 0, "ค่ายอ่านเขียน")
    assert [a["name"] for a in ws.projects.get(added.id).activities] == ["ค่ายอ่านเขียน"]

    qtbot.mouseClick(editor.add_line_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, editor.lines, 0, 1, "๘,๐๐๐")  # planned, quarter 1
    type_cell(qtbot, editor.lines, 0, 5, "๒,๕๐๐")  # disbursed, quarter 1: behind plan
    stored = ws.projects.get(added.id)
    assert (stored.planned_satang(), stored.disbursed_satang()) == (800000, 250000)  # the draft is saved
    # Behind plan, and (TEST31 T15) money paid out while the project still says it has not started.
    assert plain(editor.message.text()).split("\n") == [BEHIND_NEEDS_REASON, PAID_NOT_STARTED]
    assert [editor.table.item(1, c).text() for c in (3, 4)] == ["๘,๐๐๐", "๒,๕๐๐"]
    editor.texts["behind_reason"].setFocus()
    type_text(editor.texts["behind_reason"], "รอวิทยากรจากมหาวิทยาลัย")
    editor.name_edit.setFocus()  # the edit ends when the focus leaves
    qtbot.waitUntil(lambda: plain(editor.message.text()) == PAID_NOT_STARTED, timeout=60000)
    assert ws.projects.get(added.id).behind_reason == "รอวิทยากรจากมหาวิทยาลัย"

    editor.status_box.setCurrentIndex(1)
    editor.status_box.activated.emit(1)  # อยู่ระหว่างดำเนินการ, as a person picks it
    assert ws.projects.get(added.id).status == "in_progress"
    assert editor.message.text() == ""  # started: nothing more to say
    summary = editor.summary.text()
    assert "ทั้งหมด ๒ โครงการ" in summary
    assert "ดำเนินการเสร็จสิ้นแล้ว ๑ (๕๐.๐๐%)" in summary and "อยู่ระหว่างดำเนินการ ๑ (๕๐.๐๐%)" in summary
    assert first.name == "โครงการห้องสมุดมีชีวิต"


def test_another_laptop_sees_the_school_s_projects_read_only(qtbot: Any, laptops: Any) -> None:  # noqa: F811
    school, other = laptops("school"), laptops("other-school")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.projects.add(YEAR, "โครงการห้องสมุดมีชีวิต", school_id=ids["school"], status="in_progress")
    other.import_(school.export("projects.qsx", school_codes=[CODE_A]))
    with other.open() as workspace:
        workspace.schools.add(code=CODE_B, name=NAME_B, district="แม่สอด", province="ตาก", level="primary")
    other.activate()
    workspace = Workspace.open(other.db)
    try:
        tab = open_tab(qtbot, workspace, ids["school"])
        editor = tab.editor
        assert "แก้ไขได้ที่เครื่องของโรงเรียน" in tab.hint_text() and editor.hint.isVisible()
        assert editor.table.item(0, 1).text() == "โครงการห้องสมุดมีชีวิต"
        for widget in (editor.add_button, editor.remove_button, editor.add_line_button,
                       *editor.add_row_buttons.values(), editor.details):
            assert not widget.isEnabled()
        assert editor.pdf_button.isEnabled()  # reading and printing stay
    finally:
        workspace.close()


def test_the_tab_is_on_the_school_page(qtbot: Any, memory_workspace: Workspace) -> None:
    school = memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว")
    window = MainWindow(memory_workspace)
    qtbot.addWidget(window)
    window.show()
    window.navigate(Location("school", school.id))
    page = window.page("school")
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]  # type: ignore[union-attr]
    assert "โครงการ" in titles
    assert isinstance(page.tab("projects"), SchoolProjectsTab)  # type: ignore[union-attr]


@needs_poppler
def test_print_prints_the_school_s_progress_report(qtbot: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)  # no viewer in a test
    ws = Workspace.open(tmp_path / "school.sqlite3", create=True)  # the report is built on a worker
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว")
    ws.projects.add(YEAR, "โครงการห้องสมุดมีชีวิต", school_id=school.id, status="finished")
    tab = open_tab(qtbot, ws, school.id)
    target = tmp_path / "ความก้าวหน้าโรงเรียน.pdf"
    tab.editor.printer._ask_target = lambda _suggested: (target, "thai")
    qtbot.mouseClick(tab.editor.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not tab.editor.printer.busy, timeout=120000)
    text = pdftotext(target)
    assert "โรงเรียนบ้านแม่ตาว" in text and "โครงการห้องสมุดมีชีวิต" in text and "ร้อยละ ๑๐๐.๐๐" in text
