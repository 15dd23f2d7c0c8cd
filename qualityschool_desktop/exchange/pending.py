"""Changes waiting for a person ("รอตรวจสอบ"): what a key that does not own a record sent.

An import never applies them; it keeps each with who sent it (installation, key, name), from which
file and when (an attachment's content is stored on arrival, so it can be accepted offline, and
deleted when the change is rejected and nothing else names it). A person with the right to decide
accepts one (:func:`accept_pending`) or rejects it (:func:`reject_pending`); the right is the
record's owner rule as a direct edit here meets it (``acceptance.py``, issue 10 s23: no back door
past the school's, the visit maker's or the office's rule: an office only rejects a change to a
school's records).

Accepting (issue 10, tester's findings 2 and 9) makes a **new local version** through the write
path: the record here, with only the fields the sender changed from the base it worked on, and a
version that is the vector here plus one change by this installation (the trigger counts it). The
sender's counters are never adopted, since this installation cannot vouch for them: a stranger's
``{school: 1000}`` would otherwise make the school's next real corrections "older". The owner's
next edit descends from the owner's own history, so here it is newer or concurrent (a conflict,
the owner's version in use), never older; the accepted change travels on as this installation's
change, which is the owner's (only the owner's laptop accepts, ``acceptance.py``). The base is the latest state this laptop knows (the
record now, or an earlier state kept in ``record_snapshots``) that the sent version descends from;
without one the change cannot be accepted (:data:`NO_BASE`): applying the whole sent row would put
back values the owner has changed since.

A decided change stays listed with ``include_decided`` and is not asked again when the same file
is imported again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .. import validation
from ..clock import now_iso
from ..errors import StorageError, ValidationError
from . import acceptance, signing, statements, versions
from .merge import describe
from .owners import root_of
from .rules import STATUS_COLUMNS
from .records import APPEND_ONLY, KIND_LABELS, OMITTED_WHEN_NULL, REFERENCES, ExchangeError, travelling_columns

if TYPE_CHECKING:
    from ..workspace import Workspace

REASONS = {
    "not_owner": "ผู้ส่งไม่ใช่เจ้าของข้อมูลนี้",
    "parent_pending": "ข้อมูลที่รายการนี้สังกัดยังรอตรวจสอบอยู่",
}
# Append-only rows that record an edit of a record, by the column naming the record: the answer's
# history, the assessment's events (submitted, reopened). They make sense only with the edit they
# record, so a rejection of the edit takes them with it (:func:`reject_pending`) and a re-judge never
# applies one while the edit it records is rejected or still waits (``rejudge.py``; RETEST31 R2: the
# history row of a rejected answer, applied alone when the key was bound, showed a level not in
# the data). Rows of the same edit: the same sender's, put aside by the same import of the same file.
RECORDED_BY: dict[str, tuple[str, str]] = {"answer_history": ("answers", "answer_id"),
                                           "assessment_events": ("assessments", "assessment_id")}
_SAME_EDIT = ("signer_installation = :signer AND source_file = :source AND received_at = :received")


def edit_not_in_use(conn: sqlite3.Connection, change: dict[str, Any]) -> bool:
    """True when ``change`` (a ``pending_changes`` row as a dict) is a history row or event
    (:data:`RECORDED_BY`) whose record's change, put aside with it, is rejected or still waits:
    applying it alone would record an edit that is not in the data."""
    recorded = RECORDED_BY.get(change["table_name"])
    if recorded is None:
        return False
    table, column = recorded
    record_id = json.loads(change["row_json"]).get(column)
    return conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM pending_changes WHERE table_name = :table AND record_id = :record"
        f" AND decision IN ('', 'rejected') AND {_SAME_EDIT})",
        {"table": table, "record": record_id, "signer": change["signer_installation"],
         "source": change["source_file"], "received": change["received_at"]},
    ).fetchone()[0] == 1


NOT_FOUND = "ไม่พบรายการที่รอตรวจสอบนี้ หรือมีผู้ตัดสินใจไปแล้ว"
FINAL_VISIT = (
    "บันทึกการนิเทศนี้ยืนยันแล้ว จะเปลี่ยนได้เมื่อผู้บันทึกการนิเทศเปิดแก้ไขก่อนเท่านั้น"
    " จึงรับรายการนี้ไม่ได้ (เลือก \"ไม่ยอมรับ\" ได้)"
)
OUT_OF_DATE = (
    "ข้อมูลนี้ในเครื่องนี้มีการแก้ไขที่ใหม่กว่าฉบับที่ส่งมาแล้ว รับรายการนี้ไม่ได้เพราะจะทับการแก้ไขนั้น"
    " (เลือก \"ไม่ยอมรับ\" ได้)"
)
NO_PARENT = "ยังรับรายการนี้ไม่ได้ เพราะยังไม่มี{target}ที่รายการนี้สังกัดในฐานข้อมูลนี้ ให้รับรายการนั้นก่อน"
NO_BASE = (
    "ยังรับรายการนี้ไม่ได้ เพราะผู้ส่งแก้จากข้อมูลฉบับที่เครื่องนี้ไม่มี จึงบอกไม่ได้ว่าผู้ส่งแก้ช่องใดบ้าง"
    " (การรับทั้งรายการอาจทับการแก้ไขของเจ้าของข้อมูล) โปรดให้ผู้ส่งนำเข้าข้อมูลล่าสุดแล้วแก้และส่งมาใหม่"
    " (เลือก \"ไม่ยอมรับ\" ได้)"
)
DEMO = "รับรายการนี้ไม่ได้ เพราะจะทำให้โรงเรียนในฐานข้อมูลจริงกลายเป็นข้อมูลตัวอย่าง"


@dataclass(frozen=True)
class PendingChange:
    """A change kept for a person. ``row`` is the record as sent (its columns as they travel),
    ``current`` the record here now (None when the change would add it), ``proposed`` the record
    as accepting it would make it (only the fields the sender changed, onto ``current``; None when
    decided, or when this laptop does not know the state the sender worked on)."""

    id: str
    table: str
    record_id: str
    row: dict[str, Any]
    current: dict[str, Any] | None
    signer_installation: str
    signer_fingerprint: str
    signer_name: str
    reason: str  # a key of REASONS
    source_file: str
    received_at: str
    decision: str  # "", "accepted" or "rejected"
    decided_at: str
    seal_id: str = ""  # the sender's seal over ``row`` (kept with an accepted history row)
    # The record as accepting would make it (the fields the sender changed, onto ``current``); the
    # sent row for a record new here or a history row; None when it cannot be told (NO_BASE).
    proposed: dict[str, Any] | None = None
    # Why this laptop may not accept it (``acceptance.refusal``: not the record's owner here), in
    # Thai; "" when it may, or when decided.
    refusal: str = ""
    # Who sent it, as the exchange knows the key here (s32 A3: not the computer's name "vm"), filled
    # by list_pending; None elsewhere.
    sender: Any = None

    @property
    def description(self) -> str:
        """Thai: which record (kind and code, item, date or name)."""
        return describe(self.table, self.row)

    @property
    def reason_text(self) -> str:
        """Why the change waits, in Thai (:data:`REASONS`; the key itself when unknown)."""
        if self.table in ("budget_decisions", "review_decisions") and self.reason == "not_owner":
            from ..review.offices import BUDGET_PENDING, REVIEW_PENDING
            return BUDGET_PENDING if self.table == "budget_decisions" else REVIEW_PENDING
        return REASONS.get(self.reason, self.reason)

    @property
    def signer_groups(self) -> str:
        """The sender's key as a person reads it out (``ABCD-EF12-…``)."""
        return signing.fingerprint_groups(self.signer_fingerprint)

    @property
    def own_version_missing(self) -> bool:
        """True when this database has no version of a school's record at all while the change,
        still waiting, was made on a version by another laptop (its owner's, relayed: retest30 N6):
        the school's own value is missing here until its own file comes, and the school's results
        here are computed without it."""
        if self.decision or self.current is not None or self.table in ("schools", *APPEND_ONLY) or (
            root_of(self.table) != "schools"
        ):
            return False
        return any(installation != self.signer_installation for installation in versions.parse(self.row.get("version", "")) or {})

    @property
    def kind(self) -> str:
        """The Thai name of the record's kind (``KIND_LABELS``)."""
        return KIND_LABELS[self.table]


