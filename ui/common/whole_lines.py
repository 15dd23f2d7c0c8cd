"""A scroll area of wrapped text that shows whole lines (TEST34B B15: the signers window's
explanations at 150 % were cut through the middle of a line of text, half the letters showing).

Where the text is taller than the area, the viewport ends at the top of the first line it would
cut (a bottom viewport margin takes the few pixels left); the scroll bar brings the rest. Lines
are those of the visible labels; any other widget (a button, a frame's edge) counts as one line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget


def _lines(content: QWidget) -> list[tuple[int, int]]:
    """(top, bottom) in ``content``'s pixels of each line a cut must not go through."""
    spans: list[tuple[int, int]] = []
    for widget in content.findChildren(QWidget):
        if not widget.isVisibleTo(content) or widget.height() <= 0:
            continue
        if isinstance(widget, QLabel):
            rect = widget.contentsRect()
            edge = widget.mapTo(content, widget.rect().topLeft()).y()
            top = widget.mapTo(content, rect.topLeft()).y()
            spacing = max(1, widget.fontMetrics().lineSpacing())
            lines = max(1, round(rect.height() / spacing))
            for line in range(lines):
                start = edge if line == 0 else top + line * spacing  # a boxed label's frame and padding
                end = edge + widget.height() if line == lines - 1 else top + line * spacing + widget.fontMetrics().height()
                spans.append((start, end))
        elif not any(child.isVisibleTo(content) for child in widget.findChildren(QWidget)):
            top = widget.mapTo(content, widget.rect().topLeft()).y()
            spans.append((top, top + widget.height()))
    return spans


def whole_height(content: QWidget, room: int) -> int:
    """The largest height up to ``room`` that ends between lines of ``content``'s text."""
    spans = _lines(content)
    height = room
    moved = True
    while moved and height > 0:
        moved = False
        for top, bottom in spans:
            if top < height < bottom:
                height, moved = top, True
    return max(height, 0)


class WholeLinesArea(QScrollArea):
    """A :class:`QScrollArea` (resizable widget, set by :meth:`setWidget`) that never cuts a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._gap = 0  # the bottom viewport margin now

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt's name)
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget() and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.snap()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.snap()

    def snap(self) -> None:
        """Set the bottom viewport margin so the viewport ends between two lines."""
        content = self.widget()
        if content is None:
            return
        room = self.height() - 2 * self.frameWidth()
        gap = 0
        if content.height() > room:
            gap = room - whole_height(content, room)
        if gap != self._gap:
            self._gap = gap
            self.setViewportMargins(0, 0, 0, gap)
