"""fit35 (TEST34C C9, RETEST34 D5): the follow-up list at 125 and 150 % on 1366×768.

- "· มีความคิดเห็น ๑" ended the สิ่งที่ต้องทำ cell and was cut off with it: the supervisor did not see
  that the school had answered. The mark leads the cell now, where no cut reaches it.
- At 125 % the visit-date column was left out.
- In a short window the line of schools due said its count and link only: it names the schools
  that fit on its one line.
- At 150 % Tab from ย้อนกลับ (outside the page) to the first chip left the page scrolled down, the
  focused chip out of sight: a control that takes the focus is scrolled into view.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from qualityschool_desktop.coverage import due_list
from ui.common.screen import FRAME
from ui.common.digits import shown as digits_shown
from ui.follow_ups.rows import BUCKET_ROLE, COL_ACTION, COL_DUE, COL_SUPERVISOR, COL_VISITED, ID_ROLE
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_an_answered_follow_up_shows_its_mark_whatever_the_width(
        follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:
    window = follow_ups_at(WINDOWS[scaling])
    page = window.page("follow_ups")
    tree = page.tree
    first = tree.topLevelItem(0).child(0)
    follow_up_id = str(first.data(0, ID_ROLE))
    window.workspace.comments.on_follow_up(follow_up_id, "ทำแล้วเมื่อวันที่ ๑ ธ.ค.", author_name="ผอ.สมชาย")
    page.refresh()
    row = next(tree.topLevelItem(0).child(i) for i in range(tree.topLevelItem(0).childCount())
               if tree.topLevelItem(0).child(i).data(0, ID_ROLE) == follow_up_id)
    other = next(tree.topLevelItem(0).child(i) for i in range(tree.topLevelItem(0).childCount())
                 if tree.topLevelItem(0).child(i).data(0, ID_ROLE) != follow_up_id)
    # What the cell shows within its width: the mark leads it, before any text that may be cut.
    shown = tree.fontMetrics().elidedText(row.text(COL_ACTION), Qt.TextElideMode.ElideRight,
                                          tree.columnWidth(COL_ACTION) - 12)
    assert shown.startswith(page.answered_mark(1)), f"at {scaling} the cell shows {shown!r}"
    assert not other.text(COL_ACTION).startswith(page.answered_mark(1).strip()[:1])
    assert "มีความคิดเห็น ๑" in row.toolTip(COL_ACTION)
    rows = {r["สิ่งที่ต้องทำ"] for r in page.visible_rows()}
    assert any(text.startswith(page.answered_mark(1)) for text in rows)


@pytest.mark.parametrize("scaling", ["100 %", "125 %"])
def test_the_visit_date_is_shown_at_125(follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:
    window = follow_ups_at(WINDOWS[scaling] - FRAME)  # as the window opens there: its frame counted
    tree = window.page("follow_ups").tree
    assert not tree.isColumnHidden(COL_VISITED), f"at {scaling} วันที่นิเทศ is left out"
    assert not tree.isColumnHidden(COL_SUPERVISOR), f"at {scaling} ผู้นิเทศ is left out"


@pytest.mark.parametrize("scaling", ["125 %", "150 %"])
def test_the_line_of_schools_due_names_those_that_fit(follow_ups_at: Callable[[QSize], MainWindow],
                                                      scaling: str) -> None:
    window = follow_ups_at(WINDOWS[scaling] - FRAME)
    page = window.page("follow_ups")
    line = page.due_visits
    first = due_list(window.workspace, page.today)[0]
    assert page.short_fit.short
    assert first.name in line.text(), f"at {scaling}: {line.text()!r}"
    assert 'href="coverage"' in line.text()
    # One line still: the six rows above keep their room (test_follow_ups_rows_in_sight).
    assert line.heightForWidth(line.width()) <= line.fontMetrics().lineSpacing() * 1.6 + 2 * line.margin() + 4


def test_tab_from_back_to_the_first_chip_scrolls_it_into_sight(qtbot, follow_ups_at: Callable[[QSize], MainWindow]) -> None:  # type: ignore[no-untyped-def]
    window = follow_ups_at(WINDOWS["150 %"] - FRAME)
    page = window.page("follow_ups")
    with qtbot.waitActive(window):
        window.activateWindow()
    area = window.stack.parentWidget()
    scroll = area.parentWidget().verticalScrollBar()  # type: ignore[union-attr]
    page.comments.box.setFocus(Qt.FocusReason.TabFocusReason)  # the reply box, at the page's foot
    scroll.setValue(scroll.maximum())  # as Tab through the comments left it
    assert scroll.value() > 0
    window.back_button.setEnabled(True)
    window.back_button.show()
    window.back_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.back_button, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget) and focused is page.chips["overdue"]

    def in_sight() -> bool:
        top = focused.mapTo(area, focused.rect().topLeft()).y()
        return top >= 0 and top + focused.height() <= area.height()

    qtbot.waitUntil(in_sight, timeout=3000)


@pytest.mark.parametrize("scaling", ["125 %", "150 %"])
def test_the_comments_are_read_and_answered_without_scrolling(
        qtbot, follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """fit34b #4 / fit35: at 125 and 150 % the comments panel sat below the list and the line of
    schools due, reached by scrolling the page. A "ความเห็น" button beside the filters puts the
    chosen follow-up's comments in the list's place, named, and takes the list back."""
    window = follow_ups_at(WINDOWS[scaling] - FRAME)
    page = window.page("follow_ups")
    tree = page.tree
    first = tree.topLevelItem(0).child(0)
    follow_up_id = str(first.data(0, ID_ROLE))
    window.workspace.comments.on_follow_up(follow_up_id, "ซ่อมเสร็จแล้ว", author_name="ผอ.สมชาย")
    page.refresh(select_id=follow_up_id)
    area = window.stack.parentWidget()
    scroll = area.parentWidget().verticalScrollBar()  # type: ignore[union-attr]
    button = page.comments_in_place.button
    assert button.isVisible() and "๑" in button.text(), button.text()

    def in_sight(widget: QWidget) -> bool:
        top = widget.mapTo(area, widget.rect().topLeft()).y()
        return widget.isVisible() and top >= 0 and top + widget.height() <= area.height()

    qtbot.waitUntil(lambda: in_sight(button) and button.width() >= button.sizeHint().width(), timeout=3000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    panel = page.comments
    qtbot.waitUntil(lambda: all(in_sight(w) for w in (panel.list, panel.box, panel.add_button)), timeout=3000)
    assert scroll.value() == 0
    assert not tree.isVisible()
    assert any("ซ่อมเสร็จแล้ว" in line for line in panel.lines())
    subject = page.comments_in_place.subject
    action = window.workspace.follow_ups.get(follow_up_id).action
    assert in_sight(subject) and action in subject.toolTip()
    for widget in (page.done_button, page.open_visit_button):  # the status buttons still act on it
        assert in_sight(widget) and widget.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tree.isVisible, timeout=3000)
    assert page.selected_follow_up_id() == follow_up_id


def test_at_100_the_comments_stay_under_the_list(follow_ups_at: Callable[[QSize], MainWindow]) -> None:
    window = follow_ups_at(WINDOWS["100 %"] - FRAME)
    page = window.page("follow_ups")
    assert not page.comments_in_place.button.isVisible()
    assert page.tree.isVisible() and page.comments.isVisible()


def test_with_the_closed_ones_shown_the_page_is_no_wider_than_the_window(
        qtbot, follow_ups_at: Callable[[QSize], MainWindow]) -> None:  # type: ignore[no-untyped-def]
    """At 150 % the fifth chip (ปิดแล้ว) beside ความเห็น and ตัวกรอง made the page scroll sideways:
    the chips wrap onto a second line instead, every button whole."""
    window = follow_ups_at(WINDOWS["150 %"] - FRAME)
    page = window.page("follow_ups")
    page.short_fit.toggle.click()
    page.show_closed.setChecked(True)
    area = window.stack.parentWidget()
    buttons = [*page.chips.values(), page.comments_in_place.button, page.short_fit.toggle]

    def fits() -> bool:
        return page.width() <= area.width() and all(
            b.width() >= b.sizeHint().width() and b.mapTo(area, b.rect().topRight()).x() <= area.width()
            for b in buttons if b.isVisible())

    qtbot.waitUntil(fits, timeout=3000)


@pytest.mark.parametrize("scaling", ["100 %", "150 %"])
def test_after_answering_the_focus_is_back_in_the_comment_box(
        qtbot, follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """fit35c (TEST35 T8): after ตอบกลับ the focus went to "‹ ย้อนกลับ" (the list was read again and
    the panel's controls shut for a moment): the next Space left the page. It returns to the box."""
    window = follow_ups_at(WINDOWS[scaling] - FRAME)
    page = window.page("follow_ups")
    with qtbot.waitActive(window):
        window.activateWindow()
    window.back_button.setEnabled(True)
    window.back_button.show()
    tree = page.tree
    page.refresh(select_id=str(tree.topLevelItem(0).child(0).data(0, ID_ROLE)))
    panel = page.comments
    if page.comments_in_place.button.isVisible():  # 150 %: the comments in the list's place
        qtbot.mouseClick(page.comments_in_place.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.box.isVisible() and panel.box.isEnabled(), timeout=3000)
    panel.box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClicks(panel.box, "ok")
    panel.name.setText("ผอ.สมชาย")
    panel.add_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)  # ตอบกลับ, from the keyboard
    qtbot.waitUntil(lambda: any("ok" in line for line in panel.lines()), timeout=3000)
    QApplication.processEvents()
    qtbot.wait(50)
    assert QApplication.focusWidget() is panel.box, f"at {scaling} focus is on {QApplication.focusWidget()!r}"


