"""Moving append-only records to the school's own ids when a person says a school typed here is
the school in a file ("this is the same school", issue 10).

The district's contact log, comments, a typed round's events and review decisions are append-only
(migrations add ``<table>_no_update`` triggers): nothing may rewrite them. The one exception is the
person's decision that two records are one school: the rows then name the school's own record (and
its own round) instead of the typed one, with every other column as it was. The trigger is lifted
and put back, byte for byte, inside the import's transaction, so a rolled-back import leaves it as
it was and no other write ever runs without it.

Rows made on another laptop keep the seal they came with, which covered the typed id. They are
relayed in that form, with this office's signed mapping of the typed ids onto the school's own
(``same_school.py``): the receiver checks the author's seal on the form it sealed, takes the mapping
only from the typed record's owner, and moves the row as this office did. What remains: a receiver
that never saw the typed record believes a signer it knew before the file (``same_school.py``).
"""

from __future__ import annotations

import sqlite3

# (table, column, what the column references): the append-only rows that can name a typed school
# or a typed round.
BY_SCHOOL = (("contacts", "school_id"), ("comments", "school_id"))
BY_ROUND = (("assessment_events", "assessment_id"), ("review_decisions", "assessment_id"),
            ("comments", "assessment_id"))


# A visit and its follow-ups are their maker's, not append-only, but they too can name a typed school
# or round: "the same school" moves them in place as well (:func:`move_kept`), keeping their version,
# author and seal, so they travel on in the form their maker sealed (same_school.py; try27 F1b).
KEPT_BY_SCHOOL = (("visits", "school_id"), ("follow_ups", "school_id"))
KEPT_BY_ROUND = (("visits", "assessment_id"),)


def moving_rows(conn: sqlite3.Connection, school_id: str) -> dict[str, int]:
    """Per table (comments, contacts, visits, follow_ups), how many rows name the school typed here
    ``school_id`` or one of its rounds: what moves onto the school's own record when a person says
    they are the same (a round's own events and decisions move with it, not counted). Tables with
    none are absent."""
    rounds = [str(row[0]) for row in conn.execute("SELECT id FROM assessments WHERE school_id = ?", [school_id])]
    marks = ", ".join("?" * len(rounds))
    counts: dict[str, int] = {}
    for table in ("comments", "contacts", "visits", "follow_ups"):
        found: set[str] = set()
        for named, column in (*BY_SCHOOL, *KEPT_BY_SCHOOL):
            if named == table:
                found.update(row[0] for row in conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", [school_id]))
        for named, column in (*BY_ROUND, *KEPT_BY_ROUND):
            if named == table and rounds:
                found.update(row[0] for row in conn.execute(f"SELECT id FROM {table} WHERE {column} IN ({marks})", rounds))
        if found:
            counts[table] = len(found)
    return counts


def move_kept(conn: sqlite3.Connection, table: str, column: str, new: str, old: str) -> int:
    """Set ``column`` from ``old`` to ``new`` in ``table`` (:data:`KEPT_BY_SCHOOL`,
    :data:`KEPT_BY_ROUND`) as :func:`repoint` does: version, author, stamps and seal stay (the
    version trigger is set aside for the statement). Returns the rows moved; inside the caller's
    write transaction."""
    return _move_without(conn, f"{table}_version_on_update", table, column, new, old)


def repoint(conn: sqlite3.Connection, table: str, column: str, new: str, old: str) -> int:
    """Set ``column`` from ``old`` to ``new`` in append-only ``table``; returns the rows moved.
    Must run inside the caller's write transaction (the trigger comes back before it commits)."""
    return _move_without(conn, f"{table}_no_update", table, column, new, old)


def put_back(conn: sqlite3.Connection, table: str, row_id: str, values: dict[str, str]) -> None:
    """Set ``values`` (column -> id) on ``table``'s row ``row_id``, an append-only row or a kept one
    (:data:`KEPT_BY_SCHOOL`), its guarding trigger set aside for the statement as :func:`repoint`
    and :func:`move_kept` do: a forgotten key's same-school mapping taken back (``forgotten.py``).
    Inside the caller's write transaction."""
    kept = {name for name, _column in (*KEPT_BY_SCHOOL, *KEPT_BY_ROUND)}
    trigger = f"{table}_version_on_update" if table in kept else f"{table}_no_update"
    sets = ", ".join(f"{column} = ?" for column in values)
    _without(conn, trigger, f"UPDATE {table} SET {sets} WHERE id = ?", [*values.values(), row_id])


def take_off(conn: sqlite3.Connection, table: str, row_id: str) -> None:
    """Delete ``table``'s row ``row_id``; an append-only table's no-delete trigger is set aside for
    the statement and put back byte for byte (``forgotten.py`` keeps the row aside first). Inside
    the caller's write transaction."""
    _without(conn, f"{table}_no_delete", f"DELETE FROM {table} WHERE id = ?", [row_id])


def _move_without(conn: sqlite3.Connection, trigger: str, table: str, column: str, new: str, old: str) -> int:
    """``UPDATE table SET column = new WHERE column = old`` with ``trigger`` set aside for the
    statement (:func:`_without`); the rows moved."""
    if conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", [old]).fetchone() is None:
        return 0
    return _without(conn, trigger, f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [new, old])


def _without(conn: sqlite3.Connection, trigger: str, statement: str, params: list[str]) -> int:
    """Run ``statement`` with ``trigger`` set aside and put back byte for byte (also when the
    statement fails); the rows it changed."""
    found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [trigger]).fetchone()
    if found is not None:
        conn.execute(f"DROP TRIGGER {trigger}")
    try:
        return int(conn.execute(statement, params).rowcount)
    finally:
        if found is not None:
            conn.execute(found[0])
