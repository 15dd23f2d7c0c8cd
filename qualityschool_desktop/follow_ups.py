"""Follow-up actions agreed on visits: what, who, by when, and whether it happened.

Actions belong to the school and stay open across visits: the next visit starts from the open
ones. An action agreed in a final visit keeps its wording, but its status can always be updated
(done or dropped, in a later visit or from the follow-up list).

An action belongs to the installation that made its visit (issue 10): only that laptop adds,
rewords, removes or closes it (:func:`~.visit_owners.require_made_here`); another laptop (the
school's, a colleague supervisor's) answers it with a comment, so no change of someone else's
action is ever applied here to travel on and wait as pending elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any, Iterable

from .storage import CoreDatabase

from . import clock, validation
from .collation import thai_key
from .clock import now_iso
from .ids import new_id
from .errors import NotFoundError, ValidationError
from .schools import Schools
from .text import clean_text
from .visit_dates import check_due
from .visit_owners import require_made_here
from .visit_records import visit_order

# Ids per query in the batch reads: well under SQLite's limit on bound parameters (999 before 3.32).
_BATCH = 500

STATUSES = {"open": "ยังไม่เสร็จ", "done": "ดำเนินการแล้ว", "dropped": "ยกเลิก"}
_EDITABLE = ("action", "owner", "due_on", "scope_code", "note")


@dataclass(frozen=True)
class FollowUp:
    """An action agreed on a visit: its wording, who does it (``owner``), ``due_on`` (ISO date or
    ``""``), ``status`` (a key of :data:`STATUSES`), when and in which visit it was closed, a note,
    and the component or item it is about (``scope_code``, ``""`` for none)."""

    id: str
    school_id: str
    visit_id: str
    scope_code: str
    action: str
    owner: str
    due_on: str  # ISO date or ""
    status: str
    closed_on: str
    closed_in_visit_id: str | None
    note: str
    created_at: str
    modified_at: str
    modified_by: str

    @property
    def due_date(self) -> date | None:
        """``due_on`` as a ``date``, None when no date was set."""
        return date.fromisoformat(self.due_on) if self.due_on else None

    def is_overdue(self, today: date) -> bool:
        """True when still open and due before ``today``."""
        return self.status == "open" and self.due_date is not None and self.due_date < today


@dataclass(frozen=True)
class DueItem:
    """A follow-up in the list across schools, with what the list shows beside it."""

    follow_up: FollowUp
    school_name: str
    school_code: str
    supervisor: str  # the first visitor named on the visit that agreed it
    visited_on: str
    bucket: str  # overdue / this_week / later / no_date / closed


BUCKETS = {
    "overdue": "เลยกำหนด",
    "this_week": "ครบกำหนดภายใน ๗ วัน",
    "later": "ยังไม่ถึงกำหนด",
    "no_date": "ไม่ได้กำหนดวัน",
    "closed": "ปิดแล้ว",
}


def bucket_of(item: FollowUp, today: date) -> str:
    """Where the follow-up list puts an action on ``today`` (a key of :data:`BUCKETS`):
    ``"closed"`` (done or dropped), ``"no_date"``, ``"overdue"``, ``"this_week"`` (due within 7
    days) or ``"later"``."""
    if item.status != "open":
        return "closed"
    due = item.due_date
    if due is None:
        return "no_date"
    if due < today:
        return "overdue"
    if due <= today + timedelta(days=7):
        return "this_week"
    return "later"


@dataclass(frozen=True)
class _Maker:
    made_by: str


class FollowUps:
    """``workspace.follow_ups``: agree, update and list follow-up actions."""

    def __init__(self, db: CoreDatabase, installation_id: str, schools: Schools) -> None:
        self._db = db
        self._installation_id = installation_id
        self._schools = schools

    def add(self, visit_id: str, action: str, *, owner: str = "", due_on: date | None = None,
            scope_code: str = "", note: str = "") -> FollowUp:
        """Agree an action on a visit (open, of the visit's school) and return it; the texts are
        stored cleaned (``owner`` on one line) and held to the shared rules (:mod:`.validation`:
        action and note at most :data:`~.validation.MAX_TEXT` characters, the owner at most
        :data:`~.validation.MAX_LINE`, the due date within BE
        :data:`~.validation.MIN_YEAR_BE`–:data:`~.validation.MAX_YEAR_BE`). Raises
        :class:`NotFoundError` for an unknown visit, :class:`ValidationError` for a final one or a
        value beyond its rule (nothing is written then),
        :class:`~qualityschool_desktop.errors.OwnershipError` for a visit another installation made
        and :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        row = self._db.execute("SELECT school_id, status, visited_on FROM visits WHERE id = ? AND deleted_at IS NULL",
                               [visit_id]).fetchone()
        if row is None:
            raise NotFoundError("ไม่พบบันทึกการนิเทศนี้")
        self._require_maker(visit_id)
        if row[1] == "final":
            raise ValidationError("บันทึกการนิเทศนี้ยืนยันแล้ว เพิ่มข้อตกลงไม่ได้ หากต้องการแก้ไขให้เปิดแก้ไขอีกครั้งก่อน")
        check_due(due_on, date.fromisoformat(row[2]))  # not due before the visit that agrees it (C13)
        now = now_iso()
        follow_up_id = new_id()
        with self._db.write():
            self._db.table("follow_ups").insert(validation.checked("follow_ups", {
                "id": follow_up_id, "school_id": row[0], "visit_id": visit_id, "scope_code": scope_code,
                "action": clean_text(action).strip(), "owner": clean_text(owner, multiline=False).strip(),
                "due_on": due_on.isoformat() if due_on else "", "status": "open", "closed_on": "",
                "closed_in_visit_id": None, "note": clean_text(note), "deleted": 0,
                "created_at": now, "modified_at": now, "modified_by": self._installation_id,
            }))
        return self.get(follow_up_id)

    def get(self, follow_up_id: str) -> FollowUp:
        """The action with ``follow_up_id``; raises :class:`NotFoundError` when there is none or
        it was removed."""
        rows = list(self._db.query("SELECT * FROM follow_ups WHERE id = ? AND deleted = 0", [follow_up_id]))
        if not rows:
            raise NotFoundError("ไม่พบข้อตกลงนี้")
        return FollowUp(**{f.name: rows[0][f.name] for f in fields(FollowUp)})

    def update(self, follow_up_id: str, **changes: Any) -> FollowUp:
        """Change the wording (``action``), who (``owner``), the due date (``due_on``: a ``date``;
        anything else clears it), the component or item (``scope_code``) or the ``note``, and return
        the action. Changing nothing writes nothing.

        Raises :class:`NotFoundError` for an unknown or removed action, :class:`ValidationError` for
        another field, a value beyond its rule (as :meth:`add`; nothing is written then) or an
        action agreed in a final visit (its wording stays as signed; its status may change),
        :class:`~qualityschool_desktop.errors.OwnershipError` for an action of a visit another
        installation made, :class:`~qualityschool_desktop.errors.StorageError` when the database
        cannot be written."""
        unknown = set(changes) - set(_EDITABLE)
        if unknown:
            raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในข้อตกลง")
        current = self.get(follow_up_id)
        self._require_maker(current.visit_id)
        self._require_draft_visit(current.visit_id)
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "due_on":
                if isinstance(value, date):
                    visited_on = self._db.execute("SELECT visited_on FROM visits WHERE id = ?",
                                                  [current.visit_id]).fetchone()[0]
                    check_due(value, date.fromisoformat(visited_on))  # C13
                values[key] = value.isoformat() if isinstance(value, date) else ""
            elif key == "scope_code":
                values[key] = str(value)
            else:  # typed text
                values[key] = clean_text(value, multiline=key != "owner")
        if all(getattr(current, key) == value for key, value in values.items()):
            return current
        self._write(follow_up_id, values)
        return self.get(follow_up_id)

    def remove(self, follow_up_id: str) -> None:
        """Remove an action agreed by mistake (the record stays, hidden, and travels as removed).
        Raises :class:`NotFoundError` for an unknown or removed action, :class:`ValidationError`
        when its visit is final, :class:`~qualityschool_desktop.errors.OwnershipError` when another
        installation made its visit and :class:`~qualityschool_desktop.errors.StorageError` when the
        database cannot be written."""
        visit_id = self.get(follow_up_id).visit_id
        self._require_maker(visit_id)
        self._require_draft_visit(visit_id)
        self._write(follow_up_id, {"deleted": 1})

    def set_status(self, follow_up_id: str, status: str, *, in_visit_id: str | None = None,
                   on: date | None = None) -> FollowUp:
        """Mark an action done, dropped or open again (allowed at any time, also after the visit
        that agreed it became final) and return it. ``in_visit_id`` names the visit where this was
        seen; ``on`` the day it closed (today by default; within the shared rules' years).
        Reopening clears both; the same status writes nothing. Raises :class:`ValidationError` for
        another status or a day outside BE :data:`~.validation.MIN_YEAR_BE`–
        :data:`~.validation.MAX_YEAR_BE`, :class:`NotFoundError` for an unknown or removed action,
        :class:`~qualityschool_desktop.errors.OwnershipError` for an action of a visit another
        installation made (the school answers it with a comment; its maker closes it) and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        if status not in STATUSES:
            raise ValidationError(f"สถานะ \"{status}\" ไม่ถูกต้อง")
        current = self.get(follow_up_id)
        self._require_maker(current.visit_id)
        if current.status == status:
            return current
        closing = status != "open"
        self._write(follow_up_id, {
            "status": status,
            "closed_on": (on or clock.today()).isoformat() if closing else "",
            "closed_in_visit_id": in_visit_id if closing else None,
        })
        return self.get(follow_up_id)

    def for_school(self, school_id: str, *, open_only: bool = False) -> list[FollowUp]:
        """A school's actions not removed (only the open ones with ``open_only``): dated ones by
        due date, then those without a date, each in the order agreed; empty for an unknown school."""
        sql = "SELECT * FROM follow_ups WHERE school_id = ? AND deleted = 0"
        if open_only:
            sql += " AND status = 'open'"
        return self._list(sql + " ORDER BY due_on = '', due_on, created_at", [school_id])

    def agreed_in(self, visit_id: str) -> list[FollowUp]:
        """The actions agreed on a visit, not removed, in the order agreed; empty for an unknown
        visit."""
        return self._list(
            "SELECT * FROM follow_ups WHERE visit_id = ? AND deleted = 0 ORDER BY created_at", [visit_id]
        )

    def agreed_in_visits(self, visit_ids: Iterable[str]) -> list[FollowUp]:
        """The actions agreed on any of ``visit_ids``, removed ones left out, visit by visit in the
        order of ``visit_ids`` and within a visit in the order they were agreed (as
        :meth:`agreed_in`). Unknown ids match nothing; raises nothing."""
        ids = list(dict.fromkeys(visit_ids))
        by_visit: dict[str, list[FollowUp]] = {}
        for start in range(0, len(ids), _BATCH):
            batch = ids[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            for item in self._list(
                f"SELECT * FROM follow_ups WHERE visit_id IN ({marks}) AND deleted = 0 ORDER BY created_at", batch
            ):
                by_visit.setdefault(item.visit_id, []).append(item)
        return [item for visit_id in ids for item in by_visit.get(visit_id, [])]

    def open_before(self, visit_id: str) -> list[FollowUp]:
        """What a visit started from, as it stood that day: actions agreed on the school's earlier
        visits that had not been closed before it (those closed during it included). An action
        closed after that visit shows as still open, so an old record reads as when it was signed.
        Raises :class:`NotFoundError` for an unknown visit."""
        visit = self._visit_row(visit_id)
        earlier = set(self.earlier_visit_ids(visit_id))
        carried: list[FollowUp] = []
        for item in self.for_school(visit["school_id"]):
            if item.visit_id not in earlier:
                continue
            if item.status == "open" or item.closed_in_visit_id == visit_id:
                carried.append(item)
                continue
            closed_before = item.closed_in_visit_id in earlier or (
                item.closed_in_visit_id is None and bool(item.closed_on) and item.closed_on < visit["visited_on"]
            )
            if not closed_before:
                carried.append(replace(item, status="open", closed_on="", closed_in_visit_id=None))
        return carried

    def earlier_visit_ids(self, visit_id: str) -> list[str]:
        """The ids of the school's visits that came before ``visit_id`` by
        :data:`~.visit_records.VISIT_ORDER` (the visit's own date, then when it was recorded), oldest
        first. This is the one rule the visit view and the visit report both use for "the earlier
        visits" and for its number (ครั้งที่): what was agreed at them is carried into this one
        (:meth:`open_before`), so a visit dated back before them carries nothing and prints as the
        school's first, and a second visit the same day carries the first's. Raises
        :class:`NotFoundError` for an unknown visit."""
        visit = self._visit_row(visit_id)
        moment = visit_order(visit)
        rows = self._db.query("SELECT id, visited_on, created_at FROM visits WHERE school_id = ? AND deleted_at IS NULL",
                              [visit["school_id"]])
        earlier = [row for row in rows if visit_order(row) < moment]
        return [row["id"] for row in sorted(earlier, key=visit_order)]

    def _visit_row(self, visit_id: str) -> dict[str, Any]:
        rows = list(self._db.query("SELECT * FROM visits WHERE id = ?", [visit_id]))
        if not rows:
            raise NotFoundError("ไม่พบบันทึกการนิเทศนี้")
        return rows[0]

    def across_schools(self, today: date, *, include_closed: bool = False) -> list[DueItem]:
        """Every follow-up not removed (only the open ones unless ``include_closed``) with its
        school and supervisor (:class:`DueItem` values), most urgent first: overdue, due within 7 days
        of ``today``, later, without a date, closed; then by due date and school name."""
        sql = (
            "SELECT f.*, v.visited_on,"
            " (SELECT name FROM visit_people p WHERE p.visit_id = v.id AND p.side = 'visitor' AND p.deleted = 0"
            "  ORDER BY position_order LIMIT 1) AS supervisor"
            " FROM follow_ups f JOIN visits v ON v.id = f.visit_id"
            " WHERE f.deleted = 0 AND v.deleted_at IS NULL"
        )
        if not include_closed:
            sql += " AND f.status = 'open'"
        order = {"overdue": 0, "this_week": 1, "later": 2, "no_date": 3, "closed": 4}
        rows = list(self._db.query(sql, []))
        # The schools in one more query, not one per row (follow_ups.school_id is a foreign key).
        schools = self._schools.by_ids(row["school_id"] for row in rows)
        items = []
        for row in rows:
            school = schools.get(row["school_id"])
            if school is None:  # only without foreign keys enforced; the join dropped these before
                continue
            follow_up = FollowUp(**{f.name: row[f.name] for f in fields(FollowUp)})
            items.append(DueItem(follow_up, school.name, school.code, row["supervisor"] or "",
                                 row["visited_on"], bucket_of(follow_up, today)))
        return sorted(items, key=lambda i: (order[i.bucket], i.follow_up.due_on or "9999", thai_key(i.school_name)))

    def _list(self, sql: str, params: list[Any]) -> list[FollowUp]:
        return [FollowUp(**{f.name: row[f.name] for f in fields(FollowUp)}) for row in self._db.query(sql, params)]

    def _require_maker(self, visit_id: str) -> None:
        row = self._db.execute("SELECT made_by FROM visits WHERE id = ?", [visit_id]).fetchone()
        if row is not None:
            require_made_here(self._db, self._installation_id, _Maker(str(row[0] or "")))

    def _require_draft_visit(self, visit_id: str) -> None:
        row = self._db.execute("SELECT status FROM visits WHERE id = ?", [visit_id]).fetchone()
        if row and row[0] == "final":
            raise ValidationError("ข้อตกลงนี้อยู่ในบันทึกการนิเทศที่ยืนยันแล้ว แก้ไขข้อความไม่ได้ (เปลี่ยนสถานะได้)")

    def _write(self, follow_up_id: str, values: dict[str, Any]) -> None:
        values = {**values, "modified_at": now_iso(), "modified_by": self._installation_id}
        with self._db.write():
            self._db.table("follow_ups").update(follow_up_id, validation.checked("follow_ups", values))
