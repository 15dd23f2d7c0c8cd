"""A bar chart of the five component scores, this round beside the previous one.

Drawn straight on the canvas rather than with ``reportlab.graphics``: its string drawing does not
shape Thai, while every label here goes through the typesetting engine (:func:`draw_text` for one
line, :class:`ThaiParagraph` for the wrapped component names), so the marks sit right and the
labels copy out of the PDF as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable

from ..typeset import BOLD, REGULAR, ThaiParagraph, draw_text, register_fonts
from ..thai import DigitStyle
from ..thai import digits as to_digits

CURRENT_COLOUR = colors.HexColor("#1f4e79")
PREVIOUS_COLOUR = colors.HexColor("#b4b9bf")
AXIS_COLOUR = colors.HexColor("#595959")
GRID_COLOUR = colors.HexColor("#d9d9d9")
TEXT_COLOUR = colors.HexColor("#262626")


@dataclass(frozen=True)
class Series:
    """One round's scores, one per category (``None``: nothing answered), and its legend label."""

    label: str
    values: tuple[float | None, ...]
    colour: colors.Color


class ComponentChart(Flowable):
    """Grouped bars on a 0–``scale_max`` axis, values printed over the bars, categories named below
    (a short number in bold over the wrapped name)."""

    PLOT_HEIGHT = 120.0
    LEGEND_HEIGHT = 22.0
    AXIS_WIDTH = 24.0
    LABEL_SIZE = 10.5
    VALUE_SIZE = 8.5

    def __init__(
        self,
        numbers: Sequence[str],
        names: Sequence[str],
        series: Sequence[Series],
        *,
        scale_max: int = 5,
        digits: DigitStyle = "thai",
    ) -> None:
        super().__init__()
        register_fonts()
        self.numbers = list(numbers)
        self.names = list(names)
        self.series = list(series)
        self.scale_max = scale_max
        self.digits: DigitStyle = digits
        style = ParagraphStyle(
            "chart-label", fontName=REGULAR, fontSize=self.LABEL_SIZE, leading=self.LABEL_SIZE * 1.35,
            alignment=TA_CENTER, textColor=TEXT_COLOUR,
        )
        self._labels = [ThaiParagraph(name, style) for name in self.names]
        self._label_height = 0.0

    def _group_width(self, width: float) -> float:
        return (width - self.AXIS_WIDTH) / max(len(self.names), 1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: the chart takes the whole width offered and the height of its
        legend, plot and wrapped component names, in points."""
        self.width = availWidth
        group = self._group_width(availWidth)
        self._label_height = max((label.wrap(group - 8, 1000)[1] for label in self._labels), default=0.0)
        # number line + names + a little air
        self.height = self.LEGEND_HEIGHT + self.PLOT_HEIGHT + 8 + self.LABEL_SIZE * 1.5 + self._label_height + 4
        return self.width, self.height

    def draw(self) -> None:
        """ReportLab's call: paint the axis, the bars of each series per component, their values
        and the names on ``self.canv``."""
        canvas = self.canv
        width = self.width
        base = self.height - self.LEGEND_HEIGHT - self.PLOT_HEIGHT  # y of the 0 line
        left = self.AXIS_WIDTH
        unit = self.PLOT_HEIGHT / self.scale_max
        canvas.saveState()

        # Grid and axis labels.
        canvas.setLineWidth(0.4)
        for step in range(self.scale_max + 1):
            y = base + step * unit
            canvas.setStrokeColor(GRID_COLOUR if step else AXIS_COLOUR)
            canvas.line(left, y, width, y)
            canvas.setFillColor(AXIS_COLOUR)
            draw_text(canvas, to_digits(step, self.digits), left - 5, y - 3, font_name=REGULAR, size=9, align="right")
        canvas.setStrokeColor(AXIS_COLOUR)
        canvas.line(left, base, left, base + self.PLOT_HEIGHT)

        # Bars, grouped per category, with their values.
        group = self._group_width(width)
        count = max(len(self.series), 1)
        bar = min(group * 0.6 / count, 28.0)
        for index in range(len(self.names)):
            centre = left + group * (index + 0.5)
            start = centre - bar * count / 2
            for number, series in enumerate(self.series):
                value = series.values[index] if index < len(series.values) else None
                x = start + number * bar
                if value is None:
                    canvas.setFillColor(AXIS_COLOUR)
                    draw_text(canvas, "–", x + bar / 2, base + 3, font_name=REGULAR, size=self.VALUE_SIZE, align="centre")
                    continue
                canvas.setFillColor(series.colour)
                canvas.rect(x + 1, base, bar - 2, value * unit, stroke=0, fill=1)
                canvas.setFillColor(TEXT_COLOUR)
                draw_text(
                    canvas, to_digits(f"{value:.2f}", self.digits), x + bar / 2, base + value * unit + 3,
                    font_name=REGULAR, size=self.VALUE_SIZE, align="centre",
                )
            # Category: its number in bold, the wrapped name under it.
            number_y = base - 6 - self.LABEL_SIZE
            canvas.setFillColor(TEXT_COLOUR)
            draw_text(canvas, self.numbers[index], centre, number_y, font_name=BOLD, size=self.LABEL_SIZE, align="centre")
            label = self._labels[index]
            _w, h = label.wrap(group - 8, 1000)
            label.drawOn(canvas, centre - (group - 8) / 2, number_y - 4 - h)

        # Legend, top right.
        x = width
        for series in reversed(self.series):
            text_width = draw_text(
                canvas, series.label, x, self.height - 14, font_name=REGULAR, size=self.LABEL_SIZE, align="right"
            )
            x -= text_width + 14
            canvas.setFillColor(series.colour)
            canvas.rect(x, self.height - 15, 10, 10, stroke=0, fill=1)
            canvas.setFillColor(TEXT_COLOUR)
            x -= 14
        canvas.restoreState()
