"""TEST34B B9: at 150 % clicking the school's แผนพัฒนา tab scrolled the page down by itself: the
school's tab bar and the plan's first row of fields left the screen, and reaching another tab took
scrolling back up. The tab left hid the control that had the keyboard; Qt moved the keyboard on and
the window's page scroll area scrolled to a stale control of its own. The page scrolls only when
the user moves the keyboard (Tab) to a control out of sight."""

from __future__ import annotations

import os
from typing import Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from ui.common.screen import FRAME
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_opening_the_plan_tab_leaves_the_school_s_tabs_in_sight(qtbot, demo_window: Callable[[QSize | None], MainWindow],  # type: ignore[no-untyped-def]
                                                                scaling: str) -> None:
    window = demo_window(WINDOWS[scaling] - FRAME)
    workspace = window.workspace
    school_id = next(school.id for school in workspace.schools.list() if workspace.plans.for_school(school.id))
    window.navigate(Location("school", school_id))
    page = window.page("school")
    QApplication.processEvents()
    qtbot.wait(80)
    area = window.stack.parentWidget()
    scroll = area.parentWidget()
    assert isinstance(scroll, QScrollArea)
    bar = page.tabs.tabBar()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    with qtbot.waitActive(window):
        window.activateWindow()
    # TEST34B's way: a round chosen in the first tab, a click on the budget tab, then on the plan tab.
    page.focus_list()
    for title in ("คำของบประมาณ", "แผนพัฒนา"):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(titles.index(title)).center())
        for _ in range(5):
            QApplication.processEvents()
            qtbot.wait(40)
    if os.environ.get("SHOTS"):
        window.grab().save(f"{os.environ['SHOTS']}/plan-tab-{scaling.split()[0]}.png")
    top = bar.mapTo(area, bar.rect().topLeft()).y()
    moved = scroll.verticalScrollBar().value()
    window.shutdown()
    assert 0 <= top and top + bar.height() <= area.height(), f"at {scaling} the tab bar is at {top} (page scrolled {moved})"



def test_tab_to_a_control_out_of_sight_still_scrolls_the_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from ui.shell.page_stack import PageStack, scrolling

    from .keyboard import show_active

    page = QWidget()
    column = QVBoxLayout(page)
    near, far = QLineEdit("บน"), QLineEdit("ล่าง")
    column.addWidget(near)
    column.addSpacing(900)
    column.addWidget(far)
    stack = PageStack()
    stack.addWidget(page)
    area = scrolling(stack)
    area.resize(500, 300)
    show_active(qtbot, area)
    near.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(near, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is far
    assert area.verticalScrollBar().value() > 0
