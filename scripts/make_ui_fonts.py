"""Make the window's font: copies of the bundled Sarabun whose line box holds every Thai mark.

Why: Sarabun's line box (hhea and OS/2 typo ascender 1068, descender -232, of 1000 units) is lower
than a tone mark stacked over an upper vowel (ตัวชี้วัด: 1250-1290 units up) and higher than a vowel
below a consonant (ผู้: -332 to -353). Qt lays a line out, and a label sizes itself, by the font's
ascent and descent, and a label clips what it draws to that box wherever its text goes through a
text document (rich, selectable or word-wrapped text) or the label is exactly its text's height:
"ตัวชี้วัด" was shown "ตัวชีวัด" and the foot of "ู" was cut.

What it does, for each of the four faces in ``fonts/``:

* shapes with HarfBuzz (the GPOS mark positioning Qt uses too) every consonant with every upper
  vowel and tone mark or thanthakhat, sara am with a tone, maitaikhu and nikhahit, and every
  consonant with a vowel below it (and a tone), the rest of the Thai block, Latin and the common
  punctuation; measures the ink of each with fontTools, and takes the highest top and the lowest
  foot of each face (each face as compact as its own marks allow: Regular 1250/-332, Bold
  1290/-353; a line mixing them takes the larger);
* writes ``fonts/SarabunUI-<face>.ttf``: the same glyphs with hhea ascender/descender and OS/2
  typo ascender/descender set to those extremes (line gap 0; USE_TYPO_METRICS set, so Qt on every
  platform and DirectWrite read the typo values), winAscent/winDescent at least as large (GDI
  clips a glyph to them) and the family renamed "Sarabun UI" (the OFL lets a modified version be
  shared under another name; Sarabun declares no Reserved Font Name, and the copyright and licence
  names stay). The DSIG table is dropped: a changed font is no longer the signed one.

Left out on purpose, not being Thai spelling: a vowel below ฎ ฏ ฤ ฦ (ฎุ reaches -559: the descent
would grow by a further 60 %) and a thanthakhat over an upper vowel other than ิ (ษึ์: 1297).
The PDFs and Word files keep the original Sarabun.

Run from the checkout: ``python3 scripts/make_ui_fonts.py`` (fontTools from requirements-dev.txt,
uharfbuzz from requirements.txt); ``--check`` only says whether the committed files are current.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fonts"
FACES = ("Regular", "Bold", "Italic", "BoldItalic")
FAMILY, UI_FAMILY = "Sarabun", "Sarabun UI"
USE_TYPO_METRICS = 1 << 7

CONSONANTS = [chr(code) for code in range(0x0E01, 0x0E2F)]  # ก … ฮ, with ฤ ฦ
UPPER_VOWELS = ("", "ั", "ิ", "ี", "ึ", "ื")
TONES = ("", "่", "้", "๊", "๋", "์")  # mai ek, tho, tri, chattawa; thanthakhat (over no vowel or ิ: สิทธิ์)
LOWER_VOWELS = ("ุ", "ู", "ฺ")
NO_VOWEL_BELOW = "ฎฏฤฦ"  # see the module's docstring
LATIN = [chr(code) for code in range(0x20, 0x7F)] + list("ÀÉÜÅÑ“”‘’–—…•«»°×÷฿")


def thai_texts() -> list[str]:
    """Every stack of marks Thai text makes, one cluster per string."""
    texts = [c + u + t for c in CONSONANTS for u in UPPER_VOWELS for t in TONES if t != "์" or u in ("", "ิ")]
    texts += [c + t + "ำ" for c in CONSONANTS for t in TONES]
    texts += [c + mark for c in CONSONANTS for mark in ("็", "ํ")]
    texts += [c + v + t for c in CONSONANTS if c not in NO_VOWEL_BELOW for v in LOWER_VOWELS for t in TONES]
    marks = {0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)}  # drawn over or under a consonant
    texts += [chr(code) for code in range(0x0E2F, 0x0E5C) if chr(code).isprintable() and code not in marks]
    return texts + LATIN


def ink_extremes(path: Path, texts: list[str]) -> tuple[int, int]:
    """(highest top, lowest foot) of the ink of ``texts`` shaped in the font at ``path``, in font
    units from the baseline (the foot is negative below it)."""
    font = TTFont(str(path))
    glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
    bounds: dict[int, tuple[float, float] | None] = {}
    shaper = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    top, foot = 0.0, 0.0
    for text in texts:
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hb.shape(shaper, buffer)
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions):
            if info.codepoint not in bounds:
                pen = BoundsPen(glyphs)
                glyphs[order[info.codepoint]].draw(pen)
                box = pen.bounds
                bounds[info.codepoint] = None if box is None else (box[1], box[3])
            box_y = bounds[info.codepoint]
            if box_y is not None:
                top = max(top, position.y_offset + box_y[1])
                foot = min(foot, position.y_offset + box_y[0])
    return round(top), round(foot)


def face_extremes(face: str) -> tuple[int, int]:
    """The ascent and descent (both positive, font units) ``face``'s marks need."""
    top, foot = ink_extremes(FONTS / f"{FAMILY}-{face}.ttf", thai_texts())
    return top, -foot


def _rename(font: TTFont, face: str) -> None:
    style = "Bold Italic" if face == "BoldItalic" else face
    postscript = f"SarabunUI-{face}"
    names = {1: UI_FAMILY, 4: f"{UI_FAMILY} {style}", 6: postscript}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
        elif record.nameID == 3:
            record.string = str(record).replace(f"{FAMILY}-{face}", postscript)
    font["name"].setName(
        "Sarabun with a line box that holds stacked Thai marks (made by scripts/make_ui_fonts.py)", 10, 3, 1, 0x409)


def ui_font(face: str, ascent: int, descent: int) -> TTFont:
    """The UI copy of ``face`` with line metrics ``ascent``/``descent`` (font units, positive)."""
    font = TTFont(str(FONTS / f"{FAMILY}-{face}.ttf"), recalcTimestamp=False)
    if "DSIG" in font:
        del font["DSIG"]
    hhea, os2 = font["hhea"], font["OS/2"]
    hhea.ascent, hhea.descent, hhea.lineGap = ascent, -descent, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ascent, -descent, 0
    os2.usWinAscent = max(os2.usWinAscent, ascent, font["head"].yMax)
    os2.usWinDescent = max(os2.usWinDescent, descent, -font["head"].yMin)
    os2.fsSelection |= USE_TYPO_METRICS
    _rename(font, face)
    return font


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether fonts/SarabunUI-*.ttf are current")
    args = parser.parse_args(argv)
    stale = []
    for face in FACES:
        ascent, descent = face_extremes(face)
        print(f"{face}: ascent {ascent}, descent {descent} (Sarabun: 1068, 232)")
        target = FONTS / f"SarabunUI-{face}.ttf"
        if args.check:
            current = TTFont(str(target)) if target.exists() else None
            if current is None or (current["hhea"].ascent, -current["hhea"].descent) != (ascent, descent):
                stale.append(target.name)
            continue
        ui_font(face, ascent, descent).save(str(target))
        print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("not current: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
