"""Each framework's item codes in the database, so that SQLite keeps answers to them (issue 16).

Frameworks are files bundled with the app (:mod:`.framework`), not rows: until migration 0031
nothing in the schema stopped an answer naming an item its round's framework does not have (only
the write paths refused one: ``answers.set_level``, the import's ``lineage.check_codes``), so the
district picture's sums had to filter every answer row against the framework's codes.

``framework_items`` holds (framework id, version, item code) for every framework registered here:
by migration 0031 for the frameworks bundled with the app, and by :func:`register` when a
workspace opens with frameworks the table does not hold yet (a newer app's, or a test's). The
triggers of 0031 refuse, with ``RAISE(ABORT, 'qsd:unknown_item_code')``, an answer whose item code
its assessment's framework lacks (inserted, or moved to another item or round), and a change of a
round's framework that would leave such an answer. An answer of a round whose framework is not
registered is refused too (the app could not score it: :meth:`.framework.FrameworkRegistry.get`).

Rows written before the guarantee (by raw SQL or another tool) are not deleted: registering a
framework moves its rounds' answers to codes it lacks into ``answers_set_aside`` (the whole row as
JSON, with when), where nothing scores or shows them — the item-by-item scoring ignored them already.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from .framework import Framework
from .storage import UNKNOWN_CODE_MARK

__all__ = ["UNKNOWN_CODE_MARK", "codes_held", "register"]


def codes_held(conn: Any, framework: Framework) -> bool:
    """True when ``framework_items`` holds exactly ``framework``'s item codes, so that every
    answer of a round judged against it names one of them (the triggers of migration 0031).
    Reads ~one index row per item; writes nothing (any connection, read-only too)."""
    held = {row[0] for row in conn.execute(
        "SELECT item_code FROM framework_items WHERE framework_id = ? AND framework_version = ?",
        [framework.id, framework.version])}
    return held == {item.code for item in framework.items}


def register(conn: Any, frameworks: Iterable[Framework], now: str) -> int:
    """Make ``framework_items`` hold each of ``frameworks``' item codes exactly (codes it no longer
    has removed) and set aside the answers of its rounds to codes it lacks (moved to
    ``answers_set_aside``, their typing bursts dropped). Does nothing for a framework already
    held; the caller holds the write transaction. Returns how many answers were set aside."""
    set_aside = 0
    for framework in frameworks:
        if codes_held(conn, framework):
            continue
        key = [framework.id, framework.version]
        conn.execute("DELETE FROM framework_items WHERE framework_id = ? AND framework_version = ?", key)
        conn.executemany("INSERT INTO framework_items (framework_id, framework_version, item_code) VALUES (?, ?, ?)",
                         [(*key, item.code) for item in framework.items])
        set_aside += _set_aside(conn, key, now)
    return set_aside


def _set_aside(conn: Any, key: list[str], now: str) -> int:
    columns = [row[1] for row in conn.execute("PRAGMA table_info(answers)")]
    row_json = "json_object(" + ", ".join(f"'{c}', x.{c}" for c in columns) + ")"
    stray = ("SELECT x.id FROM answers AS x JOIN assessments AS a ON a.id = x.assessment_id"
             " WHERE a.framework_id = ?1 AND a.framework_version = ?2 AND NOT EXISTS (SELECT 1 FROM framework_items AS f"
             " WHERE f.framework_id = ?1 AND f.framework_version = ?2 AND f.item_code = x.item_code)")
    ids = [row[0] for row in conn.execute(stray, key)]
    if not ids:
        return 0
    marks = json.dumps(ids)
    conn.execute(f"INSERT OR REPLACE INTO answers_set_aside (id, assessment_id, item_code, row_json, set_aside_at)"
                 f" SELECT x.id, x.assessment_id, x.item_code, {row_json}, ? FROM answers AS x"
                 " WHERE x.id IN (SELECT value FROM json_each(?))", [now, marks])
    conn.execute("DELETE FROM pending_edits WHERE answer_id IN (SELECT value FROM json_each(?))", [marks])
    conn.execute("DELETE FROM answers WHERE id IN (SELECT value FROM json_each(?))", [marks])
    return len(ids)
