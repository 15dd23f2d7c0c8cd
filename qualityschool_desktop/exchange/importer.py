"""Reading an exchange file into a database: a preview that writes nothing, then an import that
writes everything or nothing.

Both stream the file through :class:`~.merge.Merge` (what happens to each record, and why, is told
there): the preview into a store that only counts, the import into one that writes, inside one
write transaction. Each file stands alone: a refused file raises :class:`ExchangeError`, leaves no
record and no attachment behind, and says nothing about the next file.

Attachment contents are copied before the transaction (the lock is not held while a large photo
is copied), only those a record of the file refers to and the store lacks, each checked against
its hash; inside the transaction the ones the kept records need are renamed into place; a refusal
or a failed commit removes them again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection

from ..clock import now_iso
from ..errors import StorageError
from ..progress import Steps
from ..text import clean_text
from ..thai import office_name
from . import append_only, conflicts, equal_kept, forgotten, reading, rejudge, senders, signing, staging
from .removed import RemovedVisit, removed_visits
from .revised import RevisedVisit, revised_visits
from .merge import Merge, Tally
from .package import Checked, Package, open_package
from .records import KIND_LABELS, TABLES, ExchangeError, travelling_columns
from .rejudged import Rejudged
from .results import ImportPreview, ImportResult
from .same_school import Vouch
from .store import Store, WritingStore

if TYPE_CHECKING:
    from ..workspace import Workspace

Progress = Callable[[int, int], None]
LACKING = "ไฟล์ {source} ไม่มีเนื้อหาของไฟล์แนบ \"{name}\" ไฟล์นี้อาจไม่ครบ"
WRONG_SIZE = (
    "ข้อมูล{kind} \"{name}\" ในไฟล์ {source} แจ้งขนาดไฟล์ {claimed:,} ไบต์ แต่เนื้อหามีขนาด {actual:,} ไบต์"
    " ไฟล์นี้อาจถูกแก้ไข โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
UNFORESEEN = "นำเข้าไฟล์ {source} ไม่ได้ ข้อมูลในไฟล์ขัดกับข้อมูลในฐานข้อมูลนี้ ({detail})"


def _check_frameworks(workspace: "Workspace", package: Package) -> None:
    for framework in package.manifest["frameworks"]:
        if not workspace.frameworks.has(framework["id"], framework["version"]):
            raise ExchangeError(
                f"ไฟล์ {package.path.name} มีข้อมูลตามเกณฑ์ {framework['id'][:40]} รุ่น {framework['version'][:20]}"
                " ซึ่งโปรแกรมนี้ไม่มี โปรดปรับรุ่นโปรแกรมก่อนนำเข้า"
            )


def _referenced(workspace: "Workspace", package: Package, travelling: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """SHA-256 -> file name of every attachment content a record of the file refers to (the only
    members ever copied into the store). A record whose size is not its content's (in the file, or
    in the store here) is refused: the size the rules hold to the limit is the content's."""
    found: dict[str, str] = {}
    for table in ("attachments", "visit_attachments"):
        for _number, row, _size in reading.rows(package, table, travelling[table]):
            digest = row["sha256"]
            found.setdefault(digest, row["file_name"])
            member = package.members.get(f"files/{digest}")
            actual = member[1] if member is not None else staging.stored_size(workspace, digest)
            if actual is not None and actual != row["size"]:
                raise ExchangeError(WRONG_SIZE.format(kind=KIND_LABELS[table], name=row["file_name"][:40],
                                                      source=package.path.name, claimed=row["size"], actual=actual))
    return found


def _check_contents(workspace: "Workspace", package: Package, tally: Tally, names: dict[str, str]) -> None:
    """Every attachment a kept record refers to is in the file or already in the store (only those
    the file does not carry are looked for: the carried ones are copied, or were there)."""
    absent = staging.absent_uncarried(workspace, package, tally.stored_files)
    if absent:
        name = names.get(absent[0], absent[0][:12])
        raise ExchangeError(LACKING.format(source=package.path.name, name=name[:40]))


def _signer(workspace: "Workspace", package: Package, tally: Tally) -> signing.Signer:
    return signing.signer_for(workspace, package.fingerprint, package.manifest["exporter"]["name"],
                              own=tally.own_fingerprint or None)


