"""The figures of the progress report (รายงานสรุปความก้าวหน้าของการดำเนินโครงการ, seed 004), as
plain values: no ReportLab, so the window and the Excel export read the same numbers.

The report covers the projects of one area office (its own, without a school), or of one school
(``school``: its code; issue 15 "Projects of an office or a school"), in a fiscal year (BE)
and a period (``H1`` = quarters 1–2 = October–March, the seed's "รอบ ๖ เดือน"; ``H2``; ``Q1``–``Q4``;
``Y`` the year). Projects allocated by OBEC (สพฐ.) and those funded only by other agencies are
counted and listed apart, each in a group of its own (the seed's sections ๒ and ๓). Counts per status come in the seed's order — finished, in progress, not started —
leaving out a status no project has, each with its share by :func:`~.rules.shares` (one pie's
shares add up to 100). Money is
over the period's quarters: planned (ตามแผนการใช้จ่าย) and actually disbursed (เบิกจ่ายจริง), satang.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import clock
from ..errors import NotFoundError, ValidationError
from ..thai import thai_digits
from .rules import STATUSES, quarters_begun, quarters_of, shares
from .store import Project

if TYPE_CHECKING:
    from ..workspace import Workspace

NO_PROJECTS = "ไม่พบโครงการของ{office} ในปีงบประมาณ {year}"
WHICH_OFFICE = "โปรดระบุสำนักงานเขตพื้นที่การศึกษา (--office) เช่น {names} หรือ all (ทั้งหมด) เพื่อรวมทุกสำนักงาน"
NO_OFFICE = "ยังไม่มีโครงการของสำนักงานเขตพื้นที่การศึกษาใดในฐานข้อมูลนี้"
OFFICE_OR_SCHOOL = "โปรดระบุสำนักงานเขตพื้นที่ (--office) หรือโรงเรียน (--school) อย่างใดอย่างหนึ่ง"
# "--office all" in a year without projects: a plain sentence, not "(๐ สำนักงาน: )" (TEST25 11).
NO_OFFICE_PROJECTS = "ไม่พบโครงการของสำนักงานเขตพื้นที่การศึกษาใดในปีงบประมาณ {year}"
OFFICE_YEARS = " (ปีที่มีโครงการ: {years})"
ALL_OFFICES = "ทุกสำนักงานเขตพื้นที่การศึกษา ({count} สำนักงาน: {names})"
EVERY_OFFICE = "all"  # ``office``: every area office's own projects together (the province's report)
EVERY_OFFICE_WORDS = frozenset({EVERY_OFFICE, "ALL", "ทั้งหมด", "*"})
ORDER = ("finished", "in_progress", "not_started")
# A project's disbursement over the period as the window and the workbook show it (the PDF says it in
# seed 004's sentences): judged on the money due so far, the quarters begun by the report's day.
VERDICTS = {"not_due": "ยังไม่ถึงกำหนดเบิกจ่าย", "kept": "ได้ตามแผน", "behind": "ไม่ได้ตามแผน", "over": "เกินแผน"}


@dataclass(frozen=True)
class StatusCount:
    """How many projects of a group have ``status``, and their share (per cent, two places, by :func:`~.rules.shares`)."""

    status: str
    label: str  # "โครงการที่ดำเนินการเสร็จสิ้นแล้ว"
    count: int
    share: Decimal


@dataclass(frozen=True)
class ProjectLine:
    """One project as the report prints it for the period: its activities of the period's quarters,
    planned and disbursed money over them (satang), and whether disbursement kept to plan."""

    project: Project
    activities: tuple[dict[str, object], ...]
    planned_satang: int
    disbursed_satang: int
    goal: str = ""  # the plan goal it serves, "องค์ประกอบที่ 2: …" ("" : none)
    # Over the period's quarters begun by the report's day (None: all of them): what keeping to plan
    # is judged on — money planned for a quarter not yet begun is not late (RETEST15 N1).
    due_planned_satang: int | None = None
    due_disbursed_satang: int | None = None
    due_quarters: tuple[int, ...] | None = None  # the period's quarters begun (None: all of them)

    @property
    def due_planned(self) -> int:
        """Satang planned over the period's quarters begun so far ("ถึงกำหนดเบิกจ่ายแล้ว")."""
        return self.planned_satang if self.due_planned_satang is None else self.due_planned_satang

    @property
    def due_disbursed(self) -> int:
        """Satang disbursed over the period's quarters begun so far."""
        return self.disbursed_satang if self.due_disbursed_satang is None else self.due_disbursed_satang

    @property
    def behind(self) -> bool:
        """True when less was disbursed than planned over the period's quarters begun so far."""
        return self.due_disbursed < self.due_planned

    @property
    def over(self) -> bool:
        """True when more was disbursed than planned over the period's quarters begun so far (not
        "ได้ตามแผน" either)."""
        return self.due_disbursed > self.due_planned

    @property
    def verdict(self) -> str:
        """The disbursement verdict, a key of :data:`VERDICTS`: "not_due" when none of the period's
        quarters has begun, or its money is all planned for quarters not yet begun and none was
        disbursed (test26b F1: "ได้ตามแผน" under "๖๐,๐๐๐ planned, ๐ disbursed" read as false);
        else "behind", "over" or "kept", judged on the money due so far."""
        if self.due_quarters == () or (self.due_planned == 0 and self.due_disbursed == 0 and self.planned_satang):
            return "not_due"
        return "behind" if self.behind else "over" if self.over else "kept"

    @property
    def activities_finished(self) -> int:
        """How many of the period's activities are finished (the report's "สรุปผลการดำเนินงาน")."""
        return sum(1 for a in self.activities if a["status"] == "finished")

    @property
    def results(self) -> tuple[dict[str, Any], ...]:
        """The project's indicators that have a result recorded (``actual`` not blank), as stored."""
        return tuple(i for i in self.project.indicators if str(i.get("actual", "")).strip())

    @property
    def reason_missing(self) -> bool:
        """True when disbursement was off plan over the period and the owner gave no reason: the
        report is then a draft (issue 15: "a required reason when disbursement falls behind plan")."""
        return (self.behind or self.over) and not self.project.behind_reason.strip()


