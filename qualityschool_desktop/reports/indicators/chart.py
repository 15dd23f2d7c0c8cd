"""A target-vs-actual bar chart of one indicator: per BE year, the target (grey), the actual the
office typed (blue) and, for a computed indicator, the actual computed from the schools' data
(green). Drawn on the canvas as vector marks, labels through the typesetting engine
(:func:`~qualityschool_desktop.typeset.draw_text`), as :mod:`..chart` draws the component chart."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from ...indicators.store import format_number
from ...thai import DigitStyle
from ...thai import digits as to_digits
from ...typeset import REGULAR, draw_text, register_fonts
from ..chart import AXIS_COLOUR, GRID_COLOUR, TEXT_COLOUR

TARGET_COLOUR = colors.HexColor("#b4b9bf")
ACTUAL_COLOUR = colors.HexColor("#1f4e79")
COMPUTED_COLOUR = colors.HexColor("#43a047")


@dataclass(frozen=True)
class Bars:
    """One series: its legend label, a value per year (None: none) and its colour."""

    label: str
    values: tuple[float | None, ...]
    colour: colors.Color


def nice_top(value: float) -> float:
    """The top of the axis for the largest value: 1, 2, 2.5 or 5 times a power of ten at or above
    it (100 for 100 per cent); 1 for nothing above 0."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value - 1e-9:
            return float(step * power)
    return float(10 * power)


class TargetChart(Flowable):
    """Grouped bars per year on a 0–top axis (four steps), values over the bars, years below and a
    legend at the top right. Negative values are drawn at 0 (their value is printed)."""

    PLOT_HEIGHT = 95.0
    LEGEND_HEIGHT = 30.0
    AXIS_WIDTH = 34.0
    SIZE = 9.5

    def __init__(self, years: Sequence[int], series: Sequence[Bars], *, digits: DigitStyle = "thai") -> None:
        super().__init__()
        register_fonts()
        self.years = list(years)
        self.series = [s for s in series if any(v is not None for v in s.values)] or list(series[:1])
        self.digits: DigitStyle = digits
        values = [v for s in self.series for v in s.values if v is not None]
        self.top = nice_top(max(values, default=0.0))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: the whole width offered, and legend + plot + year labels high."""
        self.width = availWidth
        self.height = self.LEGEND_HEIGHT + self.PLOT_HEIGHT + self.SIZE * 2.2
        return self.width, self.height

    def draw(self) -> None:
        """ReportLab's call: paint the grid, the bars with their values, the years and the legend."""
        canvas = self.canv
        base = self.height - self.LEGEND_HEIGHT - self.PLOT_HEIGHT
        left = self.AXIS_WIDTH
        canvas.saveState()
        canvas.setLineWidth(0.4)
        for step in range(5):
            y = base + self.PLOT_HEIGHT * step / 4
            canvas.setStrokeColor(GRID_COLOUR if step else AXIS_COLOUR)
            canvas.line(left, y, self.width, y)
            canvas.setFillColor(AXIS_COLOUR)
            draw_text(canvas, format_number(self.top * step / 4, self.digits), left - 4, y - 3, font_name=REGULAR,
                      size=8.5, align="right")
        group = (self.width - left) / max(len(self.years), 1)
        count = max(len(self.series), 1)
        bar = min(group * 0.7 / count, 26.0)
        for index, year in enumerate(self.years):
            centre = left + group * (index + 0.5)
            start = centre - bar * count / 2
            for number, series in enumerate(self.series):
                value = series.values[index] if index < len(series.values) else None
                x = start + number * bar
                if value is None:
                    canvas.setFillColor(AXIS_COLOUR)
                    draw_text(canvas, "–", x + bar / 2, base + 3, font_name=REGULAR, size=8, align="centre")
                    continue
                height = max(value, 0.0) / self.top * self.PLOT_HEIGHT
                canvas.setFillColor(series.colour)
                canvas.rect(x + 1, base, bar - 2, height, stroke=0, fill=1)
                canvas.setFillColor(TEXT_COLOUR)
                draw_text(canvas, format_number(value, self.digits), x + bar / 2, base + height + 2,
                          font_name=REGULAR, size=8, align="centre")
            canvas.setFillColor(TEXT_COLOUR)
            draw_text(canvas, to_digits(str(year), self.digits), centre, base - self.SIZE - 3, font_name=REGULAR,
                      size=self.SIZE, align="centre")
        x = self.width
        for series in reversed(self.series):
            x -= draw_text(canvas, series.label, x, self.height - 10, font_name=REGULAR, size=self.SIZE,
                           align="right") + 13
            canvas.setFillColor(series.colour)
            canvas.rect(x, self.height - 11, 9, 9, stroke=0, fill=1)
            canvas.setFillColor(TEXT_COLOUR)
            x -= 14
        canvas.restoreState()
