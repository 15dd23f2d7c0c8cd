"""Changes that waited only because their signer was not yet the owner, judged again once it is.

A change to a school's records signed by a key not bound to the school waits for a person
("รอตรวจสอบ", ``pending.py``). Often the key is the school's own second laptop whose binding arrives
later: in the school's statement carried by another file of the same batch or of a later import,
or by a person's bind (``signers --bind``, the window's ผู้ส่งข้อมูล) (RETEST30 N1). The moment a
binding makes its signer an owner, such a change is judged again here, by the rules an import
applies to the owner's change (``merge.py``): new here → inserted; descends from what is here →
applied; what is here descends from it → nothing to apply (closed); concurrent → a conflict, both
kept, the higher-ranked in use (``ownership.Ownership.ranks_higher``); a change whose parent
still waits, whose codes or unique keys clash here, or that would mark a school of a real database
as demo data, keeps waiting. So the same batch gives the same records whatever the order of its
files.

An office's key bound by a person (:func:`bind_office`, ``signers --office``) has its budget
decisions and review decisions that waited judged the same way (RETEST31 R5, s32 B20); an office's
project by an unbound key is refused, not kept, so its file is imported again.

Called once, in the same transaction, after everything that adds bindings: at the end of an import
(:func:`~.importer.apply_import`: a statement, a waiting binding answered, a "same school") and
after a person's bind (:func:`bind`, which ``exchange.bind`` is). Only changes still waiting are judged: one a
person has rejected stays rejected (``pending.reject_pending`` promises not to ask again); if its
signer becomes an owner and its file is imported again, the import judges the row as the owner's
change like any other (the school's own edit is not vetoed: the office offered only "ไม่ยอมรับ"
to a key it did not know), and says so (:func:`rejected_now_applied`).

Cost: two index look-ups when nothing waits (or was rejected) from a key bound to a school here;
the rest follows the changes that wait from such keys, not the database.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..clock import now_iso
from . import bindings, equal_sides, signing, versions
from .lineage import Lineage
from .merge_decide import _action
from .owners import root_of
from .pending import edit_not_in_use
from .ownership import Ownership, Vouch
from .records import APPEND_ONLY, OMITTED_WHEN_NULL, TABLES, ExchangeError, travelling_columns
from .rejudged import Rejudged
from .store import Decision, WritingStore, as_json
from .waiting import WaitingBinding

if TYPE_CHECKING:
    from ..workspace import Workspace

# A waiting change from a key bound to a school here: the only ones a binding can have made the
# owner's (index look-ups by fingerprint per waiting change; a binding by installation alone, from
# before keys, never follows a waiting change: the file that made it named its key).
_CANDIDATES = (
    "SELECT {columns} FROM pending_changes AS p WHERE decision = {decision} AND seal_id <> ''"
    " AND EXISTS (SELECT 1 FROM school_signers AS b WHERE b.fingerprint = p.signer_fingerprint"
    " AND p.signer_fingerprint <> '')"
)
_OFFICE_ROOTS = ("budget_decisions", "review_decisions")  # what an office's binding decides (s32 B20)
_ORDER = {table: number for number, table in enumerate(TABLES)}


def _sent(row: dict[str, Any]) -> dict[str, Any]:
    sent = json.loads(row["row_json"])
    for name in OMITTED_WHEN_NULL.get(row["table_name"], ()):
        sent.setdefault(name, None)  # put aside by a program before the column existed
    return sent


def rejudge(workspace: "Workspace", travelling: dict[str, tuple[str, ...]], *,
            fingerprint: str | None = None, office: bool = False) -> Rejudged:
    """Judge again, inside the caller's write transaction, every change still waiting whose signer
    a binding here now makes the owner of its record (see the module's docstring), parents before
    children; ``fingerprint``: only that key's (a person's bind). ``office`` (with ``fingerprint``):
    the key was just bound as an area office's (``review.offices.bind``): its budget and review
    decisions that waited are judged instead (RETEST31 R5, s32 B20). Returns what it did as :class:`Rejudged`.
    Raises ``sqlite3.Error`` only for a database that cannot be written (a change that clashes
    with a record here keeps waiting)."""
    conn = workspace.db.conn
    sql = _CANDIDATES.format(columns="*", decision="''")
    args: list[Any] = []
    if office:
        sql = ("SELECT * FROM pending_changes WHERE decision = '' AND table_name IN"
               " ('budget_decisions', 'review_decisions')")
    if fingerprint is not None:
        sql += " AND signer_fingerprint = ?"
        args.append(fingerprint)
    waiting = list(workspace.db.query(sql, args))
    rejected = _count_rejected(conn, fingerprint)
    if not waiting:
        return Rejudged(rejected=rejected)
    waiting.sort(key=_judging_order(waiting))
    lineage = Lineage(conn, workspace.frameworks, "")
    owners = Ownership(conn, workspace.installation_id, signing.own_fingerprint(), lineage)
    applied = conflicts = superseded = 0
    decided: set[tuple[str, str]] = set()
    store = WritingStore(workspace, None, travelling)  # the import's write, for rows of no one file
    for change in waiting:
        table = change["table_name"]
        if table not in travelling or (root_of(table) not in _OFFICE_ROOTS if office else root_of(table) != "schools"):
            continue  # a visit's, an office's: bindings of schools do not decide them
        outcome = _judge(workspace, store, lineage, owners, change)
        applied += outcome == "applied"
        conflicts += outcome == "conflict"
        superseded += outcome == "superseded"
        if outcome:
            decided.add((table, change["record_id"]))
    return Rejudged(applied, conflicts, superseded, rejected, frozenset(decided))


def _judging_order(waiting: list[dict[str, Any]]) -> Any:
    """The sort key: parents' tables before children's, records in the order they came; of one
    record's waiting changes the latest version first (its counters' sum: a later edit by the same
    laptop descends from its earlier one), so an earlier edit is the one closed as no longer needed
    whatever order the files came in (RETEST31 R4: "applied 6" one way, "5 and 1 not needed" the other)."""
    first: dict[tuple[str, str], str] = {}
    for row in waiting:
        record = (row["table_name"], row["record_id"])
        first[record] = min(first.get(record, row["received_at"]), row["received_at"])

    def key(row: dict[str, Any]) -> tuple[int, str, str, int, str]:
        record = (row["table_name"], row["record_id"])
        version = json.loads(row["row_json"]).get("version")
        counters = (versions.parse(version) or {}) if isinstance(version, str) else {}
        return (_ORDER.get(row["table_name"], len(_ORDER)), first[record], row["record_id"], -sum(counters.values()),
                row["received_at"])
    return key


def _count_rejected(conn: sqlite3.Connection, fingerprint: str | None) -> int:
    if fingerprint is None:
        return 0
    return int(conn.execute(
        "SELECT count(*) FROM pending_changes WHERE decision = 'rejected' AND signer_fingerprint = ?",
        [fingerprint]).fetchone()[0])


def _judge(workspace: "Workspace", store: WritingStore, lineage: Lineage, owners: Ownership,
           change: dict[str, Any]) -> str:
    """One waiting change: "applied", "conflict", "superseded" or "" (it keeps waiting). Its rows
    and the two sides of a conflict are written by the import's own write (``store.write``)."""
    conn = workspace.db.conn
    table, row = change["table_name"], _sent(change)
    columns = store.travelling[table]
    if set(columns) - set(row):
        return ""  # sent by a program that lacked a column: a person decides (pending.py)
    found = conn.execute(f"SELECT {', '.join(columns)}, signed_set FROM {table} WHERE id = ?", [row["id"]]).fetchone()
    local = dict(zip((*columns, "signed_set"), found)) if found else None
    if edit_not_in_use(conn, change):
        return ""  # the history of an edit a person rejected, or that still waits (RETEST31 R2)
    try:
        if lineage.check(table, row):
            return ""  # its parent still waits
    except ExchangeError:
        return ""  # its parent is not here (still waiting), or its codes do not fit here
    owners.keys[change["signer_installation"]] = (change["signer_fingerprint"], b"", "")
    owner_ok, _signer, _seal = owners.owner(table, row, local, Vouch((change["signer_installation"],),
                                                                     (change["seal_id"],)))
    if not owner_ok:
        return ""
    action = _action(table, row, local)
    if action in ("unchanged", "older"):
        _close(conn, change["id"], store.now)
        return "applied" if action == "unchanged" else "superseded"
    if table == "schools" and row["is_demo"] and not workspace.schools.is_demo_database():
        return ""
    if not store.has_seal(change["seal_id"]):
        return ""  # no seal to keep it under: it could not travel on as its owner's
    decision = Decision(action, row, local, change["signer_installation"], change["seal_id"],
                        source=change["source_file"])
    if action == "conflict":
        if table in APPEND_ONLY:
            return ""  # history is never rewritten
        assert local is not None
        decision.winner = "theirs" if owners.ranks_higher(table, row, local, True) else "ours"
        if equal_sides.same_content(row, local):
            equal_sides.settle(decision, owners, table)  # the same content: no conflict (s33 T4)
            action = "same"
    try:
        with workspace.db.write():  # a savepoint: a clash with a unique key here undoes only this change
            store.write(table, [decision])  # the import's write: its rows, its conflict (one write path)
            _close(conn, change["id"], store.now)
            if action == "conflict":
                # Now a conflict (the conflict list shows both sides), no longer a change waiting.
                conn.execute("DELETE FROM pending_changes WHERE id = ?", [change["id"]])
    except (sqlite3.IntegrityError, ExchangeError):
        return ""
    lineage.remember(table, row, local, applied=True, incoming=decision.applies)
    return "conflict" if action == "conflict" else "applied"


