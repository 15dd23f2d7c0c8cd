"""The window's font, "Sarabun UI", loaded into Qt from ``fonts/`` at start-up.

Thai needs a font whose OpenType tables place tone marks and upper/lower vowels correctly;
a Windows laptop's default UI font may lack them, so the app never relies on system fonts.

"Sarabun UI" is the bundled Sarabun with a taller line box (``scripts/make_ui_fonts.py``): Sarabun's
own (ascent 1068, descent 232 of 1000 units) is lower than a tone mark over an upper vowel (up to
1290) and higher than a vowel below (down to -353), and Qt lays out lines, sizes labels and clips
rich, selectable and word-wrapped labels by that box: "ตัวชี้วัด" was shown "ตัวชีวัด". The PDFs and
Word files keep the original Sarabun (``qualityschool_desktop/typeset/fonts.py``).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from qualityschool_desktop import paths

FAMILY = "Sarabun UI"
FACES = ("SarabunUI-Regular.ttf", "SarabunUI-Bold.ttf", "SarabunUI-Italic.ttf", "SarabunUI-BoldItalic.ttf")
# Sarabun has a small x-height next to Latin UI fonts: 11 pt reads like a 10 pt system font.
POINT_SIZE = 11

# The widget classes a platform theme may give a font of their own, which the application font
# does not override: every name QApplicationPrivate::initializeWidgetFontHash() fills from
# QPlatformTheme::font() (qtbase, src/widgets/kernel/qapplication.cpp). Qt's Windows theme
# (QWindowsTheme::refreshFonts) fills the menu, menu bar, message box, tool tip, status bar, title
# bars and QAbstractItemView (tables, trees, lists, their headers) with the system's
# "MS Shell Dlg 2" at 8.25 pt, which has no proper Thai; macOS fills the small and mini fonts.
THEMED_CLASSES = (
    "QMenu", "QMenuBar", "QMenuItem", "QMessageBox", "QLabel", "QTipLabel", "QTitleBar", "QStatusBar",
    "QMdiSubWindowTitleBar", "QDockWidgetTitle", "QPushButton", "QCheckBox", "QRadioButton",
    "QToolButton", "QAbstractItemView", "QListViewFont", "QHeaderViewFont", "QListBox",
    "QComboMenuItemFont", "QComboLineEditFont", "QHeaderView", "QListView", "QTabBar", "QComboBox",
    "QLineEdit", "QTextEdit", "QPlainTextEdit", "QGroupBox", "QToolTip",
)
# macOS's style reads these two for its small and mini controls: a size step down, still Sarabun.
SMALLER_CLASSES = {"QSmallFont": 2, "QMiniFont": 3}

_loaded: list[str] | None = None


def load_fonts() -> list[str]:
    """Register the four Sarabun UI faces with Qt (once per process); return the families found.

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
    """Load the fonts and make Sarabun UI the font of every widget; False when it could not be loaded.

    Its line box holds every stacked Thai mark, so no label needs room of its own for them.
    The application font alone is not enough on Windows: the platform theme gives tables, trees,
    headers, menus, the menu bar, message boxes, tool tips and the status bar fonts of their own
    (see :data:`THEMED_CLASSES`), so each of those classes gets Sarabun UI too.
    """
    families = load_fonts()
    if FAMILY not in families:
        return False
    font = app_font(point_size)
    app.setFont(font)
    # PySide6 6.11's stub types the class name as bytes, but only a str is accepted at run time.
    for class_name in THEMED_CLASSES:
        QApplication.setFont(font, class_name)  # type: ignore[arg-type]
    for class_name, step in SMALLER_CLASSES.items():
        QApplication.setFont(app_font(max(point_size - step, 6)), class_name)  # type: ignore[arg-type]
    return True
