"""The wheel over a tab bar inside a scrolling page scrolls the page (TEST34B B10: scrolling the
school page up, the school's tab bar slid under the pointer, took the remaining notches and flipped
the school's tabs, from แผนพัฒนา to การนิเทศ ติดตาม)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from .keyboard import show_active

pytestmark = pytest.mark.usefixtures("styled_app")

NOTCH_UP = 120


def turn_wheel(widget: QWidget, notches: int, delta: int) -> None:
    for _ in range(notches):
        middle = QPointF(widget.width() / 2, widget.height() / 2)
        event = QWheelEvent(middle, QPointF(widget.mapToGlobal(middle.toPoint())), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)


def _page_with_tabs() -> tuple[QScrollArea, QTabWidget]:
    page = QWidget()
    column = QVBoxLayout(page)
    column.addSpacing(600)  # the school card and more above the tabs
    tabs = QTabWidget()
    for title in ("การประเมินตนเอง", "การนิเทศ ติดตาม", "แผนพัฒนา", "งบประมาณ"):
        body = QLabel(title)
        body.setMinimumHeight(800)
        tabs.addTab(body, title)
    tabs.setCurrentIndex(2)
    column.addWidget(tabs)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    scroll.resize(500, 400)
    return scroll, tabs


def test_the_wheel_over_the_tab_bar_of_a_scrolling_page_scrolls_the_page(qtbot: Any) -> None:
    scroll, tabs = _page_with_tabs()
    show_active(qtbot, scroll)
    bar = scroll.verticalScrollBar()
    scroll.ensureWidgetVisible(tabs.tabBar())
    before = bar.value()
    assert before > 0
    turn_wheel(tabs.tabBar(), 2, NOTCH_UP)
    assert tabs.currentIndex() == 2, "the school's tab flipped under the wheel"
    assert bar.value() < before, "the page did not scroll up"
    turn_wheel(tabs.tabBar(), 2, -NOTCH_UP)
    assert tabs.currentIndex() == 2


def test_a_tab_bar_outside_a_scrolling_page_keeps_qt_s_wheel(qtbot: Any) -> None:
    tabs = QTabWidget()
    for title in ("หนึ่ง", "สอง", "สาม"):
        tabs.addTab(QLabel(title), title)
    tabs.setCurrentIndex(1)
    show_active(qtbot, tabs)
    turn_wheel(tabs.tabBar(), 1, NOTCH_UP)
    assert tabs.currentIndex() != 1