def _summary(workspace: "Workspace", package: Package, tally: Tally, files_new: int, names: dict[str, str],
             cls: type[ImportPreview] = ImportPreview, signer: signing.Signer | None = None,
             sender: senders.Sender | None = None) -> Any:
    manifest = package.manifest
    exporter = manifest["exporter"]
    signer = signer or _signer(workspace, package, tally)
    # The school or supervisor, not "vm" (TEST31 T3); an import reads it inside its transaction.
    sender = sender if sender is not None else _sender(workspace, package, tally)
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
        counts=tally.counts,
        conflicts=tally.conflicts,
        # The contents its records name: members no record names are never stored, nor counted (try10 F11).
        files_total=sum(1 for digest in names if f"files/{digest}" in package.members),
        files_new=files_new,
        pending=tally.pending,
        already_waiting=list(tally.already_waiting),
        warnings=[*tally.warnings, *conflicts.held_by_sender(manifest, owner=bool(sender.schools))],  # TEST34B B3
        same_schools=[replace(match, bound_keys=tuple(tally.first_use.get(match.code, tally.same_keys.get(match.code, ()))),
                              moving=append_only.moving_rows(workspace.db.conn, match.local_id))
                      for match in tally.same_schools],  # whose key, what moves (test28 N8)
        bound_on_first_use=list(tally.first_use),
        bound_keys=dict(tally.first_use),
        bound_waiting=tally.bound_waiting,
        made_one=tally.made_one,
        schools=list(tally.schools),
        overrides_rejected=tally.overrides_rejected,
        office_offer=tuple(tally.office_waits),
        sender=sender,
        revised_visits=_revised(workspace, package, tally),
        removed_visits=_removed(workspace, package, tally),
    )


def _revised(workspace: "Workspace", package: Package, tally: Tally) -> list[RevisedVisit]:
    """The confirmed visits the file reopens (``revised.py``, TEST34C C3), their visit and school
    read from the file, else from here."""
    if not tally.reopens:
        return []
    travelling = travelling_columns(workspace.db)
    ids = {row["visit_id"] for row in tally.reopens}
    events = [row for _n, row, _s in reading.rows(package, "visit_events", travelling["visit_events"])
              if row["visit_id"] in ids]
    visits = {row["id"]: row for _n, row, _s in reading.rows(package, "visits", travelling["visits"]) if row["id"] in ids}
    for row in workspace.db.query(f"SELECT id, school_id, visited_on FROM visits WHERE id IN ({','.join('?' * len(ids))})",
                                  list(ids)):
        visits.setdefault(row["id"], row)
    return revised_visits(tally.reopens, events, visits,
                          _school_names(workspace, package, {row["school_id"] for row in visits.values()}))


def _removed(workspace: "Workspace", package: Package, tally: Tally) -> list[RemovedVisit]:
    """The visits the file deletes here (``removed.py``, TEST35 T1), their school named."""
    if not tally.removed_visits:
        return []
    return removed_visits(tally.removed_visits,
                          _school_names(workspace, package, {row.get("school_id") or "" for row in tally.removed_visits}))


def _school_names(workspace: "Workspace", package: Package, wanted: set[str]) -> dict[str, str]:
    """School id → name: the file's, else this laptop's for the ``wanted`` ids."""
    travelling = travelling_columns(workspace.db)
    schools = {row["id"]: row["name"] for _n, row, _s in reading.rows(package, "schools", travelling["schools"])}
    here = workspace.schools.by_ids(wanted - schools.keys())
    schools.update({school_id: school.name for school_id, school in here.items()})
    return schools


def _sender(workspace: "Workspace", package: Package, tally: Tally) -> senders.Sender:
    """Who sent ``package`` in words (``senders.sender_of``), with the schools this file binds to its key."""
    school_names = {code: name for _action, code, name in tally.schools}
    binds = [(code, school_names.get(code, "")) for code, keys in [*tally.first_use.items(), *tally.same_keys.items()]
             if keys == (package.fingerprint,)]  # also a school made one with its typed record (s33 exB T11)
    return senders.sender_of(workspace, package, binds, claimed=tally.office_waits)


def preview_import(
    workspace: "Workspace", source: Path, *, progress: Progress | None = None, same_schools: Collection["str | Vouch"] = (),
    checked: Checked | None = None,
) -> ImportPreview:
    """Check ``source`` completely (signatures, keys against the bindings here, every record
    against this database's schema, owners and versions, the attachment contents it needs) and say
    what importing it would do. Writes nothing (a read-only workspace will do).

    ``same_schools``: codes of schools a person confirmed are the same as ones typed here (see
    :attr:`ImportPreview.same_schools`), and :class:`~.same_school.Vouch` es for keys not known
    here that sign a relayed "same school" word (a bare code vouches for the first such key met). Returns an :class:`ImportPreview`; raises
    :class:`ExchangeError` when the file would be refused (or this version's schema has a column
    the exchange has not classified). ``checked``: as for :func:`apply_import`; a header verified
    here is added to it (the window's preview, batch check and import share one)."""
    with open_package(Path(source), checked=checked) as package:
        _check_frameworks(workspace, package)
        travelling = travelling_columns(workspace.db)
        names = _referenced(workspace, package, travelling)
        carried = staging.to_copy(workspace, package, names)
        step = Steps(len(TABLES) + len(carried), progress)
        tally = Merge(workspace, package, Store(workspace, package, travelling), same_schools=same_schools).run(step)
        _check_contents(workspace, package, tally, names)
        _drop_replaced_unwritten(workspace, tally)  # as the import will count them (TEST34B B8)
        needed = [digest for digest in carried if digest in tally.stored_files]
        staging.verify(package, needed, step)
        preview: ImportPreview = _summary(workspace, package, tally, len(needed), names)
        return preview


