"""The edit history of a budget request item (ประวัติการแก้ไข, try14 F16): who changed which
field, when, from what to what, every change kept (migration 0029), a burst of typing being one
change as in answers' history (:mod:`~qualityschool_desktop.edit_history`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edit_history import RecordHistory, record_history
from ..errors import NotFoundError
from .requests import NOT_FOUND

if TYPE_CHECKING:
    from ..storage import CoreDatabase

# The fields a person edits, in the order a history lists a change's fields (amounts in satang).
EDITED_FIELDS = ("kind", "description", "quantity", "unit", "unit_price_satang", "span_years", "scope_codes",
                 "priority", "justification", "fiscal_year", "deleted")


def item_history(db: "CoreDatabase", item_id: str) -> RecordHistory:
    """The history of the item ``item_id`` of ``budget_requests``, oldest first (``unit_price_satang``
    in satang as stored). Raises :class:`NotFoundError` (Thai) for an unknown item."""
    history = record_history(db, "budget_requests", item_id, EDITED_FIELDS)
    if history is None:
        raise NotFoundError(NOT_FOUND)
    return history