def _current(workspace: "Workspace", table: str, record_id: str) -> dict[str, Any] | None:
    columns = travelling_columns(workspace.db)[table]
    row = workspace.db.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [record_id]).fetchone()
    return dict(zip(columns, row)) if row else None


def _proposed(workspace: "Workspace", table: str, sent: dict[str, Any],
              current: dict[str, Any] | None) -> dict[str, Any] | None:
    if current is None or table in APPEND_ONLY:
        return sent
    try:
        return {**current, **changed_fields(workspace, table, sent, current)}
    except ExchangeError:
        return None


def _from_row(workspace: "Workspace", row: dict[str, Any]) -> PendingChange:
    sent = json.loads(row["row_json"])
    for name in OMITTED_WHEN_NULL.get(row["table_name"], ()):
        sent.setdefault(name, None)  # put aside by a program before the column existed
    current = _current(workspace, row["table_name"], row["record_id"])
    change = PendingChange(
        id=row["id"], table=row["table_name"], record_id=row["record_id"], row=sent, current=current,
        proposed=_proposed(workspace, row["table_name"], sent, current) if not row["decision"] else None,
        signer_installation=row["signer_installation"], signer_fingerprint=row["signer_fingerprint"],
        signer_name=row["signer_name"], reason=row["reason"], source_file=row["source_file"],
        received_at=row["received_at"], decision=row["decision"], decided_at=row["decided_at"],
        seal_id=row["seal_id"],
    )
    return change if change.decision else replace(change, refusal=acceptance.refusal(
        workspace, change.table, change.reason, change.row, current))


