"""The projects of a school or an area office (issue 15, seed 004): ``workspace.projects``.

A project serves a plan goal and components, names its responsible unit, output and outcome goals,
success indicators (target, actual), activities by fiscal quarter, and budget lines by source (the
office's or school's own budget, or another agency's) planned and disbursed per quarter. Every change
is saved as typed through the one write path; disbursement behind plan without a reason is a
*message* (:meth:`Projects.messages`), never a refusal: the draft is saved (issue 15). A school's
project belongs to the school (migration 0022: another laptop's edit is refused and the exchange
carries it); an office's project names the office and stays on its laptop.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from .. import validation
from ..budget.money import parse_baht
from ..budget.requests import clean_codes
from .. import clock
from ..clock import now_iso
from ..errors import NotFoundError, ValidationError
from ..ids import new_id
from ..schools import Schools
from ..storage import CoreDatabase
from ..text import clean_text
from ..thai import arabic_digits, office_name
from ..thai_dates import read_date
from . import rules
from .dates import check_not_ahead, outside_quarter
from .rules import BEHIND_NEEDS_REASON, NAME_NEEDED, OVER_NEEDS_REASON, SOURCES, STATUSES, quarters_begun

EDITABLE = ("name", "plan_goal_id", "component_codes", "responsible", "output_goals", "outcome_goals", "indicators",
            "activities", "budget_lines", "behind_reason", "status", "problems", "suggestions", "results_summary",
            "position")
NOT_FOUND = "ไม่พบโครงการนี้ (อาจถูกลบไปแล้ว)"
NOT_OWN_GOAL = "เป้าหมายของแผนพัฒนาที่เลือกไม่ใช่เป้าหมายในแผนพัฒนาของโรงเรียนเจ้าของโครงการ (หรือถูกลบไปแล้ว)"
_LINES = ("name", "responsible")
_TEXTS = ("output_goals", "outcome_goals", "behind_reason", "problems", "suggestions")
_PARTS = ("indicators", "activities", "budget_lines")


@dataclass(frozen=True)
class Project:
    """One project of ``fiscal_year`` (BE); ``school_id`` None for an office's project (then
    ``area_office`` names the office). ``indicators``, ``activities`` and ``budget_lines`` are
    tuples of dicts as stored (amounts: lists of 4 quarters in satang)."""

    id: str
    school_id: str | None
    area_office: str
    fiscal_year: int
    name: str
    plan_goal_id: str | None
    component_codes: str
    responsible: str
    output_goals: str
    outcome_goals: str
    indicators: tuple[dict[str, Any], ...]
    activities: tuple[dict[str, Any], ...]
    budget_lines: tuple[dict[str, Any], ...]
    behind_reason: str
    status: str
    problems: str
    suggestions: str
    position: int
    modified_at: str
    results_summary: str = ""  # seed 004's "สรุปผลการดำเนินงาน" as the owner wrote it ("" : none, migration 0030)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Project":
        """The project held in a row of ``projects`` (other columns ignored)."""
        values = {f.name: row[f.name] for f in fields(cls)}
        values["results_summary"] = values["results_summary"] or ""  # NULL: none typed
        for part in _PARTS:
            values[part] = tuple(json.loads(values[part]))
        values["area_office"] = office_name(values["area_office"])  # one digit form (try14e f03)
        return cls(**values)

    def planned_satang(self, quarters: tuple[int, ...] = (1, 2, 3, 4), source: str | None = None) -> int:
        """Budget planned for ``quarters`` (fiscal, 1–4), of lines from ``source`` (None: all), satang."""
        return sum(line["planned"][q - 1] for line in self.budget_lines if source in (None, line["source"])
                   for q in quarters)

    def disbursed_satang(self, quarters: tuple[int, ...] = (1, 2, 3, 4), source: str | None = None) -> int:
        """Budget actually disbursed (เบิกจ่ายจริง) in ``quarters``, of ``source`` (None: all), satang."""
        return sum(line["disbursed"][q - 1] for line in self.budget_lines if source in (None, line["source"])
                   for q in quarters)

    def over_plan(self, up_to_quarter: int = 4) -> bool:
        """True when disbursement from quarter 1 to ``up_to_quarter`` is above the plan for them."""
        quarters = tuple(range(1, up_to_quarter + 1))
        return self.disbursed_satang(quarters) > self.planned_satang(quarters)

    def behind_plan(self, up_to_quarter: int = 4) -> bool:
        """True when disbursement from quarter 1 to ``up_to_quarter`` is below the plan for them."""
        quarters = tuple(range(1, up_to_quarter + 1))
        return self.disbursed_satang(quarters) < self.planned_satang(quarters)

    @property
    def funded_by_others(self) -> bool:
        """True when every budget line is another agency's (and there is at least one)."""
        return bool(self.budget_lines) and all(line["source"] == "agency" for line in self.budget_lines)

    @property
    def allocated_by_obec(self) -> bool:
        """True when every budget line is money allocated by OBEC (สพฐ., and there is at least one):
        seed 004's "โครงการที่ได้รับจัดสรรงบประมาณจาก สพฐ."."""
        return bool(self.budget_lines) and all(line["source"] == "obec" for line in self.budget_lines)

    @property
    def agencies(self) -> tuple[str, ...]:
        """The other agencies funding it, each once, as typed."""
        return tuple(dict.fromkeys(line["agency"] for line in self.budget_lines
                                   if line["source"] == "agency" and line["agency"]))


