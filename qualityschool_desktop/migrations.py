"""The database schema, as an ordered list of migrations (sqlite-utils ``Migrations``).

Each migration is applied once and is never edited after a release: a change to the schema is a
new migration at the end. Constraints live in the schema (NOT NULL, CHECK, FOREIGN KEY) so that
no code path can store what the domain forbids.
"""

from __future__ import annotations

from functools import lru_cache

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "qualityschool"
migrations = Migrations(MIGRATION_SET)

# Columns every exchangeable record carries (see DOMAIN.md: data moves between laptops).
_TRACKED = """
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    modified_by TEXT NOT NULL
"""


def _run(db: Database, statements: str) -> None:
    # executescript() would COMMIT the migration's transaction; run statements one by one.
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    """The first schema (release 0.1): the file's installation, schools, self-assessment rounds,
    answers with their append-only history and the bursts of typing not yet in it, and evidence
    attachments. Never edited after release."""
    _run(
        db,
        f"""
CREATE TABLE installation (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE schools (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    code TEXT NOT NULL UNIQUE CHECK (length(code) = 10 AND code NOT GLOB '*[^0-9]*'),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    district TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    area_office TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'primary', 'secondary', 'both')),
    pupils INTEGER CHECK (pupils IS NULL OR pupils >= 0),
    teachers INTEGER CHECK (teachers IS NULL OR teachers >= 0),
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    {_TRACKED}
);
CREATE TABLE assessments (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    framework_id TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    round INTEGER NOT NULL CHECK (round >= 1),
    assessed_on TEXT NOT NULL DEFAULT '',
    assessor_name TEXT NOT NULL DEFAULT '',
    assessor_role TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    {_TRACKED},
    UNIQUE (school_id, fiscal_year, round)
);
CREATE INDEX assessments_school ON assessments (school_id, fiscal_year, round);
CREATE TABLE answers (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    assessment_id TEXT NOT NULL REFERENCES assessments(id),
    item_code TEXT NOT NULL,
    level INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 10),
    not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
    na_reason TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    {_TRACKED},
    UNIQUE (assessment_id, item_code),
    CHECK (NOT (not_applicable = 1 AND level IS NOT NULL))
);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    assessment_id TEXT NOT NULL REFERENCES assessments(id),
    item_code TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL CHECK (trim(file_name) <> ''),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED}
);
CREATE INDEX attachments_item ON attachments (assessment_id, item_code);
CREATE TABLE answer_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    answer_id TEXT NOT NULL,
    assessment_id TEXT NOT NULL,
    item_code TEXT NOT NULL,
    field TEXT NOT NULL
        CHECK (field IN ('level', 'not_applicable', 'na_reason', 'evidence', 'note', 'attachment')),
    old_value TEXT,
    new_value TEXT,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE INDEX answer_history_answer ON answer_history (answer_id, seq);
CREATE TRIGGER answer_history_no_update BEFORE UPDATE ON answer_history
BEGIN SELECT RAISE(ABORT, 'answer_history is append-only'); END;
CREATE TRIGGER answer_history_no_delete BEFORE DELETE ON answer_history
BEGIN SELECT RAISE(ABORT, 'answer_history is append-only'); END;
CREATE TABLE pending_edits (
    answer_id TEXT NOT NULL REFERENCES answers(id),
    field TEXT NOT NULL CHECK (field IN ('na_reason', 'evidence', 'note')),
    old_value TEXT NOT NULL,
    started_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, field)
)
""",
    )


