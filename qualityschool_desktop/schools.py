"""Schools: the ministry's 10-digit code, name, place and size.

:class:`Schools` (``workspace.schools``) is the one place that reads and writes the ``schools``
table; the rest of the core asks it (the exchange, which copies every table's rows alike, aside).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from typing import Any, Iterable

from .records import Frozen
from .storage import CoreDatabase

from .clock import now_iso
from .collation import thai_key
from .ids import new_id
from .numbers import without_thousands
from .errors import NotFoundError, ValidationError
from .text import clean_field, clean_text
from .thai import arabic_digits, office_name, thai_digits

LEVELS = {"": "ไม่ระบุ", "primary": "ประถมศึกษา", "secondary": "มัธยมศึกษา", "both": "ประถมและมัธยมศึกษา"}
_EDITABLE = ("code", "name", "district", "province", "area_office", "level", "pupils", "teachers")
# Filters a list by level: a school teaching both levels counts under either.
LEVEL_FILTERS = ("primary", "secondary")
NOT_FOUND = "ไม่พบโรงเรียนนี้ในฐานข้อมูล"
# The order of every list of schools: by province, area office, district and name in Thai order
# (collation.py: เมืองตาก before สามเงา, แม่สอด before อุ้มผาง), then code.
_ORDER = (" ORDER BY province COLLATE thai, area_office COLLATE thai, district COLLATE thai,"
          " name COLLATE thai, code")


@dataclass(init=False, repr=False, eq=False)  # a frozen record (records.py): read before "ready" (issue 16)
class School(Frozen):
    """A quality school: the ministry's 10-digit ``code``, name, district (อำเภอ), province, area
    office (สพป./สพม. …), ``level`` (a key of :data:`LEVELS`), ``pupils`` and ``teachers`` (None when
    not known), ``is_demo`` for demo data; stamps are UTC text."""

    __slots__ = ("id", "code", "name", "district", "province", "area_office", "level", "pupils", "teachers",
                 "is_demo", "created_at", "modified_at", "modified_by")

    id: str
    code: str
    name: str
    district: str
    province: str
    area_office: str
    level: str
    pupils: int | None
    teachers: int | None
    is_demo: bool
    created_at: str
    modified_at: str
    modified_by: str

    def __init__(self, id: str, code: str, name: str, district: str, province: str, area_office: str, level: str,
                 pupils: int | None, teachers: int | None, is_demo: bool, created_at: str, modified_at: str,
                 modified_by: str) -> None:
        _set = object.__setattr__
        _set(self, "id", id)
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "district", district)
        _set(self, "province", province)
        _set(self, "area_office", area_office)
        _set(self, "level", level)
        _set(self, "pupils", pupils)
        _set(self, "teachers", teachers)
        _set(self, "is_demo", is_demo)
        _set(self, "created_at", created_at)
        _set(self, "modified_at", modified_at)
        _set(self, "modified_by", modified_by)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "School":
        """The school held in a row of ``schools`` (a dict by column name; other columns ignored).
        Raises ``KeyError`` when the row lacks a field. The area office is read with Arabic digits
        (:func:`~.thai.office_name`), however it was stored."""
        values = {name: row[name] for name in _SCHOOL_FIELDS}  # fields() per row was 60 µs (issue 16)
        values["is_demo"] = bool(values["is_demo"])
        values["area_office"] = office_name(values["area_office"])  # stored before f03 with Thai digits
        return cls(**values)


_SCHOOL_FIELDS = tuple(f.name for f in fields(School))
_COLUMNS = ", ".join(_SCHOOL_FIELDS)
_AT = {name: _SCHOOL_FIELDS.index(name) for name in ("province", "area_office", "district", "name", "code",
                                                      "is_demo")}


def _list_order(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """The sort key of a row of :data:`_COLUMNS` in :data:`_ORDER`'s order (the stored area office,
    as SQLite sorts it)."""
    at = _AT
    return (thai_key(row[at["province"]]), thai_key(row[at["area_office"]]), thai_key(row[at["district"]]),
            thai_key(row[at["name"]]), row[at["code"]])


def _school(row: tuple[Any, ...]) -> School:
    """:meth:`School.from_row` of a row of :data:`_COLUMNS` (a tuple in the fields' order)."""
    values = list(row)
    values[_AT["is_demo"]] = bool(values[_AT["is_demo"]])
    values[_AT["area_office"]] = office_name(values[_AT["area_office"]])
    return School(*values)

# What Excel makes of a code column it took for numbers: 6.301E+09, 6301000011.0, 6,301,000,011.
_EXCEL_NUMBER = re.compile(r"\d[\d,]*(\.\d*)?(e[+-]?\d+)?", re.IGNORECASE)
EXCEL_TEXT_HINT = "จัดรูปแบบคอลัมน์รหัสเป็นข้อความใน Excel แล้วพิมพ์รหัสใหม่ทั้ง ๑๐ หลัก"


def normalise_code(code: str) -> str:
    """Accept Thai digits, the spaces or dashes people type, invisible characters a paste brings
    (:func:`~.text.clean_field`) and the leading ' (or ’) by which Excel keeps a number as text;
    return the digits."""
    cleaned = clean_field(code).lstrip("'\u2019")
    return "".join(ch for ch in arabic_digits(cleaned) if ch not in " -\t")


def validate_code(code: str) -> str:
    """The ministry's 10-digit school code (seed 001's network-school data) as 10 Arabic digits,
    from what a person typed (Thai digits, spaces and dashes accepted: :func:`normalise_code`).
    Raises :class:`ValidationError` (Thai) for a blank code, one with other characters (one that
    Excel turned into a number, ``6.301E+09``, with the hint to format the column as text), one
    not 10 digits long, or one digit repeated ten times (``0000000000``: the rule every write and
    import checks, :func:`validation.school_code_problem`)."""
    cleaned = normalise_code(code)
    if not cleaned:
        raise ValidationError("กรุณากรอกรหัสโรงเรียน ๑๐ หลัก")
    if not cleaned.isdigit():
        if _EXCEL_NUMBER.fullmatch(cleaned):
            raise ValidationError(f"รหัสโรงเรียน \"{cleaned}\" ถูก Excel แปลงเป็นตัวเลข: {EXCEL_TEXT_HINT}")
        raise ValidationError(f"รหัสโรงเรียน \"{code}\" ต้องเป็นตัวเลขเท่านั้น")
    if len(cleaned) != 10:
        raise ValidationError(f"รหัสโรงเรียนต้องมี ๑๐ หลัก (กรอกมา {thai_digits(len(cleaned))} หลัก)")
    from . import validation  # the shared rules: for writes, not at opening (issue 16)
    problem = validation.school_code_problem(cleaned)
    if problem is not None:
        raise ValidationError(f"รหัสโรงเรียน{problem}")
    return cleaned


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในข้อมูลโรงเรียน")
    from . import validation  # the shared rules: for writes, not at opening (issue 16)
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "code":
            cleaned[key] = validate_code(value)
        elif key == "name":
            name = clean_text(value, multiline=False).strip()
            if not name:
                raise ValidationError("กรุณากรอกชื่อโรงเรียน")
            cleaned[key] = name
        elif key == "level":
            if value not in LEVELS:
                raise ValidationError(f"ระดับการศึกษา \"{value}\" ไม่ถูกต้อง")
            cleaned[key] = value
        elif key in ("pupils", "teachers"):
            if value in (None, ""):
                cleaned[key] = None
            else:
                try:
                    label = validation.field_label("schools", key)
                    number = int(without_thousands(arabic_digits(str(value)), label, value))
                except ValueError:
                    raise ValidationError(f"{validation.field_label('schools', key)}ต้องเป็นตัวเลข") from None
                cleaned[key] = number  # its range is the shared rule's (checked before it is stored)
        elif key == "area_office":  # one digit form, so one office is one name (try14e f03)
            cleaned[key] = office_name(clean_text(value, multiline=False))
        else:
            cleaned[key] = clean_text(value, multiline=False).strip()
    return cleaned


class Schools:
    """``workspace.schools``: add, list, find and edit schools."""

    def __init__(self, db: CoreDatabase, installation_id: str) -> None:
        self._db = db
        self._installation_id = installation_id

    def add(self, *, code: str, name: str, is_demo: bool = False, **details: Any) -> School:
        """Add a school and return it. ``details``: ``district``, ``province``, ``area_office``,
        ``level`` (a key of :data:`LEVELS`), ``pupils``, ``teachers`` (whole numbers or blank).
        Every value is held to the rules an import applies (:mod:`.validation`: names and places
        one line of at most :data:`~.validation.MAX_LINE` characters, head counts from 0 to
        :data:`~.validation.MAX_HEADCOUNT`). Raises :class:`ValidationError` for a bad or
        duplicate code, a blank name, an unknown field or a value beyond its rule; nothing is
        written then."""
        values = _clean({"code": code, "name": name, **details})
        if self._db.execute("SELECT 1 FROM schools WHERE code = ?", [values["code"]]).fetchone():
            raise ValidationError(f"มีโรงเรียนรหัส {values['code']} อยู่แล้ว")
        now = now_iso()
        row: dict[str, Any] = {
            "id": new_id(),
            "district": "",
            "province": "",
            "area_office": "",
            "level": "",
            "pupils": None,
            "teachers": None,
            **values,
            "is_demo": int(is_demo),
            "created_at": now,
            "modified_at": now,
            "modified_by": self._installation_id,
        }
        from . import validation  # the shared rules: for writes, not at opening (issue 16)
        with self._db.write():
            self._db.table("schools").insert(validation.checked("schools", row))
        return self.get(row["id"])

    def update(self, school_id: str, **changes: Any) -> School:
        """Change the fields named in ``changes`` (those :meth:`add` takes, and ``code`` and
        ``name``) and return the school. Raises :class:`ValidationError` as :meth:`add` does and
        :class:`NotFoundError` for an unknown id. Changing nothing writes nothing."""
        values = _clean(changes)
        if "code" in values:
            clash = self._db.execute(
                "SELECT 1 FROM schools WHERE code = ? AND id <> ?", [values["code"], school_id]
            ).fetchone()
            if clash:
                raise ValidationError(f"มีโรงเรียนรหัส {values['code']} อยู่แล้ว")
        current = self.get(school_id)
        if all(getattr(current, key) == value for key, value in values.items()):
            return current
        values.update(modified_at=now_iso(), modified_by=self._installation_id)
        from . import validation  # the shared rules: for writes, not at opening (issue 16)
        with self._db.write():
            self._db.table("schools").update(school_id, validation.checked("schools", values))
        return self.get(school_id)

    def get(self, school_id: str) -> School:
        """The school with ``school_id``; raises :class:`NotFoundError` when there is none."""
        rows = list(self._db.query("SELECT * FROM schools WHERE id = ?", [school_id]))
        if not rows:
            raise NotFoundError(NOT_FOUND)
        return School.from_row(rows[0])

    def owned_elsewhere(self, school_id: str) -> bool:
        """True when this installation does not own the school's records (issue 10: the school came
        by exchange and is bound to the school's keys, by its statement or on first use, and neither
        names this installation nor its key): the write path refuses local edits of its profile,
        self-assessments, answers, evidence and network schools (migration 0016, the same rule;
        :class:`~.errors.OwnershipError`), so a window shows them read-only. False for a school typed
        here, or one this installation's key is bound to. Visits and follow-ups are not the school's."""
        return bool(self._db.execute(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM school_statements WHERE school_id = :s)"
            " THEN NOT EXISTS (SELECT 1 FROM school_statements AS st, json_each(st.statement, '$.owners') AS o"
            " WHERE st.school_id = :s AND (json_extract(o.value, '$.installation_id') = :me"
            " OR json_extract(o.value, '$.fingerprint') = (SELECT value FROM installation WHERE key = 'key_of:' || :me)))"
            " ELSE EXISTS (SELECT 1 FROM school_signers WHERE school_id = :s AND how <> 'by_hand') END"
            " AND NOT EXISTS (SELECT 1 FROM school_signers WHERE school_id = :s AND installation_id = :me)",
            {"s": school_id, "me": self._installation_id},
        ).fetchone()[0])

    def require(self, school_id: str) -> None:
        """Return quietly when ``school_id`` is a school here; raise :class:`NotFoundError`
        otherwise (the check before a record is added to a school)."""
        if not self._db.execute("SELECT 1 FROM schools WHERE id = ?", [school_id]).fetchone():
            raise NotFoundError(NOT_FOUND)

    def by_code(self, code: str) -> School:
        """The school with ``code`` (Thai digits, spaces and dashes accepted); raises
        :class:`NotFoundError` when there is none."""
        cleaned = normalise_code(code)
        rows = list(self._db.query("SELECT * FROM schools WHERE code = ?", [cleaned]))
        if not rows:
            raise NotFoundError(f"ไม่พบโรงเรียนรหัส {code}")
        return School.from_row(rows[0])

    def by_ids(self, school_ids: Iterable[str]) -> dict[str, School]:
        """id -> school for those of ``school_ids`` that are schools here (unknown ids are left
        out), in one query however many ids there are."""
        ids = json.dumps(sorted(set(school_ids)))
        return {
            row["id"]: School.from_row(row)
            for row in self._db.query("SELECT * FROM schools WHERE id IN (SELECT value FROM json_each(?))", [ids])
        }

    def exists(self, school_id: str) -> bool:
        """True when ``school_id`` is a school here (one index lookup; an import asks it per
        school statement, where :meth:`by_ids` would build the record)."""
        return self._db.execute("SELECT 1 FROM schools WHERE id = ?", [school_id]).fetchone() is not None

    def area_offices(self) -> tuple[str, ...]:
        """The area offices schools here belong to, each once (Thai and Arabic digits read alike:
        :func:`~.thai.office_name`), in Thai order; blanks left out."""
        # The few stored names made one and sorted here (the keys ``COLLATE thai`` compares): a
        # call back into Python per school and per comparison cost ~5 % of the district picture.
        stored = self._db.execute("SELECT DISTINCT area_office FROM schools WHERE area_office <> ''")
        return tuple(sorted({office_name(str(row[0])) for row in stored}, key=thai_key))

    def districts_of_province(self, area_office: str) -> tuple[str, ...]:
        """The districts (อำเภอ) of the schools here in the province(s) of ``area_office``'s
        schools, each once, in Thai order; blanks left out; () for an area office no school names."""
        return tuple(str(row[0]) for row in self._db.execute(
            "SELECT DISTINCT district FROM schools WHERE district <> '' AND province IN"
            " (SELECT province FROM schools WHERE office_name(area_office) = office_name(?))"
            " ORDER BY district COLLATE thai", [area_office]))

    def provinces(self) -> tuple[str, ...]:
        """The provinces of the schools here, each once, in Thai order; blanks left out."""
        return tuple(str(row[0]) for row in self._db.execute(
            "SELECT DISTINCT province FROM schools WHERE province <> '' ORDER BY province COLLATE thai"))

    def levels(self) -> set[str]:
        """The ``level`` values the schools here hold (keys of :data:`LEVELS`, ``""`` included)."""
        return {str(row[0]) for row in self._db.execute("SELECT DISTINCT level FROM schools")}

    def is_demo_database(self) -> bool:
        """True for a database of demo data (built by the demo, or holding a demo school): only
        there may an import bring a school marked ``is_demo``."""
        return self._db.execute(
            "SELECT EXISTS (SELECT 1 FROM installation WHERE key = 'demo' AND value = '1')"
            " OR EXISTS (SELECT 1 FROM schools WHERE is_demo = 1)"
        ).fetchone()[0] == 1

    def mark_demo_database(self) -> None:
        """Mark this database as demo data (the demo builder does, before adding its schools).
        Raises :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be
        written."""
        with self._db.write():
            self._db.execute("INSERT OR REPLACE INTO installation (key, value) VALUES ('demo', '1')")

    def count(self) -> int:
        """How many schools the database holds."""
        return int(self._db.execute("SELECT count(*) FROM schools").fetchone()[0])

    # Last in the class: below it, ``list`` in an annotation would name this method, not the type.
    def list(self, *, area_office: str | None = None, province: str | None = None,
             level: str | None = None) -> list[School]:
        """Every school, or those of ``area_office`` (either digit form), ``province`` and ``level`` (one of
        :data:`LEVEL_FILTERS`; a school teaching both levels counts under either), by province,
        area office, district and name in Thai order (:mod:`.collation`). Blank or ``None`` filters are ignored. Raises
        :class:`ValidationError` for another level."""
        sql = f"SELECT {_COLUMNS} FROM schools WHERE 1 = 1"
        params: list[Any] = []
        if area_office:
            sql += " AND office_name(area_office) = office_name(?)"  # digits read alike (f03)
            params.append(area_office)
        if province:
            sql += " AND province = ?"
            params.append(province)
        if level:
            if level not in LEVEL_FILTERS:
                raise ValidationError(f"ระดับการศึกษา \"{level}\" ไม่ถูกต้อง")
            sql += " AND level IN (?, 'both')"
            params.append(level)
        rows = self._db.execute(sql, params).fetchall()
        # :data:`_ORDER`, sorted here by the very keys ``COLLATE thai`` compares (collation.py:
        # thai_compare compares thai_key's): SQLite's sort called back into Python ~28 times per
        # school, a third of the district picture's Python at a thousand schools (issue 16).
        rows.sort(key=_list_order)
        return [_school(row) for row in rows]


