"""Answers to checklist items, saved the moment they change, with an append-only history.

Every call that changes an answer runs in its own transaction. Level and not-applicable changes
are written to ``answer_history`` at once. Typed text (evidence, note, reason) is saved on every
call too, but its history is kept per burst of typing: the value before the burst is parked in
``pending_edits`` and becomes one history row when the typist pauses, moves on, or the workspace
closes or reopens after a crash. So history never loses a state a user left, and does not hold
one copy of the text per keystroke.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import timedelta
from typing import Any, Callable

from .storage import CoreDatabase

from . import validation
from .clock import now_iso, parse_iso
from .ids import new_id
from .errors import NotFoundError, ValidationError
from .framework import Framework, FrameworkRegistry
from .text import clean_text, strip_control_characters
from .typed_rounds import typed_rounds_of

TEXT_FIELDS = ("evidence", "note", "na_reason")
# A pause longer than this ends a burst of typing (one history row per burst).
BURST_GAP = timedelta(seconds=5)
_ANSWER_IDS = uuid.UUID("5c0a7e3e-2f4b-5d1a-9b8e-6a1c2d3e4f50")


def answer_id_for(assessment_id: str, item_code: str) -> str:
    """The id of the answer to ``item_code`` in an assessment: made from the two, so that two
    laptops of one school that answer the same item make the same record (their changes then meet
    as versions of it, a conflict a person can see) rather than two records the exchange must refuse."""
    return str(uuid.uuid5(_ANSWER_IDS, f"{assessment_id}/{item_code}"))


@dataclass(frozen=True)
class Answer:
    """One stored answer to a checklist item of a self-assessment round.

    ``level`` is the chosen level of the item's scale (1–5 in the bundled framework) or None;
    ``not_applicable`` excludes ``level`` (the schema's CHECK); ``na_reason``, ``evidence`` and
    ``note`` are typed text (at most 200,000 characters); the stamps are UTC text
    (``2026-11-23T10:15:02.123Z``) and ``modified_by`` an installation id."""

    id: str
    assessment_id: str
    item_code: str
    level: int | None
    not_applicable: bool
    na_reason: str
    evidence: str
    note: str
    created_at: str
    modified_at: str
    modified_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Answer":
        """The answer held in a row of ``answers`` (a dict by column name; other columns ignored).
        Raises ``KeyError`` when the row lacks a field."""
        values = {f.name: row[f.name] for f in fields(cls)}
        values["not_applicable"] = bool(values["not_applicable"])
        return cls(**values)

    @property
    def is_answered(self) -> bool:
        """True when a level is chosen or the item is marked "not applicable"."""
        return self.not_applicable or self.level is not None



@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of an answer (a row of the append-only ``answer_history``).

    ``field`` is ``level``, ``not_applicable``, ``na_reason``, ``evidence``, ``note`` or
    ``attachment``; ``old_value``/``new_value`` are text (a level as ``"3"``, a flag as ``"0"``/
    ``"1"``, an attachment as ``"name (sha256)"``) or None; ``seq`` orders the rows of this file;
    ``changed_at`` is a UTC stamp and ``changed_by`` the installation that made the change.
    ``typed`` is what the person typed (without control characters) when the stored, cleaned text
    (``new_value``) differs from it, e.g. Thai marks typed in a wrong order; otherwise None."""

    seq: int
    id: str
    answer_id: str
    assessment_id: str
    item_code: str
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: str
    changed_by: str
    typed: str | None = None


def _typed(value: str, cleaned: str) -> str | None:
    """What was typed, when cleaning changed more than control characters (else None)."""
    return kept_typed(strip_control_characters(value), cleaned)


def kept_typed(typed: str | None, stored: str) -> str | None:
    """The copy of what was typed that a history row may keep beside the ``stored`` (cleaned) text:
    None when it is the same, and None when it is over :data:`~.validation.MAX_TEXT` characters.

    A paste that cleaning shortens to the limit (a doubled mark at the end) is saved, so the typed
    copy must obey the same limit at the moment of saving: history rows are held to it when they are
    written (and by every importer), and a copy over it would make that write fail long after the
    window said "saved". A cut copy would no longer be what was typed, so it is not kept at all."""
    if typed is None or typed == stored or len(typed) > validation.MAX_TEXT:
        return None
    return typed


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


class Answers:
    """``workspace.answers``: read and change the answers of an assessment."""

    def __init__(self, db: CoreDatabase, installation_id: str, frameworks: FrameworkRegistry) -> None:
        self._db = db
        self._installation_id = installation_id
        self._frameworks = frameworks
        # Bursts of typing this workspace started: closing ends them, and only them (another
        # window's or command's burst is its own to end).
        self._own_bursts: set[tuple[str, str]] = set()

    # -- reading ---------------------------------------------------------------------------
    def for_assessment(self, assessment_id: str) -> dict[str, Answer]:
        """Every stored answer of an assessment: ``dict[item_code, Answer]``. Items never touched
        have no key; an unknown assessment gives ``{}`` (raises nothing)."""
        return {
            row["item_code"]: Answer.from_row(row)
            for row in self._db.query("SELECT * FROM answers WHERE assessment_id = ?", [assessment_id])
        }

    def get(self, assessment_id: str, item_code: str) -> Answer | None:
        """The stored answer to ``item_code`` in an assessment, or **None** when the item was never
        touched (or the assessment or item is unknown). Unlike the other parts' ``get`` by id, it
        raises no :class:`NotFoundError`: an item without an answer is the normal state of a new round."""
        rows = list(
            self._db.query(
                "SELECT * FROM answers WHERE assessment_id = ? AND item_code = ?", [assessment_id, item_code]
            )
        )
        return Answer.from_row(rows[0]) if rows else None

    def history(self, assessment_id: str, item_code: str | None = None) -> list[HistoryEntry]:
        """The recorded changes of an assessment's answers (one item's when ``item_code`` is
        given), oldest first; bursts of typing still in progress are not included. Unknown ids give
        an empty list. A round typed at an office that gave way to the school's own round ("this is
        the same school") keeps its history: its rows come with the school's, their
        :attr:`HistoryEntry.assessment_id` the typed round's (try27 F5)."""
        rounds = [assessment_id, *typed_rounds_of(self._db.conn, assessment_id)]
        sql = f"SELECT * FROM answer_history WHERE assessment_id IN ({', '.join('?' * len(rounds))})"
        params: list[Any] = list(rounds)
        if item_code is not None:
            sql += " AND item_code = ?"
            params.append(item_code)
        names = [f.name for f in fields(HistoryEntry)]
        return [HistoryEntry(**{name: row[name] for name in names}) for row in self._db.query(sql + " ORDER BY seq", params)]

    # -- changing --------------------------------------------------------------------------
    def set_level(self, assessment_id: str, item_code: str, level: int | None) -> Answer:
        """Choose a level (or clear it with None) and return the stored answer. Choosing a level
        ends "not applicable". The change and its history row are one transaction.

        Raises :class:`NotFoundError` for an unknown assessment, :class:`ValidationError` when the
        round is submitted, its framework lacks the item or the item's scale lacks ``level``, and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""

        def check(framework: Framework) -> None:
            if level is not None and framework.item(item_code).level(level) is None:
                raise ValidationError(f"ระดับ {level} ไม่มีในมาตราส่วนของประเด็น {item_code}")

        changes: dict[str, Any] = {"level": level}
        if level is not None:
            changes["not_applicable"] = False
        return self._change(assessment_id, item_code, changes, check)

    def set_not_applicable(self, assessment_id: str, item_code: str, reason: str) -> Answer:
        """Mark the item "not applicable" (its level is cleared; it then leaves the score) and return
        the stored answer. The reason may be completed later (it is stored cleaned, as
        :meth:`set_text` does). Raises as :meth:`set_level` does (but for the level)."""
        cleaned = clean_text(reason)
        return self._change(
            assessment_id, item_code, {"not_applicable": True, "level": None, "na_reason": cleaned},
            typed={"na_reason": _typed(str(reason or ""), cleaned)},
        )

    def clear_not_applicable(self, assessment_id: str, item_code: str) -> Answer:
        """Undo "not applicable" (the reason is kept, the level stays empty) and return the stored
        answer. Raises as :meth:`set_level` does (but for the level)."""
        return self._change(assessment_id, item_code, {"not_applicable": False})

    def set_text(self, assessment_id: str, item_code: str, field: str, value: str) -> Answer:
        """Save typed text (``evidence``, ``note`` or ``na_reason``); call it on every keystroke.
        The text is stored, and recorded in history, as
        :func:`~qualityschool_desktop.text.clean_text` makes it (no control characters, Thai marks
        in standard order); the returned answer holds what was stored. When cleaning changed more
        than control characters, the burst's history row keeps what was typed too
        (:attr:`HistoryEntry.typed`, the last keystroke's text without control characters).

        Raises :class:`ValidationError` for another field, a text longer than
        :data:`~.validation.MAX_TEXT` characters (the rule an import holds it to; nothing is written
        then), a submitted round or an item its framework lacks; :class:`NotFoundError` for an
        unknown assessment; :class:`~qualityschool_desktop.errors.StorageError` when the database
        cannot be written."""
        if field not in TEXT_FIELDS:
            raise ValidationError(f"ไม่มีช่อง {field} ในคำตอบ")
        cleaned = clean_text(value)
        return self._change(assessment_id, item_code, {field: cleaned}, typed={field: _typed(str(value), cleaned)})

    def flush_pending(self, answer_id: str | None = None, *, stale_only: bool = False) -> int:
        """Turn bursts of typing into history rows now (all of them, or one answer's); returns how
        many rows were written. ``stale_only``: only bursts whose last keystroke is older than
        :data:`BURST_GAP` (on opening: a burst still being typed in another window stays whole).
        Writes nothing, and takes no lock, when there is nothing to flush. Raises
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        before = None
        if stale_only:
            before = (parse_iso(now_iso()) - BURST_GAP).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        if not self._has_pending(answer_id, before):
            return 0
        with self._db.write():
            return self._flush(answer_id=answer_id, ended_before=before)

    def end_own_bursts(self) -> int:
        """End the bursts of typing this workspace started, and any left by a crash (older than
        :data:`BURST_GAP`); called when the workspace closes. Returns the history rows written
        (none, and nothing is written, on a read-only database). Raises
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        if self._db.read_only:
            return 0
        written = self.flush_pending(stale_only=True)
        own, self._own_bursts = sorted(self._own_bursts), set()
        for answer_id, field in own:
            if self._db.execute(
                "SELECT 1 FROM pending_edits WHERE answer_id = ? AND field = ?", [answer_id, field]
            ).fetchone():
                with self._db.write():
                    written += self._flush(answer_id=answer_id, field=field)
        return written

    def _has_pending(self, answer_id: str | None, ended_before: str | None) -> bool:
        sql = "SELECT 1 FROM pending_edits WHERE 1"
        params: list[Any] = []
        if answer_id is not None:
            sql += " AND answer_id = ?"
            params.append(answer_id)
        if ended_before is not None:
            sql += " AND last_at < ?"
            params.append(ended_before)
        return self._db.execute(sql + " LIMIT 1", params).fetchone() is not None

    # -- internals -------------------------------------------------------------------------
    def editable_framework(self, assessment_id: str, item_code: str) -> Framework:
        """The assessment's framework, after checking the item may be changed now (the
        assessment exists, is a draft, and its framework has the item). The rule every change of
        an answer or its evidence files obeys; reads only.

        Raises :class:`NotFoundError` for an unknown assessment and :class:`ValidationError` for a
        submitted round or an item its framework lacks."""
        row = self._db.execute(
            "SELECT status, framework_id, framework_version FROM assessments WHERE id = ?", [assessment_id]
        ).fetchone()
        if row is None:
            raise NotFoundError("ไม่พบแบบประเมินนี้ในฐานข้อมูล")
        status, framework_id, version = row
        if status != "draft":
            raise ValidationError("แบบประเมินนี้ส่งแล้ว แก้ไขไม่ได้ หากต้องการแก้ไขให้เปิดแก้ไขอีกครั้งก่อน")
        framework = self._frameworks.get(framework_id, version)
        if not framework.has_item(item_code):
            raise ValidationError(f"ไม่มีประเด็นรหัส {item_code} ในเกณฑ์ที่แบบประเมินนี้ใช้")
        return framework

    def _change(
        self,
        assessment_id: str,
        item_code: str,
        changes: dict[str, Any],
        check: Callable[[Framework], None] | None = None,
        typed: dict[str, str | None] | None = None,
    ) -> Answer:
        """One save: check, write the answer and its history, commit. The checks run inside the
        transaction, so a submission made in between by another window cannot be written past;
        the answer as it will be stored is held to the shared rules (:mod:`.validation`) before
        anything is written. ``typed``: per text field, what was typed when it differs from the
        cleaned value (kept for the burst's history row)."""
        now = now_iso()
        execute = self._db.conn.execute  # the hot path: a save per keystroke
        with self._db.write():
            framework = self.editable_framework(assessment_id, item_code)
            if check is not None:
                check(framework)
            cursor = execute(
                "SELECT * FROM answers WHERE assessment_id = ? AND item_code = ?", [assessment_id, item_code]
            )
            found = cursor.fetchone()
            if found is None:
                current: dict[str, Any] = self._new_row(assessment_id, item_code, now)
            else:
                current = dict(zip((column[0] for column in cursor.description), found))
            normalised = {
                key: (int(value) if key == "not_applicable" else value) for key, value in changes.items()
            }
            changed = {key: value for key, value in normalised.items() if current[key] != value}
            validation.check_row("answers", {**current, **changed}, changed)
            if found is None:
                execute(
                    "INSERT INTO answers (id, assessment_id, item_code, created_at, modified_at, modified_by)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [current["id"], assessment_id, item_code, now, now, self._installation_id],
                )
            answer_id = current["id"]
            if changed:
                assignments = ", ".join(f"{key} = ?" for key in changed)
                execute(
                    f"UPDATE answers SET {assignments}, modified_at = ?, modified_by = ? WHERE id = ?",
                    [*changed.values(), now, self._installation_id, answer_id],
                )
                for key, value in changed.items():
                    if key in TEXT_FIELDS:
                        self._note_typing(answer_id, key, current[key], now, (typed or {}).get(key))
                    else:
                        self._append_history(answer_id, assessment_id, item_code, key, current[key], value, now)
                current.update(changed, modified_at=now, modified_by=self._installation_id)
            if found is not None:
                for key in (typed or {}).keys() - changed.keys():
                    # Same stored text, typed otherwise (a doubled mark): the burst keeps the last typing.
                    execute("UPDATE pending_edits SET typed = ? WHERE answer_id = ? AND field = ?",
                            [typed[key] if typed else None, answer_id, key])
        return Answer.from_row(current)

    def _new_row(self, assessment_id: str, item_code: str, now: str) -> dict[str, Any]:
        """An answer not given yet, as its first save stores it (checked against the shared rules)."""
        row = {
            "id": answer_id_for(assessment_id, item_code), "assessment_id": assessment_id, "item_code": item_code,
            "level": None, "not_applicable": 0, "na_reason": "", "evidence": "", "note": "", "created_at": now,
            "modified_at": now, "modified_by": self._installation_id,
        }
        validation.check_row("answers", row)
        return row

    def _note_typing(self, answer_id: str, field: str, old_value: str, now: str, typed: str | None = None) -> None:
        pending = self._db.execute(
            "SELECT last_at FROM pending_edits WHERE answer_id = ? AND field = ?", [answer_id, field]
        ).fetchone()
        if pending is not None and parse_iso(now) - parse_iso(pending[0]) > BURST_GAP:
            # The previous burst ended with the pause; record it and start a new one.
            self._flush(answer_id=answer_id, field=field, before=old_value)
            pending = None
        self._own_bursts.add((answer_id, field))
        if pending is None:
            self._db.execute(
                "INSERT INTO pending_edits (answer_id, field, old_value, started_at, last_at, typed)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [answer_id, field, old_value, now, now, typed],
            )
        else:
            self._db.execute(
                "UPDATE pending_edits SET last_at = ?, typed = ? WHERE answer_id = ? AND field = ?",
                [now, typed, answer_id, field],
            )

    def _flush(
        self, *, answer_id: str | None = None, field: str | None = None, before: str | None = None,
        ended_before: str | None = None,
    ) -> int:
        """Write pending bursts as history. ``before`` is the value the burst ended with, when the
        answer row already holds a newer one."""
        sql = (
            "SELECT p.answer_id, p.field, p.old_value, p.last_at, a.assessment_id, a.item_code,"
            " a.na_reason, a.evidence, a.note, p.typed FROM pending_edits p JOIN answers a ON a.id = p.answer_id"
        )
        where: list[str] = []
        params: list[Any] = []
        if answer_id is not None:
            where.append("p.answer_id = ?")
            params.append(answer_id)
        if field is not None:
            where.append("p.field = ?")
            params.append(field)
        if ended_before is not None:
            where.append("p.last_at < ?")
            params.append(ended_before)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._db.execute(sql, params).fetchall()
        written = 0
        for pid, pfield, old_value, last_at, assessment_id, item_code, na_reason, evidence, note, typed in rows:
            current = {"na_reason": na_reason, "evidence": evidence, "note": note}[pfield]
            new_value = before if before is not None else current
            typed = kept_typed(typed, new_value)  # a file an earlier version left: over the limit
            if typed is not None and clean_text(typed) != new_value:
                typed = None  # the text was changed since by other means
            if new_value != old_value:
                self._append_history(pid, assessment_id, item_code, pfield, old_value, new_value, last_at, typed)
                written += 1
            self._db.execute("DELETE FROM pending_edits WHERE answer_id = ? AND field = ?", [pid, pfield])
        return written

    def _append_history(
        self, answer_id: str, assessment_id: str, item_code: str, field: str, old: Any, new: Any, when: str,
        typed: str | None = None,
    ) -> None:
        row = validation.checked("answer_history", {
            "id": new_id(), "answer_id": answer_id, "assessment_id": assessment_id, "item_code": item_code,
            "field": field, "old_value": _as_text(old), "new_value": _as_text(new), "changed_at": when,
            "changed_by": self._installation_id, "typed": typed,
        })
        self._db.execute(
            "INSERT INTO answer_history (id, answer_id, assessment_id, item_code, field, old_value, new_value,"
            " changed_at, changed_by, typed) VALUES (:id, :answer_id, :assessment_id, :item_code, :field,"
            " :old_value, :new_value, :changed_at, :changed_by, :typed)",
            row,
        )

    def record_attachment_change(
        self, assessment_id: str, item_code: str, old: str | None, new: str | None
    ) -> None:
        """Record an attachment added (``old`` None) or removed (``new`` None) in the item's history,
        as ``"name (sha256)"`` text, creating the empty answer when the item has none yet. Called by
        ``Attachments`` inside its own write transaction, so it writes without one of its own;
        SQLite errors surface as that transaction's
        :class:`~qualityschool_desktop.errors.StorageError`."""
        row = self._db.execute(
            "SELECT id FROM answers WHERE assessment_id = ? AND item_code = ?", [assessment_id, item_code]
        ).fetchone()
        now = now_iso()
        if row is None:
            answer_id = self._new_row(assessment_id, item_code, now)["id"]
            self._db.execute(
                "INSERT INTO answers (id, assessment_id, item_code, created_at, modified_at, modified_by)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [answer_id, assessment_id, item_code, now, now, self._installation_id],
            )
        else:
            answer_id = row[0]
        self._append_history(answer_id, assessment_id, item_code, "attachment", old, new, now)
