"""The edit history of a budget request item (ประวัติการแก้ไข, try14 F16): who changed which
field, when, from what to what, every change kept (migration 0029), a burst of typing being one
change as in answers' history (:mod:`~qualityschool_desktop.edit_history`); and the office's
decisions on it (RETEST14 N2), read from its own append-only ``budget_decisions`` (migration 0021:
every decision kept with when and by which installation, so no table of history is needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edit_history import FieldChange, RecordHistory, record_history
from ..errors import NotFoundError
from .requests import NOT_FOUND

if TYPE_CHECKING:
    from ..storage import CoreDatabase

# The fields a person edits, in the order a history lists a change's fields (amounts in satang).
EDITED_FIELDS = ("kind", "description", "quantity", "unit", "unit_price_satang", "span_years", "scope_codes",
                 "priority", "justification", "fiscal_year", "deleted")
# The office's decision as a history names it: the amount approved (satang; None: not decided, 0:
# refused) and the office's note (None: none).
APPROVED = "approved_satang"
APPROVAL_NOTE = "approval_note"


def decision_changes(db: "CoreDatabase", item_id: str) -> list[FieldChange]:
    """The office's decisions on ``item_id`` as changes, in the order they were made: one
    :data:`APPROVED` change per decision (from the decision before, None for the first: even a
    decision that repeats the amount, as after the school changed the item, says who decided and
    when) and an :data:`APPROVAL_NOTE` change where the note changed. Raises nothing."""
    changes: list[FieldChange] = []
    amount, note = None, ""
    for satang, text, decided_at, decided_by in db.execute(
            "SELECT approved_satang, note, decided_at, decided_by FROM budget_decisions WHERE request_id = ?"
            " ORDER BY seq", [item_id]).fetchall():
        changes.append(FieldChange(str(decided_at), str(decided_by), APPROVED, amount, satang))
        if (text or "") != note:
            changes.append(FieldChange(str(decided_at), str(decided_by), APPROVAL_NOTE, note or None, text or None))
        amount, note = satang, text or ""
    return changes


def item_history(db: "CoreDatabase", item_id: str) -> RecordHistory:
    """The history of the item ``item_id`` of ``budget_requests`` with the office's decisions on
    it (:func:`decision_changes`), oldest first (``unit_price_satang`` and ``approved_satang`` in
    satang as stored; the making first, then by time, decisions keeping their order). Raises
    :class:`NotFoundError` (Thai) for an unknown item."""
    history = record_history(db, "budget_requests", item_id, EDITED_FIELDS)
    if history is None:
        raise NotFoundError(NOT_FOUND)
    decisions = decision_changes(db, item_id)
    if not decisions:
        return history
    # Two laptops' clocks order the school's edits and the office's decisions; a stable sort keeps
    # each one's own order where the clocks tie.
    changes = sorted((*history.changes, *decisions), key=lambda c: (c.field != "created", c.changed_at))
    return RecordHistory(tuple(changes), history.complete)
