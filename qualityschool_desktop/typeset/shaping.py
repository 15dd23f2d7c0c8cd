"""HarfBuzz shaping of one token with the very font file the PDF embeds.

A shaped token is a tuple of glyphs with positions in thousandths of an em (the unit of PDF glyph
widths), independent of the point size, so one cache entry serves every size. Each glyph also carries
the character ReportLab will encode it by: the glyph's own Unicode character when it has one, or a
private-use code point we map to the glyph when shaping substituted a glyph that has none (such as a
tone mark lowered or shifted to sit beside an upper vowel). Those private code points never reach a
reader: every cluster whose glyphs do not spell its text is wrapped in /ActualText when drawn, and
the embedded font's /ToUnicode maps each code to the text its glyph stands for (:func:`_readings`)
for readers that ignore /ActualText (MuPDF 1.21, the MuPDF inside SumatraPDF).

One change to HarfBuzz's glyphs: it draws ำ as nikhahit and sara aa, and a reader without
/ActualText cannot read two glyphs as the one character. Where no tone mark sits on it, the pair is
drawn as the font's own sara am glyph, which is the same two shapes (:func:`_join_sara_am`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from .cache import text_cache
from .fonts import face

# Kerning and standard ligatures, as a word processor does; no discretionary ligatures in reports.
FEATURES = {"kern": True, "liga": True}
_PRIVATE_START = 0xE000
_PRIVATE_END = 0xF8FF
_private_lock = threading.Lock()
# The shape cache holds at most this many characters in all (a shaped character costs about 0.6 KB):
# bounded by characters, not entries, so a few long texts cannot fill the memory.
CACHE_CHARACTERS = 100_000
# How far HarfBuzz may have moved ำ's nikhahit from where the font's sara am glyph has it (1/1000 em)
# for the pair to be drawn as that glyph. Sarabun nudges it after some consonants, by 0.01 em mostly,
# 0.022 em after ร and 0.04 em after ษ in bold (about a pixel at 16 pt and 150 dpi): all within this.
# The narrow nikhahit beside the stem of ป ฝ ฟ is another glyph and is never joined.
SARA_AM_SHIFT = 50
# Outlines of sara am and of nikhahit + sara aa that differ by at most this much are the same drawing.
SARA_AM_SAME = 2.0
# A longer text is shaped every time and never cached: only a word longer than a line is, and it is
# cut into lines (whose chunks are cached) once per layout.
CACHE_LONGEST = 1_000


@dataclass(frozen=True)
class Glyph:
    """One drawn glyph. ``x``/``y`` are offsets from the token's origin, ``advance`` is how far
    HarfBuzz moves the pen, ``width`` is the glyph's width as the PDF's /Widths will state it
    (viewers move their pen by it); all in 1/1000 em."""

    gid: int
    char: str
    x: float
    y: float
    advance: float
    width: float


@dataclass(frozen=True)
class Cluster:
    """A base letter with its marks: the text it stands for and the glyphs that draw it.
    ``actual_text`` is true when extraction needs /ActualText to give the text back: the glyphs'
    characters do not spell the text, or a mark does not sit over its base."""

    text: str
    glyphs: tuple[Glyph, ...]
    actual_text: bool
    end: float  # where the pen stands after the cluster, from the token's origin (1/1000 em)


@dataclass(frozen=True)
class ShapedToken:
    """A run of text shaped by HarfBuzz in one face: its clusters of glyphs and its ``advance``
    (width in 1/1000 em; :meth:`width` in points)."""

    text: str
    font_name: str
    clusters: tuple[Cluster, ...]
    advance: float  # 1/1000 em

    def width(self, size: float) -> float:
        """The token's width in points at ``size``."""
        return self.advance * size / 1000.0


