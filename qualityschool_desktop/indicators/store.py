"""An area office's indicators (ตัวชี้วัด, seed 003's tables): ``workspace.indicators``.

One record per indicator: its name, unit (หน่วยนับ), owner (ผู้รับผิดชอบ), a span of BE years
(default 2566–2570, any span of at most 10 years), a target per year (ค่าเป้าหมาย) and the actual
value of each year as the office types it; for some kinds (:data:`~.rules.COMPUTED`) the product
also computes the actual from the schools' data (:mod:`.computed`). Every change runs in
:meth:`CoreDatabase.write` after the shared rules (:mod:`.rules`) and adds a row to the append-only
``office_indicator_history`` (one per saved change of a field: the window saves a cell when its
edit ends, so a change is what a person typed into one cell). The records are the office's own and
stay on this laptop (``exchange/records.py``: NEVER_TRAVELS).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping

from ..clock import now_iso
from ..errors import NotFoundError, ValidationError
from ..ids import new_id
from ..plans.store import parse_number
from ..storage import CoreDatabase
from ..text import clean_text
from ..thai import arabic_digits, office_name, thai_digits
from .rules import COMPUTED, DEFAULT_SPAN, FIELD_LABELS, check_row

TABLE = "office_indicators"
EDITABLE = ("name", "unit", "responsible", "first_year", "last_year", "computed")
NOT_FOUND = "ไม่พบตัวชี้วัดนี้ (อาจถูกลบไปแล้ว)"
YEAR_OUTSIDE = "ปี พ.ศ. {year} อยู่นอกช่วงค่าเป้าหมายของตัวชี้วัดนี้ ({first}–{last})"


@dataclass(frozen=True)
class OfficeIndicator:
    """One indicator of ``area_office``: ``targets`` and typed ``actuals`` map BE years to numbers in
    ``unit``; ``computed`` names the kind of actual the product computes ('' none); ``years`` is
    the span ``first_year``–``last_year`` (BE)."""

    id: str
    area_office: str
    position: int
    name: str
    unit: str
    responsible: str
    first_year: int
    last_year: int
    targets: dict[int, float]
    actuals: dict[int, float]
    computed: str
    modified_at: str

    @property
    def years(self) -> tuple[int, ...]:
        """The BE years of the span, in order."""
        return tuple(range(self.first_year, self.last_year + 1))


@dataclass(frozen=True)
class IndicatorChange:
    """One saved change (a row of ``office_indicator_history``): ``field`` as stored (``"name"``,
    ``"targets.2567"``, ``"actuals.2567"`` …), old and new values as text (None: empty), when
    (UTC stamp) and by which installation."""

    seq: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: str
    changed_by: str


def format_number(value: float | None, digits: str = "thai") -> str:
    """A target or actual as printed: no decimals for a whole number, else up to two
    ("87.5"), thousands separated, Thai digits unless ``digits`` is ``"arabic"``; "" for None."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if digits == "arabic" else thai_digits(text)


def _checked(row: dict[str, Any]) -> dict[str, Any]:
    check_row(row)
    return row


def _yearly(text: str) -> dict[int, float]:
    return {int(year): number for year, number in json.loads(text).items()}


def _yearly_json(values: Mapping[int, float]) -> str:
    return json.dumps({str(year): values[year] for year in sorted(values)}, separators=(",", ":"))


def _indicator(row: Mapping[str, Any]) -> OfficeIndicator:
    return OfficeIndicator(row["id"], office_name(row["area_office"]), row["position"], row["name"], row["unit"],
                           row["responsible"], row["first_year"], row["last_year"], _yearly(row["targets"]),
                           _yearly(row["actuals"]), row["computed"], row["modified_at"])


def _year(value: Any, label: str) -> int:
    text = arabic_digits(clean_text("" if value is None else str(value), multiline=False)).strip()
    if not text.isdigit():
        raise ValidationError(f"{label}ต้องเป็นปี พ.ศ. เช่น ๒๕๖๖ (กรอกมา “{value}”)")
    return int(text)


