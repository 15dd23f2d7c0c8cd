"""Reading an exchange file into a database: preview first, then apply in one transaction.

How an incoming record meets ours (same id):

* unknown here – *new*, inserted;
* identical – *unchanged*;
* different – the newer ``modified_at`` wins (*updated* when theirs is newer, *older* when ours
  is). It is a *conflict* when both sides changed it since they last met: the two versions were
  last changed by different installations, ours after our last import from the sender and theirs
  after the sender's last export we imported (``exchange_log``). A conflict is decided the same
  way (newer wins), and the losing version is kept in ``exchange_conflicts`` for a person to see.

History tables (``answer_history``, ``visit_events``) are append-only: missing rows are added.
Clashes on a unique key with a *different* record (the same school code created separately on
two laptops) are refused, naming the record: mapping one record onto another would silently
merge two histories, which a person should decide.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..clock import new_id, now_iso
from ..errors import QualitySchoolError, file_reason
from ..progress import Steps
from . import signing
from .package import Package, open_package
from .records import (
    APPEND_ONLY,
    KIND_LABELS,
    REFERENCES,
    TABLES,
    UNIQUE_KEYS,
    ExchangeError,
    travelling_columns,
    validate_row,
)

if TYPE_CHECKING:
    import sqlite3

    from ..framework import Framework
    from ..workspace import Workspace

_BATCH = 500
Progress = Callable[[int, int], None]
# Table -> its travelling columns, read from the live schema (records.travelling_columns).
Travelling = dict[str, tuple[str, ...]]


@dataclass
class KindCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicting: int = 0
    older: int = 0  # ours was newer and kept (not a conflict: the sender had not seen our change)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.conflicting + self.older


@dataclass(frozen=True)
class ConflictInfo:
    table: str
    record_id: str
    winner: str  # "ours" or "theirs"
    description: str  # Thai, for a person


@dataclass
class ImportPreview:
    """What a file holds and what importing it would do. Nothing has been written."""

    source: Path
    format_version: int
    app_version: str
    frameworks: list[dict[str, str]]
    exporter_installation: str
    exporter_name: str
    exported_at: str
    scope: dict[str, Any]
    fingerprint: str
    signer_name: str
    signed_ok: bool
    trusted: bool
    is_own: bool
    counts: dict[str, KindCounts]
    conflicts: list[ConflictInfo]
    files_total: int = 0
    files_new: int = 0

    @property
    def short_fingerprint(self) -> str:
        return signing.format_fingerprint(self.fingerprint)

    @property
    def changes_anything(self) -> bool:
        return any(c.new or c.updated or c.conflicting for c in self.counts.values())

    def lines(self) -> list[str]:
        """A Thai summary for the command line and logs."""
        trust = "ผู้ลงนามที่เชื่อถือ" if self.trusted else "ยังไม่ได้ระบุว่าเชื่อถือผู้ลงนามนี้"
        lines = [
            f"ไฟล์ {self.source.name}: ส่งออกโดย {self.exporter_name} เมื่อ {self.exported_at}",
            f"  ลงนามโดย {self.signer_name} (ลายนิ้วมือ {self.short_fingerprint}) – {trust}",
        ]
        for table in TABLES:
            c = self.counts[table]
            if c.total:
                lines.append(
                    f"  {KIND_LABELS[table]}: ใหม่ {c.new:,} ปรับปรุง {c.updated:,} เหมือนเดิม {c.unchanged:,}"
                    f" ขัดแย้ง {c.conflicting:,}" + (f" ของเครื่องนี้ใหม่กว่า {c.older:,}" if c.older else "")
                )
        lines.append(f"  ไฟล์แนบ: {self.files_total:,} ไฟล์ (ใหม่ {self.files_new:,})")
        for conflict in self.conflicts:
            lines.append(f"  ขัดแย้ง: {conflict.description}")
        return lines


@dataclass
class ImportResult(ImportPreview):
    """What importing did (same fields as the preview, now applied)."""

    files_written: int = 0


@dataclass
class _Plan:
    travelling: Travelling  # the columns written, as read from the schema when the plan was made
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    conflicts: list[tuple[str, dict[str, Any], dict[str, Any], str]] = field(default_factory=list)
    counts: dict[str, KindCounts] = field(default_factory=dict)
    infos: list[ConflictInfo] = field(default_factory=list)


# -- reading and checking the records -------------------------------------------------------------


def _load_records(package: Package, travelling: Travelling) -> dict[str, list[dict[str, Any]]]:
    records: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        name = f"records/{table}.jsonl"
        rows: list[dict[str, Any]] = []
        if name in package.members:
            try:
                text = package.read(name).decode("utf-8")
            except UnicodeDecodeError:
                raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {package.path.name} อ่านไม่ได้ (ไม่ใช่ UTF-8)") from None
            seen: set[str] = set()
            for number, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                except (ValueError, RecursionError):
                    raise ExchangeError(
                        f"ข้อมูล{KIND_LABELS[table]} บรรทัดที่ {number} ในไฟล์ {package.path.name} อ่านไม่ได้ ไฟล์นี้อาจเสียหาย"
                    ) from None
                row = validate_row(table, number, raw, travelling[table])
                if row["id"] in seen:
                    raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]} บรรทัดที่ {number} ซ้ำกับรายการก่อนหน้าในไฟล์")
                seen.add(row["id"])
                rows.append(row)
        records[table] = rows
    return records


def _fetch(
    conn: "sqlite3.Connection", travelling: Travelling, table: str, column: str, values: list[Any]
) -> dict[Any, dict[str, Any]]:
    """Rows of ``table`` whose ``column`` is one of ``values``, keyed by that column, as dicts of
    the table's travelling columns (index lookups only: the cost follows the file's size, not the
    database's)."""
    columns = travelling[table]
    found: dict[Any, dict[str, Any]] = {}
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), _BATCH):
        chunk = unique[start : start + _BATCH]
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {column} IN ({marks})", chunk):
            record = dict(zip(columns, row))
            found[record[column]] = record
    return found


