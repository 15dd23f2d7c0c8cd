"""The parents of the rows streaming by: each row's school, assessment or visit, as the file leaves it.

A row needs its parent to be checked: that the parent exists (in the file or here), which framework
its item codes belong to, which school or visit owns it, whether its visit was final. Parents are
decided before their children (tables are read in ``TABLES`` order), so :class:`Lineage` keeps,
for every parent met, what its children should see: the incoming version when it applies (or is new
and waiting), the one here otherwise. Parents the file does not carry are read from the database in
batches, by id only, so the cost follows the file and not the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from ..validation import field_label
from . import same_school
from .owners import one_school
from .records import KIND_LABELS, REFERENCES, ExchangeError

if TYPE_CHECKING:
    import sqlite3

    from ..framework import Framework, FrameworkRegistry

BATCH = 500
_PARENT_COLUMNS = {
    "schools": ("id",),
    "assessments": ("id", "school_id", "framework_id", "framework_version"),
    "visits": ("id", "school_id", "made_by", "status", "framework_id", "framework_version"),
    "follow_ups": ("id", "school_id"),
    "plans": ("id", "school_id", "first_year", "last_year", "base_year", "base_round"),
    "budget_requests": ("id", "school_id"),
    "projects": ("id", "school_id"),
}
DANGLING = (
    "ข้อมูล{table}ในไฟล์ {source} อ้างถึง{target} ที่ไม่มีทั้งในไฟล์และในฐานข้อมูลนี้ ไฟล์นี้อาจไม่ครบหรือเสียหาย"
)
OTHER_SCHOOL = (
    "ข้อมูล{table}ในไฟล์ {source} อ้างถึงข้อมูลของคนละโรงเรียน ({targets}) ข้อมูลชุดหนึ่ง เช่น การนิเทศกับข้อเสนอแนะ"
    " และแบบประเมินที่ใช้เทียบ ต้องเป็นของโรงเรียนเดียวกัน ไฟล์นี้อาจถูกแก้ไข โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
# The laptop refuses a level its framework's scale lacks (answers.set_level, visits.set_level): so does an import.
OFF_SCALE = "ข้อมูล{table}ในไฟล์ {source} มี{label} {level} ซึ่งไม่มีในมาตราส่วนของ{scope} {code}"


def fetch(conn: "sqlite3.Connection", table: str, column: str, values: Iterable[Any],
          columns: tuple[str, ...]) -> dict[Any, dict[str, Any]]:
    """Rows of ``table`` whose ``column`` is one of ``values``, keyed by it, as dicts of ``columns``
    (index lookups only, in batches)."""
    found: dict[Any, dict[str, Any]] = {}
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), BATCH):
        chunk = unique[start : start + BATCH]
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {column} IN ({marks})", chunk):
            record = dict(zip(columns, row))
            found[record[column]] = record
    return found


# The tables whose rows carry an item or scope code (and a level) that check_codes checks, and the
# plan's parts, held to their plan's years and checklist (TEST14: an import did not check them).
CODED = frozenset(("answers", "attachments", "answer_history", "comments", "visit_findings", "visit_attachments",
                   "plan_goals", "plan_indicators", "plan_activities"))
OUTSIDE_PLAN = ("ข้อมูล{table}ในไฟล์ {source} มี{what} อยู่นอกช่วงปีของแผน ({span}) ซึ่งโปรแกรมไม่รับ"
                " โปรแกรมจะไม่นำเข้าไฟล์นี้")
PLAN_CODES = "ข้อมูล{table}ในไฟล์ {source}: {problem} โปรแกรมจะไม่นำเข้าไฟล์นี้"


@dataclass
class Parent:
    """What a row needs of its school, assessment or visit."""

    school_id: str
    owner: str = ""  # a visit: the installation that made it
    framework: "Framework | None" = None
    final: bool = False  # a visit that is final here, before this file
    applied: bool = True  # False: new in this file and kept pending, so its children wait too
    span: tuple[int, int] | None = None  # a plan: its first and last BE year
    base: tuple[int | None, int | None] = (None, None)  # a plan: the round it started from (year, round)


class Lineage:
    """The parents met in one pass (schools, assessments, visits), as their children should see
    them, and the school ids this office mapped onto the school's own (``aliases``)."""

    def __init__(self, conn: "sqlite3.Connection", frameworks: "FrameworkRegistry", source: str) -> None:
        self.conn = conn
        self.frameworks = frameworks
        self.source = source
        self.parents: dict[str, dict[str, Parent]] = {table: {} for table in _PARENT_COLUMNS}
        # Schools this office typed and a person mapped onto the school's own record: old id -> id.
        self.aliases = {str(r[0]): str(r[1]) for r in conn.execute("SELECT old_id, school_id FROM school_aliases")}
        # And those an office's signed mapping says (same_school.py): typed school and round -> own.
        mapped, self.round_aliases = same_school.kept_aliases(conn)
        for typed, own in mapped.items():
            self.aliases.setdefault(typed, own)
        # Ids a mapping in the file being read names, never seen here (same_school.py): they move
        # only the append-only rows others sealed (same_school.REPOINTED), never a record itself.
        self.relay_aliases: dict[str, str] = {}
        self.relay_round_aliases: dict[str, str] = {}

    def parent(self, table: str, record_id: str | None) -> Parent | None:
        """What the children of ``table``'s record ``record_id`` see of it (from the file when met,
        else read from the database), None for a None id or a record in neither."""
        if record_id is None:
            return None
        found = self.parents[table].get(record_id)
        if found is None:
            self._prefetch(table, [record_id])
            found = self.parents[table].get(record_id)
        return found

    def prefetch_for(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Read, in one query per parent table, the parents of ``rows`` not met yet."""
        for column, target in REFERENCES.get(table, ()):
            known = self.parents[target]
            self._prefetch(target, [row[column] for row in rows if row[column] is not None and row[column] not in known])

    def _prefetch(self, table: str, ids: list[str]) -> None:
        for record_id, row in fetch(self.conn, table, "id", ids, _PARENT_COLUMNS[table]).items():
            self.parents[table][record_id] = self._as_parent(table, row, final=row.get("status") == "final")

    def _as_parent(self, table: str, row: dict[str, Any], *, final: bool, applied: bool = True) -> Parent:
        if table == "schools":
            return Parent(row["id"], applied=applied)
        if table == "plans":
            return Parent(row["school_id"], applied=applied, span=(int(row["first_year"]), int(row["last_year"])),
                          base=(row["base_year"], row["base_round"]))
        if "framework_id" not in row:  # a budget request: its school only
            return Parent(row["school_id"], applied=applied)
        framework = self.frameworks.get(row["framework_id"], row["framework_version"])
        return Parent(row["school_id"], owner=row.get("made_by", ""), framework=framework, final=final,
                      applied=applied)

    def remember(self, table: str, row: dict[str, Any], local: dict[str, Any] | None, *, applied: bool,
                 incoming: bool) -> None:
        """What ``row``'s children will see of it: the incoming version when ``incoming`` (it
        applies, or is new and waits), the local one otherwise; ``final`` as it was here before."""
        if table not in self.parents:
            return
        final_here = local is not None and local.get("status") == "final"
        chosen = row if incoming or local is None else local
        self.parents[table][row["id"]] = self._as_parent(table, chosen, final=final_here, applied=applied)

    def check(self, table: str, row: dict[str, Any]) -> bool:
        """Refuse (:class:`~.records.ExchangeError`) a reference to nothing, a code its framework
        lacks, a level outside the framework's scale (as the laptop does) and references that lead
        to different schools (``owners.one_school``); True when a parent is itself waiting as
        pending (the row must wait too)."""
        waiting = self.check_references(table, row)
        self.check_codes(table, row)
        return waiting

    def check_references(self, table: str, row: dict[str, Any]) -> bool:
        """The part of :meth:`check` that follows only the row's references (the same for rows
        naming the same parents): refuses a reference to nothing and references that lead to
        different schools; True when a parent waits as pending."""
        waiting = False
        consistent = one_school(table)
        schools: set[str] = set()
        for column, target in REFERENCES.get(table, ()):
            if row[column] is None:
                continue
            parent = self.parent(target, row[column])
            if parent is None:
                raise ExchangeError(DANGLING.format(table=KIND_LABELS[table], source=self.source,
                                                    target=KIND_LABELS[target]))
            waiting = waiting or not parent.applied
            if (column, target) in consistent:
                schools.add(parent.school_id)
        if len(schools) > 1:
            targets = ", ".join(dict.fromkeys(KIND_LABELS[target] for _column, target in consistent))
            raise ExchangeError(OTHER_SCHOOL.format(table=KIND_LABELS[table], source=self.source, targets=targets))
        return waiting

    def check_codes(self, table: str, row: dict[str, Any]) -> None:
        """The part of :meth:`check` for the row's own codes (after :meth:`check_references`):
        refuses an item or scope code its framework lacks and a level off the framework's scale.
        Only the tables of :data:`CODED` have such codes (a caller may skip the others)."""
        if table in ("answers", "attachments", "answer_history"):
            framework = self.framework("assessments", row["assessment_id"])
            if not framework.has_item(row["item_code"]):
                raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {self.source} มีประเด็นรหัส"
                                    f" {row['item_code'][:20]} ซึ่งไม่มีในเกณฑ์ของการประเมิน")
            level = row.get("level") if table == "answers" else None
            if level is not None and framework.item(row["item_code"]).level(level) is None:
                raise ExchangeError(OFF_SCALE.format(table=KIND_LABELS[table], source=self.source,
                                                     label=field_label(table, "level"), level=level,
                                                     scope="ประเด็น", code=row["item_code"][:20]))
        elif table == "comments" and row["item_code"] and row["assessment_id"] is not None:
            if not self.framework("assessments", row["assessment_id"]).has_item(row["item_code"]):
                raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {self.source} มีประเด็นรหัส"
                                    f" {row['item_code'][:20]} ซึ่งไม่มีในเกณฑ์ของการประเมิน")
        elif table in ("plan_goals", "plan_indicators", "plan_activities"):
            self.check_plan_part(table, row)
        elif table in ("visit_findings", "visit_attachments"):
            framework = self.framework("visits", row["visit_id"])
            code = row["scope_code"]
            if not (table == "visit_attachments" and code == "") and not (
                framework.has_item(code) or code in {c.code for c in framework.components}
            ):
                raise ExchangeError(f"ข้อมูล{KIND_LABELS[table]}ในไฟล์ {self.source} มีรหัส {code[:20]} ซึ่งไม่มีในเกณฑ์")
            level = row.get("level") if table == "visit_findings" else None
            if level is not None and level not in {scale.value for scale in framework.levels}:
                raise ExchangeError(OFF_SCALE.format(table=KIND_LABELS[table], source=self.source,
                                                     label=field_label(table, "level"), level=level,
                                                     scope="เกณฑ์", code=framework.version[:20]))

    def check_plan_part(self, table: str, row: dict[str, Any]) -> None:
        """Hold a plan's goal, indicator or activity to its plan as the laptop does
        (``plans/store.py``): a goal's component and items in the plan's checklist, its items of its
        component, its target level on the scale; an indicator's yearly values and an activity's
        dates within the plan's years (:func:`~..plans.rules.activity_date_bounds`)."""
        from ..plans.rules import activity_date_bounds
        from ..thai import thai_digits

        plan = self.parent("plans", row["plan_id"])
        assert plan is not None and plan.span is not None  # references are checked first
        first, last = plan.span
        label = KIND_LABELS[table]
        span = thai_digits(f"{first}–{last}" if first != last else str(first))
        if table == "plan_indicators":
            for column, what in (("targets", "ค่าเป้าหมาย"), ("actuals", "ผลที่ได้")):
                years = sorted(int(year) for year in json.loads(row[column] or "{}") if not first <= int(year) <= last)
                if years:
                    raise ExchangeError(OUTSIDE_PLAN.format(table=label, source=self.source, span=span,
                                                            what=thai_digits(f"{what}ปี {', '.join(map(str, years))}")))
        elif table == "plan_activities":
            earliest, latest = activity_date_bounds(first, last)
            for column, what in (("starts_on", "วันเริ่ม"), ("ends_on", "วันสิ้นสุด")):
                if row[column] and not earliest <= row[column] <= latest:
                    raise ExchangeError(OUTSIDE_PLAN.format(table=label, source=self.source, span=span,
                                                            what=f"{what} {row[column][:10]} (เกิน ๑ ปี)"))
        else:
            self._check_goal(row, self._plan_framework(plan), label)

    def _check_goal(self, row: dict[str, Any], framework: "Framework", label: str) -> None:
        from ..thai import thai_digits

        def refuse(problem: str) -> None:
            raise ExchangeError(PLAN_CODES.format(table=label, source=self.source, problem=problem))

        component = str(row["component_code"])
        if component not in {c.code for c in framework.components}:
            refuse(f"ไม่มีองค์ประกอบ {thai_digits(component[:20])} ใน{framework.title}")
        codes = [str(code) for code in json.loads(row["item_codes"] or "[]")]
        unknown = [code[:20] for code in codes if not framework.has_item(code)]
        if unknown:
            refuse(f"ไม่มีประเด็น {thai_digits(', '.join(unknown))} ใน{framework.title}")
        others = [code for code in codes if framework.item(code).component_code != component]
        if others:
            refuse(f"ประเด็น {thai_digits(', '.join(others))} ไม่อยู่ในองค์ประกอบ {thai_digits(component)} ของเป้าหมาย")
        level = row.get("target_level")
        if level is not None and not framework.min_level <= level <= framework.max_level:
            refuse(f"ระดับเป้าหมาย {thai_digits(str(level))} ไม่อยู่ในมาตราส่วนของ{framework.title}")

    def _plan_framework(self, plan: Parent) -> "Framework":
        """The checklist of the round the plan started from, as ``Plans.framework_of`` reads it
        (the school's round of that year and number here or in this file), else the newest."""
        year, number = plan.base
        if year is not None and number is not None:
            found = self.conn.execute(
                "SELECT framework_id, framework_version FROM assessments WHERE school_id = ? AND fiscal_year = ?"
                " AND round = ?", [plan.school_id, year, number]).fetchone()
            if found is not None:
                return self.frameworks.get(found[0], found[1])
        return self.frameworks.latest()

    def framework(self, table: str, record_id: str) -> "Framework":
        """The framework of the assessment or visit ``record_id`` (a parent :meth:`check` has
        found already: an ``AssertionError`` otherwise)."""
        parent = self.parent(table, record_id)
        assert parent is not None and parent.framework is not None  # references are checked first
        return parent.framework

    def rewrite(self, table: str, row: dict[str, Any]) -> bool:
        """Map a school id this office replaced onto the school's own (a remembered decision, or
        a mapping signed by the school's typer: ``same_school.py``), and in the rows that name a
        round it moved (``same_school.ROUND_COLUMNS``) a typed round that gave way onto the
        school's own round; True when ``row`` changed."""
        moved = False
        for column, target in REFERENCES.get(table, ()):
            if target == "schools" and row[column] in self.aliases:
                row[column] = self.aliases[row[column]]
                moved = True
        for column in same_school.ROUND_COLUMNS.get(table, ()) if self.round_aliases else ():
            if row[column] in self.round_aliases:  # a typed round that gave way
                row[column] = self.round_aliases[row[column]]
                moved = True
        for column, target in same_school.REPOINTED.get(table, ()) if self.relay_aliases else ():
            found = (self.relay_aliases if target == "schools" else self.relay_round_aliases).get(row[column])
            if found is not None:
                row[column] = found
                moved = True
        return moved