def goal_label(component_code: str, name: str) -> str:
    """A plan goal as a project names it: "องค์ประกอบที่ 2: ครูจัดการเรียนรู้เชิงรุก" (Arabic digits)."""
    return f"องค์ประกอบที่ {component_code}: {name}" if name else f"องค์ประกอบที่ {component_code}"


def _amounts(values: Any, label: str) -> list[int]:
    values = list(values or [])
    if len(values) > 4:
        raise ValidationError(f"{label}มีได้ ๔ ไตรมาส")
    return [parse_baht(v, label) for v in values] + [0] * (4 - len(values))


def _budget_line(line: dict[str, Any]) -> dict[str, Any]:
    source = str(line.get("source") or "own")
    if source not in SOURCES:
        raise ValidationError("แหล่งงบประมาณต้องเป็นงบประมาณของหน่วยงาน งบประมาณที่ได้รับจัดสรรจาก สพฐ."
                              " หรืองบประมาณจากหน่วยงานอื่น")
    agency = " ".join(clean_text(str(line.get("agency") or ""), multiline=False).split())
    if source == "agency" and not agency:
        raise ValidationError("โปรดระบุชื่อหน่วยงานที่ให้งบประมาณ")
    cleaned: dict[str, Any] = {"source": source, "agency": agency if source == "agency" else "",
               "label": " ".join(clean_text(str(line.get("label") or ""), multiline=False).split())}
    for key, label in (("planned", "งบประมาณตามแผน"), ("disbursed", "งบประมาณที่เบิกจ่ายจริง")):
        if f"{key}_baht" in line:
            cleaned[key] = _amounts(line[f"{key}_baht"], label)
        else:  # as stored: satang
            cleaned[key] = [int(v) for v in (line.get(key) or [0, 0, 0, 0])]
    return cleaned


def _activity(item: dict[str, Any]) -> dict[str, Any]:
    quarter = item.get("quarter")
    try:
        quarter = int(str(quarter))
    except ValueError:
        raise ValidationError(f"ไตรมาสของกิจกรรมต้องเป็น ๑ ถึง ๔ (กรอกมา “{quarter}”)") from None
    if quarter not in (1, 2, 3, 4):
        raise ValidationError(f"ไตรมาสของกิจกรรมต้องเป็น ๑ ถึง ๔ (กรอกมา “{quarter}”)")
    status = str(item.get("status") or "not_started").strip()
    status = {label: key for key, label in STATUSES.items()}.get(status, status)  # typed as the window shows it
    if status not in STATUSES:
        raise ValidationError(f"สถานะของกิจกรรมต้องเป็น {' '.join(STATUSES.values())} (กรอกมา “{status}”)")
    dates = {}
    for key in ("planned_start", "planned_end", "actual_start", "actual_end"):
        typed = str(item.get(key) or "").strip()
        try:
            day = read_date(typed)[0] if typed else None
        except ValidationError as error:
            raise ValidationError(f"วันที่ของกิจกรรม “{typed}” ไม่ถูกต้อง: {error}") from None
        dates[key] = day.isoformat() if day else ""
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        if dates[start] and dates[end] and dates[end] < dates[start]:
            raise ValidationError(f"กิจกรรม “{clean_text(str(item.get('name') or ''))}” วันสิ้นสุดก่อนวันเริ่ม"
                                  f" ({str(item.get(start)).strip()} ถึง {str(item.get(end)).strip()})")
    return {"name": clean_text(str(item.get("name") or "")), "quarter": quarter, **dates, "status": status}


