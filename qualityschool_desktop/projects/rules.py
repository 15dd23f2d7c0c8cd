"""The rules of a project's stored values and of the progress report's figures (issue 15, seed 004).

Importing this module adds the ``projects`` table's rules to :mod:`~qualityschool_desktop.validation`
(the write path and the exchange check the same rules). Units: years Buddhist Era; the fiscal year
runs October to September (quarter 1 = Oct–Dec, 2 = Jan–Mar, 3 = Apr–Jun, 4 = Jul–Sep; ``H1`` =
quarters 1–2, ``H2`` = 3–4); dates ISO (CE); money whole satang (1/100 baht).

**Percentages.** The report counts projects by status and prints each share "คิดเป็นร้อยละ" with
two decimals. :func:`shares` computes them to the hundredth and hands the hundredths lost to
rounding down to the largest remainders, so the shares printed add up to exactly 100.00 and equal
counts print equal shares wherever the total allows (RETEST15 N3). Seed 004 prints whole per cents
with ``.00`` (2 of 17 as ๑๒.๐๐); the program prints the figure itself (๑๑.๗๖).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import validation
from ..percentages import shares  # the progress report's shares: two places
from ..value_rules import FLAG, MAX_INTEGER, MAX_SATANG, MAX_YEAR_BE, MIN_YEAR_BE, TRACKED, UUID, UUID_OR_NULL, Rule
from ..value_rules import choice, integer, line, text

STATUSES = {"finished": "ดำเนินการเสร็จสิ้นแล้ว", "in_progress": "อยู่ระหว่างดำเนินการ",
            "not_started": "ยังไม่ได้ดำเนินการ"}
# A budget line's source: the owner's own budget, money allocated by OBEC (สพฐ.; seed 004 reports
# those projects in a section of their own), or another agency's (named in the line).
SOURCES = {"own": "งบประมาณของหน่วยงาน", "obec": "งบประมาณที่ได้รับจัดสรรจาก สพฐ.", "agency": "งบประมาณจากหน่วยงานอื่น"}
PERIODS: dict[str, tuple[int, ...]] = {"H1": (1, 2), "H2": (3, 4), "Q1": (1,), "Q2": (2,), "Q3": (3,), "Q4": (4,),
                                       "Y": (1, 2, 3, 4)}
MAX_PARTS = 200  # indicators, activities or budget lines of one project
BEHIND_NEEDS_REASON = "การเบิกจ่ายงบประมาณต่ำกว่าแผน โปรดระบุเหตุผลที่เบิกจ่ายไม่ได้ตามแผน"
OVER_NEEDS_REASON = "การเบิกจ่ายงบประมาณเกินแผน โปรดระบุเหตุผลที่เบิกจ่ายไม่ได้ตามแผน"
NAME_NEEDED = "โปรดระบุชื่อโครงการ"


def quarters_of(period: str) -> tuple[int, ...]:
    """The fiscal quarters (1–4) of ``period`` ("H1", "H2", "Q1".."Q4", "Y" the whole year).
    Raises ValueError for another period."""
    try:
        return PERIODS[period.upper()]
    except KeyError:
        raise ValueError(f"ช่วงเวลาต้องเป็น H1, H2, Q1–Q4 (ได้ “{period}”)") from None


def quarters_begun(fiscal_year: int, today: date) -> int:
    """How many quarters (0–4) of ``fiscal_year`` (BE; it starts on 1 October of the CE year
    before) have begun by ``today``: money planned for a quarter not yet begun is not behind plan
    (RETEST15 N1: a year report printed in December called April's money late)."""
    start_ce = fiscal_year - 543 - 1
    starts = (date(start_ce, 10, 1), date(start_ce + 1, 1, 1), date(start_ce + 1, 4, 1), date(start_ce + 1, 7, 1))
    return sum(1 for start in starts if start <= today)


def fiscal_quarter(iso_date: str) -> tuple[int, int]:
    """(fiscal year BE, quarter 1–4) of an ISO date (CE): 2021-10-01 -> (2565, 1), 2022-03-31 -> (2565, 2)."""
    year, month = int(iso_date[:4]), int(iso_date[5:7])
    fiscal_ce = year + 1 if month >= 10 else year
    return fiscal_ce + 543, ((month - 10) % 12) // 3 + 1


@dataclass(frozen=True)
class _Parts(Rule):
    """A JSON array of a project's parts (``part``: "indicators", "activities", "budget_lines")."""

    part: str = ""

    def _parts(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return "ต้องเป็นข้อความ JSON"
        try:
            items = json.loads(value)
        except ValueError:
            return "ไม่ใช่ข้อมูล JSON ที่ถูกต้อง"
        if not isinstance(items, list) or len(items) > MAX_PARTS:
            return f"ต้องเป็นรายการไม่เกิน {MAX_PARTS} รายการ"
        for item in items:
            if not isinstance(item, dict):
                return "มีรายการที่ไม่ถูกต้อง"
            problem = _PART_CHECKS[self.part](item)
            if problem:
                return problem
        return None


def _text_fields(item: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        if not isinstance(item.get(name, ""), str) or len(item.get(name, "")) > validation.MAX_TEXT:
            return f"มีช่อง {name} ที่ไม่ใช่ข้อความ"
    return None


def _date_field(value: Any) -> bool:
    return value in ("", None) or validation.date()(value)


def _indicator(item: dict[str, Any]) -> str | None:
    return _text_fields(item, ("name", "target", "actual"))


def _activity(item: dict[str, Any]) -> str | None:
    found = _text_fields(item, ("name",))
    if found:
        return found
    if item.get("quarter") not in (1, 2, 3, 4):
        return "มีกิจกรรมที่ไตรมาสไม่ใช่ ๑–๔"
    if item.get("status", "not_started") not in STATUSES:
        return "มีกิจกรรมที่สถานะไม่ถูกต้อง"
    if not all(_date_field(item.get(k)) for k in ("planned_start", "planned_end", "actual_start", "actual_end")):
        return "มีกิจกรรมที่วันที่ไม่ถูกต้อง"
    return None


def _money(values: Any) -> bool:
    return (isinstance(values, list) and len(values) == 4
            and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_SATANG for v in values))


def _budget_line(item: dict[str, Any]) -> str | None:
    if item.get("source") not in SOURCES:
        return "มีแหล่งงบประมาณที่ไม่ถูกต้อง"
    found = _text_fields(item, ("agency", "label"))
    if found:
        return found
    if not (_money(item.get("planned")) and _money(item.get("disbursed"))):
        return "มีจำนวนเงินรายไตรมาสที่ไม่ถูกต้อง (ต้องเป็นสตางค์ ๔ ไตรมาส)"
    return None


_PART_CHECKS = {"indicators": _indicator, "activities": _activity, "budget_lines": _budget_line}

RULES: dict[str, dict[str, Rule]] = {
    "projects": {
        "id": UUID, "school_id": UUID_OR_NULL, "area_office": line(), "fiscal_year": integer(MIN_YEAR_BE, MAX_YEAR_BE, unit="(ปี พ.ศ.)"),
        "name": line(), "plan_goal_id": UUID_OR_NULL, "component_codes": line(), "responsible": line(),
        "output_goals": text(), "outcome_goals": text(),
        "indicators": _Parts("parts", part="indicators"), "activities": _Parts("parts", part="activities"),
        "budget_lines": _Parts("parts", part="budget_lines"), "behind_reason": text(),
        "status": choice(*STATUSES), "problems": text(), "suggestions": text(),
        "results_summary": text(nullable=True),  # 0030: the office's own words; NULL: none typed (F15)
        "position": integer(0, MAX_INTEGER), "deleted": FLAG, **TRACKED,
    },
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "projects": {"area_office": "สำนักงานเขตพื้นที่การศึกษา", "fiscal_year": "ปีงบประมาณ", "name": "ชื่อโครงการ",
                 "plan_goal_id": "เป้าหมายของแผนพัฒนา", "component_codes": "องค์ประกอบที่สนับสนุน",
                 "responsible": "หน่วยงานที่รับผิดชอบ", "output_goals": "เป้าหมายเชิงผลผลิต (Output)",
                 "outcome_goals": "เป้าหมายเชิงผลลัพธ์ (Outcome)", "indicators": "ดัชนีชี้วัดความสำเร็จ",
                 "activities": "กิจกรรม", "budget_lines": "งบประมาณ", "behind_reason": "เหตุผลที่เบิกจ่ายไม่ได้ตามแผน",
                 "status": "สถานะโครงการ", "problems": "ปัญหาและอุปสรรค", "suggestions": "ข้อเสนอแนะ",
                 "results_summary": "สรุปผลการดำเนินงาน",
                 "position": "ลำดับ"},
}

ROW_RULES = {"projects": ((("area_office", "school_id"), lambda row: row["school_id"] is not None or bool(row["area_office"]),
                          " ต้องระบุ (โครงการต้องเป็นของโรงเรียนหรือของสำนักงานเขตพื้นที่การศึกษา)"),)}

validation.RULES.update(RULES)
validation.ROW_RULES.update(ROW_RULES)
validation.FIELD_LABELS.update(FIELD_LABELS)
