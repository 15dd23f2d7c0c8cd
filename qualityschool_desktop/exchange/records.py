"""What an exchange file may carry: the tables, their columns, and the rule every value obeys.

The schema is the one source of the columns. :func:`travelling_columns` reads them from the open
database (``PRAGMA table_info``): every column of every table in :data:`TABLES` travels except the
few named in :data:`STAYS_LOCAL`, and each travelling column must have a rule in :data:`RULES`.
Every other table is named in :data:`NEVER_TRAVELS`. A migration that adds a column or a table
nobody has classified makes :func:`schema_problems` report it (``tests/test_exchange_schema.py``
fails) and makes the exchange refuse to run, rather than let the column silently stay home.

Every incoming value is checked here before anything is written, with the rules every local write
path checks (:mod:`~qualityschool_desktop.validation`), so a malformed or hostile record is refused
with a Thai message naming the table, the row and the field, instead of reaching SQLite (or, worse,
being stored because SQLite's types are loose).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable

from .. import validation
from ..budget import rules as _budget_rules  # noqa: F401  (adds the budget items' years rule, C14)
from ..plans import rules as _plan_rules  # noqa: F401  (adds the plan tables' rules to validation)
from ..coverage import contacts as _contact_rules  # noqa: F401  (adds the contact log's rules to validation)
from ..projects import rules as _project_rules  # noqa: F401  (adds the projects table's rules)
from ..errors import QualitySchoolError

if TYPE_CHECKING:
    from ..storage import CoreDatabase


class ExchangeError(QualitySchoolError):
    """An exchange file cannot be written or is refused on import. Nothing was changed."""


# Tables in the order they are written: a row's references are always written before it.
TABLES: tuple[str, ...] = (
    "schools",
    "assessments",
    "answers",
    "attachments",
    "answer_history",
    "visits",
    "visit_people",
    "visit_findings",
    "visit_attachments",
    "follow_ups",
    "visit_events",
    "network_schools",
    "assessment_events",
    "review_decisions",
    "comments",
    # The school's development plan (issue 14, plans/): a plan before its goals, indicators, activities.
    "plans",
    "plan_goals",
    "plan_indicators",
    "plan_activities",
    "budget_requests",
    "budget_decisions",
    "contacts",  # issue 15: the contact log (coverage/contacts.py)
    # A school's projects with their money (issue 15, projects/); an office's own (no school) travel
    # in its files of everything and are taken in only from the key bound as that office's.
    "projects",
)
# History tables: rows are only ever added (triggers forbid changes), so they merge by id.
APPEND_ONLY = frozenset({"answer_history", "visit_events", "assessment_events", "review_decisions", "comments",
                         "budget_decisions", "contacts"})

# Tables whose rows never leave this laptop, and why. With TABLES this names every table of the
# schema (SQLite's own ``sqlite_*`` tables aside): a migration that adds a table fails
# tests/test_exchange_schema.py until the table is put in one list or the other.
NEVER_TRAVELS: dict[str, str] = {
    "_sqlite_migrations": "which migrations ran on this file: every file migrates itself when opened",
    "installation": "which installation created this file and when: a fact about the file, not a record",
    "pending_edits": (
        "a burst of typing still open: the export first ends this workspace's own bursts into"
        " answer_history, which travels; another window's burst travels in the next file"
    ),
    "exchange_log": "when this laptop last met each other laptop: each side keeps its own account",
    "signers": "the keys this laptop has seen and the installation each signs for: a file never binds itself",
    "school_signers": "which keys may change each school's records here: a file can never grant itself rights",
    "school_statements": (
        "the latest statement, signed by a school's own key, of the keys that own the school: it travels"
        " unchanged in the file's owners member (exchange/statements.py), not as records"
    ),
    "school_unbound": (
        "keys a person here unbound from a school: this office's own decision, which no file overrides"
        " (statements such a key signs are ignored here)"
    ),
    "school_aliases": "schools this office typed and later mapped onto the school's own record: a local decision",
    "seals": "owners' signatures over records; they travel in the file's seals member, beside the rows they sign",
    "owner_versions": (
        "the owners' sealed versions a change here superseded (migration 0033): an export carries the"
        " owner's one in the file's relayed members beside the version in use (exchange/relayed.py), not as records"
    ),
    "pending_changes": "changes from keys that do not own the records, waiting here for a person to decide",
    "exchange_conflicts": "the losing versions kept for a person at this laptop to look at",
    "record_snapshots": (
        "this laptop's earlier states of each record (every one for the plan's and budget's tables,"
        " migration 0029: their edit history), so accepting a pending change applies only the fields"
        " its sender changed (exchange/pending.py)"
    ),
    "accepting_changes": (
        "the record a person's acceptance of a waiting change is writing, for that transaction only:"
        " the write path's owner check lets that one change through (migration 0016)"
    ),
    "local_counters": (
        "the highest counter each installation used here per record, so a version that lost a"
        " conflict is never counted again by the next local edit (migration 0012)"
    ),
    "inspection_rounds": (
        "the inspection rounds this office defines for its own summaries (issue 13 part 1); sending"
        " them to schools comes with the review of submissions"
    ),
    "office_texts": (
        "what the office writes for its own inspection report (issue 13 part 2): owned by the office and"
        " printed by it; no other laptop needs it yet (a provincial office merging its area offices'"
        " texts would be the first): it will travel as office-owned records then (exchange/owners.py)"
    ),
    "office_text_history": "the history of office_texts, which stays here with them",
    "office_indicators": (
        "the area office's own indicators with their targets and actuals (issue 14, migration 0024):"
        " owned by the office and printed by it, like office_texts; no other laptop needs them yet"
        " (a provincial office collecting its area offices' indicators would be the first)"
    ),
    "office_indicator_history": "the history of office_indicators, which stays here with them",
    "framework_items": (
        "the item codes of the frameworks this app registered here (migration 0031), which keep answers"
        " to their framework's items: every laptop registers the frameworks it is bundled with"
    ),
    "answers_set_aside": (
        "answers written before migration 0031 to items their round's framework lacks, kept here as they"
        " were: no file may carry such an answer (the import refuses it)"
    ),
}

# Columns of exchanged tables that stay on this laptop, and why. Every other column travels and
# has a rule in RULES below; a column in neither list (a new migration) is a decision not yet made.
_SEAL_STAYS = (
    "which stored seal (an owner's signature) covers the row as it is here; the seal itself"
    " travels in the file's seals member and the receiver finds it again by the row's digest"
)
_SEQ_STAYS = (
    "this file's order of appending (AUTOINCREMENT): rows travel in seq order and the"
    " receiver numbers them as it appends them; the id identifies a row everywhere"
)
STAYS_LOCAL: dict[str, dict[str, str]] = {
    **{table: {"signed_set": _SEAL_STAYS} for table in TABLES if table not in APPEND_ONLY},
    "answer_history": {"seq": _SEQ_STAYS, "signed_set": _SEAL_STAYS},
    "visit_events": {"seq": _SEQ_STAYS, "signed_set": _SEAL_STAYS},
    "assessment_events": {"seq": _SEQ_STAYS, "signed_set": _SEAL_STAYS},
    "review_decisions": {"seq": _SEQ_STAYS, "signed_set": _SEAL_STAYS},
    "comments": {"seq": _SEQ_STAYS, "signed_set": _SEAL_STAYS},
    "budget_decisions": {"seq": _SEQ_STAYS, "signed_set": _SEAL_STAYS},
    "contacts": {"seq": _SEQ_STAYS, "signed_set": _SEAL_STAYS},
}

# Columns added after a format's release that a row carries only when they hold a value (format 3
# added answer_history.typed). A row without them is read as if they were null, and their null is
# left out of the row as it travels and of its canonical form (seals.row_digest), so a row sealed
# by a program that never knew the column keeps its digest, and its owner's seal still covers it
# after any number of relays through newer programs.
OMITTED_WHEN_NULL: dict[str, frozenset[str]] = {"answer_history": frozenset({"typed"}),
                                                "budget_decisions": frozenset({"decided_state"}),
                                                "projects": frozenset({"results_summary"}),
                                                "visit_events": frozenset({"person_name", "signed_findings"}),
                                                "visits": frozenset({"deleted_at"})}

# A column stored here in a finer unit than it travelled in before (migration 0035: a plan
# activity's budget in satang, ``budget_satang``, which was ``budget_baht`` in whole baht). A row
# whose amount is whole baht (or not known) travels, and is digested, in the old form
# (``"budget_baht": 1500``), so the seals over rows made before still cover them and an older
# program reads the file; only an amount with satang travels as ``budget_satang`` (format 8, which
# an older program refuses as one of a newer program). (table, stored column) -> (old column, factor).
SCALED: dict[tuple[str, str], tuple[str, int]] = {("plan_activities", "budget_satang"): ("budget_baht", 100)}
_SCALED_BY_TABLE = {table: (column, old, factor) for (table, column), (old, factor) in SCALED.items()}

# The format version that first carried each OMITTED_WHEN_NULL column and each SCALED column in its
# new unit (package.FORMAT_VERSION).
COLUMN_SINCE: dict[tuple[str, str], int] = {("answer_history", "typed"): 3, ("budget_decisions", "decided_state"): 4,
                                            ("projects", "results_summary"): 5, ("plan_activities", "budget_satang"): 8,
                                            ("visit_events", "person_name"): 9, ("visit_events", "signed_findings"): 9,
                                            ("visits", "deleted_at"): 9}
# Values older programs' rules refuse, with the format version that first carried them: a project's
# budget line allocated by OBEC (source "obec", issue 15) — a format 4 program would call the file
# broken ("แหล่งงบประมาณที่ไม่ถูกต้อง") instead of asking for an update. (table, column) -> (whether a
# value carries it, version).


def _obec_lines(value: Any) -> bool:
    try:
        lines = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return False
    return isinstance(lines, list) and any(isinstance(line, dict) and line.get("source") == "obec" for line in lines)


VALUE_SINCE: dict[tuple[str, str], tuple[Callable[[Any], bool], int]] = {("projects", "budget_lines"): (_obec_lines, 5)}
LOWEST_WRITTEN = 3  # every file carries history rows whose form is format 3's


def format_for(records: dict[str, list[dict[str, Any]]]) -> int:
    """The lowest exchange format version (an int, 3 or more) whose readers know every column the
    travelling rows ``records`` (table -> rows in :func:`travelling_form`) carry: an older program
    then reads the file, or refuses it as one of a newer program rather than as a broken file."""
    version = LOWEST_WRITTEN
    for (table, column), since in COLUMN_SINCE.items():
        if since > version and any(column in row for row in records.get(table, ())):
            version = since
    for (table, column), (carries, since) in VALUE_SINCE.items():
        if since > version and any(carries(row.get(column)) for row in records.get(table, ())):
            version = since
    return version


def travelling_form(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` of ``table`` as it travels and is digested: the same dict, or a copy without the
    :data:`OMITTED_WHEN_NULL` columns that are null, and with a :data:`SCALED` column whose value
    the old unit holds exactly (or null) under its old name and unit. A row already in that form
    is returned as it is."""
    scaled = _SCALED_BY_TABLE.get(table)
    if scaled is not None and scaled[0] in row:
        column, old, factor = scaled
        value = row[column]
        if value is None or (type(value) is int and value % factor == 0):
            row = {name: item for name, item in row.items() if name != column}
            row[old] = None if value is None else value // factor
    optional = OMITTED_WHEN_NULL.get(table)
    if optional is None or not any(name in row and row[name] is None for name in optional):
        return row
    return {name: value for name, value in row.items() if not (value is None and name in optional)}


