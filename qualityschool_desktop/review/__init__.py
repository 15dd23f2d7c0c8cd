"""The office's review of a school's submitted self-assessment (issue 13, "Review of submissions").

The office records a **decision** on a submitted round: ผ่าน (``accepted``) or ส่งกลับแก้ไข
(``returned``, with a comment saying what to fix), who decided (this installation, and the
office's name as typed) and when (the core clock, UTC; the UI shows it in the Buddhist Era).
Decisions are append-only history (``review_decisions``): a new one supersedes the one before and
both stay. Each names the version of the assessment the office read (``reviewed_version``): a
decision answers that submission only; once the school reopens and resubmits, the round waits
for a new review ("รอตรวจ") while the earlier decisions stay in its history.

**Owners.** The office owns its decisions, the school owns its answers (``exchange/owners.py``,
owner kind ``office``). A decision travels in the exchange file with the assessment it reviews and
applies where it arrives only when signed by the installation that decided, which must not be a
key of the school it reviews. **Which key is "the office" at a school**: only a key a person bound
here as the office of the school's area office (``review/offices.py``, ``signers --office``); a
decision by any other key (a stranger who got the school's file, another district, the school
itself) is refused on import with a Thai reason (``exchange/ownership.py`` ``_is_office``); the
first laptop to review a file is no longer trusted for being first (found by a tester).
A decision claiming an office it was not signed by
refuses the whole file (append-only rows name their author).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..assessments import STATUSES as ASSESSMENT_STATUSES, Assessment, Assessments
from ..clock import now_iso
from ..errors import ValidationError
from ..ids import new_id
from ..office_here import acts_as_office
from ..storage import CoreDatabase
from ..text import clean_text
from .decisions import DECISIONS

if TYPE_CHECKING:
    from .history import Decision, Step

# A round's review state, as the dashboard counts it.
# "correcting": the school reopened a round the office returned and has not sent it again yet.
STATES = {"draft": "ฉบับร่าง", "waiting": "รอตรวจ", "accepted": "ผ่าน", "returned": "ส่งกลับ",
          "correcting": "กำลังแก้ไข"}
# The states in which a round waits for the school's correction (the school list shows them).
TO_CORRECT = ("returned", "correcting")

# A round's status as the school and the office read it wherever it is listed (the school list, the
# assessment's header, its rounds, ``schools --json``): the school's own words until the office
# decided, then the decision in the words the office's report prints (ส่งกลับแก้ไข); a returned round
# the school reopened is not a plain draft: it is being corrected until it is sent again.
STATUS_LABELS = {"draft": ASSESSMENT_STATUSES["draft"], "waiting": ASSESSMENT_STATUSES["submitted"],
                 "accepted": "ผ่านการตรวจ", "returned": DECISIONS["returned"],
                 "correcting": "กำลังแก้ไขตามที่ส่งกลับ"}

NOT_SUBMITTED = "แบบประเมินนี้ยังไม่ได้ส่ง สำนักงานจึงยังตรวจไม่ได้"
BAD_DECISION = "ผลการตรวจต้องเป็น “ผ่าน” หรือ “ส่งกลับแก้ไข”"
OWN_SUBMISSION = (
    "โรงเรียนตรวจแบบประเมินของตนเองไม่ได้: ผลการตรวจ (ผ่าน หรือ ส่งกลับแก้ไข) ต้องมาจากสำนักงานเขตพื้นที่ที่ดูแลโรงเรียน"
    " ซึ่งได้รับแบบประเมินนี้ทางไฟล์แลกเปลี่ยนข้อมูล"
)
NO_COMMENT = "โปรดระบุความเห็นว่าโรงเรียนต้องแก้ไขอะไร ก่อนส่งกลับแก้ไข"


def status_label(state: str) -> str:
    """The Thai status of a round in review ``state`` (a key of :data:`STATES`): ฉบับร่าง, ส่งแล้ว
    (waiting for the office), ผ่านการตรวจ, ส่งกลับแก้ไข (what the office's report prints for a
    returned school) or กำลังแก้ไขตามที่ส่งกลับ (reopened after a return, not sent again)
    (:data:`STATUS_LABELS`). Raises ``KeyError`` for another key."""
    return STATUS_LABELS[state]


class Reviews:
    """``workspace.reviews``: record the office's decisions and read a round's review state."""

    def __init__(self, db: CoreDatabase, installation_id: str, assessments: Assessments) -> None:
        self._db = db
        self._installation_id = installation_id
        self._assessments = assessments

    def decide(self, assessment_id: str, decision: str, comment: str = "", office_name: str = "") -> Decision:
        """Record the office's ``decision`` (``"accepted"`` or ``"returned"``) on the submitted
        round ``assessment_id`` with ``comment`` (multi-line Thai text, cleaned by
        :func:`~qualityschool_desktop.text.clean_text`; required for ``"returned"``) and
        ``office_name`` (one line), stamped now by this installation, and return it.

        Raises :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown round,
        :class:`ValidationError` (Thai) for a round of a school this laptop speaks for (the
        school's own laptop, :meth:`office_here` False: a school never reviews its own submission),
        a draft round, another decision, a return without a
        comment or a text the shared rules refuse (nothing is written then), and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        assessment = self._assessments.get(assessment_id)
        if not self.office_here(assessment.school_id):
            raise ValidationError(OWN_SUBMISSION)
        if assessment.is_draft:
            raise ValidationError(NOT_SUBMITTED)
        if decision not in DECISIONS:
            raise ValidationError(BAD_DECISION)
        comment = clean_text(comment or "", multiline=True).strip()
        if decision == "returned" and not comment:
            raise ValidationError(NO_COMMENT)
        row = {
            "id": new_id(),
            "assessment_id": assessment_id,
            "reviewed_version": self._version(assessment_id),
            "decision": decision,
            "comment": comment,
            "office_name": clean_text(office_name or "", multiline=False).strip(),
            "decided_at": now_iso(),
            "decided_by": self._installation_id,
        }
        from .. import validation  # the shared rules: for writes, not at opening (issue 16)
        with self._db.write():
            self._db.table("review_decisions").insert(validation.checked("review_decisions", row))
        from .history import Decision

        return Decision.from_row(row)

    def history(self, assessment_id: str) -> list[Decision]:
        """The round's decisions, oldest first (in the order they were recorded here); empty when
        none. Raises nothing."""
        from .history import Decision  # made when a history is read: not by the school list (issue 16)

        return [Decision.from_row(row) for row in self._db.query(
            "SELECT * FROM review_decisions WHERE assessment_id = ? ORDER BY seq", [assessment_id])]

    def current(self, assessment: Assessment) -> Decision | None:
        """The decision that answers the round as it is now: the newest one whose
        ``reviewed_version`` is the round's version here, when the round is submitted; None while
        it is a draft or waits for a review. Raises nothing."""
        if assessment.is_draft:
            return None
        version = self._version(assessment.id)
        for decision in reversed(self.history(assessment.id)):
            if decision.reviewed_version == version:
                return decision
        return None

    def state(self, assessment: Assessment) -> str:
        """The round's review state, a key of :data:`STATES`: ``"draft"`` (the school is still
        writing it, or reopened it after a decision other than a return, or after it sent the round
        again since the return: that return is history, :meth:`_sent_again`), ``"correcting"`` (the
        school reopened the submission the office returned), ``"waiting"`` (submitted, not yet
        decided, "รอตรวจ"), ``"accepted"`` or ``"returned"``. Raises nothing."""
        return self.states([assessment])[assessment.id]

    def states(self, assessments: list[Assessment]) -> dict[str, str]:
        """Assessment id -> review state (as :meth:`state` answers) for each of ``assessments``,
        read in one query per 500 (the school list reads every school's rounds). Raises nothing."""
        found = {a.id: ("draft" if a.is_draft else "waiting") for a in assessments}
        found.update(self.decisions([a.id for a in assessments if not a.is_draft]))
        drafts = {a.id: a for a in assessments if a.is_draft}
        found.update({assessment_id: "correcting" for assessment_id, newest in self._newest(list(drafts)).items()
                      if newest["decision"] == "returned"
                      and not self._sent_again(drafts[assessment_id], newest)})
        return found

    def decisions(self, assessment_ids: list[str]) -> dict[str, str]:
        """Assessment id -> the office's newest decision (``"accepted"`` or ``"returned"``) on the
        version stored now, for those of ``assessment_ids`` that have one: one query per 500 ids.
        Raises nothing."""
        latest: dict[str, str] = {}
        for start in range(0, len(assessment_ids), 500):
            chunk = assessment_ids[start:start + 500]
            for assessment_id, decision in self._db.execute(
                "SELECT d.assessment_id, d.decision FROM review_decisions AS d JOIN assessments AS a"
                " ON a.id = d.assessment_id AND a.version = d.reviewed_version"
                f" WHERE d.assessment_id IN ({', '.join('?' for _ in chunk)}) ORDER BY d.seq", chunk
            ):
                latest[str(assessment_id)] = str(decision)  # the newest decision on this version wins
        return latest

    def to_correct(self) -> list[tuple[Assessment, str]]:
        """Every round that waits for its school's correction, with its state (``"returned"`` or
        ``"correcting"``, :data:`TO_CORRECT`), whichever round of its school it is, newest first
        (by fiscal year, then round). Raises nothing."""
        rounds = [Assessment.from_row(row) for row in self._db.query(
            "SELECT * FROM assessments WHERE id IN (SELECT assessment_id FROM review_decisions"
            " WHERE decision = 'returned') ORDER BY fiscal_year DESC, round DESC")]
        states = self.states(rounds)
        return [(assessment, states[assessment.id]) for assessment in rounds if states[assessment.id] in TO_CORRECT]

    def counts(self, assessments: list[Assessment]) -> dict[str, int]:
        """How many of ``assessments`` are in each state: ``{"waiting": n, "accepted": n,
        "returned": n}`` (drafts are not counted; a returned round the school reopened,
        ``"correcting"``, counts as returned until it is submitted again). Raises nothing."""
        found = {"waiting": 0, "accepted": 0, "returned": 0}
        for state in self.states(assessments).values():
            state = "returned" if state == "correcting" else state
            if state in found:
                found[state] += 1
        return found

    def returned_decision(self, assessment: Assessment) -> Decision | None:
        """The office's return a round in state ``"returned"`` or ``"correcting"`` answers to (its
        comment says what to fix); None in the other states. Raises nothing."""
        if self.state(assessment) not in TO_CORRECT:
            return None
        history = self.history(assessment.id)
        return history[-1] if history else None

    def label(self, assessment: Assessment, state: str | None = None) -> str:
        """The round's status as this laptop's window lists it (its rounds tab, the school list's
        tag): a round waiting for the review is "รอตรวจ" where this laptop acts as the office
        (:meth:`office_here`), "ส่งแล้ว" at the school's own; else :func:`status_label`. ``state``:
        the round's :meth:`state`, when known. One word for the window and ``schools --json``
        (TEST35 T5). Raises nothing."""
        state = self.state(assessment) if state is None else state
        if state == "waiting" and self.office_here(assessment.school_id):
            return STATES["waiting"]
        return status_label(state)

    def as_data(self, assessment: Assessment) -> dict[str, Any]:
        """The round's review as plain JSON-ready values (``schools --json``): ``state`` a key of
        :data:`STATES`, its Thai ``label`` as the window lists it (:meth:`label`), the deciding ``comment`` and
        ``decided_at`` (UTC) of the decision that answers the round, or of the return a
        ``"correcting"`` round is being corrected for; ``""`` and None without one. Raises nothing."""
        state = self.state(assessment)
        decision = self.returned_decision(assessment) if state == "correcting" else self.current(assessment)
        return {"state": state, "label": self.label(assessment, state), "comment": decision.comment if decision else "",
                "decided_at": decision.decided_at if decision else None}

    def round_trip(self, assessment_id: str) -> list[Step]:
        """The round's history with the office, oldest first: each submit and reopen by the school
        (``assessment_events``) and each decision of the office, as :class:`Step` values. Ordered
        by their stamps: the school's and the office's clocks may differ, so two steps minutes
        apart on different laptops may show in either order (each side's own steps keep theirs).
        Raises nothing."""
        from .history import Step

        steps = [Step(str(row["happened_at"]), str(row["event"]), "", "", str(row["happened_by"]))
                 for row in self._db.query(
                     "SELECT * FROM assessment_events WHERE assessment_id = ? ORDER BY seq", [assessment_id])]
        steps += [Step(d.decided_at, d.decision, d.comment, d.office_name, d.decided_by)
                  for d in self.history(assessment_id)]
        return sorted(steps, key=lambda step: step.at)

    def waiting_verdicts(self, assessment_id: str) -> list[str]:
        """What the office said on the round in decisions that came in a file and wait here
        (รอตรวจสอบ: signed by a key not yet bound as the school's office), oldest first, as
        :func:`~.decisions.verdict_words` says them ("สำนักงานส่งกลับแก้ไข: <comment>"); not
        applied: the round's state does not follow them until the key is bound (s33 T1). Raises
        nothing."""
        from .decisions import verdict_words

        return [verdict_words(str(decision or ""), str(comment or "")) for decision, comment in self._db.execute(
            "SELECT json_extract(row_json, '$.decision'), json_extract(row_json, '$.comment') FROM pending_changes"
            " WHERE table_name = 'review_decisions' AND decision = ''"
            " AND json_extract(row_json, '$.assessment_id') = ? ORDER BY received_at, rowid", [assessment_id])]

    def office_here(self, school_id: str) -> bool:
        """Does this laptop act as an office for the school (it shows "ผ่าน" and "ส่งกลับแก้ไข")?
        True when the school's records came from another laptop (a key learnt from a file is bound
        to it) or the database is the demo, which plays a district office; False at the school's
        own laptop, which made the school (its own decisions would not count anywhere). Raises
        nothing."""
        return acts_as_office(self._db, school_id)

    def _newest(self, assessment_ids: list[str]) -> dict[str, dict[str, str]]:
        """Assessment id -> its newest decision (``decision``, ``reviewed_version``,
        ``decided_at``), on whichever version, for those of ``assessment_ids`` that have one; one
        query per 500 ids."""
        newest: dict[str, dict[str, str]] = {}
        for start in range(0, len(assessment_ids), 500):
            chunk = assessment_ids[start:start + 500]
            for assessment_id, decision, reviewed, decided_at in self._db.execute(
                "SELECT assessment_id, decision, reviewed_version, decided_at FROM review_decisions"
                f" WHERE assessment_id IN ({', '.join('?' for _ in chunk)}) ORDER BY seq", chunk
            ):  # the newest one wins
                newest[str(assessment_id)] = {"decision": str(decision), "reviewed_version": str(reviewed),
                                              "decided_at": str(decided_at)}
        return newest

    def _sent_again(self, draft: Assessment, decision: dict[str, str]) -> bool:
        """Did the school send the round ``draft`` again after the submission ``decision`` judged
        (and reopen it since)? Then that decision is history (s33 T3: a verdict applies to the
        submission it judged, not to whatever the school does later).

        The round's version tells it first, not a clock: since the judged version the round's row
        changed at least three times (reopened, submitted, reopened); a round reopened to correct
        it has changed once (plus the round's details the school edits, rare). The school's own
        "submitted" step stamped after the decision confirms it, so that neither a few edits of
        the round's details nor a clock that is off alone makes a return history (a clock far
        behind keeps the return current, as before)."""
        reviewed, now = _vector(decision["reviewed_version"]), _vector(self._version(draft.id))
        if any(now.get(key, 0) < count for key, count in reviewed.items()):  # not after the judged one
            return False
        if sum(now.values()) - sum(reviewed.values()) < 3:
            return False
        row = self._db.execute(
            "SELECT 1 FROM assessment_events WHERE assessment_id = ? AND event = 'submitted' AND happened_at > ?",
            [draft.id, decision["decided_at"]]).fetchone()
        return row is not None

    def _version(self, assessment_id: str) -> str:
        row = self._db.execute("SELECT version FROM assessments WHERE id = ?", [assessment_id]).fetchone()
        return str(row[0]) if row else "{}"


def _vector(text: str) -> dict[str, int]:
    """The version vector in a ``version`` column (checked when written, exchange/versions.py);
    empty for anything else. Not through ``validation``: the school list reads states (issue 16)."""
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}


__all__ = ["DECISIONS", "STATES", "STATUS_LABELS", "TO_CORRECT", "Reviews", "status_label"]  # Decision, Step: .history