def code_and_area_office(conn: Any, school_id: str) -> tuple[str, str] | None:
    """(code, area office with Arabic digits) of the school ``school_id`` on an open ``sqlite3`` connection (the
    exchange's, inside its transaction), None when it is not here. Raises nothing."""
    row = conn.execute("SELECT code, office_name(area_office) FROM schools WHERE id = ?", [school_id]).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def code_and_name(conn: Any, school_id: str) -> tuple[str, str] | None:
    """(code, name) of the school ``school_id`` on an open ``sqlite3`` connection (the exchange's,
    inside its transaction: a conflict's line names the school), None when it is not here. Raises nothing."""
    row = conn.execute("SELECT code, name FROM schools WHERE id = ?", [school_id]).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def version_and_maker(conn: Any, school_id: str) -> tuple[str, str] | None:
    """(``version`` text, ``modified_by``) of the school ``school_id`` on an open ``sqlite3``
    connection (the exchange's, inside its transaction: whether a record that gives way to the
    school's own was typed here or came in a file, retest30 N3), None when it is not here. Raises nothing."""
    row = conn.execute("SELECT version, modified_by FROM schools WHERE id = ?", [school_id]).fetchone()
    return (str(row[0] or "{}"), str(row[1] or "")) if row else None


def has_alias_by_code(conn: Any, code: str) -> bool:
    """Whether the school with ``code`` here took over a record typed here ("this is the same
    school": a row of ``school_aliases`` names it), on an open ``sqlite3`` connection (the
    exchange's, inside its transaction). Raises nothing."""
    return conn.execute("SELECT 1 FROM school_aliases AS a JOIN schools AS s ON s.id = a.school_id"
                        " WHERE s.code = ? LIMIT 1", [code]).fetchone() is not None


