"""Deleting a visit recorded by mistake (TEST34C C12): a wrong school, a test, a duplicate.

One click on "บันทึกการนิเทศครั้งใหม่" makes a visit; until now nothing could take it away. Its maker
(the installation that made it, :mod:`.visit_owners`, as for any edit) may delete a visit that was
never confirmed: a draft with no "finalised" event. A visit confirmed once was signed by both
sides, even if it was reopened later, and stays: the refusal says why.

The visit is not removed from the database: ``visits.deleted_at`` (migration 0036) marks it, in one
transaction with its follow-ups and attachments marked removed (``deleted``, as their own removals
are: the follow-up lists and the files read them by themselves). So the deletion is an edit of the
maker's records, counted in their versions, sealed and carried by the maker's next file like any
other: a receiver hides its copy, a key that does not own the visit has its deletion kept waiting,
and an earlier file (the visit alive, an older version) does not bring it back
(``exchange/versions.py``). Its findings and people are read only through their visit, which every
reader now leaves out (:data:`NOT_DELETED`), and stay as they were: the people name the supervisor,
so a file of her visits (``export_file(visitor=...)``, found by the visitor's name) carries the
deletion too. A follow-up of an earlier visit that was marked done *in* the deleted visit keeps its
status and day and no longer names the visit (when this installation made that earlier visit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import validation
from .clock import now_iso
from .errors import ValidationError
from .visit_owners import owned_elsewhere, require_made_here
from .visit_records import Visit

if TYPE_CHECKING:
    from .storage import CoreDatabase

# SQL condition on a visit (aliased ``v`` or not): it was not deleted. Every reader of visits asks it.
NOT_DELETED = "deleted_at IS NULL"

CONFIRMED = ("บันทึกการนิเทศนี้ยืนยันแล้ว จึงลบไม่ได้ บันทึกที่ยืนยันแล้วเป็นหลักฐานที่ทั้งสองฝ่ายลงนามไว้"
             " หากมีข้อความผิดให้เปิดแก้ไขแล้วแก้ข้อความ")
SIGNED_ONCE = ("บันทึกการนิเทศนี้เคยยืนยันแล้ว (ลงนามไว้แล้ว) แม้เปิดแก้ไขอีกครั้งก็ลบไม่ได้"
               " ลบได้เฉพาะบันทึกที่ยังไม่เคยยืนยัน หากมีข้อความผิดให้แก้ข้อความแล้วยืนยันอีกครั้ง")

# The visit's own records that are marked removed with it (each has its own ``deleted`` flag).
_CHILDREN = ("follow_ups", "visit_attachments")


def why_not_deleted(db: "CoreDatabase", visit: Visit) -> str:
    """Why ``visit`` cannot be deleted, in Thai: it is confirmed (:data:`CONFIRMED`) or was
    confirmed once and reopened (:data:`SIGNED_ONCE`); ``""`` when it can (who may delete it is
    :func:`~.visit_owners.require_made_here`'s question). Reads only."""
    status = db.execute("SELECT status FROM visits WHERE id = ?", [visit.id]).fetchone()
    if visit.is_final or (status is not None and status[0] == "final"):  # as stored now, too
        return CONFIRMED
    if db.execute("SELECT 1 FROM visit_events WHERE visit_id = ? AND event = 'finalised' LIMIT 1",
                  [visit.id]).fetchone():
        return SIGNED_ONCE
    return ""


def delete_visit(db: "CoreDatabase", installation_id: str, visit: Visit) -> None:
    """Delete ``visit`` as its maker (see the module's docstring), in one transaction. Raises
    :class:`~.errors.OwnershipError` when another installation made it, :class:`ValidationError`
    when :func:`why_not_deleted` says why not (nothing is written then) and
    :class:`~.errors.StorageError` when it cannot be stored."""
    require_made_here(db, installation_id, visit)
    with db.write():
        problem = why_not_deleted(db, visit)  # again inside the write lock: another window may confirm
        if problem:
            raise ValidationError(problem)
        now = now_iso()
        stamps = {"modified_at": now, "modified_by": installation_id}
        db.table("visits").update(visit.id, validation.checked("visits", {"deleted_at": now, **stamps}))
        for table in _CHILDREN:
            for (record_id,) in db.execute(f"SELECT id FROM {table} WHERE visit_id = ? AND deleted = 0",
                                           [visit.id]).fetchall():
                db.table(table).update(record_id, validation.checked(table, {"deleted": 1, **stamps}))
        for record_id, made_by in db.execute(
                "SELECT f.id, v.made_by FROM follow_ups AS f JOIN visits AS v ON v.id = f.visit_id"
                " WHERE f.closed_in_visit_id = ? AND f.visit_id <> ?", [visit.id, visit.id]).fetchall():
            if not owned_elsewhere(db, installation_id, _Maker(str(made_by or ""))):  # only its maker changes it
                db.table("follow_ups").update(record_id, validation.checked("follow_ups",
                                                                             {"closed_in_visit_id": None, **stamps}))


class _Maker:
    """The maker of a follow-up's visit, as :func:`~.visit_owners.owned_elsewhere` asks for it."""

    def __init__(self, made_by: str) -> None:
        self.made_by = made_by
