"""Versions: what happened to a record, told by counters, not by clocks.

Every record that can change carries a *version vector* in its ``version`` column: a small JSON
object, installation id → how many changes that installation has made to this record
(``{"6f1c…": 3, "a02e…": 1}``). The core's write path counts local edits (a trigger per table,
``migrations/``: every local write stamps ``modified_by`` with this installation, and the trigger
adds one to that installation's counter). An import writes the version it brings.

Why vectors, not one counter or a hybrid logical clock: a school may work on two laptops, and a
district relays records it does not own; a single owner counter cannot tell "this laptop had seen
that change" from "these two changes were made apart", and a hybrid clock orders concurrent changes
silently instead of reporting them. A vector answers exactly the question a merge asks, for a few
bytes per record (one entry per laptop that ever changed it):

* theirs **descends** from ours (every counter ≥, one >): the change happened after ours was seen –
  it applies, whatever the wall clocks say;
* ours descends from theirs: the file is older – nothing happens;
* neither: **concurrent** – a conflict; both versions are kept (``exchange_conflicts``), unless
  the two hold the same content (``equal_sides.py``: joined at an owner, never a person's to pick).

Concurrent versions are ordered by :func:`rank` so that every installation picks the same one,
whatever order the files arrive in: the sum of the counters first (it grows along every path of
changes, so a later version never ranks below one it descends from), then the record's digest.
Taking the higher of two is associative and commutative, which is why three laptops exchanging in
any order end with the same record.

Only a record's owners make versions that others adopt. A person who accepts a pending change
(``pending.py``) or picks a side of a conflict makes a *new local version*: the vector here plus one
change by this installation, never the sender's counters (a stranger could otherwise send
``{school: 1000}`` and make the school's next real edits "older" until its counter passed 1000). A
version that descends from both sides of a conflict closes that conflict wherever it is in use,
however it was made (an import, a choice, an accepted change or a local edit: the database's
trigger, migration 0010).
A version with no room for the receiver's next change (:func:`has_room`) is refused on import and
never made by a local write.
"""

from __future__ import annotations

import json
from typing import Any

from .. import validation

Vector = dict[str, int]

# The shape of the column is a rule like any other column's (validation.py); what it means is here.
parse = validation.parse_version
MAX_ENTRIES = validation.MAX_VERSION_ENTRIES


def is_vector(text: Any) -> bool:
    """True when ``text`` is a ``version`` column's vector (see :func:`parse`): the rule the
    exchange checks every incoming ``version`` with."""
    return parse(text) is not None


def descends(newer: Vector, older: Vector) -> bool:
    """True when ``newer`` has seen everything ``older`` has (every counter at least as high)."""
    return all(newer.get(key, 0) >= count for key, count in older.items())


def compare(theirs: Vector, ours: Vector) -> str:
    """``"same"``, ``"newer"`` (theirs descends from ours), ``"older"`` or ``"concurrent"``."""
    forward = descends(theirs, ours)
    backward = descends(ours, theirs)
    if forward and backward:
        return "same"
    if forward:
        return "newer"
    if backward:
        return "older"
    return "concurrent"


def merged(*vectors: Vector) -> Vector:
    """The least vector that descends from all of ``vectors`` (the highest counter of each)."""
    result: Vector = {}
    for vector in vectors:
        for key, count in vector.items():
            result[key] = max(result.get(key, 0), count)
    return result


def bumped(vector: Vector, installation_id: str) -> Vector:
    """``vector`` with one more change by ``installation_id``."""
    return {**vector, installation_id: vector.get(installation_id, 0) + 1}


def has_room(vector: Vector, installation_id: str) -> bool:
    """True when ``vector`` with one more change by ``installation_id`` is still a valid version
    (:func:`parse`: at most :data:`MAX_ENTRIES` installations, counters up to
    ``validation.MAX_INTEGER``). An import refuses a record whose version has no room for the
    receiver's next change, and a local write never makes one (the ``*_version_room`` triggers,
    migration 0008), so every version stored can be edited here and sent on: one rule on both sides."""
    count = vector.get(installation_id)
    if count is None:
        return len(vector) < MAX_ENTRIES
    return count < validation.MAX_INTEGER


def dumps(vector: Vector) -> str:
    """The ``version`` column's text for ``vector`` (keys sorted, no spaces)."""
    return json.dumps(vector, sort_keys=True, separators=(",", ":"))


def rank(vector: Vector, digest: bytes) -> tuple[int, bytes]:
    """The order of concurrent versions (higher wins): the total of the counters, then the digest."""
    return sum(vector.values()), digest


def made_here(version: str, modified_by: str, installation_id: str) -> bool:
    """True when a record whose ``version`` column is ``version`` (JSON text) and whose last writer
    is ``modified_by`` was typed or changed by ``installation_id`` (its counter in the vector; a
    record from before versions: its last writer), False when only files of other installations
    made it (retest30 N3: a record a forgotten key's file brought is not "typed here"). A version
    that does not parse counts as this installation's (the words said so before). Raises nothing."""
    vector = parse(version)
    if vector is None:
        return True
    return installation_id in vector if vector else modified_by == installation_id
