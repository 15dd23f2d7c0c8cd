"""Comments in print (issue 10): others' comments on a school's record, printed where they belong
(under the item of a self-assessment, under the follow-ups of a visit), each with its author, the
author's role, the Buddhist-Era date it was written and its text. Shared by the reports' layouts
(``reports/<kind>/pdf.py``) as :mod:`.blocks` is.

The date is the day the comment was written where this laptop is (its stamp is UTC, display only);
a stamp that cannot be read prints no date rather than stopping the report.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether
from reportlab.platypus.flowables import Flowable

from ..clock import parse_iso
from ..comments import Comment
from ..thai import DigitText
from ..typeset import Run, ThaiParagraph, thai_date

__all__ = ["COMMENTS_HEADING", "comment_block", "written_on"]

COMMENTS_HEADING = "ความคิดเห็น"
NO_AUTHOR = "ไม่ระบุชื่อผู้เขียน"
SEPARATOR = " · "


def written_on(comment: Comment) -> date | None:
    """The local date ``comment`` was written, or None when its stamp is not a time. Raises nothing."""
    try:
        return parse_iso(comment.written_at).astimezone().date()
    except (ValueError, OverflowError, OSError):
        return None


def _styles(s: dict[str, ParagraphStyle]) -> tuple[ParagraphStyle, ParagraphStyle]:
    head = s["body"].clone("comment_head", fontSize=13, leading=19.5, spaceBefore=4, spaceAfter=0)
    body = s["body"].clone("comment_body", fontSize=13, leading=19.5, leftIndent=14)
    return head, body


def comment_block(comments: Sequence[tuple[str, Comment]], t: DigitText, s: dict[str, ParagraphStyle], *,
                  heading: str = COMMENTS_HEADING) -> list[Flowable]:
    """The flowables that print ``comments`` (label, comment) in order under ``heading`` (a
    ``subheading``), each as a line "label · author (role) · date" and its text in paragraphs,
    numbers in ``t``'s digits (the text as typed); ``[]`` when there are none. ``s``: the report's
    styles (:func:`~.blocks.report_styles`)."""
    if not comments:
        return []
    head_style, body_style = _styles(s)
    story: list[Flowable] = []
    for number, (label, comment) in enumerate(comments):
        who = comment.author_name or NO_AUTHOR
        if comment.author_role:
            who = f"{who} ({comment.author_role})"
        day = written_on(comment)
        runs = [Run(label + SEPARATOR, bold=True)] if label else []
        runs.append(Run(who + (SEPARATOR + thai_date(day, t.style) if day else "")))
        parts = [part.strip() for part in comment.body.split("\n") if part.strip()] or [""]
        first: list[Flowable] = [ThaiParagraph(runs, head_style), ThaiParagraph(parts[0], body_style)]
        if number == 0:  # the heading never ends a page alone
            first.insert(0, ThaiParagraph(heading, s["subheading"]))
        story.append(KeepTogether(first))
        story += [ThaiParagraph(part, body_style) for part in parts[1:]]
    return story
