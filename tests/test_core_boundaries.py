"""The core stands on its own: no Qt, and its types check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_core_never_loads_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, qualityschool_desktop as core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    importlib.import_module('qualityschool_desktop.' + m.name)\n"
        "from qualityschool_desktop import cli\n"
        "cli.run(cli.parse(['selftest']))\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print('QT=' + ','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "QT="


def test_headless_commands_do_not_load_qt_or_the_report_stack() -> None:
    code = (
        "import sys, main\n"
        "main.main(['selftest'])\n"
        "print('LOADED=' + ','.join(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'reportlab', 'pythainlp'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED="


def test_mypy_passes_on_the_core() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
