"""Bindings that wait for their key: a school's new laptop bound by the 8 groups read over the phone.

A person binds a laptop to a school by the fingerprint that laptop shows (``signers --bind
ABCD-EF12-… --school CODE``, or the window's ผู้ส่งข้อมูล › "ผูกเครื่องใหม่ด้วยลายนิ้วมือ…"). When no file
of that laptop has come here yet, this database knows no key to bind: the binding *waits* here,
the fingerprint prefix (at least 32 hex digits, the 8 groups) → the school, with who bound it and
when. When a file arrives that names a key whose full fingerprint starts with that prefix, the
import binds that key to the school exactly as a binding by the full fingerprint would
(``bindings.bind``: ``how = 'by_hand'``, and at a laptop that speaks for the school its next
statement names the key), before the file's records are decided, so that file's changes of the
school apply as the owner's; the waiting binding is then resolved (gone). ``signers`` lists the
waiting ones, ``signers --unbind PREFIX --school CODE`` removes one.

Why a prefix is enough: 32 hex digits are 128 bits of the key's SHA-256. To get a binding meant
for the real laptop, a stranger must make a key whose fingerprint starts with those very 128 bits
(a second preimage of a truncated SHA-256): about 2**128 tries, far beyond reach. The birthday
bound (2**64) does not help: the prefix is fixed by the real laptop's key, not chosen by the
stranger.

Stored in the ``installation`` key/value table (as ``visits_of:`` re-bindings and office keys are),
one entry per school and prefix: ``waiting_bind:<school id>:<prefix>`` → JSON ``{"by": installation
id, "by_name": its name, "at": ISO time}``, so no migration is needed. Like every binding by hand,
it is this database's own and never travels in a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ..clock import now_iso

if TYPE_CHECKING:
    import sqlite3

KEY = "waiting_bind:"
PREFIX_DIGITS = 32  # 8 groups of 4 hex digits: 128 bits


@dataclass(frozen=True, slots=True)
class WaitingBinding:
    """A binding waiting for its key's first file: ``prefix`` (lower-case hex, 32 to 63 digits)
    → the school ``school_id`` (``school_code`` when the school is here, else ""), bound by the
    installation ``bound_by`` (named ``bound_by_name``) at ``bound_at`` (ISO, UTC)."""

    school_id: str
    prefix: str
    bound_by: str
    bound_by_name: str
    bound_at: str
    school_code: str = ""

    @property
    def groups(self) -> str:
        """The prefix as a person typed it back: groups of four upper-case digits with dashes."""
        digits = self.prefix.upper()
        return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))

    def matches(self, fingerprint: str) -> bool:
        """True when the key ``fingerprint`` (64 hex digits) starts with this prefix."""
        return fingerprint.lower().startswith(self.prefix)


def _key(school_id: str, prefix: str) -> str:
    return f"{KEY}{school_id}:{prefix}"


def add(conn: "sqlite3.Connection", school_id: str, prefix: str, bound_by: str, bound_by_name: str) -> WaitingBinding:
    """Keep a waiting binding (inside the caller's transaction); binding the same prefix to the
    same school again keeps the first one's who and when. Returns it."""
    found = [w for w in all_waiting(conn) if w.school_id == school_id and w.prefix == prefix]
    if found:
        return found[0]
    waiting = WaitingBinding(school_id, prefix, bound_by, bound_by_name, now_iso())
    conn.execute("INSERT INTO installation (key, value) VALUES (?, ?)", [
        _key(school_id, prefix),
        json.dumps({"by": bound_by, "by_name": bound_by_name, "at": waiting.bound_at}, ensure_ascii=False)])
    return waiting


def remove(conn: "sqlite3.Connection", waiting: WaitingBinding) -> None:
    """Drop a waiting binding (inside the caller's transaction)."""
    conn.execute("DELETE FROM installation WHERE key = ?", [_key(waiting.school_id, waiting.prefix)])


def all_waiting(conn: "sqlite3.Connection") -> list[WaitingBinding]:
    """Every waiting binding here, oldest first (school codes not filled in)."""
    found = []
    for key, value in conn.execute(
        "SELECT key, value FROM installation WHERE substr(key, 1, ?) = ?", [len(KEY), KEY]
    ):
        school_id, _, prefix = str(key)[len(KEY):].partition(":")
        try:
            data = json.loads(value)
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        found.append(WaitingBinding(school_id, prefix, str(data.get("by", "")), str(data.get("by_name", "")),
                                    str(data.get("at", ""))))
    return sorted(found, key=lambda w: (w.bound_at, w.prefix))


def matching(conn: "sqlite3.Connection", fingerprints: Iterable[str]) -> list[tuple[WaitingBinding, str]]:
    """The waiting bindings whose prefix starts one of ``fingerprints``, each with that fingerprint."""
    keys = sorted(set(fingerprints))
    return [(w, fp) for w in all_waiting(conn) for fp in keys if w.matches(fp)]


def school_here(conn: "sqlite3.Connection", school_id: str) -> str | None:
    """The id the school bound to has here now: ``school_id``, or the school a person said it is
    the same as (``school_aliases``); None when it is gone."""
    from ..schools import code_and_name  # the schools table's SQL lives in schools.py

    if code_and_name(conn, school_id) is not None:
        return school_id
    row = conn.execute("SELECT school_id FROM school_aliases WHERE old_id = ?", [school_id]).fetchone()
    return str(row[0]) if row else None
