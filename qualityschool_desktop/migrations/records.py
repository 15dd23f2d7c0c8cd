"""Migrations 0011–0017: typed history, counters, inspection rounds, reviews, office texts, owned edits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ._registry import _TRACKED, _run, migrations
from .owners import _APPEND_ONLY_COLUMNS, APPEND_ONLY, VERSIONED, _descends, _no_update_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database


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


def _counter_triggers(table: str, append_only: tuple[str, ...],
                      unused_seal: Callable[[str], str] | None = None) -> tuple[str, ...]:
    """0012's triggers of one versioned table: the version counts on from ``local_counters``, and a
    seal that no row of ``table``, the other versioned tables, ``append_only`` or a waiting change
    names any more goes with an edit or a deletion. ``unused_seal``: the clean-up's statement for
    the SQL of a seal id (0032's names the tables through one view; :func:`_unused_seal` by default)."""
    gone = unused_seal or (lambda seal: _unused_seal(seal, append_only))
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
        f" {kept} {gone('OLD.signed_set')}; END",
        f"CREATE TRIGGER {table}_cleanup_on_delete AFTER DELETE ON {table} BEGIN"
        f" DELETE FROM record_snapshots WHERE table_name = '{table}' AND record_id = OLD.id;"
        f" DELETE FROM local_counters WHERE table_name = '{table}' AND record_id = OLD.id;"
        f" {gone('OLD.signed_set')}; END",
    )


def _decision_trigger(append_only: tuple[str, ...], unused_seal: Callable[[str], str] | None = None) -> str:
    gone = unused_seal or (lambda seal: _unused_seal(seal, append_only))
    return ("CREATE TRIGGER pending_changes_seal_on_decision AFTER UPDATE OF decision ON pending_changes"
            " WHEN OLD.decision = '' AND NEW.decision <> '' AND NEW.seal_id <> '' BEGIN"
            f" {gone('NEW.seal_id')}; END")


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
