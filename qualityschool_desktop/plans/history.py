"""The edit history of a plan's parts (ประวัติการแก้ไข, issue 14): who changed which field of a
goal, indicator or activity (or of the plan itself), when, and to what.

The plan's tables are versioned: before each change the row's earlier state goes to
``record_snapshots`` (migration 0008), which keeps the newest
:data:`~qualityschool_desktop.migrations.owners.SNAPSHOTS_KEPT` states of each record. The
history is read from those states and the row as it is now, field by field; a record changed more
often than that shows its newest changes and says older ones are not kept (``complete`` False).
The window saves a typed field when the typing stops (not on each keystroke), so these are a
person's edits, as answers' history shows them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError
from .store import PARTS

if TYPE_CHECKING:
    from ..storage import CoreDatabase

# The fields a person edits, in the order a history lists a change's fields.
EDITED_FIELDS = ("title", "first_year", "last_year", "component_code", "name", "item_codes", "target_level",
                 "unit", "baseline", "targets", "actuals", "responsible", "owner", "starts_on", "ends_on",
                 "budget_baht", "status", "goal_id", "deleted")


@dataclass(frozen=True)
class PartChange:
    """One field's change: ``changed_at`` (the core's UTC stamp), ``changed_by`` (installation
    id), ``field`` (a column name, ``"created"`` for the record's making, with no values), the
    stored ``old_value`` and ``new_value`` as Python values (None for none)."""

    changed_at: str
    changed_by: str
    field: str
    old_value: Any
    new_value: Any


@dataclass(frozen=True)
class PartHistory:
    """A record's changes, oldest first; ``complete`` False when older ones are no longer kept."""

    changes: tuple[PartChange, ...]
    complete: bool


def part_history(db: "CoreDatabase", table: str, record_id: str) -> PartHistory:
    """The history of one record of ``table`` (``"plans"`` or one of :data:`~.store.PARTS`).
    JSON fields (``item_codes``, ``targets``, ``actuals``) come back decoded (a list; a dict of BE
    year → number). Raises :class:`NotFoundError` (Thai) for an unknown table or record."""
    if table not in ("plans", *PARTS):
        raise NotFoundError("ไม่พบรายการนี้ในแผนพัฒนา")
    current = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
    if not current:
        raise NotFoundError("ไม่พบรายการนี้ในแผนพัฒนา (อาจถูกลบไปแล้ว)")
    states = [json.loads(row["row_json"]) for row in db.query(
        "SELECT row_json FROM record_snapshots WHERE table_name = ? AND record_id = ? ORDER BY rowid",
        [table, record_id])]
    states.append(dict(current[0]))
    # The version trigger's own update stores no earlier state; equal neighbours say nothing.
    changes: list[PartChange] = []
    first = states[0]
    complete = first.get("created_at") == first.get("modified_at")
    if complete:
        changes.append(PartChange(first["created_at"], first["modified_by"], "created", None, None))
    for before, after in zip(states, states[1:]):
        for name in EDITED_FIELDS:
            if name in after and before.get(name) != after.get(name):
                changes.append(PartChange(after["modified_at"], after["modified_by"], name,
                                          _decoded(name, before.get(name)), _decoded(name, after.get(name))))
    return PartHistory(tuple(changes), complete)


def _decoded(name: str, value: Any) -> Any:
    if name in ("item_codes", "targets", "actuals") and isinstance(value, str):
        decoded = json.loads(value)
        return {int(year): number for year, number in decoded.items()} if isinstance(decoded, dict) else decoded
    return value
