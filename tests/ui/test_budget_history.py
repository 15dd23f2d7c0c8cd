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
