"""A pie chart of projects by status (seed 004's charts): wedges as vector paths, each share printed
on its wedge, the title above and the legend below through the typesetting engine
(:func:`~qualityschool_desktop.typeset.draw_text`), as :mod:`..chart` draws the component chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from ...thai import DigitStyle
from ...thai import digits as to_digits
from ...typeset import BOLD, REGULAR, draw_text, register_fonts
from ..blocks import line_width
from ..chart import TEXT_COLOUR

STATUS_COLOURS = {"finished": colors.HexColor("#43a047"), "in_progress": colors.HexColor("#1f4e79"),
                  "not_started": colors.HexColor("#e0a526")}


@dataclass(frozen=True)
class Slice:
    """One wedge: its legend label, its count, the share printed on it ("12.00") and its colour."""

    label: str
    count: int
    share: str
    colour: colors.Color


class PieChart(Flowable):
    """A pie of ``slices`` (by count) under two title lines, with a legend row under it."""

    RADIUS = 70.0
    TITLE_SIZE = 12.0
    LEGEND_SIZE = 11.0

    def __init__(self, titles: Sequence[str], slices: Sequence[Slice], *, digits: DigitStyle = "thai") -> None:
        super().__init__()
        register_fonts()
        self.titles = list(titles)
        self.slices = [s for s in slices if s.count > 0]
        self.digits: DigitStyle = digits

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: the whole width offered; titles + pie + legend high."""
        self.width = availWidth
        self.height = len(self.titles) * self.TITLE_SIZE * 1.5 + 2 * self.RADIUS + 16 + self.LEGEND_SIZE * 2.2
        return self.width, self.height

    def draw(self) -> None:
        """ReportLab's call: paint the titles, the wedges with their shares, and the legend."""
        import math

        canvas = self.canv
        canvas.saveState()
        centre_x = self.width / 2
        y = self.height - self.TITLE_SIZE
        canvas.setFillColor(TEXT_COLOUR)
        for title in self.titles:
            draw_text(canvas, title, centre_x, y, font_name=BOLD, size=self.TITLE_SIZE, align="centre")
            y -= self.TITLE_SIZE * 1.5
        centre_y = y - self.RADIUS - 2
        total = sum(s.count for s in self.slices) or 1
        start = 90.0  # from twelve o'clock, clockwise as office charts go
        canvas.setStrokeColor(colors.white)
        canvas.setLineWidth(1.2)
        for piece in self.slices:
            extent = 360.0 * piece.count / total
            canvas.setFillColor(piece.colour)
            r = self.RADIUS
            if piece.count == total:
                canvas.circle(centre_x, centre_y, r, stroke=0, fill=1)
            else:
                canvas.wedge(centre_x - r, centre_y - r, centre_x + r, centre_y + r, start - extent, extent,
                             stroke=1, fill=1)
            middle = math.radians(start - extent / 2)
            canvas.setFillColor(colors.white)
            draw_text(canvas, to_digits(f"{piece.share}%", self.digits), centre_x + math.cos(middle) * r * 0.6,
                      centre_y + math.sin(middle) * r * 0.6 - 4, font_name=BOLD, size=10.5, align="centre")
            start -= extent
        # Legend: a square and the label of each status, centred under the pie.
        gap = 16.0
        widths = [line_width(s.label, self.LEGEND_SIZE) + 14 for s in self.slices]
        x = centre_x - (sum(widths) + gap * (len(widths) - 1)) / 2
        y = centre_y - self.RADIUS - 10 - self.LEGEND_SIZE
        for piece, width in zip(self.slices, widths):
            canvas.setFillColor(piece.colour)
            canvas.rect(x, y - 1, 9, 9, stroke=0, fill=1)
            canvas.setFillColor(TEXT_COLOUR)
            draw_text(canvas, piece.label, x + 14, y, font_name=REGULAR, size=self.LEGEND_SIZE)
            x += width + gap
        canvas.restoreState()
