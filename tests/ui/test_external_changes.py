"""Issue 10 (try10 F7): the school list follows a change another process committed (``main.py
import`` while the window is open): when the window is active again it re-reads what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from ui.schools.schools_page import COL_NAME, SchoolsPage
from ui.shell.main_window import MainWindow

from .keyboard import show_active

pytestmark = pytest.mark.usefixtures("styled_app")


def names(window: MainWindow) -> list[str]:
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    return [str(page.proxy.index(row, COL_NAME).data()) for row in range(page.proxy.rowCount())]


def test_the_school_list_follows_a_change_another_process_committed(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "district.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name="โรงเรียนบ้านแม่สอด")
        workspace.schools.add(code="6301000002", name="โรงเรียนบ้านพบพระ")
    window = show_active(qtbot, MainWindow(MainWindow.open_workspace(path)))
    assert "โรงเรียนบ้านแม่สอด" in names(window)

    window.external_changes.application_state(Qt.ApplicationState.ApplicationInactive)  # to a terminal
    with Workspace.open(path) as other:  # another process's connection: an import, a command
        other.schools.update(school.id, name="โรงเรียนบ้านแม่สอดวิทยา")
    window.external_changes.application_state(Qt.ApplicationState.ApplicationActive)  # back to the window
    qtbot.waitUntil(lambda: "โรงเรียนบ้านแม่สอดวิทยา" in names(window), timeout=5000)
    assert "โรงเรียนบ้านแม่สอด" not in names(window)
    window.shutdown()
