"""Migration 0032 (issue 16): the seals' clean-up through the view ``seal_users``, the same guarantee.

A seal goes when a local edit, a deletion or a decision leaves no sealed row and no waiting change
naming it; it stays while any row of any sealed table, or a waiting change, still names it. Each
sealed table is tried here on a file stopped before 0032 and on one migrated: the same outcomes.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from qualityschool_desktop.database import open_database

TEMPLATES: dict[str, Path] = {}


def _template(tmp_path_factory: pytest.TempPathFactory, which: str) -> Path:
    if which not in TEMPLATES:
        path = tmp_path_factory.mktemp("seal_users") / f"{which}.sqlite3"
        # "0032": the schema as 0032 left it (0033 keeps a superseded owner's version, and its seal with it)
        stop = {"before": "0032_seal_users", "0032": "0033_owner_versions"}.get(which)
        open_database(path, create=True, stop_before=stop).conn.close()
        TEMPLATES[which] = path
    return TEMPLATES[which]


def _connect(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, which: str) -> sqlite3.Connection:
    path = tmp_path / f"{which}.sqlite3"
    shutil.copy(_template(tmp_path_factory, which), path)
    conn = sqlite3.connect(path, isolation_level=None)
    # Rows of one table alone: no parent rows, no values the checks would want (the triggers are the subject).
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    return conn


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, bool, object]]:
    return [(str(r[1]), str(r[2]).upper(), bool(r[3]), r[4]) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _sealed(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    tables = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name")]
    named = {t: {c[0] for c in _columns(conn, t)} for t in tables}
    return ([t for t in tables if {"version", "signed_set"} <= named[t]],
            [t for t in tables if "signed_set" in named[t] and "version" not in named[t]])


def _seal(conn: sqlite3.Connection, number: int) -> str:
    seal = f"00000000-0000-4000-8000-{number:012d}"
    conn.execute("INSERT INTO seals VALUES (?, 'x', '2026-12-02T00:00:00Z', x'00', '')", [seal])
    return seal


def _row(conn: sqlite3.Connection, table: str, key: str, seal: str) -> int:
    """A row of ``table`` under ``seal`` as an import leaves it (a version, sealed); its rowid."""
    values: dict[str, object] = {}
    for name, kind, not_null, default in _columns(conn, table):
        if name == "signed_set":
            values[name] = seal
        elif name == "version":
            values[name] = '{"k1": 1}'
        elif name in ("id", "record_id") or (not_null and default is None):
            values[name] = key if "TEXT" in kind or not kind else abs(hash(key)) % 10**9
    names = ", ".join(values)
    return int(conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})",
                            list(values.values())).lastrowid or 0)


def _kept(conn: sqlite3.Connection, seal: str) -> bool:
    return conn.execute("SELECT 1 FROM seals WHERE id = ?", [seal]).fetchone() is not None


def _edit(conn: sqlite3.Connection, table: str, rowid: int) -> None:
    conn.execute(f"UPDATE {table} SET modified_at = '2026-12-02T01:00:00Z', modified_by = 'k1' WHERE rowid = ?",
                 [rowid])


def _outcomes(conn: sqlite3.Connection, table: str) -> list[bool]:
    """Whether each seal is still there after each step, for one sealed ``table``."""
    versioned, _append_only = _sealed(conn)
    other = "visits" if table == "schools" else "schools"
    seen: list[bool] = []
    # Named by a row of ``table`` and by a row of another versioned table: the other's edit keeps it.
    named_twice = _seal(conn, 1)
    mine = _row(conn, table, "mine-1", named_twice)
    theirs = _row(conn, other, "theirs-1", named_twice)
    _edit(conn, other, theirs)
    seen.append(_kept(conn, named_twice))
    if table in versioned:
        _edit(conn, table, mine)  # the last row under it, edited here: its seal goes
        seen.append(_kept(conn, named_twice))
        deleted = _seal(conn, 2)
        last = _row(conn, table, "mine-2", deleted)
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", [last])  # the last row under it, deleted
        seen.append(_kept(conn, deleted))
        waiting = _seal(conn, 3)
        gone = _row(conn, table, "mine-3", waiting)
        conn.execute("INSERT INTO pending_changes (id, table_name, record_id, row_json, seal_id, signer_installation,"
                     " signer_fingerprint, reason, received_at) VALUES ('p', ?, 'mine-3', '{}', ?, 'x', 'f', 'r', 't')",
                     [table, waiting])
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", [gone])
        seen.append(_kept(conn, waiting))  # a waiting change still names it
        conn.execute("UPDATE pending_changes SET decision = 'rejected' WHERE id = 'p'")
        seen.append(_kept(conn, waiting))
    else:
        # An append-only row keeps the seal until it moves to a newer one (as an import moves it).
        for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
                                       " AND sql LIKE '%RAISE%'", [table]).fetchall():
            conn.execute(f"DROP TRIGGER {trigger}")
        moved, newer = _seal(conn, 4), _seal(conn, 5)
        history = _row(conn, table, "mine-4", moved)
        edited = _row(conn, other, "theirs-4", moved)
        conn.execute(f"UPDATE {table} SET signed_set = ? WHERE rowid = ?", [newer, history])
        _edit(conn, other, edited)
        seen.append(_kept(conn, moved))  # the history moved on: the edit of the last row under it took it
        seen.append(_kept(conn, newer))
    return seen


def test_every_sealed_table_keeps_and_drops_seals_as_before(tmp_path_factory: pytest.TempPathFactory,
                                                            tmp_path: Path) -> None:
    before = _connect(tmp_path_factory, tmp_path, "before")
    versioned, append_only = _sealed(before)
    assert len(versioned) >= 16 and len(append_only) >= 7
    for table in (*versioned, *append_only):
        results = []
        for which in ("before", "0032"):
            path = tmp_path / table
            path.mkdir(exist_ok=True)
            conn = _connect(tmp_path_factory, path, which)
            conn.execute("BEGIN")
            results.append(_outcomes(conn, table))
            conn.execute("ROLLBACK")
            conn.close()
        expected = [True, False, False, True, False] if table in versioned else [True, False, True]
        assert results == [expected, expected], table


def test_the_triggers_are_those_of_before_but_for_one_clean_up_through_the_view(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    before, after = (_connect(tmp_path_factory, tmp_path, which) for which in ("before", "0032"))

    def triggers(conn: sqlite3.Connection) -> dict[str, str]:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())

    cleanup = re.compile(r"DELETE FROM seals WHERE id = (\S+) AND .*? AND NOT EXISTS \(SELECT 1 FROM pending_changes"
                         r" WHERE seal_id = \1 AND decision = ''\)")

    def one_clean_up(sql: str) -> str:
        return cleanup.sub(lambda m: f"<the clean-up of {m.group(1)}>", sql)

    old, new = triggers(before), triggers(after)
    assert old.keys() == new.keys()
    assert {name: one_clean_up(sql) for name, sql in old.items()} == {name: one_clean_up(sql) for name, sql in new.items()}
    changed = [name for name in old if old[name] != new[name]]
    assert len(changed) == 33 and all("seal_users" in new[name] for name in changed)
    text = [sum(len(sql) for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
            for conn in (before, after)]
    assert text[1] < text[0] * 0.65  # what every connection parses at its first statement


def test_the_view_names_every_sealed_table_through_its_seal_index(tmp_path_factory: pytest.TempPathFactory,
                                                                 tmp_path: Path) -> None:
    """A later migration adding a sealed table must remake the view (``remake_seal_cleanup``); the
    owners' versions a relay keeps (0033, ``owner_versions``) name their seals through it too."""
    conn = _connect(tmp_path_factory, tmp_path, "after")
    versioned, append_only = _sealed(conn)
    view = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'seal_users'").fetchone()[0]
    assert sorted(re.findall(r"FROM (\w+)", view)) == sorted((*versioned, *append_only, "owner_versions"))
    plan = [str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN SELECT 1 FROM seal_users WHERE signed_set = ?",
                                                ["x"])]
    searched = [line for line in plan if line.startswith("SEARCH ")]
    assert len(searched) == len(versioned) + len(append_only) + 1
    assert all("signed_set" in line or "owner_versions_seal" in line for line in searched)


def test_a_file_of_release_0_1_migrates_to_the_same_triggers_and_passes_its_integrity_check(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    from qualityschool_desktop.workspace import Workspace

    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-0.1.sqlite3", path)
    with sqlite3.connect(path) as old:
        (made_by,) = old.execute("SELECT modified_by FROM schools LIMIT 1").fetchone()
    with Workspace.open(path, installation=made_by) as workspace:  # migrated, its integrity checked as it opens
        school = workspace.schools.by_code("6301000001")
        assessment = workspace.assessments.find(school.id, 2569, 1)
        workspace.assessments.reopen(assessment.id)
        workspace.answers.set_level(assessment.id, "1.1.2", 3)
        workspace.answers.flush_pending()
    migrated = sqlite3.connect(path)
    assert migrated.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    fresh = _connect(tmp_path_factory, tmp_path, "after")

    def cleanup(conn: sqlite3.Connection) -> dict[str, str]:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql LIKE '%seal_users%'").fetchall())

    assert cleanup(migrated) == cleanup(fresh) and len(cleanup(fresh)) == 35  # 34 triggers (0034: a kept version's seal) and the view
    migrated.close()