# s34 exw34b B8: an office's waiting budget decision that a later one on the same item, waiting too,
# replaces (the office changed its mind before the school bound its key). It is kept (binding the
# key applies both in order: the item's history), not shown nor counted as waiting.
_REPLACED = (
    "p.table_name = 'budget_decisions' AND p.decision = '' AND EXISTS (SELECT 1 FROM pending_changes AS later"
    " WHERE later.table_name = 'budget_decisions' AND later.decision = '' AND later.id <> p.id"
    " AND json_extract(later.row_json, '$.request_id') = json_extract(p.row_json, '$.request_id')"
    " AND (json_extract(later.row_json, '$.decided_at') > json_extract(p.row_json, '$.decided_at')"
    " OR (json_extract(later.row_json, '$.decided_at') = json_extract(p.row_json, '$.decided_at')"
    " AND later.rowid > p.rowid)))"
)


def replaced(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(table, record id) of the waiting budget decisions a later waiting one on the same item
    replaces (:data:`_REPLACED`): not listed, not counted as waiting."""
    return {(str(table), str(record)) for table, record in conn.execute(
        f"SELECT p.table_name, p.record_id FROM pending_changes AS p WHERE {_REPLACED}")}


def list_pending(workspace: "Workspace", *, include_decided: bool = False) -> list[PendingChange]:
    """The changes waiting for a person, oldest first (decided ones too with ``include_decided``);
    a budget decision a later one on the same item replaces is not among them (:func:`replaced`)."""
    sql = f"SELECT * FROM pending_changes AS p WHERE NOT ({_REPLACED})" + ("" if include_decided else " AND decision = ''")
    changes = [_from_row(workspace, row) for row in workspace.db.query(sql + " ORDER BY received_at, rowid")]
    known: dict[tuple[str, str], Any] = {}
    return [replace(change, sender=_sender(workspace, change, known)) for change in changes]


def _sender(workspace: "Workspace", change: PendingChange, known: dict[tuple[str, str], Any]) -> Any:
    """``senders.of_key`` of the change's signer (once per key); an office's decision by a key not
    bound here is named by the office it claims (s32 B20), as the import preview names it."""
    from . import senders

    key = (change.signer_fingerprint, change.signer_installation)
    if key not in known:
        known[key] = senders.of_key(workspace, *key, machine=change.signer_name)
    sender = known[key]
    if change.table in ("review_decisions", "budget_decisions") and not (sender.schools or sender.visitors
                                                                        or sender.offices):
        parent = ("assessments", change.row.get("assessment_id")) if change.table == "review_decisions" \
            else ("budget_requests", change.row.get("request_id"))
        from ..schools import code_and_area_office

        school = workspace.db.execute(f"SELECT school_id FROM {parent[0]} WHERE id = ?", [parent[1]]).fetchone()
        found = code_and_area_office(workspace.db.conn, str(school[0])) if school else None
        if found and found[1].strip():
            return replace(sender, claimed=(found[1].strip(),))
    return sender


def _waiting(workspace: "Workspace", pending_id: str) -> PendingChange:
    rows = list(workspace.db.query("SELECT * FROM pending_changes WHERE id = ? AND decision = ''", [pending_id]))
    if not rows:
        raise ExchangeError(NOT_FOUND)
    return _from_row(workspace, rows[0])


def _decide(workspace: "Workspace", pending_id: str, decision: str) -> None:
    workspace.db.execute("UPDATE pending_changes SET decision = ?, decided_at = ? WHERE id = ?",
                         [decision, now_iso(), pending_id])


def reject_pending(workspace: "Workspace", pending_id: str) -> PendingChange:
    """Drop a waiting change (it stays listed as rejected), with the history rows and events that
    record that edit (:data:`RECORDED_BY`); an attachment content that only it named is deleted
    from the store. Raises :class:`ExchangeError` for an
    unknown or already decided one."""
    with workspace.db.write():
        change = _waiting(workspace, pending_id)
        _decide(workspace, pending_id, "rejected")
        _reject_its_records(workspace, pending_id)
    drop_unreferenced_contents(workspace, _contents(change))
    return _from_row(workspace, next(iter(workspace.db.query("SELECT * FROM pending_changes WHERE id = ?", [pending_id]))))


def _reject_its_records(workspace: "Workspace", pending_id: str) -> None:
    """The history rows and events (:data:`RECORDED_BY`) of the rejected edit are rejected with it."""
    (table, record_id, signer, source, received), = workspace.db.execute(
        "SELECT table_name, record_id, signer_installation, source_file, received_at FROM pending_changes"
        " WHERE id = ?", [pending_id]).fetchall()
    for recording, (recorded, column) in RECORDED_BY.items():
        if recorded == table:
            workspace.db.execute(
                f"UPDATE pending_changes SET decision = 'rejected', decided_at = :now WHERE decision = ''"
                f" AND table_name = :recording AND json_extract(row_json, '$.{column}') = :record AND {_SAME_EDIT}",
                {"now": now_iso(), "recording": recording, "record": record_id, "signer": signer,
                 "source": source, "received": received})


def accept_pending(workspace: "Workspace", pending_id: str) -> PendingChange:
    """Apply a waiting change through the write path, as this installation's own new version
    (see the module's docstring): only the fields the sender changed from its base, onto the record
    as it is here; the version here plus one change by this installation (never the sender's
    counters); this installation vouches for it from now on (it travels on as this
    installation's change: the owner's, since only the record's owner here accepts). A record new here is inserted with the sent values and a version of this installation's
    alone. A school's record accepted so is bound to the keys its own statement names (kept from
    the file), not to this installation. A history row or visit event is appended as its author
    sent it. An attachment content nothing names any more afterwards is deleted. Returns the
    change, now accepted.

    Raises :class:`ExchangeError` for an unknown or decided change, a change whose parent record
    (school, assessment, visit) is not here yet (accept that one first), one this installation
    may not accept as the record's owner rule stands here (``acceptance.py``: a school's records
    only at the school's own laptop, a visit's records only where it was made, an office's decision only from a key bound here as the school's office;
    :attr:`PendingChange.refusal`), one that would mark a
    school of a real database as demo data, one the record here has moved past
    (:data:`OUT_OF_DATE`), one made from a state this laptop does not know (:data:`NO_BASE`), a
    value the shared rules refuse, or a record whose version has no room for this change."""
    try:
        with workspace.db.write():
            change = _waiting(workspace, pending_id)
            # A person's acceptance is not a local edit of someone else's record (migration 0012).
            workspace.db.execute("INSERT OR IGNORE INTO accepting_changes (record_id) VALUES (?)", [change.record_id])
            _apply(workspace, change)
            workspace.db.execute("DELETE FROM accepting_changes WHERE record_id = ?", [change.record_id])
            _decide(workspace, pending_id, "accepted")
    except StorageError as exc:
        if exc.reason != "other":
            raise
        raise ExchangeError(f"รับรายการนี้ไม่ได้ ข้อมูลขัดกับข้อมูลในฐานข้อมูลนี้ ({exc})") from None
    except ValidationError as exc:
        raise ExchangeError(f"รับรายการนี้ไม่ได้ ({exc})") from None
    drop_unreferenced_contents(workspace, _contents(change))
    return _from_row(workspace, next(iter(workspace.db.query("SELECT * FROM pending_changes WHERE id = ?", [pending_id]))))


def _contents(change: PendingChange) -> set[str]:
    """The attachment contents (SHA-256) the change and the record it was about name."""
    return {str(row["sha256"]) for row in (change.row, change.current) if row and row.get("sha256")}


def drop_unreferenced_contents(workspace: "Workspace", digests: set[str]) -> None:
    """Delete from the attachment store each content of ``digests`` that no attachment of an
    assessment or a visit, and no change still waiting, names any more (an import stores a pending
    attachment's content on arrival, so a person can accept it offline; issue 10: a rejection, or
    an acceptance that replaced the content, leaves no unreferenced bytes). Called after the
    decision is committed; a content that cannot be deleted now (held open elsewhere) stays."""
    for digest in sorted(digests):
        named = workspace.db.execute(
            "SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = :d)"
            " OR EXISTS (SELECT 1 FROM visit_attachments WHERE sha256 = :d)"
            " OR EXISTS (SELECT 1 FROM pending_changes WHERE decision = ''"
            " AND table_name IN ('attachments', 'visit_attachments') AND json_extract(row_json, '$.sha256') = :d)",
            {"d": digest},
        ).fetchone()[0]
        if named:
            continue
        try:
            workspace.files.path_of(digest).unlink(missing_ok=True)
        except (OSError, ValidationError):
            continue


def _apply(workspace: "Workspace", change: PendingChange) -> None:
    table, row = change.table, dict(change.row)
    db = workspace.db
    for column, target in REFERENCES.get(table, ()):
        if row[column] is not None and not db.execute(f"SELECT 1 FROM {target} WHERE id = ?", [row[column]]).fetchone():
            raise ExchangeError(NO_PARENT.format(target=KIND_LABELS[target]))
    if change.refusal:  # the owner rule of a direct edit here (acceptance.py): no back door
        raise ExchangeError(change.refusal)
    if table == "schools" and row["is_demo"] and not workspace.schools.is_demo_database():
        raise ExchangeError(DEMO)
    _check_final_visit(workspace, table, row, change.current)
    current = change.current
    if current is not None and table not in APPEND_ONLY:
        here, sent = versions.parse(current["version"]) or {}, versions.parse(row["version"]) or {}
        if here != sent and versions.descends(here, sent):
            raise ExchangeError(OUT_OF_DATE)  # the owner changed it since: accepting would undo that
    columns = travelling_columns(db)[table]
    if table in APPEND_ONLY:
        sealed = db.execute("SELECT 1 FROM seals WHERE id = ?", [change.seal_id]).fetchone() is not None
        db.execute(
            f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}, signed_set) VALUES ({', '.join('?' for _ in columns)}, ?)",
            [row[c] for c in columns] + [change.seal_id if sealed else None],
        )
        return
    # A new local version: the record here plus this installation's change, counted by the write
    # path's trigger (which also refuses a version with no room left); never the sender's counters.
    stamp = {"modified_at": now_iso(), "modified_by": workspace.installation_id}
    if current is None:
        row.update(stamp, version="{}")
        validation.check_row(table, {c: row[c] for c in columns if c != "version"})
        db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, signed_set) VALUES ({', '.join('?' for _ in columns)}, NULL)",
            [row[c] for c in columns],
        )
        if table == "schools":
            # A school that arrived only through a relay's change: it is still owned by the keys
            # its own statement names (kept when the record arrived), not by this office.
            statements.bind_stored(db.conn, row["id"])
        return
    changed = changed_fields(workspace, table, row, current)
    if not changed:
        return  # what the sender changed is here already
    validation.check_row(table, {**{c: current[c] for c in columns if c != "version"}, **changed}, changed)
    values = {**changed, **stamp}
    db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
               [*values.values(), row["id"]])


# Columns every versioned record has that say who changed it when, not what it holds.
_BOOKKEEPING = frozenset({"id", "version", "modified_at", "modified_by", "created_at"})


def changed_fields(workspace: "Workspace", table: str, sent: dict[str, Any],
                   current: dict[str, Any]) -> dict[str, Any]:
    """The fields a pending change changed, with their sent values: those where ``sent`` differs
    from the base it was made from. The base is the latest state this laptop knows (the record
    now, or one of its earlier states kept in ``record_snapshots``, migration 0008) whose version
    ``sent``'s version descends from. Raises :class:`ExchangeError` (:data:`NO_BASE`) when this
    laptop knows no such state (the sender worked on a state this laptop never had or no longer
    keeps): applying the whole row would put back values the owner has changed since."""
    sent_vector = versions.parse(sent["version"]) or {}
    candidates = [current] + [
        {**json.loads(text), "version": version}
        for version, text in workspace.db.execute(
            "SELECT version, row_json FROM record_snapshots WHERE table_name = ? AND record_id = ?",
            [table, sent["id"]],
        ).fetchall()
    ]
    base = None
    for candidate in candidates:
        vector = versions.parse(candidate["version"])
        if vector is None or not versions.descends(sent_vector, vector):
            continue
        if base is None or sum(vector.values()) > sum((versions.parse(base["version"]) or {}).values()):
            base = candidate
    if base is None:
        raise ExchangeError(NO_BASE)
    return {
        column: value for column, value in sent.items()
        if column not in _BOOKKEEPING and column in base and base[column] != value and current[column] != value
    }


def _check_final_visit(
    workspace: "Workspace", table: str, row: dict[str, Any], current: dict[str, Any] | None
) -> None:
    """A visit final here changes only after a reopen by its owner (issue 10), also through a
    person's acceptance; a follow-up's status may still change. Raises :class:`ExchangeError`."""
    if root_of(table) != "visits" or table == "visit_events":
        return
    visit_id = row["id"] if table == "visits" else row["visit_id"]
    found = workspace.db.execute("SELECT status FROM visits WHERE id = ?", [visit_id]).fetchone()
    if found is None or found[0] != "final":
        return
    if table == "follow_ups" and current is not None and all(
        current[c] == row[c] for c in row if c not in STATUS_COLUMNS
    ):
        return
    raise ExchangeError(FINAL_VISIT)
