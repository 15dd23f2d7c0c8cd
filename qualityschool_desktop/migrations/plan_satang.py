"""Migration 0035 (s34 T6, seed 004): a plan activity's budget in satang, as budget requests keep theirs.

Seed 004 writes planned budgets with satang ("๙๔๙,๓๓๓.๓๓ บาท"); budget requests and project money
took satang already (``budget/money.py``) while ``plan_activities.budget_baht`` held whole baht and
the plan tab refused "1,500.50". The column becomes ``budget_satang`` (whole baht times 100, exact
in integers; NULL stays "not known").

What a row is elsewhere does not change for an amount of whole baht: the exchange carries and
digests such a row as before (``"budget_baht": 1500``, ``exchange/records.travelling_form``), so the
seals that cover the rows here (``signed_set``) and that relays forward still verify, and no version
is counted: this is the same record, written in a finer unit. The triggers of ``plan_activities``
are set aside while the amounts are multiplied (the version, snapshot, owner and seal triggers would
take the migration for an edit by this laptop) and made again as they were; the two that list the
table's columns by name in JSON (the history's snapshot, 0029, and the owner's kept version, 0033)
are made over the new column. The rows a record's earlier states, a change waiting for a person, a
kept owner's version or a conflict's sides hold as JSON are rewritten the same way, so every reader
meets one form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations
from .history import full_snapshot_trigger
from .owner_versions import keep_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "plan_activities"
OLD, NEW = "budget_baht", "budget_satang"
SATANG_PER_BAHT = 100


def _json_in_satang(column: str) -> str:
    """SQL: ``column`` (a row as JSON) with its ``budget_baht`` turned into ``budget_satang`` (× 100)."""
    return (f"json_set(json_remove({column}, '$.{OLD}'), '$.{NEW}',"
            f" json_extract({column}, '$.{OLD}') * {SATANG_PER_BAHT})")


def _holds_baht(column: str) -> str:
    return f"json_valid({column}) AND json_type({column}, '$.{OLD}') IS NOT NULL"


@migrations(name="0035_plan_budget_satang")
def m0035_plan_budget_satang(db: Database) -> None:
    """s34 T6: ``plan_activities.budget_baht`` (whole baht) becomes ``budget_satang`` (× 100), in the
    table and in every stored JSON copy of its rows (see the module's docstring)."""
    triggers = [(str(name), str(sql)) for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid", [TABLE]).fetchall()]
    for name, _sql in triggers:  # made again below in the same order (SQLite fires them by it)
        db.execute(f'DROP TRIGGER "{name}"')
    db.execute(f"ALTER TABLE {TABLE} RENAME COLUMN {OLD} TO {NEW}")  # its CHECK (>= 0) follows the name
    db.execute(f"UPDATE {TABLE} SET {NEW} = {NEW} * {SATANG_PER_BAHT} WHERE {NEW} IS NOT NULL")
    remade = {f"{TABLE}_snapshot": full_snapshot_trigger(db, TABLE), f"{TABLE}_keep_sealed": keep_trigger(db, TABLE)}
    for name, sql in triggers:
        if name not in remade and OLD in sql:  # none does: the others never name the budget
            raise RuntimeError(f"trigger {name} names {TABLE}.{OLD}: make it again over {NEW}")
        db.execute(remade.get(name, sql))
    for table, column in (("record_snapshots", "row_json"), ("pending_changes", "row_json"),
                          ("owner_versions", "row_json"), ("exchange_conflicts", "losing_json"),
                          ("exchange_conflicts", "winning_json")):
        db.execute(f"UPDATE {table} SET {column} = {_json_in_satang(column)}"
                   f" WHERE table_name = '{TABLE}' AND {_holds_baht(column)}")
