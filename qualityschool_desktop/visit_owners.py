"""Who may change a visit here: the installation that made it (issue 10).

A visit, with its findings, people and attachments, belongs to the installation that made it
(``visits.made_by``, see ``exchange/owners.py``). A visit that came by exchange from another
installation is neither reopened, finalised nor changed here: the write path of :mod:`.visits`
asks :func:`require_made_here` first, so a supervisor's colleague or the school cannot rewrite
the record the supervisor signed (the import side already keeps such a change pending). Its
follow-ups stay open to an answer (the school reports what it did).

A supervisor who reinstalled has a new key and so a new installation: the visits her old one made
pass to the new key only by a person's deliberate act in a database (``signers --bind NEW
--visits-of OLD``, :func:`~.exchange.bindings.bind_visits`), kept there as
``installation.visits_of:<old installation>`` = the new key's fingerprint (:func:`rebound_to`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

from .errors import OwnershipError

if TYPE_CHECKING:
    from .storage import CoreDatabase


class Made(Protocol):
    """A record with its maker: a :class:`~.visit_records.Visit`."""

    @property
    def made_by(self) -> str:
        """The installation that made the record."""


V = TypeVar("V", bound=Made)

NOT_MADE_HERE = (
    "บันทึกการนิเทศนี้มาจากไฟล์แลกเปลี่ยนและเป็นของเครื่องที่บันทึก เครื่องนี้จึงแก้ไขไม่ได้"
    " แก้ไขได้ที่เครื่องที่บันทึกการนิเทศ แล้วส่งไฟล์แลกเปลี่ยนมาใหม่ ข้อมูลเดิมยังอยู่ครบ"
)


REBOUND = "visits_of:"  # installation table: the visits of <old installation> belong to this key here


def rebound_to(db: "CoreDatabase", made_by: str) -> str:
    """The fingerprint (64 hex digits) of the key the visits ``made_by`` made were re-bound to
    in this database, ``""`` when they were not. Reads only."""
    row = db.execute("SELECT value FROM installation WHERE key = ?", [REBOUND + made_by]).fetchone()
    return str(row[0]) if row else ""


def owned_elsewhere(db: "CoreDatabase", installation_id: str, visit: Made) -> bool:
    """True when an installation other than ``installation_id`` made ``visit`` and it came here
    by exchange (its maker is a sender known here, in ``signers``), unless a person here re-bound
    that maker's visits to this installation's own key (:func:`rebound_to`). False for a visit
    made here, or one of a database's own from before exchange (no maker, or one never seen as a
    sender)."""
    if not visit.made_by or visit.made_by == installation_id:
        return False
    if db.execute("SELECT 1 FROM signers WHERE installation_id = ?", [visit.made_by]).fetchone() is None:
        return False
    own_key = db.execute("SELECT value FROM installation WHERE key = ?", [f"key_of:{installation_id}"]).fetchone()
    return not (own_key and own_key[0] and rebound_to(db, visit.made_by) == own_key[0])


def require_made_here(db: "CoreDatabase", installation_id: str, visit: V) -> V:
    """``visit`` itself when this installation (``installation_id``) may change it; raises
    :class:`~.errors.OwnershipError` (Thai, reason ``"not_owner"``) when another made it
    (:func:`owned_elsewhere`). Reads only."""
    if owned_elsewhere(db, installation_id, visit):
        raise OwnershipError(NOT_MADE_HERE, "not_owner")
    return visit