def _check_frameworks(workspace: "Workspace", package: Package, records: dict[str, list[dict[str, Any]]]) -> None:
    declared = {(f["id"], f["version"]) for f in package.manifest["frameworks"]}
    used = {(r["framework_id"], r["framework_version"]) for t in ("assessments", "visits") for r in records[t]}
    for framework_id, version in sorted(declared | used):
        if not workspace.frameworks.has(framework_id, version):
            raise ExchangeError(
                f"ไฟล์ {package.path.name} มีข้อมูลตามเกณฑ์ {framework_id} รุ่น {version}"
                " ซึ่งโปรแกรมนี้ไม่มี โปรดปรับรุ่นโปรแกรมก่อนนำเข้า"
            )


def _check_references(
    workspace: "Workspace", package: Package, travelling: Travelling, records: dict[str, list[dict[str, Any]]]
) -> None:
    """Every reference points at a record in the file or already here; codes exist in the framework."""
    conn = workspace.db.conn
    ids = {table: {row["id"] for row in records[table]} for table in TABLES}
    for table, refs in REFERENCES.items():
        for column, target in refs:
            wanted = [row[column] for row in records[table] if row[column] is not None and row[column] not in ids[target]]
            if wanted:
                here = _fetch(conn, travelling, target, "id", wanted)
                missing = [value for value in wanted if value not in here]
                if missing:
                    raise ExchangeError(
                        f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {package.path.name} อ้างถึง{KIND_LABELS[target]}"
                        " ที่ไม่มีทั้งในไฟล์และในฐานข้อมูลนี้ ไฟล์นี้อาจไม่ครบหรือเสียหาย"
                    )
    # Item and component codes must exist in the framework the assessment or visit uses.
    frameworks: dict[str, "Framework"] = {}
    for table in ("assessments", "visits"):
        local = _fetch(
            conn, travelling, table, "id",
            [row["assessment_id" if table == "assessments" else "visit_id"]
             for child in (("answers", "attachments", "answer_history") if table == "assessments"
                           else ("visit_findings", "visit_attachments"))
             for row in records[child]],
        )
        for row in [*local.values(), *records[table]]:
            frameworks[row["id"]] = workspace.frameworks.get(row["framework_id"], row["framework_version"])
    for table in ("answers", "attachments", "answer_history"):
        for row in records[table]:
            if not frameworks[row["assessment_id"]].has_item(row["item_code"]):
                raise ExchangeError(
                    f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {package.path.name} มีประเด็นรหัส {row['item_code'][:20]}"
                    " ซึ่งไม่มีในเกณฑ์ของการประเมิน"
                )
    for table in ("visit_findings", "visit_attachments"):
        for row in records[table]:
            framework = frameworks[row["visit_id"]]
            code = row["scope_code"]
            if table == "visit_attachments" and code == "":
                continue
            if not (framework.has_item(code) or code in {c.code for c in framework.components}):
                raise ExchangeError(
                    f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {package.path.name} มีรหัส {code[:20]} ซึ่งไม่มีในเกณฑ์"
                )