def _close(conn: sqlite3.Connection, pending_id: str, now: str) -> None:
    conn.execute("UPDATE pending_changes SET decision = 'accepted', decided_at = ? WHERE id = ?", [now, pending_id])


def rejected_now_applied(conn: sqlite3.Connection, travelling: dict[str, tuple[str, ...]]) -> int:
    """Inside an import's transaction, after its records are written: the changes a person
    rejected whose record here is now exactly the row rejected (the file of a key that has become
    the record's owner brought it again, and the import applied it as the owner's change). Each
    is marked accepted, so the list of decided changes tells what is in use. Returns how many.
    Looks only at rejections by keys bound to a school here (one query when there are none)."""
    count = 0
    now = now_iso()
    for pending_id, table, record_id, row_json in conn.execute(
        _CANDIDATES.format(columns="id, table_name, record_id, row_json", decision="'rejected'")
    ).fetchall():
        columns = travelling.get(table)
        if not columns:
            continue
        found = conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [record_id]).fetchone()
        if found is not None and as_json(dict(zip(columns, found))) == row_json:
            _close(conn, pending_id, now)
            count += 1
    return count


def bind_office(workspace: "Workspace", fingerprint: str, area_office: str) -> tuple[str, Rejudged]:
    """A person binds the key ``fingerprint`` as the office of ``area_office``
    (:func:`~qualityschool_desktop.review.offices.bind`, ``signers --office``, the window's
    ผู้ส่งข้อมูล), then, in the same transaction, the key's budget and review decisions that waited here only
    because it was not bound are judged again (:func:`rejudge`, as a school's binding does: RETEST31
    R5). Returns the full fingerprint and what the re-judging did. Raises as ``offices.bind``."""
    from ..review import offices

    with workspace.db.write():
        full = offices.bind(workspace, fingerprint, area_office)
        rejudged = rejudge(workspace, travelling_columns(workspace.db), fingerprint=full, office=True)
    return full, rejudged


def bind(workspace: "Workspace", fingerprint: str, school_code: str) -> signing.Signer | WaitingBinding:
    """A person binds the key ``fingerprint`` to the school ``school_code`` (``signers --bind``,
    the window's ผู้ส่งข้อมูล): :func:`~.bindings.bind`, then, in the same transaction, the key's
    changes that waited here only because it was not the school's judged again (:func:`rejudge`).
    Returns the signer with ``rejudged`` saying what that did (how many applied, kept as
    conflicts, closed as older, and left rejected by a person), or the
    :class:`~.waiting.WaitingBinding` of a key not seen here yet (nothing of it waits here).
    Raises :class:`ExchangeError` as :func:`~.bindings.bind` does; a
    :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
    with workspace.db.write():
        done = bindings.bind(workspace, fingerprint, school_code)
        if isinstance(done, WaitingBinding):
            return done
        rejudged = rejudge(workspace, travelling_columns(workspace.db), fingerprint=done.fingerprint)
    return replace(bindings.signer_of(workspace, done.fingerprint), rejudged=rejudged)
