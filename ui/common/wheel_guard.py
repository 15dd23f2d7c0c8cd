"""The mouse wheel scrolls pages; it never edits a value the user did not pick (try11b F18).

Qt gives the wheel to whatever combo box or spin box (date edits are spin boxes) lies under the
pointer, and most of our boxes save on change: scrolling down a project's form flipped its status
and saved it, a budget item's kind changed in its table cell. One application event filter fixes
the whole kind at once, for every page, dialog and table cell, present and future:

- such a box takes the wheel only while it has the keyboard focus (the user clicked or tabbed
  into it, so turning the wheel there is meant);
- otherwise the wheel goes on to the widgets around it, as if the box were not there, so the page
  or the table under the pointer scrolls;
- the wheel never gives such a box the focus (Qt's default ``WheelFocus`` would, and the box would
  then take the very turn that focused it).

``ui/visits/panels.py``'s ``QuietCombo`` did this for one table before; the filter makes it the rule.

A tab bar inside a page that scrolls never takes the wheel either (TEST34B B10: scrolling the
school page up, its tab bar slid under the pointer, took the remaining notches and flipped the
school's tabs); the page scrolls on. A tab bar elsewhere keeps Qt's wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QTabBar, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


def _has_focus(box: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return box.hasFocus() or (focused is not None and box.isAncestorOf(focused))


def _pass_on(box: QWidget, event: QWheelEvent) -> None:
    """Offer the turn to the box's parents, nearest first, until one takes it (scrolls)."""
    parent = box.parentWidget()
    while parent is not None:
        local = parent.mapFromGlobal(event.globalPosition())
        copy = QWheelEvent(local, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                           event.buttons(), event.modifiers(), event.phase(), event.inverted(),
                           event.source())
        copy.ignore()
        QApplication.sendEvent(parent, copy)
        if copy.isAccepted() or parent.isWindow():
            return
        parent = parent.parentWidget()


def _in_scrolling_page(bar: QWidget) -> bool:
    """Whether a scroll area around ``bar`` can scroll up or down (the window's page at 150 %)."""
    parent = bar.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.verticalScrollBar().maximum() > 0:
            return True
        parent = parent.parentWidget()
    return False


class WheelGuard(QObject):
    """The application's event filter described above; :func:`install` puts it in place once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            policy = watched.focusPolicy()
            if policy == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, _GUARDED) and not _has_focus(watched):
            assert isinstance(event, QWheelEvent)
            _pass_on(watched, event)
            event.accept()  # handled here: Qt must not offer it to the parents a second time
            return True
        elif kind == QEvent.Type.Wheel and isinstance(watched, QTabBar) and _in_scrolling_page(watched):
            assert isinstance(event, QWheelEvent)
            _pass_on(watched, event)
            event.accept()
            return True
        return False


def install(app: QApplication) -> WheelGuard:
    """Filter ``app``'s events through one :class:`WheelGuard` (a second call reuses it).

    Boxes made before it (the window's start installs it once the first page has painted: every
    event until then would have gone through Python for nothing) lose ``WheelFocus`` here, as the
    filter does for a box polished after it."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    for window in app.topLevelWidgets():
        for kind in _GUARDED:
            for box in window.findChildren(kind):
                if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard
