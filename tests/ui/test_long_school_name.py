"""A real school's name of 104 characters (royal patronage) made the school page wider than the
window at 125 % on 1366x768 (try11b F13): the heading was cut and "แก้ไขข้อมูลโรงเรียน" and the
rounds tab's buttons were off-screen. The heading now wraps; the page fits the window."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QPushButton, QWidget

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .fit import page_overflow
from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")

LONG_NAME = ("โรงเรียนเฉลิมพระเกียรติสมเด็จพระศรีนครินทร์ ตาก ในพระราชูปถัมภ์"
             "สมเด็จพระเทพรัตนราชสุดาฯ สยามบรมราชกุมารี")


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return top_left.x() >= 0 and top_left.x() + widget.width() <= window.width()


@pytest.mark.parametrize("scaling", ["100 %", "125 %", "150 %"])
def test_a_long_school_name_keeps_the_page_inside_the_window(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    assert len(LONG_NAME) >= 100
    window = demo_window(WINDOWS[scaling])
    workspace = window.workspace
    school = workspace.schools.list()[0]
    workspace.schools.update(school.id, name=LONG_NAME)
    window.navigate(Location("school", school.id))
    qtbot.wait(50)
    page = window.page("school")
    assert page is not None
    wider, _taller = page_overflow(window.stack)
    assert wider == 0, f"the page is {wider} px wider than the window"
    assert page.name_label.text() == LONG_NAME
    # The whole name is painted: the label is given the height its lines need at its width.
    label = page.name_label
    assert label.height() >= label.heightForWidth(label.width()) > 0
    assert page.edit_button.isVisible() and inside(page.edit_button, window)
    buttons = [b for b in page.tabs.currentWidget().findChildren(QPushButton) if b.isVisible()]
    assert buttons and all(inside(button, window) for button in buttons), [
        b.text() for b in buttons if not inside(b, window)]
    window.shutdown()
