"""Turning text into shaped, measured items and breaking them into lines (no drawing here).

An *item* is either an unbreakable word (one or more shaped pieces: a word may change from regular to
bold half-way) or a run of real whitespace (a break opportunity). Lines break greedily: as many items
as fit, breaking only between words (the segmentation decides where a word ends) or at whitespace,
which is dropped at the break. Only a word longer than a whole line is ever cut, and then between
syllables or at the / _ - . of a file name where one fits, else between character clusters: never
inside a cluster.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Collection, Sequence

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


def _kept_whole(pieces: Sequence[str], plain: str, whole: Collection[str]) -> list[str]:
    """``pieces`` (the units of ``plain``) with those inside one occurrence of a name in ``whole``
    joined into one unit: a line never breaks inside a name. Longest names first, occurrences not
    overlapping; a name whose edges fall inside a word (a district named inside a longer word) joins
    the units it touches too."""
    spans: list[tuple[int, int]] = []
    taken = [False] * len(plain)
    for name in sorted({n for n in whole if n}, key=len, reverse=True):
        start = plain.find(name)
        while start != -1:
            end = start + len(name)
            if not any(taken[start:end]):
                spans.append((start, end))
                taken[start:end] = [True] * len(name)
            start = plain.find(name, end)
    if not spans:
        return list(pieces)
    inside = [False] * (len(plain) + 1)  # offset i lies strictly inside a name: no break there
    for start, end in spans:
        for offset in range(start + 1, end):
            inside[offset] = True
    out: list[str] = []
    offset = 0
    for piece in pieces:
        if out and inside[offset] and out[-1] != "\n" and piece != "\n":
            out[-1] += piece
        else:
            out.append(piece)
        offset += len(piece)
    return out


def build_items(text: str | Sequence[Run], size: float, *, bold: bool = False, italic: bool = False,
                whole: Collection[str] = ()) -> list[Item]:
    """Segment, glue and shape ``text`` into items. Every occurrence of a string in ``whole``
    (names of places, schools and offices: "สามเงา", "สพป.ตาก เขต ๑") stays one unbreakable item,
    its spaces included: the dictionary reads อำเภอสามเงา as สาม|เงา (TEST31 T10)."""
    runs = _runs(text, bold, italic)
    plain = "".join(run.text for run in runs)
    # Font of every character, to cut units where the weight changes.
    fonts: list[str] = []
    for run in runs:
        fonts.extend([font_name(bold=run.bold, italic=run.italic)] * len(run.text))
    items: list[Item] = []
    offset = 0
    pieces_of_text = segment.units(plain)
    for unit in (_kept_whole(pieces_of_text, plain, whole) if whole else pieces_of_text):
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


# How much narrower (1/1000 em) a chunk shaped alone may be than the same stretch of the word shaped
# whole (kerning and contextual forms at its two edges): a stretch estimated wider than the line by
# more than this is taken not to fit without shaping it.
_EDGE_SLACK = 500.0


_WORDS_AND_SPACES = re.compile(r"\s+|\S+")


def _stretch(item: Item, runs: list[tuple[int, str]], start: int, stop: int) -> Item:
    """``item``'s text from ``start`` to ``stop`` shaped alone, in its faces (``runs``: :func:`_font_runs`)."""
    text, end = item.text, len(item.text)
    pieces: list[ShapedToken] = []
    index = bisect_right(runs, (start, "\uffff")) - 1
    while start < stop:
        run_end = runs[index + 1][0] if index + 1 < len(runs) else end
        piece_end = min(run_end, stop)
        pieces.append(shape(text[start:piece_end], runs[index][1]))
        start, index = piece_end, index + 1
    return Item(tuple(pieces), item.size)


def _split_at_spaces(item: Item) -> list[Item]:
    """A unit holding spaces (a number with its word, a date, a name kept whole) as its words and
    spaces, for a line too narrow for all of it: it breaks at its spaces first, as it would have
    without being kept whole. Never before a mark, ๆ or closing punctuation that segment glued
    across a space. ``[item]`` when it has no space to break at."""
    text = item.text
    if not any(char.isspace() for char in text):
        return [item]
    parts: list[tuple[int, int]] = []
    for match in _WORDS_AND_SPACES.finditer(text):
        a, b = match.span()
        if len(parts) >= 2 and not text[a].isspace() and not segment.may_start_line(text[a]):
            parts[-2:] = [(parts[-2][0], b)]
        else:
            parts.append((a, b))
    if len(parts) < 2:
        return [item]
    runs = _font_runs(item)
    return [Item(_stretch(item, runs, a, b).pieces, item.size, space=text[a].isspace()) for a, b in parts]


