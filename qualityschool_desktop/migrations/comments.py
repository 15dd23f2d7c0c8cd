"""Migration 0018: comments others add where the domain wants them (issue 10), never an overwrite."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _run, migrations
from .owners import _APPEND_ONLY_COLUMNS, APPEND_ONLY, VERSIONED, _no_update_trigger
from .records import _counter_triggers, _decision_trigger

if TYPE_CHECKING:
    from sqlite_utils import Database

# The append-only tables a seal may still be named by, as this migration knows them (0017's and comments).
APPEND_ONLY_0018 = (*APPEND_ONLY, "assessment_events", "review_decisions", "comments")


@migrations(name="0018_comments")
def m0018_comments(db: Database) -> None:
    """Issue 10: a comment on a school's self-assessment (the whole round, ``item_code`` ``''``, or
    one item) or on a follow-up agreed in a visit (the school's answer): ``body`` as typed (cleaned),
    the author's display name and role as typed, ``written_at`` (UTC, display only) and
    ``written_by`` (the installation that wrote it, its owner). Exactly one of ``assessment_id`` and
    ``follow_up_id`` is set; ``school_id`` is the school both lead to. Append-only like
    ``review_decisions``: never updated nor deleted, signed by its author as it travels, with its
    seal kept like every append-only row's. 0017's seal clean-up triggers are made again knowing
    this table: a seal a comment still names is never deleted."""
    _run(db, """
CREATE TABLE comments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    school_id TEXT NOT NULL REFERENCES schools(id),
    assessment_id TEXT REFERENCES assessments(id),
    item_code TEXT NOT NULL DEFAULT '',
    follow_up_id TEXT REFERENCES follow_ups(id),
    body TEXT NOT NULL CHECK (trim(body) <> ''),
    author_name TEXT NOT NULL DEFAULT '',
    author_role TEXT NOT NULL DEFAULT '',
    written_at TEXT NOT NULL,
    written_by TEXT NOT NULL CHECK (written_by <> ''),
    signed_set TEXT,
    CHECK ((assessment_id IS NULL) <> (follow_up_id IS NULL)),
    CHECK (follow_up_id IS NULL OR item_code = '')
);
CREATE INDEX comments_assessment ON comments (assessment_id, item_code) WHERE assessment_id IS NOT NULL;
CREATE INDEX comments_follow_up ON comments (follow_up_id) WHERE follow_up_id IS NOT NULL;
CREATE INDEX comments_school ON comments (school_id);
CREATE INDEX comments_signed_set ON comments (signed_set) WHERE signed_set IS NOT NULL;
"""
         + _no_update_trigger("comments", _APPEND_ONLY_COLUMNS["comments"])
         + "CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments"
           " BEGIN SELECT RAISE(ABORT, 'comments is append-only'); END\n")
    for table in VERSIONED:
        for trigger in ("version_on_insert", "version_on_update", "cleanup_on_delete"):
            db.execute(f"DROP TRIGGER {table}_{trigger}")
        for statement in _counter_triggers(table, APPEND_ONLY_0018):
            db.execute(statement)
    db.execute("DROP TRIGGER pending_changes_seal_on_decision")
    db.execute(_decision_trigger(APPEND_ONLY_0018))
