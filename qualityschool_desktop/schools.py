"""Schools: the ministry's 10-digit code, name, place and size."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .storage import CoreDatabase

from .clock import new_id, now_iso
from .errors import NotFoundError, ValidationError
from .thai import arabic_digits, thai_digits

LEVELS = {"": "ไม่ระบุ", "primary": "ประถมศึกษา", "secondary": "มัธยมศึกษา", "both": "ประถมและมัธยมศึกษา"}
_EDITABLE = ("code", "name", "district", "province", "area_office", "level", "pupils", "teachers")


@dataclass(frozen=True)
class School:
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

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "School":
        values = {f.name: row[f.name] for f in fields(cls)}
        values["is_demo"] = bool(values["is_demo"])
        return cls(**values)


def normalise_code(code: str) -> str:
    """Accept Thai digits and the spaces or dashes people type; return the 10 digits."""
    return "".join(ch for ch in arabic_digits(str(code)) if ch not in " -\t")


def validate_code(code: str) -> str:
    cleaned = normalise_code(code)
    if not cleaned:
        raise ValidationError("กรุณากรอกรหัสโรงเรียน ๑๐ หลัก")
    if not cleaned.isdigit():
        raise ValidationError(f"รหัสโรงเรียน \"{code}\" ต้องเป็นตัวเลขเท่านั้น")
    if len(cleaned) != 10:
        raise ValidationError(f"รหัสโรงเรียนต้องมี ๑๐ หลัก (กรอกมา {thai_digits(len(cleaned))} หลัก)")
    return cleaned


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในข้อมูลโรงเรียน")
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "code":
            cleaned[key] = validate_code(value)
        elif key == "name":
            if not str(value).strip():
                raise ValidationError("กรุณากรอกชื่อโรงเรียน")
            cleaned[key] = str(value).strip()
        elif key == "level":
            if value not in LEVELS:
                raise ValidationError(f"ระดับการศึกษา \"{value}\" ไม่ถูกต้อง")
            cleaned[key] = value
        elif key in ("pupils", "teachers"):
            if value in (None, ""):
                cleaned[key] = None
            else:
                try:
                    number = int(arabic_digits(str(value)).replace(",", ""))
                except ValueError:
                    raise ValidationError(f"จำนวน{'นักเรียน' if key == 'pupils' else 'ครู'}ต้องเป็นตัวเลข") from None
                if number < 0:
                    raise ValidationError("จำนวนต้องไม่ติดลบ")
                cleaned[key] = number
        else:
            cleaned[key] = str(value).strip()
    return cleaned


class Schools:
    """``workspace.schools``: add, list, find and edit schools."""

    def __init__(self, db: CoreDatabase, installation_id: str) -> None:
        self._db = db
        self._installation_id = installation_id

    def add(self, *, code: str, name: str, is_demo: bool = False, **details: Any) -> School:
        """Add a school; raises :class:`ValidationError` for a bad or duplicate code."""
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
        with self._db.write():
            self._db.table("schools").insert(row)
        return self.get(row["id"])

    def update(self, school_id: str, **changes: Any) -> School:
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
        with self._db.write():
            self._db.table("schools").update(school_id, values)
        return self.get(school_id)

    def get(self, school_id: str) -> School:
        rows = list(self._db.query("SELECT * FROM schools WHERE id = ?", [school_id]))
        if not rows:
            raise NotFoundError("ไม่พบโรงเรียนนี้ในฐานข้อมูล")
        return School.from_row(rows[0])

    def by_code(self, code: str) -> School:
        cleaned = normalise_code(code)
        rows = list(self._db.query("SELECT * FROM schools WHERE code = ?", [cleaned]))
        if not rows:
            raise NotFoundError(f"ไม่พบโรงเรียนรหัส {code}")
        return School.from_row(rows[0])

    def list(self) -> list[School]:
        """Every school, by province, district and name (Thai collation by code point is what
        the ministry lists use too)."""
        return [
            School.from_row(row)
            for row in self._db.query("SELECT * FROM schools ORDER BY province, area_office, district, name")
        ]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM schools").fetchone()[0])
