"""The rules of the development plan's stored values, added to :mod:`~qualityschool_desktop.validation`'s
tables when this module is imported (by ``plans/`` and by ``exchange/records.py``, so both the
write path and the exchange check the same rules; validation.py stays under 600 lines).

Units: years Buddhist Era (BE, a plan spans at most 10 years, seed 003's plans span 2566–2570);
dates ISO (CE); budgets in satang (migration 0035; whole baht before); an indicator's baseline, targets and actuals are numbers in the
indicator's own unit (หน่วยนับ: ร้อยละ, คน, โรงเรียน …) with targets and actuals keyed by BE year.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from .. import validation
from ..value_rules import (
    CODE, FLAG, MAX_INTEGER, MAX_LEVEL, MAX_MEASURE, MAX_ROUND, MAX_YEAR_BE, MIN_LEVEL, MIN_YEAR_BE, TRACKED, UUID, UUID_OR_NULL, Rule,
    choice, date, integer, line, text,
)

MAX_BAHT = 10**12  # a plan activity's budget in baht (whole baht before migration 0035)
MAX_SATANG = MAX_BAHT * 100  # the same in satang: every amount stored before converts (below 2**53)
MAX_SPAN_YEARS = 10  # a plan spans at most ten BE years
MAX_ITEMS_PER_GOAL = 200
STATUSES = {"planned": "ยังไม่เริ่ม", "doing": "กำลังดำเนินการ", "done": "เสร็จแล้ว", "cancelled": "ยกเลิก"}

_YEAR = integer(MIN_YEAR_BE, MAX_YEAR_BE, unit="(ปี พ.ศ.)")
_ROW: dict[str, Rule] = {"deleted": FLAG, "position": integer(0, MAX_INTEGER), **TRACKED}
_PLAN_ROW: dict[str, Rule] = {"deleted": FLAG, **TRACKED}

RULES: dict[str, dict[str, Rule]] = {
    "plans": {
        "id": UUID, "school_id": UUID, "first_year": _YEAR, "last_year": _YEAR, "title": line(),
        "base_year": integer(MIN_YEAR_BE, MAX_YEAR_BE, nullable=True, unit="(ปี พ.ศ.)"),
        "base_round": integer(1, MAX_ROUND, nullable=True), **_PLAN_ROW,
    },
    "plan_goals": {
        "id": UUID, "plan_id": UUID, "component_code": CODE, "name": text(),
        "item_codes": Rule("codes", length=MAX_ITEMS_PER_GOAL),
        "target_level": integer(MIN_LEVEL, MAX_LEVEL, nullable=True), **_ROW,
    },
    "plan_indicators": {
        "id": UUID, "plan_id": UUID, "goal_id": UUID_OR_NULL, "name": line(), "unit": line(),
        "baseline": Rule("real", nullable=True, minimum=-MAX_MEASURE, maximum=MAX_MEASURE),
        "targets": Rule("yearly"), "actuals": Rule("yearly"), "responsible": line(), **_ROW,
    },
    "plan_activities": {
        "id": UUID, "plan_id": UUID, "goal_id": UUID_OR_NULL, "name": line(), "owner": line(),
        "starts_on": date(), "ends_on": date(), "budget_satang": integer(0, MAX_SATANG, nullable=True, unit="สตางค์"),
        "status": choice(*STATUSES), **_ROW,
    },
}

ROW_RULES: dict[str, tuple[tuple[tuple[str, ...], Callable[[Mapping[str, Any]], bool], str], ...]] = {
    "plans": ((("last_year", "first_year"), lambda row: 0 <= row["last_year"] - row["first_year"] < MAX_SPAN_YEARS,
               "ต้องไม่ก่อนปีแรกของแผน และแผนหนึ่งยาวไม่เกิน ๑๐ ปี"),),
    "plan_activities": ((("ends_on", "starts_on"), lambda row: not (row["starts_on"] and row["ends_on"])
                         or row["ends_on"] >= row["starts_on"], "ต้องไม่ก่อนวันเริ่ม"),),
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "plans": {"first_year": "ปีแรกของแผน", "last_year": "ปีสุดท้ายของแผน", "title": "ชื่อแผน",
              "base_year": "ปีของรอบการประเมินตั้งต้น", "base_round": "รอบการประเมินตั้งต้น"},
    "plan_goals": {"plan_id": "แผนพัฒนา", "component_code": "องค์ประกอบ", "name": "เป้าหมาย",
                   "item_codes": "ประเด็นที่ต้องการยกระดับ", "target_level": "ระดับเป้าหมายของประเด็น",
                   "position": "ลำดับ"},
    "plan_indicators": {"plan_id": "แผนพัฒนา", "goal_id": "เป้าหมาย", "name": "ตัวชี้วัด", "unit": "หน่วยนับ",
                        "baseline": "ค่าฐาน", "targets": "ค่าเป้าหมาย", "actuals": "ผลที่ได้",
                        "responsible": "ผู้รับผิดชอบ", "position": "ลำดับ"},
    "plan_activities": {"plan_id": "แผนพัฒนา", "goal_id": "เป้าหมาย", "name": "กิจกรรม", "owner": "ผู้รับผิดชอบ",
                        "starts_on": "วันเริ่ม", "ends_on": "วันสิ้นสุด", "budget_satang": "งบประมาณ",
                        "position": "ลำดับ"},
}



def activity_date_bounds(first_year: int, last_year: int) -> tuple[str, str]:
    """The earliest and latest ISO date (CE) an activity of a plan spanning BE ``first_year``–
    ``last_year`` may carry (issue 14): 1 October of the fiscal year before the first to 31
    December of the year after the last, so both fiscal and calendar readings of the span fit,
    with a year's margin for preparing and closing. Used by the write path and the exchange."""
    return f"{first_year - 543 - 2:04d}-10-01", f"{last_year - 543 + 1:04d}-12-31"


validation.RULES.update(RULES)
validation.ROW_RULES.update(ROW_RULES)
validation.FIELD_LABELS.update(FIELD_LABELS)