@migrations(name="0002_visits")
def m0002_visits(db: Database) -> None:
    """Supervision visits (issue 4): who came, what they saw per component or item, their
    judgement beside the school's own, and the follow-up actions agreed."""
    _run(
        db,
        f"""
CREATE TABLE visits (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    assessment_id TEXT REFERENCES assessments(id),
    framework_id TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    visited_on TEXT NOT NULL CHECK (visited_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    start_time TEXT NOT NULL DEFAULT '',
    end_time TEXT NOT NULL DEFAULT '',
    visit_type TEXT NOT NULL DEFAULT 'onsite' CHECK (visit_type IN ('onsite', 'online')),
    purpose TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    {_TRACKED}
);
CREATE INDEX visits_school ON visits (school_id, visited_on);
CREATE TABLE visit_people (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    visit_id TEXT NOT NULL REFERENCES visits(id),
    side TEXT NOT NULL CHECK (side IN ('visitor', 'school')),
    position_order INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED}
);
CREATE INDEX visit_people_visit ON visit_people (visit_id, side, position_order);
CREATE TABLE visit_findings (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    visit_id TEXT NOT NULL REFERENCES visits(id),
    scope_code TEXT NOT NULL,
    level INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 10),
    observed TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    strengths TEXT NOT NULL DEFAULT '',
    to_develop TEXT NOT NULL DEFAULT '',
    recommendations TEXT NOT NULL DEFAULT '',
    {_TRACKED},
    UNIQUE (visit_id, scope_code)
);
CREATE TABLE visit_attachments (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    visit_id TEXT NOT NULL REFERENCES visits(id),
    scope_code TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL CHECK (trim(file_name) <> ''),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED}
);
CREATE INDEX visit_attachments_visit ON visit_attachments (visit_id, scope_code);
CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    visit_id TEXT NOT NULL REFERENCES visits(id),
    scope_code TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL DEFAULT '' CHECK (due_on = '' OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    closed_on TEXT NOT NULL DEFAULT '',
    closed_in_visit_id TEXT REFERENCES visits(id),
    note TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED}
);
CREATE INDEX follow_ups_school ON follow_ups (school_id, status, due_on);
CREATE TABLE visit_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    visit_id TEXT NOT NULL REFERENCES visits(id),
    event TEXT NOT NULL CHECK (event IN ('finalised', 'reopened')),
    reason TEXT NOT NULL DEFAULT '',
    happened_at TEXT NOT NULL,
    happened_by TEXT NOT NULL
);
CREATE TRIGGER visit_events_no_update BEFORE UPDATE ON visit_events
BEGIN SELECT RAISE(ABORT, 'visit_events is append-only'); END;
CREATE TRIGGER visit_events_no_delete BEFORE DELETE ON visit_events
BEGIN SELECT RAISE(ABORT, 'visit_events is append-only'); END
""",
    )


@migrations(name="0003_network_schools")
def m0003_network_schools(db: Database) -> None:
    """Network schools (โรงเรียนเครือข่าย, seed 001) served by a quality school within about 5 km."""
    _run(
        db,
        f"""
CREATE TABLE network_schools (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    code TEXT NOT NULL CHECK (length(code) = 10 AND code NOT GLOB '*[^0-9]*'),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    pupils INTEGER CHECK (pupils IS NULL OR pupils >= 0),
    teachers INTEGER CHECK (teachers IS NULL OR teachers >= 0),
    distance_km REAL CHECK (distance_km IS NULL OR distance_km >= 0),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED},
    UNIQUE (school_id, code)
)
""",
    )



@migrations(name="0004_exchange")
def m0004_exchange(db: Database) -> None:
    """Exchange files (issue 5): who last sent us data, the signers the office trusts, and the
    losing side of every conflict, kept for a person to look at."""
    _run(
        db,
        """
CREATE TABLE exchange_log (
    installation_id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL DEFAULT '',
    last_exported_at TEXT NOT NULL,
    last_imported_at TEXT NOT NULL
);
CREATE TABLE trusted_signers (
    fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
    public_key TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    trusted INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1)),
    first_seen_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE TABLE exchange_conflicts (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    losing_json TEXT NOT NULL,
    winning_json TEXT NOT NULL,
    winner TEXT NOT NULL CHECK (winner IN ('ours', 'theirs')),
    detected_at TEXT NOT NULL,
    source_file TEXT NOT NULL DEFAULT '',
    source_installation TEXT NOT NULL DEFAULT '',
    resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    resolved_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_conflicts_record ON exchange_conflicts (table_name, record_id);
-- An export selects history and follow-ups by assessment or visit: without these it would read
-- every row of the database for each school it writes.
CREATE INDEX answer_history_assessment ON answer_history (assessment_id);
CREATE INDEX visit_events_visit ON visit_events (visit_id);
CREATE INDEX follow_ups_visit ON follow_ups (visit_id)
""",
    )

