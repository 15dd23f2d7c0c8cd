"""Shaping is on and right: every glyph the PDF draws is the glyph, at the place, that HarfBuzz
chooses for that word with the original Sarabun file — read back from the PDF itself."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

pymupdf = pytest.importorskip("pymupdf")
fontTools_ttLib = pytest.importorskip("fontTools.ttLib")

import uharfbuzz as hb  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph  # noqa: E402

from qualityschool_desktop import paths  # noqa: E402
from qualityschool_desktop.typeset import ThaiParagraph, build_pdf, register_fonts  # noqa: E402

WORDS = (
    "ที่ ผู้ น้ำ ป้า ปู่ เป็น ยึดมั่น ญี่ปุ่น ฐานข้อมูล กำลังพัฒนา ปั้น ฝั่ง ฟื้นฟู ฤๅษี ฎีกา "
    "สม่ำเสมอ ประสิทธิภาพ O-NET ๑๒๓ 2567"
).split()
SIZE = 16.0
TOLERANCE = 0.05  # points


def _signature(font: Any, gid: int) -> tuple[Any, ...]:
    """A glyph's outline, so a glyph in an embedded subset (renumbered) can be matched to the
    original font's glyph."""
    glyf = font["glyf"]
    glyph = glyf[font.getGlyphOrder()[gid]]
    coordinates, ends, _flags = glyph.getCoordinates(glyf)
    return tuple(tuple(point) for point in coordinates), tuple(ends)


def _harfbuzz(word: str) -> list[tuple[int, float, float]]:
    """HarfBuzz's own shaping of ``word`` with the original font: (gid, x, y) in points."""
    blob = hb.Blob.from_file_path(str(paths.fonts_dir() / "Sarabun-Regular.ttf"))
    face = hb.Face(blob)
    font = hb.Font(face)
    buf = hb.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    hb.shape(font, buf, {"kern": True, "liga": True})
    scale = SIZE / face.upem
    out, pen = [], 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        out.append((info.codepoint, (pen + pos.x_offset) * scale, pos.y_offset * scale))
        pen += pos.x_advance
    return out


def _drawn_glyphs(path: Path) -> list[tuple[tuple[Any, ...], float, float]]:
    """Every glyph drawn in Sarabun-Regular on page 1: (outline signature, x, y up)."""
    with pymupdf.open(path) as doc:
        page = doc[0]
        fonts = [f for f in page.get_fonts() if f[3].endswith("+Sarabun-Regular")]
        assert len(fonts) == 1, fonts
        embedded = fontTools_ttLib.TTFont(io.BytesIO(doc.extract_font(fonts[0][0])[3]))
        glyphs = []
        for span in page.get_texttrace():
            if span["font"] != "Sarabun-Regular" or span["size"] != SIZE:
                continue
            for _unicode, gid, origin, _bbox in span["chars"]:
                glyphs.append((_signature(embedded, gid), origin[0], -origin[1]))
    return glyphs


def _shaping_problems(path: Path) -> list[str]:
    """Compare the PDF's glyphs, word by word (one word per line), with HarfBuzz."""
    original = fontTools_ttLib.TTFont(str(paths.fonts_dir() / "Sarabun-Regular.ttf"))
    drawn = _drawn_glyphs(path)
    problems: list[str] = []
    cursor = 0
    for word in WORDS:
        expected = _harfbuzz(word)
        got = drawn[cursor:cursor + len(expected)]
        cursor += len(expected)
        if len(got) != len(expected):
            problems.append(f"{word}: {len(got)} glyphs drawn, HarfBuzz has {len(expected)}")
            break
        x0, y0 = got[0][1], got[0][2]
        for (gid, x, y), (signature, px, py) in zip(expected, got):
            if _signature(original, gid) != signature:
                problems.append(f"{word}: glyph {original.getGlyphOrder()[gid]} not drawn")
            elif abs((px - x0) - x) > TOLERANCE or abs((py - y0) - y) > TOLERANCE:
                problems.append(f"{word}: {original.getGlyphOrder()[gid]} at {px - x0:.2f},{py - y0:.2f}, not {x:.2f},{y:.2f}")
    if cursor != len(drawn):
        problems.append(f"{len(drawn) - cursor} glyphs more than HarfBuzz shaped")
    return problems


def _style() -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle("s", fontName="Sarabun", fontSize=SIZE, leading=SIZE * 1.5)


def test_every_glyph_is_where_harfbuzz_puts_it(tmp_path: Path) -> None:
    path = tmp_path / "shaped.pdf"
    build_pdf(path, [ThaiParagraph(word, _style()) for word in WORDS], digits="arabic")
    assert _shaping_problems(path) == []


def test_the_check_catches_unshaped_text(tmp_path: Path) -> None:
    """ReportLab's stock Paragraph (unshaped) draws the marks that collide: the check must see it."""
    path = tmp_path / "stock.pdf"
    build_pdf(path, [Paragraph(word, _style()) for word in WORDS], digits="arabic")
    problems = _shaping_problems(path)
    assert any(word in " ".join(problems) for word in ("ที่", "ผู้", "น้ำ", "ป้า", "ปู่"))


def test_a_tone_mark_over_an_upper_vowel_is_a_different_glyph(tmp_path: Path) -> None:
    path = tmp_path / "marks.pdf"
    build_pdf(path, [ThaiParagraph("ก่", _style()), ThaiParagraph("ที่", _style())], digits="arabic")
    drawn = _drawn_glyphs(path)
    bare_mark, stacked_mark = drawn[1][0], drawn[4][0]
    assert bare_mark != stacked_mark
