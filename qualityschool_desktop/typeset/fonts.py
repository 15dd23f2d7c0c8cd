"""The bundled Sarabun fonts, registered with ReportLab once per process.

Fonts are loaded from :func:`qualityschool_desktop.paths.fonts_dir` only — the checkout or the
PyInstaller bundle — never from the system, so a printed report looks the same on every machine.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths

FAMILY = "Sarabun"
REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
ITALIC = "Sarabun-Italic"
BOLD_ITALIC = "Sarabun-BoldItalic"

_FILES = {
    REGULAR: "Sarabun-Regular.ttf",
    BOLD: "Sarabun-Bold.ttf",
    ITALIC: "Sarabun-Italic.ttf",
    BOLD_ITALIC: "Sarabun-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


@dataclass(frozen=True)
class FontFace:
    """One registered face: the ReportLab font object and the file it came from."""

    name: str
    path: str
    font: TTFont


def register_fonts() -> None:
    """Register the four Sarabun faces and their family mapping (idempotent, thread-safe). Raises
    ``FileNotFoundError`` (Thai message) when a font file is missing from ``fonts/``."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = paths.fonts_dir() / filename
            if not path.is_file():
                raise FileNotFoundError(f"ไม่พบไฟล์ฟอนต์ {path}")
            # shapable=False: our own engine shapes Thai; stock Paragraphs that share the font must
            # not substitute private-use code points behind our back.
            pdfmetrics.registerFont(TTFont(name, str(path), shapable=False))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FAMILY, bold, italic, font_name(bold=bool(bold), italic=bool(italic)))
        _registered = True


def font_name(*, bold: bool = False, italic: bool = False) -> str:
    """The registered name of the Sarabun face with that weight and slant."""
    if bold and italic:
        return BOLD_ITALIC
    if bold:
        return BOLD
    return ITALIC if italic else REGULAR


@lru_cache(maxsize=None)
def face(name: str) -> FontFace:
    """The registered face called ``name`` (registering the family first if needed). Raises
    ``ValueError`` for a registered font that is not TrueType (ReportLab's own ``KeyError`` for
    an unknown name) and as :func:`register_fonts` does."""
    register_fonts()
    font = pdfmetrics.getFont(name)
    if not isinstance(font, TTFont):
        raise ValueError(f"{name} is not a TrueType font; Thai text needs one of the Sarabun faces")
    return FontFace(name=name, path=str(paths.fonts_dir() / _FILES.get(name, "")), font=font)
