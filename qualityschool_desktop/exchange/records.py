"""What an exchange file may carry: the tables, their columns, and the rule every value obeys.

The schema is the one source of the columns. :func:`travelling_columns` reads them from the open
database (``PRAGMA table_info``): every column of every table in :data:`TABLES` travels except the
few named in :data:`STAYS_LOCAL`, and each travelling column must have a rule in :data:`RULES`.
Every other table is named in :data:`NEVER_TRAVELS`. A migration that adds a column or a table
nobody has classified makes :func:`schema_problems` report it (``tests/test_exchange_schema.py``
fails) and makes the exchange refuse to run, rather than let the column silently stay home.

Every incoming value is checked here before anything is written, so a malformed or hostile
record is refused with a Thai message naming the table, the row and the field, instead of
reaching SQLite (or, worse, being stored because SQLite's types are loose).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from .. import limits
from ..clock import real_date, real_timestamp
from ..errors import QualitySchoolError
from . import versions

if TYPE_CHECKING:
    from sqlite_utils import Database


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
)
# History tables: rows are only ever added (triggers forbid changes), so they merge by id.
APPEND_ONLY = frozenset({"answer_history", "visit_events"})

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
    "school_aliases": "schools this office typed and later mapped onto the school's own record: a local decision",
    "seals": "owners' signatures over records; they travel in the file's seals member, beside the rows they sign",
    "pending_changes": "changes from keys that do not own the records, waiting here for a person to decide",
    "exchange_conflicts": "the losing versions kept for a person at this laptop to look at",
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
}

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
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CODE10 = re.compile(r"^[0-9]{10}$")
MAX_TEXT = limits.MAX_TEXT

Check = Callable[[Any], bool]


_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.match(value) is not None


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _nonblank(value: Any) -> bool:
    return _text(value) and value.strip() != ""


def _short(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 100


def _installation_or_empty(value: Any) -> bool:
    # A visit from before owners whose maker nobody recorded is "": no one's key can change it.
    return isinstance(value, str) and len(value) <= 100


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -(2**53) < value < 2**53


def _int_or_null(minimum: int | None = None, maximum: int | None = None) -> Check:
    def check(value: Any) -> bool:
        if value is None:
            return True
        return _int(value) and (minimum is None or value >= minimum) and (maximum is None or value <= maximum)

    return check


def _between(minimum: int, maximum: int | None = None) -> Check:
    return lambda value: _int(value) and value >= minimum and (maximum is None or value <= maximum)


def _flag(value: Any) -> bool:
    return _int(value) and value in (0, 1)


def _one_of(*choices: str) -> Check:
    return lambda value: isinstance(value, str) and value in choices


def _timestamp(value: Any) -> bool:
    """The app's own UTC stamp of a moment that exists (not ``2026-02-30T…`` nor ``…T99:99:99Z``)."""
    return isinstance(value, str) and _TIMESTAMP.match(value) is not None and real_timestamp(value)


def _date(value: Any) -> bool:
    """A calendar date in ISO form (not ``2026-02-30``, not ``พรุ่งนี้``)."""
    return isinstance(value, str) and _DATE.match(value) is not None and real_date(value)


def _date_or_empty(value: Any) -> bool:
    return value == "" or _date(value)


def _sha256(value: Any) -> bool:
    return isinstance(value, str) and _SHA256.match(value) is not None


def _code10(value: Any) -> bool:
    return isinstance(value, str) and _CODE10.match(value) is not None


def _uuid_or_null(value: Any) -> bool:
    return value is None or _uuid(value)


def _distance(value: Any) -> bool:
    # A REAL column: SQLite hands back a float, and the row's digest must read the same on every
    # laptop, so a whole number arrives as 3.0, never as 3.
    if value is None:
        return True
    return isinstance(value, float) and 0 <= value <= limits.MAX_DISTANCE_KM


def _text_or_null(value: Any) -> bool:
    return value is None or _text(value)


_TRACKED: dict[str, Check] = {
    "created_at": _timestamp, "modified_at": _timestamp, "modified_by": _short, "version": versions.is_vector,
}

