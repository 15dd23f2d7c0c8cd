"""TEST31b U1: once the follow-up's "เกี่ยวกับ" list was OPEN (a mouse click, or Alt+↓), typing "4"
or "1.1.1" did nothing; only the closed list took typing. A mouse user clicks first, then types:
the open list now moves its highlight to the entry typed, and Enter chooses it (saved, as ↓ + Enter)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active, type_text
from ui.visits.scope_combo import ScopeCombo

pytestmark = pytest.mark.usefixtures("styled_app")


def test_typing_in_the_open_list_finds_the_entry_and_enter_chooses_it(qtbot: Any, memory_workspace: Workspace) -> None:
    combo = ScopeCombo(memory_workspace.frameworks.latest())
    combo.resize(400, 30)
    show_active(qtbot, combo)
    chosen: list[int] = []
    combo.activated.connect(chosen.append)
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=2000)
    list_view = combo.view()
    type_text(list_view, "4")
    highlighted = list_view.currentIndex().row()
    assert combo.itemData(highlighted) == "4" and combo.itemText(highlighted).startswith("องค์ประกอบที่")
    qtbot.wait(combo.TYPED_PAUSE_MS + 100)  # a pause starts a new search
    type_text(list_view, "1.1.1")
    highlighted = list_view.currentIndex().row()
    assert combo.itemData(highlighted) == "1.1.1"
    qtbot.keyClick(list_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not list_view.isVisible(), timeout=2000)
    assert combo.currentData() == "1.1.1" and chosen == [highlighted]
