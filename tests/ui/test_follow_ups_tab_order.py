"""Tab reaches every control of the follow-up list (TEST34B B14: Tab went comments → status
buttons → filters → reply → table and round again; the four status chips, which are buttons, and
the link "ดูรายชื่อทั้งหมด" were never reached, and the first Tab landed in the read-only comments)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from qualityschool_desktop.workspace import Workspace

from .test_follow_ups_page import agreed, sarabun, show  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("styled_app")


def tab_round(qtbot: Any, start: QWidget, presses: int = 40) -> list[QWidget]:
    """The widgets Tab visits from ``start``, in order, until it comes back to ``start``."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start or now is None:
            break
        seen.append(now)
    return seen


def test_tab_reaches_the_chips_and_the_link_in_reading_order(qtbot: Any, memory_workspace: Workspace,
                                                             agreed: Any) -> None:  # noqa: F811
    page = show(qtbot, memory_workspace)
    with qtbot.waitActive(page):
        page.activateWindow()
    assert "ดูรายชื่อทั้งหมด" in page.due_visits.text()
    order = tab_round(qtbot, page.tree)
    chips = [chip for chip in page.chips.values() if chip.isVisible()]
    link = page.due_visits
    for chip in chips:
        assert chip in order, f"Tab never reaches the chip {chip.text()!r}"
    assert link in order, "Tab never reaches ดูรายชื่อทั้งหมด"
    # Reading order: the link, the chips (left to right), then the filters, the status buttons.
    positions = [order.index(widget) for widget in [link, *chips, page.school_filter, page.done_button]]
    assert positions == sorted(positions), [w.objectName() or type(w).__name__ for w in order]


def test_focusing_the_page_still_lands_in_the_list(qtbot: Any, memory_workspace: Workspace,
                                                  agreed: Any) -> None:  # noqa: F811
    page = show(qtbot, memory_workspace)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.chips["overdue"].setFocus()
    page.setFocus()
    assert QApplication.focusWidget() is page.tree


def test_in_a_short_window_the_link_comes_after_the_list_as_it_shows(qtbot: Any, follow_ups_at: Any) -> None:
    """At 150 % the line of schools due shows under the list (fit.py): Tab reaches it there."""
    from .test_headings_fit import WINDOWS

    window = follow_ups_at(WINDOWS["150 %"])
    page = window.page("follow_ups")
    assert page.short_fit.short
    with qtbot.waitActive(window):
        window.activateWindow()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.due_visits
    qtbot.keyClick(page.due_visits, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.comments.list
    qtbot.keyClick(page.comments.list, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.due_visits
    with qtbot.waitSignal(page.due_visits.open_list, timeout=2000):  # Enter follows the link
        qtbot.keyClick(page.due_visits, Qt.Key.Key_Return)


# TEST34C C10 (visit34b): the school and supervisor filters and "แสดงรายการที่ปิดแล้ว" too.
from ui.follow_ups.page import FollowUpsPage  # noqa: E402

from .keyboard import show_active  # noqa: E402
from .test_follow_ups_page import TODAY  # noqa: E402


def _tab_round(qtbot, page: FollowUpsPage, steps: int = 30) -> list[QWidget]:  # type: ignore[no-untyped-def]
    page.tree.setFocus()
    seen: list[QWidget] = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is not None:
            seen.append(widget)
    return seen


def test_tab_reaches_every_filter_and_the_buttons_before_the_comments(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    page = FollowUpsPage(memory_workspace, today=TODAY)
    page.resize(1366, 768)
    show_active(qtbot, page)
    page.refresh()
    seen = _tab_round(qtbot, page)
    chips = [chip for chip in page.chips.values() if chip.isVisible()]  # "ปิดแล้ว" shows with the closed ones
    assert len(chips) == 4
    for widget in (*chips, page.school_filter, page.supervisor_filter, page.show_closed):
        assert widget in seen, widget.accessibleName() or widget.objectName() or type(widget).__name__
    assert page.done_button in seen  # the order itself: test_tab_reaches_the_chips_and_the_link_in_reading_order
