"""A quicker answer to shiboken's question "does this module use PySide6?" (issue 16, start-up).

Once PySide6 is imported, shiboken asks that question of *every* module imported after it (for
its optional ``__feature__`` switches: snake_case, true_property, which this app never turns on)
by reading the module's source with ``inspect.getsource`` and looking for the text "PySide6".
Everything the window imports after Qt pays it: the core, sqlite-utils, numpy where installed,
keyring — 440 modules, ~10 % of the CPU time from launch to the first page (cProfile and
min-of-N CPU times under load, benchmarks/README.md). :func:`install` keeps the question and
its answer (the same search for the same text in the same source file) but reads the file
directly; a module without a ``.py`` source file goes to shiboken's own check. Where shiboken
has no such check (another PySide6 version), nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any, Callable

_MARK = b"PySide6"


def _quick(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if isinstance(origin, str) and origin.endswith(".py"):
            try:
                with open(origin, "rb") as source:
                    return _MARK in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Answer shiboken's per-import question by reading the source file (after ``import
    PySide6``); True when installed (or already), False where this PySide6 has no such check."""
    feature: Any = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or not callable(check) or not hasattr(feature, "feature_imported"):
        return False
    if not getattr(check, "quick", False):
        feature._mod_uses_pyside = _quick(check)
    return True
