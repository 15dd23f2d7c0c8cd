"""Migration 0031 (issue 16): answers kept to their framework's item codes by the schema.

``framework_items`` (framework id, version, item code) and triggers refusing an answer whose item
code its round's framework does not have (see :mod:`..framework_items`, which registers
frameworks and says what happens to rows written before). Filled here with the frameworks
bundled with this version of the app; a database holding such rows does not fail to migrate:
they are moved to ``answers_set_aside``. Saving an answer's level or texts fires nothing new
(only inserting an answer, or moving it to another item or round, looks its code up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..clock import now_iso
from ..framework import bundled_frameworks
from ..framework_items import UNKNOWN_CODE_MARK, register
from ._registry import _run, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

# The answer NEW names an item its round's framework lacks (a round not in the database yet, as
# in an import with deferred foreign keys, is checked when the round is inserted).
_UNKNOWN_ANSWER = ("EXISTS (SELECT 1 FROM assessments AS a WHERE a.id = NEW.assessment_id AND NOT EXISTS"
                   " (SELECT 1 FROM framework_items AS f WHERE f.framework_id = a.framework_id"
                   " AND f.framework_version = a.framework_version AND f.item_code = NEW.item_code))")
# The round NEW has an answer to an item its framework lacks.
_UNKNOWN_IN_ROUND = ("EXISTS (SELECT 1 FROM answers AS x WHERE x.assessment_id = NEW.id AND NOT EXISTS"
                     " (SELECT 1 FROM framework_items AS f WHERE f.framework_id = NEW.framework_id"
                     " AND f.framework_version = NEW.framework_version AND f.item_code = x.item_code))")
_REFUSE = f"BEGIN SELECT RAISE(ABORT, '{UNKNOWN_CODE_MARK}'); END"


@migrations(name="0031_framework_items")
def m0031_framework_items(db: Database) -> None:
    """Issue 16: ``framework_items``, ``answers_set_aside`` and the triggers keeping answers to
    their framework's item codes; the bundled frameworks registered (older rows set aside)."""
    _run(db, f"""
CREATE TABLE framework_items (
    framework_id TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    item_code TEXT NOT NULL,
    PRIMARY KEY (framework_id, framework_version, item_code)
) WITHOUT ROWID;
CREATE TABLE answers_set_aside (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL,
    item_code TEXT NOT NULL,
    row_json TEXT NOT NULL,
    set_aside_at TEXT NOT NULL
);
CREATE TRIGGER answers_known_code_insert BEFORE INSERT ON answers WHEN {_UNKNOWN_ANSWER} {_REFUSE};
CREATE TRIGGER answers_known_code_update BEFORE UPDATE OF assessment_id, item_code ON answers
WHEN (NEW.assessment_id IS NOT OLD.assessment_id OR NEW.item_code IS NOT OLD.item_code) AND {_UNKNOWN_ANSWER} {_REFUSE};
CREATE TRIGGER assessments_known_codes_insert AFTER INSERT ON assessments WHEN {_UNKNOWN_IN_ROUND} {_REFUSE};
CREATE TRIGGER assessments_known_codes_update BEFORE UPDATE OF framework_id, framework_version ON assessments
WHEN (NEW.framework_id IS NOT OLD.framework_id OR NEW.framework_version IS NOT OLD.framework_version)
AND {_UNKNOWN_IN_ROUND} {_REFUSE}
""")
    register(db.conn, bundled_frameworks().all(), now_iso())
