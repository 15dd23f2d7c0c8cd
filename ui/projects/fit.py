"""The office's project list gets the room for its projects (fit34b: with each name in two lines
the list showed five projects at 100 % on 1366×768 and two and a half at 125 %).

The list asks for its headings and :func:`rows_for` projects: eight where the page's scroll area
is at least :data:`TALL` high (100 %), five where it is at least :data:`MEDIUM` (125 %), else
three; never more than the scroll area shows, so that scrolled to it the whole list is in sight
(one scroll, the window's page, as the school page's working lists: ``ui/schools/tab_fit.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from ui.common.scroll_room import follow_viewport

TALL, MEDIUM = 560, 420  # logical pixels of the page's scroll area (1366×768: 583, 437, 340)


def rows_for(room: int) -> int:
    return 8 if room >= TALL else 5 if room >= MEDIUM else 3


class ListRoom(QObject):
    """Watches ``page``'s scroll area and keeps ``table`` tall enough for its rows (see the module)."""

    def __init__(self, page: QWidget, table: QTableWidget, wrapped: tuple[QLabel, ...] = ()) -> None:
        super().__init__(page)
        self._page, self._table, self._wrapped = page, table, wrapped
        self._watched: QWidget | None = None
        page.installEventFilter(self)
        table.horizontalScrollBar().installEventFilter(self)  # shown or hidden: its room again
        for label in wrapped:
            label.installEventFilter(self)  # narrower or wider: its lines again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.fit()
        return False

    def _area(self) -> QWidget | None:
        viewport = follow_viewport(self._page, self, self._watched)
        if viewport is not None:
            self._watched = viewport
        return viewport

    def fit(self) -> None:
        area = self._area()
        if area is None or area.height() <= 0:
            return
        room = area.height()
        for label in self._wrapped:  # the editor's column asks no height for its width (its _Column)
            # but gives a wrapped line its wrapped height: its least height says so, or the list
            # under it is squeezed below the height asked for here
            width = label.contentsRect().width()
            least = -1
            if width > 0 and label.text():  # its lines at this width (QLabel's own guess ran to four for two)
                margins = label.contentsMargins()
                least = label.fontMetrics().boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap,
                                                         label.text()).height() + margins.top() + margins.bottom()
            if least > 0 and label.minimumHeight() != least:
                label.setMinimumHeight(least)
        table = self._table
        header = table.horizontalHeader()
        bar = table.horizontalScrollBar()
        need = (header.sizeHint().height() + rows_for(room) * table.verticalHeader().defaultSectionSize()
                + (bar.sizeHint().height() if bar.isVisible() else 0) + 2 * table.frameWidth() + 2)
        need = min(need, room)
        if table.minimumHeight() != need:
            table.setMinimumHeight(need)
