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
    which plays a district office; False at the school's own laptop, which made the school. ``db``
    is a :class:`~qualityschool_desktop.storage.CoreDatabase`. Raises nothing."""
    learnt = db.execute(
        "SELECT 1 FROM school_signers WHERE school_id = ? AND how <> 'by_hand'", [school_id]).fetchone()
    demo = db.execute("SELECT 1 FROM installation WHERE key = 'demo' AND value = '1'").fetchone()
    return learnt is not None or demo is not None
