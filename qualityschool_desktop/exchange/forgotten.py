"""What a forgotten key's same-school mappings moved here, taken back (``signers --forget``).

A mapping believed where its typed school was never seen (a known key's word, or one a person
vouched for after a phone call: ``same_school.py``) moved the append-only rows others sealed about
the typed school and its rounds onto the school it named, each row kept with its author's seal on
the typed form. When the key turns out to be a forger and a person forgets it, its word goes, and
so does what its word did: every row that sits on the mapped school only because of it (its stored
seal covers the form with the typed ids, not the form it has here) goes back to where its author
sealed it, in the forget's transaction:

* when the typed school and rounds the sealed form names are here, the row names them again;
* else (the usual case: the typed record was never seen here, so the row has no place here) an
  append-only row leaves the school, kept aside in the ``installation`` key/value table as its
  author sealed it (:data:`SET_ASIDE`): the file that brought it had nothing else to place it, and
  the typer's own relay brings it again with the typer's word. A visit leaves with its people,
  findings, attachment records, events, follow-ups and the comments on them, kept aside together
  (left on the school, it made the typer's true relay a change of a final visit, refused). Rows
  typed *here* among them (this office's own answers to its follow-ups: no seal, counted as
  ``own``) leave with it and come back by themselves when a file brings the visit back
  (:func:`bring_back_own`, in that import's transaction): nothing typed here is lost;
* a visit another visit's follow-up was closed in, or a follow-up whose visit stays, stays where
  it is: counted as ``left``.

A row whose stored seal covers it where it is now stays: its author placed it there itself (the
author's newer version, or a row sealed on the school's own ids). Mappings of other keys, and rows
the mapping did not move, are untouched. A mapping *held* here (from the typer of a record held
here, which then gave way) is only dropped, as before: the typed record it replaced is gone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..clock import now_iso
from ..thai import Own, Sentence
from . import append_only, same_school, seals
from .records import travelling_form

if TYPE_CHECKING:
    import sqlite3

SET_ASIDE = "set_aside:"  # installation key: set_aside:<table>:<row id>

# What the key's "same school" word had moved, taken back with it: ``signers --forget`` prints these
# and the senders' window's "ลืมกุญแจนี้…" shows them (TakenBack.sentences), one wording for both.
TAKEN_BACK = "ข้อมูล {count} รายการที่ย้ายมาอยู่กับโรงเรียนรหัส {codes} ตามคำยืนยันว่าเป็นโรงเรียนเดียวกันของกุญแจนี้ ย้ายออกแล้ว:"
PUT_BACK = " {put_back} รายการกลับไปอยู่กับรายการที่ผู้บันทึกลงนามไว้"
KEPT_ASIDE = (" {set_aside} รายการอ้างถึงโรงเรียนที่พิมพ์ไว้ที่อื่นซึ่งเครื่องนี้ไม่มี จึงเก็บแยกไว้ตามที่ผู้บันทึกลงนาม"
              " ไม่แสดงกับโรงเรียนใด ไฟล์จากสำนักงานที่พิมพ์โรงเรียนนั้นจะนำข้อมูลเหล่านี้มาอีกครั้งพร้อมคำยืนยันของสำนักงานเอง")
OWN_ASIDE = (" ความคิดเห็น {own} รายการที่บันทึกในเครื่องนี้ต่อข้อตกลงติดตามผลของการนิเทศที่เก็บแยกไว้ ไปอยู่กับการนิเทศนั้นด้วย"
             " ไม่ได้หายไป: จะกลับมาเองเมื่อไฟล์นำการนิเทศนั้นกลับมา")
LEFT = ("การนิเทศหรือข้อตกลงติดตามผล {count} รายการที่คำยืนยันนี้ย้ายมายังอยู่กับโรงเรียนรหัส {codes}"
        " เพราะเครื่องนี้ไม่มีโรงเรียนที่ผู้บันทึกลงนามไว้")
# The schools bound to the key lose that binding: the key's later files cannot change them (their
# changes wait as pending, as a stranger's would). Each front end adds its own way to bind it again.
UNBOUND = ("เลิกผูกกุญแจนี้กับโรงเรียนรหัส {codes} แล้ว: การแก้ไขข้อมูลของโรงเรียนจากไฟล์ที่ลงนามด้วยกุญแจนี้หลังจากนี้"
           " จะรอตรวจสอบ (ไม่มีผลทันที) จนกว่าจะผูกกุญแจนี้กับโรงเรียนอีกครั้ง")
APPEND_ONLY_TABLES = frozenset(table for table, _column in (*append_only.BY_SCHOOL, *append_only.BY_ROUND))


@dataclass(frozen=True)
class TakenBack:
    """Rows a forgotten key's mappings had moved: ``put_back`` name the typed ids again,
    ``set_aside`` left the school (kept aside as sealed), ``left`` (visits, follow-ups) stay; the
    codes of the schools they were moved onto, as the mappings named them (``codes``); ``own``:
    rows typed here (comments on a set-aside visit's follow-ups) kept aside with their visit;
    ``already``: when the key had been forgotten here before, nothing of it here since (else "");
    ``unbound``: the codes of the schools that were bound to the key here and are no longer."""

    put_back: int = 0
    set_aside: int = 0
    left: int = 0
    codes: tuple[str, ...] = ()
    own: int = 0
    already: str = ""
    unbound: tuple[str, ...] = ()

    @property
    def moved(self) -> int:
        """Rows that left the school the mapping had put them on."""
        return self.put_back + self.set_aside

    def sentences(self) -> list[Sentence]:
        """In Thai: the schools unbound first (one sentence), then what was taken back, counted:
        one sentence for the rows that left the school (those put back, kept aside, typed here), one
        for those left; none when nothing was bound and nothing moved."""
        codes = Own(", ".join(self.codes))
        said = [Sentence(UNBOUND, codes=Own(", ".join(self.unbound)))] if self.unbound else []
        if self.moved:
            template = (TAKEN_BACK + (PUT_BACK if self.put_back else "") + (KEPT_ASIDE if self.set_aside else "")
                        + (OWN_ASIDE if self.own else ""))
            said.append(Sentence(template, count=self.moved, codes=codes, put_back=self.put_back,
                                 set_aside=self.set_aside, own=self.own))
        if self.left:
            said.append(Sentence(LEFT, count=self.left, codes=codes))
        return said

    def __add__(self, other: "TakenBack") -> "TakenBack":
        return TakenBack(self.put_back + other.put_back, self.set_aside + other.set_aside, self.left + other.left,
                         tuple(sorted({*self.codes, *other.codes})), self.own + other.own)


def take_back(conn: "sqlite3.Connection", travelling: dict[str, tuple[str, ...]], fingerprint: str) -> TakenBack:
    """Take back what the relayed (not held) mappings kept here that the key ``fingerprint`` (64
    hex digits) signed moved (module docstring); inside the caller's write transaction, before
    the mappings are removed. Returns the counts."""
    total = TakenBack()
    for mapping in same_school.all_kept(conn):
        if mapping.signer_fingerprint == fingerprint and not mapping.held:
            total = total + _take_back_one(conn, travelling, mapping)
    return total


def _take_back_one(conn: "sqlite3.Connection", travelling: dict[str, tuple[str, ...]],
                   mapping: same_school.Mapping) -> TakenBack:
    typed: dict[str, dict[str, list[tuple[str, same_school.Mapping]]]] = {
        "schools": {mapping.school_id: [(mapping.typed_id, mapping)]},
        "assessments": {own: [(round_id, mapping)] for round_id, own in mapping.rounds},
    }
    stored = seals.StoredSeals(conn)
    counts = {"put_back": 0, "set_aside": 0, "left": 0, "own": 0}
    for table, columns in same_school.REPOINTED.items():
        names = travelling[table]
        where = " OR ".join(f"{column} IN (SELECT value FROM json_each(?))" for column, _target in columns)
        params = [json.dumps(list(typed[target])) for _column, target in columns]
        found = conn.execute(f"SELECT {', '.join(names)}, signed_set FROM {table}"
                             f" WHERE signed_set IS NOT NULL AND ({where})", params).fetchall()
        for values in found:
            row, seal_id = travelling_form(table, dict(zip(names, values))), str(values[-1])
            if stored.covering(seal_id, seals.row_digest(table, row)) is not None:
                continue  # its author sealed it where it is
            form = next((form for form, _used in same_school.sealed_forms(row, columns, typed)
                         if stored.covering(seal_id, seals.row_digest(table, form)) is not None), None)
            if form is None:
                continue  # not moved by this mapping
            changed = {column: form[column] for column, _target in columns if form[column] != row[column]}
            if all(_here(conn, target, form[column]) for column, target in columns if column in changed):
                append_only.put_back(conn, table, row["id"], changed)
                counts["put_back"] += 1
            elif table in APPEND_ONLY_TABLES:
                _keep_aside(conn, table, form, seal_id, row, mapping)
                append_only.take_off(conn, table, row["id"])
                counts["set_aside"] += 1
            elif table == "visits" and _visit_can_leave(conn, row["id"]):
                parts = _take_off_visit_parts(conn, travelling, row["id"])
                _keep_aside(conn, table, form, seal_id, row, mapping, parts)
                conn.execute("DELETE FROM visits WHERE id = ?", [row["id"]])
                counts["set_aside"] += 1
                counts["own"] += len(_own(parts))
            else:
                counts["left"] += 1
    touched = any(counts[key] for key in ("put_back", "set_aside", "left"))
    return TakenBack(counts["put_back"], counts["set_aside"], counts["left"], (mapping.code,) if touched else (),
                     counts["own"])


def _own(parts: dict[str, list[dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The rows of a set-aside visit's ``parts`` typed here (no seal: changed on this laptop), as
    (table, row), the visit's parts before the comments (a comment names a follow-up)."""
    order = (*VISIT_PARTS, "follow_ups", "comments")
    return [(table, kept["row"]) for table in order for kept in parts.get(table, ()) if kept["seal_id"] is None]


def bring_back_own(conn: "sqlite3.Connection") -> int:
    """Put back the rows typed here that :func:`take_back` kept aside with a visit, once a file has
    brought that visit (and the follow-up a comment answers) here again; a comment names the
    school its follow-up is on now. Inside the import's write transaction, after its rows are
    merged. Returns the rows put back (0 when nothing was kept aside)."""
    placed = 0
    for kept in _kept(conn):
        if kept["table"] != "visits" or not _here(conn, "visits", kept["row"]["id"]):
            continue
        for table, row in _own(kept.get("parts") or {}):
            if _here(conn, table, row["id"]):
                continue
            row = dict(row)
            if table == "comments":
                found = conn.execute("SELECT school_id FROM follow_ups WHERE id = ?", [row["follow_up_id"]]).fetchone()
                if found is None:
                    continue  # its follow-up has not come back: it stays aside, listed
                row["school_id"] = found[0]
            elif not _here(conn, "visits", row.get("visit_id")):
                continue
            names = list(row)
            conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                         [row[name] for name in names])
            placed += 1
    return placed


