"""Migration 0024 (issue 14, part 3): an area office's own indicators (seed 003's tables), with
yearly targets and actuals, and the history of their edits.

The office's records, like ``office_texts`` (0015): they stay on the office's laptop
(``exchange/records.py``: NEVER_TRAVELS), so they carry no version vector and no seal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _TRACKED, _run, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database


@migrations(name="0024_office_indicators")
def m0024_office_indicators(db: Database) -> None:
    """Issue 14 (part 3): ``office_indicators``, one row per indicator of an area office (its exact
    name as the schools carry it): ตัวชี้วัด ``name``, หน่วยนับ ``unit``, ผู้รับผิดชอบ ``responsible``,
    the span of BE years ``first_year``–``last_year`` (at most 10; seed 003: 2566–2570), ``targets``
    and typed ``actuals`` as JSON objects of BE year -> number, ``computed`` the kind of actual the
    product computes from the schools' data ('' none, ``top_bands_share``, ``schools_assessed``),
    the office's order ``position``; removed ones kept (``deleted``).
    ``office_indicator_history`` is append-only: one row per saved change of a field."""
    _run(db, f"""
CREATE TABLE office_indicators (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    area_office TEXT NOT NULL CHECK (length(area_office) BETWEEN 1 AND 255),
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    first_year INTEGER NOT NULL CHECK (first_year BETWEEN 2500 AND 2700),
    last_year INTEGER NOT NULL CHECK (last_year BETWEEN 2500 AND 2700 AND last_year - first_year BETWEEN 0 AND 9),
    targets TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(targets)),
    actuals TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(actuals)),
    computed TEXT NOT NULL DEFAULT '' CHECK (computed IN ('', 'top_bands_share', 'schools_assessed')),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED}
);
CREATE INDEX office_indicators_office ON office_indicators (area_office, position);
CREATE TABLE office_indicator_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_id TEXT NOT NULL REFERENCES office_indicators(id),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE INDEX office_indicator_history_indicator ON office_indicator_history (indicator_id, seq);
CREATE TRIGGER office_indicator_history_no_update BEFORE UPDATE ON office_indicator_history
BEGIN SELECT RAISE(ABORT, 'office_indicator_history is append-only'); END;
CREATE TRIGGER office_indicator_history_no_delete BEFORE DELETE ON office_indicator_history
BEGIN SELECT RAISE(ABORT, 'office_indicator_history is append-only'); END
""")