def _cut_word(item: Item, width: float) -> list[Item]:
    """Cut an over-long word into chunks no wider than ``width``: each chunk as long as fits and
    ending between two words of a compound (or after / _ -, before a file extension), else at a
    sensible point (between syllables) or, where no sensible point fits, at the last cluster
    boundary that does (see :func:`segment.cut_points`).
    A single cluster wider than ``width`` becomes a chunk of its own (it overflows).

    Linear in the word's length, whatever it is (a letter typed 200,000 times has no sensible point
    at all): where each chunk ends is estimated from the advances of the word as already shaped,
    then that chunk alone is shaped to check it (a chunk shaped alone may differ slightly at its
    edges), the point after it too, and only where the estimate was off are more chunks tried."""
    text = item.text
    words, sensible, clusters = segment.cut_points(text)
    end = len(text)
    runs = _font_runs(item)
    offsets, pens = _advances(item)
    room = width * 1000.0 / item.size  # in 1/1000 em, the unit of the advances

    def pen_at(offset: int) -> float:
        return pens[bisect_right(offsets, offset) - 1]

    def chunk(start: int, stop: int) -> Item:
        return _stretch(item, runs, start, stop)

    parts = _split_at_spaces(item)
    if len(parts) > 1:
        return parts

    def longest(start: int, points: list[int], points_pen: list[float]) -> Item | None:
        first = bisect_right(points, start)
        origin = pen_at(start)
        tried: dict[int, Item | None] = {}

        def fits(index: int) -> bool:
            if points_pen[index] - origin > room + _EDGE_SLACK:
                return False  # far too wide: not worth shaping (it could be the whole rest)
            if index not in tried:
                candidate = chunk(start, points[index])
                tried[index] = candidate if candidate.width <= width + 1e-6 else None
            return tried[index] is not None

        guess = max(first, bisect_right(points_pen, origin + room, first) - 1)
        best = _last_true(first, len(points), guess, fits)
        return None if best is None else tried[best]

    with_end = [list(words) + [end], list(sensible) + [end], list(clusters) + [end]]
    with_pen = [[pen_at(point) for point in points] for points in with_end]
    chunks: list[Item] = []
    start = 0
    while start < end:
        found = (longest(start, with_end[0], with_pen[0]) or longest(start, with_end[1], with_pen[1])
                 or longest(start, with_end[2], with_pen[2]))
        if found is None:  # one cluster wider than the line
            found = chunk(start, with_end[1][bisect_right(with_end[1], start)])
        chunks.append(found)
        start += len(found.text)
    return chunks


def _last_true(low: int, high: int, guess: int, test: Callable[[int], bool]) -> int | None:
    """The largest index in ``[low, high)`` for which ``test`` holds, ``test`` being true up to some
    index and false after it; ``None`` when it holds for none. Starts at ``guess`` and gallops
    from there, so a right guess costs two tests and a guess *d* off about 2·log₂ *d*."""
    if test(guess):
        good, step = guess, 1
        while good + step < high and test(good + step):
            good, step = good + step, step * 2
        bad = min(good + step, high)
    else:
        bad, step = guess, 1
        while bad - step >= low and not test(bad - step):
            bad, step = bad - step, step * 2
        if bad - step < low:
            if bad == low:
                return None
            good = low - 1
        else:
            good = bad - step
    # test(good) holds (or good is below low), test(bad) fails (or bad is high): bisect between.
    while bad - good > 1:
        middle = (good + bad) // 2
        if test(middle):
            good = middle
        else:
            bad = middle
    return good if good >= low else None


def _font_runs(item: Item) -> list[tuple[int, str]]:
    """Where each face starts in ``item``'s text: (offset, font name), ascending."""
    runs: list[tuple[int, str]] = []
    offset = 0
    for piece in item.pieces:
        if not runs or runs[-1][1] != piece.font_name:
            runs.append((offset, piece.font_name))
        offset += len(piece.text)
    return runs


def _advances(item: Item) -> tuple[list[int], list[float]]:
    """Where the pen stands (1/1000 em) after each of ``item``'s shaped clusters: offsets into the
    text and pen positions, both ascending, starting at (0, 0)."""
    offsets, pens = [0], [0.0]
    offset, origin = 0, 0.0
    for piece in item.pieces:
        for cluster in piece.clusters:
            offset += len(cluster.text)
            offsets.append(offset)
            pens.append(origin + cluster.end)
        origin += piece.advance
    return offsets, pens


def break_lines(items: Sequence[Item], widths: Sequence[float]) -> list[Line]:
    """Greedy line breaking. ``widths[i]`` is the room on line ``i`` (the last value repeats)."""

    def room(index: int) -> float:
        return widths[min(index, len(widths) - 1)]

    lines: list[Line] = []
    line = Line()
    pending: list[Item] = []  # whitespace seen since the last word on this line
    source = iter(items)
    # The chunks of a word cut because it is wider than the line, still to be placed.
    chunks: deque[Item] = deque()
    while True:
        item = chunks.popleft() if chunks else next(source, None)
        if item is None:
            break
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
        if line.items and item.width > room(len(lines) + 1) + 1e-6:
            # Too wide for the next line too: a unit holding spaces breaks at them here, so its
            # first words may still end this line (ประจำ|ปีงบประมาณ ๒๕๗๐ as ประจำปีงบประมาณ / ๒๕๗๐).
            parts = _split_at_spaces(item)
            if len(parts) > 1:
                chunks.extendleft(reversed(parts))
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
            cut = _cut_word(item, available)
            if len(cut) > 1:
                chunks.extendleft(reversed(cut))
            else:  # a single cluster wider than the line: let it overflow rather than loop
                line.items.append(item)
                line.width = item.width
    if line.items or not lines:
        lines.append(line)
    lines[-1].last = True
    return lines
