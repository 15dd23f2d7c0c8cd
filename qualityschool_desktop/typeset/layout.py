"""Turning text into shaped, measured items and breaking them into lines (no drawing here).

An *item* is either an unbreakable word (one or more shaped pieces: a word may change from regular to
bold half-way) or a run of real whitespace (a break opportunity). Lines break greedily: as many items
as fit, breaking only between words (the segmentation decides where a word ends) or at whitespace,
which is dropped at the break. Only a word longer than a whole line is ever cut, and then between
syllables or at the / _ - . of a file name where one fits, else between character clusters: never
inside a cluster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..text import strip_control_characters
from . import segment
from .fonts import font_name
from .shaping import ShapedToken, shape


@dataclass(frozen=True)
class Run:
    """A stretch of text in one weight and slant (for bold words inside a paragraph)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Item:
    """A word (``space`` false) or whitespace (``space`` true), shaped at ``size`` points."""

    pieces: tuple[ShapedToken, ...]
    size: float
    space: bool = False
    newline: bool = False

    @property
    def text(self) -> str:
        """The characters the item prints."""
        return "".join(piece.text for piece in self.pieces)

    @property
    def width(self) -> float:
        """The item's advance width in points at its size."""
        return sum(piece.advance for piece in self.pieces) * self.size / 1000.0


@dataclass
class Line:
    """One laid-out line: its items (words and the spaces between), its natural ``width`` in
    points, whether it ends a paragraph or a forced break (``last``), and the whitespace dropped at
    its break (``trailing``)."""

    items: list[Item] = field(default_factory=list)
    width: float = 0.0
    # The last line of a paragraph, or one ended by a newline: never stretched when justifying.
    last: bool = False
    # Whitespace dropped at the break after this line: kept so a page-split fragment laid out again
    # at another width still has its spaces.
    trailing: list[Item] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The characters the line prints (the whitespace dropped at its break left out)."""
        return "".join(item.text for item in self.items)


def _printable(text: str) -> str:
    """Text an older version stored with control characters in it: the fonts have no glyph for
    them (a box would print), so line breaks of every kind become newlines, a tab a space, and the
    rest go (as :func:`~qualityschool_desktop.text.clean_text` does to new text)."""
    return strip_control_characters(text).replace("\t", " ")


def _runs(text: str | Sequence[Run], bold: bool, italic: bool) -> list[Run]:
    if isinstance(text, str):
        return [Run(_printable(text), bold, italic)]
    runs = [Run(_printable(run.text), run.bold or bold, run.italic or italic) for run in text]
    return [run for run in runs if run.text]


def build_items(text: str | Sequence[Run], size: float, *, bold: bool = False, italic: bool = False) -> list[Item]:
    """Segment, glue and shape ``text`` into items."""
    runs = _runs(text, bold, italic)
    plain = "".join(run.text for run in runs)
    # Font of every character, to cut units where the weight changes.
    fonts: list[str] = []
    for run in runs:
        fonts.extend([font_name(bold=run.bold, italic=run.italic)] * len(run.text))
    items: list[Item] = []
    offset = 0
    for unit in segment.units(plain):
        end = offset + len(unit)
        if unit == "\n":
            items.append(Item((), size, space=True, newline=True))
        else:
            pieces: list[ShapedToken] = []
            start = offset
            for index in range(offset + 1, end + 1):
                if index == end or fonts[index] != fonts[start]:
                    pieces.append(shape(plain[start:index], fonts[start]))
                    start = index
            items.append(Item(tuple(pieces), size, space=unit.isspace()))
        offset = end
    return items


def _cut_word(item: Item, width: float) -> list[Item]:
    """Cut an over-long word into chunks no wider than ``width``: each chunk as long as fits and
    ending at a sensible point (between syllables, after / _ -, before a file extension) or, where no
    sensible point fits, at the last cluster boundary that does (see :func:`segment.cut_points`).
    A single cluster wider than ``width`` becomes a chunk of its own (it overflows)."""
    text = item.text
    fonts = [piece.font_name for piece in item.pieces for _char in piece.text]
    sensible, clusters = segment.cut_points(text)
    end = len(text)

    def chunk(start: int, stop: int) -> Item:
        pieces: list[ShapedToken] = []
        run = start
        for index in range(start + 1, stop + 1):
            if index == stop or fonts[index] != fonts[run]:
                pieces.append(shape(text[run:index], fonts[run]))
                run = index
        return Item(tuple(pieces), item.size)

    def longest(start: int, points: Sequence[int]) -> Item | None:
        best = None
        for point in [p for p in points if p > start] + [end]:
            candidate = chunk(start, point)
            if candidate.width > width + 1e-6:
                break
            best = candidate
        return best

    chunks: list[Item] = []
    start = 0
    while start < end:
        found = longest(start, sensible) or longest(start, clusters)
        if found is None:  # one cluster wider than the line
            found = chunk(start, next((p for p in clusters if p > start), end))
        chunks.append(found)
        start += len(found.text)
    return chunks


def break_lines(items: Sequence[Item], widths: Sequence[float]) -> list[Line]:
    """Greedy line breaking. ``widths[i]`` is the room on line ``i`` (the last value repeats)."""

    def room(index: int) -> float:
        return widths[min(index, len(widths) - 1)]

    lines: list[Line] = []
    line = Line()
    pending: list[Item] = []  # whitespace seen since the last word on this line
    queue = list(items)
    position = 0
    while position < len(queue):
        item = queue[position]
        position += 1
        if item.newline:
            line.last = True
            lines.append(line)
            line, pending = Line(), []
            continue
        if item.space:
            if line.items:  # whitespace at the start of a broken line is dropped
                pending.append(item)
            continue
        gap = sum(space.width for space in pending)
        available = room(len(lines))
        if line.width + gap + item.width <= available + 1e-6:
            line.items.extend(pending)
            line.items.append(item)
            line.width += gap + item.width
            pending = []
            continue
        if line.items:
            line.trailing = pending
            lines.append(line)
            line, pending = Line(), []
            available = room(len(lines))
        if item.width <= available + 1e-6:
            line.items.append(item)
            line.width = item.width
        else:
            chunks = _cut_word(item, available)
            if len(chunks) > 1:
                queue[position:position] = chunks
            else:  # a single cluster wider than the line: let it overflow rather than loop
                line.items.append(item)
                line.width = item.width
    if line.items or not lines:
        lines.append(line)
    lines[-1].last = True
    return lines
