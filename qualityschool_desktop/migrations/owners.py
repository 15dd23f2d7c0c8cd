"""Migrations 0005–0010 (issue 10's first half): owners, statements, seals, versions, conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _TRACKED, _run, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database


VERSIONED = (
    "schools", "assessments", "answers", "attachments", "visits", "visit_people", "visit_findings",
    "visit_attachments", "follow_ups", "network_schools",
)
APPEND_ONLY = ("answer_history", "visit_events")  # as 0007 knew them; review_decisions (0014) too

# Local edits count themselves. Every local write stamps ``modified_by`` with this installation,
# so the trigger adds one to that installation's counter in the record's version vector and forgets
# the seal (the stored signature of someone else's state, see exchange/seals.py), which no longer
# matches. An import writes the version (and the seal) it brings: the trigger stays out of its way.
# One statement per line: _run splits on ";" and a line end.
_VERSION_TRIGGERS = (
    "CREATE TRIGGER {t}_version_on_insert AFTER INSERT ON {t} WHEN NEW.version = '{{}}' AND NEW.signed_set IS NULL BEGIN"
    " UPDATE {t} SET version = json_object(NEW.modified_by, 1) WHERE rowid = NEW.rowid; END;\n"
    "CREATE TRIGGER {t}_version_on_update AFTER UPDATE ON {t}"
    " WHEN NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set BEGIN"
    " UPDATE {t} SET version = json_set(OLD.version, '$.\"' || NEW.modified_by || '\"',"
    " coalesce(json_extract(OLD.version, '$.\"' || NEW.modified_by || '\"'), 0) + 1), signed_set = NULL"
    " WHERE rowid = NEW.rowid; END;\n"
)


@migrations(name="0005_owners")
def m0005_owners(db: Database) -> None:
    """Records have owners (issue 10): a version per record, the seal that signs another
    installation's state of it, the installation that made a visit; signers bound to
    installations and schools; changes waiting for a person; schools mapped onto one another."""
    statements = []
    for table in VERSIONED:
        statements.append(f"ALTER TABLE {table} ADD COLUMN version TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(version));\n")
        # Records from before versions: the last writer's counter is the time of its last change
        # in milliseconds, so a later change by the same laptop still descends from an earlier one.
        statements.append(
            f"UPDATE {table} SET version = json_object(modified_by,"
            " coalesce(CAST((julianday(modified_at) - 2440587.5) * 86400000 AS INTEGER), 1));\n"
        )
    for table in (*VERSIONED, *APPEND_ONLY):
        statements.append(f"ALTER TABLE {table} ADD COLUMN signed_set TEXT;\n")
    statements.append("ALTER TABLE visits ADD COLUMN made_by TEXT NOT NULL DEFAULT '';\n")
    statements.append(
        "UPDATE visits SET made_by = coalesce((SELECT happened_by FROM visit_events AS e"
        " WHERE e.visit_id = visits.id ORDER BY seq LIMIT 1), modified_by);\n"
    )
    statements += [_VERSION_TRIGGERS.format(t=table) for table in VERSIONED]
    _run(db, "".join(statements) + """
