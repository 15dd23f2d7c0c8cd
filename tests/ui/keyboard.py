"""Driving widgets as a person at a keyboard would, shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, value: str) -> None:
    """Type ``value`` key by key, as a keyboard with a Thai layout does.

    QTest.keyClicks only knows ASCII (it aborts on Thai), so each character is sent as the key
    press and release a Thai keyboard produces: an unknown key code carrying the character.
    """
    for char in value:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def show_active(qtbot, window: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    """Show ``window`` and make it the active one: keyboard shortcuts act in the active window only.
    (pytest-qt 4.5's waitExposed/waitActive wait only when used as ``with`` blocks.)"""
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window
