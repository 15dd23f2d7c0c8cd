"""Record ids: the identity a record keeps on every laptop it travels to.

An id is made once, where the record is made, and never changes: merges, seals and references all
go by it (``exchange/versions.py``). Most records take a random one (:func:`new_id`); an answer's id
is made from its round and item instead (``answers.answer_id_for``), so that two laptops of one
school answering the same item make the same record.
"""

from __future__ import annotations

import uuid

__all__ = ["new_id"]


def new_id() -> str:
    """A new random record id: a version-4 UUID as 36 characters of text
    (``"6f1c2a9e-…-4b1d…"``), the form every ``id`` column checks (``length(id) = 36``)."""
    return str(uuid.uuid4())