def clean_values(changes: dict[str, Any]) -> dict[str, Any]:
    """The columns to store from the fields of :data:`EDITABLE` as typed: one-line name and
    responsible unit, multi-line goals, reasons, problems and suggestions, ``results_summary``
    (multi-line; blank: stored as NULL, none typed), codes by
    :func:`~..budget.requests.clean_codes`, ``indicators`` as a list of {name, target, actual},
    ``activities`` a list of {name, quarter 1–4, planned/actual start/end dates (ISO, or as Thai
    users type them: ``thai_dates.read_date``; stored ISO), status (key or its Thai label)},
    ``budget_lines`` a list of {source "own"/"obec"/"agency", agency (required for "agency"), label,
    ``planned_baht``/``disbursed_baht``: up to 4 quarters in baht as typed} (stored as satang).
    Raises :class:`ValidationError` (Thai) for an unknown field, status or source, or a bad value."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในโครงการ")
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key in _LINES:
            cleaned[key] = " ".join(clean_text("" if value is None else str(value), multiline=False).split())
            if key == "name" and not cleaned[key]:
                raise ValidationError(NAME_NEEDED)  # a nameless project printed as "๑.๓.๕ –" (try15 F8)
        elif key in _TEXTS:
            cleaned[key] = clean_text("" if value is None else str(value))
        elif key == "results_summary":  # none typed: NULL, the report's own summary prints (migration 0030)
            cleaned[key] = clean_text("" if value is None else str(value)).strip() or None
        elif key == "component_codes":
            cleaned[key] = clean_codes(value)
        elif key == "plan_goal_id":
            cleaned[key] = value or None
        elif key == "status":
            if value not in STATUSES:
                raise ValidationError("สถานะโครงการต้องเป็น เสร็จสิ้นแล้ว อยู่ระหว่างดำเนินการ หรือยังไม่ได้ดำเนินการ")
            cleaned[key] = value
        elif key == "position":
            cleaned[key] = int(value)
        elif key == "indicators":  # figures stored in Arabic digits, shown in the window's/report's (F3)
            cleaned[key] = json.dumps([{"name": clean_text(str(i.get("name") or "")),
                                        **{k: arabic_digits(clean_text(str(i.get(k) or ""))) for k in ("target", "actual")}}
                                       for i in value or []], ensure_ascii=False)
        elif key == "activities":
            cleaned[key] = json.dumps([_activity(i) for i in value or []], ensure_ascii=False)
        else:
            cleaned[key] = json.dumps([_budget_line(i) for i in value or []], ensure_ascii=False)
    validation.check_row("projects", cleaned)
    return cleaned


def _check_not_ahead(fiscal_year: Any, cleaned: dict[str, Any]) -> None:
    """Activities done and money disbursed no later than today (:func:`~.dates.check_not_ahead`);
    only the parts being written are checked, so a value stored before the rule blocks no other edit."""
    if (isinstance(fiscal_year, int) and validation.MIN_YEAR_BE <= fiscal_year <= validation.MAX_YEAR_BE
            and ("activities" in cleaned or "budget_lines" in cleaned)):
        check_not_ahead(fiscal_year, json.loads(cleaned["activities"]) if "activities" in cleaned else None,
                        json.loads(cleaned["budget_lines"]) if "budget_lines" in cleaned else None, clock.today())


def check_rows(fiscal_year: int, part: str, rows: list[dict[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    """Each typed row of ``part`` ("indicators", "activities" or "budget_lines", as :func:`clean_values`
    takes them) checked on its own as :meth:`Projects.update` checks the whole: ("" or why it is
    refused, Thai; the warnings it gets once stored: an activity dated outside its quarter). The
    editor tells which row of a refused grid is at fault, and still warns about the others (TEST25)."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for row in rows:
        try:
            cleaned = clean_values({part: [row]})
        except ValidationError as error:
            found.append((str(error), ()))
            continue
        warning = outside_quarter(fiscal_year, json.loads(cleaned[part])[0]) if part == "activities" else ""
        try:
            _check_not_ahead(fiscal_year, cleaned)
        except ValidationError as error:
            found.append((str(error), (warning,) if warning else ()))
            continue
        found.append(("", (warning,) if warning else ()))
    return found


