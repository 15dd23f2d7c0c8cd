"""Conflicts: two versions of a record changed apart (concurrent), both kept for a person.

An import keeps the higher-ranked version in use (the same one on every laptop, see
``versions.rank``) and the other in ``exchange_conflicts``. :func:`list_conflicts` shows both;
:func:`use_version` ("ใช้ฉบับนี้") applies the chosen one through the write path as this
installation's change, descending from both, so it travels to every laptop as a plain update and
the conflict does not come back. Two concurrent versions of the same content are not kept here:
``equal_sides.py`` settles them by themselves (s33 T4).

A relay (a district forwarding its schools' data to the province) does not carry the losing side
of a conflict it holds: only the owner's seal proves a version, and a relay keeps the seals of the
versions in use and of changes waiting for a person, not of losing sides; carried under the
relay's own signature, a "losing version" could be put in the owner's mouth and then chosen at
the province with ใช้ฉบับนี้. The version in use is the same on every laptop (ranked alike); the
relay's manifest says how many records of the file it holds conflicts on (``open_conflicts``), and
the receiver warns (:func:`held_by_sender`). The conflict itself is kept wherever both sides meet
(the losing side's own file), and closes everywhere when the owner's choice arrives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..clock import now_iso
from ..schools import code_and_name
from ..thai import Own, Sentence
from . import acceptance, versions
from .merge import describe
from .owners import school_id_of
from .records import APPEND_ONLY, KIND_LABELS, ExchangeError, travelling_columns

if TYPE_CHECKING:
    from ..workspace import Workspace

SIDES = ("winning", "losing")
HELD_BY_SENDER = (
    "ผู้ส่งไฟล์นี้ยังมีข้อมูลที่แก้ไขซ้อนกันค้างอยู่ {count} รายการในข้อมูลที่ส่งมา"
    " ไฟล์นี้มีเฉพาะฉบับที่ใช้อยู่ (ตรงกับของเครื่องที่ส่ง) อีกฉบับหนึ่งต้องมาจากเจ้าของข้อมูลเอง"
    " เมื่อเจ้าของเลือกฉบับแล้วส่งต่อมา รายการจะตรงกันทุกเครื่อง"
)
# s35 exch35 (TEST34B B3): the sender is the school's own laptop (its key bound to the school here):
# the other version cannot "come from the owner"; the owner settles it on that laptop.
HELD_BY_OWNER = (
    "ผู้ส่งไฟล์นี้เป็นเครื่องของโรงเรียนเจ้าของข้อมูลเอง และยังมีข้อมูลที่แก้ไขซ้อนกันค้างอยู่ {count} รายการในข้อมูลที่ส่งมา"
    " ไฟล์นี้มีเฉพาะฉบับที่ใช้อยู่ในเครื่องที่ส่ง ให้ผู้ใช้เครื่องที่ส่งเลือกฉบับที่ถูกต้องที่ แฟ้ม ›"
    " รายการข้อมูลที่แก้ไขซ้อนกัน… ของเครื่องนั้น แล้วส่งไฟล์มาอีกครั้ง รายการจะตรงกันทุกเครื่อง"
)
MAX_HELD = 10_000_000  # a count beyond this is not believed (a hand-made manifest)
NOT_FOUND = "ไม่พบรายการขัดแย้งนี้ หรือเลือกฉบับไปแล้ว"
GONE = "ไม่พบ{kind}นี้ในฐานข้อมูลแล้ว จึงเลือกฉบับไม่ได้"
NO_ROOM = ("รุ่นของข้อมูลของสองฉบับรวมกันเกินที่โปรแกรมรับได้ (เครื่องที่แก้ไขเกิน ๖๔ เครื่อง)"
           " จึงเลือกฉบับไม่ได้ ฉบับที่ใช้อยู่ยังคงเดิม")
HISTORY = "ประวัติแก้ไขย้อนหลังไม่ได้ ฉบับที่บันทึกไว้ในเครื่องนี้คงไว้ตามเดิม"
# Why this laptop may not choose, in the conflicts window's words (acceptance.py's texts end by
# pointing to the pending window's "ไม่ยอมรับ", a button the conflicts window has not: try10 F5).
CHOOSE_ELSEWHERE: dict[str, str] = {
    acceptance.NOT_OURS_SCHOOL: "ข้อมูลของโรงเรียนเลือกฉบับได้เฉพาะที่เครื่องของโรงเรียน เมื่อโรงเรียนเลือกแล้วส่งไฟล์มา"
                                " รายการนี้จะหายไปเอง ระหว่างนี้ใช้ฉบับที่ใช้อยู่ไปก่อน",
    acceptance.NOT_OURS_VISIT: "บันทึกการนิเทศเลือกฉบับได้เฉพาะที่เครื่องที่บันทึกการนิเทศนั้น เมื่อเครื่องนั้นเลือกแล้วส่งไฟล์มา"
                               " รายการนี้จะหายไปเอง ระหว่างนี้ใช้ฉบับที่ใช้อยู่ไปก่อน",
    acceptance.NOT_OURS_OFFICE: "ข้อมูลนี้เลือกฉบับได้เฉพาะที่เครื่องของสำนักงานเขตพื้นที่ที่เป็นเจ้าของ"
                                " เมื่อเลือกแล้วส่งไฟล์มา รายการนี้จะหายไปเอง",
    acceptance.NOT_OURS_AUTHOR: "ข้อความนี้เลือกฉบับได้เฉพาะที่เครื่องของผู้เขียน เมื่อเลือกแล้วส่งไฟล์มา รายการนี้จะหายไปเอง",
}


@dataclass(frozen=True)
class StoredConflict:
    """Both versions of a record: ``winning`` was in use when the conflict was found, ``losing``
    kept aside (each a dict of the record's columns as they travel, ``version`` included)."""

    id: str
    table: str
    record_id: str
    winner: str  # "ours" or "theirs": which side was in use
    losing: dict[str, Any]
    winning: dict[str, Any]
    detected_at: str
    source_file: str
    source_installation: str
    resolved: bool
    # The school the record belongs to ("code name"; "" when none, or it is not here) and why this
    # installation may not choose a version here ("" when it may), both read when listed.
    school: str = ""
    refusal: str = ""

    @property
    def description(self) -> str:
        """The record as a person recognises it, in Thai (its kind and code, item, date or name)."""
        return describe(self.table, self.losing)

    @property
    def kind(self) -> str:
        """The Thai name of the record's kind (``KIND_LABELS``: "การนิเทศ", …)."""
        return KIND_LABELS[self.table]


def _from_row(row: dict[str, Any]) -> StoredConflict:
    return StoredConflict(
        id=row["id"], table=row["table_name"], record_id=row["record_id"], winner=row["winner"],
        losing=json.loads(row["losing_json"]), winning=json.loads(row["winning_json"]),
        detected_at=row["detected_at"], source_file=row["source_file"],
        source_installation=row["source_installation"], resolved=bool(row["resolved"]),
    )


def held_by_sender(manifest: dict[str, Any], *, owner: bool = False) -> list[str]:
    """The Thai warning that the file's sender holds open conflicts on records of the file (its
    signed manifest's ``open_conflicts``, a whole number from 1), as a list of one; empty when it
    holds none or the value is not such a number. ``owner``: the sender is the school's own laptop
    (its key bound to a school here), which settles them itself (:data:`HELD_BY_OWNER`)."""
    held = manifest.get("open_conflicts")
    if type(held) is not int or not 0 < held <= MAX_HELD:
        return []
    # The sender is named above the warnings (senders.py); its computer's name here was "vm" on every laptop (s33).
    return [Sentence(HELD_BY_OWNER if owner else HELD_BY_SENDER, count=Own(f"{held:,}"))]


def list_conflicts(workspace: "Workspace", *, include_resolved: bool = False) -> list[StoredConflict]:
    """Conflicts kept for a person to look at, newest first (resolved ones too with
    ``include_resolved``), each with its school (:attr:`StoredConflict.school`) and, when open, why
    this installation may not choose a version (:attr:`StoredConflict.refusal`, Thai; what
    :func:`use_version` would raise). A writable workspace first settles the conflicts a program
    before s33 kept between two identical sides (``equal_kept.settle_at_opening``, B16: a laptop
    that only sends files never imports); otherwise reads only."""
    if not workspace.read_only:  # s34 exw34b B16: before s33's identical pairs, settled when the list is read
        from .equal_kept import settle_at_opening

        try:
            settle_at_opening(workspace)
        except Exception:  # noqa: BLE001 — the key unreadable, the file busy: the list as it is, the import settles
            pass
    sql = "SELECT * FROM exchange_conflicts"
    if not include_resolved:
        sql += " WHERE resolved = 0"
    found = [_from_row(row) for row in workspace.db.query(sql + " ORDER BY detected_at DESC, rowid DESC")]
    return [replace(conflict, school=_school(workspace, conflict),
                    refusal="" if conflict.resolved else _refusal(workspace, conflict)) for conflict in found]


def _school(workspace: "Workspace", conflict: StoredConflict) -> str:
    conn = workspace.db.conn
    school_id = (school_id_of(conn, conflict.table, conflict.winning)
                 or school_id_of(conn, conflict.table, conflict.losing))
    found = code_and_name(conn, school_id) if school_id else None
    return f"{found[0]} {found[1]}" if found else ""


def _current(workspace: "Workspace", conflict: StoredConflict) -> dict[str, Any] | None:
    columns = travelling_columns(workspace.db)[conflict.table]
    found = workspace.db.execute(f"SELECT {', '.join(columns)} FROM {conflict.table} WHERE id = ?",
                                 [conflict.record_id]).fetchone()
    return dict(zip(columns, found)) if found is not None else None


def _refusal(workspace: "Workspace", conflict: StoredConflict) -> str:
    """Why this installation may not choose a side (conflicts-window words), "" when it may: the
    owner check a direct edit here meets, on both sides and the record as it is here."""
    if conflict.table in APPEND_ONLY:
        return HISTORY
    current = _current(workspace, conflict)
    if current is None:
        return GONE.format(kind=KIND_LABELS[conflict.table])
    for side in (conflict.winning, conflict.losing):
        refused = acceptance.refusal(workspace, conflict.table, "not_owner", dict(side), current)
        if refused:
            return CHOOSE_ELSEWHERE.get(refused, refused)
    return ""


def mark_conflict_resolved(workspace: "Workspace", conflict_id: str, resolved: bool = True) -> None:
    """A person has looked at the conflict and keeps the version in use (the other stays stored);
    ``resolved=False`` shows it again. An unknown id changes nothing. Raises
    :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
    with workspace.db.write():
        workspace.db.execute(
            "UPDATE exchange_conflicts SET resolved = ?, resolved_at = ? WHERE id = ?",
            [int(resolved), now_iso() if resolved else "", conflict_id],
        )


def use_version(workspace: "Workspace", conflict_id: str, side: str) -> StoredConflict:
    """Use one side of a conflict ("ใช้ฉบับนี้"): ``side`` is ``"winning"`` or ``"losing"``.
    The record takes that side's values as this installation's change, with a version that
    descends from both sides and from the record as it is now; every open conflict of the record
    that this settles is marked resolved (by migration 0010's trigger, as for any new version).
    Returns the conflict, resolved.

    Raises :class:`ExchangeError` for an unknown or resolved conflict, a record no longer here,
    a record this installation may not change as its owner rule stands here (``acceptance.py``:
    a school's records only at the school's own laptop, a visit's records only where the visit
    was made or re-bound),
    a version that would have no room for this change (:func:`~.versions.has_room`), or a history row (history is never rewritten: choosing it keeps what is stored)."""
    if side not in SIDES:
        raise ValueError(f"side must be one of {SIDES}")
    db = workspace.db
    with db.write():
        rows = list(db.query("SELECT * FROM exchange_conflicts WHERE id = ? AND resolved = 0", [conflict_id]))
        if not rows:
            raise ExchangeError(NOT_FOUND)
        conflict = _from_row(rows[0])
        if conflict.table in APPEND_ONLY:
            raise ExchangeError(HISTORY)
        columns = travelling_columns(db)[conflict.table]
        found = db.execute(f"SELECT {', '.join(columns)} FROM {conflict.table} WHERE id = ?",
                           [conflict.record_id]).fetchone()
        if found is None:
            raise ExchangeError(GONE.format(kind=KIND_LABELS[conflict.table]))
        current = dict(zip(columns, found))
        chosen = dict(conflict.winning if side == "winning" else conflict.losing)
        # This installation's own change, so the owner check a direct edit here meets (no back door).
        refused = acceptance.refusal(workspace, conflict.table, "not_owner", chosen, current)
        if refused:
            raise ExchangeError(CHOOSE_ELSEWHERE.get(refused, refused))
        vector = versions.merged(*(versions.parse(v["version"]) or {} for v in (current, conflict.winning, conflict.losing)))
        if not versions.has_room(vector, workspace.installation_id):
            raise ExchangeError(NO_ROOM)
        # Count on from the highest counter this installation ever used here (migration 0012).
        me = workspace.installation_id
        used = db.execute("SELECT counter FROM local_counters WHERE table_name = ? AND record_id = ? AND installation_id = ?",
                          [conflict.table, conflict.record_id, me]).fetchone()
        vector = versions.bumped({**vector, me: max(vector.get(me, 0), used[0] if used else 0)}, me)
        db.execute("INSERT INTO local_counters VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET counter = excluded.counter",
                   [conflict.table, conflict.record_id, me, vector[me]])
        chosen.update(id=conflict.record_id, version=versions.dumps(vector), modified_at=now_iso(),
                      modified_by=workspace.installation_id)
        settable = [c for c in columns if c != "id"]
        db.execute(
            f"UPDATE {conflict.table} SET {', '.join(f'{c} = ?' for c in settable)}, signed_set = NULL WHERE id = ?",
            [chosen[c] for c in settable] + [conflict.record_id],
        )
        # Migration 0010's trigger closes every open conflict of the record that this version
        # descends from both sides of: the chosen one (the vector merges both its sides) and any other.
    return _from_row(next(iter(db.query("SELECT * FROM exchange_conflicts WHERE id = ?", [conflict_id]))))
