"""Columns that share a narrow list fairly: at 125 % or 150 % display scaling a list's fixed
column widths took the whole width and left its stretching column (the school's name, what to
do) a sliver. Here the other columns keep their widths while the list is wide enough and narrow
in proportion (to half at most, their text and heading ending in "…") when it is not, so the stretching column keeps a readable width; below that the list scrolls
sideways."""

from __future__ import annotations

import math

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractScrollArea, QHeaderView, QStyle, QTableView, QTreeView, QWidget,
)

from .qt_numbers import ELIDE_RIGHT  # set as a property: no ``Qt`` before the first page (issue 16)

SHRINK_AT_MOST = 0.5


def viewport(view: QAbstractScrollArea) -> QWidget:
    """``view.viewport()``, without the ~30 ms CPU its first call costs: the viewport is a plain
    QWidget made by Qt, and handed to Python as the answer of ``viewport()`` it makes shiboken build
    every lazy Qt widget class's Python enums while it looks for the most derived class; handed over
    as one of the view's children (QObjects), it is known as a QWidget at once, and ``viewport()``
    then answers that same object while the list of children holds it. The school list sizes its
    columns before it first paints (issue 16: "ready")."""
    children = view.children()
    found = view.viewport()
    del children
    return found


def heading_of(view: QAbstractItemView, column: int) -> str:
    """The heading of ``column`` of ``view``, as its model gives it."""
    from PySide6.QtCore import Qt  # not before a first page's paint: see ColumnFitter's ``headings``

    model = view.model()
    return str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""


