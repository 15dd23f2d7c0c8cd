"""Small pieces that reports share: a colour chip, and table rows that always fit on a page."""

from __future__ import annotations

from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from ..typeset import BOLD, ThaiParagraph, draw_text, register_fonts
from ..typeset.layout import build_items


def readable_on(colour: colors.Color) -> colors.Color:
    """Black or white, whichever reads better on ``colour`` (yellow takes black, red white)."""
    luminance = 0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue
    return colors.black if luminance > 0.6 else colors.white


class BandChip(Flowable):
    """A rounded label filled with a colour band's colour and naming it ("แถบสีเขียว")."""

    def __init__(self, text: str, colour: str, *, size: float = 15.0, font_name: str = BOLD) -> None:
        super().__init__()
        register_fonts()
        self.text = text
        self.colour = colors.HexColor(colour) if colour else colors.HexColor("#9e9e9e")
        self.size = size
        self.font_name = font_name
        text_width = sum(item.width for item in build_items(text, size, bold=font_name == BOLD))
        self.pad_x = size * 0.8
        self.width = text_width + 2 * self.pad_x
        self.height = size * 1.7

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.colour)
        # A thin darker edge keeps a pale band (yellow) visible on white paper and in greyscale.
        canvas.setStrokeColor(colors.HexColor("#00000055", hasAlpha=True))
        canvas.setLineWidth(0.5)
        canvas.roundRect(0, 0, self.width, self.height, self.height / 2, stroke=1, fill=1)
        canvas.setFillColor(readable_on(self.colour))
        # Baseline so Thai's ascent and descent sit evenly in the chip.
        draw_text(canvas, self.text, self.width / 2, self.height * 0.3, font_name=self.font_name,
                  size=self.size, align="centre")
        canvas.restoreState()


def fit_rows(
    rows: Sequence[Sequence[ThaiParagraph]], col_widths: Sequence[float], *, padding: float, limit: float
) -> list[list[ThaiParagraph]]:
    """Rows no taller than ``limit`` points: a row that would be taller than a page (an item text
    of a thousand characters beside a long evidence text) is cut between lines into a row and
    continuation rows, each cell keeping its own lines in order. Tables never split a row, so
    without this such a row could not be laid out at all; with it no line is ever cut."""
    fitted: list[list[ThaiParagraph]] = []
    for row in rows:
        pending: list[ThaiParagraph | None] = list(row)
        while True:
            heights = [
                cell.wrap(width - 2 * padding, 1e9)[1] if cell is not None else 0.0
                for cell, width in zip(pending, col_widths)
            ]
            if max(heights) + padding <= limit:
                fitted.append([cell if cell is not None else _empty_like(row[i]) for i, cell in enumerate(pending)])
                break
            head: list[ThaiParagraph] = []
            rest: list[ThaiParagraph | None] = []
            for index, (cell, width) in enumerate(zip(pending, col_widths)):
                if cell is None:
                    head.append(_empty_like(row[index]))
                    rest.append(None)
                    continue
                parts = cell.split(width - 2 * padding, limit - padding)
                if len(parts) == 2:
                    head.append(parts[0])
                    rest.append(parts[1])
                else:
                    head.append(cell)
                    rest.append(None)
            fitted.append(head)
            pending = rest
            if all(cell is None for cell in pending):
                break
    return fitted


def _empty_like(cell: ThaiParagraph) -> ThaiParagraph:
    return ThaiParagraph("", cell.style)
