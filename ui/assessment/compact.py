"""Texts that give up lines when the item's panel is short (display scaling at 125 % and 150 % on a
1366×768 laptop), so the levels stay in view without scrolling (TEST11 item 11).

:class:`ClampedLabel` is a wrapped label that may be told to show at most some lines: what does
not fit ends in "…" and the whole text is its tooltip and its :meth:`text` (a view or a test reads
what was said, not what fitted). Unclamped it is an ordinary wrapped label.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

# Following vowels (ะ า ำ ๅ): with the combining marks, what never begins a cluster. As
# qualityschool_desktop.typeset.segment says it; not imported: the typesetter loads ReportLab.
_FOLLOW_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")


def inside_cluster(char: str) -> bool:
    """True for a character that continues the cluster before it: no cut lands before it."""
    return char in _FOLLOW_VOWELS or unicodedata.category(char).startswith("M")

ELLIPSIS = "…"
# A selectable label lays its text out in a document with its own margin (4 px a side): the "…"
# is fitted a little narrower so it never wraps onto a line it was cut to save.
SAFETY = 10


def clamped(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """``text`` as it fits in ``lines`` lines wrapped at ``width`` pixels: whole, or cut between
    character clusters (never before a Thai mark or following vowel) and ended in "…"."""
    if lines <= 0 or width <= 0:
        return text
    limit = lines * metrics.lineSpacing() + metrics.descent()

    def height(candidate: str) -> int:
        return metrics.boundingRect(QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap, candidate).height()

    if height(text) <= limit:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest beginning that fits with "…"
        middle = (low + high + 1) // 2
        if height(text[:middle].rstrip() + ELLIPSIS) <= limit:
            low = middle
        else:
            high = middle - 1
    while 0 < low < len(text) and inside_cluster(text[low]):
        low -= 1
    return text[:low].rstrip() + ELLIPSIS


def shared_starts(texts: list[str], least: int = 20) -> list[int]:
    """For each text, where it stops sharing its beginning with another of ``texts`` (backed off to
    the space before), when that shared beginning is at least ``least`` characters; else 0.

    Two level descriptors that open with the same 60 characters ("…มีโครงสร้างที่มั่นคงแข็งแรง…
    และเพียงพอ" / "…แต่ไม่เพียงพอ") read the same cut to one line (try11b F14): they show from here."""
    starts = []
    for index, text in enumerate(texts):
        shared = 0
        for other_index, other in enumerate(texts):
            if other_index == index:
                continue
            same = 0
            for mine, theirs in zip(text, other):
                if mine != theirs:
                    break
                same += 1
            shared = max(shared, same)
        if shared >= least and shared < len(text):
            space = text.rfind(" ", 0, shared + 1)
            shared = space + 1 if space > 0 else shared
            while 0 < shared < len(text) and inside_cluster(text[shared]):
                shared -= 1
            starts.append(shared)
        else:
            starts.append(0)
    return starts


class ClampedLabel(QLabel):
    """A wrapped label that shows at most :attr:`lines` lines when told to (0: all of them)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self._lines = 0
        self._skip = 0
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (as QLabel)
        self._full = text
        self._fit()

    def text(self) -> str:
        """The whole text (Qt paints what fits)."""
        return self._full

    def shown_text(self) -> str:
        """What is painted: the text, or its beginning and "…"."""
        return QLabel.text(self)

    def is_clamped(self) -> bool:
        return self.shown_text() != self._full

    def is_clamped_at(self, width: int) -> bool:
        """Whether the text would be cut were the label ``width`` pixels wide."""
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right() - 2 * self.margin() - 2 * max(0, self.indent()) - SAFETY
        return bool(self._lines) and clamped(self._full, self.fontMetrics(), room, self._lines) != self._full

    def set_lines(self, lines: int) -> None:
        """Show at most ``lines`` lines (0: the whole text)."""
        if lines != self._lines:
            self._lines = lines
            self._fit()

    def set_skip(self, skip: int) -> None:
        """When clamped, start with "…" and the text from ``skip`` (what tells it from a text that
        begins the same, :func:`shared_starts`); 0: from its beginning."""
        if skip != self._skip:
            self._skip = skip
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self._lines and event.size().width() != event.oldSize().width():
            self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin() - 2 * max(0, self.indent()) - SAFETY
        shown = clamped(self._full, self.fontMetrics(), room, self._lines) if self._lines else self._full
        if shown != self._full and self._skip:
            shown = clamped(ELLIPSIS + self._full[self._skip:], self.fontMetrics(), room, self._lines)
        self.setToolTip(self._full if shown != self._full else "")
        if shown != QLabel.text(self):
            QLabel.setText(self, shown)
