"""Whether this laptop acts as an office for a school (issues 13 and 14).

A school's own laptop (the one that made the school) never decides as its office: it neither
accepts nor returns its own self-assessment (``Reviews.decide``) nor records the office's approval
of its own budget requests (``BudgetRequests.set_approval``). Its decisions would count nowhere.
"""

from __future__ import annotations

from typing import Any

__all__ = ["acts_as_office"]


def acts_as_office(db: Any, school_id: str) -> bool:
    """Does this laptop act as an office for school ``school_id``? True when the school's records
    came from another laptop (a key learnt from a file is bound to it) or the database is the demo,
    which plays a district office; False at the school's own laptop, which made the school, and at
    any laptop whose own key is bound to the school (its second laptop). ``db``
    is a :class:`~qualityschool_desktop.storage.CoreDatabase`. Raises nothing."""
    demo = db.execute("SELECT 1 FROM installation WHERE key = 'demo' AND value = '1'").fetchone()
    if demo is not None:
        return True
    learnt = db.execute(
        "SELECT 1 FROM school_signers WHERE school_id = ? AND how <> 'by_hand'", [school_id]).fetchone()
    if learnt is None:
        return False
    import hashlib

    from . import keys  # only when a file's key is bound to the school

    # The school's second laptop: its own key is bound to the school (by the school's statement or
    # by hand), so it is the school's, never its office (s32 B2: it offered "ผ่าน / ส่งกลับแก้ไข").
    try:
        fingerprint = hashlib.sha256(keys.public_raw(keys.private_key())).hexdigest()  # signing.own_fingerprint
    except Exception:  # noqa: BLE001 - no key to compare: as before, the file's key makes it an office here
        return True
    own = db.execute("SELECT 1 FROM school_signers WHERE school_id = ? AND fingerprint = ?",
                     [school_id, fingerprint]).fetchone()
    return own is None