def stored_form(table: str, row: Any) -> Any:
    """An incoming ``row`` of ``table`` with a :data:`SCALED` column that came under its old name
    (an older program's file, or an amount of whole baht) under the stored name and unit: the same
    dict, changed in place. A value that is not an integer is moved unchanged, for the rule to
    refuse; anything but a dict is returned as it is (:func:`validate_row` says why)."""
    scaled = _SCALED_BY_TABLE.get(table)
    if scaled is None or type(row) is not dict:
        return row
    column, old, factor = scaled
    if old in row and column not in row:
        value = row.pop(old)
        row[column] = value * factor if type(value) is int else value
    return row


KIND_LABELS: dict[str, str] = {
    "schools": "โรงเรียน",
    "assessments": "การประเมินตนเอง",
    "answers": "คำตอบรายประเด็น",
    "attachments": "ไฟล์แนบการประเมิน",
    "answer_history": "ประวัติการแก้ไขคำตอบ",
    "visits": "การนิเทศ",
    "visit_people": "ผู้นิเทศและผู้รับการนิเทศ",
    "visit_findings": "ผลการนิเทศ",
    "visit_attachments": "ไฟล์แนบการนิเทศ",
    "follow_ups": "ข้อตกลงติดตามผล",
    "visit_events": "ประวัติการยืนยันการนิเทศ",
    "network_schools": "โรงเรียนเครือข่าย",
    "assessment_events": "ประวัติการส่งและเปิดแก้ไขแบบประเมิน",
    "review_decisions": "ผลการตรวจแบบประเมินตนเองของสำนักงาน",
    "comments": "ความคิดเห็น",
    "plans": "แผนพัฒนาคุณภาพการศึกษา",
    "plan_goals": "เป้าหมายของแผนพัฒนา",
    "plan_indicators": "ตัวชี้วัดของแผนพัฒนา",
    "plan_activities": "กิจกรรมของแผนพัฒนา",
    "budget_requests": "คำขอรับการสนับสนุนงบประมาณ",
    "budget_decisions": "ผลการอนุมัติงบประมาณของสำนักงาน",
    "contacts": "บันทึกการติดต่อโรงเรียน",
    "projects": "โครงการ",
}

