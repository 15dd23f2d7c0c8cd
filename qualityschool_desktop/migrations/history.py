"""Migration 0029 (try14 F16): the plan's and the budget request's rows keep every earlier state.

Issue 14 asks the plan and budget pages for "the same … history … as answers", whose history
keeps every change. 0008's snapshot trigger keeps the newest
:data:`~.owners.SNAPSHOTS_KEPT` earlier states of a record (enough for the exchange's pending
changes), so a new indicator's creation and first typed name were gone after a few edits. For the
tables a person edits field by field in the plan and budget pages the trigger now keeps every
earlier state (``record_snapshots``; they go with the record when it is deleted, migration 0012).
The window saves typed text when the typing pauses, so a state is a person's edit; the history
readers (``edit_history.py``) join a burst of typing into one change, as answers do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

# The tables whose records keep every earlier state (0020's PLAN_TABLES and 0019's budget_requests).
FULL_HISTORY_TABLES = ("plans", "plan_goals", "plan_indicators", "plan_activities", "budget_requests")


def full_snapshot_trigger(db: Database, table: str) -> str:
    """The ``{table}_snapshot`` trigger that keeps every earlier state of a record of ``table``
    (its columns as they are now, the seal left out as 0008's trigger does)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
    pairs = ", ".join(f"'{c}', OLD.{c}" for c in columns if c != "signed_set")
    # Before the update, so OLD is the state its version names; the version trigger's own update
    # (same old version) is then ignored by the primary key.
    return (f"CREATE TRIGGER {table}_snapshot BEFORE UPDATE ON {table} BEGIN"
            " INSERT OR IGNORE INTO record_snapshots (table_name, record_id, version, row_json)"
            f" VALUES ('{table}', OLD.id, OLD.version, json_object({pairs})); END")


@migrations(name="0029_full_edit_history")
def m0029_full_edit_history(db: Database) -> None:
    """try14 F16: the snapshot triggers of :data:`FULL_HISTORY_TABLES` no longer drop a record's
    older states (states already dropped stay gone)."""
    for table in FULL_HISTORY_TABLES:
        db.execute(f"DROP TRIGGER {table}_snapshot")
        db.execute(full_snapshot_trigger(db, table))
