"""Migration 0020: the school's development plan (issue 14, Re-5-Steps step 2 "Reconstruct to goal").

Four school-owned tables, versioned and exchanged like network schools: ``plans`` (a span of BE
years, the round it started from), ``plan_goals`` (a goal per component, the items it means to
raise as a JSON list of item codes and the level it means them
to reach), ``plan_indicators`` (name, unit, baseline, a target and an
actual per BE year as JSON objects, who is responsible) and ``plan_activities`` (owner, start, end,
budget in whole baht, status). Each table gets the triggers every versioned table has (0007 seal
index, 0008 room and snapshots, 0010 conflicts closed, 0012/0017 counters and seal clean-up, 0016
owner check); the clean-up triggers of every versioned table are made again naming every table
that holds a seal, read from the live schema (so the order other new tables merge in does not
matter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _TRACKED, _run, migrations
from .owners import SNAPSHOTS_KEPT, VERSION_FULL, VERSIONED, _descends
from .records import NOT_OWNER, _counter_triggers, _decision_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

PLAN_TABLES = ("plans", "plan_goals", "plan_indicators", "plan_activities")
_PLAN_OF_ROW = "(SELECT school_id FROM plans WHERE id = ROW.plan_id)"
SCHOOL_OF_PLAN_ROW = {"plans": "ROW.school_id", "plan_goals": _PLAN_OF_ROW,
                      "plan_indicators": _PLAN_OF_ROW, "plan_activities": _PLAN_OF_ROW}

_COMMON = f"""    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED},
    version TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(version)),
    signed_set TEXT"""

_SCHEMA = f"""
CREATE TABLE plans (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    first_year INTEGER NOT NULL CHECK (first_year BETWEEN 2500 AND 2700),
    last_year INTEGER NOT NULL CHECK (last_year BETWEEN first_year AND first_year + 9),
    title TEXT NOT NULL DEFAULT '',
    base_year INTEGER CHECK (base_year IS NULL OR base_year BETWEEN 2500 AND 2700),
    base_round INTEGER CHECK (base_round IS NULL OR base_round >= 1),
{_COMMON}
);
CREATE INDEX plans_school ON plans (school_id);
CREATE TABLE plan_goals (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    plan_id TEXT NOT NULL REFERENCES plans(id),
    component_code TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    item_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(item_codes) AND json_type(item_codes) = 'array'),
    target_level INTEGER CHECK (target_level IS NULL OR target_level BETWEEN 1 AND 10),
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
{_COMMON}
);
CREATE INDEX plan_goals_plan ON plan_goals (plan_id);
CREATE TABLE plan_indicators (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    plan_id TEXT NOT NULL REFERENCES plans(id),
    goal_id TEXT,
    name TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    baseline REAL,
    targets TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(targets) AND json_type(targets) = 'object'),
    actuals TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(actuals) AND json_type(actuals) = 'object'),
    responsible TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
{_COMMON}
);
CREATE INDEX plan_indicators_plan ON plan_indicators (plan_id);
CREATE TABLE plan_activities (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    plan_id TEXT NOT NULL REFERENCES plans(id),
    goal_id TEXT,
    name TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL DEFAULT '' CHECK (starts_on = '' OR date(starts_on) = starts_on),
    ends_on TEXT NOT NULL DEFAULT '' CHECK (ends_on = '' OR date(ends_on) = ends_on),
    budget_baht INTEGER CHECK (budget_baht IS NULL OR budget_baht >= 0),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'doing', 'done', 'cancelled')),
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
{_COMMON}
);
CREATE INDEX plan_activities_plan ON plan_activities (plan_id)
"""


def _sealed_tables(db: Database) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(versioned, append-only) tables of the live schema: those with a seal column, with and
    without a version."""
    names = [str(r[0]) for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    versioned: list[str] = []
    append_only: list[str] = []
    for name in names:
        columns = {str(r[1]) for r in db.execute(f'PRAGMA table_info("{name}")')}
        if "signed_set" in columns:
            (versioned if "version" in columns else append_only).append(name)
    return tuple(versioned), tuple(append_only)


def _owner_trigger(table: str, school: str, event: str) -> str:
    """0016's owner check, for one of the plan tables."""
    row, local = (("NEW", "NEW.version = '{}' AND NEW.signed_set IS NULL") if event == "INSERT" else
                  ("OLD", "NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set"))
    s = school.replace("ROW", row)
    foreign = (
        f"(CASE WHEN EXISTS (SELECT 1 FROM school_statements WHERE school_id = {s})"
        " THEN NOT EXISTS (SELECT 1 FROM school_statements AS st, json_each(st.statement, '$.owners') AS o"
        f" WHERE st.school_id = {s} AND (json_extract(o.value, '$.installation_id') = NEW.modified_by"
        " OR json_extract(o.value, '$.fingerprint') = (SELECT value FROM installation"
        " WHERE key = 'key_of:' || NEW.modified_by)))"
        f" ELSE EXISTS (SELECT 1 FROM school_signers WHERE school_id = {s} AND how <> 'by_hand') END)"
        f" AND NOT EXISTS (SELECT 1 FROM school_signers WHERE school_id = {s} AND installation_id = NEW.modified_by)"
        f" AND NOT EXISTS (SELECT 1 FROM accepting_changes WHERE record_id IN (NEW.id, {s}))"
    )
    return (f"CREATE TRIGGER {table}_owned_{event.lower()} BEFORE {event} ON {table} WHEN {local}"
            f" AND {foreign} BEGIN SELECT RAISE(ABORT, '{NOT_OWNER}'); END")


def _room_and_snapshot(db: Database, table: str) -> None:
    """0008's triggers for one table."""
    counter = "json_extract(OLD.version, '$.\"' || NEW.modified_by || '\"')"
    db.execute(
        f"CREATE TRIGGER {table}_version_room BEFORE UPDATE ON {table}"
        " WHEN NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set"
        f" AND (coalesce({counter}, 0) >= 9007199254740991"
        f" OR ({counter} IS NULL AND (SELECT count(*) FROM json_each(OLD.version)) >= 64))"
        f" BEGIN SELECT RAISE(ABORT, '{VERSION_FULL}'); END"
    )
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
    pairs = ", ".join(f"'{c}', OLD.{c}" for c in columns if c != "signed_set")
    db.execute(
        f"CREATE TRIGGER {table}_snapshot BEFORE UPDATE ON {table} BEGIN"
        " INSERT OR IGNORE INTO record_snapshots (table_name, record_id, version, row_json)"
        f" VALUES ('{table}', OLD.id, OLD.version, json_object({pairs}));"
        f" DELETE FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id AND rowid NOT IN"
        f" (SELECT rowid FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id"
        f" ORDER BY rowid DESC LIMIT {SNAPSHOTS_KEPT}); END"
    )
    settled = (f"table_name = '{table}' AND record_id = NEW.id AND resolved = 0"
               f" AND {_descends('NEW.version', 'losing_json')} AND {_descends('NEW.version', 'winning_json')}")
    db.execute(
        f"CREATE TRIGGER {table}_conflicts_settled AFTER UPDATE OF version ON {table}"
        " WHEN NEW.version IS NOT OLD.version BEGIN"
        f" UPDATE exchange_conflicts SET resolved = 1, resolved_at = NEW.modified_at WHERE {settled}; END"
    )


@migrations(name="0020_development_plans")
def m0020_development_plans(db: Database) -> None:
    """Issue 14: the school's development plan (แผนพัฒนาคุณภาพการศึกษา ตามองค์ประกอบ ๕ ด้าน, seed
    000), its goals, indicators with yearly targets (seed 003's table form) and activities; see the
    module's docstring. Years are BE, dates ISO (CE), budgets whole baht."""
    _run(db, _SCHEMA)
    for table in PLAN_TABLES:
        db.execute(f"CREATE INDEX {table}_signed_set ON {table} (signed_set) WHERE signed_set IS NOT NULL")
        _room_and_snapshot(db, table)
        for event in ("INSERT", "UPDATE"):
            db.execute(_owner_trigger(table, SCHOOL_OF_PLAN_ROW[table], event))
    versioned, append_only = _sealed_tables(db)
    # _unused_seal names 0005's VERSIONED tables and the ones it is given: give it every other
    # table that holds a seal, so a seal a plan row shares with a school's row is kept while named.
    others = (*(table for table in versioned if table not in VERSIONED), *append_only)
    for table in versioned:
        for trigger in ("version_on_insert", "version_on_update", "cleanup_on_delete"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
        for statement in _counter_triggers(table, others):
            db.execute(statement)
    db.execute("DROP TRIGGER pending_changes_seal_on_decision")
    db.execute(_decision_trigger(others))
