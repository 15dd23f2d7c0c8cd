"""The bundled Sarabun fonts, registered with ReportLab once per process.

Fonts are loaded from :func:`qualityschool_desktop.paths.fonts_dir` only — the checkout or the
PyInstaller bundle — never from the system, so a printed report looks the same on every machine.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

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


class TypesetFont(TTFont):
    """A TrueType font whose private-use codes read as real text.

    Shaping draws glyphs that have no character of their own (a tone mark lowered or moved aside,
    ฤๅ as one glyph) by private-use code points. ``private_text`` says what each such code stands
    for; the /ToUnicode of every embedded subset maps the code to that text, so a reader that ignores
    /ActualText (the MuPDF in many viewers) still copies the right Thai. Codes not in it map to
    themselves, as ReportLab writes them."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, shapable=False)
        self.private_text: dict[int, str] = {}

    def addObjects(self, doc: Any) -> None:  # noqa: N802 — ReportLab's name
        """Write the font's subsets into ``doc`` as ReportLab does, then give each subset that
        holds private codes a /ToUnicode that maps them to their text."""
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            if any(code in self.private_text for code in subset):
                # ReportLab registers each subset's /ToUnicode stream under this name.
                base = (SUBSETN(number) + b"+" + self.face.name + self.face.subfontNameX).decode("pdfdoc")
                doc.idToObject["toUnicodeCMap:" + base].content = _to_unicode(base, subset, self.private_text)


def _to_unicode(base: str, subset: list[int], private_text: dict[int, str]) -> str:
    """The /ToUnicode CMap of one subset, as ReportLab's ``makeToUnicodeCMap`` writes it but with
    each private code mapped to the text it stands for (a bfchar target may hold several
    characters, in UTF-16)."""
    entries = [
        f"<{index:02X}> <{private_text.get(code, chr(code)).encode('utf-16-be').hex().upper()}>"
        for index, code in enumerate(subset)
    ]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({base})", f"/Ordering ({base})", "/Supplement 0", ">> def", f"/CMapName /{base} def",
        "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *entries, "endbfchar",
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


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
            pdfmetrics.registerFont(TypesetFont(name, str(path)))
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
