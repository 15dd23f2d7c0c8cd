"""What an exchange file may carry: the tables, their columns, and the rule every value obeys.

Every incoming value is checked here before anything is written, so a malformed or hostile
record is refused with a Thai message naming the table, the row and the field, instead of
reaching SQLite (or, worse, being stored because SQLite's types are loose).
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Callable

from ..errors import QualitySchoolError


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
MAX_TEXT = 200_000  # characters in one field: far above any real note, far below a memory problem

Check = Callable[[Any], bool]


def _uuid(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _nonblank(value: Any) -> bool:
    return _text(value) and value.strip() != ""


def _short(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 100


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
    return isinstance(value, str) and _TIMESTAMP.match(value) is not None


def _date(value: Any) -> bool:
    return isinstance(value, str) and _DATE.match(value) is not None


def _date_or_empty(value: Any) -> bool:
    return value == "" or _date(value)


def _sha256(value: Any) -> bool:
    return isinstance(value, str) and _SHA256.match(value) is not None


def _code10(value: Any) -> bool:
    return isinstance(value, str) and _CODE10.match(value) is not None


def _uuid_or_null(value: Any) -> bool:
    return value is None or _uuid(value)


def _distance(value: Any) -> bool:
    if value is None:
        return True
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1e6


def _text_or_null(value: Any) -> bool:
    return value is None or _text(value)


_TRACKED: dict[str, Check] = {"created_at": _timestamp, "modified_at": _timestamp, "modified_by": _short}

# Column -> rule, mirroring the CHECK constraints of migrations.py (and a little stricter:
# timestamps must be the app's own UTC form, so that text order is time order).
COLUMNS: dict[str, dict[str, Check]] = {
    "schools": {
        "id": _uuid, "code": _code10, "name": _nonblank, "district": _text, "province": _text,
        "area_office": _text, "level": _one_of("", "primary", "secondary", "both"),
        "pupils": _int_or_null(0), "teachers": _int_or_null(0), "is_demo": _flag, **_TRACKED,
    },
    "assessments": {
        "id": _uuid, "school_id": _uuid, "framework_id": _short, "framework_version": _short,
        "fiscal_year": _between(2500, 2700), "round": _between(1, 1000), "assessed_on": _text,
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
        "status": _one_of("draft", "final"), **_TRACKED,
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
        "closed_on": _text, "closed_in_visit_id": _uuid_or_null, "note": _text, "deleted": _flag, **_TRACKED,
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

# References to other exchanged tables: (column, table).
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "assessments": (("school_id", "schools"),),
    "answers": (("assessment_id", "assessments"),),
    "attachments": (("assessment_id", "assessments"),),
    "visits": (("school_id", "schools"), ("assessment_id", "assessments")),
    "visit_people": (("visit_id", "visits"),),
    "visit_findings": (("visit_id", "visits"),),
    "visit_attachments": (("visit_id", "visits"),),
    "follow_ups": (("school_id", "schools"), ("visit_id", "visits"), ("closed_in_visit_id", "visits")),
    "visit_events": (("visit_id", "visits"),),
    "network_schools": (("school_id", "schools"),),
}

# Field names a person reads in an error message.
_FIELD_LABELS = {"code": "รหัสโรงเรียน", "name": "ชื่อ", "id": "รหัสรายการ", "modified_at": "เวลาแก้ไข"}


def validate_row(table: str, line: int, row: Any) -> dict[str, Any]:
    """Return the row when every column is present with a valid value; raise ExchangeError otherwise."""
    where = f"ข้อมูล{KIND_LABELS[table]} บรรทัดที่ {line}"
    if not isinstance(row, dict):
        raise ExchangeError(f"{where} ในไฟล์ไม่ใช่รายการข้อมูลที่ถูกต้อง ไฟล์นี้อาจเสียหาย")
    columns = COLUMNS[table]
    missing = [name for name in columns if name not in row]
    if missing:
        raise ExchangeError(f"{where} ขาดช่องข้อมูล {', '.join(missing)} ไฟล์นี้อาจเสียหายหรือสร้างด้วยโปรแกรมอื่น")
    extra = [name for name in row if name not in columns]
    if extra:
        raise ExchangeError(f"{where} มีช่องข้อมูลที่โปรแกรมนี้ไม่รู้จัก ({', '.join(map(str, extra[:5]))})")
    for name, check in columns.items():
        if not check(row[name]):
            label = _FIELD_LABELS.get(name, name)
            raise ExchangeError(f"{where}: ค่าในช่อง {label} ไม่ถูกต้อง ({str(row[name])[:40]!r})")
    if table in ("answers",) and row["not_applicable"] == 1 and row["level"] is not None:
        raise ExchangeError(f"{where}: ประเด็นที่ไม่เกี่ยวข้องต้องไม่มีระดับคะแนน")
    return row
