"""The Word copy's charts put Thai tone marks where the PDF does, on every system (issue 12).

Pillow shapes text only through Raqm, which its Windows wheels cannot load: there the charts' labels
were laid out letter by letter and a tone mark over an upper vowel sat on the vowel (ที่ read as ที,
ปี่ as ปี; seen under Wine with Windows Python). The labels are now shaped by HarfBuzz and drawn
glyph by glyph, the same everywhere; where Raqm is present (Linux) they match its rendering.
"""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, features

from qualityschool_desktop import paths
from qualityschool_desktop.reports.summary import chart_png
from qualityschool_desktop.reports.summary.glyph_text import draw_text, text_width
from qualityschool_desktop.typeset.fonts import REGULAR

SIZE = 92  # pixels to the em: 22 pt at 300 dpi
STACKED = ["ที่", "ปี่", "พื้น", "ที่นั่ง"]  # a tone mark over an upper vowel
LABELS = ["คุณภาพผู้เรียน", "กระบวนการบริหารและการจัดการ", "ตัวชี้วัด", "พื้นที่", "น้ำ", "ผู้สู้"]


def ink(image: Image.Image) -> tuple[int, int, int, int]:
    """The box around everything not white."""
    box = ImageChops.invert(image.convert("L")).getbbox()
    assert box is not None
    return box


def ours(text: str) -> Image.Image:
    image = Image.new("RGB", (1400, 200), "white")
    draw_text(image, text, 20, 150, SIZE, REGULAR, "black")
    return image


def raqm(text: str) -> Image.Image:
    font = ImageFont.truetype(str(paths.fonts_dir() / "Sarabun-Regular.ttf"), SIZE,
                              layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("RGB", (1400, 200), "white")
    ImageDraw.Draw(image).text((20, 150), text, font=font, fill="black", anchor="ls")
    return image


@pytest.mark.parametrize("word", STACKED)
def test_a_tone_mark_over_an_upper_vowel_stands_above_it(word: str) -> None:
    without = word.replace("\u0e48", "").replace("\u0e49", "")  # the same word without its tone marks
    # Laid out letter by letter the mark fell on the vowel: the ink reached no higher than without it.
    assert ink(ours(word))[1] <= ink(ours(without))[1] - SIZE * 0.15


@pytest.mark.skipif(not features.check("raqm"), reason="Pillow without Raqm (its Windows wheels): nothing to compare with")
@pytest.mark.parametrize("label", LABELS + STACKED)
def test_labels_are_drawn_as_raqm_draws_them(label: str) -> None:
    mine, theirs = ours(label), raqm(label)
    assert all(abs(a - b) <= 2 for a, b in zip(ink(mine), ink(theirs)))  # the same place, within 2 px
    # The same pixels but for the edges (FreeType hints Raqm's outlines; ours are not hinted).
    differing = sum(ImageChops.difference(mine.convert("L"), theirs.convert("L")).histogram()[129:])
    assert differing < 0.12 * sum(theirs.convert("L").histogram()[:128])
    font = ImageFont.truetype(str(paths.fonts_dir() / "Sarabun-Regular.ttf"), SIZE,
                              layout_engine=ImageFont.Layout.RAQM)
    assert abs(text_width(label, REGULAR, SIZE) - ImageDraw.Draw(theirs).textlength(label, font=font)) < 1


def last_line(image: Image.Image) -> Image.Image:
    """The lowest line of text: the rows from the bottom up to the first gap of 12 blank rows."""
    grey = image.convert("L")
    rows = [grey.crop((0, row, grey.width, row + 1)).getextrema()[0] < 128 for row in range(grey.height)]
    bottom = max(row for row, inked in enumerate(rows) if inked)
    top = bottom
    while top > 0 and any(rows[max(0, top - 12):top]):
        top -= 1
    return image.crop((0, top - 12, image.width, bottom + 1))


def test_the_component_chart_shows_its_labels_tone_marks_stacked() -> None:
    def label(name: str) -> Image.Image:
        png = chart_png.group_bars_png(["๑"], [name], ["ดีเยี่ยม"], ["#2e7d32"], [[0]], str, 200)
        return last_line(Image.open(io.BytesIO(png)).convert("RGB"))

    with_marks, without = label("ที่ตั้ง"), label("ทีตัง")
    assert with_marks.height > without.height + 5  # the marks stand above the vowels
    assert ink(with_marks)[3] - ink(with_marks)[1] > ink(without)[3] - ink(without)[1] + 5


# The pixels of one chart as drawn on Linux (Pillow 13.0.0 with Raqm, uharfbuzz 0.57.0, the bundled
# Sarabun); Windows Python under Wine draws the very same (checked 2026-12-01). Should a pinned
# version change, look at the chart again and record its new digest.
SAME_EVERYWHERE = "fe968cc6c26f537830284cb4bedc7379d97ead9453503dbb7a127a2351933e56"


def test_the_chart_has_the_same_pixels_on_every_system() -> None:
    png = chart_png.group_bars_png(["๑", "๒"], ["คุณภาพผู้เรียน ตัวชี้วัด", "พื้นที่ น้ำ ปี่ ที่นั่ง"],
                                   ["ดีเยี่ยม", "ปรับปรุง"], ["#2e7d32", "#f9a825"], [[3, 1], [0, 4]], str, 300)
    pixels = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    assert hashlib.sha256(pixels).hexdigest() == SAME_EVERYWHERE