def _drop_replaced(workspace: "Workspace", tally: Tally) -> None:
    """The office's budget decisions of this file that a later one on the same item replaces
    (``pending.replaced``, s34 exw34b B8) are not counted as waiting, nor as kept waiting: the
    result counts what the list of waiting changes shows, once. Inside the import's transaction."""
    from .pending import replaced

    gone = replaced(workspace.db.conn)
    if not gone:
        return
    for pair in [pair for pair in tally.already_waiting if pair in gone]:
        tally.already_waiting.remove(pair)
        tally.counts[pair[0]].waiting -= 1
    for change in [change for change in tally.pending if (change.table, change.record_id) in gone]:
        tally.pending.remove(change)
        tally.counts[change.table].pending -= 1


def _drop_replaced_unwritten(workspace: "Workspace", tally: Tally) -> None:
    """:func:`_drop_replaced` for a preview, which writes nothing: the file's waiting budget
    decisions and those waiting here (oldest first, then the file's in its order), the latest on
    each item kept, the earlier ones neither counted as waiting nor as waiting already: what the
    import will count (s35 exch35, TEST34B B8: the preview said 3 waiting, the result 2)."""
    table = "budget_decisions"
    if not any(change.table == table for change in tally.pending):
        return
    rows: list[tuple[str, dict[str, Any]]] = [
        (str(record), json.loads(row_json)) for record, row_json in workspace.db.conn.execute(
            "SELECT record_id, row_json FROM pending_changes WHERE table_name = ? AND decision = ''"
            " ORDER BY rowid", [table])]
    rows += [(change.record_id, change.row) for change in tally.pending if change.table == table]
    latest: dict[str, tuple[str, int, str]] = {}  # item -> (decided_at, place, record id) of its latest
    for place, (record, row) in enumerate(rows):
        item, when = str(row.get("request_id") or ""), str(row.get("decided_at") or "")
        if item not in latest or (when, place) >= latest[item][:2]:
            latest[item] = (when, place, record)
    kept = {record for _when, _place, record in latest.values()}
    gone = {record for record, _row in rows if record not in kept}
    for pair in [pair for pair in tally.already_waiting if pair[0] == table and pair[1] in gone]:
        tally.already_waiting.remove(pair)
        tally.counts[table].waiting -= 1
    for change in [change for change in tally.pending if change.table == table and change.record_id in gone]:
        tally.pending.remove(change)
        tally.counts[table].pending -= 1


def _trust_vouched(workspace: "Workspace", fingerprint: str) -> None:
    """Mark the file's signer trusted when a person vouched for its own key ("same school"): the
    phone call that vouch stands for is the fingerprint check "trusted" records, as the window's
    tick does (test28 N3). Inside the import's transaction."""
    workspace.db.execute("UPDATE signers SET trusted = 1, modified_at = ? WHERE fingerprint = ? AND trusted = 0",
                         [now_iso(), fingerprint])


def _bind_office(workspace: "Workspace", package: Package, area_office: str) -> None:
    """Inside the import's transaction, before its records are judged: bind the file's key as
    ``area_office``'s office, so the merge judges its decisions as the office's: applied and
    counted so, no "รอตรวจสอบ" for them nor a warning that they wait (s33; what of the key waited
    from earlier files is judged again after the merge, as ``rejudge.bind_office`` does)."""
    from ..review import offices

    columns = travelling_columns(workspace.db)["schools"]
    arriving = tuple({office_name(str(row["area_office"] or "")) for _number, row, _size
                      in reading.rows(package, "schools", columns)} - {""}) \
        if "records/schools.jsonl" in package.members else ()
    offices.bind(workspace, package.fingerprint, area_office,
                 installation=str(package.manifest["exporter"]["installation_id"]), arriving=arriving)


