"""Comments others add where the domain wants them (issue 10): never an overwrite of the owner's record.

A supervisor or the office comments on a school's self-assessment (the whole round, or one item);
the school answers a follow-up agreed in a visit (what it did, when). The self-assessment stays the
school's and the follow-up the visit maker's: a comment is a record of its own beside them
(``comments``, migration 0018), owned by the installation that wrote it (``written_by``), append-only
(never changed nor deleted, here or anywhere it travels), and signed by its author as it travels, so a
relay can neither alter it nor make one in another's name (``exchange/owners.py``, owner kind
``author``). Anyone with the record may comment; a comment changes nothing else.

The author's name and role are what the author typed (display only); ``written_at`` is the core clock's
UTC stamp (display only: comments are listed in the order they were recorded here).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Iterable

from . import validation
from .clock import now_iso
from .errors import NotFoundError, ValidationError
from .framework import FrameworkRegistry
from .ids import new_id
from .storage import CoreDatabase
from .text import clean_text

NO_TEXT = "โปรดพิมพ์ความคิดเห็นก่อนบันทึก"
UNKNOWN_ITEM = "ไม่มีประเด็นรหัส {code} ในเกณฑ์ของแบบประเมินนี้"
NO_ASSESSMENT = "ไม่พบแบบประเมินตนเองนี้"
NO_FOLLOW_UP = "ไม่พบข้อตกลงนี้"
_BATCH = 500


@dataclass(frozen=True)
class Comment:
    """One comment: on a self-assessment (``assessment_id``; ``item_code`` ``""`` for the whole
    round) or on a follow-up (``follow_up_id``); ``body`` (multi-line), the author's ``author_name``
    and ``author_role`` as typed, ``written_at`` (UTC stamp, display only), ``written_by`` (the
    installation that wrote it and owns it)."""

    id: str
    school_id: str
    assessment_id: str | None
    item_code: str
    follow_up_id: str | None
    body: str
    author_name: str
    author_role: str
    written_at: str
    written_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Comment":
        """The comment in a row of ``comments`` (other columns ignored)."""
        return cls(**{f.name: row[f.name] for f in fields(cls)})


class Comments:
    """``workspace.comments``: add comments and read those on a round, an item or a follow-up."""

    def __init__(self, db: CoreDatabase, installation_id: str, frameworks: FrameworkRegistry) -> None:
        self._db = db
        self._installation_id = installation_id
        self._frameworks = frameworks

    def on_assessment(self, assessment_id: str, body: str, *, item_code: str = "", author_name: str = "",
                      author_role: str = "") -> Comment:
        """Record a comment on the self-assessment ``assessment_id`` (one item with ``item_code``,
        the whole round with ``""``), by this installation, now, and return it. ``body`` is
        multi-line text, ``author_name`` and ``author_role`` one line each, all cleaned
        (:func:`~qualityschool_desktop.text.clean_text`: control characters removed) and held to the
        shared rules (:mod:`.validation`: :data:`~.validation.MAX_TEXT` and
        :data:`~.validation.MAX_LINE` characters). Any status of the round may be commented on.

        Raises :class:`NotFoundError` for an unknown round, :class:`ValidationError` (Thai) for an
        empty body, an item code the round's framework lacks or a text beyond its rule (nothing is
        written then), :class:`~qualityschool_desktop.errors.StorageError` when the database cannot
        be written."""
        row = self._db.execute("SELECT school_id, framework_id, framework_version FROM assessments WHERE id = ?",
                               [assessment_id]).fetchone()
        if row is None:
            raise NotFoundError(NO_ASSESSMENT)
        code = clean_text(item_code, multiline=False).strip()
        if code and not self._frameworks.get(row[1], row[2]).has_item(code):
            raise ValidationError(UNKNOWN_ITEM.format(code=code[:20]))
        return self._add(str(row[0]), body, author_name, author_role, assessment_id=assessment_id, item_code=code)

    def on_follow_up(self, follow_up_id: str, body: str, *, author_name: str = "", author_role: str = "") -> Comment:
        """Record a comment on the follow-up ``follow_up_id`` (the school's answer: what it did,
        when), by this installation, now, and return it; texts as :meth:`on_assessment`. The
        follow-up itself is not changed (it is the visit maker's); any follow-up not removed may be
        answered, also one agreed in a final visit.

        Raises :class:`NotFoundError` for an unknown or removed follow-up, :class:`ValidationError`
        as :meth:`on_assessment` and :class:`~qualityschool_desktop.errors.StorageError` when the
        database cannot be written."""
        row = self._db.execute("SELECT school_id FROM follow_ups WHERE id = ? AND deleted = 0",
                               [follow_up_id]).fetchone()
        if row is None:
            raise NotFoundError(NO_FOLLOW_UP)
        return self._add(str(row[0]), body, author_name, author_role, follow_up_id=follow_up_id)

    def for_assessment(self, assessment_id: str, item_code: str | None = None) -> list[Comment]:
        """The comments on a round, in the order recorded here: all of them (``item_code`` None),
        those on the whole round (``""``) or on one item. Empty for an unknown round; raises nothing."""
        sql, params = "SELECT * FROM comments WHERE assessment_id = ?", [assessment_id]
        if item_code is not None:
            sql, params = sql + " AND item_code = ?", [assessment_id, item_code]
        return [Comment.from_row(row) for row in self._db.query(sql + " ORDER BY seq", params)]

    def for_follow_up(self, follow_up_id: str) -> list[Comment]:
        """The comments (answers) on a follow-up, in the order recorded here; empty when none."""
        return [Comment.from_row(row) for row in self._db.query(
            "SELECT * FROM comments WHERE follow_up_id = ? ORDER BY seq", [follow_up_id])]

    def counts_for_follow_ups(self, follow_up_ids: Iterable[str]) -> dict[str, int]:
        """Follow-up id → how many comments it has, for those of ``follow_up_ids`` that have any
        (a list shows it beside each row). Raises nothing."""
        ids = list(dict.fromkeys(follow_up_ids))
        found: dict[str, int] = {}
        for start in range(0, len(ids), _BATCH):
            batch = ids[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            for follow_up_id, count in self._db.execute(
                f"SELECT follow_up_id, count(*) FROM comments WHERE follow_up_id IN ({marks}) GROUP BY follow_up_id",
                batch,
            ):
                found[str(follow_up_id)] = int(count)
        return found

    def counts_for_items(self, assessment_id: str) -> dict[str, int]:
        """Item code (``""`` for the whole round) → how many comments the round has on it. Raises nothing."""
        return {str(code): int(count) for code, count in self._db.execute(
            "SELECT item_code, count(*) FROM comments WHERE assessment_id = ? GROUP BY item_code", [assessment_id])}

    def _add(self, school_id: str, body: str, author_name: str, author_role: str, *,
             assessment_id: str | None = None, item_code: str = "", follow_up_id: str | None = None) -> Comment:
        text = clean_text(body or "", multiline=True).strip()
        if not text:
            raise ValidationError(NO_TEXT)
        row = {
            "id": new_id(),
            "school_id": school_id,
            "assessment_id": assessment_id,
            "item_code": item_code,
            "follow_up_id": follow_up_id,
            "body": text,
            "author_name": clean_text(author_name or "", multiline=False).strip(),
            "author_role": clean_text(author_role or "", multiline=False).strip(),
            "written_at": now_iso(),
            "written_by": self._installation_id,
        }
        with self._db.write():
            self._db.table("comments").insert(validation.checked("comments", row))
        return Comment.from_row(row)


__all__ = ["Comment", "Comments"]
