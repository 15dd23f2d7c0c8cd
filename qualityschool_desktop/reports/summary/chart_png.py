"""The summary's two charts as PNG pictures for the Word copy (:mod:`.word`, issue 13): the same
charts as the PDF's (:mod:`.chart`: schools per colour band, schools per readiness group of each
component), from the same numbers, in the same colours and geometry, drawn with Pillow (which
ReportLab already brings) at print resolution in the bundled Sarabun. Text is shaped by HarfBuzz
and drawn glyph by glyph (:mod:`.glyph_text`), not by Pillow's Raqm, which Windows lacks (issue
12: tone marks sat on the upper vowels there). No Qt.
"""

from __future__ import annotations

import io
from typing import Callable, Sequence

__all__ = ["DPI", "band_bars_png", "group_bars_png"]

DPI = 300  # print resolution: what Word scales the 16 cm wide picture from
TEXT = "#262626"
AXIS = "#595959"
GRID = "#d9d9d9"
BOTTOM = 4.0  # points below the lowest baseline, for what hangs under it


class _Canvas:
    """A Pillow image addressed in points from the bottom left, as the PDF's charts draw."""

    def __init__(self, width: float, height: float) -> None:
        from PIL import Image, ImageDraw

        self.scale = DPI / 72.0
        self.width, self.height = width, height + BOTTOM  # room under the axis' numbers
        self.image = Image.new("RGB", (round(width * self.scale), round(self.height * self.scale)), "white")
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, (self.height - BOTTOM - y) * self.scale

    @staticmethod
    def font(bold: bool = False) -> str:
        from ...typeset.fonts import BOLD, REGULAR

        return BOLD if bold else REGULAR

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 0.4) -> None:
        self.draw.line([self._xy(x1, y1), self._xy(x2, y2)], fill=colour, width=max(1, round(width * self.scale)))

    def rect(self, x: float, y: float, width: float, height: float, fill: str, outline: str | None = None) -> None:
        left, top = self._xy(x, y + height)
        right, bottom = self._xy(x + width, y)
        self.draw.rectangle([left, top, right, bottom], fill=fill, outline=outline,
                            width=max(1, round(0.5 * self.scale)) if outline else 0)

    def text(self, text: str, x: float, y: float, size: float, *, bold: bool = False, align: str = "left",
             colour: str = TEXT) -> float:
        """``text`` on the baseline ``y``; returns its width in points."""
        from .glyph_text import draw_text

        px, py = self._xy(x, y)
        return draw_text(self.image, text, px, py, size * self.scale, self.font(bold), colour, align) / self.scale

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        from .glyph_text import text_width

        return text_width(text, self.font(bold), size)

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, "PNG", dpi=(DPI, DPI))
        return out.getvalue()


def _step(top: int) -> int:
    from .chart import _step as step

    return step(top)


def _axis_top(value: int) -> int:
    from .chart import _axis_top as top

    return top(value)


def band_bars_png(labels: Sequence[str], counts: Sequence[int], fills: Sequence[str],
                  convert: Callable[[str], str], width: float) -> bytes:
    """The chart of schools per colour band (:class:`.chart.BandBars`) ``width`` points wide, as
    PNG bytes at :data:`DPI`. Raises nothing for any counts (an empty chart has one grid step)."""
    row, label_width, size = 20.0, 70.0, 11.0
    height = row * len(labels) + 16
    c = _Canvas(width, height)
    plot = width - label_width - 30
    top_value = _axis_top(max(counts, default=0))
    unit = plot / top_value
    base = 14.0
    for value in range(0, top_value + 1, _step(top_value)):
        x = label_width + value * unit
        c.line(x, base, x, height, GRID if value else AXIS)
        c.text(convert(str(value)), x, 2, 9, align="centre", colour=AXIS)
    for index, (label, count, fill) in enumerate(zip(labels, counts, fills)):
        y = height - (index + 1) * row
        c.text(label, label_width - 6, y + 6, size, align="right")
        if count:
            c.rect(label_width, y + 3, count * unit, row - 6, fill or AXIS, outline="#8c8c8c")
        c.text(convert(str(count)), label_width + count * unit + 4, y + 6, size, bold=True)
    return c.png()


def _wrapped(c: _Canvas, text: str, width: float, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at Thai word boundaries."""
    from ...typeset.segment import units

    lines: list[str] = []
    current = ""
    for unit in units(text):
        candidate = current + unit
        if current.strip() and c.measure(candidate.strip(), size) > width:
            lines.append(current.strip())
            current = unit.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.strip())
    return lines


def group_bars_png(numbers: Sequence[str], names: Sequence[str], groups: Sequence[str], fills: Sequence[str],
                   counts: Sequence[Sequence[int]], convert: Callable[[str], str], width: float) -> bytes:
    """The chart of schools per readiness group for each component (:class:`.chart.GroupBars`:
    the component's number and short name under its bars, a legend at the top right) ``width``
    points wide, as PNG bytes at :data:`DPI`. Raises nothing."""
    plot_height, legend_height, axis_width, label_size, value_size = 110.0, 22.0, 24.0, 10.5, 9.0
    group = (width - axis_width) / max(len(names), 1)
    probe = _Canvas(1, 1)
    wrapped = [_wrapped(probe, name, group - 8, label_size) for name in names]
    leading = label_size * 1.35
    label_height = max((len(lines) * leading for lines in wrapped), default=0.0)
    height = legend_height + plot_height + 8 + label_size * 1.5 + label_height + 4
    c = _Canvas(width, height)
    base = height - legend_height - plot_height
    top_value = _axis_top(max((max(r, default=0) for r in counts), default=0))
    unit = (plot_height - 12) / top_value
    for value in range(0, top_value + 1, _step(top_value)):
        y = base + value * unit
        c.line(axis_width, y, width, y, GRID if value else AXIS)
        c.text(convert(str(value)), axis_width - 5, y - 3, 9, align="right", colour=AXIS)
    bar = min(group * 0.75 / max(len(groups), 1), 24.0)
    for index, row in enumerate(counts):
        centre = axis_width + group * (index + 0.5)
        start = centre - bar * len(row) / 2
        for number, count in enumerate(row):
            x = start + number * bar
            if count:
                c.rect(x + 1, base, bar - 2, count * unit, fills[number])
            c.text(convert(str(count)), x + bar / 2, base + count * unit + 3, value_size, align="centre")
        number_y = base - 6 - label_size
        c.text(numbers[index], centre, number_y, label_size, bold=True, align="centre")
        for line_number, line in enumerate(wrapped[index]):
            c.text(line, centre, number_y - 4 - leading * (line_number + 1) + 3, label_size, align="centre")
    x = width
    for name, fill in reversed(list(zip(groups, fills))):
        text_width = c.text(name, x, height - 14, label_size, align="right")
        x -= text_width + 14
        c.rect(x, height - 15, 10, 10, fill)
        x -= 14
    return c.png()
