"""TEST32b B1: a round opened from the keyboard (Enter on the rounds list) left the keyboard on
the view as a whole, wherever the school page's focus had been: the level keys then depended on
what had the focus before. The opened round now puts the keyboard on its level buttons, so 1–5
choose a level at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_enter_on_a_round_puts_the_keyboard_on_its_levels(qtbot: Any, demo_copy: Path) -> None:
    workspace = Workspace.open(demo_copy)
    school = next(s for s in workspace.schools.list() if "สันป่าลาน" in s.name)
    window = MainWindow(workspace)
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    window.navigate(Location("school", school.id))
    rounds = window.page("school").tab("rounds")
    rounds.table.setFocus()
    rounds.table.selectRow(0)
    qtbot.keyClick(rounds.table, Qt.Key.Key_Return)
    kind = window.location.kind
    focused = window.focusWidget()
    view = window.view
    on_levels = isinstance(focused, QRadioButton) and view.isAncestorOf(focused)
    shiboken6.delete(window)
    workspace.close()
    assert kind == "assessment"
    assert on_levels, f"the keyboard is on {type(focused).__name__}"
