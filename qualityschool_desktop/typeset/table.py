"""Tables whose cells hold Thai paragraphs.

Cells given as text become :class:`ThaiParagraph` so they wrap exactly as body text does. The
header rows repeat at the top of every page the table runs onto, and rows are never split (a row
moves to the next page whole), so no cell's text is cut mid-line.
"""

from __future__ import annotations

from typing import Any, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from .paragraph import ThaiParagraph

GRID_COLOUR = colors.HexColor("#7f7f7f")
HEADER_BACKGROUND = colors.HexColor("#e8edf3")


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
    first ``header_rows`` rows and ``body_style`` below; other cells (flowables) pass through."""
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
    return Table(
        data,
        colWidths=list(col_widths),
        repeatRows=header_rows,
        splitByRow=1,
        splitInRow=0,
        style=TableStyle(commands),
        hAlign="LEFT",
    )