class _FaceShaper:
    """HarfBuzz font plus the glyph ↔ character maps of one registered face."""

    def __init__(self, font_name: str) -> None:
        registered = face(font_name)
        self.font = registered.font
        self.hb_font = hb.Font(self.font.hbFace)
        self.scale = 1000.0 / self.font.face.unitsPerEm
        self.lock = threading.Lock()
        self.private: dict[tuple[int, str], str] = {}  # (glyph, text it reads as) → private character
        self.sara_am = self._sara_am_glyphs()

    def contours(self, gid: int) -> tuple[tuple[tuple[float, float], ...], ...]:
        """Glyph ``gid`` as closed polygons in 1/1000 em (see :func:`outline`)."""
        pen = _OutlinePen(self.scale)
        with self.lock:
            self.hb_font.draw_glyph_with_pen(gid, pen)
        pen.closePath()
        return tuple(pen.contours)

    def _sara_am_glyphs(self) -> tuple[int, int, int] | None:
        """(nikhahit, sara aa, sara am) glyph ids when the font's sara am glyph is nikhahit and sara
        aa drawn at one origin with sara aa's width (Sarabun's is), else None: then ำ stays as
        HarfBuzz draws it."""
        cmap, widths = self.font.face.charToGlyph, self.font.face.charWidths
        gids = [cmap.get(code) for code in (0x0E4D, 0x0E32, 0x0E33)]
        if None in gids or widths.get(0x0E32) != widths.get(0x0E33):
            return None
        nikhahit, aa, am = (int(gid) for gid in gids if gid is not None)
        joined = sorted(self.contours(nikhahit) + self.contours(aa), key=min)
        own = sorted(self.contours(am), key=min)
        same = len(joined) == len(own) and all(
            len(a) == len(b) and all(abs(p[0] - q[0]) <= SARA_AM_SAME and abs(p[1] - q[1]) <= SARA_AM_SAME
                                     for p, q in zip(a, b))
            for a, b in zip(joined, own)
        )
        return (nikhahit, aa, am) if same else None

    def own_char(self, gid: int) -> str | None:
        """The character the font's cmap maps to glyph ``gid``, if any."""
        chars = self.font.face.glyphToChar.get(gid)
        return chr(chars[0]) if chars else None

    def name_text(self, gid: int) -> str:
        """The text glyph ``gid`` draws, read from its name: "uni0E49.small" → "้",
        "uni0E4D0E48" → "ํ่"; empty when the name says nothing (see :func:`glyph_name_text`)."""
        return glyph_name_text(self.hb_font.glyph_to_string(gid))

    def char_for(self, gid: int, advance: float, text: str | None = None) -> str:
        """The character ReportLab encodes glyph ``gid`` by. That is the glyph's own character when
        the font's cmap has one and ``text`` (what the glyph reads as here; by default what its name
        says) is that character; otherwise a private-use code point kept for this glyph and text,
        which the embedded font's /ToUnicode maps to the text."""
        own = self.own_char(gid)
        if text is None:
            if own is not None:
                return own
            text = self.name_text(gid)
        elif text == own:
            return own
        with _private_lock:
            char = self.private.get((gid, text))
            if char is not None:
                return char
            ttf_face = self.font.face
            code = _PRIVATE_START
            while code in ttf_face.charToGlyph:
                code += 1
            if code > _PRIVATE_END:
                raise ValueError("the font has run out of private-use code points")
            ttf_face.charToGlyph[code] = gid
            # /Widths must state the glyph's own advance, as for any other glyph.
            ttf_face.charWidths[code] = ttf_face.charWidths[ord(own)] if own is not None else advance
            if text:
                self.font.private_text[code] = text
            char = self.private[(gid, text)] = chr(code)
            return char


_NAME_HEX = re.compile(r"(?:uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6}))")


def glyph_name_text(name: str) -> str:
    """The characters a glyph name stands for by the Adobe Glyph List's rule for production names:
    the part before the first dot, "uniXXXX…" (one or more groups of four hex digits) or "uXXXX[XX]",
    with components joined by "_". Empty for any other name."""
    text = []
    for component in name.split(".", 1)[0].split("_"):
        found = _NAME_HEX.fullmatch(component)
        if found is None:
            return ""
        digits = found.group(1) or found.group(2)
        step = 4 if found.group(1) else len(digits)
        codes = [int(digits[i:i + step], 16) for i in range(0, len(digits), step)]
        if any(0xD800 <= code <= 0xDFFF or code > 0x10FFFF for code in codes):
            return ""
        text += [chr(code) for code in codes]
    return "".join(text)


@lru_cache(maxsize=16)
def _shaper(font_name: str) -> _FaceShaper:
    return _FaceShaper(font_name)


def hb_glyphs(text: str, font_name: str) -> list[tuple[int, int, float, float, float]]:
    """Raw HarfBuzz output for ``text``: (gid, cluster, x_advance, x_offset, y_offset) in 1/1000 em.
    The PDF draws these glyphs, but for ำ with no tone mark (:func:`_join_sara_am`)."""
    shaper = _shaper(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    with shaper.lock:
        hb.shape(shaper.hb_font, buf, FEATURES)
    k = shaper.scale
    return [
        (info.codepoint, info.cluster, pos.x_advance * k, pos.x_offset * k, pos.y_offset * k)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions)
    ]


