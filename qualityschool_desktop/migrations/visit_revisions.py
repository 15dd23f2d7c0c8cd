"""Migration 0037 (s35, TEST34C C3): a visit's confirmations and reopens name the team member who
did them, and a confirmation keeps what it confirmed.

``visit_events.happened_by`` is the installation: on a laptop supervisors share, nobody could tell
who reopened or confirmed again. ``person_name`` holds the name (one of the visit's named
คณะนิเทศ); ``signed_findings`` holds, on a ``finalised`` event, the findings as they were confirmed
(``visit_revisions.snapshot``), so a record confirmed again can show what changed since the paper
the school signed. Both are NULL for the events recorded before; they travel, left out when null
(``exchange/records.OMITTED_WHEN_NULL``), so the rows sealed before keep their digests. The table
stays append-only: its no-update trigger is made again over the new columns too.
(0036 is another change's: the visits' deletion.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _run, migrations
from .owners import _no_update_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

# The columns no update may touch from 0037 on (a migration never changes after a release).
VISIT_EVENT_COLUMNS_0037 = ("seq", "id", "visit_id", "event", "reason", "happened_at", "happened_by", "person_name",
                            "signed_findings")


@migrations(name="0037_visit_event_names")
def m0037_visit_event_names(db: Database) -> None:
    """s35 C3: ``visit_events.person_name`` (a line or NULL) and ``signed_findings`` (JSON or NULL)."""
    db.execute("ALTER TABLE visit_events ADD COLUMN person_name TEXT"
               " CHECK (person_name IS NULL OR length(person_name) <= 255)")
    db.execute("ALTER TABLE visit_events ADD COLUMN signed_findings TEXT"
               " CHECK (signed_findings IS NULL OR json_valid(signed_findings))")
    db.execute("DROP TRIGGER visit_events_no_update")
    _run(db, _no_update_trigger("visit_events", VISIT_EVENT_COLUMNS_0037))