# Tables whose records change: each carries a version (issue 10). The history tables are
# append-only: a row never changes, so it needs no version, only its seal.
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
    "visit_events": ("seq", "id", "visit_id", "event", "reason", "happened_at", "happened_by"),
    "assessment_events": ("seq", "id", "assessment_id", "event", "happened_at", "happened_by"),
    "review_decisions": ("seq", "id", "assessment_id", "reviewed_version", "decision", "comment", "office_name",
                         "decided_at", "decided_by"),
}
# The columns as migration 0007 knew them (a migration never changes after a release).
_APPEND_ONLY_COLUMNS_0007 = {
    "answer_history": _APPEND_ONLY_COLUMNS["answer_history"][:-1],
    "visit_events": _APPEND_ONLY_COLUMNS["visit_events"],
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


# The most recent earlier states of a record kept (exchange/pending.py: the base a change was made from).
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


@migrations(name="0011_typed_history")
def m0011_typed_history(db: Database) -> None:
    """Issue 11: what a person typed stays visible in history. Text is stored as
    :func:`~qualityschool_desktop.text.clean_text` makes it (Thai marks in standard order); when
    that differs from what was typed (control characters aside, which are never stored), the
    history row keeps the typed text in ``typed`` (NULL otherwise; it travels with the row).
    ``pending_edits.typed`` holds the last keystroke's typed text of a burst until the burst
    becomes a history row. answer_history is append-only and not versioned: its no-update trigger
    is made again to cover the new column; no snapshot trigger names it."""
    _run(db, "ALTER TABLE answer_history ADD COLUMN typed TEXT;\n"
             "ALTER TABLE pending_edits ADD COLUMN typed TEXT;\n"
             "DROP TRIGGER answer_history_no_update;\n"
             + _no_update_trigger("answer_history", _APPEND_ONLY_COLUMNS["answer_history"]))


# The school a local write of each of the school's tables is about (issue 10 T4), as SQL of ROW.
_SCHOOL_OF_ROW = {
    "schools": "ROW.id", "assessments": "ROW.school_id", "network_schools": "ROW.school_id",
    "answers": "(SELECT school_id FROM assessments WHERE id = ROW.assessment_id)",
    "attachments": "(SELECT school_id FROM assessments WHERE id = ROW.assessment_id)",
}
NOT_OWNER = "qsd:not_owner"  # storage.py: a local edit of a school this installation does not own


def _unused_seal(seal: str, append_only: tuple[str, ...] = APPEND_ONLY) -> str:
    named = " AND ".join(f"NOT EXISTS (SELECT 1 FROM {t} WHERE signed_set = {seal})" for t in (*VERSIONED, *append_only))
    return (f"DELETE FROM seals WHERE id = {seal} AND {named}"
            f" AND NOT EXISTS (SELECT 1 FROM pending_changes WHERE seal_id = {seal} AND decision = '')")


def _counter_triggers(table: str, append_only: tuple[str, ...]) -> tuple[str, ...]:
    """0012's triggers of one versioned table: the version counts on from ``local_counters``, and a
    seal that no row of ``table``, the other versioned tables, ``append_only`` or a waiting change
    names any more goes with an edit or a deletion."""
    me = "json_extract(OLD.version, '$.\"' || NEW.modified_by || '\"')"
    used = (f"(SELECT counter FROM local_counters WHERE table_name = '{table}' AND record_id = NEW.id"
            " AND installation_id = NEW.modified_by)")
    keep = (f"INSERT INTO local_counters VALUES ('{table}', NEW.id, NEW.modified_by,"
            f" json_extract(NEW.version, '$.\"' || NEW.modified_by || '\"'))"
            " ON CONFLICT DO UPDATE SET counter = max(counter, excluded.counter);")
    kept = keep.replace("NEW.version", f"(SELECT version FROM {table} WHERE rowid = NEW.rowid)")
    return (
        f"CREATE TRIGGER {table}_version_on_insert AFTER INSERT ON {table} WHEN NEW.version = '{{}}'"
        f" AND NEW.signed_set IS NULL BEGIN UPDATE {table} SET version = json_object(NEW.modified_by,"
        f" coalesce({used}, 0) + 1) WHERE rowid = NEW.rowid; {kept} END",
        f"CREATE TRIGGER {table}_version_on_update AFTER UPDATE ON {table}"
        " WHEN NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set BEGIN"
        f" UPDATE {table} SET version = json_set(OLD.version, '$.\"' || NEW.modified_by || '\"',"
        f" max(coalesce({me}, 0), coalesce({used}, 0)) + 1), signed_set = NULL WHERE rowid = NEW.rowid;"
        f" {kept} {_unused_seal('OLD.signed_set', append_only)}; END",
        f"CREATE TRIGGER {table}_cleanup_on_delete AFTER DELETE ON {table} BEGIN"
        f" DELETE FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id;"
        f" DELETE FROM local_counters WHERE table_name = '{table}' AND record_id = OLD.id;"
        f" {_unused_seal('OLD.signed_set', append_only)}; END",
    )


def _decision_trigger(append_only: tuple[str, ...]) -> str:
    return ("CREATE TRIGGER pending_changes_seal_on_decision AFTER UPDATE OF decision ON pending_changes"
            " WHEN OLD.decision = '' AND NEW.decision <> '' AND NEW.seal_id <> '' BEGIN"
            f" {_unused_seal('NEW.seal_id', append_only)}; END")


@migrations(name="0012_counters_and_cleanup")
def m0012_counters_and_cleanup(db: Database) -> None:
    """Issue 10 (T4). (2) ``local_counters`` keeps the highest counter each installation used per record, and a local
    edit counts on from above it, so a version that lost a conflict is never reused. (3) Snapshots
    and counters of deleted records go with them; a seal that no record and no waiting change names
    after a local edit, a deletion or a decision is deleted."""
    db.execute("CREATE TABLE local_counters (table_name TEXT NOT NULL, record_id TEXT NOT NULL, installation_id"
               " TEXT NOT NULL, counter INTEGER NOT NULL, PRIMARY KEY (table_name, record_id, installation_id))"
               " WITHOUT ROWID")
    for table in VERSIONED:
        db.execute(f"DROP TRIGGER {table}_version_on_insert")
        db.execute(f"DROP TRIGGER {table}_version_on_update")
        for statement in _counter_triggers(table, APPEND_ONLY):
            db.execute(statement)
        db.execute(
            f"INSERT OR IGNORE INTO local_counters SELECT '{table}', r.id, v.key, v.value FROM {table} AS r,"
            " json_each(r.version) AS v WHERE v.key = r.modified_by"
        )
    # Conflicts lost before this migration: their counters were used too.
    db.execute("INSERT INTO local_counters SELECT c.table_name, c.record_id, v.key, max(v.value) FROM exchange_conflicts"
               " AS c, json_each(CASE WHEN json_valid(json_extract(c.losing_json, '$.version'))"
               " THEN json_extract(c.losing_json, '$.version') ELSE '{}' END) AS v WHERE true GROUP BY 1, 2, 3"
               " ON CONFLICT DO UPDATE SET counter = max(counter, excluded.counter)")
    db.execute(_decision_trigger(APPEND_ONLY))
    db.execute("DELETE FROM record_snapshots WHERE " + " AND ".join(
        f"NOT (table_name = '{t}' AND record_id IN (SELECT id FROM {t}))" for t in VERSIONED))
    named = " UNION ".join(f"SELECT signed_set FROM {t} WHERE signed_set IS NOT NULL" for t in (*VERSIONED, *APPEND_ONLY))
    db.execute(f"DELETE FROM seals WHERE id NOT IN ({named} UNION SELECT seal_id FROM pending_changes WHERE decision = '')")


@migrations(name="0013_inspection_rounds")
def m0013_inspection_rounds(db: Database) -> None:
    """Issue 13: inspection rounds (รอบการตรวจราชการ) as records an office defines: fiscal year
    (BE), round number, the period the round covers, the closing date for self-assessments and the
    form layout it prints (``resources/forms/<layout>.json``). Dates are ISO (Common Era)."""
    _run(
        db,
        f"""
CREATE TABLE inspection_rounds (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    round INTEGER NOT NULL CHECK (round BETWEEN 1 AND 12),
    starts_on TEXT NOT NULL CHECK (date(starts_on) = starts_on),
    ends_on TEXT NOT NULL CHECK (date(ends_on) = ends_on AND ends_on >= starts_on),
    closes_on TEXT NOT NULL CHECK (date(closes_on) = closes_on AND closes_on >= starts_on),
    layout TEXT NOT NULL CHECK (layout GLOB '[a-z0-9]*' AND layout NOT GLOB '*[^a-z0-9-]*'),
    {_TRACKED},
    UNIQUE (fiscal_year, round)
)
""",
    )


@migrations(name="0014_review_decisions")
def m0014_review_decisions(db: Database) -> None:
    """Issue 13: the office's review of a submitted self-assessment (``review/``): ผ่าน (accepted)
    or ส่งกลับแก้ไข (returned) with a comment, who decided and when. Append-only history like
    ``visit_events``: ``reviewed_version`` is the assessment's version the office read (a decision
    answers that submission; a later one waits for a new review); a new decision supersedes the one before and both stay; owned by the office
    that decided (``decided_by``), signed by it as it travels, with its seal kept like every
    append-only row's. ``assessment_events``: the school's own submit and reopen of a round
    (append-only, owned by the school), so the round's history shows the round trip
    (submitted → returned → reopened → submitted → accepted)."""
    _run(db, """
CREATE TABLE assessment_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    assessment_id TEXT NOT NULL REFERENCES assessments(id),
    event TEXT NOT NULL CHECK (event IN ('submitted', 'reopened')),
    happened_at TEXT NOT NULL,
    happened_by TEXT NOT NULL CHECK (happened_by <> ''),
    signed_set TEXT
);
CREATE INDEX assessment_events_assessment ON assessment_events (assessment_id);
CREATE INDEX assessment_events_signed_set ON assessment_events (signed_set) WHERE signed_set IS NOT NULL;
CREATE TABLE review_decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    assessment_id TEXT NOT NULL REFERENCES assessments(id),
    reviewed_version TEXT NOT NULL CHECK (json_valid(reviewed_version)),
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
    comment TEXT NOT NULL DEFAULT '',
    office_name TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL CHECK (decided_by <> ''),
    signed_set TEXT
);
CREATE INDEX review_decisions_assessment ON review_decisions (assessment_id);
CREATE INDEX review_decisions_signed_set ON review_decisions (signed_set) WHERE signed_set IS NOT NULL;
"""
         + _no_update_trigger("review_decisions", _APPEND_ONLY_COLUMNS["review_decisions"])
         + _no_update_trigger("assessment_events", _APPEND_ONLY_COLUMNS["assessment_events"])
         + "CREATE TRIGGER assessment_events_no_delete BEFORE DELETE ON assessment_events"
           " BEGIN SELECT RAISE(ABORT, 'assessment_events is append-only'); END;\n"
         + "CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions"
           " BEGIN SELECT RAISE(ABORT, 'review_decisions is append-only'); END\n")


@migrations(name="0015_office_texts")
def m0015_office_texts(db: Database) -> None:
    """Issue 13 part 2: what the office writes itself for an inspection round (its name, the
    policy, 6.1, each component's narrative of 6.2 1), the 6.3 rows, 6.4-6.6, the model schools),
    one row per (fiscal year, round, field), saved as typed. ``burst_old``/``burst_last_at``/
    ``burst_typed`` hold a burst of typing still open (the value before it, its last keystroke,
    what was typed when cleaning changed it), as ``pending_edits`` does for answers;
    ``office_text_history`` is append-only, one row per burst or per structural change."""
    _run(
        db,
        f"""
CREATE TABLE office_texts (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    round INTEGER NOT NULL CHECK (round BETWEEN 1 AND 12),
    field TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 100),
    value TEXT NOT NULL DEFAULT '',
    burst_old TEXT,
    burst_last_at TEXT,
    burst_typed TEXT,
    {_TRACKED},
    UNIQUE (fiscal_year, round, field)
);
CREATE TABLE office_text_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    text_id TEXT NOT NULL REFERENCES office_texts(id),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    typed TEXT
);
CREATE INDEX office_text_history_text ON office_text_history (text_id, seq);
CREATE TRIGGER office_text_history_no_update BEFORE UPDATE ON office_text_history
BEGIN SELECT RAISE(ABORT, 'office_text_history is append-only'); END;
CREATE TRIGGER office_text_history_no_delete BEFORE DELETE ON office_text_history
BEGIN SELECT RAISE(ABORT, 'office_text_history is append-only'); END
""",
    )


@migrations(name="0016_owned_edits")
def m0016_owned_edits(db: Database) -> None:
    """Issue 10 (T4, 1): a local edit of a school's records that this installation does not own
    (the school came by exchange: bound to its keys by a statement or on first use, or named in a
    kept statement that names neither this installation nor its key, ``installation.key_of:ID``)
    is refused (``NOT_OWNER``); a person's acceptance of a waiting change marks its record in
    ``accepting_changes`` for its transaction (a school's id there lets all its records through)."""
    db.execute("CREATE TABLE accepting_changes (record_id TEXT PRIMARY KEY)")
    for table, school in _SCHOOL_OF_ROW.items():
        for event, row, local in (("INSERT", "NEW", "NEW.version = '{}' AND NEW.signed_set IS NULL"),
                                  ("UPDATE", "OLD", "NEW.version IS OLD.version AND NEW.signed_set IS OLD.signed_set")):
            s = school.replace("ROW", row)
            foreign = (
                f"(CASE WHEN EXISTS (SELECT 1 FROM school_statements WHERE school_id = {s})"
                " THEN NOT EXISTS (SELECT 1 FROM school_statements AS st, json_each(st.statement, '$.owners') AS o"
                f" WHERE st.school_id = {s} AND (json_extract(o.value, '$.installation_id') = NEW.modified_by"
                " OR json_extract(o.value, '$.fingerprint') = (SELECT value FROM installation"
                " WHERE key = 'key_of:' || NEW.modified_by)))"
                f" ELSE EXISTS (SELECT 1 FROM school_signers WHERE school_id = {s} AND how <> 'by_hand') END)"
                f" AND NOT EXISTS (SELECT 1 FROM school_signers WHERE school_id = {s} AND installation_id = NEW.modified_by)"
                f" AND NOT EXISTS (SELECT 1 FROM accepting_changes WHERE record_id IN (NEW.id, {s}))"
            )
            db.execute(f"CREATE TRIGGER {table}_owned_{event.lower()} BEFORE {event} ON {table} WHEN {local}"
                       f" AND {foreign} BEGIN SELECT RAISE(ABORT, '{NOT_OWNER}'); END")


@migrations(name="0017_seals_named_by_events")
def m0017_seals_named_by_events(db: Database) -> None:
    """Issue 10: 0012's clean-up triggers knew the append-only tables of their day; a seal still
    named by an assessment event or a review decision (0014) was deleted with the last versioned
    row sharing it, and that event could not be relayed under its owner's seal any more. The
    triggers again, naming every append-only table."""
    append_only = (*APPEND_ONLY, "assessment_events", "review_decisions")
    for table in VERSIONED:
        for trigger in ("version_on_insert", "version_on_update", "cleanup_on_delete"):
            db.execute(f"DROP TRIGGER {table}_{trigger}")
        for statement in _counter_triggers(table, append_only):
            db.execute(statement)
    db.execute("DROP TRIGGER pending_changes_seal_on_decision")
    db.execute(_decision_trigger(append_only))


@lru_cache(maxsize=1)
def known_migrations() -> tuple[str, ...]:
    """The names of every migration this version knows, in order."""
    return tuple(migration.name for migration in migrations.pending(Database(memory=True, execute_plugins=False)))
