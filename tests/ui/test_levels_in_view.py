"""TEST11 item 11: at 125 % and 150 % display scaling on a 1366×768 laptop the assessment view's
level choices were below the fold: a long statement (and a header of two rows) pushed them out of
the item's panel, and the user scrolled before choosing. At 125 % and 150 % every level of every
item and its "ไม่เกี่ยวข้อง" box are in view without scrolling; a level given the focus (Tab, the
arrows, keys 1–5) scrolls into view wherever the panel is shorter still. The window sizes are the logical ones Windows leaves there (``test_scaling.py``)."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from pytestqt.exceptions import TimeoutError as WaitTimeout

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

AT_125 = QSize(round(1366 / 1.25) - 16, round((768 - 40) / 1.25) - 40)
AT_150 = QSize(round(1366 / 1.5) - 16, round((768 - 40) / 1.5) - 40)


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def window(demo_window: Callable[[QSize | None], MainWindow]) -> MainWindow:
    return demo_window(None)  # each test sizes it


def open_round(qtbot, window: MainWindow, size: QSize):  # type: ignore[no-untyped-def]
    window.resize(size)
    workspace = window.workspace
    school = max(workspace.schools.list(), key=lambda s: len(workspace.assessments.for_school(s.id)))
    latest = workspace.assessments.for_school(school.id)[0]
    window.navigate(Location("assessment", latest.id))
    qtbot.wait(50)
    return window.view, workspace.assessments.framework_of(latest).items


def hidden_levels(view) -> list[str]:  # type: ignore[no-untyped-def]
    """The level buttons and the "ไม่เกี่ยวข้อง" box (their whole height) outside the item panel's
    visible area."""
    viewport = view._panel.scroll_area.viewport()
    hidden = []
    choices = {f"level {value}": radio for value, radio in view.level_buttons().items()}
    for name, widget in {**choices, "ไม่เกี่ยวข้อง": view._panel.na_check}.items():
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        if top < 0 or top + widget.height() > viewport.height():
            hidden.append(f"{view.current_item_code}: {name} at {top}..{top + widget.height()} "
                          f"of {viewport.height()}")
    return hidden


@pytest.mark.parametrize("size", [AT_125, AT_150], ids=["125 %", "150 %"])
def test_every_level_and_the_not_applicable_box_are_in_view_without_scrolling(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, size: QSize) -> None:
    """Issue 11 (T11b): at 125 % the header took 219 of 542 px (the school's name cut, "ส่งแบบประเมิน"
    on a row of its own, the save state on a line of its own) and the "ไม่เกี่ยวข้อง" box was half
    cut under the levels; at 150 % only two levels were in view."""
    view, items = open_round(qtbot, window, size)
    found = []
    for item in items:
        view.go_to(item.code)
        assert view._panel.scroll_area.verticalScrollBar().value() == 0
        try:  # once the layouts have settled (a loaded machine lays out late)
            qtbot.waitUntil(lambda: not hidden_levels(view), timeout=3000)
        except (AssertionError, WaitTimeout):
            found += hidden_levels(view)
    assert not found, "\n".join(found[:10]) + f"\n… {len(found)} in all"


def test_a_level_given_the_focus_scrolls_into_view_at_150_percent(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view, items = open_round(qtbot, window, AT_150)
    longest = max(items, key=lambda item: len(item.text) + sum(len(level.descriptor) for level in item.levels))
    view.go_to(longest.code)
    qtbot.wait(20)
    buttons = view.level_buttons()
    lowest = buttons[min(buttons)]
    lowest.setFocus()
    # Waits, not timings: a loaded machine (or Wine) lays out late.
    qtbot.waitUntil(lambda: not [line for line in hidden_levels(view) if f"level {min(buttons)} " in line],
                    timeout=10000)
    # and Shift+Tab back to the top level brings it into view too
    buttons[max(buttons)].setFocus()
    qtbot.waitUntil(lambda: not [line for line in hidden_levels(view) if f"level {max(buttons)} " in line],
                    timeout=10000)



def test_the_statement_cut_in_a_short_panel_reads_whole_by_its_button(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view, items = open_round(qtbot, window, AT_125)
    longest = max(items, key=lambda item: len(item.text))
    view.go_to(longest.code)
    panel = view._panel
    qtbot.waitUntil(lambda: panel.compact, timeout=10000)
    assert panel.compact and panel.item_text.is_clamped() and panel.item_text.shown_text().endswith("…")
    assert panel.item_text.text() == longest.text and panel.item_text.toolTip() == longest.text
    button = panel.whole_text_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.item_text.shown_text() == longest.text, timeout=10000)
    view.go_next()  # the next item starts short again
    qtbot.waitUntil(lambda: not button.isChecked(), timeout=10000)
    window.resize(1366 - 16, 728 - 40)  # 100 %: nothing is cut
    qtbot.waitUntil(lambda: not panel.compact, timeout=5000)
    assert not panel.item_text.is_clamped() and not button.isVisible() and panel.place.isVisible()


def test_at_150_percent_the_box_sits_by_the_levels_heading_and_the_keys_hint_is_its_tooltip(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    """Issue 11 (L150): with the taller "Sarabun UI" font the levels and the "ไม่เกี่ยวข้อง" box
    reached 278 px in a 261-px panel at 150 %. There the box goes beside the levels' heading (the
    hint "กดเลข 1–5" to its tooltip) and the statement's button beside the statement, in the
    window's own font size; at 125 % (room enough) they stay where they were."""
    view, items = open_round(qtbot, window, AT_150)
    panel = view._panel
    view.go_to(max(items, key=lambda item: len(item.text)).code)
    qtbot.waitUntil(lambda: panel.folded, timeout=10000)
    heading, box, button = panel.levels_heading, panel.na_check, panel.whole_text_button
    same_line = box.mapTo(panel, QPoint(0, 0)).y() - heading.mapTo(panel, QPoint(0, 0)).y()
    assert abs(same_line + box.height() - heading.height()) <= 4  # on the heading's line
    assert heading.text() == "เลือกระดับคุณภาพ" and "1–5" in heading.toolTip()
    assert button.isVisible() and abs(button.mapTo(panel, QPoint(0, 0)).y() - panel.item_text.mapTo(panel, QPoint(0, 0)).y()) < panel.item_text.height()
    assert box.font().pointSizeF() == window.font().pointSizeF() and heading.font().pointSizeF() >= window.font().pointSizeF()
    assert panel.levels_bottom() <= panel.scroll_area.viewport().height()
    window.resize(AT_125)
    qtbot.waitUntil(lambda: not panel.folded, timeout=10000)
    assert "1–5" in heading.text() and box.mapTo(panel, QPoint(0, 0)).y() > heading.mapTo(panel, QPoint(0, 0)).y() + heading.height()


@pytest.mark.parametrize("size", [AT_125, AT_150], ids=["125 %", "150 %"])
def test_the_levels_stay_in_view_with_the_line_that_says_comments_are_there(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, size: QSize) -> None:
    """Issue 11 (L150): the line "มีความคิดเห็นต่อประเด็นนี้ …" came after the panel had fitted
    itself, so at 125 % an item with a comment had its "ไม่เกี่ยวข้อง" box cut under the levels; at
    150 % the line (35 px) pushed it out: there it goes beside the statement, shorter."""
    view, items = open_round(qtbot, window, size)
    commented = items[1]
    window.workspace.comments.on_assessment(view.assessment_id, "ควรแนบภาพกิจกรรม", item_code=commented.code,
                                            author_name="ศึกษานิเทศก์", author_role="ศึกษานิเทศก์")
    view.go_to(items[0].code)
    view.go_to(commented.code)
    qtbot.waitUntil(lambda: view.comments.see.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: not hidden_levels(view), timeout=10000)
    if size == AT_150:
        assert view.comments.see.text() == "ความคิดเห็น ๑ ▾"
