"""Migration 0036 (TEST34C C12): a visit recorded by mistake can be deleted, and the deletion travels.

One click on "บันทึกการนิเทศครั้งใหม่" made a visit nobody could delete. ``visits.deleted_at`` is the
UTC stamp its maker deleted it at (NULL: not deleted). The row stays, as plans', projects' and
follow-ups' removed rows stay (``deleted``): the deletion is a change of the record like any other,
counted in its version, sealed by its maker and carried in the maker's files, so the receivers hide
their copy, a non-owner's deletion waits like any non-owner edit, and an earlier file (the visit
still alive, an older version) never brings it back (``exchange/versions.py``).

A stamp, not a 0/1 flag: NULL is left out of the row as it travels and of its digest
(``exchange/records.OMITTED_WHEN_NULL``), so every visit sealed before keeps its seal and a file
without the column still imports; only a deleted visit needs the new format (9).

``visits_snapshot`` (0008) lists the table's columns in JSON: it is made again over
the new column with 0030's :func:`~.project_results.snapshot_trigger` (the same trigger, the newest
:data:`~.owners.SNAPSHOTS_KEPT` earlier states). The other triggers on ``visits`` name no column
the migration touches and stay as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations
from .project_results import snapshot_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "visits"


@migrations(name="0036_visit_deleted_at")
def m0036_visit_deleted_at(db: Database) -> None:
    """TEST34C C12: ``visits.deleted_at`` (see the module's docstring) and the snapshot trigger over it."""
    db.execute(f"ALTER TABLE {TABLE} ADD COLUMN deleted_at TEXT")
    db.execute(f"DROP TRIGGER IF EXISTS {TABLE}_snapshot")
    db.execute(snapshot_trigger(db, TABLE))
