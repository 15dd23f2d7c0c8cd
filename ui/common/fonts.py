"""The bundled Sarabun family, loaded into Qt from ``fonts/`` at start-up.

Thai needs a font whose OpenType tables place tone marks and upper/lower vowels correctly;
a Windows laptop's default UI font may lack them, so the app never relies on system fonts.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from qualityschool_desktop import paths

FAMILY = "Sarabun"
FACES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf")
# Sarabun has a small x-height next to Latin UI fonts: 11 pt reads like a 10 pt system font.
POINT_SIZE = 11

_loaded: list[str] | None = None


def load_fonts() -> list[str]:
    """Register the four Sarabun faces with Qt (once per process); return the families found.

    A missing face is skipped rather than fatal: the app stays usable with a system font.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    families: list[str] = []
    for face in FACES:
        font_id = QFontDatabase.addApplicationFont(str(paths.fonts_dir() / face))
        if font_id >= 0:
            families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    _loaded = families
    return families


def app_font(point_size: int = POINT_SIZE) -> QFont:
    font = QFont(FAMILY, point_size)
    # Full hinting makes Thai marks jitter at small sizes on Windows; vertical hinting keeps them aligned.
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return font


def install(app: QApplication, point_size: int = POINT_SIZE) -> bool:
    """Load the fonts and make Sarabun the application font; False when it could not be loaded."""
    families = load_fonts()
    if FAMILY not in families:
        return False
    app.setFont(app_font(point_size))
    return True
