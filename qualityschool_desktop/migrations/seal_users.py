"""Migration 0032 (issue 16): the seals' clean-up names the sealed tables through one view.

0012/0017's clean-up (a seal that no row and no waiting change names any more goes after a local
edit, a deletion or a decision) ended 33 triggers with one ``NOT EXISTS`` per sealed table: 34 of
them, 10 naming a table twice (``budget.remake_counter_triggers`` passed the old tables again).
SQLite parses the whole schema at each connection's first statement, and those lists were most of
it (48.1 M instructions at every opening, the triggers 43.9 M; issue 16, branch rc30). The view
``seal_users`` (``signed_set`` of every table with a seal, ``UNION ALL``) says the same once; each
trigger asks it one ``NOT EXISTS``, which SQLite answers with each table's seal index (the ``WHERE``
is pushed into every arm of the view). The rest of each trigger is made as before, word for word.

A later migration that adds a table with a ``signed_set`` column calls :func:`remake_seal_cleanup`
(``tests/test_seal_users.py`` fails while the view misses a sealed table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations
from .budget import append_only_tables, versioned_tables
from .records import _counter_triggers, _decision_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

VIEW = "seal_users"


def unused_seal(seal: str) -> str:
    """The clean-up's statement for ``seal`` (SQL of a seal id, ``OLD.signed_set``): the seal goes
    when no sealed row (:data:`VIEW`) and no waiting change names it."""
    return (f"DELETE FROM seals WHERE id = {seal} AND NOT EXISTS (SELECT 1 FROM {VIEW} WHERE signed_set = {seal})"
            f" AND NOT EXISTS (SELECT 1 FROM pending_changes WHERE seal_id = {seal} AND decision = '')")


def remake_seal_cleanup(db: Database) -> None:
    """The view :data:`VIEW` over every table of ``db``'s live schema with a ``signed_set`` column,
    and the version and clean-up triggers of every versioned table and of ``pending_changes``'
    decisions made again with :func:`unused_seal` (sqlite-utils' ``Database``, inside a migration)."""
    versioned, append_only = versioned_tables(db), append_only_tables(db)
    db.execute(f"DROP VIEW IF EXISTS {VIEW}")
    db.execute(f"CREATE VIEW {VIEW} AS " + " UNION ALL ".join(
        f"SELECT signed_set FROM {table}" for table in (*versioned, *append_only)))
    for table in versioned:
        for trigger in ("version_on_insert", "version_on_update", "cleanup_on_delete"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
        for statement in _counter_triggers(table, append_only, unused_seal):
            db.execute(statement)
    db.execute("DROP TRIGGER pending_changes_seal_on_decision")
    db.execute(_decision_trigger(append_only, unused_seal))


@migrations(name="0032_seal_users")
def m0032_seal_users(db: Database) -> None:
    """Issue 16: the seals' clean-up of 0012/0017 with the same guarantee in a fraction of the
    schema's text (see the module's docstring)."""
    remake_seal_cleanup(db)
