"""Migration 0025 (TEST14e finding f01): an office's budget decision names the item's state it decided on.

Whether an item changed since the office's decision was told from the two laptops' clocks (the
item's ``modified_at`` against ``decided_at``), so a school laptop whose clock is behind kept an
approval "current" after the item changed. ``budget_decisions.decided_state`` is the digest of
the item's decided-on fields as the office saw them (``budget/requests.py``: ``state_digest``);
NULL for the decisions made before (their items keep the rule of times). It travels with the row,
left out when null (``exchange/records.OMITTED_WHEN_NULL``), so older rows keep their seals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _run, migrations
from .budget_decisions import DECISION_COLUMNS
from .owners import _no_update_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

# The columns no update may touch now (0021's and the state).
DECISION_COLUMNS_0025 = (*DECISION_COLUMNS, "decided_state")


@migrations(name="0025_budget_decided_state")
def m0025_budget_decided_state(db: Database) -> None:
    """TEST14e f01: ``budget_decisions.decided_state`` (64 hex digits or NULL), append-only like the rest of the row."""
    db.execute("ALTER TABLE budget_decisions ADD COLUMN decided_state TEXT"
               " CHECK (decided_state IS NULL OR length(decided_state) = 64)")
    db.execute("DROP TRIGGER budget_decisions_no_update")
    _run(db, _no_update_trigger("budget_decisions", DECISION_COLUMNS_0025))
