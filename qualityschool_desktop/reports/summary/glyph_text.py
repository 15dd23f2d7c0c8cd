"""Thai text drawn into a Pillow image glyph by glyph, as HarfBuzz places the glyphs: the Word
copy's charts (:mod:`.chart_png`, issue 12).

Pillow shapes text only through Raqm, which its Windows wheels cannot load (no FriBiDi DLL), so
there it lays Thai out letter by letter: a tone mark over an upper vowel (ที่, ปี่, พื้น) lands on
the vowel. Here the text is shaped by HarfBuzz (:func:`..typeset.shaping.hb_glyphs`: the very
shaping, font and features of the PDF copy) and each glyph's outline is filled at its place, four
times finer than the image and scaled down (anti-aliased). The same pixels on every system.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["SUPERSAMPLE", "draw_text", "text_width"]

SUPERSAMPLE = 4  # outline filled at 4×4 sub-pixels per pixel, then averaged


def text_width(text: str, font_name: str, size: float) -> float:
    """How far ``text`` moves the pen at ``size`` (any unit: pixels for pixels), as HarfBuzz
    shapes it in the registered face ``font_name`` (:mod:`..typeset.fonts`)."""
    from ...typeset.shaping import hb_glyphs

    return sum(advance for _gid, _cluster, advance, _dx, _dy in hb_glyphs(text, font_name)) * size / 1000.0


def draw_text(image: "Image.Image", text: str, x: float, y: float, size: float, font_name: str,
              colour: str, align: str = "left") -> float:
    """Draw ``text`` on ``image`` with its baseline at pixel row ``y``, starting at (``align``
    "left"), centred on ("centre") or ending at ("right") pixel column ``x``, ``size`` pixels to
    the em, in ``colour`` (a Pillow colour). Returns its width in pixels. Raises ``KeyError`` for
    an unknown ``align`` and as :func:`..typeset.fonts.face` does for an unknown face."""
    from ...typeset.shaping import hb_glyphs, outline

    glyphs = hb_glyphs(text, font_name)
    scale = size / 1000.0
    width = sum(advance for _gid, _cluster, advance, _dx, _dy in glyphs) * scale
    pen = x - {"left": 0.0, "centre": width / 2, "right": width}[align]
    for gid, _cluster, advance, dx, dy in glyphs:
        contours = outline(gid, font_name)
        if contours:
            origin = (pen + dx * scale, y - dy * scale)
            _fill(image, [[(origin[0] + px * scale, origin[1] - py * scale) for px, py in contour]
                          for contour in contours], colour)
        pen += advance * scale
    return width


def _fill(image: "Image.Image", contours: list[list[tuple[float, float]]], colour: str) -> None:
    """Fill ``contours`` (pixel coordinates, y down) even-odd, anti-aliased, onto ``image``."""
    from PIL import Image, ImageChops, ImageDraw

    xs = [px for contour in contours for px, _py in contour]
    ys = [py for contour in contours for _px, py in contour]
    left, top = math.floor(min(xs)), math.floor(min(ys))
    size = (math.ceil(max(xs)) - left + 1, math.ceil(max(ys)) - top + 1)
    fine = (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE)
    mask = Image.new("1", fine, 0)
    for contour in contours:
        layer = Image.new("1", fine, 0)
        ImageDraw.Draw(layer).polygon([((px - left) * SUPERSAMPLE, (py - top) * SUPERSAMPLE) for px, py in contour],
                                      fill=1)
        mask = ImageChops.logical_xor(mask, layer)
    alpha = mask.convert("L").resize(size, Image.Resampling.BOX)
    image.paste(colour, (left, top, left + size[0], top + size[1]), alpha)
