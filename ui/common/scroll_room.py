"""The room a page has inside the window's scrolling area: its viewport, watched as it resizes.

One piece for the pages that fit themselves to the height they are shown in (the follow-ups,
the school's working tabs, the office's projects list)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def follow_viewport(page: QWidget, watcher: QObject, known: QWidget | None) -> QWidget | None:
    """The viewport of the scroll area around ``page`` (None outside any); one other than
    ``known`` (the one watched so far) gets ``watcher``'s event filter, so its resizes reach it."""
    parent = page.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    viewport = parent.viewport() if parent is not None else None
    if viewport is not None and viewport is not known:
        viewport.installEventFilter(watcher)
    return viewport
