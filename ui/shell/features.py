"""The window's features, in one place: the only module that imports them.

Each is a package with an ``install(shell)`` (``ui/shell/api.py``) that adds its actions, pages
and school-page tabs and returns its controller. The order is the order of their menu entries
within a group. A new capability is a new package here, not a new method on the main window.
"""

from __future__ import annotations

from typing import Any

from ui import (
    assessment, backup, budget, coverage, district, exchange, follow_ups, indicators, office_report, plans, projects,
    rounds, schools, visits,
)

from .api import Shell

FEATURES = (schools, assessment, visits, follow_ups, coverage, district, office_report, rounds, indicators, budget, exchange,
            backup, plans, projects)


def install_features(shell: Shell) -> dict[str, Any]:
    """Install every feature into ``shell``; their controllers by package name (``"visits"``)."""
    return {feature.__name__.rsplit(".", 1)[1]: feature.install(shell) for feature in FEATURES}
