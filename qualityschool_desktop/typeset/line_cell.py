"""Table cells of one line: a shaped string, measured once and drawn from a cache.

A long table (the summary's thousand schools) has thousands of cells that hold a number, a score, a
district or a name that fits its column: a full :class:`ThaiParagraph` each (segmentation, line
breaking at every measure, a drawing pass per glyph run) costs most of the report. :func:`table_text`
gives such a cell as a :class:`LineCell`: the text is segmented and shaped once per text, font and
size (a :class:`~.cache.TextCache`), its one line laid out once, and its page operators recorded once
per document and reused wherever the same text is drawn again at the same width. A text that needs
more than one line at its column's width stays a :class:`ThaiParagraph`.

What prints is what a paragraph of the same text prints: the same line (:func:`~.layout.break_lines`
at an unlimited width), the same operators (:func:`~.draw.draw_lines`), so the text copies out
exactly as before.
"""

from __future__ import annotations

from typing import Any, Collection
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable

from .cache import text_cache
from .draw import _num, draw_lines
from .fonts import BOLD, BOLD_ITALIC, ITALIC, register_fonts
from .layout import Line, break_lines, build_items
from .paragraph import ThaiParagraph, _baseline_drop

UNLIMITED = 1e12


@text_cache(characters=2_000_000, longest=2_000)
def _one_line(text: str, font: str, size: float) -> Line | None:
    """``text`` laid out on one line of unlimited width, or None when it has a forced break."""
    items = build_items(text, size, bold=font in (BOLD, BOLD_ITALIC), italic=font in (ITALIC, BOLD_ITALIC))
    if any(item.newline for item in items):
        return None
    lines = break_lines(items, [UNLIMITED])
    return lines[0] if len(lines) == 1 else None


# Per document (its subsets are numbered per document): the operators of a cell, by what decides them.
_drawn: WeakKeyDictionary[Any, dict[tuple[Any, ...], str]] = WeakKeyDictionary()


class LineCell(ThaiParagraph):
    """A :class:`ThaiParagraph` known to be one line at the widths it is given; laid out at a
    width too narrow for that line it behaves as the paragraph does (wraps)."""

    def __init__(self, text: str, style: ParagraphStyle, line: Line) -> None:
        # No ThaiParagraph.__init__: the items come with the cached line.
        Flowable.__init__(self)
        self.style = style
        self._lines = []
        self._laid_out_for = None
        self._first_indent = self._space_before = self._space_after = True
        self._text = text
        self._line = line
        self._items = list(line.items)

    def _layout(self, width: float) -> None:
        style = self.style
        if line_fits(self._line, style, width):
            self._lines = [self._line]
            self._laid_out_for = width
            return
        if self._laid_out_for == width and self._lines:
            return
        self._lines = break_lines(self._all_items(), [
            width - style.leftIndent - style.rightIndent - style.firstLineIndent,
            width - style.leftIndent - style.rightIndent,
        ])
        self._laid_out_for = width

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """``[self]`` when its height fits in ``availHeight`` points, else as a paragraph splits."""
        self._layout(availWidth)
        if len(self._lines) == 1:
            return [self] if availHeight + 1e-6 >= self.style.leading else []
        return ThaiParagraph(self._text, self.style).split(availWidth, availHeight)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """ReportLab's call: the recorded operators of this text at this width, placed at
        (``x``, ``y``) points; drawn as a paragraph when it wrapped or its colour is not RGB."""
        colour = self.style.textColor
        if _sW or len(self._lines) != 1 or self._lines[0] is not self._line or type(colour) is not Color:
            super().drawOn(canvas, x, y, _sW)
            return
        cache = _drawn.get(canvas._doc)
        if cache is None:
            cache = _drawn[canvas._doc] = {}
        style = self.style
        key = (self._text, style.fontName, style.fontSize, style.leading, style.alignment, style.leftIndent,
               style.rightIndent, style.firstLineIndent, self.width, colour.red, colour.green, colour.blue)
        ops = cache.get(key)
        if ops is None:
            ops = cache[key] = self._record(canvas, colour)
        canvas._code.append(f"q 1 0 0 1 {_num(x)} {_num(y)} cm\n{ops}\nQ")

    def _record(self, canvas: Any, colour: Color) -> str:
        style = self.style
        line = self._line
        indent = style.leftIndent + style.firstLineIndent
        slack = max(self.width - indent - style.rightIndent - line.width, 0.0)
        x = indent + (slack / 2 if style.alignment == TA_CENTER else slack if style.alignment == TA_RIGHT else 0.0)
        y = style.leading - _baseline_drop(style.fontName, style.fontSize, style.leading)
        start = len(canvas._code)
        draw_lines(canvas, [(line, x, y, 0.0)])
        text = "\n".join(canvas._code[start:])
        del canvas._code[start:]
        return f"{_num(colour.red)} {_num(colour.green)} {_num(colour.blue)} rg\n{text}"

    def __repr__(self) -> str:
        return f"LineCell({self._text[:40]!r})"


def _fitting(names: Collection[str], style: ParagraphStyle, width: float) -> tuple[str, ...]:
    """Of ``names``, those that fit one line ``width`` points wide, and of the others their
    space-separated words that do (a word wider than the line is left to the word breaker)."""
    kept: list[str] = []
    for name in names:
        for part in (name, *name.split()):
            if part in kept or not part:
                continue
            line = _one_line(part, style.fontName, float(style.fontSize))
            if line is not None and line_fits(line, style, width):
                kept.append(part)
                if part == name:
                    break
    return tuple(kept)


def line_fits(line: Line, style: ParagraphStyle, width: float) -> bool:
    """Whether ``line`` fits ``width`` points in ``style`` (its indents taken off), as
    :func:`~.layout.break_lines` decides it."""
    room = width - style.leftIndent - style.rightIndent - style.firstLineIndent
    return line.width <= room + 1e-6


def table_text(text: str, style: ParagraphStyle, width: float, *, whole: Collection[str] = ()) -> ThaiParagraph:
    """A cell of ``text`` in ``style`` for a column leaving ``width`` points for the text: a
    :class:`LineCell` when it fits one line there, else a :class:`ThaiParagraph` (which wraps).
    ``whole``: names (a school's, a district's) never broken inside a line; a name wider than
    ``width`` keeps whole only its space-separated words that fit, so it breaks between words
    (TEST31b U5). Raises nothing."""
    register_fonts()
    if not text:
        return ThaiParagraph(text, style)
    line = _one_line(text, style.fontName, float(style.fontSize))
    if line is None or not line.items or not line_fits(line, style, width):
        return ThaiParagraph(text, style, whole=_fitting(whole, style, width)) if whole else ThaiParagraph(text, style)
    return LineCell(text, style, line)
