"""``ThaiParagraph``: a ReportLab flowable that sets Thai the way a Thai reader expects.

Use it where you would use ReportLab's ``Paragraph``, with a ``ParagraphStyle`` whose ``fontName``
is one of the Sarabun faces (see :mod:`.fonts`). Honoured style fields: ``fontName`` (its weight and
slant apply to the whole paragraph), ``fontSize``, ``leading``, ``alignment`` (left, centre, right,
justify), ``textColor``, ``leftIndent``, ``rightIndent``, ``firstLineIndent``, ``spaceBefore``,
``spaceAfter``. Text is plain text (no markup); pass a list of :class:`Run` for bold or italic
words inside a paragraph. A newline forces a line break.

Split across pages it cuts between lines and re-uses the shaped lines it already has, so no text is
re-shaped, lost or printed as empty boxes.
"""

from __future__ import annotations

from typing import Any, Collection, Sequence

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable

from .draw import draw_lines
from .fonts import BOLD, BOLD_ITALIC, ITALIC, face, register_fonts
from .layout import Item, Line, Run, break_lines, build_items


MIN_LINES_AT_BREAK = 2

def _baseline_drop(font_name: str, size: float, leading: float) -> float:
    """Distance from the top of a line box to its baseline: the font's ascent-to-descent box centred
    in the leading, so stacked Thai marks above and descenders below both have room."""
    ttf = face(font_name).font.face
    ascent = ttf.ascent / 1000.0 * size
    descent = -abs(ttf.descent) / 1000.0 * size
    return (leading - (ascent - descent)) / 2.0 + ascent


