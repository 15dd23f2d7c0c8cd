"""The plan tab in a short window (try14 F14: at 150 % on 1366×768 the goals table began below
the window's edge, no goal in view without scrolling). Below :data:`SHORT_HEIGHT` the tab's hint
line moves into the parts' tooltip and the save-state line joins the parts' tabs in their corner
(RETEST14 F14: its own line, empty at rest, still pushed the first goal below the edge), so the goals
table shows whole rows; the plan's title box shows the start of the title, not its end. test26b F3
(150 %, the real window: the tab 206 pixels tall): the line of where the plan started and how far
it got gives way too (its text joins the tooltip), and the tab's page scrolls only by what its
parts need at least (:class:`ShortContent`), not by their preferred height, so the goals table
keeps its first row whole and the page and the table rarely scroll both."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QScrollArea, QWidget

from ui.common.flow import FlowLayout

# Logical pixels of the tab's height under which the hint gives way (1366×768 at 150 %: 233).
SHORT_HEIGHT = 400
# On the school page the tab is as tall as its parts need and the page scrolls (s34 T9,
# ui/schools/tab_fit.py): the hint gives way where the page's room is lower than this (125 %, 150 %).
PAGE_SHORT = 560
TOP_MARGIN = 8  # above the title row where the tab is tall (tab.py's content layout)


class ShortContent(QWidget):
    """The content of a scroll area as tall as the area, or as tall as its parts need *at least*
    where the area is shorter: Qt gives a widget whose layout wraps lines (height-for-width) its
    preferred height, so the tab scrolled by a whole table's height (459 pixels in 206)."""

    def __init__(self, parent: QWidget, give: QWidget | None = None) -> None:
        super().__init__(parent)
        self.give = give  # the part that shrinks to its least height (the plan's parts)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        preferred = super().heightForWidth(width)
        give = self.give
        if give is None or not give.isVisibleTo(self):
            return preferred
        spare = give.heightForWidth(width) - give.minimumSizeHint().height()
        return preferred - max(0, spare)


class ShortWindowFit(QObject):
    """Watches ``panel``'s size: ``hint`` shown only where the panel is tall enough, its text then
    the tooltip of ``parts`` (the goals, indicators and activities)."""

    def __init__(self, panel: QWidget, hint: QLabel, parts: QWidget,
                 save_line: tuple[QWidget, FlowLayout, QBoxLayout] | None = None,
                 quiet: tuple[QLabel, ...] = ()) -> None:
        """``save_line``: the save-state line, the status line it fills when the panel is tall, and
        the layout of the parts' corner it goes to (first, stretching) when the panel is short;
        ``quiet``: labels hidden as the hint is, their text added to the tooltip."""
        super().__init__(panel)
        self._panel, self._hint, self._parts = panel, hint, parts
        self._save_line = save_line
        self._quiet = quiet
        self._short: bool | None = None  # the save line in the corner (None: not placed yet)
        self._page_area: QWidget | None = None  # the window's page viewport, once the tab is in it
        panel.installEventFilter(self)
        parts.installEventFilter(self)  # no plan shown: the save line stays where it shows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched in (self._panel, self._page_area) and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        elif watched is self._parts and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.fit()
        return False

    def _page_room(self) -> int | None:
        """The height of the window's page scroll area holding the tab (None: not in one)."""
        parent = self._panel.parentWidget()
        while parent is not None and not (isinstance(parent, QScrollArea) and parent.objectName() == "pageScroll"):
            parent = parent.parentWidget()
        if parent is None:
            return None
        viewport = parent.viewport()
        if viewport is not self._page_area:
            self._page_area = viewport
            viewport.installEventFilter(self)
        return viewport.height()

    def fit(self) -> None:
        room = self._page_room()
        short = self._panel.height() < SHORT_HEIGHT or (room is not None and 0 < room < PAGE_SHORT)
        self._hint.setVisible(not short)
        for label in self._quiet:
            label.setVisible(not short)
        said = [self._hint.text(), *(label.text() for label in self._quiet if label.text())]
        self._parts.setToolTip("\n".join(said) if short else "")
        # The save line joins the parts' corner only while they show (after the last plan is
        # removed, "ลบแผน … แล้ว" is said on the status line).
        compact = short and self._parts.isVisibleTo(self._panel)
        if self._save_line is not None and compact != self._short:
            line, status, corner = self._save_line
            for layout in (status, corner):
                layout.removeWidget(line)
            if compact:
                corner.insertWidget(0, line, 1)
            else:
                status.add_fill(line)
            line.show()
            for layout in (status, corner):
                layout.invalidate()
            scroll = self._panel.findChild(QScrollArea)
            inner = scroll.widget() if scroll is not None else None
            content = inner.layout() if inner is not None else None
            if content is not None:  # the space above the title row too goes to the goals
                margins = content.contentsMargins()
                margins.setTop(0 if compact else TOP_MARGIN)
                content.setContentsMargins(margins)
        self._short = compact


def show_title_start(edit: QLineEdit) -> None:
    """A title longer than its box shows its beginning (try14 F14: "ศึกษา โรงเรียน…" showed)."""
    edit.setCursorPosition(0)
