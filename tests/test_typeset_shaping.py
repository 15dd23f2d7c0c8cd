"""Shaping is on and right: every glyph the PDF draws is the glyph, at the place, that HarfBuzz
chooses for that word with the original Sarabun file — read back from the PDF itself. One planned
difference: ำ with no tone mark, which HarfBuzz draws as nikhahit and sara aa, is drawn as the font's
own sara am glyph where that glyph is the same two shapes, so every reader copies ำ out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pymupdf = pytest.importorskip("pymupdf")
fontTools_ttLib = pytest.importorskip("fontTools.ttLib")

from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph  # noqa: E402

from qualityschool_desktop import paths  # noqa: E402
from qualityschool_desktop.typeset import ThaiParagraph, build_pdf, register_fonts  # noqa: E402

from .pdf_checks import drawn_glyphs, glyph_signature, harfbuzz  # noqa: E402

WORDS = (
    "ที่ ผู้ น้ำ ป้า ปู่ เป็น ยึดมั่น ญี่ปุ่น ฐานข้อมูล กำลังพัฒนา ปั้น ฝั่ง ฟื้นฟู ฤๅษี ฎีกา "
    "สม่ำเสมอ ประสิทธิภาพ O-NET ๑๒๓ 2567"
).split()
SIZE = 16.0
TOLERANCE = 0.05  # points


def _signature(font: Any, gid: int) -> tuple[Any, ...]:
    return glyph_signature(font, gid)


def _harfbuzz(word: str) -> list[tuple[int, float, float]]:
    """HarfBuzz's glyphs, but ำ's plain nikhahit and sara aa as one sara am glyph where sara aa was."""
    order = fontTools_ttLib.TTFont(str(paths.fonts_dir() / "Sarabun-Regular.ttf")).getGlyphOrder()
    gids = {name: order.index(name) for name in ("uni0E4D", "uni0E32", "uni0E33")}
    glyphs = harfbuzz(word, SIZE)
    out: list[tuple[int, float, float]] = []
    for gid, x, y in glyphs:
        if gid == gids["uni0E32"] and out and out[-1][0] == gids["uni0E4D"] and "ำ" in word:
            out[-1] = (gids["uni0E33"], x, y)
        else:
            out.append((gid, x, y))
    return out


def _drawn_glyphs(path: Path) -> list[tuple[tuple[Any, ...], float, float]]:
    """Every glyph drawn in Sarabun-Regular on page 1: (outline signature, x, y up)."""
    return drawn_glyphs(path, 0, size=SIZE, single_font=True)


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


def test_sara_am_without_a_tone_mark_is_the_fonts_own_glyph() -> None:
    """Each drawn glyph reads as at least one character, so ำ drawn as two glyphs reads "ํา" in a
    reader that ignores /ActualText (MuPDF). The font's sara am glyph is those two shapes, so
    it is drawn instead — but not after ป ฝ ฟ, where the nikhahit moves left of the tall stem."""
    from qualityschool_desktop.typeset.shaping import shape

    for word in ("สำนักงาน", "อำเภอ", "จำนวน", "ประจำ", "รำ", "กำลัง"):
        token = shape(word, "Sarabun-Bold")
        assert "".join(g.char for c in token.clusters for g in c.glyphs) == word
        assert not any(c.actual_text for c in token.clusters), word
    for word in ("ปำ", "ฝำ", "ฟำ"):
        assert len(shape(word, "Sarabun").clusters[0].glyphs) == 3, word


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
