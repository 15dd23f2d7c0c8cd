"""A menu command: a ``QAction`` with its shortcuts, calling a function without Qt's ``checked`` flag."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(parent: QWidget, caption: str, handler: Callable[[], Any],
                shortcut: QKeySequence | QKeySequence.StandardKey | list[QKeySequence] | None = None) -> QAction:
    """An action owned by ``parent`` (the window: it outlives the menus it is shown in)."""
    action = QAction(caption, parent)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)  # the platform's keys for it (Ctrl+O …)
    elif shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
    action.triggered.connect(lambda _checked=False: handler())
    return action
