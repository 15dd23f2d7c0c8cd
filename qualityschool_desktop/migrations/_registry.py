"""The one ``Migrations`` list every schema module registers into, and what they share."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "qualityschool"
migrations = Migrations(MIGRATION_SET)

# Columns every exchangeable record carries (see DOMAIN.md: data moves between laptops).
_TRACKED = """
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    modified_by TEXT NOT NULL
"""


def _run(db: Database, statements: str) -> None:
    # executescript() would COMMIT the migration's transaction; run statements one by one.
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)
