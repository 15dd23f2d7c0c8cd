"""The contact log (issue 15): one line per contact with a school — the advice the seeds give by
phone and LINE — counted toward coverage where the rules say so (``rules.json``:
``contact_channels_counted``).

A line is ``contacts`` (migration 0023): the day (ISO, Common Era; not in the future), the channel
(:data:`~.rules.CHANNELS`), the topic (required), who took part, the school. It is owned by the
installation that wrote it (``written_by``) and append-only, so no other key can alter it; it
travels under its writer's seal (``exchange/owners.py``, owner kind ``author``). Importing this
module adds the table's rules to :mod:`~qualityschool_desktop.validation` (the write path and the
exchange check the same rules).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from .. import validation
from ..clock import now_iso, today
from ..errors import NotFoundError, ValidationError
from ..ids import new_id
from ..storage import CoreDatabase
from ..text import clean_text

if TYPE_CHECKING:
    from ..schools import Schools
from ..value_rules import CODE, STAMP, UUID, Rule, choice, line
from .rules import CHANNELS

NO_TOPIC = "โปรดพิมพ์เรื่องที่ติดต่อก่อนบันทึก"
FUTURE = "วันที่ติดต่อต้องไม่เป็นวันในอนาคต"
NO_SCHOOL = "ไม่พบโรงเรียนนี้"
BAD_CHANNEL = "ช่องทางการติดต่อต้องเป็น โทรศัพท์ LINE อีเมล พบตัว หรือ อื่น ๆ"

validation.RULES["contacts"] = {
    "id": UUID, "school_id": UUID, "contacted_on": Rule("date", required=True), "channel": choice(*CHANNELS),
    "topic": line(required=True), "who": line(), "written_at": STAMP, "written_by": CODE,
}
validation.FIELD_LABELS["contacts"] = {
    "contacted_on": "วันที่ติดต่อ", "channel": "ช่องทาง", "topic": "เรื่องที่ติดต่อ", "who": "ผู้ติดต่อ",
    "written_at": "เวลาที่บันทึก", "written_by": "เครื่องที่บันทึก",
}


@dataclass(frozen=True)
class Contact:
    """One line of the contact log: ``contacted_on`` ISO date (CE), ``channel`` a key of
    :data:`~.rules.CHANNELS`, ``topic``, ``who``, ``written_at`` (UTC stamp), ``written_by`` (owner)."""

    id: str
    school_id: str
    contacted_on: str
    channel: str
    topic: str
    who: str
    written_at: str
    written_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Contact":
        """The contact in a row of ``contacts`` (other columns ignored)."""
        return cls(**{f.name: row[f.name] for f in fields(cls)})


class Contacts:
    """``workspace.contacts``: add lines to the contact log and read a school's."""

    def __init__(self, db: CoreDatabase, installation_id: str, schools: Schools) -> None:
        self._db = db
        self._installation_id = installation_id
        self._schools = schools

    def add(self, school_id: str, contacted_on: date, channel: str, topic: str, who: str = "") -> Contact:
        """Record a contact with ``school_id`` on ``contacted_on`` by this installation and return it.
        ``topic`` and ``who`` are one line each, cleaned (control characters removed) and held to
        :data:`~qualityschool_desktop.validation.MAX_LINE` characters.

        Raises :class:`NotFoundError` for an unknown school, :class:`ValidationError` (Thai) for an
        empty topic, an unknown channel, a day in the future or a text too long (nothing is written
        then), :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        if not self._schools.exists(school_id):
            raise NotFoundError(NO_SCHOOL)
        if channel not in CHANNELS:
            raise ValidationError(BAD_CHANNEL)
        if contacted_on > today():
            raise ValidationError(FUTURE)
        text = clean_text(topic or "", multiline=False).strip()
        if not text:
            raise ValidationError(NO_TOPIC)
        row = {"id": new_id(), "school_id": school_id, "contacted_on": contacted_on.isoformat(), "channel": channel,
               "topic": text, "who": clean_text(who or "", multiline=False).strip(), "written_at": now_iso(),
               "written_by": self._installation_id}
        with self._db.write():
            self._db.table("contacts").insert(validation.checked("contacts", row))
        return Contact.from_row(row)

    def for_school(self, school_id: str) -> list[Contact]:
        """The school's contacts, newest day first (then last recorded first); empty when none."""
        return [Contact.from_row(row) for row in self._db.query(
            "SELECT * FROM contacts WHERE school_id = ? ORDER BY contacted_on DESC, seq DESC", [school_id])]