# A visit's parts, taken off with it (each names the visit by ``visit_id``).
VISIT_PARTS = ("visit_people", "visit_findings", "visit_attachments", "visit_events")


def _visit_can_leave(conn: "sqlite3.Connection", visit_id: str) -> bool:
    """False when a follow-up of another visit was closed in this one (it would name nothing)."""
    return conn.execute("SELECT 1 FROM follow_ups WHERE closed_in_visit_id = ? AND visit_id <> ? LIMIT 1",
                        [visit_id, visit_id]).fetchone() is None


def _take_off_visit_parts(conn: "sqlite3.Connection", travelling: dict[str, tuple[str, ...]],
                          visit_id: str) -> dict[str, list[dict[str, Any]]]:
    """Delete the parts of the visit ``visit_id``, its follow-ups and the comments on them (the
    append-only ones with their trigger set aside, as ``append_only.take_off``); their rows as
    they were, with their seals, per table."""
    follow_ups = [str(r[0]) for r in conn.execute("SELECT id FROM follow_ups WHERE visit_id = ?", [visit_id])]
    taken: dict[str, list[dict[str, Any]]] = {}
    steps = (("comments", "follow_up_id", follow_ups), *((part, "visit_id", [visit_id]) for part in VISIT_PARTS),
             ("follow_ups", "id", follow_ups))
    for table, column, ids in steps:
        names = travelling[table]
        rows = conn.execute(f"SELECT {', '.join(names)}, signed_set FROM {table}"
                            f" WHERE {column} IN (SELECT value FROM json_each(?))", [json.dumps(ids)]).fetchall()
        taken[table] = [{"row": dict(zip(names, values)), "seal_id": values[-1]} for values in rows]
        for kept in taken[table]:
            append_only.take_off(conn, table, str(kept["row"]["id"]))
    return taken


