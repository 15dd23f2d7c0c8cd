"""``workspace.plans``: a school's development plan (แผนพัฒนาคุณภาพการศึกษา, issue 14), stored.

Seed 000 asks every quality school for a development plan "by the five components"; DOMAIN.md's
Re-5-Steps step 2 ("Reconstruct to goal") is where it sits. A plan spans one fiscal year or a few
(BE, at most ten: seed 003 plans 2566–2570) and starts from a round of self-assessment (the latest
submitted one when it is made). It holds goals (one component each, with the items it means to
raise and the level it means them to reach), indicators (ตัวชี้วัด | หน่วยนับ | ค่าฐาน | ค่าเป้าหมาย
per year | ผู้รับผิดชอบ, seed 003's table form, with the actual value per year) and activities (owner,
start and end dates, budget in whole baht, status).

The plan belongs to the school: every write goes through :meth:`CoreDatabase.write` and the
migration's triggers refuse it where this installation does not own the school
(:class:`~qualityschool_desktop.errors.OwnershipError`, migration 0020 like 0016). Removing a part
marks it ``deleted`` (kept for undo and for the exchange). Bad input raises
:class:`~qualityschool_desktop.errors.ValidationError` with a Thai message and changes nothing.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Mapping

from .. import validation
from ..clock import now_iso
from ..budget import money
from ..errors import NotFoundError, ValidationError
from ..ids import new_id
from ..numbers import without_thousands
from ..text import clean_text
from ..thai import arabic_digits, format_date, thai_digits
from . import rules, spans
from .rules import MAX_SPAN_YEARS, STATUSES, activity_date_bounds

if TYPE_CHECKING:
    from ..framework import Framework, FrameworkRegistry
    from ..schools import Schools
    from ..storage import CoreDatabase

PARTS = ("plan_goals", "plan_indicators", "plan_activities")
_LINE_FIELDS = {"title", "unit", "responsible", "owner"}
NOT_FOUND = "ไม่พบแผนพัฒนานี้ในฐานข้อมูล"


@dataclass(frozen=True)
class Plan:
    """A school's plan: ``first_year``–``last_year`` (BE, inclusive), its ``title``, and the round
    it started from (``base_year``/``base_round``, None when the school had no submitted round)."""

    id: str
    school_id: str
    first_year: int
    last_year: int
    title: str
    base_year: int | None
    base_round: int | None
    modified_at: str

    @property
    def years(self) -> tuple[int, ...]:
        """The plan's BE years, first to last."""
        return tuple(range(self.first_year, self.last_year + 1))

    @property
    def span_text(self) -> str:
        """The years as a person writes them: ``"2569"`` or ``"2566–2570"`` (Arabic digits)."""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


@dataclass(frozen=True)
class Goal:
    """A goal (เป้าหมาย) of one component (``component_code`` ``"1"`` … ``"5"``): its text, the
    items it means to raise and the level it means them to reach (None: one level above where
    each stood)."""

    id: str
    plan_id: str
    component_code: str
    name: str
    item_codes: tuple[str, ...]
    target_level: int | None
    position: int


@dataclass(frozen=True)
class PlanIndicator:
    """An indicator (ตัวชี้วัด, seed 003): unit (หน่วยนับ), ``baseline`` (None: not known),
    ``targets`` and ``actuals`` by BE year (numbers in the unit), who is responsible; ``goal_id``
    the goal it measures (None: the plan as a whole)."""

    id: str
    plan_id: str
    goal_id: str | None
    name: str
    unit: str
    baseline: float | None
    targets: Mapping[int, float]
    actuals: Mapping[int, float]
    responsible: str
    position: int


@dataclass(frozen=True)
class Activity:
    """An activity (กิจกรรม/โครงการ): owner, ``starts_on``/``ends_on`` ISO dates (CE, ``""`` when
    not set), ``budget_satang`` the budget in satang (None: not known; migration 0035), ``status`` a key of
    :data:`~.rules.STATUSES`; ``goal_id`` the goal it serves (None: the plan as a whole)."""

    id: str
    plan_id: str
    goal_id: str | None
    name: str
    owner: str
    starts_on: str
    ends_on: str
    budget_satang: int | None
    status: str
    position: int

    @property
    def status_label(self) -> str:
        """The status in Thai (ยังไม่เริ่ม, กำลังดำเนินการ, เสร็จแล้ว, ยกเลิก)."""
        return STATUSES[self.status]


