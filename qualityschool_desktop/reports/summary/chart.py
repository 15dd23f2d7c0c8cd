"""The summary's two charts: schools per colour band (horizontal bars in the bands' colours) and
schools per readiness group for each component (grouped vertical bars).

Drawn on the canvas with the typesetting engine's :func:`draw_text` for the same reason as
:mod:`qualityschool_desktop.reports.chart`: ReportLab's own chart strings do not shape Thai.
"""

from __future__ import annotations

from typing import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable

from ...typeset import BOLD, REGULAR, ThaiParagraph, draw_text, register_fonts
from ..blocks import readable_on
from ..chart import AXIS_COLOUR, GRID_COLOUR, TEXT_COLOUR


def _step(top: int) -> int:
    """A grid step giving at most about six lines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if top / step <= 6:
            return step
    return 1000


def _axis_top(value: int) -> int:
    step = _step(max(value, 1))
    return max(step, -(-max(value, 1) // step) * step)


class BandBars(Flowable):
    """One bar per colour band, in its colour, with the count at the end of the bar and the
    band's name on the left."""

    ROW = 20.0
    LABEL_WIDTH = 70.0
    SIZE = 11.0

    def __init__(self, labels: Sequence[str], counts: Sequence[int], fills: Sequence[str],
                 convert: Callable[[str], str]) -> None:
        super().__init__()
        register_fonts()
        self.labels, self.counts, self.fills, self.convert = list(labels), list(counts), list(fills), convert

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: the whole width offered, one row per band, in points."""
        self.width = availWidth
        self.height = self.ROW * len(self.labels) + 16
        return self.width, self.height

    def draw(self) -> None:
        """ReportLab's call: paint one horizontal bar per band with its count of schools."""
        canvas = self.canv
        left = self.LABEL_WIDTH
        plot = self.width - left - 30
        top_value = _axis_top(max(self.counts, default=0))
        unit = plot / top_value
        base = 14.0
        canvas.saveState()
        canvas.setLineWidth(0.4)
        step = _step(top_value)
        for value in range(0, top_value + 1, step):
            x = left + value * unit
            canvas.setStrokeColor(GRID_COLOUR if value else AXIS_COLOUR)
            canvas.line(x, base, x, self.height)
            canvas.setFillColor(AXIS_COLOUR)
            draw_text(canvas, self.convert(str(value)), x, 2, font_name=REGULAR, size=9, align="centre")
        for index, (label, count, fill) in enumerate(zip(self.labels, self.counts, self.fills)):
            y = self.height - (index + 1) * self.ROW
            canvas.setFillColor(TEXT_COLOUR)
            draw_text(canvas, label, left - 6, y + 6, font_name=REGULAR, size=self.SIZE, align="right")
            colour = colors.HexColor(fill) if fill else AXIS_COLOUR
            if count:
                canvas.setFillColor(colour)
                canvas.setStrokeColor(colors.HexColor("#00000055", hasAlpha=True))
                canvas.setLineWidth(0.5)
                canvas.rect(left, y + 3, count * unit, self.ROW - 6, stroke=1, fill=1)
            canvas.setFillColor(TEXT_COLOUR)
            draw_text(canvas, self.convert(str(count)), left + count * unit + 4, y + 6, font_name=BOLD,
                      size=self.SIZE)
        canvas.restoreState()


class GroupBars(Flowable):
    """For each component, one bar per readiness group (ready, standard, urgent) with its count,
    the component's number and short name under the group, a legend at the top right."""

    PLOT_HEIGHT = 110.0
    LEGEND_HEIGHT = 22.0
    AXIS_WIDTH = 24.0
    LABEL_SIZE = 10.5
    VALUE_SIZE = 9.0

    def __init__(self, numbers: Sequence[str], names: Sequence[str], groups: Sequence[str],
                 fills: Sequence[str], counts: Sequence[Sequence[int]], convert: Callable[[str], str]) -> None:
        super().__init__()
        register_fonts()
        self.numbers, self.names, self.groups = list(numbers), list(names), list(groups)
        self.fills = [colors.HexColor(fill) for fill in fills]
        self.counts = [list(row) for row in counts]
        self.convert = convert
        style = ParagraphStyle("group-label", fontName=REGULAR, fontSize=self.LABEL_SIZE,
                               leading=self.LABEL_SIZE * 1.35, alignment=TA_CENTER, textColor=TEXT_COLOUR)
        self._labels = [ThaiParagraph(name, style) for name in self.names]
        self._label_height = 0.0

    def _group_width(self) -> float:
        return (self.width - self.AXIS_WIDTH) / max(len(self.names), 1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: the whole width offered and the height of the legend, plot and
        wrapped component names, in points."""
        self.width = availWidth
        group = self._group_width()
        self._label_height = max((label.wrap(group - 8, 1000)[1] for label in self._labels), default=0.0)
        self.height = self.LEGEND_HEIGHT + self.PLOT_HEIGHT + 8 + self.LABEL_SIZE * 1.5 + self._label_height + 4
        return self.width, self.height

    def draw(self) -> None:
        """ReportLab's call: paint, per component, one bar per readiness group with its count of
        schools."""
        canvas = self.canv
        base = self.height - self.LEGEND_HEIGHT - self.PLOT_HEIGHT
        left = self.AXIS_WIDTH
        top_value = _axis_top(max((max(row, default=0) for row in self.counts), default=0))
        unit = (self.PLOT_HEIGHT - 12) / top_value
        canvas.saveState()
        canvas.setLineWidth(0.4)
        for value in range(0, top_value + 1, _step(top_value)):
            y = base + value * unit
            canvas.setStrokeColor(GRID_COLOUR if value else AXIS_COLOUR)
            canvas.line(left, y, self.width, y)
            canvas.setFillColor(AXIS_COLOUR)
            draw_text(canvas, self.convert(str(value)), left - 5, y - 3, font_name=REGULAR, size=9, align="right")
        group = self._group_width()
        bar = min(group * 0.75 / max(len(self.groups), 1), 24.0)
        for index, row in enumerate(self.counts):
            centre = left + group * (index + 0.5)
            start = centre - bar * len(row) / 2
            for number, count in enumerate(row):
                x = start + number * bar
                if count:
                    canvas.setFillColor(self.fills[number])
                    canvas.rect(x + 1, base, bar - 2, count * unit, stroke=0, fill=1)
                canvas.setFillColor(TEXT_COLOUR)
                draw_text(canvas, self.convert(str(count)), x + bar / 2, base + count * unit + 3,
                          font_name=REGULAR, size=self.VALUE_SIZE, align="centre")
            number_y = base - 6 - self.LABEL_SIZE
            draw_text(canvas, self.numbers[index], centre, number_y, font_name=BOLD, size=self.LABEL_SIZE,
                      align="centre")
            label = self._labels[index]
            _w, h = label.wrap(group - 8, 1000)
            label.drawOn(canvas, centre - (group - 8) / 2, number_y - 4 - h)
        x = self.width
        for name, fill in reversed(list(zip(self.groups, self.fills))):
            canvas.setFillColor(TEXT_COLOUR)
            text_width = draw_text(canvas, name, x, self.height - 14, font_name=REGULAR, size=self.LABEL_SIZE,
                                   align="right")
            x -= text_width + 14
            canvas.setFillColor(fill)
            canvas.setStrokeColor(readable_on(fill))
            canvas.rect(x, self.height - 15, 10, 10, stroke=0, fill=1)
            x -= 14
        canvas.restoreState()
