"""The office's texts of an inspection round, stored as typed (``workspace.office_texts``).

One row of ``office_texts`` per (fiscal year, round, field): the plain texts of
:data:`~.texts.TEXT_FIELDS`, ``narrative.<code>`` per component (6.2 1)) and ``problems`` (the
6.3 rows as a JSON list of ``{"problem", "solution", "expected"}``, in the office's order). Every
change runs in :meth:`CoreDatabase.write`. Typed text keeps history the way answers do
(:mod:`qualityschool_desktop.answers`): saved on every keystroke, cleaned by
:func:`~qualityschool_desktop.text.clean_text`, one history row per burst of typing (a pause of
:data:`~qualityschool_desktop.answers.BURST_GAP` ends it; so do closing the workspace and any
change of the 6.3 table's shape), the typed text kept when cleaning changed it.

Owned by the office; the rows stay on this laptop (``exchange/records.py``: NEVER_TRAVELS).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable

from ..answers import BURST_GAP, kept_typed
from ..clock import now_iso, parse_iso
from ..errors import ValidationError
from ..ids import new_id
from ..schools import Schools
from ..storage import CoreDatabase
from ..text import clean_text, strip_control_characters
from ..value_rules import MAX_TEXT
from .rounds import InspectionRounds
from .texts import ONE_LINE, TEXT_FIELDS, ModelSchool, OfficeTexts, ProblemText, districts_of, office_name

__all__ = ["OfficeTextChange", "OfficeTextStore", "PROBLEM_COLUMNS"]

PROBLEM_COLUMNS = ("problem", "solution", "expected")
PROBLEMS = "problems"
NARRATIVE = "narrative."
SERVED = "served."  # + the area office's name: the districts it serves, as typed
MODELS = "models"  # the model schools, JSON [{"school_id", "reason"}]
# An area office's own texts for its part of the report (seed 000 writes 1), 3), 4) per office):
# "area.<field>.<area office>", the field one of AREA_FIELDS (no dot in them), the name as stored.
AREA = "area."
AREA_FIELDS = ("situation", "problems", "success_factors", "suggestions", "good_practices")
AREA_NAME_MAX = 100 - len(AREA + "success_factors.")

UNKNOWN_FIELD = "ไม่มีช่อง {field} ในรายงานของสำนักงาน"
TOO_LONG = "ข้อความยาวเกิน {limit:,} ตัวอักษร จึงยังไม่ได้บันทึก โปรดย่อหรือแบ่งเป็นหลายข้อ"
NOT_MODEL = "โรงเรียนนี้ยังไม่ได้เลือกเป็นโรงเรียนต้นแบบ"
UNKNOWN_OFFICE = "ไม่รู้จักสำนักงานเขตพื้นที่ {office} ในฐานข้อมูลนี้ จึงยังไม่ได้บันทึก (ที่มี: {known})"
UNKNOWN_DISTRICT = (
    "ไม่รู้จักอำเภอ {unknown} ในจังหวัดของ {office} จึงยังไม่ได้บันทึก (อำเภอที่มี: {known};"
    " คั่นแต่ละอำเภอด้วยเว้นวรรค จุลภาค หรือขึ้นบรรทัดใหม่)"
)
UNKNOWN_COMPONENT = "ไม่มีองค์ประกอบที่ {code} ในเกณฑ์ (มีองค์ประกอบที่ {known}) จึงไม่ได้บันทึกข้อความนี้"
NO_ROW = "ไม่มีแถวที่ {number} ในตารางปัญหาและแนวทางแก้ไข (มี {count} แถว)"
NOT_PER_OFFICE = "ช่อง {field} เป็นข้อความของทั้งรายงาน ไม่แยกตามสำนักงานเขตพื้นที่"
FIELD_REFUSED = 'ช่อง "{key}": {error}'
OFFICE_TOO_LONG = "ชื่อสำนักงานเขตพื้นที่ยาวเกิน {limit} ตัวอักษร จึงเก็บข้อความแยกของสำนักงานนี้ไม่ได้"


@contextmanager
def _naming(key: str) -> Iterator[None]:
    """A refusal of a file's field says which field (a file holds many: F7)."""
    try:
        yield
    except ValidationError as error:
        raise ValidationError(FIELD_REFUSED.format(key=key, error=error)) from None


