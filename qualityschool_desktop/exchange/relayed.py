"""The owner's version a relay carries beside its own (issue 10 "files pass through hands", retest30 N6).

A district that changed a school's record (its own key bound to the school there by a person), or
took in a change by another laptop it bound to the school, holds a version of the record that is not
the school's. Its file carries that version in ``records/<table>.jsonl`` as before; the receiver
(the province), which judges owners by the school's own statement, keeps it waiting ("รอตรวจสอบ").
Until format 7 the receiver then had no version of the school's record at all: the province scored
the school without it, and a relay could lift a colour by hiding a low answer.

Now the file also carries, in ``relayed/<table>.jsonl``, the **owner's last sealed version** of each
such record: the row exactly as the owner sealed it (kept here when a version by another replaced it:
``owner_versions``, migration 0033), under the owner's seal, forwarded unchanged in ``seals.jsonl``.
The receiver reads a table's owners' versions before the table's records
(:class:`RelayedPass`) and decides each exactly as if it came in the owner's own file: checked
against the owner's seal and the owner's key, applied when new or newer, older or unchanged
otherwise. The relay's version that follows then meets the owner's version here and waits on top of
it, as when both files arrive separately. A preview sees the same (the owner's versions it would
apply are what the relay's versions are compared with).

**Which version travels**: for a record of a school, the kept version sealed by an installation
that owns the record as the receiver will judge it (the school's own statement kept here, else the
keys learnt from files, never a person's binding here, which stays local), when the version in use
here is sealed by none of them; the latest one when two of the school's laptops have one. One per
record. A visit's records keep none (migration 0033: only their maker changes them).

**A relay cannot alter it**: a row of ``relayed/`` must be vouched for by a seal of an installation
other than the file's exporter (the owner's); one vouched for by the exporter alone, or by nobody,
refuses the whole file (:data:`ALTERED`, ``refusals.UNSIGNED``), nothing written. A relay that alters
the row breaks the owner's seal, so it can only vouch for it itself.

**Older and newer programs**: a file carrying such a version is format 7 (``package.py``); a
version 6 program refuses it as one of a newer program and asks for an update. A file without one
keeps its lower format, and a format 7 program reads older files as before.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any, Callable, Iterator

from . import reading, signing, statements, versions
from .owners import LINKS, OWNERS, school_id_of
from .package import RELAYED
from .records import APPEND_ONLY, OMITTED_WHEN_NULL, TABLES, ExchangeError, travelling_form
from .refusals import Described
from ..thai import Sentence

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .ownership import Vouch
    from .decision import Decision

ALTERED = ("ไฟล์ {source}: ฉบับของเจ้าของข้อมูลที่ผู้ส่งต่อแนบมา ({what}) ไม่มีลายเซ็นของเจ้าของข้อมูลรับรอง"
           " (ถูกแก้ไขหลังเจ้าของข้อมูลลงนาม) ผู้ส่งต่อแก้ไขฉบับของเจ้าของข้อมูลไม่ได้ โปรแกรมจะไม่นำเข้าไฟล์นี้")
TWICE = "ไฟล์ {source}: ฉบับของเจ้าของข้อมูลที่ผู้ส่งต่อแนบมา ({what}) มีซ้ำกัน ไฟล์นี้อาจเสียหาย"


def member(table: str) -> str:
    """The member of ``table``'s owners' versions a relay carries: ``relayed/<table>.jsonl``."""
    return f"{RELAYED}{table}.jsonl"


Selected = list[tuple[dict[str, Any], "str | None"]]


def kept_versions(workspace: "Workspace", travelling: dict[str, tuple[str, ...]],
                  selected: dict[str, Selected]) -> dict[str, list[tuple[dict[str, Any], str]]]:
    """Table -> (the owner's kept version in its travelling form, the id of the owner's seal over
    it) for the records of ``selected`` (table -> the rows an export carries, with the seal that
    covers each here) whose version in use is by none of their owners (the module's docstring).
    One query when nothing is kept (the usual database); the caller checks each seal still covers
    its row (a version kept before a column was added no longer matches: it stays home)."""
    conn = workspace.db.conn
    if conn.execute("SELECT 1 FROM owner_versions LIMIT 1").fetchone() is None:
        return {}
    found: dict[str, list[tuple[dict[str, Any], str]]] = {}
    owners: dict[tuple[str, str], set[str]] = {}
    sealers: dict[str, str] = {}
    for table in TABLES:
        if table in APPEND_ONLY or OWNERS[table] not in ("school", "visit_maker") or not selected.get(table):
            continue
        kept = conn.execute("SELECT record_id, installation_id, row_json, seal_id FROM owner_versions"
                            " WHERE table_name = ? ORDER BY record_id", [table]).fetchall()
        if not kept:
            continue
        in_use = {row["id"]: (row, seal_id) for row, seal_id in selected[table]}
        columns, optional = travelling[table], OMITTED_WHEN_NULL.get(table, frozenset())
        latest: dict[str, tuple[dict[str, Any], str]] = {}  # record id -> its owners' latest kept version
        for record_id, installation, row_json, seal_id in kept:
            here = in_use.get(record_id)
            if here is None:
                continue
            row, here_seal = here
            sealer = _sealer(conn, here_seal, sealers) if here_seal else workspace.installation_id
            owning = _owners(workspace, table, row, owners)
            if installation not in owning or sealer in owning:
                continue
            version = json.loads(row_json)
            if any(column not in version and column not in optional for column in columns):
                continue
            other = latest.get(record_id)
            if other is None or _later(version, other[0]):  # two owners' laptops: the one the other descends from
                latest[record_id] = (travelling_form(table, {column: version.get(column) for column in columns}), seal_id)
        if latest:
            found[table] = list(latest.values())
    return found


def _later(version: dict[str, Any], than: dict[str, Any]) -> bool:
    """Whether ``version`` (a kept row) is later than ``than``: it descends from it, or, when neither
    descends from the other, it counts more changes (the same choice on every laptop)."""
    mine, theirs = versions.parse(str(version.get("version"))) or {}, versions.parse(str(than.get("version"))) or {}
    if versions.descends(mine, theirs) != versions.descends(theirs, mine):
        return versions.descends(mine, theirs)
    return (sum(mine.values()), str(version.get("version"))) > (sum(theirs.values()), str(than.get("version")))


def drop_superseded(conn: sqlite3.Connection, updated: dict[str, set[str]]) -> set[str]:
    """Forget the kept versions of the records ``updated`` (table -> ids) by an import whose version
    in use is now sealed by an owner of the school as files said (``owner_versions.learnt``: a key
    that signed before the import named it is known only now); returns the seals they named, for the
    import's clean-up. Index lookups per record updated: nothing when nothing is kept."""
    from ..migrations.owner_versions import SCHOOL_OF_ROW, learnt

    dropped: set[str] = set()
    if not updated or conn.execute("SELECT 1 FROM owner_versions LIMIT 1").fetchone() is None:
        return dropped
    for table, ids in updated.items():
        school = SCHOOL_OF_ROW[table].replace("OLD.", "r.")
        where = ("table_name = :table AND record_id IN (SELECT value FROM json_each(:ids)) AND EXISTS (SELECT 1 FROM"
                 f" {table} AS r JOIN seals AS s ON s.id = r.signed_set WHERE r.id = owner_versions.record_id"
                 f" AND {learnt(school, 's.installation_id')})")
        values = {"table": table, "ids": json.dumps(sorted(ids))}
        dropped |= {str(r[0]) for r in conn.execute(f"SELECT seal_id FROM owner_versions WHERE {where}", values)}
        conn.execute(f"DELETE FROM owner_versions WHERE {where}", values)
    return dropped


def _sealer(conn: sqlite3.Connection, seal_id: str, known: dict[str, str]) -> str:
    if seal_id not in known:
        row = conn.execute("SELECT installation_id FROM seals WHERE id = ?", [seal_id]).fetchone()
        known[seal_id] = str(row[0]) if row else ""
    return known[seal_id]


def _owners(workspace: "Workspace", table: str, row: dict[str, Any],
            known: dict[tuple[str, str], set[str]]) -> set[str]:
    """The installations that own ``row`` of ``table`` as a receiver judges them: a school's by
    its own statement kept here (else the keys learnt from files, or this installation for a school
    made here), a visit's maker; never a key a person bound here (that binding stays local)."""
    conn = workspace.db.conn
    if OWNERS[table] == "visit_maker":
        visit = row if table == "visits" else {"made_by": _visit_maker(conn, table, row)}
        return {str(visit["made_by"])} if visit.get("made_by") else set()
    school_id = school_id_of(conn, table, row)
    if not school_id:
        return set()
    key = ("school", school_id)
    if key not in known:
        statement = statements.stored(conn, school_id)
        if statement is not None:
            pairs = set(statement.owners)
        else:
            pairs = {(str(i), str(f)) for i, f in conn.execute(
                "SELECT installation_id, fingerprint FROM school_signers WHERE school_id = ? AND how <> 'by_hand'",
                [school_id])}
            if not pairs:  # a school made here: this installation speaks for it (statements.speaks_for)
                pairs = {(workspace.installation_id, "")}
        installations = {inst for inst, _fp in pairs if inst}
        fingerprints = [fp for _inst, fp in pairs if fp]
        if fingerprints:  # an owner named by its key alone: the installation that key signs for here
            marks = ", ".join("?" for _ in fingerprints)
            installations |= {str(r[0]) for r in conn.execute(
                f"SELECT installation_id FROM signers WHERE fingerprint IN ({marks})", fingerprints) if r[0]}
            # This laptop's own key is no signer here: named by the statement, this laptop owns the
            # school too (TEST34B B3: the school's second laptop relayed the first's older versions
            # beside its own identical join, read as "ของเครื่องนี้ใหม่กว่า" everywhere).
            if signing.own_fingerprint() in fingerprints:
                installations.add(workspace.installation_id)
        known[key] = installations
    return known[key]


def _visit_maker(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> str:
    column, _target = LINKS[table]
    found = conn.execute("SELECT made_by FROM visits WHERE id = ?", [row.get(column)]).fetchone()
    return str(found[0]) if found else ""


class RelayedPass:
    """The owners' versions a file carries, decided before each table's records (part of
    :class:`~.merge.Merge`: a mixin, as its other passes)."""

    package: Any
    source: str
    store: Any
    travelling: dict[str, tuple[str, ...]]
    # table -> record id -> the owner's version as applied in this pass (with ``signed_set``): what the
    # relay's version of the record meets in a preview, which writes nothing
    relayed_applied: dict[str, dict[str, dict[str, Any]]]

    def _vouch(self, table: str, row: dict[str, Any], line: bytes | None = None) -> "Vouch":
        raise NotImplementedError  # Merge's

    def check_row(self, table: str, row: dict[str, Any]) -> None:
        """Merge's checks of a row as read (room in its version, stamps, framework)."""
        raise NotImplementedError

    def _batch(self, table: str, batch: list[dict[str, Any]], vouches: list["Vouch"]) -> list["Decision"]:
        raise NotImplementedError  # Merge's

    def relayed_rows(self, table: str) -> Iterator[tuple[dict[str, Any], "Vouch"]]:
        """(row, the seals that vouch for it) of ``table``'s owners' versions in the file, each
        checked as a record is and vouched for by an installation other than the exporter; raises
        :class:`ExchangeError` (:data:`ALTERED`, :data:`TWICE`, or as a record is refused)."""
        name = member(table)
        if name not in self.package.members:
            return
        exporter = self.package.manifest["exporter"]["installation_id"]
        seen: set[str] = set()
        for _number, row, line in reading.rows_with_lines(self.package, table, self.travelling[table], member=name):
            if row["id"] in seen:
                raise ExchangeError(Sentence(TWICE, source=self.source, what=Described(table, row)))
            seen.add(row["id"])
            self.check_row(table, row)
            vouch = self._vouch(table, row, line)
            if all(installation == exporter for installation in vouch.installations):
                raise ExchangeError(Sentence(ALTERED, source=self.source, what=Described(table, row)))
            yield row, vouch

    def relayed_table(self, table: str) -> None:
        """Decide ``table``'s owners' versions (the file's ``relayed/<table>.jsonl``) before its
        records, in batches, exactly as rows of the owner's own file; remember those that apply
        for the preview (:attr:`relayed_applied`)."""
        batch: list[dict[str, Any]] = []
        vouches: list["Vouch"] = []
        for row, vouch in self.relayed_rows(table):
            batch.append(row)
            vouches.append(vouch)
            if len(batch) >= 500:
                self._relayed_batch(table, batch, vouches)
                batch, vouches = [], []
        if batch:
            self._relayed_batch(table, batch, vouches)

    def _relayed_batch(self, table: str, batch: list[dict[str, Any]], vouches: list["Vouch"]) -> None:
        for decision in self._batch(table, batch, vouches):
            if decision.applies:
                self.relayed_applied.setdefault(table, {})[decision.row["id"]] = {
                    **decision.row, "signed_set": decision.seal_id}


def overlay(applied: dict[str, dict[str, Any]], local: dict[str, dict[str, Any]],
            ids: Callable[[], list[str]]) -> None:
    """Put in ``local`` (a batch's rows held here, by id) the owner's versions this pass applies
    (``applied``, of the batch's table) for the batch's ``ids()``: a preview writes nothing, so the
    relay's versions meet them as an import's would."""
    for record_id in ids():
        found = applied.get(record_id)
        if found is not None:
            local[record_id] = found