def _here(conn: "sqlite3.Connection", table: str, record_id: Any) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone() is not None


def _keep_aside(conn: "sqlite3.Connection", table: str, form: dict[str, Any], seal_id: str, row: dict[str, Any],
                mapping: same_school.Mapping, parts: dict[str, list[dict[str, Any]]] | None = None) -> None:
    kept = {"table": table, "row": form, "seal_id": seal_id, "was": {"school_id": row.get("school_id"),
                                                                       "assessment_id": row.get("assessment_id")},
            "forgotten": mapping.signer_fingerprint, "mapping": mapping.line, "at": now_iso(), "parts": parts or {}}
    conn.execute("INSERT OR REPLACE INTO installation (key, value) VALUES (?, ?)",
                 [f"{SET_ASIDE}{table}:{form['id']}", json.dumps(kept, ensure_ascii=False)])


def set_aside(conn: "sqlite3.Connection") -> list[dict[str, Any]]:
    """The rows kept aside here by :func:`take_back` that no file has brought here again since,
    each as kept: ``table``, ``row`` (the form its author sealed), ``seal_id``, ``was`` (the ids it
    had here), ``forgotten`` (the key), ``parts`` (a visit's parts, follow-ups and their comments,
    per table: ``row`` and ``seal_id``). A visit that came back is still listed while a row typed
    here that left with it is not back (:func:`bring_back_own`)."""
    return [kept for kept in _kept(conn) if not _here(conn, kept["table"], kept["row"]["id"])
            or any(not _here(conn, table, row["id"]) for table, row in _own(kept.get("parts") or {}))]


def _kept(conn: "sqlite3.Connection") -> list[dict[str, Any]]:
    end = SET_ASIDE[:-1] + chr(ord(SET_ASIDE[-1]) + 1)
    return [json.loads(value) for (value,) in conn.execute(
        "SELECT value FROM installation WHERE key >= ? AND key < ? ORDER BY key", [SET_ASIDE, end])]
