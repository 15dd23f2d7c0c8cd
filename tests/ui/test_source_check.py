"""ui/shell/source_check.py: shiboken's per-import question "does this module use PySide6?"
answered by reading the source file, with shiboken's own answers (issue 16, start-up)."""

from __future__ import annotations

import importlib
import sys

import pytest

import PySide6.QtWidgets  # noqa: F401 — installs shiboken's check
from ui.shell import source_check


def test_the_quick_check_answers_as_shibokens_own() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 asks no such question")
    import ui.shell.app  # noqa: F401 — installs the quick check

    assert source_check.install()
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False)
    original = quick.__closure__[0].cell_contents  # the check it wraps
    names = ["ui.shell.main_window", "ui.common.widgets", "qualityschool_desktop.workspace",
             "qualityschool_desktop.district", "json", "sqlite3", "_sqlite3", "math", "keyring.core",
             "PySide6.QtCore", "shiboken6"]
    modules = [importlib.import_module(name) for name in names]
    assert [quick(m) for m in modules] == [original(m) for m in modules]
    assert quick(modules[0]) and not quick(modules[2])  # a window module uses Qt, the core does not
    source_check.install()  # a second call wraps nothing again
    assert feature._mod_uses_pyside is quick