# The rule each travelling column's value obeys: the same rules every local write path checks
# (``validation.py``). Having a rule is what makes a column travel; which columns exist, and in
# what order, comes from the live schema.
RULES = validation.RULES

# Tables some of whose rows stay home, and the SQL condition of the rows that travel. An area
# office's own projects travel in its files to the province (issue 15 P15; an import takes them in
# only from the key bound there as that office's, exchange/ownership.py). The answer history of a
# round no longer held here stays home: a typed round that gave way to the school's own ("this is
# the same school") leaves its history behind, append-only, naming a round nobody else will ever
# hold, so a receiver would call the whole file damaged (retest27 N1). A file of chosen schools
# never carried it (it takes the history of the rounds it carries).
TRAVELLING_ROWS: dict[str, str] = {
    "answer_history": "assessment_id IN (SELECT id FROM assessments)",
}


def travelling_rows(table: str) -> str:
    """The SQL condition of ``table``'s rows that travel ("1" for every row)."""
    return TRAVELLING_ROWS.get(table, "1")


# Unique keys besides the id (from the schema): a clash is refused before anything is written.
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "schools": ("code",),
    "assessments": ("school_id", "fiscal_year", "round"),
    "answers": ("assessment_id", "item_code"),
    "visit_findings": ("visit_id", "scope_code"),
    "network_schools": ("school_id", "code"),
}

