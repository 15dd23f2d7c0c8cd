"""Migration 0021 (issue 14): the office's approvals of budget requests travel.

0019 kept what the office approved of each item in ``budget_approvals``, at its laptop only. The
school needs to see it, and only the office may make it: ``budget_decisions`` is append-only
history owned by the office that decided, like ``review_decisions`` (0014): each row names the
request, the amount approved (satang; NULL: not decided), the office's note, when and by which
installation; a later decision supersedes the one before and both stay. The rows 0019 kept are
carried over as the first decisions, and ``budget_approvals`` goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..ids import new_id
from ..validation import MAX_SATANG
from ._registry import _run, migrations
from .budget import remake_counter_triggers
from .owners import _no_update_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

# The columns no update may touch (all of them but the seal, which a receiver stores).
DECISION_COLUMNS = ("seq", "id", "request_id", "approved_satang", "note", "decided_at", "decided_by")


@migrations(name="0021_budget_decisions")
def m0021_budget_decisions(db: Database) -> None:
    """Issue 14: ``budget_decisions``, the office's approvals of budget requests as append-only,
    office-owned records that travel (``exchange/owners.py``: owner kind ``office``), replacing
    0019's local ``budget_approvals`` (its rows become the first decisions)."""
    _run(db, f"""
CREATE TABLE budget_decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    request_id TEXT NOT NULL REFERENCES budget_requests(id),
    approved_satang INTEGER CHECK (approved_satang IS NULL OR approved_satang BETWEEN 0 AND {MAX_SATANG}),
    note TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL CHECK (decided_by <> ''),
    signed_set TEXT
);
CREATE INDEX budget_decisions_request ON budget_decisions (request_id);
CREATE INDEX budget_decisions_signed_set ON budget_decisions (signed_set) WHERE signed_set IS NOT NULL;
""")
    rows = db.execute("SELECT request_id, approved_satang, note, decided_at, decided_by FROM budget_approvals"
                      " ORDER BY decided_at, request_id").fetchall()
    db.conn.executemany(
        "INSERT INTO budget_decisions (id, request_id, approved_satang, note, decided_at, decided_by)"
        " VALUES (?, ?, ?, ?, ?, ?)", [(new_id(), *row) for row in rows])
    db.execute("DROP TABLE budget_approvals")
    _run(db, _no_update_trigger("budget_decisions", DECISION_COLUMNS)
         + "CREATE TRIGGER budget_decisions_no_delete BEFORE DELETE ON budget_decisions"
           " BEGIN SELECT RAISE(ABORT, 'budget_decisions is append-only'); END\n")
    remake_counter_triggers(db)  # a seal stays while a decision names it
