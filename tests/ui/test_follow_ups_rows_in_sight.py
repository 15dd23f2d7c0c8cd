"""VERIFY32b (task ui33 #4): the follow-ups page at 150 % showed only about three rows of its list
(the page's other parts took the height). The list has room for at least six rows at 100/125/150 %,
and it is no taller than what the window shows at once (scrolled to it, every one of them in sight).

ui34 #1: at 150 % the user still scrolled the page to reach those rows (the title, the line of
schools due, the chips, the filters and the buttons above them took 290 of the 340 pixels in
sight). Six rows and the status buttons are in sight with the page at its top."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from ui.common.screen import FRAME
from ui.shell.main_window import MainWindow

from .fit import cut_off_texts
from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_list_shows_six_rows(follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:
    window = follow_ups_at(WINDOWS[scaling])
    tree = window.page("follow_ups").tree
    top = tree.topLevelItem(0)
    assert top is not None
    row = tree.visualItemRect(top).height()
    rows = tree.viewport().height() // row
    area = window.stack.parentWidget()
    assert area is not None
    assert rows >= 6, f"at {scaling} the list has room for {rows} rows ({row} px each)"
    assert tree.height() <= area.height(), f"the list ({tree.height()} px) is taller than what the window shows ({area.height()} px)"


def _span(widget: QWidget, window: MainWindow) -> tuple[int, int]:
    return widget.mapTo(window, widget.rect().topLeft()).y(), widget.mapTo(window, widget.rect().bottomLeft()).y()


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_six_rows_and_their_buttons_in_sight_without_scrolling(follow_ups_at: Callable[[QSize], MainWindow],
                                                               scaling: str) -> None:
    window = follow_ups_at(WINDOWS[scaling] - FRAME)  # as the window opens there: its title bar counted
    page = window.page("follow_ups")
    area = window.stack.parentWidget()  # the scroll area's viewport: what is in sight
    assert area is not None
    scroll = area.parentWidget().verticalScrollBar()  # type: ignore[union-attr]
    assert scroll.value() == 0  # the page as it opens
    seen_top, seen_bottom = _span(area, window)
    tree = page.tree
    group = tree.topLevelItem(0)
    assert group is not None and group.childCount() >= 6
    out = []
    for index in range(6):
        rect = tree.visualItemRect(group.child(index))
        top = tree.viewport().mapTo(window, rect.topLeft()).y()
        bottom = tree.viewport().mapTo(window, rect.bottomLeft()).y()
        viewport_bottom = _span(tree.viewport(), window)[1]
        if rect.isEmpty() or top < seen_top or bottom > min(seen_bottom, viewport_bottom):
            out.append(f"row {index + 1} at {top}-{bottom}")
    for button in (page.done_button, page.drop_button, page.reopen_button, page.open_school_button,
                   page.open_visit_button):
        top, bottom = _span(button, window)
        if not button.isVisible() or top < seen_top or bottom > seen_bottom:
            out.append(f"{button.text()} at {top}-{bottom}")
    assert out == [], f"at {scaling}, in sight {seen_top}-{seen_bottom}: {out}"
    assert [line for line in cut_off_texts(page) if "Button" in line or "Label" in line] == []


def test_the_folded_filters_open_and_say_what_is_chosen(follow_ups_at: Callable[[QSize], MainWindow]) -> None:
    """At 150 % the filters fold behind "ตัวกรอง": a click opens them, and a chosen filter keeps
    them open and is counted on the button; the schools due keep their link under the list."""
    window = follow_ups_at(WINDOWS["150 %"] - FRAME)
    page = window.page("follow_ups")
    toggle = page.short_fit.toggle
    assert toggle.isVisible() and not page.filters_row.isVisible()
    assert "แสดง" in toggle.toolTip()  # the count it took the place of
    toggle.click()
    assert page.filters_row.isVisible() and page.school_filter.isVisible()
    page.school_filter.setCurrentIndex(1)
    toggle.click()  # shut again: a filter at work stays in sight
    assert page.filters_row.isVisible() and toggle.text() in ("ตัวกรอง (๑)", "ตัวกรอง (1)")
    assert page.due_visits.isVisible() and 'href="coverage"' in page.due_visits.text()
    assert "โรงเรียน" in page.due_visits.toolTip()