@dataclass(frozen=True)
class ProjectGroup:
    """The projects of one section of the report and their counts by status."""

    projects: tuple[ProjectLine, ...]
    counts: tuple[StatusCount, ...]
    agencies: tuple[str, ...]  # for the projects funded by others: the agencies, each once

    def with_status(self, status: str) -> tuple[ProjectLine, ...]:
        """The group's projects that have ``status``, in the office's order."""
        return tuple(line for line in self.projects if line.project.status == status)


@dataclass(frozen=True)
class ProgressReport:
    """The whole report: the office (or the school, its name and code, for a school's projects),
    the fiscal year (BE), the period and its quarters, the owner's own projects, those funded
    by other agencies and those allocated by OBEC (``obec``, seed 004's section ๒)."""

    office: str
    fiscal_year: int
    period: str
    quarters: tuple[int, ...]
    own: ProjectGroup
    others: ProjectGroup
    is_demo: bool
    as_of: date | None = None  # the day the statuses were read (a project's status has no date: try15 F19)
    obec: ProjectGroup = ProjectGroup((), (), ())  # allocated by OBEC (สพฐ.)

    @property
    def groups(self) -> tuple[tuple[str, ProjectGroup], ...]:
        """The groups with projects in the seed's order, keyed "own", "obec", "others"."""
        return tuple((key, group) for key, group in (("own", self.own), ("obec", self.obec), ("others", self.others))
                     if group.projects)

    @property
    def missing_reasons(self) -> tuple[ProjectLine, ...]:
        """The projects off plan over the period without a reason (the report says it is a draft)."""
        return tuple(line for group in (self.own, self.obec, self.others) for line in group.projects
                     if line.reason_missing)

    @property
    def period_phrase(self) -> str:
        """The period in the seed's words: "รอบ ๖ เดือน", "ไตรมาสที่ ๒", "รอบ ๑๒ เดือน"."""
        return period_phrase(self.period)


def period_phrase(period: str) -> str:
    """A period ("H1", "H2", "Q1".."Q4", "Y") in Thai words as seed 004 writes it (Thai digits).
    Raises ValueError for another period."""
    quarters = quarters_of(period)
    if len(quarters) == 4:
        return "รอบ ๑๒ เดือน"  # seed 004's words for the whole year (it printed "ประจำปีงบประมาณ" twice: F12)
    if len(quarters) == 2:  # H2 is April–September only, not the "รอบ ๑๒ เดือน" report (F18)
        return "รอบ ๖ เดือน" if quarters[0] == 1 else "ครึ่งปีหลัง (เมษายน–กันยายน)"
    return f"ไตรมาสที่ {thai_digits(str(quarters[0]))}"


def status_label(status: str) -> str:
    """"โครงการที่" + the status in the seed's words ("โครงการที่อยู่ระหว่างดำเนินการ")."""
    return f"โครงการที่{STATUSES[status]}"


