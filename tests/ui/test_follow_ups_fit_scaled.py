"""s32 (U10): on the demo data at 125 % the follow-ups page's buttons (ดำเนินการแล้ว …
เปิดบันทึกการนิเทศ) were below the fold of a 1366×768 laptop, the page scrolled to them; at 150 %
every other column was cut to a few letters ("นายกิต…", "โรงเรียนนาโ…"). The buttons are in sight
at 100, 125 and 150 %, and at 150 % the columns shown keep most of their width (those left out say
their text in the row's tooltip)."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize

from ui.follow_ups.rows import COL_ACTION, COL_SUPERVISOR, COL_VISITED
from ui.shell.main_window import MainWindow

from .fit import cut_off_texts
from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_buttons_are_in_sight_without_scrolling(follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:
    window = follow_ups_at(WINDOWS[scaling])
    page = window.page("follow_ups")
    area = window.stack.parentWidget()  # the scroll area's viewport: what is in sight
    assert area is not None
    seen_top, seen_bottom = area.mapTo(window, area.rect().topLeft()).y(), area.mapTo(window, area.rect().bottomLeft()).y()
    cut = []
    for button in (page.done_button, page.drop_button, page.reopen_button, page.open_school_button,
                   page.open_visit_button):
        top, bottom = button.mapTo(window, button.rect().topLeft()).y(), button.mapTo(window, button.rect().bottomLeft()).y()
        if not button.isVisible() or top < seen_top or bottom > seen_bottom:
            cut.append(f"{button.text()} at {top}-{bottom}, in sight {seen_top}-{seen_bottom}")
    assert cut == []
    assert [line for line in cut_off_texts(page) if "Button" in line] == []


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_columns_shown_are_readable(follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:
    window = follow_ups_at(WINDOWS[scaling])
    tree = window.page("follow_ups").tree
    squeezed = {tree.headerItem().text(column): (tree.columnWidth(column), width)
                for column, width in tree.preferred.items()
                if not tree.isColumnHidden(column) and tree.columnWidth(column) < 0.85 * width}
    assert squeezed == {}, f"cut to less than 85 % of their width: {squeezed}"
    assert tree.header().length() <= tree.viewport().width() + 1
    if scaling == "100 %":  # room for every column at 100 %
        assert not tree.isColumnHidden(COL_SUPERVISOR) and not tree.isColumnHidden(COL_VISITED)
    row = tree.topLevelItem(0).child(0)
    tip = row.toolTip(COL_ACTION)
    for column in (COL_SUPERVISOR, COL_VISITED):  # what a column left out says, the action's tooltip says
        if tree.isColumnHidden(column):
            assert row.text(column) in tip, tip
