"""The follow-up list in a short window (ui34 #1: at 150 % on 1366×768 the user scrolled the page
to reach its rows: the title and its hint, the line naming the schools due for a visit, the chips,
the filters and the status buttons took 290 of the 340 pixels in sight).

Where the page's scroll area is lower than :data:`SHORT_HEIGHT` the page goes *short*: the title
gives way (the window's breadcrumb names the page), the line of schools due moves under the list
and keeps one line (the schools that fit on it named, all of them in its tooltip), the filters fold behind a
``ตัวกรอง`` button at the end of the chips' row (open by a click, or already when a filter is
chosen; "แสดง ๔๔ จาก ๔๔ รายการ" gives it the room and becomes its tooltip), the status buttons keep
one line, and the list asks for the height of its headings and seven rows only (a bucket's heading
and six follow-ups): the status buttons and six rows are in sight with the page at its top; the
line of schools due comes by scrolling; the answers take the list's place at a click on
``ความเห็น`` (comments_place.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QComboBox, QLabel, QPushButton, QTreeWidget, QWidget

from ui.common.columns import keep_rows_in_view
from ui.common.digits import shown as digits_shown
from ui.common.due_visits import DueVisitsLabel
from ui.common.save_lines import SaveStateLine
from ui.common.scroll_room import follow_viewport

from . import strings as text

# Logical pixels of the page's scroll area under which the page goes short (1366×768: 623 at
# 100 %, 477 at 125 %, 380 at 150 %); the whole page at 125 % still scrolled its sixth row away.
SHORT_HEIGHT = 560
ROWS = 7  # a bucket's heading and six follow-ups


@dataclass(frozen=True)
class PageParts:
    """What gives way in a short window (see the module)."""

    layout: QBoxLayout  # the page's column
    heading: tuple[QWidget, ...]  # the title and its hint
    due: DueVisitsLabel
    chips: QBoxLayout  # the chips' row; the filters' button ends it when short
    count: QLabel  # "แสดง ๔๔ จาก ๔๔ รายการ"
    filters: QWidget  # the filters' row
    combos: tuple[QComboBox, ...]  # a choice other than the first (everyone) keeps the filters open …
    closed: QCheckBox  # … as "show the closed ones" ticked does
    tree: QTreeWidget
    row_height: int  # of the list's rows
    save_line: SaveStateLine  # on the status buttons' line: asks for less room when short


class ShortPageFit(QObject):
    """Watches the page's scroll area; :attr:`short` says which way the page is laid out, and
    :attr:`laid_out` tells when it changed (the page's Tab order follows the line of schools due)."""

    laid_out = Signal()

    def __init__(self, page: QWidget, parts: PageParts) -> None:
        super().__init__(page)
        self._page, self._parts = page, parts
        self._due_at = parts.layout.indexOf(parts.due)  # its place when tall
        self.short: bool | None = None  # None: not laid out yet
        self._watched: QWidget | None = None
        self.toggle = QPushButton(text.FILTERS)
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(text.FILTERS_TIP)
        self.toggle.hide()
        self.toggle.toggled.connect(lambda _on: self._show_filters())
        parts.chips.addWidget(self.toggle)
        for combo in parts.combos:
            combo.currentIndexChanged.connect(lambda _i: self.name_filters())
        parts.closed.toggled.connect(lambda _on: self.name_filters())
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._watch_area()
            self.fit()
        return False

    def _watch_area(self) -> None:
        """The scroll area's viewport: the page's own size follows it only while the page fits."""
        viewport = follow_viewport(self._page, self, self._watched)
        if viewport is not None:
            self._watched = viewport

    def fit(self) -> None:
        room = self._watched.height() if self._watched is not None else self._page.height()
        short = 0 < room < SHORT_HEIGHT
        if short == self.short:
            return
        self.short = short
        parts = self._parts
        for widget in parts.heading:
            widget.setVisible(not short)
        parts.count.setVisible(not short)
        self.toggle.setVisible(short)
        parts.due.set_short(short)
        parts.layout.removeWidget(parts.due)
        parts.layout.insertWidget(parts.layout.indexOf(parts.tree) + 1 if short else self._due_at, parts.due)
        # Room for "ลองอีกครั้ง" and "รายละเอียด" but not "a word or two" more: the line takes
        # what the buttons leave anyway (220 pixels at 150 %), and the buttons keep one line.
        parts.save_line.keep_for_words(24 if short else SaveStateLine.words)
        tree = parts.tree
        if short:  # its headings and the rows, no room kept for a sideways scroll bar (the columns fit)
            tree.setMinimumHeight(tree.header().sizeHint().height() + ROWS * parts.row_height
                                  + 2 * tree.frameWidth() + 2)
        else:
            keep_rows_in_view(tree, rows=6, lines=1)
        self.name_filters()
        self._show_filters()
        self.laid_out.emit()

    def _chosen(self) -> int:
        parts = self._parts
        return sum(1 for combo in parts.combos if combo.currentIndex() > 0) + parts.closed.isChecked()

    def name_filters(self) -> None:
        """Say on the filters' button how many are chosen, and the count in its tooltip."""
        chosen = self._chosen()
        self.toggle.setText(text.FILTERS_CHOSEN.format(count=digits_shown(chosen)) if chosen else text.FILTERS)
        self.toggle.setToolTip("\n".join(part for part in (text.FILTERS_TIP, self._parts.count.text()) if part))
        if chosen and self.short:
            self.toggle.setChecked(True)  # a filter at work is never out of sight

    def _show_filters(self) -> None:
        if self.short and self._chosen() and not self.toggle.isChecked():
            self.toggle.setChecked(True)  # a filter at work stays in sight (toggled: here again)
            return
        self._parts.filters.setVisible(not self.short or self.toggle.isChecked())
