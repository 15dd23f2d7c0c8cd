"""Conflicts of the same content kept by a program before s33, settled as ``equal_sides`` would have.

Before s33 (``equal_sides.py``) two concurrent versions of a record whose content is the same were
kept in ``exchange_conflicts`` like any other conflict: a director still sees "ใช้ฉบับนี้" between
two identical sides. Each such open conflict is settled now exactly as ``equal_sides.settle`` does
on arrival, and nothing else is touched:

* at a laptop that owns the record (``equal_sides.ours_to_join``) the record in use is *joined*
  with both sides: the same content, a version that descends from the record and both sides, the
  later (``modified_at``, ``modified_by``) pair, written as this laptop's own version; migration
  0010's trigger then closes the conflict, as for any version that descends from both sides;
* elsewhere (a district, a supervisor) the ranked side stays in use, as it has since the conflict
  was stored: the conflict is marked resolved and the record is left as it is.

A conflict whose record has since changed to other content, or is gone, or whose join would leave
no room for this laptop's next change, is only marked resolved (the record left as it is): the
two sides themselves never asked a person anything.

**When**: when the conflict list is read on a writable database (``conflicts.list_conflicts`` calls
:func:`settle_at_opening`: the window's list, the command's; s34 exw34b B16: a school laptop that
only sends files never imports one; not at opening: the core's workspace never imports the
exchange), and at every import
(:func:`settle_stored`, inside the import's transaction, before its records are judged: a key that
could not be read at opening). Not in a migration: joining at an owner judges the record's owners as
the exchange does (the school's signed statement against this installation's own key, kept in the
system's key store, not in the database), and a migration sees only the database file and is never
edited after release. The check costs one query over the open conflicts (few); after the first
settling it finds nothing, as s33's imports never keep such a pair. A settled conflict's
``resolved_at`` is the moment it was settled (B2: never the join's ``modified_at``, which may be
earlier than the conflict's ``detected_at``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..clock import now_iso
from . import equal_sides, signing, versions
from .decision import Decision
from .lineage import Lineage
from .ownership import Ownership, vector
from .records import APPEND_ONLY

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .store import WritingStore


def settle_stored(workspace: "Workspace", travelling: dict[str, tuple[str, ...]], store: "WritingStore") -> int:
    """Inside the caller's write transaction: settle every open conflict whose two sides hold the
    same content (see the module's docstring), through ``store`` (the import's write path).
    Returns how many were settled. Raises only ``sqlite3.Error``."""
    conn = workspace.db.conn
    found = conn.execute("SELECT id, table_name, record_id, winning_json, losing_json FROM exchange_conflicts"
                         " WHERE resolved = 0").fetchall()
    same: list[tuple[str, str, str, dict[str, Any], dict[str, Any]]] = []
    for conflict_id, table, record_id, winning_json, losing_json in found:
        if table in APPEND_ONLY or table not in travelling:
            continue
        winning, losing = json.loads(winning_json), json.loads(losing_json)
        if equal_sides.same_content(_travelling(winning, travelling[table]), losing):
            same.append((conflict_id, table, record_id, winning, losing))
    if not same:
        return 0
    owners = Ownership(conn, workspace.installation_id, signing.own_fingerprint(),
                       Lineage(conn, workspace.frameworks, ""))
    now = now_iso()
    for conflict_id, table, record_id, winning, losing in same:
        columns = travelling[table]
        here = conn.execute(f"SELECT {', '.join(columns)}, signed_set FROM {table} WHERE id = ?", [record_id]).fetchone()
        if here is not None:
            local = dict(zip((*columns, "signed_set"), here))
            current = {column: local[column] for column in columns}
            if equal_sides.same_content(_travelling(winning, columns), current) \
                    and equal_sides.ours_to_join(owners, table, current, local):
                join = equal_sides.joined(equal_sides.joined(_travelling(winning, columns), _travelling(losing, columns)),
                                          current)
                if join != current and versions.has_room(vector(join), owners.own):
                    store.write(table, [Decision("update", join, local, owners.own, None)])
        # Closed by migration 0010's trigger when joined (at the join's modified_at, which may be
        # earlier than when the conflict was found: B2); else the ranked side stays. Settled now.
        conn.execute("UPDATE exchange_conflicts SET resolved = 1, resolved_at = ? WHERE id = ?", [now, conflict_id])
    return len(same)


def settle_at_opening(workspace: "Workspace") -> int:
    """Before the conflict list is read (a writable workspace, this laptop's key read here):
    :func:`settle_stored` in a write transaction of its own, through a store of no file (the
    import's write path, as ``rejudge.py`` uses it). Returns how many were settled; 0 at once when
    no conflict is open (one query: the opening of every database pays only that). Raises only
    what a write raises (``StorageError``)."""
    conn = workspace.db.conn
    if conn.execute("SELECT 1 FROM exchange_conflicts WHERE resolved = 0 LIMIT 1").fetchone() is None:
        return 0
    from .records import travelling_columns
    from .store import WritingStore

    with workspace.db.write():
        travelling = travelling_columns(workspace.db)
        return settle_stored(workspace, travelling, WritingStore(workspace, None, travelling))


def _travelling(side: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """A stored side as the record travels now (a column added since it was stored: null)."""
    return {column: side.get(column) for column in columns}