class ThaiParagraph(Flowable):
    """A paragraph of Thai (and mixed Latin/digits) text, shaped, broken between words, with its
    exact text extractable from the PDF."""

    def __init__(self, text: str | Sequence[Run], style: ParagraphStyle, *, whole: Collection[str] = ()) -> None:
        """``whole``: names (of places, schools, offices) never broken inside a line
        (:func:`~.layout.build_items`)."""
        super().__init__()
        register_fonts()
        self.style = style
        name = style.fontName
        # The items to lay out; None for a fragment until it needs them (see _fragment).
        self._items: list[Item] | None = build_items(
            text, style.fontSize, bold=name in (BOLD, BOLD_ITALIC), italic=name in (ITALIC, BOLD_ITALIC), whole=whole,
        )
        self._lines: list[Line] = []
        self._laid_out_for: float | None = None
        self._first_indent = True
        self._space_before = True
        self._space_after = True

    @classmethod
    def _fragment(cls, source: ThaiParagraph, lines: list[Line], first: bool, last: bool) -> ThaiParagraph:
        part = cls.__new__(cls)
        Flowable.__init__(part)
        part.style = source.style
        # Its items are gathered from its lines only when it is laid out at another width or asked
        # for its text: a paragraph of 200 pages is split 200 times, and gathering the items of all
        # the lines left at every split was quadratic.
        part._items = None
        part._lines = lines
        part._laid_out_for = source._laid_out_for
        part._first_indent = source._first_indent and first
        part._space_before = source._space_before and first
        part._space_after = source._space_after and last
        return part

    @property
    def text(self) -> str:
        """The paragraph's text as laid out (whitespace at line breaks dropped)."""
        return "".join(item.text if not item.newline else "\n" for item in self._all_items())

    def _all_items(self) -> list[Item]:
        if self._items is None:
            lines = self._lines
            self._items = [item for index, line in enumerate(lines) for item in _line_items(line, index, lines)]
        return self._items

    @property
    def lines(self) -> list[Line]:
        """The lines of the last layout (after ``wrap``)."""
        return self._lines

    def _layout(self, width: float) -> None:
        if self._laid_out_for == width and self._lines:
            return
        style = self.style
        room = width - style.leftIndent - style.rightIndent
        first = room - (style.firstLineIndent if self._first_indent else 0)
        self._lines = break_lines(self._all_items(), [first, room])
        self._laid_out_for = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: lay the text out at ``availWidth`` points (lines broken between
        Thai words) and return (width, height) in points: the width offered, one leading per line."""
        self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """ReportLab's question at a page's foot: ``[self]`` when it fits in ``availHeight``
        points, two fragments (the lines that fit, the rest) when each keeps at least
        ``MIN_LINES_AT_BREAK`` lines, else ``[]`` (the whole paragraph moves to the next page)."""
        self._layout(availWidth)
        fits = int((availHeight + 1e-6) // self.style.leading)
        if fits >= len(self._lines):
            return [self]
        # No orphan at the foot of a page and no widow at the head of the next: at least
        # MIN_LINES_AT_BREAK lines on each side, or the paragraph moves to the next page whole.
        fits = min(fits, len(self._lines) - MIN_LINES_AT_BREAK)
        if fits < MIN_LINES_AT_BREAK:
            return []
        return [
            ThaiParagraph._fragment(self, self._lines[:fits], first=True, last=False),
            ThaiParagraph._fragment(self, self._lines[fits:], first=False, last=True),
        ]

    def getSpaceBefore(self) -> float:
        """The style's space before, in points; none for the second fragment of a split paragraph."""
        return float(self.style.spaceBefore) if self._space_before else 0.0

    def getSpaceAfter(self) -> float:
        """The style's space after, in points; none for the first fragment of a split paragraph."""
        return float(self.style.spaceAfter) if self._space_after else 0.0

    def draw(self) -> None:
        """ReportLab's call: draw the laid-out lines (aligned or justified as the style says) with
        the shaped glyphs on ``self.canv``, with ``/ActualText`` where the glyphs alone would not
        give the same Thai back when the PDF's text is copied."""
        style = self.style
        canvas = self.canv
        leading = style.leading
        drop = _baseline_drop(style.fontName, style.fontSize, leading)
        placed: list[tuple[Line, float, float, float]] = []
        for index, line in enumerate(self._lines):
            indent = style.leftIndent + (style.firstLineIndent if index == 0 and self._first_indent else 0)
            room = self.width - indent - style.rightIndent
            slack = max(room - line.width, 0.0)
            x, extra = indent, 0.0
            if style.alignment == TA_CENTER:
                x += slack / 2
            elif style.alignment == TA_RIGHT:
                x += slack
            elif style.alignment == TA_JUSTIFY and not line.last:
                spaces = sum(1 for item in line.items if item.space)
                extra = slack / spaces if spaces else 0.0
            placed.append((line, x, self.height - index * leading - drop, extra))
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        draw_lines(canvas, placed)
        canvas.restoreState()

    def __repr__(self) -> str:
        return f"ThaiParagraph({self.text[:40]!r}…)"


def _line_items(line: Line, index: int, lines: list[Line]) -> list[Item]:
    """A line's items for a fragment, with a newline item where the line was ended by one."""
    items = list(line.items) + line.trailing
    if line.last and index < len(lines) - 1:
        items.append(Item((), 0.0, space=True, newline=True))
    return items


def draw_text(
    canvas: Any, text: str, x: float, y: float, *, font_name: str = "Sarabun", size: float = 12, align: str = "left"
) -> float:
    """Draw one line of Thai text with its baseline at ``y`` (no wrapping), shaped and extractable
    like a paragraph: for page numbers, headers and chart labels. ``align`` is left, centre or right
    of ``x``. Returns the text's width."""
    register_fonts()
    bold = font_name in (BOLD, BOLD_ITALIC)
    italic = font_name in (ITALIC, BOLD_ITALIC)
    items = build_items(text, size, bold=bold, italic=italic)
    line = Line(items=[item for item in items if not item.newline], last=True)
    line.width = sum(item.width for item in line.items)
    if align in ("centre", "center"):
        x -= line.width / 2
    elif align == "right":
        x -= line.width
    draw_lines(canvas, [(line, x, y, 0.0)])
    return line.width
