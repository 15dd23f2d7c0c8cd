"""Migration 0019 (issue 14, part 1): a school's budget requests, and the office's approvals of them.

A school-owned table made the way 0005–0017 made the others, in one migration: a version per
record counted by the local-edit triggers (0012/0017), room for the version and the last few earlier
states (0008), conflicts closed by a descendant (0010), a seal index (0007) and the owner check of
0016. :func:`versioned_tables` and :func:`append_only_tables` read the school's tables from the live
schema (a ``version`` and a ``signed_set`` column: versioned; a ``signed_set`` without a version:
append-only), so the clean-up triggers of every versioned table, made again here, name the new
table too whichever other migrations ran before this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _TRACKED, _run, migrations
from .owners import SNAPSHOTS_KEPT, VERSION_FULL, _descends
from .records import NOT_OWNER, _counter_triggers, _decision_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database


def _columns(db: Database, table: str) -> list[str]:
    return [str(row[1]) for row in db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _tables(db: Database) -> list[str]:
    return [str(row[0]) for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name")]


def versioned_tables(db: Database) -> tuple[str, ...]:
    """The tables of ``db`` whose records carry a version vector and a seal (0005's ``VERSIONED``
    and any later one made the same way), by name."""
    return tuple(t for t in _tables(db) if {"version", "signed_set"} <= set(_columns(db, t)))


def append_only_tables(db: Database) -> tuple[str, ...]:
    """The tables of ``db`` whose rows carry a seal but no version (the append-only histories), by name."""
    return tuple(t for t in _tables(db) if "signed_set" in (c := _columns(db, t)) and "version" not in c)


def school_owned_triggers(db: Database, table: str, school_of_row: str) -> None:
    """Make ``table`` (already created, with ``version`` and ``signed_set`` columns) a versioned,
    school-owned table: every trigger 0005–0017 gave the tables of their day, ``school_of_row``
    being the SQL of the school a row belongs to, with ``ROW`` for the row (``"ROW.school_id"``)."""
    db.execute(f"CREATE INDEX {table}_signed_set ON {table} (signed_set) WHERE signed_set IS NOT NULL")
    counter = "json_extract(OLD.version, '$.\"' || NEW.modified_by || '\"')"
    db.execute(  # 0008: no room in the version for one more change
        f"CREATE TRIGGER {table}_version_room BEFORE UPDATE ON {table}"
        " WHEN NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set"
        f" AND (coalesce({counter}, 0) >= 9007199254740991"
        f" OR ({counter} IS NULL AND (SELECT count(*) FROM json_each(OLD.version)) >= 64))"
        f" BEGIN SELECT RAISE(ABORT, '{VERSION_FULL}'); END")
    pairs = ", ".join(f"'{c}', OLD.{c}" for c in _columns(db, table) if c != "signed_set")
    db.execute(  # 0008: the record's last few earlier states
        f"CREATE TRIGGER {table}_snapshot BEFORE UPDATE ON {table} BEGIN"
        " INSERT OR IGNORE INTO record_snapshots (table_name, record_id, version, row_json)"
        f" VALUES ('{table}', OLD.id, OLD.version, json_object({pairs}));"
        f" DELETE FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id AND rowid NOT IN"
        f" (SELECT rowid FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id"
        f" ORDER BY rowid DESC LIMIT {SNAPSHOTS_KEPT}); END")
    settled = (f"table_name = '{table}' AND record_id = NEW.id AND resolved = 0"
               f" AND {_descends('NEW.version', 'losing_json')} AND {_descends('NEW.version', 'winning_json')}")
    db.execute(  # 0010: a conflict closed by a version descending from both sides
        f"CREATE TRIGGER {table}_conflicts_settled AFTER UPDATE OF version ON {table}"
        " WHEN NEW.version IS NOT OLD.version BEGIN"
        f" UPDATE exchange_conflicts SET resolved = 1, resolved_at = NEW.modified_at WHERE {settled}; END")
    for event, row, local in (("INSERT", "NEW", "NEW.version = '{}' AND NEW.signed_set IS NULL"),
                              ("UPDATE", "OLD", "NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set")):
        s = school_of_row.replace("ROW", row)
        foreign = (  # 0016, word for word
            f"(CASE WHEN EXISTS (SELECT 1 FROM school_statements WHERE school_id = {s})"
            " THEN NOT EXISTS (SELECT 1 FROM school_statements AS st, json_each(st.statement, '$.owners') AS o"
            f" WHERE st.school_id = {s} AND (json_extract(o.value, '$.installation_id') = NEW.modified_by"
            " OR json_extract(o.value, '$.fingerprint') = (SELECT value FROM installation"
            " WHERE key = 'key_of:' || NEW.modified_by)))"
            f" ELSE EXISTS (SELECT 1 FROM school_signers WHERE school_id = {s} AND how <> 'by_hand') END)"
            f" AND NOT EXISTS (SELECT 1 FROM school_signers WHERE school_id = {s} AND installation_id = NEW.modified_by)"
            f" AND NOT EXISTS (SELECT 1 FROM accepting_changes WHERE record_id IN (NEW.id, {s}))"
        )
        db.execute(f"CREATE TRIGGER {table}_owned_{event.lower()} BEFORE {event} ON {table} WHEN {local}"
                   f" AND {foreign} BEGIN SELECT RAISE(ABORT, '{NOT_OWNER}'); END")
    remake_counter_triggers(db)


def remake_counter_triggers(db: Database) -> None:
    """0012/0017's version and clean-up triggers of every versioned table again, naming every
    versioned and append-only table of the live schema (a seal stays while any row names it)."""
    # _counter_triggers names 0005's VERSIONED and the tables it is given: giving it the live
    # versioned tables as well names the new ones (the old ones twice, which changes nothing).
    named = (*versioned_tables(db), *append_only_tables(db))
    for table in versioned_tables(db):
        for trigger in ("version_on_insert", "version_on_update", "cleanup_on_delete"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
        for statement in _counter_triggers(table, named):
            db.execute(statement)
    db.execute("DROP TRIGGER pending_changes_seal_on_decision")
    db.execute(_decision_trigger(named))


BUDGET_KINDS = ("equipment", "construction", "renovation", "multi_year")


@migrations(name="0019_budget_requests")
def m0019_budget_requests(db: Database) -> None:
    """Issue 14 (part 1): a school's budget requests (คำขอรับการสนับสนุนงบประมาณ, seed 001 section ๔),
    one row per item and fiscal year (BE): the kind (ครุภัณฑ์ ``equipment``; ที่ดินและสิ่งก่อสร้าง as
    single-year ``construction``, single-year ``renovation`` (repair) or ``multi_year`` large building,
    งบผูกพัน, over ``span_years``), description, quantity and unit, the unit price in satang (1/100
    baht, an integer so sums are exact; the amount is quantity × unit price, computed, never stored),
    the component and items it serves (codes separated by spaces), priority and justification;
    removed items are kept (``deleted``). Owned by the school like its network schools.
    ``budget_approvals``: what the office approved of each item (satang) and its note; the office's
    own decision, kept at its laptop (it does not travel yet, exchange/records.NEVER_TRAVELS)."""
    _run(db, f"""
CREATE TABLE budget_requests (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    kind TEXT NOT NULL CHECK (kind IN ('equipment', 'construction', 'renovation', 'multi_year')),
    description TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 0 AND 10000),
    unit TEXT NOT NULL DEFAULT '',
    unit_price_satang INTEGER NOT NULL DEFAULT 0 CHECK (unit_price_satang BETWEEN 0 AND 100000000000),
    span_years INTEGER NOT NULL DEFAULT 1 CHECK (span_years BETWEEN 1 AND 10),
    scope_codes TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 99),
    justification TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED},
    version TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(version)),
    signed_set TEXT
);
CREATE INDEX budget_requests_school_year ON budget_requests (school_id, fiscal_year);
CREATE TABLE budget_approvals (
    request_id TEXT PRIMARY KEY REFERENCES budget_requests(id),
    approved_satang INTEGER CHECK (approved_satang IS NULL OR approved_satang >= 0),
    note TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL
)
""")
    school_owned_triggers(db, "budget_requests", "ROW.school_id")
