"""Windows sized to the screen they open on: a 1366×768 laptop at 125 % or 150 % display scaling
leaves 1093×582 or 910×485 logical pixels above its taskbar, less than many dialogs would like."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The frame Windows draws around a window (a title bar of about 31 pixels, borders of 8), which
# the window's own size does not count.
FRAME = QSize(16, 40)
# Room kept free on each side of a dialog Qt sizes itself (the file dialog): it never fills the
# whole screen, its buttons clear of a taskbar that covers part of the "available" area.
MARGIN = 24


def room(window: QWidget) -> QSize:
    """The largest size ``window`` may take on its screen, its frame counted (no screen: unlimited)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(100_000, 100_000)
    return screen.availableGeometry().size() - FRAME


def with_margin(window: QWidget) -> QSize:
    """:func:`room` less :data:`MARGIN` on each side: the most a dialog that sizes itself takes."""
    return room(window) - QSize(2 * MARGIN, 2 * MARGIN)


def fit_to_screen(window: QWidget, size: QSize, minimum: QSize | None = None) -> None:
    """Give ``window`` ``size``, or as much of it as its screen leaves; likewise its ``minimum``."""
    limit = room(window)
    if minimum is not None:
        window.setMinimumSize(minimum.boundedTo(limit))
    window.resize(size.boundedTo(limit))


def open_fitted(dialog: QWidget) -> None:
    """Show ``dialog`` (``open()``: window-modal, non-blocking) as tall as its wrapped lines need
    at the width it took, within its screen. Qt sizes a new window from its layout's size hint,
    which counts a wrapped label on one line: at 125 % or 150 % scaling its last lines and the
    buttons under it were cut."""
    dialog.open()  # type: ignore[attr-defined]
    layout = dialog.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needs = layout.totalHeightForWidth(dialog.width())
    if dialog.height() < needs:
        dialog.resize(dialog.width(), min(needs, room(dialog).height()))