class Projects:
    """``workspace.projects``: the projects of each school or office and fiscal year (BE)."""

    def __init__(self, db: CoreDatabase, installation_id: str, schools: Schools) -> None:
        self._db = db
        self._installation_id = installation_id
        self._schools = schools

    def get(self, project_id: str) -> Project:
        """The project ``project_id``; raises :class:`NotFoundError` when there is none or it was removed."""
        rows = list(self._db.query("SELECT * FROM projects WHERE id = ? AND deleted = 0", [project_id]))
        if not rows:
            raise NotFoundError(NOT_FOUND)
        return Project.from_row(rows[0])

    def of_year(self, fiscal_year: int, *, school_id: str | None = None, area_office: str | None = None) -> list[Project]:
        """The projects of ``fiscal_year`` (BE) not removed, of one school, or of one office (its own,
        without a school; Thai and Arabic digits read alike), or all of the year when neither is given; in the owner's order."""
        where, params = "fiscal_year = ? AND deleted = 0", list[Any]([fiscal_year])
        if school_id is not None:
            where, params = where + " AND school_id = ?", [*params, school_id]
        elif area_office is not None:
            where += " AND school_id IS NULL AND office_name(area_office) = office_name(?)"
            params = [*params, area_office]
        return [Project.from_row(row) for row in self._db.query(
            f"SELECT * FROM projects WHERE {where} ORDER BY position, created_at, id", params)]

    def offices(self) -> list[str]:
        """The area offices with projects of their own, by name."""
        return [str(r[0]) for r in self._db.execute(
            "SELECT DISTINCT office_name(area_office) FROM projects WHERE school_id IS NULL AND deleted = 0"
            " ORDER BY 1")]

    def office_years(self) -> list[int]:
        """The fiscal years (BE) in which some area office has projects of its own, earliest first."""
        return [int(r[0]) for r in self._db.execute(
            "SELECT DISTINCT fiscal_year FROM projects WHERE school_id IS NULL AND deleted = 0 ORDER BY 1")]

    @staticmethod
    def messages(project: Project, up_to_quarter: int | None = None) -> tuple[str, ...]:
        """What the saved draft still lacks or should be checked, Thai sentences: a reason when
        disbursement up to ``up_to_quarter`` (default: the quarters of its year begun by today) is
        behind plan (:data:`~.rules.BEHIND_NEEDS_REASON`) or over it (:data:`~.rules.OVER_NEEDS_REASON`),
        then each activity dated outside its quarter (:func:`~.dates.outside_quarter`, RETEST15 F8);
        empty when complete. The draft is saved either way; the progress report marks itself a
        draft while a reason is missing, and marks an activity outside its quarter."""
        found = tuple(warning for warning in (outside_quarter(project.fiscal_year, a) for a in project.activities)
                      if warning)
        if project.behind_reason.strip():
            return found
        if up_to_quarter is None:  # the quarters of its year begun by today (RETEST15 N1)
            up_to_quarter = quarters_begun(project.fiscal_year, clock.today())
        if project.behind_plan(up_to_quarter):
            return (BEHIND_NEEDS_REASON, *found)
        if project.over_plan(up_to_quarter):
            return (OVER_NEEDS_REASON, *found)
        return found

    def goal_choices(self, school_id: str) -> list[tuple[str, str]]:
        """The goals of the school's development plans a project of it may serve, as (goal id,
        "องค์ประกอบที่ 2: ชื่อเป้าหมาย") in the plans' order (newest plan first), Arabic digits."""
        rows = self._db.execute(
            "SELECT g.id, g.component_code, g.name FROM plan_goals AS g JOIN plans AS p ON p.id = g.plan_id"
            " WHERE p.school_id = ? AND g.deleted = 0 AND p.deleted = 0"
            " ORDER BY p.first_year DESC, g.component_code, g.position, g.created_at", [school_id]).fetchall()
        return [(str(r[0]), goal_label(str(r[1]), str(r[2]))) for r in rows]

    def goal_of(self, project: Project) -> str:
        """The plan goal ``project`` serves as :meth:`goal_choices` words it; "" when none (or removed)."""
        if project.plan_goal_id is None:
            return ""
        row = self._db.execute("SELECT component_code, name FROM plan_goals WHERE id = ? AND deleted = 0",
                               [project.plan_goal_id]).fetchone()
        return goal_label(str(row[0]), str(row[1])) if row else ""

    def add(self, fiscal_year: int, name: str, *, school_id: str | None = None, area_office: str = "",
            **values: Any) -> Project:
        """Add a project of ``fiscal_year`` (BE) to a school (``school_id``) or, without one, to the
        office ``area_office``; ``values``: other fields of :data:`EDITABLE` (:func:`clean_values`).
        Raises :class:`ValidationError` for a bad value or neither owner, :class:`NotFoundError` for
        an unknown school, :class:`~qualityschool_desktop.errors.OwnershipError` where this
        installation does not own the school, :class:`~qualityschool_desktop.errors.StorageError`
        when the database cannot be written."""
        cleaned = clean_values({"name": name, **values})
        _check_not_ahead(fiscal_year, cleaned)
        office = office_name(clean_text(area_office or "", multiline=False))  # one digit form (f03)
        if school_id is None and not office:
            raise ValidationError("โปรดระบุโรงเรียนหรือสำนักงานเขตพื้นที่การศึกษาเจ้าของโครงการ")
        if school_id is not None:
            self._schools.require(school_id)
        self._check_goal(cleaned.get("plan_goal_id"), school_id)
        now = now_iso()
        row: dict[str, Any] = {
            "id": new_id(), "school_id": school_id, "area_office": office, "fiscal_year": fiscal_year,
            "name": "", "plan_goal_id": None, "component_codes": "", "responsible": "", "output_goals": "",
            "outcome_goals": "", "indicators": "[]", "activities": "[]", "budget_lines": "[]", "behind_reason": "",
            "status": "not_started", "problems": "", "suggestions": "", "results_summary": None,
            "position": len(self.of_year(fiscal_year, school_id=school_id, area_office=office)) if isinstance(
                fiscal_year, int) else 0,
            **cleaned, "deleted": 0, "created_at": now, "modified_at": now, "modified_by": self._installation_id,
        }
        with self._db.write():
            self._db.table("projects").insert(validation.checked("projects", row))
        return self.get(row["id"])

    def update(self, project_id: str, **changes: Any) -> Project:
        """Change fields of :data:`EDITABLE` and return the project; nothing is written when nothing
        differs. Raises as :meth:`add` does, and :class:`NotFoundError` for a removed project."""
        values = clean_values(changes)
        row = dict(next(iter(self._db.query("SELECT * FROM projects WHERE id = ? AND deleted = 0", [project_id])),
                        {}))
        if not row:
            raise NotFoundError(NOT_FOUND)
        _check_not_ahead(row["fiscal_year"], values)
        if values.get("plan_goal_id") not in (None, row["plan_goal_id"]):
            self._check_goal(values["plan_goal_id"], row["school_id"])
        if all(row[key] == value for key, value in values.items()):
            return self.get(project_id)
        self._write(project_id, values)
        return self.get(project_id)

    def remove(self, project_id: str) -> Project:
        """Remove the project (kept, :meth:`restore` undoes it); returns it as it was. Raises as :meth:`update`."""
        current = self.get(project_id)
        self._write(project_id, {"deleted": 1})
        return current

    def restore(self, project_id: str) -> Project:
        """Undo :meth:`remove`; raises :class:`NotFoundError` for an unknown id."""
        if not self._db.execute("SELECT 1 FROM projects WHERE id = ?", [project_id]).fetchone():
            raise NotFoundError(NOT_FOUND)
        self._write(project_id, {"deleted": 0})
        return self.get(project_id)

    def _check_goal(self, goal_id: str | None, school_id: str | None) -> None:
        """A project serves a goal of its own school's development plan (issue 15: "the plan goal
        it serves"); an office's project none. Raises :class:`ValidationError` otherwise."""
        if goal_id is None:
            return
        found = self._db.execute(
            "SELECT 1 FROM plan_goals AS g JOIN plans AS p ON p.id = g.plan_id"
            " WHERE g.id = ? AND g.deleted = 0 AND p.deleted = 0 AND p.school_id IS ?", [goal_id, school_id]).fetchone()
        if found is None:
            raise ValidationError(NOT_OWN_GOAL)

    def _write(self, project_id: str, values: dict[str, Any]) -> None:
        values = {**values, "modified_at": now_iso(), "modified_by": self._installation_id}
        with self._db.write():
            self._db.table("projects").update(project_id, validation.checked("projects", values))


__all__ = ["EDITABLE", "NOT_FOUND", "Project", "Projects", "check_rows", "clean_values", "rules"]