def clean_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The columns to store from fields of :data:`EDITABLE` as typed: one-line texts cleaned and
    trimmed, years (BE) in Thai or Arabic digits, ``computed`` one of '' and
    :data:`~.rules.COMPUTED`. Raises :class:`ValidationError` (Thai) for an unknown field or a year
    that is not a number (ranges are checked against the rules by the caller)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในตัวชี้วัด")
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key in ("first_year", "last_year"):
            cleaned[key] = _year(value, FIELD_LABELS[TABLE][key])
        elif key == "computed":
            cleaned[key] = "" if value is None else str(value)
            if cleaned[key] and cleaned[key] not in COMPUTED:
                raise ValidationError(f"ไม่มีผลที่คำนวณได้แบบ “{value}”")
        else:
            cleaned[key] = " ".join(clean_text("" if value is None else str(value), multiline=False).split())
    return cleaned


class OfficeIndicators:
    """``workspace.indicators``: the indicators of each area office kept on this laptop."""

    def __init__(self, db: CoreDatabase, installation_id: str) -> None:
        self._db = db
        self._installation_id = installation_id

    # -- reading -----------------------------------------------------------------------------
    def for_office(self, area_office: str) -> list[OfficeIndicator]:
        """The indicators of ``area_office`` (exact name) not removed, in the office's order."""
        return [_indicator(row) for row in self._db.query(
            f"SELECT * FROM {TABLE} WHERE office_name(area_office) = office_name(?) AND deleted = 0"
            " ORDER BY position, created_at",
            [area_office])]

    def offices(self) -> tuple[str, ...]:
        """The area offices with indicators here, in Thai order."""
        return tuple(str(row[0]) for row in self._db.execute(
            f"SELECT DISTINCT office_name(area_office) FROM {TABLE} WHERE deleted = 0 ORDER BY 1 COLLATE thai"))

    def get(self, indicator_id: str) -> OfficeIndicator:
        """The indicator ``indicator_id``; raises :class:`NotFoundError` when there is none or it was removed."""
        rows = list(self._db.query(f"SELECT * FROM {TABLE} WHERE id = ? AND deleted = 0", [indicator_id]))
        if not rows:
            raise NotFoundError(NOT_FOUND)
        return _indicator(rows[0])

    def history(self, indicator_id: str) -> list[IndicatorChange]:
        """The saved changes of the indicator, oldest first. Raises nothing."""
        return [IndicatorChange(**row) for row in self._db.query(
            "SELECT seq, field, old_value, new_value, changed_at, changed_by FROM office_indicator_history"
            " WHERE indicator_id = ? ORDER BY seq", [indicator_id])]

    # -- writing -----------------------------------------------------------------------------
    def add(self, area_office: str, name: str = "", *, unit: str = "", responsible: str = "",
            first_year: Any = DEFAULT_SPAN[0], last_year: Any = DEFAULT_SPAN[1], computed: str = "",
            targets: Mapping[int, Any] | None = None, actuals: Mapping[int, Any] | None = None) -> OfficeIndicator:
        """Add an indicator at the end of ``area_office``'s list and return it: ``targets`` and
        ``actuals`` map BE years of the span to numbers as typed (Thai digits, separators, "%";
        blank leaves the year empty). Raises :class:`ValidationError` (Thai, nothing written) for a
        blank office, a text over 255 characters, a year outside 2500–2700, a span over 10 years or
        backwards, a value not a number or a year outside the span;
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        office = office_name(clean_text(area_office or "", multiline=False))
        values = clean_changes({"name": name, "unit": unit, "responsible": responsible, "first_year": first_year,
                                "last_year": last_year, "computed": computed})
        now = now_iso()
        row: dict[str, Any] = {"id": new_id(), "area_office": office, **values, "deleted": 0,
                               "created_at": now, "modified_at": now, "modified_by": self._installation_id}
        check_row({**row, "position": 0, "targets": "{}", "actuals": "{}"})
        span = range(row["first_year"], row["last_year"] + 1)
        row["targets"] = _yearly_json(self._numbers(targets or {}, span, "targets"))
        row["actuals"] = _yearly_json(self._numbers(actuals or {}, span, "actuals"))
        with self._db.write():
            last = self._db.execute(f"SELECT max(position) FROM {TABLE} WHERE office_name(area_office) = ?", [office]).fetchone()[0]
            row["position"] = 0 if last is None else int(last) + 1
            self._db.table(TABLE).insert(_checked(row))
        return self.get(row["id"])

    def update(self, indicator_id: str, **changes: Any) -> OfficeIndicator:
        """Change fields of :data:`EDITABLE` and return the indicator; nothing is written when nothing
        differs. Narrowing the span keeps the values of the years left out (they show again when
        it widens). Raises as :meth:`add` does, and :class:`NotFoundError` for a removed one."""
        values = clean_changes(changes)
        current = self.get(indicator_id)
        merged = {"first_year": current.first_year, "last_year": current.last_year, **values}
        check_row({**values, **merged})
        differs = {k: v for k, v in values.items() if getattr(current, k) != v}
        self._write(current, differs)
        return self.get(indicator_id)

    def set_yearly(self, indicator_id: str, which: str, year: int, value: Any) -> OfficeIndicator:
        """Set one BE ``year``'s target (``which`` ``"targets"``) or typed actual (``"actuals"``)
        from what was typed; blank empties it. Returns the indicator. Raises
        :class:`ValidationError` for another ``which``, a year outside the span or a value that is
        not a number (or beyond ±10¹²), :class:`NotFoundError` for a removed indicator."""
        if which not in ("targets", "actuals"):
            raise ValidationError(f"ไม่มีช่องข้อมูล {which} ในตัวชี้วัด")
        current = self.get(indicator_id)
        values = dict(getattr(current, which))
        number = self._numbers({year: value}, current.years, which).get(year)
        if number is None:
            values.pop(year, None)
        else:
            values[year] = number
        if values != getattr(current, which):
            self._write(current, {which: values}, field=f"{which}.{year}",
                        old=format_number(getattr(current, which).get(year), "arabic") or None,
                        new=format_number(number, "arabic") or None)
        return self.get(indicator_id)

    def remove(self, indicator_id: str) -> OfficeIndicator:
        """Take the indicator off the office's list (kept, :meth:`restore` undoes it); returns it as it was."""
        current = self.get(indicator_id)
        self._write(current, {"deleted": 1})
        return current

    def restore(self, indicator_id: str) -> OfficeIndicator:
        """Undo :meth:`remove`; raises :class:`NotFoundError` for an unknown id."""
        rows = list(self._db.query(f"SELECT * FROM {TABLE} WHERE id = ?", [indicator_id]))
        if not rows:
            raise NotFoundError(NOT_FOUND)
        self._write(_indicator(rows[0]), {"deleted": 0})
        return self.get(indicator_id)

    # -- inside --------------------------------------------------------------------------------
    @staticmethod
    def _numbers(typed: Mapping[int, Any], span: range | tuple[int, ...], which: str) -> dict[int, float]:
        label = FIELD_LABELS[TABLE][which]
        numbers: dict[int, float] = {}
        for year, value in typed.items():
            number = parse_number(value, f"{label}ปี {thai_digits(str(year))} ")
            if number is None:
                continue
            if year not in span:
                raise ValidationError(YEAR_OUTSIDE.format(year=thai_digits(str(year)), first=thai_digits(str(span[0])),
                                                          last=thai_digits(str(span[-1]))))
            numbers[int(year)] = number
        return numbers

    def _write(self, current: OfficeIndicator, values: dict[str, Any], *, field: str | None = None,
               old: str | None = None, new: str | None = None) -> None:
        if not values:
            return
        stored = {k: _yearly_json(v) if k in ("targets", "actuals") else v for k, v in values.items()}
        now = now_iso()
        stored.update(modified_at=now, modified_by=self._installation_id)
        history = ([(field, old, new)] if field else
                   [(k, None if getattr(current, k, None) in ("", None) else str(getattr(current, k, "")),
                     None if v in ("", None) else str(v)) for k, v in values.items()])
        with self._db.write():
            self._db.table(TABLE).update(current.id, _checked(stored))
            for name, before, after in history:
                self._db.execute(
                    "INSERT INTO office_indicator_history (indicator_id, field, old_value, new_value, changed_at,"
                    " changed_by) VALUES (?, ?, ?, ?, ?, ?)", [current.id, name, before, after, now,
                                                               self._installation_id])
