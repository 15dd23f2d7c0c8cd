"""The records of a supervision visit (การนิเทศ ติดตาม) as the core hands them out: the visit, its
people, findings, attachments and event log, the words of its kinds and states, and how a row of
the database becomes one. :mod:`.visits` reads and writes them; the report, the exchange and the
window read these values and never change them (they are frozen).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

VISIT_TYPES = {"onsite": "ลงพื้นที่ ณ โรงเรียน", "online": "ออนไลน์"}
# "ฉบับร่าง" as an assessment in the same state: "กำลังบันทึก" read as "saving…" (TEST31 T11).
STATUSES = {"draft": "ฉบับร่าง", "final": "ยืนยันแล้ว"}
SIDES = {"visitor": "คณะนิเทศ", "school": "ผู้ให้ข้อมูลของโรงเรียน"}
FINDING_TEXTS = ("observed", "evidence", "strengths", "to_develop", "recommendations")


# The order of a school's visits, the one rule for "ครั้งที่ n" and for what a visit carries from the
# earlier ones: the visit's date, then when it was recorded (the id breaks a tie). Not the start
# time: it is often left blank or typed later, and a second visit of the same day recorded
# without one sorted first (TEST34C C5).
VISIT_ORDER = ("visited_on", "created_at", "id")


def visit_order(row: Any) -> tuple[str, ...]:
    """The sort key of a visit (a :class:`Visit` or a row with its columns) in :data:`VISIT_ORDER`."""
    return tuple(str(row[key] if isinstance(row, dict) else getattr(row, key)) for key in VISIT_ORDER)


def from_row(cls: Any, row: dict[str, Any], *, flags: tuple[str, ...] = ()) -> Any:
    """The record ``cls`` (one of the dataclasses below) made from a database row: its fields by
    name, the ``flags`` turned from SQLite's 0/1 to bool."""
    values = {f.name: row[f.name] for f in fields(cls)}
    for flag in flags:
        values[flag] = bool(values[flag])
    return cls(**values)


@dataclass(frozen=True)
class Visit:
    """One supervision visit (การนิเทศ ติดตาม): ``visited_on`` an ISO date (Common Era),
    ``start_time``/``end_time`` ``"HH:MM"`` (24-hour) or ``""``, ``visit_type`` a key of
    :data:`VISIT_TYPES`, ``status`` ``"draft"`` or ``"final"`` (:data:`STATUSES`), the reviewed
    round (``assessment_id``, or None) and its framework; ``made_by`` is the installation that made
    it, its owner. Stamps are UTC text."""

    id: str
    school_id: str
    assessment_id: str | None
    framework_id: str
    framework_version: str
    visited_on: str  # ISO date
    start_time: str  # "HH:MM" or ""
    end_time: str
    visit_type: str
    purpose: str
    notes: str
    status: str
    created_at: str
    modified_at: str
    modified_by: str
    made_by: str = ""  # the installation that made the visit: its owner (see exchange/owners.py)

    @property
    def is_final(self) -> bool:
        """True once the record is signed by both sides (read-only until reopened)."""
        return self.status == "final"

    @property
    def visited_date(self) -> date:
        """``visited_on`` as a ``date`` (Common Era)."""
        return date.fromisoformat(self.visited_on)


@dataclass(frozen=True)
class Person:
    """Someone on a visit: ``side`` ``"visitor"`` (the supervising team) or ``"school"`` (who
    gave the school's information; :data:`SIDES`), ``position_order`` from 1 within a side."""

    id: str
    visit_id: str
    side: str
    position_order: int
    name: str
    position: str


@dataclass(frozen=True)
class Finding:
    """The supervisor's judgement of one component (``scope_code`` ``"1"`` … ``"5"``) or item
    (``"2.1.5"``): a level on the framework's scale or None, and the typed texts of
    :data:`FINDING_TEXTS`."""

    id: str
    visit_id: str
    scope_code: str
    level: int | None
    observed: str
    evidence: str
    strengths: str
    to_develop: str
    recommendations: str
    modified_at: str


@dataclass(frozen=True)
class VisitAttachment:
    """A photo or file seen on a visit, for a component or item (``scope_code``) or the whole
    visit (``""``): ``file_name`` is a label, never a path; ``size`` in bytes; ``sha256`` names the
    stored content."""

    id: str
    visit_id: str
    scope_code: str
    sha256: str
    file_name: str
    size: int
    media_type: str


@dataclass(frozen=True)
class VisitEvent:
    """A row of the append-only event log: ``event`` ``"finalised"`` or ``"reopened"`` (with the
    ``reason`` given), when (UTC stamp) and by which installation; ``person_name``: the member of
    the visiting team who did it, ``signed_findings``: what a confirmation confirmed
    (:mod:`.visit_revisions`; both None for the events recorded before migration 0037)."""

    seq: int
    id: str
    visit_id: str
    event: str
    reason: str
    happened_at: str
    happened_by: str
    person_name: str | None = None
    signed_findings: str | None = None
