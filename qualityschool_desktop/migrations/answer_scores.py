"""Migration 0028 (issue 16): an index on the answers that covers what a round's score is made of.

The district picture sums each assessment's answers per component in SQL
(:mod:`..district_scores`): for each assessment and item of a component it needs the answer's
level and its "not applicable" mark. The table's own unique index on (assessment, item) finds
the row but the level and the mark are in the row itself (beside the evidence, the longest
column), so every answer summed cost a second look-up in the table. ``answers_scores`` holds
(assessment, item, level, not applicable): the picture's queries read the index only
(``EXPLAIN QUERY PLAN``: ``COVERING INDEX``; ``tests/test_district_sql.py`` holds it). Nothing
about the rows changes; an answer saved writes one index entry more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations

if TYPE_CHECKING:
    from sqlite_utils import Database


@migrations(name="0028_answer_scores_index")
def m0028_answer_scores_index(db: Database) -> None:
    """Issue 16: ``answers_scores``, an index on answers (assessment_id, item_code, level,
    not_applicable) covering the district picture's sums."""
    db.execute("CREATE INDEX answers_scores ON answers (assessment_id, item_code, level, not_applicable)")
