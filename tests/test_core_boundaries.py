"""The core stands on its own: no Qt, and its types (and the window's) check; the reports ask the core."""

from __future__ import annotations

import ast
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
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "QT="


def test_headless_commands_do_not_load_qt_or_the_report_stack() -> None:
    code = (
        "import sys, main\n"
        "main.main(['selftest'])\n"
        "print('LOADED=' + ','.join(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'reportlab', 'pythainlp'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED="


def test_mypy_passes_on_the_core_and_the_ui() -> None:
    # pyproject.toml's [tool.mypy] files: qualityschool_desktop, ui and main.py.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_report_packages_load_without_the_typesetting_engine() -> None:
    # Proposing a file name or exporting tables must not pay for ReportLab, HarfBuzz or pythainlp.
    code = (
        "import sys\n"
        "from qualityschool_desktop.reports import self_assessment, summary, visit\n"
        "from qualityschool_desktop.reports.summary import export, tables\n"
        "print('LOADED=' + ','.join(sorted(n for n in sys.modules if n.split('.')[0] in "
        "('reportlab', 'pythainlp', 'uharfbuzz'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED="


def test_the_reports_ask_the_core_and_run_no_sql() -> None:
    # A schema change then touches the core and its tests, not the reports.
    found = []
    for path in sorted((ROOT / "qualityschool_desktop" / "reports").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("db", "conn", "query", "execute", "executescript"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert not found, "the reports reach into the database:\n" + "\n".join(found)