@dataclass(frozen=True)
class OfficeTextChange:
    """One recorded change of an office text (a row of the append-only ``office_text_history``):
    ``field`` as stored (``"situation"``, ``"narrative.2"``, ``"problems"`` with the table as
    JSON), ``old_value``/``new_value`` text or None, ``changed_at`` a UTC stamp, ``changed_by``
    the installation, ``typed`` what was typed when cleaning changed it (else None)."""

    seq: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: str
    changed_by: str
    typed: str | None = None


def _field_ok(field: str) -> bool:
    if field.startswith(AREA):
        name, _, office = field[len(AREA):].partition(".")
        return name in AREA_FIELDS and 0 < len(office) <= AREA_NAME_MAX
    return field in TEXT_FIELDS or field in (PROBLEMS, MODELS) or (
        field.startswith(NARRATIVE) and 0 < len(field) - len(NARRATIVE) <= 20) or (
        field.startswith(SERVED) and 0 < len(field) - len(SERVED) <= 90)


def _rows_json(rows: list[dict[str, str]]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) if rows else ""


def _rows_of(value: str) -> list[dict[str, str]]:
    if not value:
        return []
    loaded = json.loads(value)
    return [{column: str(row.get(column, "")) for column in PROBLEM_COLUMNS} for row in loaded]


def _models_of(value: str) -> list[dict[str, str]]:
    return [{"school_id": str(entry["school_id"]), "reason": str(entry.get("reason", ""))}
            for entry in json.loads(value)] if value else []