@dataclass(frozen=True)
class PlanParts:
    """A plan with its goals, indicators and activities (in their order), removed ones left out."""

    plan: Plan
    goals: tuple[Goal, ...] = ()
    indicators: tuple[PlanIndicator, ...] = ()
    activities: tuple[Activity, ...] = ()
    goal_by_id: dict[str, Goal] = field(default_factory=dict, compare=False)

    @property
    def budget_total(self) -> int:
        """The budget of the activities not cancelled, in satang (unknown budgets add nothing)."""
        return sum(a.budget_satang or 0 for a in self.activities if a.status != "cancelled")


def _yearly_json(values: Mapping[Any, Any]) -> str:
    return json.dumps({str(year): values[year] for year in sorted(values, key=int)}, separators=(",", ":"))


def _yearly(text: str) -> dict[int, float]:
    return {int(year): number for year, number in json.loads(text).items()}


_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def parse_number(value: Any, label: str) -> float | None:
    """A number a person typed: Thai digits, thousands separators, a trailing ``%`` accepted; blank
    (or None) is "not known" (None). Returns a float. Raises :class:`ValidationError` naming
    ``label`` for text that is not a number (digits with a sign and one decimal point: "nan",
    "inf" and "1e3" are not) or is beyond ±10¹² (``validation.MAX_MEASURE``)."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = arabic_digits(clean_text(value, multiline=False)).replace("%", "").strip()
        text = without_thousands(text, label, value)
        if not text:
            return None
        if not _PLAIN_NUMBER.fullmatch(text):  # "nan", "inf", "1e3": not a number as people write one (try14e)
            raise ValidationError(f"{label}ต้องเป็นตัวเลข (กรอกมา “{value}”)")
        number = float(text)
    if not math.isfinite(number) or abs(number) > validation.MAX_MEASURE:
        raise ValidationError(f"{label}มากเกินจริง (กรอกมา “{value}”)")
    return number


def parse_baht(value: Any) -> int | None:
    """A budget in **satang** from what a person typed in baht ("150,000", "1,500.50", "๑,๕๐๐.๕๐",
    "150000 บาท"), read by the budget's own parser (:func:`~qualityschool_desktop.budget.money.parse_baht`:
    at most two decimals, not negative); blank is "not known" (None); a number is baht. Raises
    :class:`ValidationError` (Thai) as that parser does, or for an amount over 10¹² baht."""
    if value is None or (isinstance(value, str) and not clean_text(value).strip()):
        return None
    return money.parse_baht(value, "งบประมาณ", maximum=rules.MAX_SATANG)


class Plans:
    """``workspace.plans``: the development plans of each school."""

    def __init__(self, db: "CoreDatabase", installation_id: str, schools: "Schools",
                 frameworks: "FrameworkRegistry | None" = None) -> None:
        self._db = db
        self._installation_id = installation_id
        self._schools = schools
        if frameworks is None:
            from ..framework import bundled_frameworks
            frameworks = bundled_frameworks()
        self._frameworks = frameworks

    # -- reading -----------------------------------------------------------------------------
    def get(self, plan_id: str) -> Plan:
        """The plan with ``plan_id``; raises :class:`NotFoundError` when there is none or it was removed."""
        rows = list(self._db.query("SELECT * FROM plans WHERE id = ? AND deleted = 0", [plan_id]))
        if not rows:
            raise NotFoundError(NOT_FOUND)
        return _plan(rows[0])

    def for_school(self, school_id: str) -> list[Plan]:
        """A school's plans, newest span first (by first year, then last change)."""
        return [_plan(row) for row in self._db.query(
            "SELECT * FROM plans WHERE school_id = ? AND deleted = 0 ORDER BY first_year DESC, modified_at DESC",
            [school_id])]

    def find(self, school_id: str, year: int, *, title: str | None = None) -> Plan:
        """The school's plan covering BE ``year``: of several, the one with content or titled
        ``title`` (:func:`~.spans.choose`). Raises :class:`NotFoundError` (Thai, naming the year)
        when none does, :class:`ValidationError` (Thai, naming them) when several have content."""
        plans = self.for_school(school_id)
        sizes = {str(row[0]): int(row[1]) for row in self._db.execute(
            "SELECT plan_id, count(*) FROM (" + " UNION ALL ".join(
                f"SELECT plan_id FROM {table} WHERE deleted = 0" for table in PARTS) + ") GROUP BY plan_id")}
        return spans.choose(plans, year, sizes, title)

    def framework_of(self, plan: Plan) -> "Framework":
        """The checklist (framework version) the plan's goals name items of: that of the round the
        plan started from (``base_year``/``base_round`` of the school, when this database has it),
        else the newest bundled one. Raises :class:`~qualityschool_desktop.errors.FrameworkError`
        when the round's version is not bundled with this app."""
        if plan.base_year is not None and plan.base_round is not None:
            rows = list(self._db.query(
                "SELECT framework_id, framework_version FROM assessments WHERE school_id = ? AND fiscal_year = ?"
                " AND round = ?", [plan.school_id, plan.base_year, plan.base_round]))
            if rows:
                return self._frameworks.get(rows[0]["framework_id"], rows[0]["framework_version"])
        return self._frameworks.latest()

    def parts(self, plan_id: str) -> PlanParts:
        """The plan with its goals, indicators and activities not removed, each in its order
        (``position``, then when made). Raises :class:`NotFoundError` for an unknown plan."""
        plan = self.get(plan_id)

        def rows(table: str) -> list[dict[str, Any]]:
            return list(self._db.query(f"SELECT * FROM {table} WHERE plan_id = ? AND deleted = 0"
                                       " ORDER BY position, created_at, id", [plan_id]))
        goals = tuple(Goal(r["id"], r["plan_id"], r["component_code"], r["name"], tuple(json.loads(r["item_codes"])),
                           r["target_level"], r["position"]) for r in rows("plan_goals"))
        goals = tuple(sorted(goals, key=lambda g: (g.component_code, g.position)))
        indicators = tuple(PlanIndicator(
            r["id"], r["plan_id"], r["goal_id"], r["name"], r["unit"], r["baseline"], _yearly(r["targets"]),
            _yearly(r["actuals"]), r["responsible"], r["position"]) for r in rows("plan_indicators"))
        activities = tuple(Activity(
            r["id"], r["plan_id"], r["goal_id"], r["name"], r["owner"], r["starts_on"], r["ends_on"],
            r["budget_satang"], r["status"], r["position"]) for r in rows("plan_activities"))
        return PlanParts(plan, goals, indicators, activities, {g.id: g for g in goals})

    # -- writing -----------------------------------------------------------------------------
    def create(self, school_id: str, first_year: int, last_year: int | None = None, *, title: str = "",
               base: tuple[int, int] | None = None) -> Plan:
        """Make a plan of ``school_id`` for BE ``first_year``–``last_year`` (one year when None)
        starting from the round ``base`` = (fiscal year BE, round), or None; returns it. Raises
        :class:`ValidationError` for years outside 2500–2700, a last year before the first or a
        span over ten years, :class:`~.spans.PlanOverlapError` (a ValidationError naming the plan)
        for years another plan of the school covers, :class:`NotFoundError` for an unknown school and
        :class:`~qualityschool_desktop.errors.OwnershipError` where the school is owned elsewhere."""
        self._schools.require(school_id)
        if isinstance(first_year, int) and isinstance(last_year or first_year, int):
            spans.check_overlap(self.for_school(school_id), first_year, last_year or first_year)
        row = {"id": new_id(), "school_id": school_id, "first_year": first_year,
               "last_year": first_year if last_year is None else last_year, "title": _line(title),
               "base_year": base[0] if base else None, "base_round": base[1] if base else None,
               "deleted": 0, **self._stamps(new=True)}
        with self._db.write():
            self._db.execute(*_insert("plans", validation.checked("plans", row)))
        return self.get(row["id"])

    def update_plan(self, plan_id: str, **changes: Any) -> Plan:
        """Change the plan's ``title``, ``first_year`` or ``last_year`` (BE) and return it; raises as
        :meth:`create` does, and :class:`NotFoundError` for an unknown plan."""
        current = self.get(plan_id)
        self._only(changes, {"title", "first_year", "last_year"})
        values = {k: _line(v) if k == "title" else v for k, v in changes.items()}
        if "first_year" in values or "last_year" in values:
            first, last = values.get("first_year", current.first_year), values.get("last_year", current.last_year)
            validation.check_row("plans", {"first_year": first, "last_year": last})
            if isinstance(first, int) and isinstance(last, int) and not 0 <= last - first < MAX_SPAN_YEARS:
                raise ValidationError("ปีสุดท้ายของแผนต้องไม่ก่อนปีแรก และแผนหนึ่งยาวไม่เกิน ๑๐ ปี")
            self._check_span(replace(current, first_year=int(first), last_year=int(last)))
            spans.check_overlap(self.for_school(current.school_id), int(first), int(last), current.id)
        self._update("plans", plan_id, values)
        return self.get(plan_id)

    def _check_span(self, plan: Plan) -> None:
        """Refuse new years that would leave stored values outside the plan (TEST14: shrinking the
        years kept targets of years no longer in it): an indicator's target or actual of a year
        outside, an activity's date more than a year away (:func:`_check_within`); Thai, naming them."""
        parts = self.parts(plan.id)
        outside: list[str] = []
        for indicator in parts.indicators:
            for label, values in (("ค่าเป้าหมาย", indicator.targets), ("ผลที่ได้", indicator.actuals)):
                years = sorted(year for year in values if year not in plan.years)
                if years:
                    outside.append(f"ตัวชี้วัด “{indicator.name}” มี{label}ปี {thai_digits(', '.join(map(str, years)))}")
        for activity in parts.activities:
            for label, iso in (("วันเริ่ม", activity.starts_on), ("วันสิ้นสุด", activity.ends_on)):
                try:
                    _check_within(plan, iso, label)
                except ValidationError:
                    outside.append(f"กิจกรรม “{activity.name}” {label} {_be_date(iso)}")
        if outside:  # names as typed; years and dates (BE) in Thai digits (C14 item 9)
            raise ValidationError(
                f"เปลี่ยนช่วงปีของแผนเป็น {thai_digits(plan.span_text)} ไม่ได้ เพราะมีข้อมูลอยู่นอกช่วงปีใหม่: "
                + "; ".join(outside) + " — แก้หรือลบข้อมูลเหล่านี้ก่อน แล้วจึงเปลี่ยนช่วงปี")

    def add_goal(self, plan_id: str, component_code: str, name: str = "", item_codes: tuple[str, ...] = (),
                 target_level: int | None = None) -> Goal:
        """Add a goal of component ``component_code`` to the plan, meaning to raise ``item_codes``
        to ``target_level``; returns it. Raises :class:`ValidationError` for a bad value,
        :class:`NotFoundError` for an unknown plan. Item codes (Thai digits accepted) must be items
        and ``component_code`` a component of the plan's checklist (:meth:`framework_of`), else
        :class:`ValidationError` names the code."""
        plan = self.get(plan_id)
        values = self._goal_values({"component_code": component_code, "name": name, "item_codes": item_codes,
                                    "target_level": target_level}, plan)
        goal_id = self._insert_part("plan_goals", plan_id, values)
        return next(g for g in self.parts(plan_id).goals if g.id == goal_id)

    def add_indicator(self, plan_id: str, name: str, *, unit: str = "", baseline: Any = None,
                      targets: Mapping[int, Any] | None = None, actuals: Mapping[int, Any] | None = None,
                      responsible: str = "", goal_id: str | None = None) -> PlanIndicator:
        """Add an indicator: ``targets``/``actuals`` map BE years to numbers (typed text accepted,
        see :func:`parse_number`). Returns it; raises as :meth:`add_goal` does."""
        plan = self.get(plan_id)
        values = self._indicator_values({"name": name, "unit": unit, "baseline": baseline, "targets": targets or {},
                                         "actuals": actuals or {}, "responsible": responsible, "goal_id": goal_id},
                                        plan)
        part_id = self._insert_part("plan_indicators", plan_id, values)
        return next(i for i in self.parts(plan_id).indicators if i.id == part_id)

    def add_activity(self, plan_id: str, name: str, *, owner: str = "", starts_on: str = "", ends_on: str = "",
                     budget_baht: Any = None, status: str = "planned", goal_id: str | None = None) -> Activity:
        """Add an activity: dates ISO (CE) or ``""``, ``budget_baht`` the budget in baht as typed
        ("1,500.50"; stored in satang, see :func:`parse_baht`). Returns it; raises as :meth:`add_goal` does."""
        plan = self.get(plan_id)
        values = self._activity_values({"name": name, "owner": owner, "starts_on": starts_on, "ends_on": ends_on,
                                        "budget_baht": budget_baht, "status": status, "goal_id": goal_id}, plan)
        part_id = self._insert_part("plan_activities", plan_id, values)
        return next(a for a in self.parts(plan_id).activities if a.id == part_id)

    def update_part(self, table: str, part_id: str, **changes: Any) -> dict[str, Any]:
        """Change fields of a goal, indicator or activity (``table`` one of :data:`PARTS`), with the
        same cleaning and rules as adding it; nothing is written when nothing differs. Returns the
        values as stored (cleaned: the window says what the cleaning did, TEST34B B13). Raises
        :class:`ValidationError`, :class:`NotFoundError` for an unknown or removed part, and
        :class:`~qualityschool_desktop.errors.OwnershipError` where the school is owned elsewhere."""
        current = self._part_row(table, part_id)
        plan = self.get(current["plan_id"])
        if table == "plan_goals":
            values = self._goal_values(changes, plan, current)
        elif table == "plan_indicators":
            values = self._indicator_values(changes, plan)
        else:
            values = self._activity_values(changes, plan)
        if table == "plan_activities" and {"starts_on", "ends_on"} & set(values):
            validation.check_row(table, {**{k: current[k] for k in ("starts_on", "ends_on")}, **values},
                                 ("ends_on", "starts_on"))
        self._update(table, part_id, {k: v for k, v in values.items() if current[k] != v})
        return values

    def set_yearly(self, indicator_id: str, which: str, year: int, value: Any) -> None:
        """Set one year's target (``which`` ``"targets"``) or actual (``"actuals"``) of an
        indicator; blank removes it. Raises as :meth:`update_part` does."""
        if which not in ("targets", "actuals"):
            raise ValidationError(f"ไม่มีช่องข้อมูล {which} ในตัวชี้วัด")
        current = _yearly(self._part_row("plan_indicators", indicator_id)[which])
        label = "ค่าเป้าหมาย" if which == "targets" else "ผลที่ได้"
        number = parse_number(value, f"{label}ปี {thai_digits(str(year))} ")  # the year named, Thai digits (C14)
        if number is None:
            current.pop(year, None)
        else:
            current[year] = number
        self.update_part("plan_indicators", indicator_id, **{which: current})

    def remove(self, table: str, part_id: str) -> None:
        """Remove a plan (``table`` ``"plans"``) or one of its parts (kept as removed, so
        :meth:`restore` undoes it and the removal travels): a plan only while it holds no goal,
        indicator or activity (:func:`~.spans.check_empty`, Thai). Raises as :meth:`update_part` does."""
        self._part_row(table, part_id)
        if table == "plans":
            spans.check_empty({part: int(self._db.execute(f"SELECT count(*) FROM {part} WHERE plan_id = ?"
                                                          " AND deleted = 0", [part_id]).fetchone()[0])
                               for part in PARTS})
        self._update(table, part_id, {"deleted": 1})

    def restore(self, table: str, part_id: str) -> None:
        """Undo :meth:`remove`. Raises :class:`NotFoundError` for an unknown id, and
        :class:`~.spans.PlanOverlapError` for a plan whose years another plan has taken since."""
        if table not in ("plans", *PARTS) or not self._db.execute(
                f"SELECT 1 FROM {table} WHERE id = ?", [part_id]).fetchone():
            raise NotFoundError(NOT_FOUND)
        if table == "plans":  # not over a plan made for its years since it was removed
            row = self._db.execute("SELECT school_id, first_year, last_year FROM plans WHERE id = ?",
                                   [part_id]).fetchone()
            spans.check_overlap(self.for_school(row[0]), row[1], row[2], part_id)
        self._update(table, part_id, {"deleted": 0})

    # -- helpers -----------------------------------------------------------------------------
    def _stamps(self, *, new: bool = False) -> dict[str, Any]:
        stamp = now_iso()
        found = {"modified_at": stamp, "modified_by": self._installation_id}
        if new:
            found["created_at"] = stamp
        return found

    def _part_row(self, table: str, part_id: str) -> dict[str, Any]:
        if table not in ("plans", *PARTS):
            raise ValidationError(f"ไม่มีข้อมูลชนิด {table} ในแผนพัฒนา")
        rows = list(self._db.query(f"SELECT * FROM {table} WHERE id = ? AND deleted = 0", [part_id]))
        if not rows:
            raise NotFoundError("ไม่พบรายการนี้ในแผนพัฒนา (อาจถูกลบไปแล้ว)")
        return rows[0]

    def _insert_part(self, table: str, plan_id: str, values: dict[str, Any]) -> str:
        row = {"id": new_id(), "plan_id": plan_id, "deleted": 0, **values, **self._stamps(new=True)}
        with self._db.write():
            row["position"] = self._db.execute(
                f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE plan_id = ?", [plan_id]).fetchone()[0]
            self._db.execute(*_insert(table, validation.checked(table, row)))
        return str(row["id"])

    def _update(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        if not values:
            return
        values = {**values, **self._stamps()}
        validation.check_row(table, values)
        with self._db.write():
            self._db.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                             [*values.values(), record_id])

    @staticmethod
    def _only(changes: Mapping[str, Any], allowed: set[str]) -> None:
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในแผนพัฒนา")

    def _goal_values(self, changes: Mapping[str, Any], plan: Plan,
                     current: Mapping[str, Any] | None = None) -> dict[str, Any]:
        self._only(changes, {"component_code", "name", "item_codes", "target_level"})
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "name":
                values[key] = clean_text(value)
            elif key == "item_codes":
                codes = [arabic_digits(clean_text(code, multiline=False)).strip() for code in value]
                values[key] = json.dumps(list(dict.fromkeys(codes)), ensure_ascii=False)
            elif key == "component_code" and isinstance(value, str):
                values[key] = arabic_digits(value).strip()
            else:
                values[key] = value
        validation.check_row("plan_goals", values)
        self._check_codes(values, plan, current or {})
        return values

    def _check_codes(self, values: Mapping[str, Any], plan: Plan, current: Mapping[str, Any]) -> None:
        """Refuse item codes and a component the plan's checklist does not have, an item of another
        component than the goal's and a target level outside the checklist's scale (Thai, naming them)."""
        if not {"item_codes", "component_code", "target_level"} & set(values):
            return
        framework = self.framework_of(plan)
        where = f"ใน{framework.title} ซึ่งแผนนี้ใช้ตามรอบการประเมินตั้งต้น"
        if "component_code" in values and values["component_code"] not in {c.code for c in framework.components}:
            raise ValidationError(f"ไม่มีองค์ประกอบ {thai_digits(values['component_code'])} {where}")
        unknown = [code for code in json.loads(values.get("item_codes", "[]")) if not framework.has_item(code)]
        if unknown:
            raise ValidationError(f"ไม่มีประเด็น {thai_digits(', '.join(unknown))} {where}")
        component = values.get("component_code", current.get("component_code"))
        items = json.loads(values.get("item_codes", current.get("item_codes") or "[]"))
        if component is not None:
            others = [code for code in items if framework.item(code).component_code != component]
            if others:
                raise ValidationError(
                    f"ประเด็น {thai_digits(', '.join(others))} ไม่อยู่ในองค์ประกอบ {thai_digits(component)}"
                    " ของเป้าหมายนี้: เลือกประเด็นขององค์ประกอบเดียวกัน หรือตั้งเป้าหมายในองค์ประกอบของประเด็นนั้น")
        level = values.get("target_level")
        if level is not None and not framework.min_level <= level <= framework.max_level:
            raise ValidationError(
                f"ระดับเป้าหมายของประเด็นต้องอยู่ระหว่าง {thai_digits(str(framework.min_level))}–"
                f"{thai_digits(str(framework.max_level))} ตาม{framework.title} (กรอกมา {thai_digits(str(level))})")

    def _indicator_values(self, changes: Mapping[str, Any], plan: Plan) -> dict[str, Any]:
        self._only(changes, {"name", "unit", "baseline", "targets", "actuals", "responsible", "goal_id"})
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key in ("targets", "actuals"):
                label = "ค่าเป้าหมาย" if key == "targets" else "ผลที่ได้"
                outside = sorted(int(year) for year in value if int(year) not in plan.years)
                if outside:
                    raise ValidationError(
                        f"{label}ปี {thai_digits(', '.join(map(str, outside)))} อยู่นอกช่วงปีของแผน "
                        f"({thai_digits(plan.span_text)}): ขยายช่วงปีของแผนก่อน หรือแก้ปีให้ถูก")
                parsed = {int(year): parse_number(number, f"{label}ปี {thai_digits(str(year))} ") for year, number in value.items()}
                values[key] = _yearly_json({year: n for year, n in parsed.items() if n is not None})
            elif key == "baseline":
                values[key] = parse_number(value, "ค่าฐาน")
            elif key == "goal_id":
                values[key] = value or None
            else:
                values[key] = _line(value)
        validation.check_row("plan_indicators", values)
        return values

    def _activity_values(self, changes: Mapping[str, Any], plan: Plan) -> dict[str, Any]:
        self._only(changes, {"name", "owner", "starts_on", "ends_on", "budget_baht", "status", "goal_id"})
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "budget_baht":  # typed in baht, kept in satang (migration 0035)
                values["budget_satang"] = parse_baht(value)
            elif key in ("starts_on", "ends_on"):
                values[key] = "" if value is None else str(value)
                validation.check_row("plan_activities", {key: values[key]})
                _check_within(plan, values[key], "วันเริ่ม" if key == "starts_on" else "วันสิ้นสุด")
            elif key == "goal_id":
                values[key] = value or None
            elif key == "status":
                values[key] = value
            else:
                values[key] = _line(value)
        validation.check_row("plan_activities", values)
        if values.get("starts_on") and values.get("ends_on") and values["ends_on"] < values["starts_on"]:
            raise ValidationError("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม")
        return values


def _check_within(plan: Plan, iso: str, label: str) -> None:
    """Refuse an activity date more than a year away from the plan's span (issue 14): allowed are
    1 October of the fiscal year before the first (CE) to 31 December of the year after the last,
    so both fiscal and calendar readings of the span fit, with a year's margin for preparing and
    closing. A BE year typed as CE ("2569-11-01") is caught here."""
    if not iso:
        return
    earliest, latest = activity_date_bounds(plan.first_year, plan.last_year)
    if not earliest <= iso <= latest:
        raise ValidationError(
            f"{label}ของกิจกรรมอยู่ห่างจากช่วงปีของแผน ({thai_digits(plan.span_text)}) เกิน ๑ ปี: ปี ค.ศ. {iso[:4]}"
            f" คือ พ.ศ. {thai_digits(str(int(iso[:4]) + 543))} (ตรวจว่ากรอกปี พ.ศ. ในช่องปี ค.ศ. หรือไม่)")


def _be_date(iso: str) -> str:
    """A stored date (ISO, CE) as a Thai BE date in Thai digits ("๓๐ มิถุนายน ๒๕๗๐"); as stored when
    it is not a date."""
    try:
        return format_date(date.fromisoformat(iso), style="thai")
    except ValueError:
        return iso


def _line(value: Any) -> str:
    return " ".join(clean_text(value, multiline=False).split())


def _insert(table: str, row: Mapping[str, Any]) -> tuple[str, list[Any]]:
    return (f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))


def _plan(row: Mapping[str, Any]) -> Plan:
    return Plan(row["id"], row["school_id"], row["first_year"], row["last_year"], row["title"], row["base_year"],
                row["base_round"], row["modified_at"])


__all__ = ["Activity", "Goal", "Plan", "PlanIndicator", "PlanParts", "Plans", "parse_baht", "parse_number", "rules"]
