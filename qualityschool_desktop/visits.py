"""Supervision visits (การนิเทศ ติดตาม): who came, what they saw, and their own judgement.

A visit belongs to a school and, optionally, to the self-assessment round it reviews. Findings are
kept per component ("1" … "5") or per item ("2.1.5"): the supervisor's level and the texts of what
was observed, the evidence seen, strengths, points to develop and recommendations. Every change is
saved at once in its own transaction; a change that cannot be stored raises
:class:`~qualityschool_desktop.errors.StorageError` (the write path's one error, with its reason).
A final visit is read-only until reopened; finalising and reopening are recorded in an append-only
event log.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable, Collection, Iterable

from .storage import CoreDatabase

from . import validation
from .clock import now_iso
from .ids import new_id
from .errors import NotFoundError, ValidationError
from .filestore import FileStore, file_label, media_type_of
from .framework import Framework, FrameworkRegistry
from .schools import Schools
from .text import clean_text
from .thai import fiscal_year_of, thai_digits
from .thai_dates import parse_time
from .visit_blanks import why_not_final
from .visit_dates import check_moved_visit
from .visit_deletion import NOT_DELETED, delete_visit, why_not_deleted
from .visit_owners import require_made_here
from .visit_revisions import Revision, confirmed_number, revision_of, snapshot
# STATUSES is read as visits.STATUSES (the exchange's comparison) though nothing here uses it.
from .visit_records import (FINDING_TEXTS, SIDES, STATUSES, VISIT_TYPES, Finding, Person, Visit, VisitAttachment,
                            VisitEvent, from_row, visit_order)

# Ids per query in the batch reads: well under SQLite's limit on bound parameters (999 before 3.32).
_BATCH = 500

_DETAILS = ("visited_on", "start_time", "end_time", "visit_type", "purpose", "notes", "assessment_id")


def _time(value: str, field: str) -> str:
    """A clock time as people type it ("0900", "9.30", "09:30 น.") as it is stored ("09:30"), ""
    for none; refused with the field's name and the reason (``thai_dates.parse_time``)."""
    try:
        return parse_time(value)
    except ValidationError as error:
        raise ValidationError(f"{validation.field_label('visits', field)}: {error}") from None


def _check_times(start: str, end: str, end_changed: bool) -> None:
    """Refuse (Thai, naming the field being changed) an end time before the start time; either one
    may be "" (not recorded). The same minute is a short visit, not an error."""
    if start and end and end < start:
        if end_changed:
            raise ValidationError(f"เวลาสิ้นสุด {thai_digits(end)} น. ต้องไม่ก่อนเวลาเริ่ม {thai_digits(start)} น.")
        raise ValidationError(f"เวลาเริ่ม {thai_digits(start)} น. ต้องไม่หลังเวลาสิ้นสุด {thai_digits(end)} น.")


