"""VERIFY32b V4: Tab inside a read-only list (the school page's rounds list) moved an invisible
current cell instead of leaving the list, so Tab×4 changed nothing the user could see. In a list
that is not edited cell by cell Tab goes to the next control (arrows move inside the list), on
every page, as the school list already did (TEST30b B1)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.shell.api import Location

pytestmark = pytest.mark.usefixtures("styled_app")

PAGES = ("district", "follow_ups", "coverage", "budget", "inspection_rounds", "office_projects",
         "office_indicators", "office_report")


def _trapping(window: Any) -> list[str]:
    """Read-only tables of the window where Tab stays inside."""
    return [f"{type(table.window()).__name__}/{table.objectName() or type(table).__name__}"
            f" in {type(table.parent()).__name__}"
            for table in window.findChildren(QTableView)
            if table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers and table.tabKeyNavigation()]


def test_tab_leaves_the_school_pages_rounds_list(qtbot: Any, demo_window: Any) -> None:
    window = demo_window(QSize(1366, 768))
    school_id = window.workspace.schools.list()[0].id
    window.navigate(Location("school", school_id))
    page = window.page("school")
    rounds = page.tab("rounds").table
    rounds.setFocus()
    qtbot.waitUntil(rounds.hasFocus)
    qtbot.keyClick(rounds, Qt.Key.Key_Tab)
    assert not rounds.hasFocus(), "Tab stayed in the rounds list"


def test_no_read_only_list_keeps_tab(qtbot: Any, demo_window: Any) -> None:
    window = demo_window(QSize(1366, 768))
    school_id = window.workspace.schools.list()[0].id
    window.navigate(Location("school", school_id))
    page = window.page("school")
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(5)
    trapping = set(_trapping(window))
    for kind in PAGES:
        window.navigate(Location(kind))
        qtbot.wait(5)
        trapping |= set(_trapping(window))
    assert not trapping, "Tab stays inside these read-only lists"
