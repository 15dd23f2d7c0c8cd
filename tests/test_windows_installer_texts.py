"""The Windows installer's Thai (issue 12 finding 4).

NSIS's stock Thai calls the uninstaller "ยกเลิกการติดตั้ง", which a Thai reader takes as "cancel
the installation"; ours says "ถอนการติดตั้ง" in every uninstaller text it shows (caption, button,
page headers, the confirm page's text). The welcome page's second paragraph was cut at the right
edge: ours is short. ``makensis`` (Debian's ``nsis``) proves the script still builds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "windows" / "installer.nsi"
CANCEL_WORDS = "ยกเลิกการติดตั้ง"


def test_every_uninstaller_text_is_overridden_with_thon_kan_titang() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert CANCEL_WORDS not in text
    for command in ("UninstallCaption", "UninstallButtonText", "UninstallText", "UninstallSubCaption 0",
                    "UninstallSubCaption 1", "UninstallSubCaption 2", "MUI_UNCONFIRMPAGE_TEXT_TOP",
                    "MUI_UNCONFIRMPAGE_TEXT_LOCATION", "MUI_INSTFILESPAGE_FINISHHEADER_TEXT",
                    "MUI_INSTFILESPAGE_ABORTHEADER_TEXT"):
        lines = [line for line in text.splitlines() if re.search(rf"^\s*(!define\s+)?{command}\b", line)]
        assert lines, command
        assert all("ถอน" in line for line in lines), lines


def test_welcome_paragraphs_are_short_enough_for_the_page() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    match = re.search(r'!define MUI_WELCOMEPAGE_TEXT "(.*)"', text)
    assert match, "the welcome page's text is ours, not the stock Thai"
    paragraphs = [p for p in match.group(1).split("$\\r$\\n$\\r$\\n") if p]
    # The page holds about 4 lines of ~45 Thai characters per paragraph at 96 dpi.
    assert all(len(p) <= 120 for p in paragraphs), [len(p) for p in paragraphs]


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian's nsis) is not installed")
def test_the_installer_script_builds(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    for name in ("QualitySchoolDesktop.exe", "qsd-cli.exe"):
        (dist / name).write_bytes(b"MZ")
    setup = tmp_path / "setup.exe"
    result = subprocess.run(
        ["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DDIST={dist}", "-DVERSION=0.1.0", f"-DOUTFILE={setup}",
         f"-DICON={ROOT / 'resources' / 'icons' / 'app.ico'}", str(SCRIPT)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert setup.stat().st_size > 0


def test_the_uninstallers_confirm_page_says_where_the_data_stays() -> None:
    # try12c finding 4: the page said the data is kept but not where (only a later message box did).
    text = SCRIPT.read_text(encoding="utf-8")
    match = re.search(r'!define MUI_UNCONFIRMPAGE_TEXT_TOP "(.*)"', text)
    assert match
    assert "$LOCALAPPDATA\\${APP}" in match.group(1)
    assert "ยังเก็บไว้ที่" in match.group(1)
    # The page's label holds about 3 lines; the path itself takes most of one.
    assert len(match.group(1).replace("$\\r$\\n", "")) <= 150
