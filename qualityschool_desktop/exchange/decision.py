"""What an import does with one incoming row (:class:`Decision`): made by the merge's rules
(``merge_decide.py``), written by the store (``store.py``), kept for an owner by ``relayed.py``.
In a module of its own so that those modules share it without importing one another."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Decision:
    """What happens to one incoming row: ``insert``, ``update``, ``unchanged``, ``older``,
    ``conflict`` (``winner`` ours or theirs), ``pending`` (``reason``) or ``refused`` (a review
    decision by a key that is not the school's office here, or an office's own project by a key
    not bound as that area office's: neither written nor kept, the merge's warnings say why)."""

    action: str
    row: dict[str, Any]
    local: dict[str, Any] | None
    signer: str = ""  # the installation that vouches for the row
    seal_id: str | None = None  # the seal stored with the row (None: this laptop vouches for it)
    winner: str = ""
    reason: str = ""
    adopt: str | None = None  # a school: the id of the record typed here that this one replaces
    # The file that brought the row when it is not the store's: a change that waited, judged again
    # (``rejudge.py``) after a later file or a person made its signer the owner.
    source: str = ""
    # Concurrent with the record here but of the same content (``equal_sides.py``): no conflict; an
    # update (a joined version at an owner, or the higher-ranked side) or nothing, counted unchanged.
    same: bool = False

    @property
    def applies(self) -> bool:
        """True when the incoming row is written: an insert, an update, or a conflict it wins."""
        return self.action in ("insert", "update") or (self.action == "conflict" and self.winner == "theirs")


def is_deleted(row: dict[str, Any]) -> bool:
    """True when the row is a deleted record: ``deleted`` 1, or a visit its maker deleted
    (``deleted_at``, migration 0036; TEST35 T1: a visit arriving deleted counted as "ใหม่ 1")."""
    return row.get("deleted") == 1 or bool(row.get("deleted_at"))
