"""A one-line label that never asks for more room (:class:`ElidedLabel`), and the height of such a
line. The save-state line and its notes (``save_lines.py``) are made of it; so are titles that must
stay on one line in a narrow window (results, readiness cards, the record header)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line of text that never asks for more room: what does not fit ends in "…", the whole of
    it is the tooltip and :meth:`text` (so a view or test reads what was said, not what fitted).

    Its height is one line of the font whatever it says or whether it is shown (its room is kept
    when hidden), so a message or a note coming and going never moves the widgets around it: a
    click aimed while the window was busy saving lands where it was aimed."""

    def __init__(self, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_message(message)

    def set_message(self, message: str) -> None:
        self._full = message
        self.setToolTip(message)
        self._elide()
        self.updateGeometry()  # its size hint is the whole message

    def text(self) -> str:
        """The whole message (Qt itself paints the part that fits)."""
        return self._full

    def shown_text(self) -> str:
        """What is painted: the message, or its beginning and "…"."""
        return QLabel.text(self)

    def is_elided(self) -> bool:
        return self.shown_text() != self._full

    def fits(self, width: int) -> bool:
        """Would the whole message fit in a label ``width`` wide?"""
        return self.fontMetrics().horizontalAdvance(self._full) <= width - TEXT_INSET

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + TEXT_INSET, line_height(self))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, line_height(self))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(0, self.width() - TEXT_INSET)
        # What fits by its advance stays whole (Qt's eliding rounds otherwise and would cut a text
        # given exactly the width its size hint asked for).
        shown = self._full if self.fits(self.width()) else self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, room)
        if shown != QLabel.text(self):
            QLabel.setText(self, shown)


# Room a line's text keeps from its edges: the banner's padding and border (style_label), both sides.
TEXT_INSET = 2 * (6 + 1) + 2


def line_height(widget: QWidget) -> int:
    """The fixed height of a save-state line or note: one line of text in its banner."""
    return widget.fontMetrics().height() + 2 * (2 + 1) + 2


def keep_room(label: QLabel, lines: int) -> None:
    """Give a wrapping ``label`` the room of ``lines`` lines whatever it says and whether it is
    shown, so a figure that changes at a save (a total that grows a line) never moves the tables
    around it: the next click lands where it was aimed (TEST25 #1). Longer text still grows it."""
    label.ensurePolished()
    said = label.text()
    label.setText("\n".join(["ที่ปั้ญ"] * lines))  # as high as Thai lines get, marks above and below
    label.setMinimumHeight(label.sizeHint().height())
    label.setText(said)
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
