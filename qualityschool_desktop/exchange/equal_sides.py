"""Concurrent versions whose content is the same: no conflict for a person (s33 T4).

Two laptops of one school both press "เปิดแก้ไขอีกครั้ง" on the same submitted round, or set an
item to the same level, not knowing of each other: two versions made apart (``versions.compare``
says concurrent) in which every travelling column is the same but who made it, when, and its
version (:data:`BOOKKEEPING`). Asking a person to pick "ใช้ฉบับนี้" between them asks nothing.
So such a pair is never written to ``exchange_conflicts``; what happens instead:

* **At a laptop that owns the record** (:func:`ours_to_join`: the school's own laptop as the
  school's signed statement names it, or the school typed here; a visit's maker; a comment's
  writer; the office bound here as that office) the two are *joined*: one row, the same content,
  whose version is the least vector that descends from both (``versions.merged``) and whose
  ``modified_at``/``modified_by`` are the later of the two pairs (:func:`joined`). It is written as
  this laptop's own version (no seal: this laptop seals it when it exports, as the owner), so it
  travels to every laptop as a plain update, a later file of either side is older there, and a
  conflict kept before between the two sides closes (migration 0010's trigger).
* **At a laptop that does not own it** (a district, a supervisor) nothing is made: the
  higher-ranked side is in use, as for any conflict (``ownership.Ownership.ranks_higher``, the same
  on every laptop), and the school's joined version replaces it when it comes.

Why a join and not a new change as :func:`~.conflicts.use_version` makes (a counter of this
laptop's added): two of the school's laptops often meet each other's files crossing. Each adding a
change of its own would make two new versions that are again concurrent with the same content,
and so on at every crossing: versions made back and forth without end. The join adds no counter and
is the same row whichever laptop makes it and in whatever order the versions meet (the highest
counter of each laptop and the later stamp are each taken whatever the order), so the school's
laptops end on one row and exchanging again changes nothing: every laptop converges, as the
property test (``tests/test_exchange_property.py``) checks.

Why only at an owner: a version proves itself by its owner's seal (``seals.py``). A joined row is a
version nobody sealed; made at a laptop that does not own the record, it could travel only under
that laptop's seal, which a receiver keeps waiting ("รอตรวจสอบ") instead of applying. The school's
own laptop is judged strictly here (its key named in the school's signed statement, or the school
typed here), not by a binding a person made on this laptop alone (which other laptops never learn
of), so that a joined version is never one the others keep waiting.

A joined version that would leave no room for this laptop's next change (``versions.has_room``) is
not made; the higher-ranked side is used, as at a laptop that does not own the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import statements, versions
from .ownership import vector

if TYPE_CHECKING:
    from .ownership import Ownership
    from .decision import Decision

# The columns of a versioned record that say who changed it, when and after what: not its content.
BOOKKEEPING = frozenset({"version", "modified_at", "modified_by"})


def same_content(row: dict[str, Any], local: dict[str, Any]) -> bool:
    """True when ``row`` (as it travels) and ``local`` (the record here) hold the same content:
    every travelling column but :data:`BOOKKEEPING` is equal."""
    return all(local.get(column) == value for column, value in row.items() if column not in BOOKKEEPING)


def joined(row: dict[str, Any], local: dict[str, Any]) -> dict[str, Any]:
    """The one row that stands for two versions of the same content (``row``'s travelling columns):
    the version that descends from both, the later of the two (``modified_at``, ``modified_by``)
    pairs. The same whichever side is which, and joining it again with either side or with another
    version of the same content joins in any order to the same row."""
    later = max((str(row["modified_at"]), str(row["modified_by"])),
                (str(local["modified_at"]), str(local["modified_by"])))
    return {**row, "version": versions.dumps(versions.merged(vector(row), vector(local))),
            "modified_at": later[0], "modified_by": later[1]}


def ours_to_join(owners: "Ownership", table: str, row: dict[str, Any], local: dict[str, Any]) -> bool:
    """True when this laptop owns the record as every receiver will judge its seal (the module's
    docstring): each owner of the row, as it is here and as it arrives, is this installation."""
    roots = owners.roots(table, row, local)
    if not roots:
        return False  # its parent is not here: nobody to judge by
    for kind, key in roots:
        if kind == "school":
            if not _named_for_school(owners, key):
                return False
        elif kind in ("visit_maker", "author"):
            if key != owners.own:
                return False
        elif not owners.is_owner((kind, key), owners.own):
            return False
    return True


def _named_for_school(owners: "Ownership", school_id: str) -> bool:
    statement = statements.stored(owners.conn, school_id)
    if statement is None:
        return owners.made_here(school_id)
    return statement.names(owners.own, owners.own_fingerprint)


def settle(decision: "Decision", owners: "Ownership", table: str) -> None:
    """Turn ``decision``, a conflict of ``table`` whose sides have the same content
    (:func:`same_content`) with its ``winner`` ranked, into what happens instead: at an owner an
    update to the :func:`joined` row as this installation's own version, else an update to the
    incoming side when it ranks higher, or nothing ("unchanged"). Marks it ``same`` (counted as
    unchanged: nothing a person reads changes)."""
    row, local = decision.row, decision.local
    assert local is not None
    join = joined(row, local)
    if ours_to_join(owners, table, row, local) and versions.has_room(vector(join), owners.own):
        decision.action, decision.row, decision.signer, decision.seal_id = "update", join, owners.own, None
    else:
        decision.action = "update" if decision.winner == "theirs" else "unchanged"
    decision.winner = ""
    decision.same = True
