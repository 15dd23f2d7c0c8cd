"""Writing an exchange file: a school's data, a supervisor's visits, or everything.

Every row goes out under a seal (``seals.py``): the rows changed here under a fresh seal of this
installation's key, the rows that came from elsewhere under the seal they came with, so the next
receiver checks their owner's signature itself. Another installation's history row that arrived
before seals existed is left out: no one here can vouch that its author wrote it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .. import __version__, validation
from ..budget.rules import unsent_draft
from ..clock import now_iso
from ..errors import NotFoundError, QualitySchoolError, file_reason
from ..schools import normalise_code
from ..thai import thai_digits
from ..progress import Steps
from . import relayed, same_school, seals, senders, signing, statements
from .owners import NAMED_BY
from .merge import describe
from .senders import Sender
from .package import EXTENSION, FORMAT_NAME, MANIFEST, MAX_RATIO, RATIO_FLOOR, RELAYED_FORMAT, SIGNATURE
from .records import (
    APPEND_ONLY, KIND_LABELS, TABLES, ExchangeError, format_for, travelling_columns, travelling_form, travelling_rows,
)

if TYPE_CHECKING:
    from ..workspace import Workspace

_CHUNK = 1024 * 1024
REFUSED_HERE = (
    "ส่งออกไม่ได้: {what} มีค่าที่เครื่องปลายทางจะไม่รับ ({problem})"
    " โปรดแก้ไขรายการนี้ในโปรแกรมก่อนส่งออก (ข้อมูลนี้บันทึกไว้ก่อนที่โปรแกรมจะตรวจค่านี้)"
)

# C14 item 4: a request in a file is sent, so a draft that breaks its kind's years rule stays here.
UNSENT_DRAFT = "ส่งออกไม่ได้: {why} (คำขอปีงบประมาณ {year}) ไฟล์แลกเปลี่ยนส่งได้เฉพาะคำขอที่กรอกครบ"


class ExportCancelled(ExchangeError):
    """The caller's ``cancelled()`` returned true; no file was written."""


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: the file's ``path``, the ``scope`` asked for, rows per table, how many
    attachment contents it holds (``files``), its ``size`` in bytes, the key that signed it, when
    (a UTC stamp) and the framework versions its records use."""

    path: Path
    scope: dict[str, Any]
    counts: dict[str, int]  # table -> rows written
    files: int  # attachment contents (each stored once)
    size: int  # bytes of the exchange file
    signer: signing.Signer
    exported_at: str
    frameworks: list[dict[str, str]] = field(default_factory=list)
    sender: Sender | None = None  # who this laptop is (senders.own_sender): the school, not "vm" (TEST31 T3)
    files_size: int = 0  # bytes of the attachment contents it holds (s32 A4: not the file's size)

    def lines(self) -> list[str]:
        """A Thai summary, one line per kind of record that the file holds."""
        lines = [f"ส่งออกไปที่ {self.path}"]
        for table in TABLES:
            if self.counts.get(table):
                lines.append(f"  {KIND_LABELS[table]}: {self.counts[table]:,} รายการ")
        lines.append(f"  ไฟล์แนบ: {self.files:,} ไฟล์ ขนาดรวม {_size(self.files_size)}" if self.files
                     else "  ไฟล์แนบ: ไม่มี")
        lines.append(f"  ขนาดไฟล์ที่ส่งออก: {_size(self.size)}")
        who = self.sender.with_machine() if self.sender is not None else self.signer.name
        lines.append(f"  ลงนามโดย {who} · ลายนิ้วมือ {self.signer.short_fingerprint}")
        return lines


def _size(size: int) -> str:
    """Bytes as a person reads them: "8 ไบต์", "12.3 KB", "25.8 MB"."""
    if size < 1024:
        return f"{size:,} ไบต์"
    if size < 1048576:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1048576:.1f} MB"


def _ids(rows: Iterable[tuple[Any, ...]]) -> list[str]:
    return [str(row[0]) for row in rows]


Selected = list[tuple[dict[str, Any], str | None]]  # each row as it travels, and the seal that covers it here


def _select(
    workspace: "Workspace", travelling: dict[str, tuple[str, ...]], table: str, where: str = "",
    params: list[Any] | None = None,
) -> Selected:
    """The rows of ``table`` (matching ``where``) as dicts of its columns in ``travelling``, each
    with the id of the stored seal that covers it (None for a row changed here); history in the
    order it was appended, so the receiver appends it in the same order."""
    columns = travelling[table]
    order = "seq" if table in APPEND_ONLY else "rowid"
    sql = f"SELECT {', '.join(columns)}, signed_set FROM {table}"
    if where:
        sql += f" WHERE {where}"
    cursor = workspace.db.execute(sql + f" ORDER BY {order}", params or [])
    return [(dict(zip(columns, row)), row[-1]) for row in cursor.fetchall()]


def _in(column: str, ids: list[str]) -> tuple[str, list[Any]]:
    # SQLite's JSON table function keeps one statement however many ids there are.
    return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(ids)]


def _comments_on(assessment_ids: list[str], follow_where: str, follow_params: list[Any]) -> tuple[str, list[Any]]:
    """The comments on the rounds and the follow-ups a file carries (their targets travel with them)."""
    where, params = _in("assessment_id", assessment_ids)
    return (f"{where} OR follow_up_id IN (SELECT id FROM follow_ups WHERE {follow_where})",
            [*params, *follow_params])


def _collect(
    workspace: "Workspace", school_codes: list[str] | None, visitor: str | None
) -> tuple[dict[str, Selected], dict[str, Any]]:
    db = workspace.db
    travelling = travelling_columns(db)  # from the live schema: a new column travels or is refused
    if school_codes is None and visitor is None:
        # Everything: an office's own projects (no school) too (issue 15, records.TRAVELLING_ROWS).
        return {table: _select(workspace, travelling, table, travelling_rows(table)) for table in TABLES}, {
            "kind": "all"}
    if school_codes is not None:
        codes = [normalise_code(code) for code in school_codes]
        school_ids = []
        for code in codes:
            try:
                school_ids.append(workspace.schools.by_code(code).id)
            except NotFoundError:
                raise ExchangeError(f"ไม่พบโรงเรียนรหัส {code} ในฐานข้อมูลนี้") from None
        scope: dict[str, Any] = {"kind": "schools", "school_codes": codes}
        where, params = _in("school_id", school_ids)
        visit_ids = _ids(db.execute(f"SELECT id FROM visits WHERE {where}", params).fetchall())
        assessment_ids = _ids(db.execute(f"SELECT id FROM assessments WHERE {where}", params).fetchall())
        follow_where, follow_params = where, params
    else:
        name = (visitor or "").strip()
        visit_ids = _ids(
            db.execute(
                "SELECT DISTINCT visit_id FROM visit_people WHERE side = 'visitor' AND deleted = 0 AND trim(name) = ?",
                [name],
            ).fetchall()
        )
        if not visit_ids:
            raise ExchangeError(f"ไม่พบการนิเทศที่มีผู้นิเทศชื่อ \"{name}\" ในฐานข้อมูลนี้")
        scope = {"kind": "visitor", "visitor": name}
        follow_where, follow_params = _in("visit_id", visit_ids)
        # A follow-up closed in a later visit refers to that visit: it travels too.
        closing = _ids(
            db.execute(
                f"SELECT DISTINCT closed_in_visit_id FROM follow_ups WHERE {follow_where}"
                " AND closed_in_visit_id IS NOT NULL",
                follow_params,
            ).fetchall()
        )
        visit_ids = sorted(set(visit_ids) | set(closing))
        where, params = _in("id", visit_ids)
        school_ids = _ids(db.execute(f"SELECT DISTINCT school_id FROM visits WHERE {where}", params).fetchall())
        # The self-assessments the visits were compared with, so the visit reads the same there.
        assessment_ids = _ids(
            db.execute(
                f"SELECT DISTINCT assessment_id FROM visits WHERE {where} AND assessment_id IS NOT NULL", params
            ).fetchall()
        )
    by_school = _in("school_id", school_ids)
    by_assessment = _in("assessment_id", assessment_ids)
    by_visit = _in("visit_id", visit_ids)
    records = {
        "schools": _select(workspace, travelling, "schools", *_in("id", school_ids)),
        "assessments": _select(workspace, travelling, "assessments", *_in("id", assessment_ids)),
        "answers": _select(workspace, travelling, "answers", *by_assessment),
        "attachments": _select(workspace, travelling, "attachments", *by_assessment),
        "answer_history": _select(workspace, travelling, "answer_history", *by_assessment),
        "visits": _select(workspace, travelling, "visits", *_in("id", visit_ids)),
        "visit_people": _select(workspace, travelling, "visit_people", *by_visit),
        "visit_findings": _select(workspace, travelling, "visit_findings", *by_visit),
        "visit_attachments": _select(workspace, travelling, "visit_attachments", *by_visit),
        "follow_ups": _select(workspace, travelling, "follow_ups", follow_where, follow_params),
        "visit_events": _select(workspace, travelling, "visit_events", *by_visit),
        "network_schools": _select(workspace, travelling, "network_schools", *by_school),
        "assessment_events": _select(workspace, travelling, "assessment_events", *by_assessment),
        "review_decisions": _select(workspace, travelling, "review_decisions", *by_assessment),
        "comments": _select(workspace, travelling, "comments", *_comments_on(assessment_ids, follow_where, follow_params)),
        **_plan_records(workspace, travelling, school_ids),
        "budget_requests": _select(workspace, travelling, "budget_requests", *by_school),
        "budget_decisions": _select(workspace, travelling, "budget_decisions",
                                    f"request_id IN (SELECT id FROM budget_requests WHERE {by_school[0]})",
                                    by_school[1]),
        "contacts": _select(workspace, travelling, "contacts", *by_school),
        "projects": _select(workspace, travelling, "projects", *by_school),
    }
    return records, scope


def _plan_records(workspace: "Workspace", travelling: dict[str, tuple[str, ...]],
                  school_ids: list[str]) -> dict[str, Selected]:
    """The development plans of the schools (plans/) with their goals, indicators and activities."""
    plans = _select(workspace, travelling, "plans", *_in("school_id", school_ids))
    by_plan = _in("plan_id", [row["id"] for row, _seal in plans])
    return {"plans": plans, **{table: _select(workspace, travelling, table, *by_plan)
                               for table in ("plan_goals", "plan_indicators", "plan_activities")}}


def _check(selected: dict[str, Selected]) -> None:
    """Every row held to the rules the receiver's import applies (:mod:`~qualityschool_desktop.validation`):
    the write paths keep them, but a row stored by an older version, before a rule existed, would
    make the receiver refuse the whole file. Raises :class:`ExchangeError` naming the record."""
    for table in TABLES:
        for row, _seal_id in selected[table]:
            if table == "budget_requests" and (unsent := unsent_draft(row)) is not None:
                raise ExchangeError(UNSENT_DRAFT.format(why=unsent, year=thai_digits(row["fiscal_year"])))
            found = validation.row_problem(table, row)
            if found is not None:
                name, reason = found
                raise ExchangeError(REFUSED_HERE.format(what=describe(table, row),
                                                        problem=f"{validation.field_label(table, name)}{reason}"))


def _compression(data: bytes) -> int:
    """How to store a records member: deflated, unless it compresses better than the receiver's
    import believes real records can (``package.MAX_RATIO``), as text typed over and over does;
    then stored as it is, so the receiver never takes it for a zip bomb."""
    if len(data) > RATIO_FLOOR:
        # The same compressor zipfile uses for ZIP_DEFLATED, so this is the size it would write.
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        size = len(compressor.compress(data)) + len(compressor.flush())
        if len(data) > MAX_RATIO * size:
            return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def _open_conflicts(workspace: "Workspace", records: dict[str, list[dict[str, Any]]]) -> int:
    """How many records in the file have a conflict open here (0 for none)."""
    ids: dict[str, set[str]] = {}
    held = 0
    for table, record_id in workspace.db.execute(
            "SELECT DISTINCT table_name, record_id FROM exchange_conflicts WHERE resolved = 0").fetchall():
        if table not in ids:
            ids[table] = {row["id"] for row in records.get(table, ())}
        held += record_id in ids[table]
    return held


def _seal(
    workspace: "Workspace", selected: dict[str, Selected]
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], dict[str, str], list[dict[str, Any]],
           dict[str, list[dict[str, Any]]]]:
    """The rows to write, the seals that cover them, the public key of each sealing installation,
    the same-school mappings the rows need and the owners' versions to carry beside the rows whose
    version here is not their owner's (``relayed.py``, each under its owner's seal): stored seals
    for rows that came from elsewhere unchanged, or re-pointed by a same-school decision (then
    written in the form their author sealed, with the mapping: ``same_school.py``), one fresh seal
    of this installation for the rest."""
    own = workspace.installation_id
    stored = seals.StoredSeals(workspace.db.conn)
    unmapping = same_school.Unmapping(workspace.db.conn)
    mappings: dict[str, dict[str, Any]] = {}
    forwarded: dict[str, dict[str, Any]] = {}
    keys = {own: signing.public_key_of(workspace, own)}
    own_digests: list[bytes] = []
    records: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        rows: list[dict[str, Any]] = []
        records[table] = rows
        for row, seal_id in selected[table]:
            row = travelling_form(table, row)  # a null column added later stays out of the file
            digest = seals.row_digest(table, row)
            seal = stored.covering(seal_id, digest) if seal_id else None
            if seal is None and seal_id and unmapping.mappings:
                def covered(form: dict[str, Any], table: str = table, seal_id: str = seal_id) -> bool:
                    return stored.covering(seal_id, seals.row_digest(table, form)) is not None

                found = unmapping.sealed_form(table, row, covered)
                if found is not None:
                    row, used = found
                    seal = stored.covering(seal_id, seals.row_digest(table, row))
                    mappings.update((mapping.typed_id, mapping.line) for mapping in used)
            installation = seal["installation_id"] if seal else own
            if seal is not None and installation not in keys:
                keys[installation] = signing.public_key_of(workspace, installation)
            if seal is not None and keys[installation]:
                forwarded[seal["id"]] = seal
            elif table in NAMED_BY and row[NAMED_BY[table]] != own:
                continue  # another's history without its author's seal: no one here can vouch for it
            else:
                own_digests.append(digest)
            rows.append(row)
    owners_versions: dict[str, list[dict[str, Any]]] = {}
    for table, kept in relayed.kept_versions(workspace, travelling_columns(workspace.db), selected).items():
        for row, seal_id in kept:  # the owner's version under the owner's seal, as it came (relayed.py)
            seal = stored.covering(seal_id, seals.row_digest(table, row))
            if seal is None:
                continue
            installation = seal["installation_id"]
            if installation not in keys:
                keys[installation] = signing.public_key_of(workspace, installation)
            if keys[installation]:
                forwarded[seal["id"]] = seal
                owners_versions.setdefault(table, []).append(row)
    sealed = [seals.make_seal(own, own_digests), *forwarded.values()]
    return (records, sealed, {installation: key for installation, key in keys.items() if key}, list(mappings.values()),
            owners_versions)


def export_file(
    workspace: "Workspace",
    target: Path,
    *,
    school_codes: list[str] | None = None,
    visitor: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportSummary:
    """Write an exchange file to ``target`` (``.qsx`` added when missing): everything, the
    schools with ``school_codes`` (profile, assessments, visits, follow-ups, network schools,
    attachments), or the visits a supervisor named ``visitor`` took part in. Each record carries
    every column the schema has but those in ``records.STAYS_LOCAL``. The file is written under a
    temporary name and renamed into place, so a failed or cancelled export leaves nothing.

    Returns an :class:`ExportSummary`. Raises :class:`ExportCancelled` when ``cancelled()``
    returned true, and :class:`ExchangeError` for an unknown school code or supervisor, a record
    the receiver's import would refuse (a value an older version stored before its rule existed;
    the message names the record and the field), a missing or damaged attachment, a target that
    cannot be written, or a column of the schema the exchange has not classified (see
    :func:`~.records.travelling_columns`)."""
    target = Path(target)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    # This workspace's own burst of typing still open belongs in the history sent. Another
    # window's burst is not ended from here (a read-only or worker connection writes nothing of
    # it): its current value is sent, and its history row travels in the next file.
    workspace.answers.end_own_bursts()
    selected, scope = _collect(workspace, school_codes, visitor)
    _check(selected)
    records, sealed, keys, mappings, owners_versions = _seal(workspace, selected)
    # Each school's own word on who owns it travels with its records (statements.py).
    school_ids = {row["id"] for row in records["schools"]} | {
        row["school_id"] for table in ("assessments", "network_schools", "plans", "budget_requests", "projects")
        for row in records[table]} - {None}  # an office's own projects have no school
    owner_statements = statements.for_export(workspace.db.conn, school_ids, workspace.installation_id)
    hashes = sorted(
        {row["sha256"] for table in ("attachments", "visit_attachments") for row in records[table]}
    )
    sources = []
    for digest in hashes:
        try:
            source = workspace.files.path_of(digest)
        except QualitySchoolError:
            raise ExchangeError("ฐานข้อมูลนี้ไม่มีที่เก็บไฟล์แนบ จึงส่งออกไฟล์แนบไม่ได้") from None
        if not source.is_file():
            raise ExchangeError(f"ไม่พบไฟล์แนบ {digest[:12]}… ในที่เก็บไฟล์ของฐานข้อมูลนี้ จึงส่งออกไม่ได้ครบ")
        sources.append((digest, source))
    frameworks = sorted(
        {(row["framework_id"], row["framework_version"]) for table in ("assessments", "visits") for row in records[table]}
    )
    def check() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled("ยกเลิกการส่งออกแล้ว ไม่มีการเขียนไฟล์")

    step = Steps(len(TABLES) + len(sources) + 1, progress, check)

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".partial", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise ExchangeError(f"เขียนไฟล์ในโฟลเดอร์ {target.parent} ไม่ได้: {file_reason(exc)}") from None
    tmp = Path(tmp_name)
    members: list[dict[str, Any]] = []
    try:
        with zipfile.ZipFile(tmp, "w") as archive:
            for table in TABLES:
                data = "".join(
                    seals.canonical(row) + "\n" for row in records[table]  # the receiver digests the line as read
                ).encode("utf-8")
                name = f"records/{table}.jsonl"
                archive.writestr(name, data, compress_type=_compression(data))
                members.append({"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
                step()
            for table, rows in owners_versions.items():  # format 7 (relayed.py): only when there are some
                data = "".join(seals.canonical(row) + "\n" for row in rows).encode("utf-8")
                name = relayed.member(table)
                archive.writestr(name, data, compress_type=_compression(data))
                members.append({"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
            data = "".join(json.dumps(seal, separators=(",", ":")) + "\n" for seal in sealed).encode("utf-8")
            archive.writestr(seals.MEMBER, data, compress_type=zipfile.ZIP_DEFLATED)
            members.append({"path": seals.MEMBER, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
            data = "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
                           for line in owner_statements).encode("utf-8")
            archive.writestr(statements.MEMBER, data, compress_type=zipfile.ZIP_DEFLATED)
            members.append({"path": statements.MEMBER, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
            if mappings:  # rows others sealed about a school typed here (same_school.py): format 6
                data = "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
                               for line in mappings).encode("utf-8")
                archive.writestr(same_school.MEMBER, data, compress_type=zipfile.ZIP_DEFLATED)
                members.append({"path": same_school.MEMBER, "sha256": hashlib.sha256(data).hexdigest(),
                                "size": len(data)})
            step()
            for digest, source in sources:
                name = f"files/{digest}"
                hasher = hashlib.sha256()
                size = 0
                # Photos and PDFs are compressed already; storing them is faster and no larger.
                info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED
                info.external_attr = 0o644 << 16
                with source.open("rb") as src, archive.open(info, "w", force_zip64=True) as out:
                    while chunk := src.read(_CHUNK):
                        hasher.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                if hasher.hexdigest() != digest:
                    raise ExchangeError(f"ไฟล์แนบ {digest[:12]}… ในที่เก็บไฟล์เสียหาย (เนื้อหาไม่ตรงกับรหัส) จึงส่งออกไม่ได้")
                members.append({"path": name, "sha256": digest, "size": size})
                step()
            signer = signing.own_signer(workspace)
            exported_at = now_iso()
            manifest = {
                "format": FORMAT_NAME,
                # the lowest that carries these rows (and the same-school mappings they need)
                "format_version": max(format_for(records), format_for(owners_versions),
                                      same_school.FORMAT if mappings else 0, RELAYED_FORMAT if owners_versions else 0),
                "app_version": __version__,
                "frameworks": [{"id": fid, "version": version} for fid, version in frameworks],
                "exporter": {"installation_id": workspace.installation_id, "name": signer.name},
                "keys": keys,
                "exported_at": exported_at,
                "scope": scope,
                "counts": {table: len(records[table]) for table in TABLES},
                "members": members,
            }
            held = _open_conflicts(workspace, records)
            if held:  # the relay's signed word: the losing sides are not carried (see conflicts.py)
                manifest["open_conflicts"] = held
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
            archive.writestr(MANIFEST, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
            archive.writestr(SIGNATURE, signing.sign(manifest_bytes), compress_type=zipfile.ZIP_DEFLATED)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExchangeError(f"เขียนไฟล์ {target} ไม่ได้: {file_reason(exc)}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportSummary(
        path=target,
        scope=scope,
        counts={table: len(records[table]) for table in TABLES},
        files=len(sources),
        files_size=sum(source.stat().st_size for _digest, source in sources),
        size=target.stat().st_size,
        signer=signer,
        exported_at=exported_at,
        frameworks=[{"id": fid, "version": version} for fid, version in frameworks],
        sender=senders.own_sender(workspace),
    )
