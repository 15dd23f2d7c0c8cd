"""The follow-up list by keyboard only (TEST34C C10): Tab reaches the bucket chips, the school and
supervisor filters and "แสดงรายการที่ปิดแล้ว", and the action buttons before the comments below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from .keyboard import show_active
from .test_follow_ups_page import TODAY, agreed  # noqa: F401 (agreed is a fixture)
from ui.follow_ups.page import FollowUpsPage


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
    # From the list, the action buttons come before the comments under it.
    assert seen.index(page.done_button) < seen.index(page.comments.list)