class Visits:
    """``workspace.visits``: record supervision visits."""

    def __init__(
        self, db: CoreDatabase, installation_id: str, frameworks: FrameworkRegistry, files: FileStore, schools: Schools
    ) -> None:
        self._db = db
        self._installation_id = installation_id
        self._frameworks = frameworks
        self._files = files
        self._schools = schools

    # -- the visit ----------------------------------------------------------------------------
    def start(
        self,
        school_id: str,
        *,
        visited_on: date,
        visit_type: str = "onsite",
        assessment_id: str | None = None,
        review_latest: bool = True,
        start_time: str = "",
        purpose: str = "",
    ) -> Visit:
        """A new visit. Unless an assessment is named (or ``review_latest`` is False) it reviews the
        school's latest self-assessment round, whose framework it then uses. Returns the new draft
        visit. ``start_time`` as :meth:`update` takes it; every value is held to the shared rules
        (:mod:`.validation`: ``visited_on`` within BE
        :data:`~.validation.MIN_YEAR_BE`–:data:`~.validation.MAX_YEAR_BE`, ``purpose`` at most
        :data:`~.validation.MAX_TEXT` characters).

        Raises :class:`NotFoundError` for an unknown school; :class:`ValidationError` for a bad
        visit type, time, date or purpose, or an assessment of another school (nothing is written
        then); :class:`~qualityschool_desktop.errors.FrameworkError` when the reviewed round's
        framework is not bundled; ``StorageError`` when it cannot be stored."""
        self._schools.require(school_id)
        if visit_type not in VISIT_TYPES:
            raise ValidationError(f"รูปแบบการนิเทศ \"{visit_type}\" ไม่ถูกต้อง")
        if assessment_id is None and review_latest:
            row = self._db.execute(
                "SELECT id FROM assessments WHERE school_id = ? ORDER BY fiscal_year DESC, round DESC LIMIT 1",
                [school_id],
            ).fetchone()
            assessment_id = row[0] if row else None
        framework = self._framework_for(school_id, assessment_id)
        now = now_iso()
        row_values: dict[str, Any] = {
            "id": new_id(), "school_id": school_id, "assessment_id": assessment_id,
            "framework_id": framework.id, "framework_version": framework.version,
            "visited_on": visited_on.isoformat(), "start_time": _time(start_time, "start_time"), "end_time": "",
            "visit_type": visit_type, "purpose": clean_text(purpose).strip(), "notes": "", "status": "draft",
            "created_at": now, "modified_at": now, "modified_by": self._installation_id,
            "made_by": self._installation_id,
        }
        with self._db.write():
            self._db.table("visits").insert(validation.checked("visits", row_values))
        return self.get(row_values["id"])

    def get(self, visit_id: str, *, include_deleted: bool = False) -> Visit:
        """The visit with ``visit_id``; raises :class:`NotFoundError` when there is none or it was
        deleted (:meth:`delete`; ``include_deleted`` gives it then, for the exchange's pages)."""
        rows = list(self._db.query("SELECT * FROM visits WHERE id = ?", [visit_id]))
        if not rows or (rows[0]["deleted_at"] is not None and not include_deleted):
            raise NotFoundError("ไม่พบบันทึกการนิเทศนี้ (อาจถูกลบแล้ว)")
        return from_row(Visit, rows[0])

    def for_school(self, school_id: str) -> list[Visit]:
        """A school's visits not deleted, newest first (:data:`~.visit_records.VISIT_ORDER` reversed:
        by date, then when recorded); empty for an unknown school."""
        rows = self._db.query(f"SELECT * FROM visits WHERE school_id = ? AND {NOT_DELETED}", [school_id])
        return sorted((from_row(Visit, row) for row in rows), key=visit_order, reverse=True)

    def on_day(self, school_id: str, day: date) -> list[Visit]:
        """The school's visits dated ``day``, in the order they were recorded (asked before another
        visit of the same day starts: TEST34C C5). Raises nothing."""
        rows = self._db.query(f"SELECT * FROM visits WHERE school_id = ? AND visited_on = ? AND {NOT_DELETED}",
                              [school_id, day.isoformat()])
        return sorted((from_row(Visit, row) for row in rows), key=visit_order)

    def all(self) -> list[Visit]:
        """Every visit in the database not deleted, draft and final, of every school, newest date first."""
        return [from_row(Visit, row)
                for row in self._db.query(f"SELECT * FROM visits WHERE {NOT_DELETED} ORDER BY visited_on DESC")]

    def final(self, school_ids: Collection[str] | None = None, *, fiscal_year: int | None = None) -> list[Visit]:
        """Final (signed) visit records, oldest first: by date, then by when they were created.

        ``school_ids`` keeps the visits of those schools (every school when ``None``; an unknown id
        matches nothing). ``fiscal_year`` (Buddhist Era, e.g. 2569) keeps the visits that review a
        self-assessment round of that fiscal year or were made within it (1 October – 30 September).
        Raises nothing."""
        wanted = None if school_ids is None else set(school_ids)
        rows = self._db.query(
            "SELECT v.*, a.fiscal_year AS reviewed_year FROM visits AS v"
            " LEFT JOIN assessments AS a ON a.id = v.assessment_id"
            f" WHERE v.status = 'final' AND v.{NOT_DELETED} ORDER BY v.visited_on, v.created_at"
        )
        return [
            from_row(Visit, row) for row in rows
            if (wanted is None or row["school_id"] in wanted) and (
                fiscal_year is None or row["reviewed_year"] == fiscal_year
                or fiscal_year_of(date.fromisoformat(row["visited_on"])) == fiscal_year
            )
        ]

    def framework_of(self, visit: Visit) -> Framework:
        """The framework version the visit's findings are keyed by. Raises
        :class:`~qualityschool_desktop.errors.FrameworkError` when this version of the app does not
        have it."""
        return self._frameworks.get(visit.framework_id, visit.framework_version)

    def update(self, visit_id: str, **changes: Any) -> Visit:
        """Change the date (``visited_on``: a ``date`` within BE
        :data:`~.validation.MIN_YEAR_BE`–:data:`~.validation.MAX_YEAR_BE`), the times
        (``start_time``/``end_time``: as :func:`~.thai_dates.parse_time` reads them, ``"HH:MM"``,
        ``"H.MM"``, ``"0900"``, ``"9.00 น."`` … or ``""``, 24-hour, stored as ``"HH:MM"``), the type (a key of :data:`VISIT_TYPES`), purpose or notes (typed text, at
        most :data:`~.validation.MAX_TEXT` characters) or the reviewed round (``assessment_id``: a
        round of the same school, or None) and return the visit. Changing nothing writes nothing.

        Raises :class:`NotFoundError` for an unknown visit; :class:`ValidationError` for a **final**
        visit (reopen it first), another field, a missing date or one out of range, a time that is
        not one, an end time before the start time, a date after an open follow-up's due day, an unknown type, a text too long or a round of another school (nothing is written
        then); ``StorageError`` when it cannot be stored."""
        unknown = set(changes) - set(_DETAILS)
        if unknown:
            raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในบันทึกการนิเทศ")
        visit = self._editable(visit_id)
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "visited_on":
                if not isinstance(value, date):
                    raise ValidationError("กรุณาระบุวันที่นิเทศ")
                check_moved_visit(value, [(row[0], row[1]) for row in self._db.execute(
                    "SELECT action, due_on FROM follow_ups WHERE visit_id = ? AND deleted = 0 AND status = 'open'",
                    [visit_id]).fetchall()])
                values[key] = value.isoformat()
            elif key in ("start_time", "end_time"):
                values[key] = _time(str(value), key)
            elif key == "visit_type":
                if value not in VISIT_TYPES:
                    raise ValidationError(f"รูปแบบการนิเทศ \"{value}\" ไม่ถูกต้อง")
                values[key] = value
            elif key == "assessment_id":
                if value is not None:
                    row = self._db.execute("SELECT school_id FROM assessments WHERE id = ?", [value]).fetchone()
                    if row is None or row[0] != visit.school_id:
                        raise ValidationError("รอบการประเมินที่เลือกไม่ใช่ของโรงเรียนนี้")
                values[key] = value
            else:  # purpose, notes: typed text
                values[key] = clean_text(value)
        _check_times(values.get("start_time", visit.start_time), values.get("end_time", visit.end_time),
                     "end_time" in values)
        if all(getattr(visit, key) == value for key, value in values.items()):
            return visit
        self._write("visits", visit_id, values)
        return self.get(visit_id)

    def why_not_deleted(self, visit_id: str) -> str:
        """Why the visit cannot be deleted, in Thai (:func:`.visit_deletion.why_not_deleted`:
        confirmed, or confirmed once and reopened); ``""`` when it can. Reads only; raises
        :class:`NotFoundError` for an unknown or deleted visit."""
        return why_not_deleted(self._db, self.get(visit_id))

    def delete(self, visit_id: str) -> None:
        """Delete a visit recorded by mistake, with its follow-ups, findings, people and files; the
        deletion travels in this installation's files (:mod:`.visit_deletion`). Raises
        :class:`NotFoundError` for an unknown or deleted visit,
        :class:`~qualityschool_desktop.errors.OwnershipError` for one another installation made,
        :class:`ValidationError` for one confirmed now or once (nothing is written then) and
        ``StorageError`` when it cannot be stored."""
        delete_visit(self._db, self._installation_id, self.get(visit_id))

    def why_not_final(self, visit_id: str) -> str:
        """Why the visit cannot be confirmed yet, in Thai (:func:`.visit_blanks.why_not_final`: no
        visitor named); ``""`` when it can. Reads only."""
        return why_not_final(self.people(visit_id))

    def finalise(self, visit_id: str, by: str = "") -> Visit:
        """Mark the record final (signed by both sides): read-only until reopened; the event is
        recorded with the name of the team member who confirmed (``by``: one of the visit's named
        visitors, the first when ``""``) and the findings as they were confirmed
        (:func:`.visit_revisions.snapshot`) with the visit's number (ครั้งที่): the one it was first
        signed with (a revision is the same record, RETEST35 R1), else its count by date now (the
        signed paper keeps it, TEST35 T3). A final visit is returned as it is. Raises
        :class:`NotFoundError` for an unknown visit, :class:`ValidationError` when
        :meth:`why_not_final` says why not (no visitor named) or ``by`` is not on the team (nothing
        is written then) and ``StorageError`` when it cannot be stored."""
        visit = require_made_here(self._db, self._installation_id, self.get(visit_id))
        if visit.is_final:
            return visit
        problem = self.why_not_final(visit_id)
        if problem:
            raise ValidationError(problem)
        with self._db.write():
            event = self._event_row(visit_id, "finalised", "", self._team_member(visit_id, by),
                                    snapshot(self.findings(visit_id),
                                             confirmed_number(self.events(visit_id)) or self._number(visit)))
            self._write("visits", visit_id, {"status": "final"}, atomic=False)
            self._db.table("visit_events").insert(event)
        return self.get(visit_id)

    def _number(self, visit: Visit) -> int:
        """The visit's number (ครั้งที่) as the school's visits here stand now: 1 + the visits not
        deleted before it by :data:`~.visit_records.VISIT_ORDER` (``FollowUps.earlier_visit_ids``'
        rule, which the record prints while it is a draft)."""
        rows = self._db.query(f"SELECT id, visited_on, created_at FROM visits WHERE school_id = ? AND {NOT_DELETED}",
                              [visit.school_id])
        return 1 + sum(1 for row in rows if visit_order(row) < visit_order(visit))

    def reopen(self, visit_id: str, reason: str, by: str = "") -> Visit:
        """Open a final record for changes again; the reopening, its reason (at most
        :data:`~.validation.MAX_TEXT` characters) and who asked (``by``: one of the visit's named
        visitors, the first when ``""``) are recorded (and travel: another laptop accepts changes
        to a final visit only with its owner's reopen). A draft is returned as it is. Raises
        :class:`ValidationError` for a blank or too long reason or a ``by`` not on the team
        (nothing is written then), :class:`NotFoundError` for an unknown visit and
        ``StorageError`` when it cannot be stored."""
        reason = clean_text(reason).strip()
        if not reason:
            raise ValidationError("กรุณาระบุเหตุผลที่ขอแก้ไขบันทึกที่ยืนยันแล้ว")
        visit = require_made_here(self._db, self._installation_id, self.get(visit_id))
        if not visit.is_final:
            return visit
        with self._db.write():
            event = self._event_row(visit_id, "reopened", reason, self._team_member(visit_id, by))
            self._write("visits", visit_id, {"status": "draft"}, atomic=False)
            self._db.table("visit_events").insert(event)
        return self.get(visit_id)

    def team_names(self, visit_id: str) -> list[str]:
        """The names of the visit's visiting team (คณะนิเทศ) who may confirm or reopen its record,
        in their order; empty for an unknown visit."""
        return [person.name.strip() for person in self.people(visit_id, "visitor") if person.name.strip()]

    def revision(self, visit_id: str) -> Revision | None:
        """Which revision the record is (:func:`.visit_revisions.revision_of`: the reopens with who
        and why, the first confirmation, what changed since the version confirmed before); None
        for a record never reopened or an unknown visit."""
        return revision_of(self.events(visit_id), self.findings(visit_id))

    def events(self, visit_id: str) -> list[VisitEvent]:
        """The visit's finalisings and reopenings, oldest first; empty for an unknown visit."""
        return [
            from_row(VisitEvent, row)
            for row in self._db.query("SELECT * FROM visit_events WHERE visit_id = ? ORDER BY seq", [visit_id])
        ]

    # -- people ------------------------------------------------------------------------------
    def people(self, visit_id: str, side: str | None = None) -> list[Person]:
        """The people of a visit not removed (one ``side`` when given): visitors first, each side
        in its order; empty for an unknown visit."""
        sql = "SELECT * FROM visit_people WHERE visit_id = ? AND deleted = 0"
        params: list[Any] = [visit_id]
        if side is not None:
            sql += " AND side = ?"
            params.append(side)
        return [from_row(Person, row) for row in self._db.query(sql + " ORDER BY side DESC, position_order", params)]

    def add_person(self, visit_id: str, side: str, name: str = "", position: str = "") -> Person:
        """Add a person at the end of ``side`` (``"visitor"`` or ``"school"``) and return them; name
        and position are one line of text. Raises :class:`ValidationError` for another side or a
        final visit, :class:`NotFoundError` for an unknown visit and ``StorageError`` when it cannot
        be stored."""
        if side not in SIDES:
            raise ValidationError(f"ฝ่าย \"{side}\" ไม่ถูกต้อง")
        self._editable(visit_id)
        order = self._db.execute(
            "SELECT coalesce(max(position_order), 0) + 1 FROM visit_people WHERE visit_id = ? AND side = ?",
            [visit_id, side],
        ).fetchone()[0]
        now = now_iso()
        person_id = new_id()
        with self._db.write():
            self._db.table("visit_people").insert(validation.checked("visit_people", {
                "id": person_id, "visit_id": visit_id, "side": side, "position_order": order,
                "name": clean_text(name, multiline=False).strip(),
                "position": clean_text(position, multiline=False).strip(), "deleted": 0,
                "created_at": now, "modified_at": now, "modified_by": self._installation_id,
            }))
        return self._person(person_id)

    def update_person(self, person_id: str, **changes: str) -> Person:
        """Change a person's ``name`` or ``position`` (one line of text) and return them. Raises
        :class:`ValidationError` for another field or a final visit, :class:`NotFoundError` for an
        unknown or removed person and ``StorageError`` when it cannot be stored."""
        unknown = set(changes) - {"name", "position"}
        if unknown:
            raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))}")
        person = self._person(person_id)
        self._editable(person.visit_id)
        self._write("visit_people", person_id,
                    {key: clean_text(value, multiline=False) for key, value in changes.items()})
        return self._person(person_id)

    def remove_person(self, person_id: str) -> None:
        """Take a person off the visit (kept, so :meth:`restore_person` can undo it). Raises
        :class:`NotFoundError` for an unknown or removed person, :class:`ValidationError` for a
        final visit and ``StorageError`` when it cannot be stored."""
        person = self._person(person_id)
        self._editable(person.visit_id)
        self._write("visit_people", person_id, {"deleted": 1})

    def restore_person(self, person_id: str) -> None:
        """Undo :meth:`remove_person`. Raises :class:`NotFoundError` for an unknown person,
        :class:`ValidationError` for a final visit and ``StorageError`` when it cannot be stored."""
        person = self._person(person_id, include_deleted=True)
        self._editable(person.visit_id)
        self._write("visit_people", person_id, {"deleted": 0})

    # -- findings ----------------------------------------------------------------------------
    def findings(self, visit_id: str) -> dict[str, Finding]:
        """The supervisor's findings: ``dict[scope_code, Finding]`` (component or item code);
        ``{}`` for a visit without findings or an unknown one."""
        return {
            row["scope_code"]: from_row(Finding, row)
            for row in self._db.query("SELECT * FROM visit_findings WHERE visit_id = ?", [visit_id])
        }

    def findings_of(self, visit_ids: Iterable[str]) -> dict[str, dict[str, Finding]]:
        """The findings of many visits in a few queries: visit id → component or item code →
        finding, as :meth:`findings` gives for one. A visit without findings (or an unknown id)
        has no key. Raises nothing."""
        ids = list(dict.fromkeys(visit_ids))
        found: dict[str, dict[str, Finding]] = {}
        for start in range(0, len(ids), _BATCH):
            batch = ids[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            for row in self._db.query(f"SELECT * FROM visit_findings WHERE visit_id IN ({marks})", batch):
                found.setdefault(row["visit_id"], {})[row["scope_code"]] = from_row(Finding, row)
        return found

    def set_level(self, visit_id: str, scope_code: str, level: int | None) -> Finding:
        """The supervisor's level for a component or an item (None clears it); returns the stored
        finding. Raises :class:`NotFoundError` for an unknown visit, :class:`ValidationError` for a
        final visit, a code its framework lacks or a level not on its scale, and ``StorageError``
        when it cannot be stored."""

        def check(framework: Framework) -> None:
            if level is not None and level not in {lv.value for lv in framework.levels}:
                raise ValidationError(f"ระดับ {level} ไม่มีในมาตราส่วนของเกณฑ์")

        return self._change_finding(visit_id, scope_code, {"level": level}, check)

    def set_text(self, visit_id: str, scope_code: str, field: str, value: str) -> Finding:
        """Save typed text of a finding (``observed``, ``evidence``, ``strengths``, ``to_develop``,
        ``recommendations``); call it on every keystroke. Stored as
        :func:`~qualityschool_desktop.text.clean_text` makes it; returns the stored finding. Raises
        :class:`ValidationError` for another field, a text over :data:`~.validation.MAX_TEXT`
        characters (nothing is written then), a final visit or a code its framework lacks;
        :class:`NotFoundError` for an unknown visit; ``StorageError`` when it cannot be stored."""
        if field not in FINDING_TEXTS:
            raise ValidationError(f"ไม่มีช่อง {field} ในบันทึกการนิเทศ")
        return self._change_finding(visit_id, scope_code, {field: clean_text(value)})

    # -- attachments -------------------------------------------------------------------------
    def add_attachment(self, visit_id: str, scope_code: str, source: Path) -> VisitAttachment:
        """Copy a photo or file seen on the visit into the app's storage and attach it to a
        component or item (``scope_code``; ``""`` for the whole visit); returns the attachment.
        Raises :class:`NotFoundError` for an unknown visit; :class:`ValidationError` for a final
        visit, a code its framework lacks, a missing file, one over
        :data:`~.validation.MAX_FILE_BYTES` bytes (25 MB, as an import holds it), a copy that
        failed or an in-memory database; ``StorageError`` when it cannot be stored."""
        visit = self._editable(visit_id)
        self._check_scope(visit, scope_code, allow_blank=True)
        path = Path(source)
        label = file_label(path)
        digest, size = self._files.put(path)
        now = now_iso()
        attachment_id = new_id()
        with self._db.write():
            self._db.table("visit_attachments").insert(validation.checked("visit_attachments", {
                "id": attachment_id, "visit_id": visit_id, "scope_code": scope_code, "sha256": digest,
                "file_name": label, "size": size, "media_type": media_type_of(path.name), "deleted": 0,
                "created_at": now, "modified_at": now, "modified_by": self._installation_id,
            }))
        return self._attachment(attachment_id)

    def attachments(self, visit_id: str) -> list[VisitAttachment]:
        """The visit's attachments not removed, oldest first; empty for an unknown visit."""
        return [
            from_row(VisitAttachment, row)
            for row in self._db.query(
                "SELECT * FROM visit_attachments WHERE visit_id = ? AND deleted = 0 ORDER BY created_at", [visit_id]
            )
        ]

    def remove_attachment(self, attachment_id: str) -> None:
        """Hide an attachment (the record and the file stay, so :meth:`restore_attachment` can undo
        it). Raises :class:`NotFoundError` for an unknown id, :class:`ValidationError` for a final
        visit and ``StorageError`` when it cannot be stored."""
        self._editable(self._attachment(attachment_id).visit_id)
        self._write("visit_attachments", attachment_id, {"deleted": 1})

    def restore_attachment(self, attachment_id: str) -> None:
        """Undo :meth:`remove_attachment`. Raises as it does."""
        self._editable(self._attachment(attachment_id).visit_id)
        self._write("visit_attachments", attachment_id, {"deleted": 0})

    def path_of(self, attachment: VisitAttachment) -> Path:
        """Where the attachment's content is stored (named by its SHA-256; it may be missing).
        Hand :meth:`copy_attachment_to_open` to a viewer, not this path. Raises
        :class:`ValidationError` for an in-memory database."""
        return self._files.path_of(attachment.sha256)

    def copy_attachment_to_open(self, attachment_id: str) -> Path:
        """A fresh copy of a visit attachment's content for the system's viewer, named by the app
        inside its own folder (as ``Attachments.copy_to_open``). Raises :class:`NotFoundError`
        for an unknown id and :class:`ValidationError` when the content cannot be copied."""
        attachment = self._attachment(attachment_id)
        return self._files.copy_to_open(attachment.sha256, attachment.file_name)

    # -- internals ---------------------------------------------------------------------------
    def _framework_for(self, school_id: str, assessment_id: str | None) -> Framework:
        if assessment_id is None:
            return self._frameworks.latest()
        row = self._db.execute(
            "SELECT school_id, framework_id, framework_version FROM assessments WHERE id = ?", [assessment_id]
        ).fetchone()
        if row is None or row[0] != school_id:
            raise ValidationError("รอบการประเมินที่เลือกไม่ใช่ของโรงเรียนนี้")
        return self._frameworks.get(row[1], row[2])

    def _editable(self, visit_id: str) -> Visit:
        visit = require_made_here(self._db, self._installation_id, self.get(visit_id))
        if visit.is_final:
            raise ValidationError("บันทึกการนิเทศนี้ยืนยันแล้ว แก้ไขไม่ได้ หากต้องการแก้ไขให้เปิดแก้ไขอีกครั้งก่อน")
        return visit

    def _check_scope(self, visit: Visit, scope_code: str, *, allow_blank: bool = False) -> Framework:
        framework = self.framework_of(visit)
        if allow_blank and scope_code == "":
            return framework
        if not (framework.has_item(scope_code) or scope_code in {c.code for c in framework.components}):
            raise ValidationError(f"ไม่มีองค์ประกอบหรือประเด็นรหัส {scope_code} ในเกณฑ์")
        return framework

    def _change_finding(
        self, visit_id: str, scope_code: str, changes: dict[str, Any],
        check: Callable[[Framework], None] | None = None,
    ) -> Finding:
        now = now_iso()
        with self._db.write():
            visit = self._editable(visit_id)
            framework = self._check_scope(visit, scope_code)
            if check is not None:
                check(framework)
            rows = list(self._db.query(
                "SELECT * FROM visit_findings WHERE visit_id = ? AND scope_code = ?", [visit_id, scope_code]
            ))
            if rows:
                finding_id = rows[0]["id"]
                changed = {k: v for k, v in changes.items() if rows[0][k] != v}
                if changed:
                    self._write("visit_findings", finding_id, changed, atomic=False, now=now)
            else:
                finding_id = new_id()
                self._db.table("visit_findings").insert(validation.checked("visit_findings", {
                    "id": finding_id, "visit_id": visit_id, "scope_code": scope_code,
                    **{text: "" for text in FINDING_TEXTS}, "level": None, **changes,
                    "created_at": now, "modified_at": now, "modified_by": self._installation_id,
                }))
        return from_row(Finding, next(iter(self._db.query("SELECT * FROM visit_findings WHERE id = ?", [finding_id]))))

    def _write(self, table: str, record_id: str, values: dict[str, Any], *, atomic: bool = True,
               now: str | None = None) -> None:
        """Change a record (inside the caller's transaction unless ``atomic``), its values first
        held to the shared rules (:func:`.validation.check_row`)."""
        values = {**values, "modified_at": now or now_iso(), "modified_by": self._installation_id}
        if atomic:
            with self._db.write():
                self._db.table(table).update(record_id, validation.checked(table, values))
        else:
            self._db.table(table).update(record_id, validation.checked(table, values))

    def _team_member(self, visit_id: str, by: str) -> str | None:
        """``by`` when it names one of the team (the first named when ``""``; None when the team has
        no name, as a record reopened from before C4); refused otherwise."""
        names = self.team_names(visit_id)
        name = clean_text(by, multiline=False).strip()
        if not name:
            return names[0] if names else None
        if name not in names:
            raise ValidationError(f"{name} ไม่อยู่ในรายชื่อคณะผู้นิเทศของบันทึกนี้")
        return name

    def _event_row(self, visit_id: str, event: str, reason: str, person_name: str | None,
                   signed_findings: str | None = None) -> dict[str, Any]:
        """A visit event as it will be appended, checked against the shared rules (before the visit
        itself is written, so a refused reason leaves nothing behind)."""
        return validation.checked("visit_events", {
            "id": new_id(), "visit_id": visit_id, "event": event, "reason": reason, "happened_at": now_iso(),
            "happened_by": self._installation_id, "person_name": person_name, "signed_findings": signed_findings,
        })

    def _person(self, person_id: str, *, include_deleted: bool = False) -> Person:
        rows = list(self._db.query("SELECT * FROM visit_people WHERE id = ?", [person_id]))
        if not rows or (rows[0]["deleted"] and not include_deleted):
            raise NotFoundError("ไม่พบรายชื่อนี้ในบันทึกการนิเทศ")
        return from_row(Person, rows[0])

    def _attachment(self, attachment_id: str) -> VisitAttachment:
        rows = list(self._db.query("SELECT * FROM visit_attachments WHERE id = ?", [attachment_id]))
        if not rows:
            raise NotFoundError("ไม่พบไฟล์แนบนี้")
        return from_row(VisitAttachment, rows[0])