# References to other exchanged tables: (column, table). Every FOREIGN KEY of the schema, and
# answer_history's assessment, which the schema leaves unchecked (history is append-only) but the
# import needs: it reads the framework of that assessment to check the item code.
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "assessments": (("school_id", "schools"),),
    "answers": (("assessment_id", "assessments"),),
    "attachments": (("assessment_id", "assessments"),),
    "answer_history": (("assessment_id", "assessments"),),
    "visits": (("school_id", "schools"), ("assessment_id", "assessments")),
    "visit_people": (("visit_id", "visits"),),
    "visit_findings": (("visit_id", "visits"),),
    "visit_attachments": (("visit_id", "visits"),),
    "follow_ups": (("school_id", "schools"), ("visit_id", "visits"), ("closed_in_visit_id", "visits")),
    "visit_events": (("visit_id", "visits"),),
    "network_schools": (("school_id", "schools"),),
    "assessment_events": (("assessment_id", "assessments"),),
    "review_decisions": (("assessment_id", "assessments"),),
    "comments": (("school_id", "schools"), ("assessment_id", "assessments"), ("follow_up_id", "follow_ups")),
    "plans": (("school_id", "schools"),),
    "plan_goals": (("plan_id", "plans"),),
    "plan_indicators": (("plan_id", "plans"),),
    "plan_activities": (("plan_id", "plans"),),
    "budget_requests": (("school_id", "schools"),),
    "budget_decisions": (("request_id", "budget_requests"),),
    "contacts": (("school_id", "schools"),),
    "projects": (("school_id", "schools"),),
}