ALTER TABLE trusted_signers RENAME TO signers;
ALTER TABLE signers ADD COLUMN installation_id TEXT;
CREATE UNIQUE INDEX signers_installation ON signers (installation_id) WHERE installation_id IS NOT NULL;
CREATE TABLE school_signers (
    school_id TEXT NOT NULL REFERENCES schools(id),
    installation_id TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL DEFAULT '',
    how TEXT NOT NULL CHECK (how IN ('first_use', 'by_hand', 'same_school', 'before_owners')),
    bound_at TEXT NOT NULL,
    CHECK (installation_id <> '' OR length(fingerprint) = 64),
    PRIMARY KEY (school_id, installation_id, fingerprint)
);
CREATE INDEX school_signers_fingerprint ON school_signers (fingerprint);
CREATE TABLE school_aliases (
    old_id TEXT PRIMARY KEY CHECK (length(old_id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    decided_at TEXT NOT NULL
);
CREATE TABLE seals (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    installation_id TEXT NOT NULL,
    made_at TEXT NOT NULL,
    digests BLOB NOT NULL,
    signature TEXT NOT NULL
);
CREATE TABLE pending_changes (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    row_json TEXT NOT NULL CHECK (json_valid(row_json)),
    seal_id TEXT NOT NULL DEFAULT '',
    signer_installation TEXT NOT NULL,
    signer_fingerprint TEXT NOT NULL,
    signer_name TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    source_file TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'accepted', 'rejected')),
    decided_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pending_changes_record ON pending_changes (table_name, record_id);
-- Schools that came from other laptops before owners existed stay with the laptop that last
-- changed them: its key, once a file proves it, owns them (instead of every change waiting).
INSERT INTO school_signers (school_id, installation_id, fingerprint, how, bound_at)
SELECT s.id, s.modified_by, '', 'before_owners', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM schools AS s
WHERE s.modified_by <> coalesce((SELECT value FROM installation WHERE key = 'created_by'), '')
""")


@migrations(name="0006_owner_statements")
def m0006_owner_statements(db: Database) -> None:
    """A school's ownership travels with its records (issue 10): the latest statement of the keys
    that own each school, signed by one of them, kept to forward unchanged (``exchange/statements.py``);
    a binding learnt from such a statement says so (``how = 'statement'``, which needs the table
    rebuilt: SQLite cannot change a CHECK)."""
    _run(db, """
CREATE TABLE school_statements (
    school_id TEXT PRIMARY KEY CHECK (length(school_id) = 36),
    serial INTEGER NOT NULL CHECK (serial >= 1),
    statement TEXT NOT NULL CHECK (json_valid(statement)),
    received_at TEXT NOT NULL
);
CREATE TABLE school_signers_new (
    school_id TEXT NOT NULL REFERENCES schools(id),
    installation_id TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL DEFAULT '',
    how TEXT NOT NULL CHECK (how IN ('first_use', 'by_hand', 'same_school', 'before_owners', 'statement')),
    bound_at TEXT NOT NULL,
    CHECK (installation_id <> '' OR length(fingerprint) = 64),
    PRIMARY KEY (school_id, installation_id, fingerprint)
);
INSERT INTO school_signers_new (school_id, installation_id, fingerprint, how, bound_at)
SELECT school_id, installation_id, fingerprint, how, bound_at FROM school_signers;
DROP TABLE school_signers;
ALTER TABLE school_signers_new RENAME TO school_signers;
CREATE INDEX school_signers_fingerprint ON school_signers (fingerprint)
""")


# The columns of the append-only tables, all but the seal that vouches for the row (signed_set,
# which stays local): the row never changes, but the seal it is kept with may move to a newer seal
# of the same signer over the same row, so that the older seal can go. A migration that adds a
# column to one of these tables adds it here too (tests/test_exchange_seals.py checks).
_APPEND_ONLY_COLUMNS = {
    "answer_history": ("seq", "id", "answer_id", "assessment_id", "item_code", "field", "old_value", "new_value",
                       "changed_at", "changed_by", "typed"),
    "visit_events": ("seq", "id", "visit_id", "event", "reason", "happened_at", "happened_by", "person_name",
                     "signed_findings"),
    "assessment_events": ("seq", "id", "assessment_id", "event", "happened_at", "happened_by"),
    "review_decisions": ("seq", "id", "assessment_id", "reviewed_version", "decision", "comment", "office_name",
                         "decided_at", "decided_by"),
    "comments": ("seq", "id", "school_id", "assessment_id", "item_code", "follow_up_id", "body", "author_name",
                 "author_role", "written_at", "written_by"),
}
# The columns as migration 0007 knew them (a migration never changes after a release).
_APPEND_ONLY_COLUMNS_0007 = {
    "answer_history": _APPEND_ONLY_COLUMNS["answer_history"][:-1],
    "visit_events": _APPEND_ONLY_COLUMNS["visit_events"][:-2],  # 0037 added the last two
}  # assessment_events and review_decisions came with 0014, which makes their triggers


def _no_update_trigger(table: str, columns: tuple[str, ...]) -> str:
    return (f"CREATE TRIGGER {table}_no_update BEFORE UPDATE OF {', '.join(columns)} ON {table}"
            f" BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;\n")


@migrations(name="0007_seal_references")
def m0007_seal_references(db: Database) -> None:
    """Seals are kept only while something needs them (issue 10): an index on every record's seal
    and on the seals of changes waiting for a person, so an import can tell in a few lookups that a
    seal it superseded is no longer named; history rows may move to a newer seal of the same row;
    the seals nothing names any more are dropped once."""
    statements = [
        f"CREATE INDEX {table}_signed_set ON {table} (signed_set) WHERE signed_set IS NOT NULL;\n"
        for table in (*VERSIONED, *APPEND_ONLY)
    ]
    statements.append("CREATE INDEX pending_changes_seal ON pending_changes (seal_id) WHERE decision = '';\n")
    for table, columns in _APPEND_ONLY_COLUMNS_0007.items():
        statements.append(f"DROP TRIGGER {table}_no_update;\n")
        statements.append(_no_update_trigger(table, columns))
    named = " UNION ".join(f"SELECT signed_set FROM {table} WHERE signed_set IS NOT NULL"
                           for table in (*VERSIONED, *APPEND_ONLY))
    statements.append(f"DELETE FROM seals WHERE id NOT IN ({named}"
                      " UNION SELECT seal_id FROM pending_changes WHERE decision = '')\n")
    _run(db, "".join(statements))


# The most recent earlier states of a record kept (exchange/pending.py: the base a change was made from);
# the plan's and budget's tables keep every one since migration 0029 (history.py), whose trigger a
# migration that remakes their snapshot triggers must use.
SNAPSHOTS_KEPT = 4
# The message a local write gets when the record's version has no room for one more change
# (storage.py turns it into a Thai sentence); validation.MAX_VERSION_ENTRIES and MAX_INTEGER.
VERSION_FULL = "qsd:version_full"


@migrations(name="0008_version_room_and_snapshots")
def m0008_version_room_and_snapshots(db: Database) -> None:
    """Issue 10 (tester's findings 3 and 9). A local write never stores a version the exchange
    would refuse: a trigger per versioned table refuses the write when the record's vector has no
    room for this installation's change (64 entries without it, or its counter at 2**53-1), before
    the version trigger counts it. Every update keeps the record's earlier state in
    ``record_snapshots`` (the newest :data:`SNAPSHOTS_KEPT` per record, with their versions), so
    accepting a pending change can tell which fields the sender changed from the base it had.
    The snapshot trigger lists the table's columns as they are now: a migration that adds a column
    to a versioned table makes its trigger again."""
    db.execute(
        "CREATE TABLE record_snapshots (table_name TEXT NOT NULL, record_id TEXT NOT NULL,"
        " version TEXT NOT NULL, row_json TEXT NOT NULL, PRIMARY KEY (table_name, record_id, version))"
    )
    for table in VERSIONED:
        counter = "json_extract(OLD.version, '$.\"' || NEW.modified_by || '\"')"
        db.execute(
            f"CREATE TRIGGER {table}_version_room BEFORE UPDATE ON {table}"
            " WHEN NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set"
            f" AND (coalesce({counter}, 0) >= 9007199254740991"
            f" OR ({counter} IS NULL AND (SELECT count(*) FROM json_each(OLD.version)) >= 64))"
            f" BEGIN SELECT RAISE(ABORT, '{VERSION_FULL}'); END"
        )
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
        pairs = ", ".join(f"'{c}', OLD.{c}" for c in columns if c != "signed_set")
        db.execute(
            # Before the update, so OLD is the state the version names; the version trigger's own
            # update (same old version) is then ignored by the primary key.
            f"CREATE TRIGGER {table}_snapshot BEFORE UPDATE ON {table} BEGIN"
            " INSERT OR IGNORE INTO record_snapshots (table_name, record_id, version, row_json)"
            f" VALUES ('{table}', OLD.id, OLD.version, json_object({pairs}));"
            f" DELETE FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id AND rowid NOT IN"
            f" (SELECT rowid FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id"
            f" ORDER BY rowid DESC LIMIT {SNAPSHOTS_KEPT}); END"
        )


@migrations(name="0009_unbound_keys")
def m0009_unbound_keys(db: Database) -> None:
    """An office's explicit unbind stands (try10 #7): the keys a person unbound from a school here,
    so that a statement such a key signs later is ignored here instead of binding it again."""
    _run(db, """
CREATE TABLE school_unbound (
    school_id TEXT NOT NULL REFERENCES schools(id),
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
    installation_id TEXT NOT NULL DEFAULT '',
    unbound_at TEXT NOT NULL,
    PRIMARY KEY (school_id, fingerprint)
)
""")


def _descends(vector: str, side: str) -> str:
    """SQL: true when the version vector ``vector`` (JSON text) has every counter of the version
    kept in the conflict side ``side`` (a column holding the side's row as JSON) at least as high
    (``exchange/versions.descends``; a side without a valid version counts as empty)."""
    kept = f"json_extract({side}, '$.version')"
    return (f"NOT EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid({kept}) THEN {kept} ELSE '{{}}' END) AS s"
            f" WHERE coalesce(json_extract({vector}, '$.\"' || s.key || '\"'), 0) < s.value)")


@migrations(name="0010_conflicts_closed_by_descendants")
def m0010_conflicts_closed_by_descendants(db: Database) -> None:
    """Issue 10: a conflict is closed wherever a version that descends from both its sides is in
    use, however that version was made: an import (an update, or the side in use of a new
    conflict), a person's choice (``use_version``), an accepted change or a local edit (a laptop
    whose own version lost counts on from the version in use, so its next edit can descend from
    both). A trigger per versioned table, after every write that changes the record's version,
    marks such open conflicts of the record resolved (``resolved_at``: the ``modified_at`` of the
    version that closed it); conflicts already open so are closed now."""
    for table in VERSIONED:
        settled = (f"table_name = '{table}' AND record_id = :id AND resolved = 0"
                   f" AND {_descends(':version', 'losing_json')} AND {_descends(':version', 'winning_json')}")
        db.execute(
            f"CREATE TRIGGER {table}_conflicts_settled AFTER UPDATE OF version ON {table}"
            " WHEN NEW.version IS NOT OLD.version BEGIN"
            " UPDATE exchange_conflicts SET resolved = 1, resolved_at = NEW.modified_at"
            f" WHERE {settled.replace(':id', 'NEW.id').replace(':version', 'NEW.version')}; END"
        )
        db.execute(
            f"UPDATE exchange_conflicts SET resolved = 1, resolved_at = (SELECT modified_at FROM {table} AS r"
            f" WHERE r.id = exchange_conflicts.record_id) WHERE record_id IN (SELECT id FROM {table}) AND "
            + settled.replace(":id", "record_id").replace(
                ":version", f"(SELECT version FROM {table} AS r WHERE r.id = exchange_conflicts.record_id)")
        )
