"""How the office's คำของบประมาณทุกโรงเรียน page fits a narrow window (125 %, 150 % display
scaling on a 1366×768 laptop), as the school's budget tab does (s32 bud32): no list scrolls
sideways, the money columns are never cut, and a text that gives way (a school's name, สังกัด, a
kind, an item asked for) ends in "…" with the whole text as its cell's tooltip.

* :class:`ListFit`: a list's columns fitted through :class:`ui.common.columns.ColumnFitter`, each
  fixed column at least its heading and its widest cell, the ``squeeze`` text columns narrowed
  first where the list is narrow, then its stretching (name) column.
* :class:`SideBySide`: the schools' list and the totals side by side while both show every
  column whole, else two tabs of one box (not sideways scrolling: at 125 % side by side the
  schools' names were "โรงเรียนชุมชนวั…" and the totals' "สพป.…"; not one above the other: the
  approvals below went out of the window, fit34b).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter, QStyle, QTableWidget, QTabWidget, QWidget

from ui.common.columns import ColumnFitter, cell_width, fit_columns, heading_of, heading_width, widest_cell

NAME_CHARACTERS = 40  # a name column keeps room for its widest name up to this many average characters
TEXT_CHARACTERS = 80  # another text column: its widest text (a kind's whole name) where there is room
READABLE = 12  # and where the list is too narrow for that, at least this many ("โรงเรียนชุมชน…")


class ListFit:
    """``table``'s columns fitted around its ``stretch`` column: the others as wide as their
    heading, their widest cell or their ``floors`` (pixels), but the ``squeeze`` columns (column →
    least pixels; 0: its heading) that narrow, "…", where the stretching column would have less
    than its widest text. Call :meth:`refit` after the list is filled."""

    def __init__(self, table: QTableWidget, stretch: int, *, squeeze: dict[int, int],
                 floors: Callable[[], dict[int, int]] | None = None) -> None:
        self.table, self.stretch = table, stretch
        self.columns = tuple(column for column in range(table.columnCount()) if column != stretch)
        self._floors = floors or (lambda: {})
        self.fitter: ColumnFitter = fit_columns(table, stretch, dict.fromkeys(self.columns, 0), stretch_min=0,
                                                stretch_least=self.least)
        self.fitter.squeeze = dict(squeeze)
        self.refit()

    def widest(self, column: int) -> int:
        """The width ``column`` needs for its heading and every cell whole (the stretching column's
        names up to NAME_CHARACTERS characters, a long kind's up to TEXT_CHARACTERS)."""
        characters = NAME_CHARACTERS if column == self.stretch else TEXT_CHARACTERS
        return max(heading_width(self.table, heading_of(self.table, column)),
                   widest_cell(self.table, column, characters))

    def least(self) -> int:
        """The stretching column's least width before the list scrolls sideways."""
        readable = cell_width(self.table) + self.table.fontMetrics().averageCharWidth() * READABLE
        return min(self.widest(self.stretch), max(readable, heading_width(self.table, heading_of(self.table, self.stretch))))

    def floors(self) -> dict[int, int]:
        """Each fixed column's width with its texts whole (the money columns' never less)."""
        given = self._floors()
        return {column: max(self.widest(column), given.get(column, 0)) for column in self.columns}

    def need(self) -> int:
        """The list's width with every column whole: its columns, frame and scroll bar."""
        columns = sum(self.floors().values()) + self.widest(self.stretch)
        bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.table)
        return columns + 2 * self.table.frameWidth() + bar

    def refit(self) -> None:
        """Fit the columns to the texts shown now."""
        self.fitter.floors = self.fitter.widths = self.floors()
        self.fitter.squeeze_room = self.widest(self.stretch)
        self.fitter.fit()


def whole_in_tooltip(table: QTableWidget, columns: tuple[int, ...]) -> None:
    """Each cell of ``columns`` says its whole text in its tooltip, before any tooltip it has: it
    ends in "…" where the column is narrow."""
    for row in range(table.rowCount()):
        for column in columns:
            cell = table.item(row, column)
            if cell is None or not cell.text() or cell.toolTip().startswith(cell.text()):
                continue
            cell.setToolTip("\n".join(filter(None, (cell.text(), cell.toolTip()))))


class SideBySide(QObject):
    """Keeps ``splitter``'s two lists side by side, the second as wide as it ``needs`` with its
    columns whole and the first the rest, while the first's needs fit too; else (fit34b) the two
    lists are ``tabs`` of one box, so that one list's height, not two, stands above the approvals
    (one above the other, each three rows tall, they pushed the approvals out of the window at
    1280 px and at 125 %). Decided again when the ``box`` holding both changes its width and at
    :meth:`arrange` (the lists refilled)."""

    def __init__(self, box: QWidget, splitter: QSplitter, tabs: QTabWidget, labels: tuple[str, str],
                 needs: tuple[Callable[[], int], Callable[[], int]]) -> None:
        super().__init__(box)
        self.box, self.splitter, self.tabs, self.labels, self.needs = box, splitter, tabs, labels, needs
        self._lists = tuple(widget for index in range(2) if (widget := splitter.widget(index)) is not None)
        self._width = -1
        tabs.hide()
        box.installEventFilter(self)

    def side_by_side(self) -> bool:
        return not self.splitter.isHidden()

    def arrange(self, *, again: bool = True) -> None:
        width = self.box.width()
        if width <= 0 or (width == self._width and not again):
            return
        self._width = width
        first, second = (need() for need in self.needs)
        if first + second + self.splitter.handleWidth() <= width:
            if not self.side_by_side():
                for index, widget in enumerate(self._lists):
                    self.splitter.insertWidget(index, widget)  # out of the tabs
                    widget.show()
                self.tabs.hide()
                self.splitter.show()
            self.splitter.setSizes([width - self.splitter.handleWidth() - second, second])
        elif self.side_by_side() or not self.tabs.count():
            current = self.tabs.currentIndex()
            for widget, label in zip(self._lists, self.labels):
                self.tabs.addTab(widget, label)
            self.tabs.setCurrentIndex(max(0, current))
            self.splitter.hide()
            self.tabs.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.arrange(again=False)
        return False
