"""Self-assessment rounds: one school, one framework version, one fiscal year and round."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from .records import Frozen
from .storage import CoreDatabase

from .clock import now_iso
from .ids import new_id
from .errors import NotFoundError, ValidationError
from .framework import Framework, FrameworkRegistry
from .schools import Schools
from .scoring import AssessmentResult, score_assessment
from .text import clean_text
from .thai import thai_digits

if TYPE_CHECKING:
    from .answers import Answer, Answers
    from .assessment_warnings import Warning

STATUSES = {"draft": "ฉบับร่าง", "submitted": "ส่งแล้ว"}
ROLES = ("ผู้อำนวยการโรงเรียน", "รองผู้อำนวยการโรงเรียน", "ครู", "คณะกรรมการประเมินตนเอง", "ศึกษานิเทศก์")


@dataclass(init=False, repr=False, eq=False)  # a frozen record (records.py): read before "ready" (issue 16)
class Assessment(Frozen):
    """One self-assessment round of a school: ``fiscal_year`` in the Buddhist Era (2500–2700, e.g.
    2569), ``round`` from 1 (at most 1,000), the framework (id and version) it is judged against,
    ``status`` ``"draft"`` or ``"submitted"`` (labels in :data:`STATUSES`), ``assessed_on`` an ISO
    date in the Common Era or ``""``; stamps are UTC text."""

    __slots__ = ("id", "school_id", "framework_id", "framework_version", "fiscal_year", "round", "assessed_on",
                 "assessor_name", "assessor_role", "status", "created_at", "modified_at", "modified_by")

    id: str
    school_id: str
    framework_id: str
    framework_version: str
    fiscal_year: int
    round: int
    assessed_on: str  # ISO date (Common Era), "" when not set
    assessor_name: str
    assessor_role: str
    status: str
    created_at: str
    modified_at: str
    modified_by: str

    def __init__(self, id: str, school_id: str, framework_id: str, framework_version: str, fiscal_year: int,
                 round: int, assessed_on: str, assessor_name: str, assessor_role: str, status: str,
                 created_at: str, modified_at: str, modified_by: str) -> None:
        _set = object.__setattr__
        _set(self, "id", id)
        _set(self, "school_id", school_id)
        _set(self, "framework_id", framework_id)
        _set(self, "framework_version", framework_version)
        _set(self, "fiscal_year", fiscal_year)
        _set(self, "round", round)
        _set(self, "assessed_on", assessed_on)
        _set(self, "assessor_name", assessor_name)
        _set(self, "assessor_role", assessor_role)
        _set(self, "status", status)
        _set(self, "created_at", created_at)
        _set(self, "modified_at", modified_at)
        _set(self, "modified_by", modified_by)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Assessment":
        """The round held in a row of ``assessments`` (a dict by column name; other columns
        ignored). Raises ``KeyError`` when the row lacks a field."""
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def is_draft(self) -> bool:
        """True while the round may be changed (not submitted)."""
        return self.status == "draft"

    @property
    def assessed_date(self) -> date | None:
        """``assessed_on`` as a ``date`` (Common Era), or None when not set."""
        return date.fromisoformat(self.assessed_on) if self.assessed_on else None


_DETAILS = ("assessed_on", "assessor_name", "assessor_role")
BAD_YEAR = "ปีงบประมาณ {year} ไม่ถูกต้อง (ใช้ปี พ.ศ. ตั้งแต่ {low} ถึง {high} เช่น ๒๕๖๙)"
BAD_ROUND = "รอบการประเมินต้องเป็นเลขตั้งแต่ ๑ ถึง {high}"


def _date_text(value: Any) -> str:
    """An assessment date as it is stored: ISO text (a real date is the shared rule's to check), or
    "" for none."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "").strip()


class Assessments:
    """``workspace.assessments``: start rounds, read them, score them, submit them."""

    def __init__(
        self, db: CoreDatabase, installation_id: str, frameworks: FrameworkRegistry, answers: Callable[[], Answers],
        schools: Schools,
    ) -> None:
        self._db = db
        self._installation_id = installation_id
        self._frameworks = frameworks
        self._answers = answers  # the workspace's answers, made when first asked for (issue 16)
        self._schools = schools

    def start(
        self,
        school_id: str,
        fiscal_year: int,
        *,
        round: int | None = None,
        framework: Framework | None = None,
        assessed_on: date | None = None,
        assessor_name: str = "",
        assessor_role: str = "",
    ) -> Assessment:
        """Start a round (the next free round number of that year unless one is given) and return
        it, as a draft judged against ``framework`` (the newest bundled one by default).
        ``fiscal_year`` is a Buddhist Era year (:data:`~.validation.MIN_YEAR_BE`–
        :data:`~.validation.MAX_YEAR_BE`), ``round`` 1–:data:`~.validation.MAX_ROUND` (the exchange
        refuses a higher one); every value is held to the rules an import applies (:mod:`.validation`).

        Raises :class:`NotFoundError` for an unknown school, :class:`ValidationError` for a bad year,
        round, date or name, or a round the school has already (nothing is written then), and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        from . import validation  # the shared rules: for writes, not at opening (issue 16)

        self._schools.require(school_id)
        if not validation.MIN_YEAR_BE <= fiscal_year <= validation.MAX_YEAR_BE:
            raise ValidationError(BAD_YEAR.format(year=fiscal_year, low=thai_digits(validation.MIN_YEAR_BE),
                                                  high=thai_digits(validation.MAX_YEAR_BE)))
        framework = framework or self._frameworks.latest()
        if round is None:
            round = self.next_round(school_id, fiscal_year)
        if not 1 <= round <= validation.MAX_ROUND:
            raise ValidationError(BAD_ROUND.format(high=thai_digits(f"{validation.MAX_ROUND:,}")))
        if self._db.execute(
            "SELECT 1 FROM assessments WHERE school_id = ? AND fiscal_year = ? AND round = ?",
            [school_id, fiscal_year, round],
        ).fetchone():
            raise ValidationError(f"โรงเรียนนี้มีการประเมินปีงบประมาณ {fiscal_year} รอบที่ {round} อยู่แล้ว")
        now = now_iso()
        row: dict[str, Any] = {
            "id": new_id(),
            "school_id": school_id,
            "framework_id": framework.id,
            "framework_version": framework.version,
            "fiscal_year": fiscal_year,
            "round": round,
            "assessed_on": assessed_on.isoformat() if assessed_on else "",
            "assessor_name": clean_text(assessor_name, multiline=False).strip(),
            "assessor_role": clean_text(assessor_role, multiline=False).strip(),
            "status": "draft",
            "created_at": now,
            "modified_at": now,
            "modified_by": self._installation_id,
        }
        with self._db.write():
            self._db.table("assessments").insert(validation.checked("assessments", row))
        return self.get(row["id"])

    def next_round(self, school_id: str, fiscal_year: int) -> int:
        """The round number a new round of ``fiscal_year`` (BE) would take: one more than the
        school's highest that year, 1 when it has none (or the school is unknown). Raises nothing."""
        row = self._db.execute(
            "SELECT max(round) FROM assessments WHERE school_id = ? AND fiscal_year = ?", [school_id, fiscal_year]
        ).fetchone()
        return int(row[0] or 0) + 1

    def get(self, assessment_id: str) -> Assessment:
        """The round with ``assessment_id``; raises :class:`NotFoundError` when there is none."""
        rows = list(self._db.query("SELECT * FROM assessments WHERE id = ?", [assessment_id]))
        if not rows:
            raise NotFoundError("ไม่พบแบบประเมินนี้ในฐานข้อมูล")
        return Assessment.from_row(rows[0])

    def for_school(self, school_id: str) -> list[Assessment]:
        """A school's rounds, newest first (by fiscal year, then round); empty for an unknown
        school or one without rounds."""
        return [
            Assessment.from_row(row)
            for row in self._db.query(
                "SELECT * FROM assessments WHERE school_id = ? ORDER BY fiscal_year DESC, round DESC", [school_id]
            )
        ]

    def find(self, school_id: str, fiscal_year: int | None = None, round: int | None = None) -> Assessment:
        """The school's newest round matching ``fiscal_year`` (BE) and ``round`` (either may be left
        out: the latest round, or the latest of that year, or the newest with that number).

        Raises :class:`NotFoundError` when the school has no rounds (or is unknown) or none matches;
        the message names the year and round asked for."""
        rounds = self.for_school(school_id)
        for assessment in rounds:
            if (fiscal_year is None or assessment.fiscal_year == fiscal_year) and (
                round is None or assessment.round == round
            ):
                return assessment
        if not rounds:
            raise NotFoundError("โรงเรียนนี้ยังไม่มีการประเมิน")
        wanted = " ".join(
            part for part in (f"ปีงบประมาณ {fiscal_year}" if fiscal_year else "", f"รอบที่ {round}" if round else "")
            if part
        )
        raise NotFoundError(f"ไม่พบการประเมิน {wanted} ของโรงเรียนนี้")

    def previous(self, assessment: Assessment) -> Assessment | None:
        """The round before this one for the same school (by year, then round), or None for the
        school's first. Raises nothing."""
        row = list(
            self._db.query(
                "SELECT * FROM assessments WHERE school_id = ? AND (fiscal_year < ? OR (fiscal_year = ? AND round < ?))"
                " ORDER BY fiscal_year DESC, round DESC LIMIT 1",
                [assessment.school_id, assessment.fiscal_year, assessment.fiscal_year, assessment.round],
            )
        )
        return Assessment.from_row(row[0]) if row else None

    def latest_by_school(self) -> dict[str, tuple[Assessment, AssessmentResult]]:
        """Every school's newest round and its result: ``dict[school_id, (Assessment,
        AssessmentResult)]``, read in two queries (the school list shows them all at start-up).
        Schools without rounds have no key. Raises
        :class:`~qualityschool_desktop.errors.FrameworkError` when a round's framework is not
        bundled with this version."""
        from .answers import Answer

        latest = {
            row["school_id"]: Assessment.from_row(row)
            for row in self._db.query(
                "SELECT * FROM assessments AS a WHERE NOT EXISTS (SELECT 1 FROM assessments AS b"
                " WHERE b.school_id = a.school_id AND (b.fiscal_year > a.fiscal_year"
                " OR (b.fiscal_year = a.fiscal_year AND b.round > a.round)))"
            )
        }
        answers: dict[str, dict[str, Answer]] = {assessment.id: {} for assessment in latest.values()}
        for row in self._db.query(
            "SELECT answers.* FROM answers JOIN assessments AS a ON a.id = answers.assessment_id"
            " WHERE NOT EXISTS (SELECT 1 FROM assessments AS b WHERE b.school_id = a.school_id"
            " AND (b.fiscal_year > a.fiscal_year OR (b.fiscal_year = a.fiscal_year AND b.round > a.round)))"
        ):
            answers[row["assessment_id"]][row["item_code"]] = Answer.from_row(row)
        return {
            school_id: (assessment, score_assessment(self.framework_of(assessment), answers[assessment.id]))
            for school_id, assessment in latest.items()
        }

    def framework_of(self, assessment: Assessment) -> Framework:
        """The framework version the round is judged against. Raises
        :class:`~qualityschool_desktop.errors.FrameworkError` when this version of the app does not
        have it (a round imported from a newer app)."""
        return self._frameworks.get(assessment.framework_id, assessment.framework_version)

    def update_details(self, assessment_id: str, **changes: Any) -> Assessment:
        """Change the date (``assessed_on``: a ``date``, ISO text ``YYYY-MM-DD`` of a real date, or
        ``""``/None to clear it), the assessor's name or role (one line of text of at most
        :data:`~.validation.MAX_LINE` characters; :data:`ROLES` are suggestions, not a rule) and
        return the round. Changing nothing writes nothing.

        Raises :class:`NotFoundError` for an unknown round, :class:`ValidationError` for another
        field, a value the shared rules refuse (a date that is not a real one or lies outside BE
        :data:`~.validation.MIN_YEAR_BE`–:data:`~.validation.MAX_YEAR_BE`, a name too long) or a
        submitted round (nothing is written then), and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        unknown = set(changes) - set(_DETAILS)
        if unknown:
            raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในแบบประเมิน")
        current = self.get(assessment_id)
        self._require_draft(current)
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "assessed_on":
                values[key] = _date_text(value)
            else:
                values[key] = clean_text(value, multiline=False).strip()
        if all(getattr(current, key) == value for key, value in values.items()):
            return current
        values.update(modified_at=now_iso(), modified_by=self._installation_id)
        from . import validation  # the shared rules: for writes, not at opening (issue 16)
        with self._db.write():
            self._db.table("assessments").update(assessment_id, validation.checked("assessments", values))
        return self.get(assessment_id)

    def submit(self, assessment_id: str) -> Assessment:
        """Mark the round submitted (read-only until :meth:`reopen`) and return it; bursts of
        typing still open are first written to history. Warnings do not prevent it; submitting a
        submitted round changes nothing. Raises :class:`NotFoundError` for an unknown round and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        self._answers().flush_pending()
        return self._set_status(assessment_id, "submitted")

    def reopen(self, assessment_id: str) -> Assessment:
        """Make a submitted round a draft again (its answers may change) and return it; a draft
        stays as it is. Raises :class:`NotFoundError` for an unknown round and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        return self._set_status(assessment_id, "draft")

    def result(self, assessment_id: str) -> AssessmentResult:
        """The round's scores as they stand: per component the mean level (1.00–5.00) of its
        answered items, the weighted overall score, colour band and readiness groups (see
        :func:`~qualityschool_desktop.scoring.score_assessment`). Raises :class:`NotFoundError` for
        an unknown round and :class:`~qualityschool_desktop.errors.FrameworkError` when its
        framework is not bundled with this version."""
        assessment = self.get(assessment_id)
        return score_assessment(self.framework_of(assessment), self._answers().for_assessment(assessment_id))

    def warnings(self, assessment_id: str) -> list[Warning]:
        """What is missing or odd, in the framework's item order: no assessor's name, unanswered
        items, "not applicable" without a reason, and levels at the top without evidence. Empty
        when nothing is. Raises :class:`NotFoundError` for an unknown round."""
        from .assessment_warnings import Warning  # made when asked for: not on the way to the list (issue 16)

        assessment = self.get(assessment_id)
        framework = self.framework_of(assessment)
        answers = self._answers().for_assessment(assessment_id)
        found: list[Warning] = []
        if not assessment.assessor_name:
            found.append(Warning(None, "ยังไม่ได้ระบุชื่อผู้ประเมิน"))
        for item in framework.items:
            answer = answers.get(item.code)
            if answer is None or not answer.is_answered:
                found.append(Warning(item.code, f"ประเด็น {item.code} ยังไม่ได้เลือกระดับ"))
            elif answer.not_applicable and not answer.na_reason.strip():
                found.append(Warning(item.code, f"ประเด็น {item.code} ไม่เกี่ยวข้อง แต่ยังไม่ได้ระบุเหตุผล"))
            elif answer.level == framework.max_level and not answer.evidence.strip():
                found.append(Warning(item.code, f"ประเด็น {item.code} ระดับสูงสุด แต่ยังไม่มีหลักฐาน"))
        return found

    def _require_draft(self, assessment: Assessment) -> None:
        if not assessment.is_draft:
            raise ValidationError("แบบประเมินนี้ส่งแล้ว แก้ไขไม่ได้ หากต้องการแก้ไขให้เปิดแก้ไขอีกครั้งก่อน")

    def _set_status(self, assessment_id: str, status: str) -> Assessment:
        current = self.get(assessment_id)
        if current.status == status:
            return current
        now = now_iso()
        values = {"status": status, "modified_at": now, "modified_by": self._installation_id}
        # The round's history keeps each submit and reopen (issue 13: the round trip with the office).
        event = {"id": new_id(), "assessment_id": assessment_id,
                 "event": "submitted" if status == "submitted" else "reopened",
                 "happened_at": now, "happened_by": self._installation_id}
        from . import validation  # the shared rules: for writes, not at opening (issue 16)
        with self._db.write():
            self._db.table("assessments").update(assessment_id, validation.checked("assessments", values))
            self._db.table("assessment_events").insert(validation.checked("assessment_events", event))
        return self.get(assessment_id)