def project_line(project: Project, quarters: tuple[int, ...], begun: int = 4, goal: str = "") -> ProjectLine:
    """``project`` over ``quarters`` (fiscal quarters 1–4) as the report prints it, its disbursement
    judged on the quarters among them that have begun (``begun``: how many of the year's have, as
    :func:`~.rules.quarters_begun` counts them). The projects page shows the same figures."""
    due = tuple(q for q in quarters if q <= begun)  # judged against plan: the quarters begun (RETEST15 N1)
    return ProjectLine(project, tuple(a for a in project.activities if a["quarter"] in quarters),
                       project.planned_satang(quarters), project.disbursed_satang(quarters), goal,
                       project.planned_satang(due), project.disbursed_satang(due), due)


def _group(projects: list[Project], quarters: tuple[int, ...], goals: dict[str, str],
           begun: int = 4) -> ProjectGroup:
    lines = tuple(project_line(p, quarters, begun, goals.get(p.id, "")) for p in projects)
    numbers = [(status, n) for status in ORDER if (n := sum(p.status == status for p in projects))]
    counts = tuple(StatusCount(status, status_label(status), n, share)
                   for (status, n), share in zip(numbers, shares([n for _s, n in numbers])))
    agencies = tuple(dict.fromkeys(a for p in projects for a in p.agencies))
    return ProjectGroup(lines, counts, agencies)


def group_of(project: Project) -> str:
    """The report's group of ``project``: "obec" (every line allocated by OBEC), "others" (every
    line another agency's), else "own" (the plan's, mixed money included)."""
    return "obec" if project.allocated_by_obec else "others" if project.funded_by_others else "own"


def status_groups(projects: list[Project]) -> tuple[ProjectGroup, ProjectGroup, ProjectGroup]:
    """The year's projects as the report groups and counts them: (the plan's own, those allocated
    by OBEC, those funded only by other agencies), each with its counts by status and shares (the
    window's summary shows the same figures as the printed report, try15 F20)."""
    return tuple(_group([p for p in projects if group_of(p) == key], (1, 2, 3, 4), {})  # type: ignore[return-value]
                 for key in ("own", "obec", "others"))


def gather_progress(workspace: "Workspace", fiscal_year: int, period: str = "H1",
                    office: str | None = None, school: str | None = None) -> ProgressReport:
    """The progress report of ``office``'s own projects (None: the only office with projects here),
    or of the school whose code is ``school`` (its projects; the report names the school), or with
    ``office`` :data:`EVERY_OFFICE` ("all", or "ทั้งหมด") of every area office here together (the province's, once the
    area offices' files came in: :data:`ALL_OFFICES` names them), in ``fiscal_year`` (BE) over ``period``. Raises :class:`ValidationError` for a bad period or both
    an office and a school, :class:`NotFoundError` (Thai) for an unknown school code, when no
    office is given and several or none have projects, or the owner has no projects that year."""
    try:
        quarters = quarters_of(period)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    if office is not None and school is not None:
        raise ValidationError(OFFICE_OR_SCHOOL)
    if school is not None:
        found = workspace.schools.by_code(school)
        owner = f"{found.name} (รหัส {found.code})"
        projects = workspace.projects.of_year(fiscal_year, school_id=found.id)
    elif office is not None and office.strip() in EVERY_OFFICE_WORDS:
        projects = [p for p in workspace.projects.of_year(fiscal_year) if p.school_id is None]
        names = list(dict.fromkeys(p.area_office for p in sorted(projects, key=lambda p: p.area_office)))
        if not names:
            years = workspace.projects.office_years()
            raise NotFoundError(NO_OFFICE_PROJECTS.format(year=thai_digits(str(fiscal_year))) + (
                OFFICE_YEARS.format(years=thai_digits(", ".join(map(str, years)))) if years else ""))
        projects = sorted(projects, key=lambda p: names.index(p.area_office))  # office by office, each in its order
        owner = ALL_OFFICES.format(count=thai_digits(str(len(names))), names=", ".join(names))
    else:
        if office is None:
            offices = workspace.projects.offices()
            if not offices:
                raise NotFoundError(NO_OFFICE)
            if len(offices) > 1:
                raise NotFoundError(WHICH_OFFICE.format(names=", ".join(f"“{name}”" for name in offices)))
            office = offices[0]
        owner = office
        projects = workspace.projects.of_year(fiscal_year, area_office=office)
    if not projects:
        raise NotFoundError(NO_PROJECTS.format(office=owner, year=thai_digits(str(fiscal_year))))
    goals = {p.id: workspace.projects.goal_of(p) for p in projects if p.plan_goal_id}
    today = clock.today()
    begun = quarters_begun(fiscal_year, today)
    own, obec, others = (_group([p for p in projects if group_of(p) == key], quarters, goals, begun)
                         for key in ("own", "obec", "others"))
    return ProgressReport(owner, fiscal_year, period.upper(), quarters, own, others,
                          workspace.schools.is_demo_database(), today, obec)
