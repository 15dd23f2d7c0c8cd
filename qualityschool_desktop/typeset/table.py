"""Tables whose cells hold Thai paragraphs.

Cells given as text become :class:`ThaiParagraph` so they wrap exactly as body text does. The
header rows repeat at the top of every page the table runs onto, and a row moves to the next page
whole, unless it is taller than a page with the header: then it splits between the lines of its
cells (:class:`ThaiTable`; TEST14e finding f05: a goal of 1,500 characters made ReportLab give up
with "tallest cell ... too large"), so no text is cut mid-line or lost.
"""

from __future__ import annotations

from typing import Any, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

from .paragraph import ThaiParagraph
from .template import MARGIN

GRID_COLOUR = colors.HexColor("#7f7f7f")
HEADER_BACKGROUND = colors.HexColor("#e8edf3")
PAGE_ROOM = A4[1] - 2 * MARGIN  # the height of the frame of every page of :func:`~.template.build_pdf`


class ThaiTable(Table):
    """A ReportLab table whose rows move to the next page whole, except a row that would not fit
    even on a page of its own below the header rows: that one splits between the lines of its cells
    (each cell's own ``split``: a :class:`ThaiParagraph` cuts between lines)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """ReportLab's call at a page's foot: by whole rows; when not one row fits and the first
        row is taller than a page with the header, within that row."""
        found: list[Flowable] = super().split(availWidth, availHeight)
        heights = getattr(self, "_rowHeights", None) or []
        first = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        if found or first >= len(heights) or sum(heights[:first + 1]) <= PAGE_ROOM + 1e-6:
            return found
        parts = list(self._splitRows(availHeight, doInRowSplit=True))
        if parts and isinstance(parts[0], Table):  # the grid closed at the page's foot, as every row's is
            parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID_COLOUR)])
        return parts

    def _splitCell(self, value: Any, style: Any, oldHeight: float, newHeight: float, width: float) -> Any:
        """ReportLab's split of one cell of a row split at ``newHeight`` points: (the content above,
        the content below). A cell of one :class:`ThaiParagraph` is split at the width it is drawn
        at (ReportLab's own split passes the column's width with its padding, and the top part then
        wrapped to more lines than the row has room for) and within the padding; others as
        ReportLab does."""
        if isinstance(value, (list, tuple)) and len(value) == 1 and isinstance(value[0], ThaiParagraph):
            paragraph = value[0]
            inner = width - style.leftPadding - style.rightPadding
            parts = paragraph.split(inner, newHeight - style.topPadding - style.bottomPadding)
            if len(parts) == 2:
                return (parts[0],), (parts[1],)
            if parts:  # it fits above
                return (paragraph,), ()
            if style.valign != "TOP":
                return super()._splitCell(value, style, oldHeight, newHeight, width)
            return (), (paragraph,)  # too few lines to split: all of it below
        return super()._splitCell(value, style, oldHeight, newHeight, width)


def thai_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    body_style: ParagraphStyle,
    header_style: ParagraphStyle | None = None,
    header_rows: int = 1,
    padding: float = 4.0,
    extra_commands: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A gridded table. Text cells (``str``) become ThaiParagraphs in ``header_style`` for the
    first ``header_rows`` rows and ``body_style`` below; other cells (flowables) pass through.
    A :class:`ThaiTable`: a row taller than a page splits between lines."""
    header_style = header_style or body_style
    data = [
        [
            ThaiParagraph(cell, header_style if index < header_rows else body_style) if isinstance(cell, str) else cell
            for cell in row
        ]
        for index, row in enumerate(rows)
    ]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding / 2),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BACKGROUND))
    commands.extend(extra_commands)
    return ThaiTable(
        data,
        colWidths=list(col_widths),
        repeatRows=header_rows,
        splitByRow=1,
        splitInRow=0,
        style=TableStyle(commands),
        hAlign="LEFT",
    )