# -- deciding what happens to each record --------------------------------------------------------


def _describe(table: str, row: dict[str, Any]) -> str:
    label = KIND_LABELS[table]
    for key in ("code", "item_code", "scope_code", "visited_on", "name", "action"):
        value = row.get(key)
        if value:
            detail = f"{value} {row['name']}" if key == "code" and row.get("name") else str(value)
            return f"{label} {detail[:60]}"
    if table == "assessments":
        return f"{label} ปี {row['fiscal_year']} รอบ {row['round']}"
    return f"{label} {row['id'][:8]}"


def _last_met(workspace: "Workspace", installation: str) -> tuple[str, str]:
    """(sender's last export we imported, our time of that import); empty when never met."""
    row = workspace.db.execute(
        "SELECT last_exported_at, last_imported_at FROM exchange_log WHERE installation_id = ?", [installation]
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else ("", "")


def _same(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    return all(ours[key] == theirs[key] for key in theirs)


def _plan(
    workspace: "Workspace", package: Package, travelling: Travelling, records: dict[str, list[dict[str, Any]]]
) -> _Plan:
    conn = workspace.db.conn
    sender = package.manifest["exporter"]["installation_id"]
    their_last_export, our_last_import = _last_met(workspace, sender)
    plan = _Plan(travelling)
    for table in TABLES:
        counts = plan.counts[table] = KindCounts()
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        local = _fetch(conn, travelling, table, "id", [row["id"] for row in records[table]])
        for theirs in records[table]:
            ours = local.get(theirs["id"])
            if ours is None:
                inserts.append(theirs)
                counts.new += 1
                continue
            if _same(ours, theirs):
                counts.unchanged += 1
                continue
            if table in APPEND_ONLY:
                # Same id, different content: never expected; keep ours, theirs goes to conflicts.
                plan.conflicts.append((table, theirs, ours, "ours"))
                counts.conflicting += 1
                continue
            theirs_newer = theirs["modified_at"] > ours["modified_at"]
            both_changed = (
                ours["modified_by"] != theirs["modified_by"]
                and ours["modified_at"] > our_last_import
                and theirs["modified_at"] > their_last_export
            )
            if theirs_newer:
                updates.append(theirs)
            if both_changed:
                counts.conflicting += 1
                winner = "theirs" if theirs_newer else "ours"
                loser, kept = (ours, theirs) if theirs_newer else (theirs, ours)
                plan.conflicts.append((table, loser, kept, winner))
            elif theirs_newer:
                counts.updated += 1
            else:
                counts.older += 1
        plan.inserts[table] = inserts
        plan.updates[table] = updates
        _check_unique(workspace, package, table, inserts + updates)
    for table, loser, _kept, winner in plan.conflicts:
        side = "ในไฟล์" if winner == "theirs" else "ของเครื่องนี้"
        plan.infos.append(
            ConflictInfo(
                table, loser["id"], winner,
                f"{_describe(table, loser)} ถูกแก้ไขทั้งในเครื่องนี้และในเครื่องที่ส่งไฟล์มา"
                f" ใช้ฉบับ{side}ซึ่งแก้ไขล่าสุด อีกฉบับเก็บไว้ให้ตรวจดู",
            )
        )
    return plan


def _check_unique(workspace: "Workspace", package: Package, table: str, rows: list[dict[str, Any]]) -> None:
    columns = UNIQUE_KEYS.get(table)
    if not columns or not rows:
        return
    incoming: dict[tuple[Any, ...], str] = {}
    for row in rows:
        key = tuple(row[c] for c in columns)
        if key in incoming and incoming[key] != row["id"]:
            raise ExchangeError(f"ไฟล์ {package.path.name} มี{_describe(table, row)} ซ้ำกันสองรายการ ไฟล์นี้อาจเสียหาย")
        incoming[key] = row["id"]
    moving = {row["id"] for row in rows}
    where = " AND ".join(f"{c} = ?" for c in columns)
    sql = f"SELECT id FROM {table} WHERE {where}"
    for key, record_id in incoming.items():
        found = workspace.db.conn.execute(sql, list(key)).fetchone()
        if found is not None and found[0] != record_id and found[0] not in moving:
            row = next(r for r in rows if r["id"] == record_id)
            if table == "schools":
                raise ExchangeError(
                    f"โรงเรียนรหัส {row['code']} มีอยู่แล้วในฐานข้อมูลนี้ แต่เป็นคนละรายการกับในไฟล์"
                    " (บันทึกแยกกันคนละเครื่อง) โปรแกรมจึงไม่นำเข้าไฟล์นี้ เพื่อไม่ให้ข้อมูลโรงเรียนเดียวกันซ้ำสองชุด"
                )
            raise ExchangeError(
                f"{_describe(table, row)} ในไฟล์ {package.path.name} ซ้ำกับรายการอื่นที่มีอยู่แล้วในฐานข้อมูลนี้"
                " (บันทึกแยกกันคนละเครื่อง) โปรแกรมจึงไม่นำเข้าไฟล์นี้"
            )


# -- files --------------------------------------------------------------------------------------


def _missing_files(workspace: "Workspace", package: Package) -> list[str]:
    names = package.file_members
    if not names:
        return []
    try:
        return [name for name in names if not workspace.files.path_of(name[6:]).is_file()]
    except QualitySchoolError:
        raise ExchangeError("ฐานข้อมูลชั่วคราวในหน่วยความจำเก็บไฟล์แนบไม่ได้ จึงนำเข้าไฟล์นี้ไม่ได้") from None


def _check_attachment_files(
    workspace: "Workspace", package: Package, records: dict[str, list[dict[str, Any]]]
) -> None:
    """Every attachment record's content is in the file or already here."""
    carried = {name[6:] for name in package.file_members}
    for table in ("attachments", "visit_attachments"):
        for row in records[table]:
            if row["sha256"] in carried:
                continue
            try:
                present = workspace.files.path_of(row["sha256"]).is_file()
            except QualitySchoolError:
                present = False
            if not present:
                raise ExchangeError(
                    f"ไฟล์ {package.path.name} ไม่มีเนื้อหาของไฟล์แนบ \"{row['file_name'][:40]}\" ไฟล์นี้อาจไม่ครบ"
                )


def _verify_files(package: Package, names: list[str], progress: Callable[[], None]) -> None:
    for name in names:
        for _chunk in package.chunks(name):
            pass
        progress()


def _stage_files(workspace: "Workspace", package: Package, names: list[str], progress: Callable[[], None]) -> list[tuple[Path, Path]]:
    """Copy members to temporary files in the store, checking each hash; nothing is renamed into
    place until every one is proven good, so a bad file leaves no attachment behind."""
    staged: list[tuple[Path, Path]] = []
    root = workspace.files.root
    try:
        root.mkdir(parents=True, exist_ok=True)
        for name in names:
            digest = name[6:]
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=root)
            staged.append((Path(tmp_name), workspace.files.path_of(digest)))
            with os.fdopen(fd, "wb") as out:
                for chunk in package.chunks(name):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            progress()
    except OSError as exc:
        _discard(staged)
        raise ExchangeError(f"คัดลอกไฟล์แนบไม่ได้: {file_reason(exc)}") from None
    except BaseException:
        _discard(staged)
        raise
    return staged


def _discard(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _final in staged:
        tmp.unlink(missing_ok=True)


def _place(staged: list[tuple[Path, Path]]) -> None:
    try:
        for tmp, final in staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
    except OSError as exc:
        _discard(staged)
        raise ExchangeError(f"คัดลอกไฟล์แนบไม่ได้: {file_reason(exc)}") from None


# -- the public API -----------------------------------------------------------------------------


def _prepare(
    workspace: "Workspace", package: Package, records: dict[str, list[dict[str, Any]]] | None = None
) -> tuple[dict[str, list[dict[str, Any]]], _Plan]:
    """Check the records against the schema, the frameworks and this database; decide each one."""
    travelling = travelling_columns(workspace.db)
    if records is None:
        records = _load_records(package, travelling)
        _check_frameworks(workspace, package, records)
    _check_references(workspace, package, travelling, records)
    _check_attachment_files(workspace, package, records)
    return records, _plan(workspace, package, travelling, records)


def _preview_from(
    workspace: "Workspace", package: Package, plan: _Plan, missing: list[str], cls: type[ImportPreview] = ImportPreview
) -> Any:
    manifest = package.manifest
    exporter = manifest["exporter"]
    signer = signing.signer_for(workspace, package.fingerprint, exporter["name"])
    return cls(
        source=package.path,
        format_version=manifest["format_version"],
        app_version=manifest["app_version"],
        frameworks=[{"id": f["id"], "version": f["version"]} for f in manifest["frameworks"]],
        exporter_installation=exporter["installation_id"],
        exporter_name=exporter["name"],
        exported_at=manifest["exported_at"],
        scope=manifest["scope"],
        fingerprint=package.fingerprint,
        signer_name=signer.name or exporter["name"],
        signed_ok=True,
        trusted=signer.trusted,
        is_own=signer.is_own,
        counts=plan.counts,
        conflicts=plan.infos,
        files_total=len(package.file_members),
        files_new=len(missing),
    )


def preview_import(workspace: "Workspace", source: Path, *, progress: Progress | None = None) -> ImportPreview:
    """Check ``source`` completely (signature, every member's hash, every record against the
    columns of this database's schema) and say what importing it would do. Writes nothing.
    Raises ExchangeError when the file would be refused (or this version's schema has a column
    the exchange has not classified)."""
    with open_package(Path(source)) as package:
        records, plan = _prepare(workspace, package)
        missing = _missing_files(workspace, package)
        step = Steps(len(package.file_members), progress)
        _verify_files(package, package.file_members, step)
        preview: ImportPreview = _preview_from(workspace, package, plan, missing)
        return preview


def apply_import(workspace: "Workspace", source: Path, *, progress: Progress | None = None) -> ImportResult:
    """Import ``source``: everything is checked first, attachment contents are copied into the
    store (each verified), then every record is written in one transaction. A refused file
    raises ExchangeError and changes nothing. Importing the same file again changes nothing.
    Returns an :class:`ImportResult`: the preview's counts and conflicts, now applied."""
    source = Path(source)
    with open_package(source) as package:
        records, _ = _prepare(workspace, package)  # refuse before any attachment is copied
        missing = _missing_files(workspace, package)
        present = [name for name in package.file_members if name not in missing]
        step = Steps(len(package.file_members) + 1, progress)

        # Files we already hold still have their member checked: a tampered file is refused whole.
        _verify_files(package, present, step)
        staged = _stage_files(workspace, package, missing, step)
        _place(staged)  # content-addressed: a file written before a failed transaction is harmless
        db = workspace.db
        try:
            with db.write():
                workspace.answers.flush_pending()
                # Decided again inside the transaction, so an edit made meanwhile is not written over.
                _, plan = _prepare(workspace, package, records)
                _write(workspace, package, plan)
        except ExchangeError:
            raise
        except Exception as exc:  # a constraint the checks above did not foresee: nothing was written
            raise ExchangeError(f"นำเข้าไฟล์ {source.name} ไม่ได้ ข้อมูลในไฟล์ขัดกับข้อมูลในฐานข้อมูลนี้ ({exc})") from None
        step()
        result: ImportResult = _preview_from(workspace, package, plan, missing, ImportResult)
        result.files_written = len(missing)
        return result


def _write(workspace: "Workspace", package: Package, plan: _Plan) -> None:
    conn = workspace.db.conn
    for table in TABLES:
        columns = plan.travelling[table]
        if plan.inserts[table]:
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                [[row[c] for c in columns] for row in plan.inserts[table]],
            )
        if plan.updates[table]:
            settable = [c for c in columns if c != "id"]
            conn.executemany(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in settable)} WHERE id = ?",
                [[row[c] for c in settable] + [row["id"]] for row in plan.updates[table]],
            )
    now = now_iso()
    manifest = package.manifest
    sender = manifest["exporter"]["installation_id"]
    for table, loser, kept, winner in plan.conflicts:
        losing = json.dumps(loser, ensure_ascii=False, sort_keys=True)
        known = conn.execute(
            "SELECT 1 FROM exchange_conflicts WHERE table_name = ? AND record_id = ? AND losing_json = ?",
            [table, loser["id"], losing],
        ).fetchone()
        if known is None:
            conn.execute(
                "INSERT INTO exchange_conflicts (id, table_name, record_id, losing_json, winning_json, winner,"
                " detected_at, source_file, source_installation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [new_id(), table, loser["id"], losing, json.dumps(kept, ensure_ascii=False, sort_keys=True),
                 winner, now, package.path.name, sender],
            )
    signing.remember_signer(workspace, package.fingerprint, package.public_key, manifest["exporter"]["name"])
    if sender != workspace.installation_id:
        # Only a newer export moves "when we last met": re-importing an old file changes nothing.
        conn.execute(
            "INSERT INTO exchange_log (installation_id, display_name, last_exported_at, last_imported_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (installation_id) DO UPDATE SET"
            " display_name = excluded.display_name, last_exported_at = excluded.last_exported_at,"
            " last_imported_at = excluded.last_imported_at"
            " WHERE excluded.last_exported_at > exchange_log.last_exported_at",
            [sender, manifest["exporter"]["name"], manifest["exported_at"], now],
        )


