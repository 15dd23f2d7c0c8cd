"""Migration 0023 (issue 15): the contact log, one line per contact with a school.

The advice the seeds give by phone and LINE is recorded as ``contacts``: the day (ISO, Common
Era), the channel, the topic and who took part, the school. Each line is owned by the installation
that wrote it (``written_by``, like a visit's maker) and is append-only like ``comments``: never
updated nor deleted, so no other key can alter it; it travels under its writer's seal. The seal
clean-up triggers are made again naming every sealed table of the live schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _run, migrations
from .budget import remake_counter_triggers
from .owners import _no_update_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

CHANNEL_KEYS = ("phone", "line", "email", "in_person", "other")
# The columns no update may touch (all of them but the seal, which a receiver stores).
CONTACT_COLUMNS = ("seq", "id", "school_id", "contacted_on", "channel", "topic", "who", "written_at", "written_by")


@migrations(name="0023_contacts")
def m0023_contacts(db: Database) -> None:
    """Issue 15: ``contacts``, the contact log: ``school_id``, ``contacted_on`` (ISO date),
    ``channel`` (``phone`` โทรศัพท์, ``line`` LINE, ``email`` อีเมล, ``in_person`` พบตัว,
    ``other`` อื่น ๆ), ``topic``, ``who``; ``written_at`` (UTC) and ``written_by`` (the owner
    installation). Append-only, sealed as it travels."""
    channels = ", ".join(f"'{key}'" for key in CHANNEL_KEYS)
    _run(db, f"""
CREATE TABLE contacts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    contacted_on TEXT NOT NULL CHECK (date(contacted_on) = contacted_on),
    channel TEXT NOT NULL CHECK (channel IN ({channels})),
    topic TEXT NOT NULL CHECK (trim(topic) <> ''),
    who TEXT NOT NULL DEFAULT '',
    written_at TEXT NOT NULL,
    written_by TEXT NOT NULL CHECK (written_by <> ''),
    signed_set TEXT
);
CREATE INDEX contacts_school ON contacts (school_id, contacted_on);
CREATE INDEX contacts_signed_set ON contacts (signed_set) WHERE signed_set IS NOT NULL;
""")
    _run(db, _no_update_trigger("contacts", CONTACT_COLUMNS)
         + "CREATE TRIGGER contacts_no_delete BEFORE DELETE ON contacts"
           " BEGIN SELECT RAISE(ABORT, 'contacts is append-only'); END\n")
    remake_counter_triggers(db)  # a seal stays while a contact names it