# The rule each travelling column's value obeys, mirroring the types, NOT NULL and CHECK
# constraints of migrations.py (and a little stricter: timestamps must be the app's own UTC form,
# so that text order is time order). Having a rule here is what makes a column travel; which
# columns exist, and in what order, comes from the live schema.
RULES: dict[str, dict[str, Check]] = {
    "schools": {
        "id": _uuid, "code": _code10, "name": _nonblank, "district": _text, "province": _text,
        "area_office": _text, "level": _one_of("", "primary", "secondary", "both"),
        "pupils": _int_or_null(0), "teachers": _int_or_null(0), "is_demo": _flag, **_TRACKED,
    },
    "assessments": {
        "id": _uuid, "school_id": _uuid, "framework_id": _short, "framework_version": _short,
        "fiscal_year": _between(2500, 2700), "round": _between(1, limits.MAX_ROUND), "assessed_on": _date_or_empty,
        "assessor_name": _text, "assessor_role": _text, "status": _one_of("draft", "submitted"), **_TRACKED,
    },
    "answers": {
        "id": _uuid, "assessment_id": _uuid, "item_code": _short, "level": _int_or_null(1, 10),
        "not_applicable": _flag, "na_reason": _text, "evidence": _text, "note": _text, **_TRACKED,
    },
    "attachments": {
        "id": _uuid, "assessment_id": _uuid, "item_code": _short, "sha256": _sha256, "file_name": _nonblank,
        "size": _between(0), "media_type": _text, "deleted": _flag, **_TRACKED,
    },
    "answer_history": {
        "id": _uuid, "answer_id": _uuid, "assessment_id": _uuid, "item_code": _short,
        "field": _one_of("level", "not_applicable", "na_reason", "evidence", "note", "attachment"),
        "old_value": _text_or_null, "new_value": _text_or_null, "changed_at": _timestamp, "changed_by": _short,
    },
    "visits": {
        "id": _uuid, "school_id": _uuid, "assessment_id": _uuid_or_null, "framework_id": _short,
        "framework_version": _short, "visited_on": _date, "start_time": _text, "end_time": _text,
        "visit_type": _one_of("onsite", "online"), "purpose": _text, "notes": _text,
        "status": _one_of("draft", "final"), "made_by": _installation_or_empty, **_TRACKED,
    },
    "visit_people": {
        "id": _uuid, "visit_id": _uuid, "side": _one_of("visitor", "school"), "position_order": _between(0),
        "name": _text, "position": _text, "deleted": _flag, **_TRACKED,
    },
    "visit_findings": {
        "id": _uuid, "visit_id": _uuid, "scope_code": _short, "level": _int_or_null(1, 10), "observed": _text,
        "evidence": _text, "strengths": _text, "to_develop": _text, "recommendations": _text, **_TRACKED,
    },
    "visit_attachments": {
        "id": _uuid, "visit_id": _uuid, "scope_code": _text, "sha256": _sha256, "file_name": _nonblank,
        "size": _between(0), "media_type": _text, "deleted": _flag, **_TRACKED,
    },
    "follow_ups": {
        "id": _uuid, "school_id": _uuid, "visit_id": _uuid, "scope_code": _text, "action": _text,
        "owner": _text, "due_on": _date_or_empty, "status": _one_of("open", "done", "dropped"),
        "closed_on": _date_or_empty, "closed_in_visit_id": _uuid_or_null, "note": _text, "deleted": _flag, **_TRACKED,
    },
    "visit_events": {
        "id": _uuid, "visit_id": _uuid, "event": _one_of("finalised", "reopened"), "reason": _text,
        "happened_at": _timestamp, "happened_by": _short,
    },
    "network_schools": {
        "id": _uuid, "school_id": _uuid, "code": _code10, "name": _nonblank, "pupils": _int_or_null(0),
        "teachers": _int_or_null(0), "distance_km": _distance, "deleted": _flag, **_TRACKED,
    },
}

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
}

# Field names a person reads in an error message.
_FIELD_LABELS = {
    "code": "รหัสโรงเรียน", "name": "ชื่อ", "id": "รหัสรายการ", "modified_at": "เวลาแก้ไข", "created_at": "เวลาสร้าง",
    "changed_at": "เวลาแก้ไข", "happened_at": "เวลาที่บันทึก", "version": "รุ่นของข้อมูล",
    "visited_on": "วันที่นิเทศ", "assessed_on": "วันที่ประเมิน", "due_on": "วันที่ครบกำหนด", "closed_on": "วันที่ปิด",
}
# Date and time columns: a refusal says that the value is not a real date or time.
DATE_COLUMNS = frozenset({"visited_on", "assessed_on", "due_on", "closed_on"})
TIMESTAMP_COLUMNS = frozenset({"created_at", "modified_at", "changed_at", "happened_at"})

# The exchange and the schema disagree: a programming error that the tests catch first.
SCHEMA_MISMATCH = (
    "โปรแกรมรุ่นนี้ยังไม่ได้กำหนดว่าข้อมูลบางช่องในฐานข้อมูลจะส่งไปกับไฟล์แลกเปลี่ยนข้อมูลหรือไม่"
    " จึงแลกเปลี่ยนข้อมูลไม่ได้ โปรดแจ้งผู้พัฒนาโปรแกรม ({details})"
)


def live_columns(db: "Database", table: str) -> tuple[str, ...]:
    """The names of ``table``'s columns in ``db``, in the schema's order (``PRAGMA table_info``);
    empty when ``db`` has no such table."""
    return tuple(str(row[1]) for row in db.execute(f'PRAGMA table_info("{table}")').fetchall())


def live_tables(db: "Database") -> tuple[str, ...]:
    """The tables of ``db``'s schema, SQLite's own ``sqlite_*`` tables left out (SQLite makes
    them, no migration can, and their rows are about the file)."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name"
    ).fetchall()
    return tuple(str(row[0]) for row in rows)


def _column_problems(db: "Database", table: str) -> list[str]:
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


def schema_problems(db: "Database") -> list[str]:
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


def travelling_columns(db: "Database") -> dict[str, tuple[str, ...]]:
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


def validate_row(table: str, line: int, row: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    """Return ``row`` (a record read from line ``line`` of ``table``'s member) when it holds
    exactly ``columns`` (the table's travelling columns, from :func:`travelling_columns`), each
    with a value its rule in :data:`RULES` accepts. Raises :class:`ExchangeError` naming the
    table, the line and the field otherwise."""
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
        raise ExchangeError(f"{where} มีช่องข้อมูลที่โปรแกรมนี้ไม่รู้จัก ({', '.join(map(str, extra[:5]))})")
    rules = RULES[table]
    for name in columns:
        check = rules[name]
        if not check(row[name]):
            label = _FIELD_LABELS.get(name, name)
            what = "ไม่ใช่วันที่จริง" if name in DATE_COLUMNS else "ไม่ใช่เวลาจริง" if name in TIMESTAMP_COLUMNS else "ไม่ถูกต้อง"
            raise ExchangeError(f"{where}: ค่าในช่อง {label} {what} ({str(row[name])[:40]!r})")
    if table in ("answers",) and row["not_applicable"] == 1 and row["level"] is not None:
        raise ExchangeError(f"{where}: ประเด็นที่ไม่เกี่ยวข้องต้องไม่มีระดับคะแนน")
    return row
