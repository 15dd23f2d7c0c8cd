"""The office's indicators page (issue 14): seed 003's table edited in place, each cell saved
through the core (the line says saved only for what the database holds), bad input refused with a
Thai reason and nothing changed, computed actuals shown under the typed ones, "พิมพ์ PDF"."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QApplication

from qualityschool_desktop.indicators.computed import computed_actuals
from qualityschool_desktop.indicators.store import format_number
from qualityschool_desktop.workspace import Workspace
from tests.pdf_checks import needs_poppler, pdftotext
from tests.ui.keyboard import type_text
from ui.indicators.page import FIXED, IndicatorsPage
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

OFFICE = "สพม.ตาก"


@pytest.fixture
def page(qtbot: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> IndicatorsPage:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)  # no viewer in a test
    widget = IndicatorsPage(Workspace.open(demo_copy))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.refresh(OFFICE)
    return widget


def _cell(page: IndicatorsPage, indicator_number: int, kind: str, year: int) -> tuple[int, int]:
    ids = list(dict.fromkeys(i.id for i, _k in page.rows))
    row = next(r for r, (i, k) in enumerate(page.rows) if i.id == ids[indicator_number] and k == kind)
    return row, FIXED + page.years.index(year)


def _type_into(qtbot: Any, page: IndicatorsPage, row: int, column: int, value: str) -> None:
    table = page.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, value)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)


def test_the_demo_office_shows_seed_003s_table_with_computed_actuals(page: IndicatorsPage) -> None:
    table = page.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:3] == ["ที่", "ตัวชี้วัด", "หน่วยนับ"] and headers[-1] == "ผู้รับผิดชอบ"
    assert headers[FIXED:-1] == ["๒๕๖๖", "๒๕๖๗", "๒๕๖๘", "๒๕๖๙", "๒๕๗๐"]
    assert table.item(0, 1).text().startswith("ร้อยละของนักเรียนที่มีความรู้ความเข้าใจ")
    assert [table.item(*_cell(page, 0, "targets", y)).text() for y in page.years] == ["๘๐", "๘๕", "๙๐", "๙๕", "๑๐๐"]
    # the share in the top bands: computed from the schools' rounds, read-only, beside the typed row
    share = [i for i, k in page.rows if k == "computed"][0]
    row, column = _cell(page, 6, "computed", 2569)
    expected = computed_actuals(page.workspace, share)[2569]
    assert table.item(row, column).text() == format_number(expected)
    assert table.item(row, 3).text() == "ผลที่คำนวณจากผลประเมิน"
    assert not table.item(row, column).flags() & Qt.ItemFlag.ItemIsEditable
    assert table.item(row - 1, 3).text() == "ผลการดำเนินงาน"
    assert table.item(row - 1, column).flags() & Qt.ItemFlag.ItemIsEditable
    # a year no school of the office has assessed yet says so, not ๐ (TEST14 finding 17)
    counted = [i for i, k in page.rows if k == "computed" and i.computed == "schools_assessed"][0]
    assert 2566 not in computed_actuals(page.workspace, counted)
    row = page.rows.index((counted, "computed"))
    cell = table.item(row, FIXED + page.years.index(2566))
    assert cell.text() == "–" and "ไม่มีข้อมูล" in cell.toolTip()


def test_a_typed_target_is_saved_and_a_bad_one_refused_in_thai(qtbot: Any, page: IndicatorsPage) -> None:
    store = page.workspace.indicators
    first = store.for_office(OFFICE)[0]
    row, column = _cell(page, 0, "actuals", 2570)
    _type_into(qtbot, page, row, column, "๙๗.๕")
    assert store.get(first.id).actuals[2570] == 97.5
    assert page.save_line.text().startswith("บันทึกแล้ว")
    assert page.table.item(row, column).text() == "๙๗.๕"
    row, column = _cell(page, 0, "targets", 2567)
    _type_into(qtbot, page, row, column, "มาก")
    assert store.get(first.id).targets[2567] == 85  # nothing changed
    assert "ยังไม่ได้บันทึก" in page.save_line.text() and "ต้องเป็นตัวเลข" in page.save_line.text()
    assert page.table.item(row, column).text() == "มาก"  # what was typed stays, marked
    assert "ต้องเป็นตัวเลข" in page.table.item(row, column).toolTip()
    _type_into(qtbot, page, row, column, "86")
    assert store.get(first.id).targets[2567] == 86 and page.save_line.text().startswith("บันทึกแล้ว")
    # the name, in place
    _type_into(qtbot, page, 0, 1, "ร้อยละของนักเรียนที่รับมือภัยคุกคามได้")
    assert store.get(first.id).name == "ร้อยละของนักเรียนที่รับมือภัยคุกคามได้"


def test_add_and_remove_an_indicator(qtbot: Any, page: IndicatorsPage) -> None:
    store = page.workspace.indicators
    before = len(store.for_office(OFFICE))
    actions = page.add_button.menu().actions()
    assert [a.text() for a in actions][0] == "ตัวชี้วัดที่กรอกผลการดำเนินงานเอง"
    actions[0].trigger()  # the menu's way: a typed indicator, its name cell current
    assert len(store.for_office(OFFICE)) == before + 1 and page.table.currentColumn() == 1
    added = page.add_indicator("schools_assessed")
    assert added is not None and len(store.for_office(OFFICE)) == before + 2
    assert added.computed == "schools_assessed" and added.unit == "โรงเรียน"
    page.confirm = lambda _question: True
    page.table.setCurrentCell(len(page.rows) - 1, FIXED)
    page.remove_selected()
    assert len(store.for_office(OFFICE)) == before + 1
    assert "schools_assessed" not in [i.computed for i in store.for_office(OFFICE)][-1:]


@needs_poppler
def test_print_pdf_prints_what_the_database_holds(qtbot: Any, page: IndicatorsPage, tmp_path: Path) -> None:
    target = tmp_path / "ตัวชี้วัด.pdf"
    page.printer._ask_target = lambda _suggested: (target, "thai")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not page.printer.busy, timeout=60000)
    text = pdftotext(target)
    assert "ตัวชี้วัดและค่าเป้าหมาย" in text and OFFICE in text and "ค่าเป้าหมายเทียบกับผลการดำเนินงาน" in text


def test_reached_from_the_menu(qtbot: Any, demo_window: Callable[[QSize | None], MainWindow]) -> None:
    window = demo_window(None)
    action = window.features["indicators"].action
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    action.trigger()
    assert window.location == Location("office_indicators")
