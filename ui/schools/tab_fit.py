"""The school page's working lists get the room (s34 T9: at 150 % on 1366×768 the budget tab
showed one item at a time and the plan tab one goal, each tab scrolling inside the page, the
school card never scrolling away).

One scroll, the window's page: a tab that holds a working list (:data:`WORKING`) is as tall as its
own scroll area's content needs at least, its lists at least :data:`ROWS` rows, so its scroll
area never scrolls and the page does (the card scrolls away above the list). The other tabs ask
for nothing (they keep their own scroll areas and their size). Where the page's room is lower
than :data:`SHORT_HEIGHT` (125 %, 150 %), or where a working tab would not fit under the whole
card (fit34b: the budget tab's total line 46 px below the window at 100 %), the school card is
compact: its profile line gives way (its text joins the name's tooltip) and its margins are
narrower, as the follow-up list's title gives way (``ui/follow_ups/fit.py``). A list keeps no
room for a sideways scroll bar it does not show (it asks again when the bar shows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTableView, QTabWidget, QWidget

from ui.common.columns import keep_rows
from ui.common.scroll_room import follow_viewport

# Logical pixels of the page's scroll area under which the card is compact (1366×768: 583 at
# 100 %, 437 at 125 %, 340 at 150 %), as the follow-up list's.
SHORT_HEIGHT = 560
ROWS = 5  # of a working list, its headings above (keep_rows' own)
CARD_MARGINS = (18, 14, 18, 14)
CARD_SHORT = (18, 6, 18, 6)

# The tabs (their key) that hold a working list, and the lists to keep ROWS rows of.
Working = Callable[[Any], Sequence[QTableView]]


def _own_scroll(tab: QWidget) -> QScrollArea | None:
    """The scroll area the tab puts its content in (its first child scroll area)."""
    for child in tab.findChildren(QScrollArea):
        if child.parentWidget() is tab:
            return child
    return None


class SchoolPageFit(QObject):
    """Watches the page's scroll area and tabs; see the module."""

    def __init__(self, page: QWidget, tabs: QTabWidget, card: QFrame, profile: QLabel, name: QLabel,
                 working: Mapping[QWidget, Working]) -> None:
        super().__init__(page)
        self._page, self._tabs, self._card, self._profile, self._name = page, tabs, card, profile, name
        self._working = working
        self.short: bool | None = None
        self._watched: QWidget | None = None
        self._bars: set[QWidget] = set()  # the working lists' sideways scroll bars, watched
        self._timer = QTimer(self)  # dies with the page: a fit queued as it closes never runs
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        page.installEventFilter(self)
        tabs.currentChanged.connect(lambda _index: self.later())
        for tab in working:
            scroll = _own_scroll(tab)
            content = scroll.widget() if scroll is not None else None
            if scroll is not None and content is not None:
                content.installEventFilter(self)  # its lines wrap or show: it needs more
                scroll.setFrameShape(QFrame.Shape.NoFrame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            self.later()
        return False

    def later(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _area(self) -> QWidget | None:
        viewport = follow_viewport(self._page, self, self._watched)
        if viewport is not None:
            self._watched = viewport
        return viewport

    def fit(self) -> None:
        area = self._area()
        room = area.height() if area is not None else self._page.height()
        current = self._tabs.currentWidget()
        wanted = 0  # the current working tab's height
        for tab, lists in self._working.items():
            need = 0
            scroll = _own_scroll(tab)
            content = scroll.widget() if scroll is not None else None
            if tab is current and scroll is not None and content is not None:
                for table in lists(tab):
                    sideways = table.horizontalScrollBar()
                    if sideways not in self._bars:
                        self._bars.add(sideways)
                        sideways.installEventFilter(self)  # shown or hidden: its room again
                    keep_rows(table, bar=sideways.isVisible())
                layout = content.layout()
                width = scroll.viewport().width()
                if layout is not None and layout.hasHeightForWidth() and width > 0:
                    need = max(content.heightForWidth(width), layout.totalMinimumHeightForWidth(width))
                else:
                    need = content.minimumSizeHint().height()
                margins = tab.contentsMargins()
                need += margins.top() + margins.bottom()
                wanted = need
            if tab.minimumHeight() != need:
                tab.setMinimumHeight(need)
        self.compact(0 < room < SHORT_HEIGHT or (wanted > 0 and self._whole_page(wanted) > room))

    def _whole_page(self, tab: int) -> int:
        """The page's height with the whole card (its profile line and margins) over a tab ``tab`` tall."""
        card = self._card.height()
        if self.short:  # what the profile line and the wider margins take back
            layout = self._card.layout()
            width = self._profile.width() or self._card.width() - CARD_MARGINS[0] - CARD_MARGINS[2]
            card += (self._profile.heightForWidth(width) + (layout.spacing() if layout is not None else 0)
                     + CARD_MARGINS[1] + CARD_MARGINS[3] - CARD_SHORT[1] - CARD_SHORT[3])
        page = self._page.layout()
        if page is None:
            return card + tab
        margins = page.contentsMargins()
        bar = self._tabs.tabBar().sizeHint().height()
        return margins.top() + card + page.spacing() + bar + tab + margins.bottom()

    def compact(self, short: bool) -> None:
        """The card's profile line in the name's tooltip where the page is short."""
        if short == self.short:
            return
        self.short = short
        self._profile.setVisible(not short)
        layout = self._card.layout()
        if layout is not None:
            layout.setContentsMargins(*(CARD_SHORT if short else CARD_MARGINS))
        self.name_tip()

    def name_tip(self) -> None:
        """The name's tooltip: the name, and the profile line while it gives way."""
        name = self._name.text()
        self._name.setToolTip("\n".join(filter(None, (name, self._profile.text() if self.short else ""))))
