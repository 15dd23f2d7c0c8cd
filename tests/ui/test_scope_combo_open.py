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


def test_digits_typed_in_the_open_list_reach_it_not_the_page_s_level_keys(qtbot: Any, memory_workspace: Workspace) -> None:
    """VERIFY31 U1: inside the visit page, whose plain digits 0–5 set a level (shortcuts that act
    while any child has the focus, the open list too), "4" typed in the open list did nothing.
    Keys go through Qt's shortcut map here (qtbot.keyClick), as real key presses do."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    page = QWidget()
    levels: list[str] = []
    for key in "012345":
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda key=key: levels.append(key))
    combo = ScopeCombo(memory_workspace.frameworks.latest(), page)
    QVBoxLayout(page).addWidget(combo)
    page.resize(400, 60)
    show_active(qtbot, page)
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=2000)
    list_view = combo.view()
    qtbot.waitUntil(lambda: list_view.hasFocus(), timeout=2000)
    qtbot.keyClick(list_view, Qt.Key.Key_4)
    assert levels == []  # no level set behind the list
    assert combo.itemData(list_view.currentIndex().row()) == "4"
    qtbot.wait(combo.TYPED_PAUSE_MS + 100)
    for key in (Qt.Key.Key_1, Qt.Key.Key_Period, Qt.Key.Key_1, Qt.Key.Key_Period, Qt.Key.Key_1):
        qtbot.keyClick(list_view, key)
    assert levels == [] and combo.itemData(list_view.currentIndex().row()) == "1.1.1"