class _OutlinePen:
    """Collects a glyph's contours from HarfBuzz's drawing calls (fontTools' pen protocol), each
    curve flattened into :data:`CURVE_PIECES` straight pieces."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.contours: list[tuple[tuple[float, float], ...]] = []
        self.points: list[tuple[float, float]] = []

    def moveTo(self, point: tuple[float, float]) -> None:  # noqa: N802 — the pen protocol's names
        self.closePath()
        self.points = [point]

    def lineTo(self, point: tuple[float, float]) -> None:  # noqa: N802
        self.points.append(point)

    def qCurveTo(self, *points: tuple[float, float]) -> None:  # noqa: N802
        (x0, y0), (cx, cy), (x1, y1) = self.points[-1], points[0], points[-1]
        for step in range(1, CURVE_PIECES + 1):
            t = step / CURVE_PIECES
            u = 1 - t
            self.points.append((u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1))

    def curveTo(self, *points: tuple[float, float]) -> None:  # noqa: N802
        (x0, y0), (ax, ay), (bx, by), (x1, y1) = self.points[-1], points[0], points[1], points[-1]
        for step in range(1, CURVE_PIECES + 1):
            t = step / CURVE_PIECES
            u = 1 - t
            self.points.append((u ** 3 * x0 + 3 * u * u * t * ax + 3 * u * t * t * bx + t ** 3 * x1,
                                u ** 3 * y0 + 3 * u * u * t * ay + 3 * u * t * t * by + t ** 3 * y1))

    def closePath(self) -> None:  # noqa: N802
        if len(self.points) > 2:
            self.contours.append(tuple((x * self.scale, y * self.scale) for x, y in self.points))
        self.points = []

    endPath = closePath  # noqa: N815


# Pieces per curve: a Sarabun curve is at most about a third of an em, 15 px at 11 pt and 300 dpi,
# so each piece is a pixel or two long.
CURVE_PIECES = 8


@lru_cache(maxsize=2048)
def outline(gid: int, font_name: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Glyph ``gid`` of the face ``font_name`` as closed polygons: (x, y) points in 1/1000 em from
    the glyph's origin, y up, curves flattened; an empty tuple for a glyph with no ink (a space).
    Filled even-odd they draw the glyph (the fonts' contours do not overlap). For pictures drawn
    without a shaping rasteriser (the Word copy's charts, :mod:`..reports.summary.glyph_text`)."""
    return _shaper(font_name).contours(gid)


def _join_sara_am(
    shaper: _FaceShaper, text: str, raw: list[tuple[int, int, float, float, float]]
) -> list[tuple[int, int, float, float, float]]:
    """``raw`` (HarfBuzz's glyphs for ``text``) with each ำ that HarfBuzz drew as nikhahit and sara
    aa drawn as the font's sara am glyph, in sara aa's place and with its advance.

    Each drawn glyph reads as at least one character in a reader that ignores /ActualText (MuPDF
    1.21), so the pair read "ํา" and a search for "สำนักงาน" in the copied text found nothing. The
    font's sara am is the same drawing (checked once per face, :meth:`_FaceShaper._sara_am_glyphs`).
    Left as they are: a tone mark on ำ (น้ำ: HarfBuzz joins it with the nikhahit, and the
    pair reads right, :func:`_readings`); the narrow nikhahit beside the stem of ป ฝ ฟ, which sara
    am's nikhahit would hit; a nikhahit moved more than ``SARA_AM_SHIFT``; ํ and า typed apart."""
    if shaper.sara_am is None or "\u0e33" not in text:
        return raw
    nikhahit, aa, am = shaper.sara_am
    starts = sorted({cluster for _gid, cluster, _advance, _x, _y in raw})
    ends = dict(zip(starts, starts[1:] + [len(text)]))
    out: list[tuple[int, int, float, float, float]] = []
    for glyph in raw:
        gid, cluster, advance, x, y = glyph
        if gid == aa and out:
            before, before_cluster, before_advance, before_x, before_y = out[-1]
            cluster_text = text[cluster:ends[cluster]]
            if (before == nikhahit and before_cluster == cluster and before_advance == 0
                    and "\u0e33" in cluster_text and "\u0e4d" not in cluster_text
                    and abs(before_x - x) <= SARA_AM_SHIFT and abs(before_y - y) <= SARA_AM_SHIFT):
                out[-1] = (am, cluster, advance, x, y)
                continue
        out.append(glyph)
    return out


