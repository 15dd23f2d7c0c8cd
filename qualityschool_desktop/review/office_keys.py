"""Which area offices a key is bound here as (``review/offices.py`` keeps the bindings), apart
so that who a sender is (``exchange/senders.py``) can ask without loading the binding code."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..thai import office_name

if TYPE_CHECKING:
    import sqlite3

PREFIX = "office_key:"


def offices_of(conn: "sqlite3.Connection", fingerprint: str) -> list[str]:
    """The area offices (names with Arabic digits, Thai order of storage) the key ``fingerprint``
    (64 hex digits) is bound to here as their office; empty when none. Raises nothing."""
    found: list[str] = []
    for key, value in conn.execute("SELECT key, value FROM installation WHERE substr(key, 1, ?) = ? ORDER BY key",
                                   [len(PREFIX), PREFIX]):
        try:
            entries = json.loads(value)
        except ValueError:
            continue
        name = office_name(str(key)[len(PREFIX):])
        if any(isinstance(e, dict) and str(e.get("fingerprint", "")) == fingerprint
               for e in (entries if isinstance(entries, list) else [])) and name not in found:
            found.append(name)
    return found
