"""ui34 #2: a school's records this window may not change (a read-only database; a school whose
records came by exchange and belong to the school's keys) were greyed the old way in the budget
and plan tabs: the budget items' kind read pale in a disabled box, the plan's title and years pale
in disabled fields, about 2.3:1; the record looked empty, not locked (VERIFY32b V2 fixed the
confirmed visit's). They read dark and locked now (``ui.common.locked.show_locked``), and Tab
leaves each read-only table (``ui.common.tables.read_only_table``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableWidget, QWidget

from qualityschool_desktop.workspace import Workspace
from ui.common.locked import LOCKED
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_locked_values_read import contrast

pytestmark = pytest.mark.usefixtures("styled_app")


def _window(qtbot: Any, demo_copy: Path) -> tuple[MainWindow, Any]:
    """The demo school with a plan and budget items (and a network school added), in a window
    over the database opened read-only: nothing of the school may change here."""
    writing = Workspace.open(demo_copy)
    school_id = writing.db.execute("SELECT r.school_id FROM budget_requests r JOIN plans p ON p.school_id = r.school_id"
                                   " ORDER BY r.school_id LIMIT 1").fetchone()[0]
    writing.network_schools.add(school_id, code="6302000099", name="โรงเรียนบ้านห้วยไม้", pupils="40")
    writing.close()
    window = MainWindow(Workspace.open(demo_copy, read_only=True))
    qtbot.addWidget(window)
    window.resize(QSize(1366, 728))
    window.show()
    qtbot.waitExposed(window)
    window.navigate(Location("school", school_id))
    return window, window.page("school")


def _show(qtbot: Any, page: Any, key: str) -> Any:
    tab = page.tab(key)
    page.tabs.setCurrentWidget(tab)
    qtbot.wait(30)
    return tab


def _reads_locked(widget: QWidget) -> str:
    if widget.isEnabled() or not widget.property(LOCKED):
        return f"{type(widget).__name__} enabled={widget.isEnabled()} locked={widget.property(LOCKED)}"
    ratio = contrast(widget)
    return "" if ratio >= 4.5 else f"{type(widget).__name__} pale: {ratio:.1f}:1"


def _tab_leaves(qtbot: Any, table: QTableWidget) -> bool:
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    if table.rowCount():
        table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    return not table.hasFocus()


def test_a_budget_the_window_may_not_change_reads_locked(qtbot: Any, demo_copy: Path) -> None:
    window, page = _window(qtbot, demo_copy)
    tab = _show(qtbot, page, "budget")
    assert tab.table.rowCount() > 0
    boxes = [tab.table.cellWidget(row, 1) for row in range(tab.table.rowCount())]
    assert all(isinstance(box, QComboBox) for box in boxes)
    assert [problem for box in boxes if (problem := _reads_locked(box))] == []
    assert _tab_leaves(qtbot, tab.table), "Tab stayed in the budget table"
    window.shutdown()


def test_a_plan_the_window_may_not_change_reads_locked(qtbot: Any, demo_copy: Path) -> None:
    window, page = _window(qtbot, demo_copy)
    tab = _show(qtbot, page, "plans")
    assert tab.parts is not None, "the demo school has a plan"
    problems = [problem for widget in (tab.title_edit, tab.first_year, tab.last_year)
                if (problem := _reads_locked(widget))]
    assert problems == []
    for table in (tab.goals, tab.indicators, tab.activities):
        assert _tab_leaves(qtbot, table), f"Tab stayed in {table.objectName()}"
    window.shutdown()


def test_network_schools_the_window_may_not_change_read_locked(qtbot: Any, demo_copy: Path) -> None:
    window, page = _window(qtbot, demo_copy)
    tab = _show(qtbot, page, "network")
    assert _tab_leaves(qtbot, tab.table), "Tab stayed in the network schools' table"
    window.shutdown()
