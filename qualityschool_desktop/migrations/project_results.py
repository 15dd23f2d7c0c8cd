"""Migration 0030 (issue 15, RETEST15 F15): a project's "สรุปผลการดำเนินงาน" as the office writes it.

Seed 004 prints, under each project's "สรุปปัญหาและข้อเสนอแนะ", a narrative the office writes
("สรุปผลการดำเนินงาน"). ``projects.results_summary`` holds it; NULL when none was typed (the
report then prints the summary it builds from the activities and indicators). It travels with the
row, left out when null (``exchange/records.OMITTED_WHEN_NULL``), so rows sealed before keep their
seals and files without it still import. The record's earlier states keep it: the snapshot trigger
(0008's, as ``budget.school_owned_triggers`` made it for 0022) is rebuilt over the new columns.

Seed 004's projects allocated by OBEC ("โครงการที่ได้รับจัดสรรงบประมาณจาก สพฐ.") need no schema
change: a budget line's source lives in the ``budget_lines`` JSON, checked by ``projects/rules.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations
from .owners import SNAPSHOTS_KEPT

if TYPE_CHECKING:
    from sqlite_utils import Database


def snapshot_trigger(db: Database, table: str) -> str:
    """0008's ``{table}_snapshot`` trigger over ``table``'s columns as they are now: the newest
    :data:`~.owners.SNAPSHOTS_KEPT` earlier states of a record (the seal left out)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
    pairs = ", ".join(f"'{c}', OLD.{c}" for c in columns if c != "signed_set")
    return (f"CREATE TRIGGER {table}_snapshot BEFORE UPDATE ON {table} BEGIN"
            " INSERT OR IGNORE INTO record_snapshots (table_name, record_id, version, row_json)"
            f" VALUES ('{table}', OLD.id, OLD.version, json_object({pairs}));"
            f" DELETE FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id AND rowid NOT IN"
            f" (SELECT rowid FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id"
            f" ORDER BY rowid DESC LIMIT {SNAPSHOTS_KEPT}); END")


@migrations(name="0030_project_results_summary")
def m0030_project_results_summary(db: Database) -> None:
    """Issue 15 (RETEST15 F15): ``projects.results_summary`` (text or NULL: none typed), kept in the record's history."""
    db.execute("ALTER TABLE projects ADD COLUMN results_summary TEXT")
    db.execute("DROP TRIGGER projects_snapshot")
    db.execute(snapshot_trigger(db, "projects"))
