"""Reading a PDF back the way a user does (pdftotext, MuPDF) and glyph by glyph, for the
typesetting and report tests."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import pytest

from qualityschool_desktop import paths

PAGE_NUMBER = re.compile(r"^หน้า [๐-๙0-9]+ / [๐-๙0-9]+$")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
needs_mutool = pytest.mark.skipif(shutil.which("mutool") is None, reason="mupdf-tools (mutool) not installed")
FEATURES = {"kern": True, "liga": True}


# -- text ----------------------------------------------------------------------------------------
def text_lines(text: str) -> list[str]:
    """Non-empty stripped lines, page numbers left out."""
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not PAGE_NUMBER.match(line)]


def pdftotext(
    path: Path, mode: str = "-layout", *, first: int | None = None, last: int | None = None,
    crop: tuple[float, float, float, float] | None = None,
) -> str:
    """Poppler's text of ``path``; ``crop`` is (x, y, width, height) in points from the top left,
    applied to every page (one column of a table, say). Pages are separated by form feeds."""
    command = ["pdftotext", mode]
    if first is not None:
        command += ["-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    if crop is not None:
        x, y, width, height = crop
        command += ["-x", str(int(x)), "-y", str(int(y)), "-W", str(int(width)), "-H", str(int(height))]
    command += [str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True).stdout


def mutool_text(path: Path) -> str:
    """MuPDF's text of ``path`` through ``mutool draw -F txt``: Debian's MuPDF 1.21 reads only the
    fonts' /ToUnicode and ignores /ActualText, as the MuPDF inside many viewers (SumatraPDF) does.
    Pages are separated by form feeds."""
    command = ["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(path)]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True).stdout


def match(paragraphs: Sequence[str], lines: Sequence[str]) -> list[tuple[int, int, int]]:
    """Walk the extracted lines through the input. Returns (paragraph, start, end) per line.
    Whitespace in the input is skipped only where a line broke; everything else must match
    character for character."""
    spans: list[tuple[int, int, int]] = []
    index, pos = 0, 0
    for line in lines:
        if pos >= len(paragraphs[index]):
            index, pos = index + 1, 0
        text = paragraphs[index]
        while pos and pos < len(text) and text[pos].isspace():
            pos += 1
        assert text.startswith(line, pos), f"paragraph {index} at {pos}: expected {text[pos:pos + len(line)]!r}, got {line!r}"
        spans.append((index, pos, pos + len(line)))
        pos += len(line)
    assert index == len(paragraphs) - 1 and pos == len(paragraphs[-1]), "text was lost at the end"
    return spans


def _consume(text: str, lines: Sequence[str], start: int) -> list[tuple[int, int]] | None:
    spans: list[tuple[int, int]] = []
    pos, index = 0, start
    while pos < len(text):
        while pos and pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        if index >= len(lines) or not lines[index] or not text.startswith(lines[index], pos):
            return None
        spans.append((pos, pos + len(lines[index])))
        pos += len(lines[index])
        index += 1
    return spans


def find_in_order(paragraphs: Sequence[str], lines: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Find each paragraph, in order, as consecutive whole lines that spell it exactly
    (whitespace at the breaks aside). Lines that belong to no paragraph (other text in the same
    column of the page) may come between paragraphs, never inside one. Returns each paragraph's
    (start, end) offsets per line."""
    found: list[list[tuple[int, int]]] = []
    cursor = 0
    for text in paragraphs:
        for start in range(cursor, len(lines)):
            spans = _consume(text, lines, start)
            if spans is not None:
                found.append(spans)
                cursor = start + len(spans)
                break
        else:
            raise AssertionError(f"not found as whole lines, in order: {text[:80]!r}…")
    return found