class ColumnFitter(QObject):
    """Keeps ``widths`` (column → pixels) of ``view`` fitted around the ``stretch`` column."""

    def __init__(self, view: QTableView | QTreeView, stretch: int, widths: dict[int, int],
                 stretch_min: int = 220, keep: frozenset[int] = frozenset(),
                 floors: dict[int, int] | None = None, stretch_least: Callable[[], int] | None = None,
                 headings: Sequence[str] | None = None) -> None:
        super().__init__(view)
        self.view = view
        # The columns' headings; None: asked of the model, which builds the ``Qt`` namespace (its
        # ``Qt.Orientation``), so a list shown first names them here (the school list, issue 16).
        self.headings = headings
        self.stretch_least = stretch_least  # the stretching column's least width (its names whole)
        self.stretch = stretch
        self.widths = dict(widths)
        self.stretch_min = stretch_min
        self.keep = keep  # columns whose text must be whole (a school code): never narrowed
        self.floors = dict(floors or {})  # column → narrowest it may be (its short text whole)
        # Columns cut below their floors (column → pixels, at most to that or its heading, each by its
        # share of what it can give) when the list cannot hold them all and ``squeeze_room`` pixels
        # for the stretching column; before that the ``droppable`` columns are hidden, in their
        # order, while it cannot. A list's key column at its right end stays in view (TEST30b B4: at 800 px
        # the school list's กลุ่มสี was off the list). Empty: the list scrolls sideways.
        self.squeeze: dict[int, int] = {}
        self.squeeze_room = 0
        self.droppable: tuple[int, ...] = ()
        # The room the stretching column wants before the ``droppable`` columns stay (its names
        # whole: s32, the school list at 150 % cut every name while จังหวัด said one province);
        # at most it is what ``squeeze_room`` is, the room squeezing keeps.
        self.drop_room = 0
        # True: the ``droppable`` columns are hidden only while the ``squeeze`` columns, cut to the
        # least, still leave the stretching column less than ``squeeze_room`` (s32 bud32b: the budget
        # tab left out an editable column at 125 % where squeezing the texts made room).
        self.drop_last = False
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setProperty("textElideMode", ELIDE_RIGHT)  # a narrowed heading ends in "…"
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        viewport(view).installEventFilter(self)
        self._due = False
        if stretch_least is not None:  # its names change with the rows
            model = view.model()
            for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(self._later)
        self.fit()

    def _later(self, *_args: object) -> None:
        if not self._due:  # one fit for a whole refill
            self._due = True
            QTimer.singleShot(0, self, self.fit)  # not after the list is gone

    def header(self) -> QHeaderView:
        view = self.view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def factor(self) -> float:
        """How much of its width each fixed column gets now (1.0: all of it)."""
        total = sum(width for column, width in self.widths.items() if column not in self.keep)
        if total <= 0:
            return 1.0
        kept = sum(width for column, width in self.widths.items() if column in self.keep)
        room = viewport(self.view).width() - self.stretch_min - kept
        return min(1.0, max(SHRINK_AT_MOST, room / total))

    def fit(self) -> None:
        """Narrow the columns to the list's width now, none below its heading (150 %: "จังหวัด",
        "ปีงบประมาณ", "เทียบรอบก่อน" were cut) or its floor; the stretching column too."""
        factor = self.factor()
        sizes, least = {}, {}
        for column, width in self.widths.items():
            narrowed = width if column in self.keep else round(width * factor)
            least[column] = heading_width(self.view, self.heading(column))
            sizes[column] = max(narrowed, self.floors.get(column, 0), least[column])
        hidden = self._squeezed(sizes, least) if self.squeeze else set()
        header = self.header()
        for column, size in sizes.items():
            if column in self.droppable and header.isSectionHidden(column) != (column in hidden):
                header.setSectionHidden(column, column in hidden)
            self.view.setColumnWidth(column, size)
        self._due = False
        keep_stretch_whole(self.view, self.stretch, self.stretch_least() if self.stretch_least else 0,
                           heading=self.heading(self.stretch))

    def _squeezed(self, sizes: dict[int, int], least: dict[int, int]) -> set[int]:
        """Narrow the ``squeeze`` columns of ``sizes`` until they and ``squeeze_room`` fit the list,
        after hiding the ``droppable`` columns while they do not; the columns to hide."""
        room = viewport(self.view).width() - self.squeeze_room
        hidden: set[int] = set()
        least = {column: max(least[column], self.squeeze[column]) for column in self.squeeze if column in sizes}
        slack = {column: max(0, sizes[column] - least[column]) for column in least}
        drop_room = viewport(self.view).width() - max(self.squeeze_room, self.drop_room)
        for column in self.droppable:
            if self.drop_last:  # the squeeze columns at their least
                needed = sum(min(sizes[c], least[c]) if c in least else sizes[c] for c in sizes if c not in hidden)
            else:
                needed = sum(sizes[c] for c in sizes if c not in hidden)
            if needed <= drop_room:
                break
            hidden.add(column)
            slack.pop(column, None)
        over = sum(sizes[c] for c in sizes if c not in hidden) - room
        total = sum(slack.values())
        if over > 0 and total > 0:
            share = min(1.0, over / total)
            for column, spare in slack.items():
                sizes[column] -= min(spare, math.ceil(spare * share))
        return hidden

    def heading(self, column: int) -> str:
        """The heading of ``column``: the one named, else the model's."""
        if self.headings is not None:
            return self.headings[column] if column < len(self.headings) else ""
        return heading_of(self.view, column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def keep_stretch_whole(view: QAbstractItemView, column: int, least: int = 0, *, heading: str | None = None) -> None:
    """``view``'s stretching ``column`` as wide as what the others leave, but never narrower than
    its heading (``heading``, else the model's) or ``least`` pixels: where the others take the
    width (150 % scaling) it keeps that width and the list scrolls sideways ("โรงเรียน" was 15
    pixels wide, "ชื่อโครงการ" 9). Call again when the list's width changes (:class:`StretchKeeper` does)."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[attr-defined]
    model = view.model()
    if model is None or column >= header.count():
        return
    need = max(least, heading_width(view, heading_of(view, column) if heading is None else heading))
    others = sum(header.sectionSize(other) for other in range(header.count())
                 if other != column and not header.isSectionHidden(other))
    if viewport(view).width() - others >= need:
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, need)


class StretchKeeper(QObject):
    """Keeps a list's stretching column whole as the list is resized or refilled
    (:func:`keep_stretch_whole`); ``least``: pixels, or a function giving them (:func:`widest_cell`)."""

    def __init__(self, view: QAbstractItemView, column: int, least: int | Callable[[], int] = 0) -> None:
        super().__init__(view)
        self.view, self.column, self._least = view, column, least
        self._due = False
        viewport(view).installEventFilter(self)
        model = view.model()
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._later)
        self.fit()

    def fit(self) -> None:
        self._due = False
        keep_stretch_whole(self.view, self.column, self._least() if callable(self._least) else self._least)

    def _later(self, *_args: object) -> None:
        if not self._due:  # one fit for a whole refill
            self._due = True
            QTimer.singleShot(0, self, self.fit)  # not after the list is gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def widest_cell(view: QAbstractItemView, column: int, characters: int = 40) -> int:
    """The width ``column`` of ``view`` needs to show its widest cell whole (:func:`cell_width`),
    at most ``characters`` average characters of the font: a name column (a school, an office,
    an item asked for) is kept that wide and the list scrolls sideways rather than cut the names."""
    from PySide6.QtCore import Qt

    model = view.model()
    texts = [str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "") for row in range(model.rowCount())]
    return min(cell_width(view, *texts), cell_width(view) + view.fontMetrics().averageCharWidth() * characters)


def fit_columns(view: QTableView | QTreeView, stretch: int, widths: dict[int, int],
                stretch_min: int = 220, keep: frozenset[int] = frozenset(),
                floors: dict[int, int] | None = None, stretch_least: Callable[[], int] | None = None,
                headings: Sequence[str] | None = None) -> ColumnFitter:
    """Give ``view``'s columns ``widths`` around the ``stretch`` column, narrowing them (but
    those in ``keep``, and none below its ``floors`` width or its heading's) in a narrow list; the
    stretching column never narrower than its heading or ``stretch_least()`` (the list then
    scrolls sideways). ``headings``: the columns' headings, when they should not be asked of the
    model (see :class:`ColumnFitter`)."""
    return ColumnFitter(view, stretch, widths, stretch_min, keep, floors, stretch_least, headings)


def cell_width(view: QAbstractItemView, *texts: str) -> int:
    """The width a column of ``view`` needs to show each of ``texts`` whole in one cell: the text
    (its width rounded up: Qt lays text out in fractions of a pixel, and "๒ ธ.ค. ๒๕๖๙", 83.2
    pixels wide, wrapped in the 83 that the rounded-down width gave it, RETEST30 B8), app.qss's
    item padding (4 px a side), Qt's text margin a side and the grid line."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = QFontMetricsF(view.font())
    widest = max((math.ceil(metrics.horizontalAdvance(text)) for text in texts), default=0)
    return widest + 2 * (4 + margin) + 1


QSS_PADDING = 8  # app.qss's item padding, both sides, which Qt's row height does not take off the width


def fit_rows(table: QTableView) -> None:
    """Rows as high as their tallest cell's text wrapped in its column. Qt's own row height wraps
    a cell's text in the column less its text margin only, not less app.qss's padding, so at 150 %
    a date that wraps onto three lines got a row of two ("๑ ธ.ค. ๒๕๖๙ เวลา ๐๔:๑๓…"). The columns in
    the table's ``oneLineColumns`` property are drawn on one line (``exchange.review.OneLineDelegate``)
    and do not make a row taller."""
    from PySide6.QtCore import Qt

    table.resizeRowsToContents()
    padding = cell_width(table)
    metrics = table.fontMetrics()
    model = table.model()

    def wrapped(text: str, room: int) -> int:
        return metrics.boundingRect(0, 0, max(room, 1), 100_000, int(Qt.TextFlag.TextWordWrap), text).height()

    one_line = set(table.property("oneLineColumns") or ())  # cells drawn on one line, elided
    for row in range(model.rowCount()):
        needed = as_qt = 0
        for column in range(model.columnCount()):
            if table.isColumnHidden(column) or column in one_line:
                continue
            text = str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
            needed = max(needed, wrapped(text, table.columnWidth(column) - padding))
            as_qt = max(as_qt, wrapped(text, table.columnWidth(column) - padding + QSS_PADDING))
        if needed > as_qt:  # Qt's height: as_qt and the row's padding
            table.setRowHeight(row, table.rowHeight(row) + needed - as_qt)


HEADING_PADDING = 8  # app.qss: QHeaderView::section's padding on each side


def heading_width(view: QAbstractItemView, text: str) -> int:
    """The width a column of ``view`` needs for its heading ``text`` whole: its widest line in the
    bold heading font app.qss draws, the section's padding and its border."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[attr-defined]
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0) + 2 * HEADING_PADDING + 2


def heading_floors(view: QTableView) -> dict[int, int]:
    """Each column of ``view`` → the width its heading needs (for :func:`fit_columns`' floors)."""
    return {column: heading_width(view, heading_of(view, column)) for column in range(view.model().columnCount())}


def keep_stretch_heading(table: QTableView, column: int, least: int = 0) -> None:
    """Keep ``table``'s stretching ``column`` at least as wide as its heading (or ``least``): Qt
    squeezes a stretching column to its header's minimum section size when the others take the
    width ("กิจกรรม" was 7 pixels wide); the table then scrolls sideways instead. The minimum is
    the header's, so a narrower column is widened to it too."""
    header = table.horizontalHeader()
    need = heading_width(table, heading_of(table, column))
    header.setMinimumSectionSize(max(header.minimumSectionSize(), need, least))


def keep_rows_in_view(view: QTableView | QTreeView, rows: int = 3, lines: int = 1) -> None:
    """Give ``view`` at least the height of its headings, ``rows`` rows of ``lines`` lines and a
    sideways scroll bar. In a page that scrolls (the window at 150 %) a list otherwise shrinks to
    its header and half a row, cut through the middle of the text (try11b F15); with this floor
    the page scrolls instead and the list shows whole rows."""
    metrics = view.fontMetrics()
    row = lines * metrics.lineSpacing() + 16  # app.qss: a cell's padding and grid line
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    heading = header.sizeHint().height() if not header.isHidden() else 0
    scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    view.setMinimumHeight(heading + rows * row + scroll_bar + 2 * view.frameWidth() + 4)


def keep_rows(table: QTableView, rows: int = 5, *, bar: bool = True) -> None:
    """``table`` at least as tall as its headings, ``rows`` rows of its own height, a sideways
    scroll bar (``bar``: a caller that sees it hidden asks again when it shows) and its frame
    (s34 T9: a working list in a short window; keep_rows_in_view guesses a row's height from the
    font, this takes the table's own)."""
    header = table.horizontalHeader()
    heading = header.sizeHint().height() if not header.isHidden() else 0
    sideways = table.horizontalScrollBar().sizeHint().height() if bar else 0
    table.setMinimumHeight(heading + rows * table.verticalHeader().defaultSectionSize() + sideways
                           + 2 * table.frameWidth() + 2)
