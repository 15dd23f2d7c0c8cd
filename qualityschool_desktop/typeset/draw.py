"""Writing shaped lines into a PDF page as text operators.

Every glyph is placed explicitly where HarfBuzz put it (TJ adjustments for x, text rise for y), so
what prints is exactly the shaped result. Clusters whose glyphs do not spell their text — a tone
mark swapped for its lowered or narrow form, ำ decomposed into ํ and ้ — are wrapped in
``/Span <</ActualText …>> BDC … EMC`` so copying or ``pdftotext`` gives back the Thai that was
written. Spans cover one cluster (a base letter and its marks), never a whole word: MuPDF
mis-places text for spans over a whole word.

Poppler measures an /ActualText span from its first glyph's origin to its last glyph's end. When
the last glyph is a tone mark shifted left over a tall consonant (ปั้น), the span ends short of the
next letter and pdftotext inserts a false space ("ปั้ น"). So the last glyph of such a span gets
character spacing (Tc) exactly up to the cluster's end (negative when a mark overhangs it):
nothing moves on the page, but every extractor sees the span end where the next letter begins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence
from weakref import WeakKeyDictionary

from reportlab.pdfgen.canvas import Canvas

from .fonts import face
from .layout import Line
from .shaping import ShapedToken


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class _TextWriter:
    """Accumulates the operators of one BT … ET block."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.doc = canvas._doc
        self.ops: list[str] = ["BT"]
        self.array: list[str] = []
        self.font_key: tuple[str, int, float] | None = None
        self.pen = 0.0  # x of the pen in points, relative to the line origin
        self.rise = 0.0
        self.spacing = 0.0  # Tc in force
        self.size = 0.0

    def flush(self) -> None:
        if self.array:
            self.ops.append("[" + " ".join(self.array) + "] TJ")
            self.array = []

    def start_line(self, x: float, y: float) -> None:
        self.flush()
        self.ops.append(f"1 0 0 1 {_num(x)} {_num(y)} Tm")
        self.pen = 0.0

    def begin_span(self, text: str) -> None:
        self.flush()
        self.ops.append(f"/Span <</ActualText {_actual_text(text)}>> BDC")

    def end_span(self) -> None:
        self.flush()
        if self.spacing:
            # Back to 0 *before* EMC: Poppler subtracts the Tc in force at EMC from the span's width.
            self.ops.append("0 Tc")
            self.spacing = 0.0
        self.ops.append("EMC")

    def glyph(
        self, font_name: str, subset: int, code: int, x: float, y: float, width: float, size: float,
        spacing: float = 0.0,
    ) -> None:
        """Draw glyph ``code`` of ``subset`` with its origin at (x, y) points from the line origin;
        ``width`` is its /Widths entry (1/1000 em), by which the viewer advances the pen, plus
        ``spacing`` points of character spacing."""
        key = (font_name, subset, size)
        if key != self.font_key:
            self.flush()
            internal = face(font_name).font.getSubsetInternalName(subset, self.doc)
            self.ops.append(f"{internal} {_num(size)} Tf")
            self.font_key = key
            self.size = size
        if abs(y - self.rise) > 1e-6:
            self.flush()
            self.ops.append(f"{_num(y)} Ts")
            self.rise = y
        if abs(spacing - self.spacing) > 1e-6:
            self.flush()
            self.ops.append(f"{_num(spacing)} Tc")
            self.spacing = spacing
        shift = (self.pen - x) * 1000.0 / size
        if abs(shift) > 1e-3:
            self.array.append(_num(shift))
        self.array.append(f"<{code:02X}>")
        self.pen = x + width * size / 1000.0 + spacing

    def replay(self, fragment: _Fragment, x: float) -> None:
        """Draw a recorded token with its origin at ``x`` points from the line origin."""
        if fragment.font_key != self.font_key:
            self.flush()
            name, subset, size = fragment.font_key
            internal = face(name).font.getSubsetInternalName(subset, self.doc)
            self.ops.append(f"{internal} {_num(size)} Tf")
            self.size = size
        shift = (self.pen - x) * 1000.0 / self.size
        if abs(shift) > 1e-3:
            self.array.append(_num(shift))
        for kind, text in fragment.parts:
            if kind == "e":
                self.array.append(text)
            else:
                self.flush()
                self.ops.append(text)
        self.font_key = fragment.end_font_key
        self.size = fragment.end_font_key[2]
        self.pen = x + fragment.pen_end

    def finish(self) -> None:
        self.flush()
        self.ops.append("ET")
        self.canvas._code.append("\n".join(self.ops))


