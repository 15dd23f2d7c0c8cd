"""The window's features, in one place: the only module that imports them.

Each is a package with an ``install(shell)`` (``ui/shell/api.py``) that adds its actions, pages
and school-page tabs and returns its controller. The order is the order of their menu entries
within a group. A new capability is a new package here, not a new method on the main window.

At start the first page, the school list, needs only the schools feature (:func:`install_first`);
the others are imported and installed once that page has painted (:func:`install_rest`; issue 16:
"ready"), or sooner when something needs them (``MainWindow.complete_features``).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from .api import Shell


def _first() -> tuple[ModuleType, ...]:
    from ui import schools

    return (schools,)


def _rest() -> tuple[ModuleType, ...]:
    from ui import (
        assessment, backup, budget, coverage, district, exchange, follow_ups, indicators, office_report, plans, projects,
        rounds, visits,
    )

    return (assessment, visits, follow_ups, coverage, district, office_report, rounds, indicators, budget, exchange,
            backup, plans, projects)


def _install(shell: Shell, features: tuple[ModuleType, ...]) -> dict[str, Any]:
    return {feature.__name__.rsplit(".", 1)[1]: feature.install(shell) for feature in features}


def install_first(shell: Shell) -> dict[str, Any]:
    """The features the first page, the school list, needs (the school page waits for the rest: its
    tabs are theirs); their controllers by package name (``"schools"``)."""
    return _install(shell, _first())


def install_rest(shell: Shell) -> dict[str, Any]:
    """Every other feature, in menu order after :func:`install_first`'s; their controllers by name."""
    return _install(shell, _rest())


def install_features(shell: Shell) -> dict[str, Any]:
    """Install every feature into ``shell``; their controllers by package name (``"visits"``)."""
    return {**install_first(shell), **install_rest(shell)}
