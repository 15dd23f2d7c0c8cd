"""try14 F16 (b): the school's คำของบประมาณ tab shows an item's edit history, as the plan's rows
and answers do: a price changed from ๒๕,๐๐๐ to ๒๕๐,๐๐๐ leaves a trace the director can see."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop import clock
from qualityschool_desktop.workspace import Workspace

from .test_budget_pages import add_item, open_panel, sarabun  # noqa: F401 (sarabun: the font fixture)

pytestmark = pytest.mark.usefixtures("styled_app")


def test_an_items_history_shows_who_changed_the_price(qtbot: Any, tmp_path: Path, monkeypatch) -> None:
    workspace = Workspace.open(tmp_path / "school.sqlite3", create=True)
    school = workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา", area_office="สพป.ตาก เขต 1")
    panel = open_panel(qtbot, workspace, school.id)
    assert not panel.history_button.isEnabled()  # nothing selected
    add_item(qtbot, panel, "เครื่องฉายภาพ", "๒", "เครื่อง", "๒๕,๐๐๐")
    monkeypatch.setattr(clock, "_offset", clock._offset + timedelta(minutes=1))
    panel.table.item(0, 5).setText("250000")
    qtbot.waitUntil(lambda: panel.visible_rows()[0][5] == "๒๕๐,๐๐๐")
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)
    dialog = panel.history_dialog
    rows = [row[1:] for row in dialog.rows_shown()]
    assert rows[0] == ("เครื่องนี้", "ราคาต่อหน่วย (บาท)", "๒๕,๐๐๐", "๒๕๐,๐๐๐")
    assert rows[-1][:2] == ("เครื่องนี้", "สร้างรายการ")
    assert "เครื่องฉายภาพ" in dialog.heading_text()
    dialog.grab().save(str(tmp_path / "budget-history.png"))
    dialog.close()
    panel.close()
    workspace.close()


def test_the_notice_after_an_excel_file_names_a_spreadsheet_program(qtbot: Any, tmp_path: Path,
                                                                    monkeypatch) -> None:
    """try14 F12: with no program for .xlsx, the notice said to install a PDF reader."""
    from PySide6.QtGui import QDesktopServices

    from ui.budget.office_page import BudgetOfficePage

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # nothing opens .xlsx here
    workspace = Workspace.open(tmp_path / "office.sqlite3", create=True)
    school = workspace.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา", area_office="สพป.ตาก เขต 1")
    workspace.budget.add(school.id, 2571, "equipment", description="โต๊ะเรียน", quantity=1, unit="ชุด",
                         unit_price="1,000")
    page = BudgetOfficePage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh(2571)
    said: list[Any] = []
    page.xlsx_printer.noticed.connect(said.append)
    target = tmp_path / "budget.xlsx"
    page.xlsx_printer._ask_target = lambda _suggested: (target, "thai")  # type: ignore[method-assign]
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=60000)
    assert target.exists()
    assert "PDF" not in said[-1].text and "Excel" in said[-1].text, said[-1].text
    page.close()
    workspace.close()


def test_the_office_page_shows_an_items_history(qtbot: Any, demo_copy: Path) -> None:
    from ui.budget.office_page import COL_APPROVED, BudgetOfficePage

    workspace = Workspace.open(demo_copy)
    page = BudgetOfficePage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh(None)
    page.schools_table.selectRow(0)
    assert not page.history_button.isEnabled()
    page.items_table.selectRow(0)
    assert page.history_button.isEnabled()
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    rows = page.history_dialog.rows_shown()
    assert rows and rows[-1][2] == "สร้างรายการ"
    assert page.selected_item().description in page.history_dialog.heading_text()
    page.history_dialog.close()
    # RETEST14 N2: the office's decisions are in the same history, newest first
    for amount in ("๑,๐๐๐", "๕๐๐"):
        page.items_table.item(0, COL_APPROVED).setText(amount)
    page.items_table.selectRow(0)
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    rows = [row[1:] for row in page.history_dialog.rows_shown()]
    assert rows[:2] == [("เครื่องนี้", "อนุมัติ (บาท)", "๑,๐๐๐", "๕๐๐"),
                        ("เครื่องนี้", "อนุมัติ (บาท)", "รอพิจารณา", "๑,๐๐๐")]
    page.history_dialog.close()
    page.close()
    workspace.close()
