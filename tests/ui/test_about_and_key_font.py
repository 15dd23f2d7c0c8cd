"""Issue 12 finding 6: the About box broke a Windows path after "C:" (the rest is one long word
with no break), and the key fingerprint fell back to a serif font on Windows (Qt's FixedFont
there named a family Windows does not have)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QLabel, QMessageBox

from ui.exchange.words import key_font
from ui.shell import about

ZWSP = "\u200b"
WINDOWS_PATH = r"C:\users\root\AppData\Local\QualitySchoolDesktop\qualityschool.sqlite3"


def test_a_long_windows_path_may_break_at_each_folder_not_only_after_the_drive(qtbot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    parent = QLabel()
    qtbot.addWidget(parent)
    about.show_about(parent, Path(WINDOWS_PATH))
    text = shown[0]
    assert WINDOWS_PATH.replace("\\", "\\" + ZWSP) in text  # a break is allowed after every separator
    assert text.replace(ZWSP, "").count(WINDOWS_PATH) == 1  # and the path reads as it is


def test_key_font_names_windows_monospace_families_before_the_generic_hint(qtbot) -> None:
    font = key_font(QFont("Sarabun", 10), scale=1.3, bold=True)
    assert font.families()[:2] == ["Consolas", "Courier New"]
    assert font.styleHint() == QFont.StyleHint.Monospace
    assert font.bold() and abs(font.pointSizeF() - 13) < 0.01
    label = QLabel("ABCD-EF12")
    qtbot.addWidget(label)
    label.setFont(font)
    if sys.platform == "linux":  # a fixed-width family is installed here; a bare Wine has none
        assert QFontInfo(label.font()).fixedPitch()