def apply_import(
    workspace: "Workspace", source: Path, *, progress: Progress | None = None, same_schools: Collection["str | Vouch"] = (),
    trust_signer: bool = False, checked: Checked | None = None, office_key: str = "",
) -> ImportResult:
    """Import ``source`` in one transaction: what the preview says, applied. Changes by keys that
    do not own the records are kept as pending (:func:`~.pending.list_pending`), conflicts as
    conflicts (:func:`~.conflicts.list_conflicts`). ``same_schools`` as for :func:`preview_import`:
    a school whose code a different record here has is refused unless named there.
    ``trust_signer``: a person compared the file's key's fingerprint with its sender (the window's
    "ยืนยันแล้วว่าลายนิ้วมือตรงกัน"): the signer is marked trusted in the import's transaction, so a
    refused or cancelled import leaves it as it was (test30a B15). ``checked``: the headers the
    batch check verified (``batch.clashes(checked=…)``): a file whose manifest and signature are
    the bytes verified there is not verified again (``package.open_package``). ``office_key``: an
    area office (one of :attr:`ImportPreview.office_offer`) a person, having compared the key's
    fingerprint by phone, says the file's key is the office of: it is bound so in the import's
    transaction (``review.offices.bind``) before its records are judged, so the office's verdict
    in it applies and is counted as applied in this same import (s32 B20, s33), and its decisions
    that waited from earlier files are judged again (``result.office_rejudged``;
    ``result.office_decided`` counts both).

    Importing the same file again changes nothing. Returns an :class:`ImportResult`. Raises
    :class:`ExchangeError` for a refused file, which changes nothing (no record, no attachment);
    :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
    source = Path(source)
    with open_package(source, checked=checked) as package:
        _check_frameworks(workspace, package)
        travelling = travelling_columns(workspace.db)
        names = _referenced(workspace, package, travelling)
        carried = staging.to_copy(workspace, package, names)
        step = Steps(len(TABLES) + len(carried) + 1, progress)
        staged = staging.stage(workspace, package, carried, step)
        try:
            with workspace.db.write():
                workspace.answers.flush_pending()
                if office_key:
                    _bind_office(workspace, package, office_key)
                store = WritingStore(workspace, package, travelling)
                # Conflicts of the same content a program before s33 kept (equal_kept.py): settled first.
                equal_settled = equal_kept.settle_stored(workspace, travelling, store)
                merge = Merge(workspace, package, store, same_schools=same_schools)
                tally = merge.run(step)
                _check_contents(workspace, package, tally, names)
                store.finish()
                own_back = forgotten.bring_back_own(workspace.db.conn)  # test28 N1: typed here, kept aside
                # Changes that waited only for their signer to become an owner, which this file's
                # bindings made it (retest30 N1), and rejected ones its owner's file brought again.
                rejudged = rejudge.rejudge(workspace, travelling)
                reapplied = rejudge.rejected_now_applied(workspace.db.conn, travelling)
                office_done = rejudge.rejudge(workspace, travelling, fingerprint=package.fingerprint,
                                              office=True) if office_key else None  # from earlier files
                if trust_signer or any(package.fingerprint in keys for keys in merge.vouched_keys.values()):
                    _trust_vouched(workspace, package.fingerprint)
                _drop_replaced(workspace, tally)  # counted once, as the list shows them (B8)
                signer = _signer(workspace, package, tally)  # as committed: asked here, no read after the commit
                sender = _sender(workspace, package, tally)  # the same
                staged.place(tally.stored_files)
            placed = len(staged.placed)
            staged.done()
        except StorageError as exc:
            staged.discard()
            if exc.reason != "other":
                raise
            raise ExchangeError(UNFORESEEN.format(source=source.name, detail=exc),
                                detail=exc.detail or repr(exc.__cause__ or exc)) from None
        except ExchangeError:
            staged.discard()
            raise
        except Exception as exc:  # a check this code did not foresee: nothing was written
            staged.discard()
            raise ExchangeError(UNFORESEEN.format(source=source.name, detail=exc)) from None
        except BaseException:
            staged.discard()
            raise
        step()
        result: ImportResult = _summary(workspace, package, tally, placed, names, ImportResult, signer, sender)
        result.files_written = placed
        result.own_brought_back = own_back
        result.rejudged, result.reapplied = rejudged, reapplied
        result.office_rejudged = office_done
        result.equal_settled = equal_settled  # B1: said
        result.office_bound = office_name(clean_text(office_key, multiline=False)) if office_done is not None else ""
        result.office_decided = tally.office_decided + (office_done.applied if office_done is not None else 0)
        if office_done is not None:  # decided: no longer counted as waiting (said on a line of its own)
            result.rejudged = replace(rejudged, records=rejudged.records | office_done.records)
        result.made_same = tally.made_same  # what moved with each typed school (fx30 B7a)
        result.bound_same = {code: tuple(str(row[0]) for row in workspace.db.execute(
            "SELECT DISTINCT fingerprint FROM school_signers WHERE school_id = ? AND length(fingerprint) = 64"
            " ORDER BY fingerprint", [workspace.schools.by_code(code).id]))
            for code in tally.made_one}  # whose key a school made one is bound to now (test28 N8)
        return result