def _readings(shaper: _FaceShaper, text: str, raw: list[tuple[int, int, float, float, float]]) -> list[str]:
    """What each glyph of ``raw`` (HarfBuzz's output for ``text``) reads as in the PDF's /ToUnicode,
    so that a reader ignoring /ActualText copies ``text`` back; "" for a glyph left unread.

    A glyph reads as its cmap character, else as its name says ("uni0E49.small" → ้, "uni0E240E45"
    → ฤๅ), else — a consonant without its descender, "yoYingthai.less" in ญู — as what its cluster's
    text leaves once the cluster's other glyphs are read. Then two fixes:

    * ำ with a tone mark is drawn as nikhahit and sara aa, the tone mark joining the nikhahit in one
      glyph ("uni0E4D0E49"): น้ำ is drawn น, ํ้, า. Read as the tone mark and as ำ those give back
      "น้ำ" exactly. (Without a tone mark ำ is the font's sara am glyph, :func:`_join_sara_am`; where
      it is still two glyphs, after ป ฝ ฟ, each must read as at least one character: "ํา".) ำ typed
      as ้ ํ า has the joined glyph read "้ํ".
    * A mark typed twice (ใช้้, a typo) draws a second, shifted glyph. Read as the same mark, MuPDF
      1.26 drops it as duplicated "fake bold" text even inside /ActualText; left unread, the
      cluster's /ActualText still gives it back."""
    readings = [""] * len(raw)
    by_cluster: dict[int, list[int]] = {}
    for index, (_gid, cluster, _advance, _x, _y) in enumerate(raw):
        by_cluster.setdefault(cluster, []).append(index)
    starts = sorted(by_cluster)
    for number, start in enumerate(starts):
        cluster_text = text[start:starts[number + 1] if number + 1 < len(starts) else len(text)]
        indices = by_cluster[start]
        own = {i: shaper.own_char(raw[i][0]) for i in indices}
        for i in indices:
            readings[i] = own[i] or shaper.name_text(raw[i][0])
        unknown = [i for i in indices if not readings[i]]
        if len(unknown) == 1:
            rest = cluster_text
            for i in indices:
                rest = rest.replace(readings[i], "", 1) if readings[i] else rest
            readings[unknown[0]] = rest if rest.strip() and len(rest) <= 2 else ""
        joined = [i for i in indices if own[i] is None and readings[i][:1] == "\u0e4d" and len(readings[i]) > 1]
        if len(joined) == 1:
            tone = readings[joined[0]][1:]
            aa = [i for i in indices if i > joined[0] and own[i] == "\u0e32"]
            if aa and cluster_text.endswith(tone + "\u0e33"):
                readings[joined[0]], readings[aa[-1]] = tone, "\u0e33"
            elif tone + "\u0e4d" in cluster_text:
                readings[joined[0]] = tone + "\u0e4d"
        seen: set[str] = set()
        for i in indices:
            if own[i] is None and readings[i] in seen:
                readings[i] = ""
            seen.add(readings[i])
    return readings


@text_cache(CACHE_CHARACTERS, CACHE_LONGEST)
def shape(text: str, font_name: str) -> ShapedToken:
    """Shape ``text`` with the face ``font_name``.

    Cached (reports repeat their words a lot), least recently used first out, up to
    ``CACHE_CHARACTERS`` characters in all; a text longer than ``CACHE_LONGEST`` characters is
    shaped afresh each time and not kept."""
    shaper = _shaper(font_name)
    raw = _join_sara_am(shaper, text, hb_glyphs(text, font_name))
    readings = _readings(shaper, text, raw)
    widths = shaper.font.face.charWidths
    pen = 0.0
    by_cluster: dict[int, list[Glyph]] = {}
    ends: dict[int, float] = {}
    for (gid, cluster, x_advance, x_offset, y_offset), reading in zip(raw, readings):
        char = shaper.char_for(gid, x_advance, reading)
        by_cluster.setdefault(cluster, []).append(
            Glyph(gid, char, pen + x_offset, y_offset, x_advance, float(widths.get(ord(char), 0)))
        )
        pen += x_advance
        ends[cluster] = pen
    starts = sorted(by_cluster)
    clusters = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        glyphs = tuple(by_cluster[start])
        cluster_text = text[start:end]
        spelled = "".join(g.char for g in glyphs)
        # A mark whose origin is not over its base (ส่ puts ่ one unit past ส) makes pdftotext take it
        # for a separate, overlapping character and scramble the word: wrap those clusters too.
        stray = any(not glyphs[0].x < g.x < ends[start] for g in glyphs[1:])
        # The same glyph twice in one place (a doubled tone mark typed by mistake) is dropped by
        # MuPDF as duplicate "fake bold" text; the text must still come back as typed.
        stray = stray or len({(g.gid, g.x, g.y) for g in glyphs}) < len(glyphs)
        clusters.append(Cluster(cluster_text, glyphs, actual_text=stray or spelled != cluster_text, end=ends[start]))
    return ShapedToken(text, font_name, tuple(clusters), pen)


def cached_characters() -> int:
    """How many characters the shape cache holds now (at most ``CACHE_CHARACTERS``)."""
    return shape.cached_characters()
