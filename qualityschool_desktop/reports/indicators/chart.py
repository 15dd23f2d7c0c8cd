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


MAX_STEPS = 5


def axis_steps(value: float, *, whole: bool | None = None) -> list[float]:
    """The axis marks (0 first, the top last; floats, in the indicator's unit) for a chart whose
    largest value is ``value``: the smallest step of 1, 2 or 5 times a power of ten that reaches
    ``value`` in at most :data:`MAX_STEPS` steps, as people draw them, so counts and percentages
    step by whole numbers (30: 0, 10, 20, 30; 100 per cent: by 20; an axis of 0–30 in quarters drew
    ๗.๕, C14 item 5). ``whole`` (by default: whether ``value`` is a whole number) keeps the step
    at 1 or more, so a count of 1 is drawn on 0–1, not in fifths. ``[0, 1]`` for nothing above 0.
    Raises nothing."""
    if value <= 0:
        return [0.0, 1.0]
    if whole is None:
        whole = float(value).is_integer()
    power = 10.0 ** math.floor(math.log10(value / MAX_STEPS))
    if whole:
        power = max(power, 1.0)
    for factor in (1, 2, 5, 10):
        step = factor * power
        count = math.ceil(value / step - 1e-9)
        if count <= MAX_STEPS:
            return [round(step * n, 12) for n in range(count + 1)]
    return [0.0, value]  # not reached: 10 times the power always fits


class TargetChart(Flowable):
    """Grouped bars per year on a 0–top axis (:func:`axis_steps`), values over the bars, years below and a
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
        self.ticks = axis_steps(max(values, default=0.0), whole=all(float(v).is_integer() for v in values))
        self.top = self.ticks[-1]

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
        for step, mark in enumerate(self.ticks):
            y = base + self.PLOT_HEIGHT * mark / self.top
            canvas.setStrokeColor(GRID_COLOUR if step else AXIS_COLOUR)
            canvas.line(left, y, self.width, y)
            canvas.setFillColor(AXIS_COLOUR)
            draw_text(canvas, format_number(mark, self.digits), left - 4, y - 3, font_name=REGULAR,
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