def _overdue_rows(page):  # type: ignore[no-untyped-def]
    tree = page.tree
    return [tree.topLevelItem(g).child(i) for g in range(tree.topLevelItemCount())
            for i in range(tree.topLevelItem(g).childCount())
            if tree.topLevelItem(g).child(i).data(0, BUCKET_ROLE) == "overdue"]


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_days_late_are_never_cut(follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:
    """fit35c (TEST35 T7): at 150 % the due cell read "๑๔ ส.ค. ๒๕๖๙ · เลยมา ๑๑๑…", the number cut.
    The words give way first (the year, then the date): the days late are whole."""
    window = follow_ups_at(WINDOWS[scaling] - FRAME)
    page = window.page("follow_ups")
    page._fixed_today = date.today() + timedelta(days=400)  # late by three-digit days
    page.refresh()
    tree = page.tree
    rows = _overdue_rows(page)
    assert rows
    for row in rows:
        late = -(date.fromisoformat(page.workspace.follow_ups.get(str(row.data(0, ID_ROLE))).due_on)
                 - page.today).days
        shown = tree.shown_text(row, COL_DUE)
        room = tree.visualRect(tree.indexFromItem(row, COL_DUE)).width()  # the column less the row's indentation
        fits = tree.fontMetrics().horizontalAdvance(shown) <= room - 12
        assert fits and digits_shown(late) in shown, f"at {scaling}: {shown!r} in {room} px"
        assert digits_shown(late) in row.toolTip(COL_DUE)


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_answered_mark_leaves_the_task_its_room(follow_ups_at: Callable[[QSize], MainWindow], scaling: str) -> None:
    """fit35c (TEST35 T7): at 150 % "ความเห็น ๑ · " took most of the task's column. The mark is
    short ("ตอบ ๑ · "): the task keeps most of its column."""
    window = follow_ups_at(WINDOWS[scaling] - FRAME)
    page = window.page("follow_ups")
    tree = page.tree
    metrics = tree.fontMetrics()
    mark = metrics.horizontalAdvance(page.answered_mark(1))
    column = tree.columnWidth(COL_ACTION)
    assert mark <= column * 0.3, f"at {scaling} the mark takes {mark} of {column} px"
