"""A round's history with the office: the office's decisions (``review_decisions``) and the steps
of the round's way between the school and the office, as :class:`~qualityschool_desktop.review.Reviews`
answers them. Their own module, imported when a history is read: the school list reads review
states only (issue 16: its classes are not made on the way to "ready")."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .decisions import DECISIONS


@dataclass(frozen=True)
class Decision:
    """One decision of the office on a round: ``decision`` ``"accepted"`` or ``"returned"``
    (labels in :data:`DECISIONS`), ``comment`` the office's text (may be ""), ``office_name`` as
    typed, ``decided_at`` a UTC stamp, ``decided_by`` the installation that decided,
    ``reviewed_version`` the assessment's version (JSON text) the office read."""

    id: str
    assessment_id: str
    reviewed_version: str
    decision: str
    comment: str
    office_name: str
    decided_at: str
    decided_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Decision":
        """The decision in a row of ``review_decisions`` (other columns ignored)."""
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def label(self) -> str:
        """ผ่าน or ส่งกลับแก้ไข."""
        return DECISIONS[self.decision]


STEPS = {"submitted": "โรงเรียนส่งแบบประเมิน", "reopened": "โรงเรียนเปิดแก้ไข", "accepted": "สำนักงานตรวจแล้ว: ผ่าน",
         "returned": "สำนักงานส่งกลับแก้ไข"}


@dataclass(frozen=True)
class Step:
    """One step of a round's history with the office: ``at`` a UTC stamp, ``kind`` a key of
    :data:`STEPS` (``submitted``, ``reopened``, ``accepted``, ``returned``), the office's
    ``comment`` and ``office_name`` (``""`` for the school's steps), ``by`` the installation."""

    at: str
    kind: str
    comment: str
    office_name: str
    by: str

    @property
    def label(self) -> str:
        """The step in Thai (:data:`STEPS`)."""
        return STEPS[self.kind]


__all__ = ["STEPS", "Decision", "Step"]