def bound_to_key(conn: Any, fingerprint: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of the schools the key ``fingerprint`` (64 hex digits) is bound to here, in code
    order, each once, on an open ``sqlite3`` connection (``exchange.senders.known_as``). Raises nothing."""
    return tuple((str(code), str(name)) for code, name in conn.execute(
        "SELECT DISTINCT s.code, s.name FROM school_signers AS b JOIN schools AS s ON s.id = b.school_id"
        " WHERE b.fingerprint = ? ORDER BY s.code", [fingerprint]).fetchall())


def offices_of_waiting_decisions(conn: Any, fingerprint: str) -> tuple[str, ...]:
    """The area offices (Arabic digits, each once, in name order) of the schools whose review or
    budget decisions signed by ``fingerprint`` wait here (``pending_changes``, not yet decided), on
    an open ``sqlite3`` connection (``exchange.senders``: an office's key not bound here, s32 B20)."""
    rows = conn.execute(
        "SELECT s.area_office FROM pending_changes AS p JOIN assessments AS a"
        " ON a.id = json_extract(p.row_json, '$.assessment_id') JOIN schools AS s ON s.id = a.school_id"
        " WHERE p.decision = '' AND p.table_name = 'review_decisions' AND p.signer_fingerprint = ?"
        " UNION SELECT s.area_office FROM pending_changes AS p JOIN budget_requests AS r"
        " ON r.id = json_extract(p.row_json, '$.request_id') JOIN schools AS s ON s.id = r.school_id"
        " WHERE p.decision = '' AND p.table_name = 'budget_decisions' AND p.signer_fingerprint = ?",
        [fingerprint, fingerprint]).fetchall()
    return tuple(sorted({office_name(str(row[0]).strip()) for row in rows if str(row[0] or "").strip()}))
