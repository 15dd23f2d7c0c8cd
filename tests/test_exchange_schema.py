"""One schema source for the exchange (STYLE.md, "One schema source").

* Every table of the live schema is exchanged or named in ``NEVER_TRAVELS``; every column of an
  exchanged table travels or is named in ``STAYS_LOCAL``. A migration that adds either fails here
  until someone decides, and the exchange refuses to run meanwhile.
* The validator's rules agree with the schema (types, NOT NULL, defaults, references, unique keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.exchange import ExchangeError, export_file, preview_import
from qualityschool_desktop.exchange.records import (
    KIND_LABELS,
    NEVER_TRAVELS,
    REFERENCES,
    RULES,
    STAYS_LOCAL,
    TABLES,
    UNIQUE_KEYS,
    schema_problems,
)
from qualityschool_desktop.workspace import Workspace


# -- the schema, read here with SQLite's own pragmas (not through the exchange) ------------------


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    default: str | None  # SQL text of the DEFAULT clause
    primary_key: bool


def schema_tables(db: Any) -> list[str]:
    """Every table of the schema but SQLite's own."""
    return [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name")]


def schema_columns(db: Any, table: str) -> list[Column]:
    return [Column(row[1], row[2].upper(), bool(row[3]), row[4], bool(row[5]))
            for row in db.execute(f'PRAGMA table_info("{table}")')]


def compared_columns(db: Any, table: str) -> list[Column]:
    """The schema's columns of ``table`` but those deliberately kept local."""
    return [column for column in schema_columns(db, table) if column.name not in STAYS_LOCAL.get(table, {})]


def _default_of(db: Any, column: Column) -> Any:
    return db.execute(f"SELECT {column.default}").fetchone()[0] if column.default is not None else None


# -- every table and column is classified ------------------------------------------------------


def test_every_table_and_column_of_the_schema_is_classified(memory_workspace: Workspace) -> None:
    assert schema_problems(memory_workspace.db) == []
    db = memory_workspace.db
    for table in schema_tables(db):
        if table in NEVER_TRAVELS:
            continue
        names = {column.name for column in schema_columns(db, table)}
        assert names == set(RULES[table]) | set(STAYS_LOCAL.get(table, {})), table
    assert set(TABLES) | set(NEVER_TRAVELS) == set(schema_tables(db))
    assert set(KIND_LABELS) == set(TABLES)
    # A decision comes with its reason.
    reasons = [*NEVER_TRAVELS.values(), *(why for columns in STAYS_LOCAL.values() for why in columns.values())]
    assert all(isinstance(why, str) and len(why.split()) >= 5 for why in reasons)


def test_a_new_column_or_table_is_reported_and_the_exchange_refuses(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    """What a migration nobody classified does: the schema test names it, and no file is written
    or read that would silently leave the new column at home."""
    workspace = memory_workspace
    before = export_file(workspace, tmp_path / "before").path
    workspace.db.execute("ALTER TABLE visits ADD COLUMN mood TEXT NOT NULL DEFAULT ''")
    workspace.db.execute("CREATE TABLE visit_ratings (id TEXT PRIMARY KEY)")
    problems = schema_problems(workspace.db)
    assert any(p.startswith("visits.mood:") for p in problems)
    assert any(p.startswith("visit_ratings:") for p in problems)
    assert len(problems) == 2
    with pytest.raises(ExchangeError, match="visits.mood"):
        export_file(workspace, tmp_path / "after")
    with pytest.raises(ExchangeError, match="visits.mood"):
        preview_import(workspace, before)
    assert not (tmp_path / "after.qsx").exists()


def test_a_rule_for_a_column_the_schema_lacks_is_reported(
    memory_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, "visits", {**RULES["visits"], "weather": RULES["visits"]["notes"]})
    assert schema_problems(memory_workspace.db) == ["visits.weather: named in RULES or STAYS_LOCAL but not in the schema"]


# -- the validator agrees with the schema ------------------------------------------------------

_WRONG_TYPE = {"TEXT": [1, 1.5, True, [], {}], "INTEGER": ["1", 1.5, True, [], {}], "REAL": ["1", True, [], {}]}


def test_every_rule_is_at_least_as_strict_as_the_schema(memory_workspace: Workspace) -> None:
    db = memory_workspace.db
    for table in TABLES:
        for column in compared_columns(db, table):
            rule = RULES[table][column.name]
            where = f"{table}.{column.name}"
            if column.not_null or column.primary_key:
                # SQLite lets a TEXT primary key be NULL (a legacy quirk); the exchange does not.
                assert not rule(None), f"{where} accepts NULL, which the schema refuses"
            else:
                assert rule(None), f"{where} refuses NULL, which the schema allows"
            for value in _WRONG_TYPE[column.type]:
                assert not rule(value), f"{where} accepts {value!r} for a {column.type} column"
            if column.default is not None:
                # What a fresh record here holds, a record from another laptop may hold too.
                assert rule(_default_of(db, column)), f"{where} refuses its own default {column.default}"


def test_references_and_unique_keys_cover_the_schema(memory_workspace: Workspace) -> None:
    db = memory_workspace.db
    for table in TABLES:
        declared = {(row[3], row[2]) for row in db.execute(f'PRAGMA foreign_key_list("{table}")')}
        assert declared <= set(REFERENCES.get(table, ())), table
        unique = set()
        for index in db.execute(f'PRAGMA index_list("{table}")'):
            if index[2]:  # unique
                unique.add(tuple(row[2] for row in db.execute(f'PRAGMA index_info("{index[1]}")')))
        assert unique - {("id",)} == ({UNIQUE_KEYS[table]} if table in UNIQUE_KEYS else set()), table
    for table, refs in REFERENCES.items():
        assert all(target in TABLES for _column, target in refs)
