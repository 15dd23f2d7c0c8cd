"""The pending window's detail of an office's review decision waiting for its key (s33 exC T1): the
round it judges (here: named as the school list names it), the verdict, the office's comment, the
office and when; beside them the round as it is here. Not "ยังไม่มีในเครื่องนี้": the decision
is new here, the round it judges is not."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qualityschool_desktop.errors import QualitySchoolError

from . import office_strings as o
from . import strings as s
from .compare import FieldRow, value_text
from .words import format_when

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

# The office's decisions: they wait for the office's key, not for the record's owner.
OFFICE_TABLES = ("review_decisions", "budget_decisions")


def is_verdict(table: str, current: dict[str, Any] | None) -> bool:
    """Is a waiting change an office's review decision new here (shown by :func:`verdict_rows`)?"""
    return table == "review_decisions" and current is None


def verdict_rows(workspace: Workspace, row: dict[str, Any]) -> list[FieldRow]:
    """The rows a person reads for the review decision ``row`` (as sent): the verdict, the comment
    and the round always; the office and when with every field."""
    from qualityschool_desktop.review import STATES
    from qualityschool_desktop.review.decisions import DECISIONS

    assessment_id = str(row.get("assessment_id") or "")
    round_ = value_text(workspace, "review_decisions", "assessment_id", assessment_id)
    try:
        state = workspace.reviews.state(workspace.assessments.get(assessment_id))
        here = o.VERDICT_NONE_HERE.format(state=STATES.get(state, state))
    except QualitySchoolError:
        here = s.EMPTY_VALUE
    decision = str(row.get("decision") or "")
    comment = " ".join(str(row.get("comment") or "").split())
    return [
        FieldRow("assessment_id", o.VERDICT_ROUND, round_, round_, False, always=True),
        FieldRow("decision", o.VERDICT, here, DECISIONS.get(decision, decision), True, always=True),
        FieldRow("comment", o.VERDICT_COMMENT, s.EMPTY_VALUE, comment or s.EMPTY_VALUE, bool(comment), always=True),
        # Who and when: under "แสดงทุกช่องข้อมูล" (the heading names the office already).
        FieldRow("office_name", o.VERDICT_OFFICE, s.EMPTY_VALUE, str(row.get("office_name") or s.EMPTY_VALUE), False),
        FieldRow("decided_at", o.VERDICT_WHEN, s.EMPTY_VALUE,
                 format_when(str(row["decided_at"])) if row.get("decided_at") else s.EMPTY_VALUE, False),
    ]