TIMESTAMP_COLUMNS = frozenset(name for rules in RULES.values() for name, rule in rules.items() if rule.kind == "stamp")

# The exchange and the schema disagree: a programming error that the tests catch first.
SCHEMA_MISMATCH = (
    "โปรแกรมรุ่นนี้ยังไม่ได้กำหนดว่าข้อมูลบางช่องในฐานข้อมูลจะส่งไปกับไฟล์แลกเปลี่ยนข้อมูลหรือไม่"
    " จึงแลกเปลี่ยนข้อมูลไม่ได้ โปรดแจ้งผู้พัฒนาโปรแกรม ({details})"
)


def live_columns(db: "CoreDatabase", table: str) -> tuple[str, ...]:
    """The names of ``table``'s columns in ``db``, in the schema's order (``PRAGMA table_info``);
    empty when ``db`` has no such table."""
    return tuple(str(row[1]) for row in db.execute(f'PRAGMA table_info("{table}")').fetchall())


def live_tables(db: "CoreDatabase") -> tuple[str, ...]:
    """The tables of ``db``'s schema, SQLite's own ``sqlite_*`` tables left out (SQLite makes
    them, no migration can, and their rows are about the file)."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name"
    ).fetchall()
    return tuple(str(row[0]) for row in rows)


def _column_problems(db: "CoreDatabase", table: str) -> list[str]:
    live = live_columns(db, table)
    if not live:
        return [f"{table}: exchanged but not in the schema"]
    local = STAYS_LOCAL.get(table, {})
    rules = RULES.get(table, {})
    problems = [f"{table}.{name}: neither travels (RULES) nor stays local (STAYS_LOCAL)"
                for name in live if name not in rules and name not in local]
    problems += [f"{table}.{name}: in both RULES and STAYS_LOCAL" for name in live if name in rules and name in local]
    problems += [f"{table}.{name}: named in RULES or STAYS_LOCAL but not in the schema"
                 for name in (*rules, *local) if name not in live]
    return problems


def schema_problems(db: "CoreDatabase") -> list[str]:
    """Every disagreement between ``db``'s schema and the exchange's lists, one English line each
    (for a developer): a table in neither :data:`TABLES` nor :data:`NEVER_TRAVELS`, a column of an
    exchanged table with neither a rule nor a :data:`STAYS_LOCAL` reason, and any name in those
    lists that the schema does not have. Empty when every table and column is classified."""
    live = live_tables(db)
    problems = [f"{table}: neither exchanged (TABLES) nor kept local (NEVER_TRAVELS)"
                for table in live if table not in TABLES and table not in NEVER_TRAVELS]
    problems += [f"{table}: in both TABLES and NEVER_TRAVELS" for table in TABLES if table in NEVER_TRAVELS]
    problems += [f"{table}: in NEVER_TRAVELS but not in the schema" for table in NEVER_TRAVELS if table not in live]
    problems += [f"{table}: has rules or local columns but is not exchanged"
                 for table in (*RULES, *STAYS_LOCAL) if table not in TABLES]
    for table in TABLES:
        problems += _column_problems(db, table)
    return problems


def travelling_columns(db: "CoreDatabase") -> dict[str, tuple[str, ...]]:
    """Table -> the columns that travel, for every table in :data:`TABLES`: read from ``db``'s
    schema in its order, every column but those in :data:`STAYS_LOCAL` (read again whenever the
    schema changes: SQLite's ``schema_version`` says when).

    Raises :class:`ExchangeError` when a column of an exchanged table has no rule and no reason
    to stay local (a migration nobody classified), or a rule names a column the schema lacks:
    no file is better than one that silently leaves a column at home."""
    decided = tuple((table, tuple(RULES.get(table, ())), tuple(STAYS_LOCAL.get(table, ()))) for table in TABLES)
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    cached = getattr(db, "_travelling_columns", None)
    if cached is not None and cached[0] == version and cached[1] == decided:
        return dict(cached[2])
    problems = [problem for table in TABLES for problem in _column_problems(db, table)]
    if problems:
        raise ExchangeError(SCHEMA_MISMATCH.format(details="; ".join(problems)))
    found = {
        table: tuple(name for name in live_columns(db, table) if name not in STAYS_LOCAL.get(table, {}))
        for table in TABLES
    }
    db._travelling_columns = (version, decided, found)  # type: ignore[attr-defined]
    return dict(found)


_NAMES: dict[tuple[str, ...], frozenset[str]] = {}  # a table's travelling columns, as a set


def validate_row(table: str, line: int, row: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    """Return ``row`` (a record read from line ``line`` of ``table``'s member) when it holds
    exactly ``columns`` (the table's travelling columns, from :func:`travelling_columns`; an
    :data:`OMITTED_WHEN_NULL` column may be absent and is then added as None), each with a value its rule in :data:`RULES` accepts (:func:`validation.row_problem`, as every
    local write path checks). Raises :class:`ExchangeError` naming the table, the line and the
    field (in Thai) otherwise."""
    names = _NAMES.get(columns)
    if names is None:
        names = _NAMES[columns] = frozenset(columns)
    row = stored_form(table, row)
    if type(row) is dict and row.keys() == names and validation.row_problem(table, row, columns) is None:
        return row  # the usual case, checked without building a message
    optional = OMITTED_WHEN_NULL.get(table)
    if optional is not None and type(row) is dict:
        for name in optional:
            if name in names and name not in row:
                row[name] = None  # absent: null (a file of format 2, or a null left out)
        if row.keys() == names and validation.row_problem(table, row, columns) is None:
            return row
    where = f"ข้อมูล{KIND_LABELS[table]} บรรทัดที่ {line}"
    if isinstance(row, dict) and isinstance(row.get("id"), str):
        where += f" (รายการ {row['id'][:8]})"
    if not isinstance(row, dict):
        raise ExchangeError(f"{where} ในไฟล์ไม่ใช่รายการข้อมูลที่ถูกต้อง ไฟล์นี้อาจเสียหาย")
    missing = [name for name in columns if name not in row]
    if missing:
        raise ExchangeError(f"{where} ขาดช่องข้อมูล {', '.join(missing)} ไฟล์นี้อาจเสียหายหรือสร้างด้วยโปรแกรมอื่น")
    extra = [name for name in row if name not in columns]
    if extra:
        raise ExchangeError(f"{where} มีช่องข้อมูลที่โปรแกรมนี้ไม่รู้จัก ({', '.join(map(str, extra[:5]))})"
                            " ไฟล์นี้อาจทำด้วยโปรแกรมรุ่นใหม่กว่า โปรดปรับรุ่นโปรแกรมในเครื่องนี้ให้เป็นรุ่นล่าสุดก่อน"
                            " แล้วนำเข้าไฟล์นี้อีกครั้ง")
    found = validation.row_problem(table, row, columns)
    if found is not None:
        name, reason = found
        shown = f" ({str(row[name])[:40]!r})" if name in row and row[name] is not None else ""
        raise ExchangeError(f"{where}: {validation.field_label(table, name)}{reason}{shown}")
    return row