@dataclass(frozen=True)
class StoredConflict:
    id: str
    table: str
    record_id: str
    winner: str
    losing: dict[str, Any]
    winning: dict[str, Any]
    detected_at: str
    source_file: str
    source_installation: str
    resolved: bool

    @property
    def description(self) -> str:
        return _describe(self.table, self.losing)


def list_conflicts(workspace: "Workspace", *, include_resolved: bool = False) -> list[StoredConflict]:
    """Conflicts kept for a person to look at, newest first."""
    sql = "SELECT * FROM exchange_conflicts"
    if not include_resolved:
        sql += " WHERE resolved = 0"
    return [
        StoredConflict(
            id=row["id"], table=row["table_name"], record_id=row["record_id"], winner=row["winner"],
            losing=json.loads(row["losing_json"]), winning=json.loads(row["winning_json"]),
            detected_at=row["detected_at"], source_file=row["source_file"],
            source_installation=row["source_installation"], resolved=bool(row["resolved"]),
        )
        for row in workspace.db.query(sql + " ORDER BY detected_at DESC")
    ]


def mark_conflict_resolved(workspace: "Workspace", conflict_id: str, resolved: bool = True) -> None:
    """A person has looked at the conflict (the losing version stays stored)."""
    with workspace.db.write():
        workspace.db.execute(
            "UPDATE exchange_conflicts SET resolved = ?, resolved_at = ? WHERE id = ?",
            [int(resolved), now_iso() if resolved else "", conflict_id],
        )