def break_problems(text: str, spans: Sequence[tuple[int, int]], room: float, size: float) -> list[str]:
    """Line ends (from :func:`find_in_order`) that fall inside a word of ``text``, set at ``size``
    points in a column ``room`` points wide, and lines that start with a combining mark or a
    following vowel. A word wider than the whole column is the one thing that may be cut, and then
    only between Thai character clusters."""
    from qualityschool_desktop.typeset.layout import build_items
    from qualityschool_desktop.typeset.segment import clusters, inside_cluster, word_boundaries

    boundaries = word_boundaries(text)
    problems = []
    # Whatever the segmenter says, a line never starts with a mark or a following vowel.
    for start, _end in spans[1:]:
        if start < len(text) and inside_cluster(text[start]):
            problems.append(f"a line starts with {text[start]!r} at {start}: {text[max(start - 5, 0):start + 5]!r}")
    for offset in {edge for span in spans for edge in span} - boundaries:
        start = max(b for b in boundaries if b < offset)
        end = min(b for b in boundaries if b > offset)
        word = text[start:end]
        cuts, position = set(), start
        for cluster in clusters(word):
            position += len(cluster)
            cuts.add(position)
        width = sum(item.width for item in build_items(word, size))
        if width <= room or offset not in cuts:
            problems.append(f"a line breaks inside {word!r} at {offset - start}")
    return problems


# -- glyphs --------------------------------------------------------------------------------------
def glyph_signature(font: Any, gid: int) -> tuple[Any, ...]:
    """A glyph's outline, so a glyph in an embedded subset (renumbered) can be matched to the
    original font's glyph."""
    glyf = font["glyf"]
    glyph = glyf[font.getGlyphOrder()[gid]]
    coordinates, ends, _flags = glyph.getCoordinates(glyf)
    return tuple(tuple(point) for point in coordinates), tuple(ends)


@lru_cache(maxsize=4)
def original_font(file_name: str = "Sarabun-Regular.ttf") -> Any:
    from fontTools.ttLib import TTFont

    return TTFont(str(paths.fonts_dir() / file_name))


def harfbuzz(word: str, size: float, file_name: str = "Sarabun-Regular.ttf") -> list[tuple[int, float, float]]:
    """HarfBuzz's own shaping of ``word`` with the original font: (gid, x, y) in points."""
    import uharfbuzz as hb

    blob = hb.Blob.from_file_path(str(paths.fonts_dir() / file_name))
    face = hb.Face(blob)
    font = hb.Font(face)
    buf = hb.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    hb.shape(font, buf, FEATURES)
    scale = size / face.upem
    out, pen = [], 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        out.append((info.codepoint, (pen + pos.x_offset) * scale, pos.y_offset * scale))
        pen += pos.x_advance
    return out


def drawn_glyphs(
    path: Path, page_number: int = 0, *, font: str = "Sarabun-Regular", size: float | None = None,
    single_font: bool = False,
) -> list[tuple[tuple[Any, ...], float, float]]:
    """Every glyph drawn in ``font`` (at ``size`` when given) on one page, in drawing order:
    (outline signature, x, y up)."""
    import pymupdf
    from fontTools.ttLib import TTFont

    with pymupdf.open(path) as doc:
        page = doc[page_number]
        fonts = [f for f in page.get_fonts() if f[3].endswith("+" + font)]
        if single_font:
            assert len(fonts) == 1, fonts
        embedded = TTFont(io.BytesIO(doc.extract_font(fonts[0][0])[3]))
        glyphs = []
        for span in page.get_texttrace():
            if span["font"] != font or (size is not None and span["size"] != size):
                continue
            for _unicode, gid, origin, _bbox in span["chars"]:
                if gid < 0:
                    continue  # a further character of a glyph that reads as several (ฤๅ, ่ำ)
                glyphs.append((glyph_signature(embedded, gid), origin[0], -origin[1]))
    return glyphs


def count_shaped(
    drawn: Sequence[tuple[tuple[Any, ...], float, float]], word: str, size: float, tolerance: float = 0.05
) -> int:
    """How often the glyphs HarfBuzz chooses for ``word`` appear in ``drawn`` one after another,
    each at HarfBuzz's offset from the first (within ``tolerance`` points)."""
    original = original_font()
    expected = [(glyph_signature(original, gid), x, y) for gid, x, y in harfbuzz(word, size)]
    count = 0
    for start in range(len(drawn) - len(expected) + 1):
        window = drawn[start:start + len(expected)]
        x0, y0 = window[0][1], window[0][2]
        if all(
            got[0] == want[0] and abs(got[1] - x0 - want[1]) <= tolerance and abs(got[2] - y0 - want[2]) <= tolerance
            for got, want in zip(window, expected)
        ):
            count += 1
    return count