@dataclass(frozen=True)
class _Fragment:
    """A token's operators, recorded once per document and replayed wherever the token occurs.

    ``parts`` are ("e", TJ elements) or ("o", an operator that closes the TJ array). Recorded from a
    pen at the token's origin with no rise and no character spacing, and left that way at its end;
    ``font_key`` is the Tf the first glyph needs, ``end_font_key`` the one in force at the end."""

    font_key: tuple[str, int, float]
    end_font_key: tuple[str, int, float]
    parts: tuple[tuple[str, str], ...]
    advance: float  # points: where the next token starts
    pen_end: float  # points: where a viewer's pen stands after the last glyph (its /Widths + Tc)


_fragments: WeakKeyDictionary[Any, dict[tuple[ShapedToken, float], _Fragment]] = WeakKeyDictionary()


def _record(canvas: Canvas, piece: ShapedToken, size: float) -> _Fragment:
    chars = "".join(g.char for c in piece.clusters for g in c.glyphs)
    codes = [
        (subset, byte)
        for subset, data in face(piece.font_name).font.splitString(chars, canvas._doc)
        for byte in data
    ]
    writer = _TextWriter(canvas)
    first_key = (piece.font_name, codes[0][0] if codes else 0, size)
    writer.font_key = first_key
    writer.size = size
    writer.ops = []
    index = 0
    for cluster in piece.clusters:
        if cluster.actual_text:
            writer.begin_span(cluster.text)
        last = len(cluster.glyphs) - 1
        for number, glyph in enumerate(cluster.glyphs):
            subset, code = codes[index]
            index += 1
            spacing = 0.0
            if cluster.actual_text and number == last:
                spacing = (cluster.end - glyph.x - glyph.width) * size / 1000.0
            writer.glyph(
                piece.font_name, subset, code, glyph.x * size / 1000.0, glyph.y * size / 1000.0,
                glyph.width, size, spacing,
            )
        if cluster.actual_text:
            writer.end_span()
    if writer.rise:
        writer.flush()
        writer.ops.append("0 Ts")
    parts = [("o", op) for op in writer.ops]
    if writer.array:
        parts.append(("e", " ".join(writer.array)))
    # Operators were recorded flushed: turn "[…] TJ" back into elements so replays can merge them.
    merged: list[tuple[str, str]] = []
    for kind, text in parts:
        if kind == "o" and text.startswith("[") and text.endswith("] TJ"):
            merged.append(("e", text[1:-4]))
        else:
            merged.append((kind, text))
    assert writer.font_key is not None
    return _Fragment(first_key, writer.font_key, tuple(merged), piece.advance * size / 1000.0, writer.pen)


def draw_lines(canvas: Canvas, lines: Sequence[tuple[Line, float, float, float]]) -> None:
    """Draw each (line, x, y, extra_per_space) with the canvas's current fill colour.

    ``extra_per_space`` widens every whitespace item (justification)."""
    doc = canvas._doc
    cache = _fragments.get(doc)
    if cache is None:
        cache = _fragments[doc] = {}
    writer = _TextWriter(canvas)
    for line, x, y, extra in lines:
        if not line.items:
            continue
        writer.start_line(x, y)
        pen = 0.0
        for item in line.items:
            size = item.size
            for piece in item.pieces:
                key = (piece, size)
                fragment = cache.get(key)
                if fragment is None:
                    fragment = cache[key] = _record(canvas, piece, size)
                writer.replay(fragment, pen)
                pen += fragment.advance
            if item.space:
                pen += extra
    writer.finish()
