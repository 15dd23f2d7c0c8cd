"""The rules of an area office's indicators, made of :mod:`~qualityschool_desktop.validation`'s
rules (lengths, BE years 2500–2700, numbers) and checked by :func:`check_row` in the write path.
They are kept here, not in ``validation.RULES``: that holds the tables that travel, and these
records stay on the office's laptop (``exchange/records.py``: NEVER_TRAVELS).

Units: years Buddhist Era (BE; a span of at most 10 years, seed 003's tables span 2566–2570);
targets and actuals are numbers in the indicator's own unit (หน่วยนับ: ร้อยละ, โรงเรียน, คน …),
keyed by BE year; their size is limited by ``validation.MAX_MEASURE``.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from .. import validation
from ..errors import ValidationError
from ..value_rules import FLAG, MAX_INTEGER, MAX_YEAR_BE, MIN_YEAR_BE, TRACKED, UUID, Rule, choice, integer, line

MAX_SPAN_YEARS = 10
DEFAULT_SPAN = (2566, 2570)  # seed 003: ค่าเป้าหมาย ๒๕๖๖ … ๒๕๗๐

# The actuals the product computes from the schools' data, and their Thai names.
COMPUTED: dict[str, str] = {
    "top_bands_share": "ร้อยละของโรงเรียนคุณภาพที่อยู่ในกลุ่มสีระดับบน (คำนวณจากผลประเมิน)",
    "schools_assessed": "จำนวนโรงเรียนคุณภาพที่ส่งผลประเมินตนเอง (คำนวณจากผลประเมิน)",
}
COMPUTED_UNITS = {"top_bands_share": "ร้อยละ", "schools_assessed": "โรงเรียน"}

_YEAR = integer(MIN_YEAR_BE, MAX_YEAR_BE, unit="(ปี พ.ศ.)")

RULES: dict[str, dict[str, Rule]] = {
    "office_indicators": {
        "id": UUID, "area_office": line(required=True), "position": integer(0, MAX_INTEGER),
        "name": line(), "unit": line(), "responsible": line(), "first_year": _YEAR, "last_year": _YEAR,
        "targets": Rule("yearly"), "actuals": Rule("yearly"), "computed": choice("", *COMPUTED),
        "deleted": FLAG, **TRACKED,
    },
}

ROW_RULES: dict[str, tuple[tuple[tuple[str, ...], Callable[[Mapping[str, Any]], bool], str], ...]] = {
    "office_indicators": ((("last_year", "first_year"),
                           lambda row: 0 <= row["last_year"] - row["first_year"] < MAX_SPAN_YEARS,
                           "ต้องไม่ก่อนปีแรก และช่วงค่าเป้าหมายยาวไม่เกิน ๑๐ ปี"),),
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "office_indicators": {"area_office": "สำนักงานเขตพื้นที่", "name": "ตัวชี้วัด", "unit": "หน่วยนับ",
                          "responsible": "ผู้รับผิดชอบ", "first_year": "ปีแรกของค่าเป้าหมาย",
                          "last_year": "ปีสุดท้ายของค่าเป้าหมาย", "targets": "ค่าเป้าหมาย",
                          "actuals": "ผลการดำเนินงาน", "computed": "ผลที่คำนวณจากข้อมูลโรงเรียน",
                          "position": "ลำดับ"},
}



def check_row(row: Mapping[str, Any]) -> None:
    """Check the values ``row`` is about to store in ``office_indicators`` (its fields only; pass
    ``first_year`` and ``last_year`` together so the span is checked). Raises
    :class:`~qualityschool_desktop.errors.ValidationError` with a Thai message naming the field
    (``"ตัวชี้วัดยาวเกินกำหนด (…)"``); nothing has been written then."""
    rules, labels = RULES["office_indicators"], FIELD_LABELS["office_indicators"]
    for name, value in row.items():
        reason = rules[name].problem(value)
        if reason is not None:
            raise ValidationError(f"{labels.get(name, validation.field_label('schools', name))}{reason}")
    for names, holds, reason in ROW_RULES["office_indicators"]:
        if all(name in row for name in names) and not holds(row):
            raise ValidationError(f"{labels[names[0]]}{reason}")


def parse_years(text: str) -> tuple[int, int]:
    """A span of BE years as typed on the command line ("2566-2570", "๒๕๖๖–๒๕๗๐", or one year
    "2568"), as (first, last). Raises :class:`~qualityschool_desktop.errors.ValidationError` (Thai)
    for text that is not such a span, years outside 2500–2700, a backwards span or one over 10 years."""
    from ..thai import arabic_digits

    parts = [p.strip() for p in arabic_digits(text or "").replace("–", "-").split("-")]
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() for p in parts):
        raise ValidationError(f"ช่วงปีต้องเป็นปี พ.ศ. เช่น 2566-2570 (กรอกมา “{text}”)")
    first, last = int(parts[0]), int(parts[-1])
    row = {"first_year": first, "last_year": last}
    check_row(row)
    return first, last
