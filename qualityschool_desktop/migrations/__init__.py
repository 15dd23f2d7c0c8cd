"""The database schema, as an ordered list of migrations (applied by sqlite-utils' ``Migrations``).

Each migration is applied once and is never edited after a release: a change to the schema is a
new migration at the end. Constraints live in the schema (NOT NULL, CHECK, FOREIGN KEY) so that
no code path can store what the domain forbids.

New migrations go in a module of their own (named after what they hold), imported below after the
ones before it: registration order is apply order.
"""

from __future__ import annotations

from ._registry import MIGRATION_SET, migrations
from . import base as _base  # noqa: F401  (0001–0004)
from . import owners as _owners  # noqa: F401  (0005–0010)
from . import records as _records  # noqa: F401  (0011–0017)
from . import comments as _comments  # noqa: F401  (0018)
from . import budget as _budget  # noqa: F401  (0019)
from . import plans as _plans  # noqa: F401  (0020)
from . import budget_decisions as _budget_decisions  # noqa: F401  (0021)
from . import indicators as _indicators  # noqa: F401  (0024)
from . import contacts as _contacts  # noqa: F401  (0023, issue 15)
from . import projects as _projects  # noqa: F401  (0022, issue 15: imported last, its trigger rebuild covers every sealed table)
from . import budget_state as _budget_state  # noqa: F401  (0025, TEST14e f01: after 0022 as its number says)
from . import answer_scores as _answer_scores  # noqa: F401  (0028, issue 16)
from . import history as _history  # noqa: F401  (0029, try14 F16)
from . import project_results as _project_results  # noqa: F401  (0030, issue 15)
from . import framework_items as _framework_items  # noqa: F401  (0031, issue 16: imported last)
from .owners import _APPEND_ONLY_COLUMNS, APPEND_ONLY, SNAPSHOTS_KEPT, VERSION_FULL, VERSIONED
from .records import NOT_OWNER

__all__ = [
    "APPEND_ONLY", "MIGRATION_SET", "NOT_OWNER", "SNAPSHOTS_KEPT", "VERSION_FULL", "VERSIONED",
    "_APPEND_ONLY_COLUMNS", "known_migrations", "migrations",
]


def known_migrations() -> tuple[str, ...]:
    """The names of every migration this version knows, in order (no sqlite-utils needed: an
    up-to-date file opens without it, issue 16)."""
    return migrations.names()
