"""Migrations 0001–0004: schools, self-assessment, visits, network schools, the exchange's tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _TRACKED, _run, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database


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
