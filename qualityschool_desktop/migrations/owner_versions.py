"""Migration 0033 (issue 10 "files pass through hands", retest30 N6): a relay keeps the sealed version
its own change supersedes.

A district that changes a school's record (its key bound to the school there by a person), or takes
in a change by another laptop it bound to the school, held until now only the new version: the
school's own, under the school's seal, was overwritten, and the district's file carried only its
version, which the province (judging by the school's own statement) keeps waiting. The province had
then no version of the school's record at all. ``owner_versions`` keeps, per record and per sealing
installation, the last version under that installation's seal that a version by another replaced
here: the row as it was (every column but the seal), its version and its seal, when the version
replaced was sealed by an owner of the school as files said (its statement, or first use) and the
new one is by a key that is not (a local edit or an accepted change by a key a person bound to the
school here, an import of such a key's version). A visit's records are left out: only their maker
changes them. An export carries the one of the record's
owner under the owner's seal beside the version in use (``exchange/relayed.py``), so the receiver
checks it as if it came from the owner.

The seal named here stays stored: the view ``seal_users`` (0032) names this table's seals too, so
the clean-up after an edit, a deletion or a decision keeps them.

A trigger per versioned table, before an update, keeps the row: its column list is the table's as
it is now, so a later migration that adds a column to a versioned table makes it again with
:func:`keep_trigger` (``tests/test_exchange_relay_owner_version.py`` fails while one misses a column).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations
from .budget import _columns, append_only_tables, versioned_tables
from .seal_users import VIEW

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "owner_versions"

# The school a row of each of the school's versioned tables belongs to, as SQL of ``OLD`` (a
# visit's records are left out: only their maker changes them, wherever they are).
SCHOOL_OF_ROW: dict[str, str] = {
    "schools": "OLD.id", "assessments": "OLD.school_id", "network_schools": "OLD.school_id",
    "plans": "OLD.school_id", "budget_requests": "OLD.school_id", "projects": "OLD.school_id",
    "answers": "(SELECT school_id FROM assessments WHERE id = OLD.assessment_id)",
    "attachments": "(SELECT school_id FROM assessments WHERE id = OLD.assessment_id)",
    "plan_goals": "(SELECT school_id FROM plans WHERE id = OLD.plan_id)",
    "plan_indicators": "(SELECT school_id FROM plans WHERE id = OLD.plan_id)",
    "plan_activities": "(SELECT school_id FROM plans WHERE id = OLD.plan_id)",
}


def _sealer(seal: str) -> str:
    return f"(SELECT installation_id FROM seals WHERE id = {seal})"


def learnt(school: str, installation: str) -> str:
    """SQL: ``installation`` owns ``school`` as files said (its statement, or first use), not only by a
    person's binding here, which stays local: what a receiver judges by."""
    return (f"EXISTS (SELECT 1 FROM school_signers WHERE school_id = {school} AND how <> 'by_hand'"
            f" AND (installation_id = {installation} OR fingerprint IN"
            f" (SELECT fingerprint FROM signers WHERE installation_id = {installation})))")


def keep_trigger(db: Database, table: str) -> str:
    """The ``{table}_keep_sealed`` trigger: before an update that replaces a version sealed by an
    owner of the school (as files said: :func:`learnt`) by a version of an installation that is not
    (a local edit here, which the version trigger then counts and unseals, or an accepted change, by
    a key a person bound here; an import of such a key's version), keep the row as it was in
    :data:`TABLE`. The version trigger's own update that follows a local edit names the same old
    version: it changes nothing. An update by another owner keeps nothing (the owner's version is
    in use, and no old seal is held for it)."""
    pairs = ", ".join(f"'{c}', OLD.{c}" for c in _columns(db, table) if c != "signed_set")
    school = SCHOOL_OF_ROW[table]
    new_sealer = (f"(CASE WHEN NEW.signed_set IS NULL OR NEW.signed_set IS OLD.signed_set THEN NEW.modified_by"
                  f" ELSE {_sealer('NEW.signed_set')} END)")
    return (
        f"CREATE TRIGGER {table}_keep_sealed BEFORE UPDATE ON {table}"
        f" WHEN OLD.signed_set IS NOT NULL AND {learnt(school, _sealer('OLD.signed_set'))}"
        f" AND NOT {learnt(school, new_sealer)} BEGIN"
        f" INSERT INTO {TABLE} (table_name, record_id, installation_id, version, row_json, seal_id)"
        f" SELECT '{table}', OLD.id, installation_id, OLD.version, json_object({pairs}), OLD.signed_set"
        " FROM seals WHERE id = OLD.signed_set"
        " ON CONFLICT (table_name, record_id, installation_id) DO UPDATE SET version = excluded.version,"
        " row_json = excluded.row_json, seal_id = excluded.seal_id WHERE excluded.version IS NOT version; END"
    )


def remake_view(db: Database) -> None:
    """0032's view :data:`~.seal_users.VIEW` again, naming :data:`TABLE`'s seals too."""
    db.execute(f"DROP VIEW IF EXISTS {VIEW}")
    db.execute(f"CREATE VIEW {VIEW} AS " + " UNION ALL ".join(
        [*(f"SELECT signed_set FROM {table}" for table in (*versioned_tables(db), *append_only_tables(db))),
         f"SELECT seal_id AS signed_set FROM {TABLE}"]))


@migrations(name="0033_owner_versions")
def m0033_owner_versions(db: Database) -> None:
    """Issue 10 (retest30 N6): the table :data:`TABLE`, its triggers, and the seals' view naming it
    (see the module's docstring). A record's kept versions go with it when it is deleted."""
    db.execute(
        f"CREATE TABLE {TABLE} (table_name TEXT NOT NULL, record_id TEXT NOT NULL,"
        " installation_id TEXT NOT NULL, version TEXT NOT NULL, row_json TEXT NOT NULL,"
        " seal_id TEXT NOT NULL REFERENCES seals(id),"
        " PRIMARY KEY (table_name, record_id, installation_id)) WITHOUT ROWID"
    )
    db.execute(f"CREATE INDEX {TABLE}_seal ON {TABLE} (seal_id)")
    for table in versioned_tables(db):
        if table not in SCHOOL_OF_ROW:
            continue  # a visit's records (the module's docstring)
        db.execute(keep_trigger(db, table))
        db.execute(f"CREATE TRIGGER {table}_kept_on_delete AFTER DELETE ON {table} BEGIN"
                   f" DELETE FROM {TABLE} WHERE table_name = '{table}' AND record_id = OLD.id; END")
    remake_view(db)
