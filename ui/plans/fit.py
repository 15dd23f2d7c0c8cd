"""The plan tab in a short window (try14 F14: at 150 % on 1366×768 the goals table began below
the window's edge, no goal in view without scrolling). Below :data:`SHORT_HEIGHT` the tab's hint
line moves into the parts' tooltip, so the goals table shows its first rows; the plan's title box
shows the start of the title, not its end."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

# Logical pixels of the tab's height under which the hint gives way (1366×768 at 150 %: 233).
SHORT_HEIGHT = 400


class ShortWindowFit(QObject):
    """Watches ``panel``'s size: ``hint`` shown only where the panel is tall enough, its text then
    the tooltip of ``parts`` (the goals, indicators and activities)."""

    def __init__(self, panel: QWidget, hint: QLabel, parts: QWidget) -> None:
        super().__init__(panel)
        self._panel, self._hint, self._parts = panel, hint, parts
        panel.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._panel and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        short = self._panel.height() < SHORT_HEIGHT
        self._hint.setVisible(not short)
        self._parts.setToolTip(self._hint.text() if short else "")


def show_title_start(edit: QLineEdit) -> None:
    """A title longer than its box shows its beginning (try14 F14: "ศึกษา โรงเรียน…" showed)."""
    edit.setCursorPosition(0)
