"""The database schema, as an ordered list of migrations (applied by sqlite-utils' ``Migrations``).

Each migration is applied once and is never edited after a release: a change to the schema is a
new migration at the end. Constraints live in the schema (NOT NULL, CHECK, FOREIGN KEY) so that
no code path can store what the domain forbids.

New migrations go in a module of their own (named after what they hold), added with their names at
the end of ``_registry.SCHEMA``: its order is apply order. The modules are imported when a file needs
a migration (``migrations.apply``), not to open an up-to-date one (issue 16).
"""

from __future__ import annotations

from typing import Any

from ._registry import MIGRATION_SET, SCHEMA, migrations

__all__ = [
    "APPEND_ONLY", "MIGRATION_SET", "NOT_OWNER", "SCHEMA", "SNAPSHOTS_KEPT", "VERSION_FULL", "VERSIONED",
    "_APPEND_ONLY_COLUMNS", "known_migrations", "migrations",
]

# The schema's lists other modules read, from the modules that define them (imported when first asked).
_LISTS = {"APPEND_ONLY": "owners", "SNAPSHOTS_KEPT": "owners", "VERSION_FULL": "owners", "VERSIONED": "owners",
          "_APPEND_ONLY_COLUMNS": "owners", "NOT_OWNER": "records"}


def __getattr__(name: str) -> Any:
    if name in _LISTS:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LISTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def known_migrations() -> tuple[str, ...]:
    """The names of every migration this version knows, in order (neither the schema's modules nor
    sqlite-utils are imported: an up-to-date file opens without them, issue 16)."""
    return migrations.names()
