"""The edit history of a versioned record, field by field (ประวัติการแก้ไข): who changed which
field, when, and from what to what.

Before each change a record's earlier state goes to ``record_snapshots`` (migration 0008); the
plan's and the budget request's tables keep every earlier state (migration 0029), other tables
the newest few. The history is read from those states and the row as it is now. A burst of typing
(changes of one field by one laptop, each within :data:`~.answers.BURST_GAP` of the one before)
is one change, from the value before the burst to the value after it, as answers' history keeps
it; a burst that ends where it began is no change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .answers import BURST_GAP
from .clock import parse_iso

if TYPE_CHECKING:
    from .storage import CoreDatabase


@dataclass(frozen=True)
class FieldChange:
    """One field's change: ``changed_at`` (the core's UTC stamp; a burst's last), ``changed_by``
    (installation id), ``field`` (a column name, ``"created"`` for the record's making, with no
    values), the stored ``old_value`` and ``new_value`` (decoded by the reader's ``decode``; None
    for none)."""

    changed_at: str
    changed_by: str
    field: str
    old_value: Any
    new_value: Any


@dataclass(frozen=True)
class RecordHistory:
    """A record's changes, oldest first; ``complete`` False when older ones are no longer kept
    (states dropped before migration 0029, or a table that keeps only the newest few)."""

    changes: tuple[FieldChange, ...]
    complete: bool


def record_history(db: "CoreDatabase", table: str, record_id: str, fields: Iterable[str],
                   decode: Callable[[str, Any], Any] = lambda _name, value: value) -> RecordHistory | None:
    """The history of record ``record_id`` of ``table`` (a versioned table; the caller names it,
    never a person), over the columns ``fields`` in the order a change lists them; None when the
    table has no such record. ``decode(field, stored)`` turns a stored value into what the
    history gives."""
    current = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
    if not current:
        return None
    states = [json.loads(row["row_json"]) for row in db.query(
        "SELECT row_json FROM record_snapshots WHERE table_name = ? AND record_id = ? ORDER BY rowid",
        [table, record_id])]
    states.append(dict(current[0]))
    names = tuple(fields)
    first = states[0]
    complete = first.get("created_at") == first.get("modified_at")
    changes: list[FieldChange] = []
    if complete:
        changes.append(FieldChange(first["created_at"], first["modified_by"], "created", None, None))
    # The version trigger's own update stores no earlier state; equal neighbours say nothing.
    open_bursts: dict[str, int] = {}  # field → index in changes of its burst still open
    for before, after in zip(states, states[1:]):
        when, who = str(after["modified_at"]), str(after["modified_by"])
        for name in names:
            if name not in after or before.get(name) == after.get(name):
                continue
            index = open_bursts.get(name)
            if index is not None and _same_burst(changes[index], when, who):
                changes[index] = FieldChange(when, who, name, changes[index].old_value, after.get(name))
            else:
                open_bursts[name] = len(changes)
                changes.append(FieldChange(when, who, name, before.get(name), after.get(name)))
    kept = [change for change in changes if change.field == "created" or change.old_value != change.new_value]
    return RecordHistory(tuple(FieldChange(c.changed_at, c.changed_by, c.field, decode(c.field, c.old_value),
                                           decode(c.field, c.new_value)) if c.field != "created" else c
                               for c in kept), complete)


def _same_burst(change: FieldChange, when: str, who: str) -> bool:
    try:
        gap = parse_iso(when) - parse_iso(change.changed_at)
    except ValueError:
        return False
    return who == change.changed_by and abs(gap) <= BURST_GAP