class OfficeTextStore:
    """Read and change the office's texts of the inspection rounds a workspace defines."""

    def __init__(self, db: CoreDatabase, installation_id: str, rounds: InspectionRounds, schools: Schools,
                 components: Callable[[], tuple[str, ...]] = lambda: ("1", "2", "3", "4", "5")) -> None:
        self._components = components  # the checklist's component codes (6.2 1) has one narrative each)
        self._db = db
        self._installation_id = installation_id
        self._rounds = rounds
        self._schools = schools
        self._own_bursts: set[str] = set()  # text ids whose burst this workspace started

    # -- reading -------------------------------------------------------------------------------
    def texts(self, fiscal_year: int, round: int, *, area_office: str = "") -> OfficeTexts:
        """The office's texts of round ``round`` of ``fiscal_year`` (BE) as stored (empty
        :class:`OfficeTexts` when none is written; an undefined round has none). With
        ``area_office`` (as the schools name it, digits either way): that office's own texts for its
        part of the report, :data:`AREA_FIELDS` only (the rest empty). Raises nothing."""
        values = {row["field"]: row["value"] for row in self._db.query(
            "SELECT field, value FROM office_texts WHERE fiscal_year = ? AND round = ?", [fiscal_year, round])}
        if area_office:
            office = office_name(area_office)
            own = {field: values.get(f"{AREA}{field}.{office}", "") for field in AREA_FIELDS}
            rows = tuple(ProblemText(**row) for row in _rows_of(own.pop(PROBLEMS)))
            return OfficeTexts(problems=rows, **own)
        values = {field: value for field, value in values.items() if not field.startswith(AREA)}
        plain = {field: values.get(field, "") for field in TEXT_FIELDS}
        narratives = tuple(sorted((field[len(NARRATIVE):], value) for field, value in values.items()
                                  if field.startswith(NARRATIVE) and value))
        problems = tuple(ProblemText(**row) for row in _rows_of(values.get(PROBLEMS, "")))
        # An office's name stored before names were kept with Arabic digits is read with them (f03).
        served = tuple(sorted((office_name(field[len(SERVED):]), tuple(districts_of(value)))
                              for field, value in values.items() if field.startswith(SERVED) and value))
        models = tuple(ModelSchool(**entry) for entry in _models_of(values.get(MODELS, "")))
        return OfficeTexts(problems=problems, narratives=narratives, served=served, models=models, **plain)

    def problems(self, fiscal_year: int, round: int, *, area_office: str = "") -> list[ProblemText]:
        """The 6.3 rows of the round (of ``area_office``'s part when given) in the office's order
        (any number). Raises nothing."""
        return list(self.texts(fiscal_year, round, area_office=area_office).problems)

    def _field(self, field: str, area_office: str) -> str:
        """The stored name of ``field`` (of ``area_office``'s part when given). Raises
        :class:`ValidationError` (Thai) for a field not kept per office or an unknown office."""
        if not area_office:
            return field
        if field not in AREA_FIELDS:
            raise ValidationError(NOT_PER_OFFICE.format(field=field))
        office = office_name(area_office)
        known = self._schools.area_offices()
        if office not in known:
            raise ValidationError(UNKNOWN_OFFICE.format(office=office, known=", ".join(known) or "-"))
        if len(office) > AREA_NAME_MAX:
            raise ValidationError(OFFICE_TOO_LONG.format(limit=AREA_NAME_MAX))
        return f"{AREA}{field}.{office}"

    def history(self, fiscal_year: int, round: int, field: str | None = None) -> list[OfficeTextChange]:
        """The recorded changes of the round's texts (one ``field``'s, or all), oldest first.
        A burst still being typed is not in it yet (:meth:`flush_pending`). Raises nothing."""
        sql = ("SELECT h.seq, h.field, h.old_value, h.new_value, h.changed_at, h.changed_by, h.typed"
               " FROM office_text_history h JOIN office_texts t ON t.id = h.text_id"
               " WHERE t.fiscal_year = ? AND t.round = ?")
        params: list[Any] = [fiscal_year, round]
        if field is not None:
            sql += " AND h.field = ?"
            params.append(field)
        return [OfficeTextChange(**row) for row in self._db.query(sql + " ORDER BY h.seq", params)]

    # -- typing --------------------------------------------------------------------------------
    def set_text(self, fiscal_year: int, round: int, field: str, value: str, *, area_office: str = "") -> str:
        """Save a text the office types (call it on every keystroke) and return it as stored:
        ``field`` one of :data:`~.texts.TEXT_FIELDS` or ``"narrative.<component code>"``;
        ``office`` and ``policy`` are one line. With ``area_office`` (one the schools here name)
        the text is that office's own for its part of the report (:data:`AREA_FIELDS` only; a
        :class:`ValidationError` in Thai for another field or office). Cleaned as all typed text
        (:func:`~qualityschool_desktop.text.clean_text`), trimmed, history per burst of typing.

        Raises :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) when the round is not defined,
        :class:`ValidationError` (Thai) for another field or a text over
        :data:`~qualityschool_desktop.validation.MAX_TEXT` characters (nothing is written then),
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        if not _field_ok(field) or field in (PROBLEMS, MODELS):
            raise ValidationError(UNKNOWN_FIELD.format(field=field))
        if field.startswith(NARRATIVE):
            self._check_component(field[len(NARRATIVE):])
        stored = self._field(field, area_office)
        raw = str(value or "")
        cleaned = clean_text(raw, multiline=field not in ONE_LINE).strip()
        typed = strip_control_characters(raw, multiline=field not in ONE_LINE).strip()
        return self._save(fiscal_year, round, stored, cleaned, kept_typed(typed, cleaned))

    def set_problem(self, fiscal_year: int, round: int, index: int, column: str, value: str, *,
                    area_office: str = "") -> ProblemText:
        """Save one cell of 6.3 row ``index`` (0-based; ``column`` one of :data:`PROBLEM_COLUMNS`)
        as typed, and return the row as stored; ``area_office``: of that office's part. Raises as
        :meth:`set_text` does, and :class:`ValidationError` (Thai) for a row that does not exist or
        another column."""
        if column not in PROBLEM_COLUMNS:
            raise ValidationError(UNKNOWN_FIELD.format(field=f"{PROBLEMS}.{column}"))
        field = self._field(PROBLEMS, area_office)
        cleaned = clean_text(str(value or "")).strip()
        rows = self._problem_rows(fiscal_year, round, field)
        self._check_index(rows, index)
        rows[index][column] = cleaned
        self._save(fiscal_year, round, field, _rows_json(rows), None)
        return ProblemText(**self._problem_rows(fiscal_year, round, field)[index])

    def add_problem(self, fiscal_year: int, round: int, row: ProblemText | None = None,
                    at: int | None = None, *, area_office: str = "") -> int:
        """Add a 6.3 row (empty, or ``row``, e.g. an accepted suggestion) at ``at`` (0-based; the
        end when None) and return its index; ``area_office``: to that office's part. A change of
        the table's shape is one history row at once. Raises as :meth:`set_text` does."""
        field = self._field(PROBLEMS, area_office)
        rows = self._problem_rows(fiscal_year, round, field)
        entry = row or ProblemText("")
        position = len(rows) if at is None else max(0, min(at, len(rows)))
        rows.insert(position, {column: getattr(entry, column) for column in PROBLEM_COLUMNS})
        self._save(fiscal_year, round, field, _rows_json(rows), None, whole=True)
        return position

    def remove_problem(self, fiscal_year: int, round: int, index: int, *, area_office: str = "") -> ProblemText:
        """Remove 6.3 row ``index`` (0-based) and return it (to put back with :meth:`add_problem`
        ``at=index``); history keeps it. Raises as :meth:`set_problem`."""
        field = self._field(PROBLEMS, area_office)
        rows = self._problem_rows(fiscal_year, round, field)
        self._check_index(rows, index)
        removed = rows.pop(index)
        self._save(fiscal_year, round, field, _rows_json(rows), None, whole=True)
        return ProblemText(**removed)

    def move_problem(self, fiscal_year: int, round: int, index: int, to: int, *, area_office: str = "") -> None:
        """Move 6.3 row ``index`` to position ``to`` (both 0-based). Raises as :meth:`set_problem`."""
        field = self._field(PROBLEMS, area_office)
        rows = self._problem_rows(fiscal_year, round, field)
        self._check_index(rows, index)
        rows.insert(max(0, min(to, len(rows) - 1)), rows.pop(index))
        self._save(fiscal_year, round, field, _rows_json(rows), None, whole=True)

    def set_served(self, fiscal_year: int, round: int, area_office: str, districts: str) -> tuple[str, ...]:
        """Save, as typed, the districts (อำเภอ) ``area_office`` serves for 6.1 (separated by line
        breaks, commas or spaces; those without a quality school too) and return them as read back
        (:func:`~.texts.districts_of`). ``area_office`` is trimmed, its runs of spaces made one.
        Raises as :meth:`set_text` does, and :class:`ValidationError` (Thai, listing the known
        ones; nothing is written) for an area office no school here names or a district no school
        of its province is in."""
        office = self._check_served(area_office, districts)
        stored = self.set_text(fiscal_year, round, SERVED + office, districts)
        return tuple(districts_of(stored))

    def _check_served(self, area_office: str, districts: str | tuple[str, ...]) -> str:
        office = office_name(area_office)
        known_offices = self._schools.area_offices()
        if office not in known_offices:
            raise ValidationError(UNKNOWN_OFFICE.format(office=office, known=", ".join(known_offices) or "-"))
        known = self._schools.districts_of_province(office)
        typed = districts if isinstance(districts, tuple) else tuple(districts_of(districts))
        unknown = [name for name in typed if name not in known]
        if unknown:
            raise ValidationError(UNKNOWN_DISTRICT.format(unknown=", ".join(unknown), office=office,
                                                          known=", ".join(known)))
        return office

    def _check_component(self, code: str) -> None:
        known = self._components()
        if code not in known:
            raise ValidationError(UNKNOWN_COMPONENT.format(code=code, known=", ".join(known)))

    def models(self, fiscal_year: int, round: int) -> list[ModelSchool]:
        """The model schools of 6.2 2) the office marked for the round, in its order. Raises nothing."""
        return list(self.texts(fiscal_year, round).models)

    def mark_model(self, fiscal_year: int, round: int, school_id: str, reason: str = "") -> ModelSchool:
        """Mark school ``school_id`` as a model school (โรงเรียนต้นแบบ) of its district or area
        office, with the office's reason (a school marked already keeps its place and gets the
        new reason); returns it as stored. Raises :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) for a school not
        in the database or a round not defined, and as :meth:`set_text` does."""
        self._schools.get(school_id)  # NotFoundError (Thai) for a school not in the database
        model = ModelSchool(school_id, reason)
        entries = self._model_entries(fiscal_year, round)
        for entry in entries:
            if entry["school_id"] == school_id:
                entry["reason"] = model.reason
                break
        else:
            entries.append({"school_id": school_id, "reason": model.reason})
        self._save(fiscal_year, round, MODELS, json.dumps(entries, ensure_ascii=False, separators=(",", ":")), None)
        return model

    def unmark_model(self, fiscal_year: int, round: int, school_id: str) -> None:
        """Take school ``school_id`` off the model schools (history keeps it). Raises
        :class:`ValidationError` (Thai) when it is not marked, and as :meth:`set_text` does."""
        entries = self._model_entries(fiscal_year, round)
        kept = [entry for entry in entries if entry["school_id"] != school_id]
        if len(kept) == len(entries):
            raise ValidationError(NOT_MODEL)
        value = json.dumps(kept, ensure_ascii=False, separators=(",", ":")) if kept else ""
        self._save(fiscal_year, round, MODELS, value, None, whole=True)

    def fill(self, fiscal_year: int, round: int, texts: OfficeTexts) -> OfficeTexts:
        """Save every text ``texts`` holds (what ``report summary --texts FILE`` reads: the same
        fields the window types), each as one change; empty texts leave the stored ones alone, and
        6.3 rows given replace the stored table; ``texts.offices`` fill each area office's own texts.
        Returns the round's texts as stored. All or nothing, in one transaction: raises as
        :meth:`set_text` and :meth:`set_served` do, the :class:`ValidationError` naming the file's
        field (``ช่อง "suggestions": ข้อความยาวเกิน …``), and then none of ``texts`` is stored."""
        for code, _text in texts.narratives:
            self._check_component(code)
        for office, districts in texts.served:
            self._check_served(office, districts)
        for office, _own in texts.offices:
            self._field(PROBLEMS, office)  # an office no school here names: refused before any write
        with self._db.write():  # all or nothing: a refusal half-way rolls the file's earlier texts back (F7)
            for field in TEXT_FIELDS:
                if getattr(texts, field):
                    with _naming(field):
                        # What the file held: set_text cleans it and keeps it in history (issue 11).
                        self.set_text(fiscal_year, round, field, texts.typed_of(field))
            for code, _text in texts.narratives:
                with _naming(f"narratives.{code}"):
                    self.set_text(fiscal_year, round, NARRATIVE + code, texts.typed_of(NARRATIVE + code))
            for office, districts in texts.served:
                with _naming(f"served.{office}"):
                    self.set_served(fiscal_year, round, office, "\n".join(districts))
            if texts.problems:
                rows = [{column: getattr(row, column) for column in PROBLEM_COLUMNS} for row in texts.problems]
                with _naming(PROBLEMS):
                    self._save(fiscal_year, round, PROBLEMS, _rows_json(rows), None, whole=True)
            for office, own in texts.offices:
                for field in AREA_FIELDS:
                    if field != PROBLEMS and getattr(own, field):
                        with _naming(f"offices.{office}.{field}"):
                            self.set_text(fiscal_year, round, field, own.typed_of(field), area_office=office)
                if own.problems:
                    rows = [{column: getattr(row, column) for column in PROBLEM_COLUMNS} for row in own.problems]
                    with _naming(f"offices.{office}.{PROBLEMS}"):
                        self._save(fiscal_year, round, self._field(PROBLEMS, office), _rows_json(rows), None,
                                   whole=True)
        self.end_own_bursts()
        return self.texts(fiscal_year, round)

    # -- bursts --------------------------------------------------------------------------------
    def flush_pending(self, *, stale_only: bool = False) -> int:
        """Turn open bursts of typing into history rows now (only those whose last keystroke is
        older than the burst gap with ``stale_only``); returns the rows written. Writes nothing
        when there is nothing to flush. Raises ``StorageError`` when the database cannot be written."""
        before = None
        if stale_only:
            before = (parse_iso(now_iso()) - BURST_GAP).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        sql = "SELECT id FROM office_texts WHERE burst_old IS NOT NULL"
        params: list[Any] = []
        if before is not None:
            sql += " AND burst_last_at < ?"
            params.append(before)
        ids = [row[0] for row in self._db.execute(sql, params).fetchall()]
        if not ids:
            return 0
        with self._db.write():
            return sum(self._flush(text_id) for text_id in ids)

    def end_own_bursts(self) -> int:
        """End the bursts this workspace started and any stale ones (on closing); returns the
        history rows written (none on a read-only database). Raises ``StorageError``."""
        if self._db.read_only:
            return 0
        written = self.flush_pending(stale_only=True)
        own, self._own_bursts = sorted(self._own_bursts), set()
        if own:
            with self._db.write():
                written += sum(self._flush(text_id) for text_id in own)
        return written

    # -- internals -----------------------------------------------------------------------------
    def _problem_rows(self, fiscal_year: int, round: int, field: str = PROBLEMS) -> list[dict[str, str]]:
        row = self._db.execute("SELECT value FROM office_texts WHERE fiscal_year = ? AND round = ? AND field = ?",
                               [fiscal_year, round, field]).fetchone()
        return _rows_of(row[0] if row else "")

    def _model_entries(self, fiscal_year: int, round: int) -> list[dict[str, str]]:
        row = self._db.execute("SELECT value FROM office_texts WHERE fiscal_year = ? AND round = ? AND field = ?",
                               [fiscal_year, round, MODELS]).fetchone()
        return _models_of(row[0] if row else "")

    @staticmethod
    def _check_index(rows: list[dict[str, str]], index: int) -> None:
        if not isinstance(index, int) or not 0 <= index < len(rows):
            raise ValidationError(NO_ROW.format(number=index + 1 if isinstance(index, int) else index,
                                                count=len(rows)))

    def _save(self, fiscal_year: int, round: int, field: str, value: str, typed: str | None,
              whole: bool = False) -> str:
        """One save in one write transaction. ``whole``: a change that is its own history row
        (ends the open burst first)."""
        if len(value) > MAX_TEXT:
            raise ValidationError(TOO_LONG.format(limit=MAX_TEXT))
        self._rounds.get(fiscal_year, round)  # NotFoundError (Thai) for a round not defined
        now = now_iso()
        with self._db.write():
            found = self._db.execute(
                "SELECT id, value, burst_old, burst_last_at FROM office_texts"
                " WHERE fiscal_year = ? AND round = ? AND field = ?", [fiscal_year, round, field]).fetchone()
            if found is None:
                text_id = new_id()
                self._db.execute(
                    "INSERT INTO office_texts (id, fiscal_year, round, field, value, created_at, modified_at,"
                    " modified_by) VALUES (?, ?, ?, ?, '', ?, ?, ?)",
                    [text_id, fiscal_year, round, field, now, now, self._installation_id])
                current, burst_old, last_at = "", None, None
            else:
                text_id, current, burst_old, last_at = found
            if value == current:
                if burst_old is not None:
                    self._db.execute("UPDATE office_texts SET burst_typed = ? WHERE id = ?", [typed, text_id])
                return value
            if burst_old is not None and (whole or parse_iso(now) - parse_iso(str(last_at)) > BURST_GAP):
                self._flush(text_id)
                burst_old = None
            if whole:
                self._db.execute(
                    "UPDATE office_texts SET value = ?, modified_at = ?, modified_by = ? WHERE id = ?",
                    [value, now, self._installation_id, text_id])
                self._append(text_id, field, current, value, now, None)
                return value
            self._db.execute(
                "UPDATE office_texts SET value = ?, burst_old = ?, burst_last_at = ?, burst_typed = ?,"
                " modified_at = ?, modified_by = ? WHERE id = ?",
                [value, current if burst_old is None else burst_old, now, typed, now, self._installation_id,
                 text_id])
            self._own_bursts.add(text_id)
        return value

    def _flush(self, text_id: str) -> int:
        row = self._db.execute(
            "SELECT field, value, burst_old, burst_last_at, burst_typed FROM office_texts WHERE id = ?",
            [text_id]).fetchone()
        if row is None or row[2] is None:
            return 0
        field, value, old, last_at, typed = row
        typed = kept_typed(typed, value)  # over the limit: a file an earlier version left
        if typed is not None and clean_text(typed, multiline=field not in ONE_LINE).strip() != value:
            typed = None  # changed since by other means
        self._db.execute("UPDATE office_texts SET burst_old = NULL, burst_last_at = NULL, burst_typed = NULL"
                         " WHERE id = ?", [text_id])
        if old == value:
            return 0
        self._append(text_id, field, old, value, last_at, typed)
        return 1

    def _append(self, text_id: str, field: str, old: str, new: str, when: str, typed: str | None) -> None:
        self._db.execute(
            "INSERT INTO office_text_history (id, text_id, field, old_value, new_value, changed_at, changed_by,"
            " typed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id(), text_id, field, old, new, when, self._installation_id, typed])
