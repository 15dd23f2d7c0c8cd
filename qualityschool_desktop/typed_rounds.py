"""Where the same-school mappings kept here are stored, read without the exchange package.

An office's "this is the same school" (``exchange/same_school.py``) keeps each mapping in the
``installation`` key/value table under ``same_school:<typed school id>``: the typed school and each
typed round that gave way to the school's own. The answers' history reads the typed rounds behind a
round here (try27 F5) and the exchange reads the aliases: one reading of that storage for both, in
a module that imports nothing of the exchange (which imports the answers).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

KEY = "same_school:"
KEY_END = KEY[:-1] + chr(ord(KEY[-1]) + 1)  # the keys of mappings sort between KEY and this


def kept_line(value: str) -> tuple[dict[str, Any], bool]:
    """A kept value as (the mapping's line as it travels, whether it is *held*: makes ids give way)."""
    kept = json.loads(value)
    if "line" not in kept:  # kept before mappings said whether they were held (r27)
        return kept, True
    return kept["line"], bool(kept["held"])


def kept_aliases(conn: "sqlite3.Connection") -> tuple[dict[str, str], dict[str, str]]:
    """From the held mappings kept here: typed school id -> the school's own id, and typed round id
    -> the school's own round id (an import reads them once per file)."""
    schools: dict[str, str] = {}
    rounds: dict[str, str] = {}
    for (value,) in conn.execute("SELECT value FROM installation WHERE key >= ? AND key < ?", [KEY, KEY_END]):
        line, held = kept_line(value)
        if held:
            schools[line["typed_id"]] = line["school_id"]
            rounds.update((str(typed), str(own)) for typed, own in line["rounds"])
    return schools, rounds


def typed_rounds_of(conn: "sqlite3.Connection", round_id: str) -> list[str]:
    """The ids of the typed rounds that gave way to the round ``round_id`` (by the held mappings kept
    here), sorted; [] when none did."""
    return sorted(typed for typed, own in kept_aliases(conn)[1].items() if own == round_id)
