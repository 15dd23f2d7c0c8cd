"""Deciding what happens to each incoming record, as the file streams by (preview and import alike).

Tables are read in :data:`~.records.TABLES` order, so a row's parents (its school, assessment or
visit) are decided before it; rows go in batches, each batch's local rows fetched in one query.
For each row:

1. **Who vouches for it**: the installations whose verified seals hold its digest (``seals.py``).
   None: the file is refused. A history row or visit event must be vouched for by the installation
   it names, or the file is refused.
2. **Who owns it** (``owners.py``): the root school (the keys bound to it, ``bindings.py``) or the
   visit (the installation that made it), reached from the row as it is here *and* as it arrives.
   A signer that owns both may change it; this installation's own signature always may. The first
   file that brings a school binds the school to the keys that vouch for its record.
3. **What happened** (``versions.py``): new → insert; theirs descends from ours → update; ours
   descends from theirs → older, nothing; concurrent → a conflict, both kept, the higher-ranked in
   use (an owner's version above a non-owner's, then the vector's total, then the digest).
   A change by a key that does not own the record is *pending*: kept for a person, not applied.
4. **Rules that hold across machines**: a final visit (or its findings, people, attachments, the
   wording of its follow-ups) changes only with a new reopen event by its owner in the same file;
   no import marks a school as demo data in a real database; stamps later than a day ahead of this
   laptop's clock are refused; a sender's clock that looks wrong is reported as a warning.

The decisions go to :class:`~.store.Store`, which writes them (an import) or only counts (a preview).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Collection, Iterable

from .. import clock
from ..clock import parse_iso
from ..errors import NotFoundError
from . import bindings, reading, seals, signing, versions
from .owners import LINKS, NAMED_BY, ROOTS, root_of
from .package import Package
from .records import (
    APPEND_ONLY,
    KIND_LABELS,
    REFERENCES,
    TABLES,
    TIMESTAMP_COLUMNS,
    UNIQUE_KEYS,
    ExchangeError,
    travelling_columns,
)
from .results import ConflictInfo, KindCounts, PendingInfo, SameSchool
from .store import Decision, Store

if TYPE_CHECKING:
    import sqlite3

    from ..framework import Framework
    from ..workspace import Workspace

BATCH_ROWS = 500
BATCH_CHARS = 4 * 1024 * 1024
FUTURE = timedelta(days=1)  # a stamp further ahead of this laptop's clock is not a real time
CLOCK_FLOOR = "2024-01-01T00:00:00Z"  # before the programme: a sender's clock that says so is wrong
LATE_BY = timedelta(days=1)
# Follow-ups of a final visit keep their wording; their status may change at any time.
_STATUS_COLUMNS = frozenset({"status", "closed_on", "closed_in_visit_id", "modified_at", "modified_by", "version"})

UNSIGNED = (
    "{what} ในไฟล์ {source} ไม่มีลายเซ็นของผู้ที่รับรองข้อมูลนี้ (ข้อมูลถูกแก้ไขหลังลงนาม)"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
FORGED_HISTORY = (
    "ประวัติ ({what}) ในไฟล์ {source} อ้างว่าบันทึกโดยเครื่อง {named} แต่ไม่มีลายเซ็นของเครื่องนั้น"
    " ประวัติรับเฉพาะรายการที่ลงนามโดยเครื่องที่บันทึก โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
FUTURE_STAMP = (
    "{what} ในไฟล์ {source} มีเวลา {stamp} ซึ่งอยู่ในอนาคต (นาฬิกาเครื่องที่ส่งอาจตั้งผิด หรือไฟล์ถูกแก้ไข)"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
FINAL_WITHOUT_REOPEN = (
    "{what} ในไฟล์ {source} เปลี่ยนบันทึกการนิเทศที่ยืนยันแล้ว โดยไม่มีการเปิดแก้ไขที่บันทึกไว้โดยผู้บันทึกการนิเทศ"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
DEMO = (
    "ไฟล์ {source} มีข้อมูลตัวอย่าง (โรงเรียน {name}) ซึ่งนำเข้าฐานข้อมูลจริงไม่ได้"
    " เพื่อไม่ให้คำว่า \"ข้อมูลตัวอย่าง\" ไปปรากฏในรายงานทางการ"
)
SAME_CODE = (
    "โรงเรียนรหัส {code} มีอยู่แล้วในฐานข้อมูลนี้ แต่เป็นคนละรายการกับในไฟล์ (บันทึกแยกกันคนละเครื่อง)"
    " หากเป็นโรงเรียนเดียวกัน ให้ยืนยันว่า \"เป็นโรงเรียนเดียวกัน\" ในหน้าตรวจดูก่อนนำเข้า"
    " (คำสั่ง import --same-school {code}) โปรแกรมจึงยังไม่นำเข้าไฟล์นี้"
)
CLASH = (
    "{what} ในไฟล์ {source} ซ้ำกับรายการอื่นที่มีอยู่แล้วในฐานข้อมูลนี้ (บันทึกแยกกันคนละเครื่อง)"
    " โปรแกรมจึงไม่นำเข้าไฟล์นี้"
)
DANGLING = (
    "ข้อมูล{table}ในไฟล์ {source} อ้างถึง{target} ที่ไม่มีทั้งในไฟล์และในฐานข้อมูลนี้ ไฟล์นี้อาจไม่ครบหรือเสียหาย"
)
CLOCK_WRONG = (
    "นาฬิกาของเครื่อง {name} อาจผิด ({why}) ข้อมูลจากเครื่องนั้นตัดสินตามลำดับการแก้ไข ไม่ใช่ตามเวลา"
    " จึงนำเข้าได้ตามปกติ แต่ควรตั้งวันที่และเวลาของเครื่องนั้นให้ถูกต้อง"
)


def describe(table: str, row: dict[str, Any]) -> str:
    """A record as a person recognises it (Thai): its kind and its code, item, date or name."""
    label = KIND_LABELS[table]
    for key in ("code", "item_code", "scope_code", "visited_on", "name", "action"):
        value = row.get(key)
        if value:
            detail = f"{value} {row['name']}" if key == "code" and row.get("name") else str(value)
            return f"{label} {detail[:60]}"
    if table == "assessments":
        return f"{label} ปี {row['fiscal_year']} รอบ {row['round']}"
    return f"{label} {str(row.get('id', ''))[:8]}"


@dataclass
class Parent:
    """What a row needs of its school, assessment or visit."""

    school_id: str
    owner: str = ""  # a visit: the installation that made it
    framework: "Framework | None" = None
    final: bool = False  # a visit that is final here, before this file
    applied: bool = True  # False: new in this file and kept pending, so its children wait too


@dataclass
class Vouch:
    installations: tuple[str, ...]
    seal_ids: tuple[str, ...]


@dataclass
class Tally:
    counts: dict[str, KindCounts] = field(default_factory=lambda: {table: KindCounts() for table in TABLES})
    conflicts: list[ConflictInfo] = field(default_factory=list)
    pending: list[PendingInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    same_schools: list[SameSchool] = field(default_factory=list)
    first_use: list[str] = field(default_factory=list)
    stored_files: set[str] = field(default_factory=set)  # attachment contents the kept rows need


class Merge:
    """One pass over a file's records: decide each, and hand the decisions to ``store``."""

    def __init__(self, workspace: "Workspace", package: Package, store: Store, *,
                 same_schools: Collection[str] = ()) -> None:
        self.workspace = workspace
        self.conn: "sqlite3.Connection" = workspace.db.conn
        self.package = package
        self.source = package.path.name
        self.store = store
        self.same_schools = set(same_schools)
        self.travelling = travelling_columns(workspace.db)
        self.own = workspace.installation_id
        self.own_fingerprint = signing.own_fingerprint()
        self.latest = clock.now() + FUTURE
        self.tally = Tally()
        self.demo_database = workspace.schools.is_demo_database()
        self.keys: dict[str, tuple[str, bytes, str]] = {}  # installation -> (fingerprint, raw key, base64)
        self.names: dict[str, str] = {}
        self.vouching: dict[bytes, Any] = {}  # digest -> seal index or tuple of indexes
        self.seal_list: list[dict[str, Any]] = []
        self.parents: dict[str, dict[str, Parent]] = {"schools": {}, "assessments": {}, "visits": {}}
        self.bindings: dict[str, set[tuple[str, str]]] = {}
        self.made_here: dict[str, bool] = {}
        self.aliases: dict[str, str] = {}
        self.reopened: set[tuple[str, str]] = set()
        self.unique_seen: dict[str, dict[tuple[Any, ...], str]] = {}
        self.warned_late = False

    # -- keys and seals -------------------------------------------------------------------------
    def load_keys(self) -> None:
        """Check every key the file names against the bindings here (a key signs for one
        installation), then verify every seal."""
        import base64
        import hashlib

        manifest = self.package.manifest
        for installation, key in manifest["keys"].items():
            raw = base64.b64decode(key)
            fingerprint = hashlib.sha256(raw).hexdigest()
            signing.check_binding(self.workspace, installation, fingerprint, self.source)
            self.keys[installation] = (fingerprint, raw, key)
        exporter = manifest["exporter"]
        self.names[exporter["installation_id"]] = exporter["name"]
        for number, line in reading.lines(self.package, seals.MEMBER, "ลายเซ็น"):
            seal = seals.check_shape(reading.parse(self.package, "ลายเซ็น", number, line), self.source)
            installation = seal["installation_id"]
            if installation not in self.keys:
                raise ExchangeError(seals.NO_KEY.format(source=self.source, installation=installation[:8]))
            self._check_stamp(seal["made_at"], "ลายเซ็น")
            index = len(self.seal_list)
            self.seal_list.append(seal)
            for digest in seals.verify(seal, self.keys[installation][1], self.source):
                held = self.vouching.get(digest)
                self.vouching[digest] = index if held is None else (*(held if isinstance(held, tuple) else (held,)), index)
        self.store.keep_keys(self.keys, self.names, self.seal_list)
        exported = manifest["exported_at"]
        self._check_stamp(exported, "ไฟล์")
        if exported < CLOCK_FLOOR:
            self._warn(exporter["name"], f"วันที่ส่งออก {exported[:10]} เก่ากว่าที่โปรแกรมนี้มีอยู่")

    def vouch(self, table: str, row: dict[str, Any]) -> Vouch:
        held = self.vouching.get(seals.row_digest(table, row))
        if held is None:
            raise ExchangeError(UNSIGNED.format(what=describe(table, row), source=self.source))
        indexes = held if isinstance(held, tuple) else (held,)
        found = [self.seal_list[i] for i in indexes]
        return Vouch(tuple(seal["installation_id"] for seal in found), tuple(seal["id"] for seal in found))

    # -- the pass ------------------------------------------------------------------------------
    def prescan_reopens(self) -> None:
        """The visits this file reopens: new ``reopened`` events vouched for by the installation
        that recorded them (a final visit here may change only with one, by its owner)."""
        found: dict[str, tuple[str, str]] = {}
        for _number, row in reading.rows(self.package, "visit_events", self.travelling["visit_events"]):
            if row["event"] == "reopened" and row["happened_by"] in self.vouch("visit_events", row).installations:
                found[row["id"]] = (row["visit_id"], row["happened_by"])
        known = self._fetch("visit_events", "id", list(found), ("id",))
        self.reopened = {pair for event_id, pair in found.items() if event_id not in known}

    def run(self, progress: Any = None) -> Tally:
        self.load_keys()
        self.prescan_reopens()
        self.aliases = {str(r[0]): str(r[1]) for r in self.conn.execute("SELECT old_id, school_id FROM school_aliases")}
        for table in TABLES:
            self._table(table)
            if progress is not None:
                progress()
        return self.tally

    def _table(self, table: str) -> None:
        seen: set[str] = set()
        batch: list[tuple[int, dict[str, Any]]] = []
        size = 0
        for number, row in reading.rows(self.package, table, self.travelling[table]):
            if row["id"] in seen:
                raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]} บรรทัดที่ {number} ซ้ำกับรายการก่อนหน้าในไฟล์")
            seen.add(row["id"])
            for column in TIMESTAMP_COLUMNS.intersection(row):
                self._check_stamp(row[column], describe(table, row))
            if table in ("assessments", "visits") and not self.workspace.frameworks.has(
                row["framework_id"], row["framework_version"]
            ):
                raise ExchangeError(
                    f"ไฟล์ {self.source} มีข้อมูลตามเกณฑ์ {row['framework_id'][:40]} รุ่น {row['framework_version'][:20]}"
                    " ซึ่งโปรแกรมนี้ไม่มี โปรดปรับรุ่นโปรแกรมก่อนนำเข้า"
                )
            batch.append((number, row))
            size += sum(len(value) for value in row.values() if isinstance(value, str))
            if len(batch) >= BATCH_ROWS or size >= BATCH_CHARS:
                self._batch(table, batch)
                batch, size = [], 0
        if batch:
            self._batch(table, batch)

    def _batch(self, table: str, batch: list[tuple[int, dict[str, Any]]]) -> None:
        vouches = [self.vouch(table, row) for _number, row in batch]
        named = NAMED_BY.get(table)
        for (_number, row), vouch in zip(batch, vouches):
            if named and row[named] not in vouch.installations:
                raise ExchangeError(FORGED_HISTORY.format(what=describe(table, row), source=self.source,
                                                          named=str(row[named])[:8]))
        rewritten = [self._rewrite(table, row) for _number, row in batch]
        self._prefetch_parents(table, [row for _number, row in batch])
        local = self._fetch(table, "id", [row["id"] for _number, row in batch], self.travelling[table] + ("signed_set",))
        decisions = []
        for (number, row), vouch, moved in zip(batch, vouches, rewritten):
            decision = self._decide(table, row, local.get(row["id"]), vouch, moved)
            self._count(table, decision)
            decisions.append(decision)
        self.store.write(table, decisions)

    # -- one row -------------------------------------------------------------------------------
    def _decide(self, table: str, row: dict[str, Any], local: dict[str, Any] | None, vouch: Vouch,
                moved: bool) -> Decision:
        if table == "schools" and row["id"] in self.aliases:
            # The typed record this office replaced by the school's own: nothing more to do.
            self._remember_parent(table, row, local, applied=True, incoming=False)
            return Decision("older", row, local)
        if table == "schools" and row["is_demo"] and not self.demo_database:
            raise ExchangeError(DEMO.format(source=self.source, name=row["name"][:60]))
        adopt = None
        if table == "schools" and local is None:
            adopt = self._same_school(row)
            self._bind_first_use(row, vouch, "same_school" if adopt else "first_use")
        waiting = self._check_references(table, row)
        owner_ok, signer, seal_id = self._owner(table, row, local, vouch)
        if moved:
            seal_id = None  # changed here (a school id mapped): this laptop vouches for it from now on
        decision = Decision("", row, local, signer=signer, seal_id=seal_id, adopt=adopt)
        if local is not None and _same(local, row):
            decision.action = "unchanged"
        elif table in APPEND_ONLY:
            decision.action = "conflict" if local is not None else "insert"
            decision.winner = "ours" if local is not None else ""
        elif local is None:
            decision.action = "insert"
        else:
            relation = versions.compare(_vector(row), _vector(local))
            if relation == "older":
                decision.action = "older"
            elif relation == "newer":
                decision.action = "update"
            else:  # concurrent (or the same counters with other content, which only a forger makes)
                decision.action = "conflict"
                decision.winner = "theirs" if self._ranks_higher(table, row, local, owner_ok, vouch) else "ours"
        if decision.action in ("insert", "update", "conflict") and (waiting or not owner_ok):
            if not (decision.action == "conflict" and decision.winner == "ours" and table in APPEND_ONLY):
                decision.action, decision.winner = "pending", ""
                decision.reason = "parent_pending" if waiting and owner_ok else "not_owner"
        if decision.applies:
            self._check_final_visit(table, row, local)
            if decision.action == "update" and local is not None:
                self._check_late_clock(row, local, signer)
        if decision.adopt:
            self.aliases[decision.adopt] = row["id"]
        self._remember_parent(table, row, local, applied=decision.applies or local is not None,
                              incoming=decision.applies or local is None)
        if decision.applies or decision.action == "pending":
            self._check_unique(table, row, local, decision)
            if table in ("attachments", "visit_attachments"):
                self.tally.stored_files.add(row["sha256"])
        return decision

    def _count(self, table: str, decision: Decision) -> None:
        counts = self.tally.counts[table]
        action = decision.action
        if action == "insert":
            counts.new += 1
        elif action == "update":
            counts.updated += 1
        elif action == "unchanged":
            counts.unchanged += 1
        elif action == "older":
            counts.older += 1
        elif action == "pending" and self.store.pending_decided(table, decision.row):
            decision.action = "older"  # a person has decided on this very change already
            counts.older += 1
        elif action == "pending":
            counts.pending += 1
            fingerprint = self.keys.get(decision.signer, ("",))[0]
            self.tally.pending.append(PendingInfo(table, decision.row["id"], describe(table, decision.row),
                                                  fingerprint, self._name(decision.signer)))
        elif action == "conflict":
            if self.store.is_new_conflict(table, decision):
                counts.conflicting += 1
                side = "ในไฟล์" if decision.winner == "theirs" else "ของเครื่องนี้"
                self.tally.conflicts.append(ConflictInfo(
                    table, decision.row["id"], decision.winner,
                    f"{describe(table, decision.row)} ถูกแก้ไขทั้งในเครื่องนี้และในเครื่องที่ส่งไฟล์มา"
                    f" ใช้ฉบับ{side}ไปก่อน อีกฉบับเก็บไว้ให้เลือก",
                ))
            else:
                decision.action = "unchanged"  # this very conflict is kept already
                counts.unchanged += 1

    # -- owners --------------------------------------------------------------------------------
    def _owner(self, table: str, row: dict[str, Any], local: dict[str, Any] | None,
               vouch: Vouch) -> tuple[bool, str, str | None]:
        """(may the row's signers change it, the signer to name, the seal to keep with the row)."""
        if self.own in vouch.installations:
            return True, self.own, None
        for installation, seal_id in zip(vouch.installations, vouch.seal_ids):
            if all(self._is_owner(root, installation) for root in self._roots(table, row, local)):
                return True, installation, seal_id
        return False, vouch.installations[0], vouch.seal_ids[0]

    def _roots(self, table: str, row: dict[str, Any], local: dict[str, Any] | None) -> list[tuple[str, str]]:
        """The owners to satisfy: the root (``("school", id)`` or ``("visit_maker", installation)``)
        of the row as it is here and as it arrives."""
        found = []
        for version in (local, row):
            if version is None:
                continue
            root = root_of(table)
            if table in ROOTS:
                key = version[ROOTS[table]]
            else:
                column, parent_table = LINKS[table]
                parent = self._parent(parent_table, version[column])
                if parent is None:
                    continue
                key = parent.school_id if root == "schools" else parent.owner
            found.append(("school" if root == "schools" else "visit_maker", key))
        return found

    def _is_owner(self, root: tuple[str, str], installation: str) -> bool:
        kind, key = root
        if kind == "visit_maker":
            return installation == key
        if installation == self.own:
            return self._made_here(key) or bindings.owns(self._bindings(key), installation, self.own_fingerprint)
        fingerprint = self.keys[installation][0] if installation in self.keys else self._fingerprint(installation)
        return bindings.owns(self._bindings(key), installation, fingerprint)

    def _bindings(self, school_id: str) -> set[tuple[str, str]]:
        if school_id not in self.bindings:
            self.bindings.update(bindings.owners_of(self.conn, [school_id]))
        return self.bindings[school_id]

    def _made_here(self, school_id: str) -> bool:
        """A school no file brought (no binding on first use or by a same-school decision)."""
        if school_id not in self.made_here:
            self.made_here[school_id] = self.conn.execute(
                "SELECT 1 FROM school_signers WHERE school_id = ? AND how <> 'by_hand'", [school_id]
            ).fetchone() is None
        return self.made_here[school_id]

    def _fingerprint(self, installation: str) -> str:
        row = self.conn.execute("SELECT fingerprint FROM signers WHERE installation_id = ?", [installation]).fetchone()
        return str(row[0]) if row else ""

    def _name(self, installation: str) -> str:
        if installation not in self.names:
            row = self.conn.execute("SELECT name FROM signers WHERE installation_id = ?", [installation]).fetchone()
            self.names[installation] = str(row[0]) if row and row[0] else installation[:8]
        return self.names[installation]

    def _bind_first_use(self, row: dict[str, Any], vouch: Vouch, how: str) -> None:
        """The first file that brings a school binds it to the keys that vouch for its record (and a
        school a person said is one typed here, to the same keys)."""
        pairs = {(inst, self.keys[inst][0]) for inst in vouch.installations if inst in self.keys and inst != self.own}
        self.bindings[row["id"]] = pairs
        self.made_here[row["id"]] = not pairs
        if pairs:
            if how == "first_use":
                self.tally.first_use.append(row["code"])
            self.store.bind_first_use(row["id"], pairs, how)

    def _ranks_higher(self, table: str, row: dict[str, Any], local: dict[str, Any], owner_ok: bool,
                      vouch: Vouch) -> bool:
        """Of two concurrent versions, is the incoming one in use? (the same answer on every laptop)"""
        local_signer = self._local_signer(local)
        local_owner = all(self._is_owner(root, local_signer) for root in self._roots(table, local, None))
        theirs = (owner_ok, *versions.rank(_vector(row), seals.row_digest(table, row)))
        ours = (local_owner, *versions.rank(_vector(local), seals.row_digest(table, _travelling(local))))
        return theirs > ours

    def _local_signer(self, local: dict[str, Any]) -> str:
        if local.get("signed_set"):
            row = self.conn.execute("SELECT installation_id FROM seals WHERE id = ?", [local["signed_set"]]).fetchone()
            if row:
                return str(row[0])
        return str(local["modified_by"])

    # -- parents and references ----------------------------------------------------------------
    def _parent(self, table: str, record_id: str | None) -> Parent | None:
        if record_id is None:
            return None
        found = self.parents[table].get(record_id)
        if found is None:
            self._prefetch(table, [record_id])
            found = self.parents[table].get(record_id)
        return found

    def _prefetch_parents(self, table: str, rows: list[dict[str, Any]]) -> None:
        for column, target in REFERENCES.get(table, ()):
            wanted = [row[column] for row in rows if row[column] is not None and row[column] not in self.parents[target]]
            self._prefetch(target, wanted)

    def _prefetch(self, table: str, ids: list[str]) -> None:
        columns = {"schools": ("id",), "assessments": ("id", "school_id", "framework_id", "framework_version"),
                   "visits": ("id", "school_id", "made_by", "status", "framework_id", "framework_version")}[table]
        for record_id, row in self._fetch(table, "id", ids, columns).items():
            self.parents[table][record_id] = self._as_parent(table, row, final=row.get("status") == "final")

    def _as_parent(self, table: str, row: dict[str, Any], *, final: bool, applied: bool = True) -> Parent:
        if table == "schools":
            return Parent(row["id"], applied=applied)
        framework = self.workspace.frameworks.get(row["framework_id"], row["framework_version"])
        return Parent(row["school_id"], owner=row.get("made_by", ""), framework=framework, final=final,
                      applied=applied)

    def _remember_parent(self, table: str, row: dict[str, Any], local: dict[str, Any] | None, *, applied: bool,
                         incoming: bool) -> None:
        """What the row's children see of it: the incoming version when it applies (or is new and
        pending), the local one otherwise; ``final`` as it was here before this file."""
        if table not in self.parents:
            return
        final_here = local is not None and local.get("status") == "final"
        chosen = row if incoming or local is None else local
        self.parents[table][row["id"]] = self._as_parent(table, chosen, final=final_here, applied=applied)

    def _check_references(self, table: str, row: dict[str, Any]) -> bool:
        """Refuse a reference to nothing; True when a parent is itself pending (the row waits too).
        Checks item and component codes against the parent's framework."""
        waiting = False
        for column, target in REFERENCES.get(table, ()):
            if row[column] is None:
                continue
            parent = self._parent(target, row[column])
            if parent is None:
                raise ExchangeError(DANGLING.format(table=KIND_LABELS[table], source=self.source,
                                                    target=KIND_LABELS[target]))
            waiting = waiting or not parent.applied
        if table in ("answers", "attachments", "answer_history"):
            framework = self._framework("assessments", row["assessment_id"])
            if not framework.has_item(row["item_code"]):
                raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {self.source} มีประเด็นรหัส"
                                    f" {row['item_code'][:20]} ซึ่งไม่มีในเกณฑ์ของการประเมิน")
        elif table in ("visit_findings", "visit_attachments"):
            framework = self._framework("visits", row["visit_id"])
            code = row["scope_code"]
            if not (table == "visit_attachments" and code == "") and not (
                framework.has_item(code) or code in {c.code for c in framework.components}
            ):
                raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {self.source} มีรหัส {code[:20]} ซึ่งไม่มีในเกณฑ์")
        return waiting

    def _framework(self, table: str, record_id: str) -> "Framework":
        parent = self._parent(table, record_id)
        assert parent is not None and parent.framework is not None  # references were checked
        return parent.framework

    def _rewrite(self, table: str, row: dict[str, Any]) -> bool:
        """Map a school id this office replaced onto the school's own (remembered decisions)."""
        moved = False
        for column, target in REFERENCES.get(table, ()):
            if target == "schools" and row[column] in self.aliases:
                row[column] = self.aliases[row[column]]
                moved = True
        return moved

    # -- rules across machines -----------------------------------------------------------------
    def _check_final_visit(self, table: str, row: dict[str, Any], local: dict[str, Any] | None) -> None:
        """A visit final here changes (or its findings, people, attachments, follow-ups' wording)
        only when this file brings a reopen of it by its owner."""
        if root_of(table) != "visits" or table == "visit_events":
            return
        if table == "visits":
            if local is None or local["status"] != "final":
                return
            visit_id, owner = row["id"], local["made_by"]
        else:
            visit = self._parent("visits", row["visit_id"])
            if visit is None or not visit.final:
                return
            visit_id, owner = row["visit_id"], visit.owner
        if (visit_id, owner) in self.reopened:
            return
        if table == "follow_ups" and local is not None and all(
            local[c] == row[c] for c in row if c not in _STATUS_COLUMNS
        ):
            return
        raise ExchangeError(FINAL_WITHOUT_REOPEN.format(what=describe(table, row), source=self.source))

    def _check_stamp(self, stamp: str, what: str) -> None:
        if parse_iso(stamp) > self.latest:
            raise ExchangeError(FUTURE_STAMP.format(what=what, source=self.source, stamp=stamp[:19]))

    def _check_late_clock(self, row: dict[str, Any], local: dict[str, Any], signer: str) -> None:
        """A change made after ours was seen but stamped well before it: its laptop's clock is behind."""
        if not self.warned_late and parse_iso(row["modified_at"]) < parse_iso(local["modified_at"]) - LATE_BY:
            self.warned_late = True
            self._warn(self.names.get(signer, signer[:8]),
                       f"แก้ไขหลังฉบับของเครื่องนี้ แต่ลงเวลา {row['modified_at'][:10]} ก่อนหน้า {local['modified_at'][:10]}")

    def _warn(self, name: str, why: str) -> None:
        text = CLOCK_WRONG.format(name=name, why=why)
        if text not in self.tally.warnings:
            self.tally.warnings.append(text)

    def _same_school(self, row: dict[str, Any]) -> str | None:
        """The id of the school here with this school's code under another id: adopted when a
        person said they are the same; otherwise reported (a preview) or refused (an import)."""
        try:
            found = self.workspace.schools.by_code(row["code"])
        except NotFoundError:
            return None
        if found.id == row["id"]:
            return None
        if row["code"] not in self.same_schools:
            self.tally.same_schools.append(SameSchool(row["code"], row["id"], row["name"], found.id, found.name))
            if self.store.writing:
                raise ExchangeError(SAME_CODE.format(code=row["code"]))
            return None
        return found.id

    def _check_unique(self, table: str, row: dict[str, Any], local: dict[str, Any] | None, decision: Decision) -> None:
        columns = UNIQUE_KEYS.get(table)
        if not columns or table == "schools":
            return
        key = tuple(row[c] for c in columns)
        seen = self.unique_seen.setdefault(table, {})
        if seen.get(key, row["id"]) != row["id"]:
            raise ExchangeError(f"ไฟล์ {self.source} มี{describe(table, row)} ซ้ำกันสองรายการ ไฟล์นี้อาจเสียหาย")
        seen[key] = row["id"]
        if local is not None and all(local[c] == row[c] for c in columns):
            return
        where = " AND ".join(f"{c} = ?" for c in columns)
        found = self.conn.execute(f"SELECT id FROM {table} WHERE {where}", list(key)).fetchone()
        if found is not None and found[0] != row["id"] and decision.action != "pending":
            raise ExchangeError(CLASH.format(what=describe(table, row), source=self.source))

    # -- reading here --------------------------------------------------------------------------
    def _fetch(self, table: str, column: str, values: Iterable[Any], columns: tuple[str, ...]) -> dict[Any, dict[str, Any]]:
        """Rows of ``table`` whose ``column`` is one of ``values``, keyed by it (index lookups
        only: the cost follows the file's size, not the database's)."""
        found: dict[Any, dict[str, Any]] = {}
        unique = list(dict.fromkeys(values))
        for start in range(0, len(unique), BATCH_ROWS):
            chunk = unique[start : start + BATCH_ROWS]
            marks = ", ".join("?" for _ in chunk)
            for row in self.conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {column} IN ({marks})", chunk):
                record = dict(zip(columns, row))
                found[record[column]] = record
        return found


def _vector(row: dict[str, Any]) -> versions.Vector:
    return versions.parse(row["version"]) or {}


def _travelling(local: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in local.items() if key != "signed_set"}


def _same(local: dict[str, Any], row: dict[str, Any]) -> bool:
    return all(local[key] == value for key, value in row.items())


__all__ = ["Merge", "Parent", "Tally", "describe"]
