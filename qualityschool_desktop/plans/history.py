"""The edit history of a plan's parts (ประวัติการแก้ไข, issue 14): who changed which field of a
goal, indicator or activity (or of the plan itself), when, and to what.

The plan's tables keep every earlier state of a record (``record_snapshots``, migrations 0008
and 0029); :func:`~qualityschool_desktop.edit_history.record_history` reads them, a burst of
typing being one change as in answers' history. ``complete`` is False only for a record whose
older states were dropped before migration 0029.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..edit_history import FieldChange, RecordHistory, record_history
from ..errors import NotFoundError
from .store import PARTS

if TYPE_CHECKING:
    from ..storage import CoreDatabase

# The fields a person edits, in the order a history lists a change's fields.
EDITED_FIELDS = ("title", "first_year", "last_year", "component_code", "name", "item_codes", "target_level",
                 "unit", "baseline", "targets", "actuals", "responsible", "owner", "starts_on", "ends_on",
                 "budget_satang", "status", "goal_id", "deleted")

# One field's change and a record's changes (the names the window has used since issue 14).
PartChange = FieldChange
PartHistory = RecordHistory


def part_history(db: "CoreDatabase", table: str, record_id: str) -> PartHistory:
    """The history of one record of ``table`` (``"plans"`` or one of :data:`~.store.PARTS`).
    JSON fields (``item_codes``, ``targets``, ``actuals``) come back decoded (a list; a dict of BE
    year → number). Raises :class:`NotFoundError` (Thai) for an unknown table or record."""
    if table not in ("plans", *PARTS):
        raise NotFoundError("ไม่พบรายการนี้ในแผนพัฒนา")
    history = record_history(db, table, record_id, EDITED_FIELDS, _decoded)
    if history is None:
        raise NotFoundError("ไม่พบรายการนี้ในแผนพัฒนา (อาจถูกลบไปแล้ว)")
    return history


def _decoded(name: str, value: Any) -> Any:
    if name in ("item_codes", "targets", "actuals") and isinstance(value, str):
        decoded = json.loads(value)
        return {int(year): number for year, number in decoded.items()} if isinstance(decoded, dict) else decoded
    return value
