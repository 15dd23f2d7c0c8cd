"""Changes waiting for a person ("รอตรวจสอบ"): what a key that does not own a record sent.

An import never applies them; it keeps each with who sent it (installation, key, name), from which
file and when. A person with the right to decide accepts one (:func:`accept_pending`: applied
through the write path as this installation's own change, descending from both the record here and
the sent version, so it travels on as an ordinary update) or rejects it (:func:`reject_pending`).
A decided change stays listed with ``include_decided`` and is not asked again when the same file
is imported again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..clock import now_iso
from ..errors import StorageError
from . import signing, statements, versions
from .merge import describe
from .owners import root_of
from .rules import STATUS_COLUMNS
from .records import APPEND_ONLY, KIND_LABELS, REFERENCES, ExchangeError, travelling_columns

if TYPE_CHECKING:
    from ..workspace import Workspace

REASONS = {
    "not_owner": "ผู้ส่งไม่ใช่เจ้าของข้อมูลนี้",
    "parent_pending": "ข้อมูลที่รายการนี้สังกัดยังรอตรวจสอบอยู่",
}
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
DEMO = "รับรายการนี้ไม่ได้ เพราะจะทำให้โรงเรียนในฐานข้อมูลจริงกลายเป็นข้อมูลตัวอย่าง"


@dataclass(frozen=True)
class PendingChange:
    """A change kept for a person. ``row`` is the record as sent (its columns as they travel),
    ``current`` the record here now (None when the change would add it)."""

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

    @property
    def description(self) -> str:
        """Thai: which record (kind and code, item, date or name)."""
        return describe(self.table, self.row)

    @property
    def reason_text(self) -> str:
        """Why the change waits, in Thai (:data:`REASONS`; the key itself when unknown)."""
        return REASONS.get(self.reason, self.reason)

    @property
    def signer_groups(self) -> str:
        """The sender's key as a person reads it out (``ABCD-EF12-…``)."""
        return signing.fingerprint_groups(self.signer_fingerprint)

    @property
    def kind(self) -> str:
        """The Thai name of the record's kind (``KIND_LABELS``)."""
        return KIND_LABELS[self.table]


def _current(workspace: "Workspace", table: str, record_id: str) -> dict[str, Any] | None:
    columns = travelling_columns(workspace.db)[table]
    row = workspace.db.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [record_id]).fetchone()
    return dict(zip(columns, row)) if row else None


def _from_row(workspace: "Workspace", row: dict[str, Any]) -> PendingChange:
    return PendingChange(
        id=row["id"], table=row["table_name"], record_id=row["record_id"], row=json.loads(row["row_json"]),
        current=_current(workspace, row["table_name"], row["record_id"]),
        signer_installation=row["signer_installation"], signer_fingerprint=row["signer_fingerprint"],
        signer_name=row["signer_name"], reason=row["reason"], source_file=row["source_file"],
        received_at=row["received_at"], decision=row["decision"], decided_at=row["decided_at"],
        seal_id=row["seal_id"],
    )


def list_pending(workspace: "Workspace", *, include_decided: bool = False) -> list[PendingChange]:
    """The changes waiting for a person, oldest first (decided ones too with ``include_decided``)."""
    sql = "SELECT * FROM pending_changes" + ("" if include_decided else " WHERE decision = ''")
    return [_from_row(workspace, row) for row in workspace.db.query(sql + " ORDER BY received_at, rowid")]


def _waiting(workspace: "Workspace", pending_id: str) -> PendingChange:
    rows = list(workspace.db.query("SELECT * FROM pending_changes WHERE id = ? AND decision = ''", [pending_id]))
    if not rows:
        raise ExchangeError(NOT_FOUND)
    return _from_row(workspace, rows[0])


def _decide(workspace: "Workspace", pending_id: str, decision: str) -> None:
    workspace.db.execute("UPDATE pending_changes SET decision = ?, decided_at = ? WHERE id = ?",
                         [decision, now_iso(), pending_id])


def reject_pending(workspace: "Workspace", pending_id: str) -> PendingChange:
    """Drop a waiting change (it stays listed as rejected). Raises :class:`ExchangeError` for an
    unknown or already decided one."""
    with workspace.db.write():
        _waiting(workspace, pending_id)
        _decide(workspace, pending_id, "rejected")
    return _from_row(workspace, next(iter(workspace.db.query("SELECT * FROM pending_changes WHERE id = ?", [pending_id]))))


def accept_pending(workspace: "Workspace", pending_id: str) -> PendingChange:
    """Apply a waiting change through the write path, as this installation's own change: the
    record takes the sent values, its version descends from the one here and the sent one (plus
    one change by this installation), this installation vouches for it from now on (it travels on as
this installation's change, which the school's keys do not own: the next office sees it pending
too). A school's record accepted so is bound to the keys its own statement names (kept from the
file), not to this installation. A history row
    or visit event is appended as its author sent it. Returns the change, now accepted.

    Raises :class:`ExchangeError` for an unknown or decided change, a change whose parent record
    (school, assessment, visit) is not here yet (accept that one first), or one that would mark a
    school of a real database as demo data."""
    try:
        with workspace.db.write():
            change = _waiting(workspace, pending_id)
            _apply(workspace, change)
            _decide(workspace, pending_id, "accepted")
    except StorageError as exc:
        if exc.reason != "other":
            raise
        raise ExchangeError(f"รับรายการนี้ไม่ได้ ข้อมูลขัดกับข้อมูลในฐานข้อมูลนี้ ({exc})") from None
    return _from_row(workspace, next(iter(workspace.db.query("SELECT * FROM pending_changes WHERE id = ?", [pending_id]))))


def _apply(workspace: "Workspace", change: PendingChange) -> None:
    table, row = change.table, dict(change.row)
    db = workspace.db
    for column, target in REFERENCES.get(table, ()):
        if row[column] is not None and not db.execute(f"SELECT 1 FROM {target} WHERE id = ?", [row[column]]).fetchone():
            raise ExchangeError(NO_PARENT.format(target=KIND_LABELS[target]))
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
    vector = versions.merged(versions.parse(row["version"]) or {},
                             versions.parse(current["version"]) or {} if current else {})
    row.update(version=versions.dumps(versions.bumped(vector, workspace.installation_id)),
               modified_at=now_iso(), modified_by=workspace.installation_id)
    if current is None:
        db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, signed_set) VALUES ({', '.join('?' for _ in columns)}, NULL)",
            [row[c] for c in columns],
        )
        if table == "schools":
            # A school that arrived only through a relay's change: it is still owned by the keys
            # its own statement names (kept when the record arrived), not by this office.
            statements.bind_stored(db.conn, row["id"])
    else:
        settable = [c for c in columns if c != "id"]
        db.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in settable)}, signed_set = NULL WHERE id = ?",
            [row[c] for c in settable] + [row["id"]],
        )



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
