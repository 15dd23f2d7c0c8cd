"""A review still answers the school's joined version of the round it judged (s34 data34 item 3).

A decision names the exact version of the round the office read (``reviewed_version``). Two
laptops of the school that submitted the same round apart make two versions of the same content;
the school's laptop joins them into one that descends from both (``exchange/equal_sides.py``, or an
old conflict settled by ``exchange/equal_kept.py``), and the joined version then replaces the judged
one wherever it travels. Compared by its version alone, the round waited for a review again
("รอตรวจ") though nothing the office read had changed.

:func:`still_judged` says whether the round as it is now is the judged submission under a later
version: its version descends from the judged one, the round's own fields are those of the judged
version (its row as it was, kept in ``record_snapshots`` when the later version replaced it), and
none of the round's answers or attachments changed here since then (no earlier state of theirs was
kept after the judged round's). A reopened and corrected round changes its answers (and its state
twice), so it waits for a new review as before. Reads only, a few index look-ups per round.
"""

from __future__ import annotations

import json
from typing import Any

# The columns that say who changed a record, when and after what, not what it holds
# (``exchange/equal_sides.BOOKKEEPING``), and the seal that stays local.
_NOT_CONTENT = frozenset({"version", "modified_at", "modified_by", "signed_set"})


def still_judged(conn: Any, assessment_id: str, reviewed: str, version: str) -> bool:
    """True when the round ``assessment_id`` at its ``version`` (JSON text, as stored now) holds the
    same content as at ``reviewed`` (the version a decision judged) under a version that descends
    from it (see the module's docstring); False when the two are the same text (the caller's plain
    case), or the judged state is not known here any more. Raises nothing but ``sqlite3.Error``."""
    if reviewed == version:
        return False
    then, now = _vector(reviewed), _vector(version)
    if not then or any(now.get(key, 0) < count for key, count in then.items()):
        return False
    kept = conn.execute("SELECT rowid, row_json FROM record_snapshots WHERE table_name = 'assessments'"
                        " AND record_id = ? AND version = ?", [assessment_id, reviewed]).fetchone()
    if kept is None:
        return False
    cursor = conn.execute("SELECT * FROM assessments WHERE id = ?", [assessment_id])
    row = cursor.fetchone()
    if row is None:
        return False
    current = dict(zip([column[0] for column in cursor.description], row))
    judged = json.loads(kept[1])
    if any(judged.get(column) != value for column, value in current.items() if column not in _NOT_CONTENT):
        return False
    # A join adds no change of the judged version's maker: a version that had seen its counter
    # would descend from the judged one, so the other side of a join holds less of it. A maker's
    # own correction after the judgement counts on from it.
    maker = str(judged.get("modified_by") or "")
    if now.get(maker, 0) != then.get(maker, 0):
        return False
    for table, row_json in conn.execute(
        "SELECT table_name, row_json FROM record_snapshots WHERE rowid > ?1 AND ("
        "(table_name = 'answers' AND record_id IN (SELECT id FROM answers WHERE assessment_id = ?2))"
        " OR (table_name = 'attachments' AND record_id IN (SELECT id FROM attachments WHERE assessment_id = ?2)))",
        [kept[0], assessment_id]
    ):
        before = json.loads(row_json)
        cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", [before.get("id")])
        row = cursor.fetchone()
        after = dict(zip([column[0] for column in cursor.description], row)) if row else {}
        if any(before.get(column) != value for column, value in after.items() if column not in _NOT_CONTENT):
            return False  # an answer or attachment of the round changed here after the judged version
    return True


def _vector(text: str) -> dict[str, int]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}
