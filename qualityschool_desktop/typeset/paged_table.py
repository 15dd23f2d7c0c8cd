"""A long table laid out a page at a time, each row measured once.

ReportLab splits a :class:`~reportlab.platypus.Table` at a page's foot into the rows that fit and a
new table of all the rest, which it measures again (every cell, every span, every style command)
at the next page: a table of a thousand rows over sixty pages costs the square of its rows.
:class:`PagedTable` measures each row once, and at each page's foot makes a ReportLab table of the
header and just the rows that fit that page (its style commands moved to the new row numbers), so
the cost grows with the rows. What prints is what :func:`~.table.thai_table` prints: the same
cells, grid, colours and spans, the header rows repeated at the top of every page, rows never split
and never separated where a ``NOSPLIT`` command keeps them together.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Table
from reportlab.platypus.flowables import Flowable

from .table import thai_table
from .template import MARGIN

PAGE_ROOM = A4[1] - 2 * MARGIN  # the height of the frame of every page of :func:`~.template.build_pdf`


class _Rows:
    """What every page's piece of one table shares: the cells, widths, commands and row heights."""

    def __init__(self, rows: Sequence[Sequence[Any]], widths: Sequence[float], header_rows: int, padding: float,
                 style: dict[str, Any], extra: Sequence[tuple[Any, ...]]) -> None:
        self.rows = [list(row) for row in rows]
        self.widths = list(widths)
        self.header_rows = header_rows
        self.padding = padding
        self.style = style
        self.heights: list[float | None] = [None] * len(self.rows)
        self.spans: dict[int, tuple[int, int]] = {}
        self.together: set[int] = set()  # rows that may not begin a page (kept with the row above)
        # (first row, last row, command): on the header rows, over several rows, on one row (by row).
        self.header_commands: list[tuple[Any, ...]] = []
        self.long_commands: list[tuple[int, int, tuple[Any, ...]]] = []
        self.commands: list[tuple[int, int, tuple[Any, ...]]] = []
        for command in extra:
            (c0, r0), (c1, r1) = command[1], command[2]
            r0, r1 = self._row(r0), self._row(r1)
            if command[0] == "NOSPLIT":  # kept too, for ReportLab's own split (see PagedTable.split)
                self.together.update(range(r0 + 1, r1 + 1))
            if command[0] == "SPAN" and r0 == r1:
                self.spans[r0] = (c0 % len(self.widths), c1 % len(self.widths))
            if r0 < header_rows:
                self.header_commands.append(command)
            else:
                (self.long_commands if r1 > r0 else self.commands).append((r0, r1, command))
        self.commands.sort(key=lambda entry: entry[0])
        self.starts = [entry[0] for entry in self.commands]
        self.below: list[float] | None = None  # below[i]: the height of rows i to the end

    def _row(self, index: int) -> int:
        return index if index >= 0 else len(self.rows) + index

    def height(self, index: int) -> float:
        """Row ``index``'s height in points, as ReportLab's table measures it (tallest cell plus
        the padding above and below); spanned cells at their spanned width."""
        known = self.heights[index]
        if known is not None:
            return known
        row = self.rows[index]
        span = self.spans.get(index)
        tallest = 0.0
        for column, cell in enumerate(row):
            width = self.widths[column]
            if span is not None and span[0] <= column <= span[1]:
                if column != span[0]:
                    continue
                width = sum(self.widths[span[0]:span[1] + 1])
            tallest = max(tallest, cell.wrap(width - 2 * self.padding, 1e9)[1])
        self.heights[index] = value = tallest + self.padding
        return value

    def height_below(self, start: int) -> float:
        """The height in points of the body rows from ``start`` to the end (all measured once)."""
        if self.below is None:
            below = [0.0] * (len(self.rows) + 1)
            for index in range(len(self.rows) - 1, self.header_rows - 1, -1):
                below[index] = below[index + 1] + self.height(index)
            self.below = below
        return self.below[start]

    def table(self, start: int, end: int) -> Table:
        """A ReportLab table of the header rows and body rows ``start`` to ``end`` (excluded)."""
        head = self.header_rows
        moved: list[tuple[Any, ...]] = list(self.header_commands)
        single = self.commands[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        for first, last, command in [*single, *self.long_commands]:
            if first < end and last >= start:
                new_first, new_last = max(first, start) - start + head, min(last, end - 1) - start + head
                (c0, _), (c1, _) = command[1], command[2]
                moved.append((command[0], (c0, new_first), (c1, new_last), *command[3:]))
        return thai_table(self.rows[:head] + self.rows[start:end], self.widths, header_rows=head,
                          padding=self.padding, extra_commands=moved, **self.style)


class PagedTable(Flowable):
    """A table of Thai cells that splits a page at a time (see the module); build it with
    :func:`paged_thai_table`."""

    def __init__(self, shared: _Rows, start: int) -> None:
        super().__init__()
        self._shared = shared
        self._start = start
        self._whole: Table | None = None

    def _heights(self, start: int, end: int) -> float:
        shared = self._shared
        return sum(shared.height(index) for index in range(start, end))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: (width, height) in points of the header and every row left."""
        shared = self._shared
        self.width = sum(shared.widths)
        self.height = self._heights(0, shared.header_rows) + shared.height_below(self._start)
        if self.height <= availHeight + 1e-6:
            self._whole = shared.table(self._start, len(shared.rows))
            self.width, self.height = self._whole.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """ReportLab's call at a page's foot: a table of the header and the rows that fit in
        ``availHeight`` points, then the rest; ``[]`` when not even one row fits (the table starts
        on the next page); as ReportLab's table when its first row is taller than a page."""
        shared = self._shared
        total = len(shared.rows)
        used = self._heights(0, shared.header_rows)
        end = self._start
        while end < total and used + shared.height(end) <= availHeight + 1e-6:
            used += shared.height(end)
            end += 1
        if end == total:
            return [self]
        while end > self._start and end in shared.together:
            end -= 1
        while end > self._start:
            piece = shared.table(self._start, end)
            if piece.wrap(availWidth, availHeight)[1] <= availHeight + 1e-6:
                return [piece, PagedTable(shared, end)]
            end -= 1  # measured otherwise than ReportLab would: one row fewer
            while end > self._start and end in shared.together:
                end -= 1
        # Not one row fits here. On the next page (the frame is this tall on every page) it will,
        # unless the first rows kept together are taller than a page: then ReportLab's own split.
        group = self._start + 1
        while group < total and group in shared.together:
            group += 1
        if self._heights(0, shared.header_rows) + self._heights(self._start, group) <= PAGE_ROOM + 1e-6:
            return []
        return list(shared.table(self._start, total).split(availWidth, availHeight))

    def draw(self) -> None:
        """ReportLab's call when the rest fits the page: draw it as one table."""
        if self._whole is None:
            self._whole = self._shared.table(self._start, len(self._shared.rows))
            self._whole.wrap(self.width, 1e9)
        self._whole.drawOn(self.canv, 0, 0)


def paged_thai_table(
    rows: Sequence[Sequence[Any]], col_widths: Sequence[float], *, body_style: Any, header_style: Any = None,
    header_rows: int = 1, padding: float = 4.0, extra_commands: Sequence[tuple[Any, ...]] = (),
) -> PagedTable:
    """:func:`~.table.thai_table` for a long table: the same arguments (cells given as flowables;
    ``extra_commands`` with row numbers as in ``rows``), the same look, split a page at a time.
    Raises nothing."""
    style = {"body_style": body_style, "header_style": header_style}
    return PagedTable(_Rows(rows, col_widths, header_rows, padding, style, extra_commands), header_rows)
