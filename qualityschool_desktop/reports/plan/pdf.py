"""Laying out the development plan (the API is the package: :mod:`..plan`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Spacer

from ...plans.progress import PlanProgress
from ...schools import School
from ...thai import DigitText
from ...typeset import ThaiParagraph, baht, thai_date, thai_table
from ..blocks import TEXT_WIDTH, demo_notice, report_styles
from ..document import Document

TITLE = "แผนพัฒนาคุณภาพการศึกษา"
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่แผนของโรงเรียนจริง"
STATUSES = {"planned": "ยังไม่เริ่ม", "doing": "กำลังดำเนินการ", "done": "เสร็จแล้ว", "cancelled": "ยกเลิก"}


def _n(value: float | None, t: DigitText) -> str:
    if value is None:
        return "–"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return t(text)


def plan_document(school: School, progress: PlanProgress, t: DigitText) -> Document:
    """The plan laid out: header, goals with their items' progress, indicators (a column per
    year), activities and the budget total in figures and words."""
    from pythainlp.util import bahttext

    s = report_styles()
    s["heading"] = s["heading"].clone("plan_heading", keepWithNext=1)  # never a heading alone at a page's foot
    parts = progress.parts
    plan = parts.plan
    years = plan.years

    def header() -> list[Any]:
        story: list[Any] = demo_notice(DEMO_NOTICE, s) if school.is_demo else []
        story += [ThaiParagraph(TITLE, s["title"]), ThaiParagraph(school.name, s["school"]),
                  ThaiParagraph(t(f"ปีงบประมาณ {plan.span_text}"), s["round"])]
        if plan.title:
            story.append(ThaiParagraph(plan.title, s["body"]))
        if progress.before is not None:
            story.append(ThaiParagraph(t(f"ตั้งต้นจากการประเมินตนเองปี {progress.before.fiscal_year}"
                                         f" รอบที่ {progress.before.round}"), s["body"]))
        if progress.now is not None:
            story.append(ThaiParagraph(t(f"ผลล่าสุด: การประเมินตนเองปี {progress.now.fiscal_year}"
                                         f" รอบที่ {progress.now.round}"), s["body"]))
        return story

    def goals() -> list[Any]:
        story: list[Any] = [ThaiParagraph("เป้าหมายตามองค์ประกอบ", s["heading"])]
        rows: list[list[Any]] = [["องค์ประกอบ", "เป้าหมาย / ประเด็น", "ระดับเดิม", "ระดับล่าสุด", "เป้าหมาย", "ผล"]]
        for goal in progress.goals:
            moved = "ขยับขึ้น" if goal.moved else "ยังไม่ขยับ"
            rows.append([t(goal.goal.component_code), goal.goal.name or "–", "", "", "", moved])
            for item in goal.items:
                rows.append(["", t(f"{item.item_code} {item.title}"), _n(item.before, t), _n(item.now, t),
                             _n(item.target, t), "ขยับขึ้น" if item.moved else ""])
        story.append(thai_table(rows, [60, 200, 50, 55, 50, 56], body_style=s["table_body"],
                                header_style=s["table_header"]))
        return story

    def indicators() -> list[Any]:
        story: list[Any] = [Spacer(1, 8), ThaiParagraph("ตัวชี้วัดและค่าเป้าหมาย", s["heading"])]
        head = ["ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน", *(t(str(y)) for y in years), "ผลล่าสุด", "ผู้รับผิดชอบ"]
        rows: list[list[Any]] = [head]
        for found in progress.indicators:
            ind = found.indicator
            latest = _n(found.actual, t) + (t(f" ({found.year})") if found.year else "")
            rows.append([ind.name, ind.unit, _n(ind.baseline, t), *(_n(ind.targets.get(y), t) for y in years),
                         latest, ind.responsible])
        room = TEXT_WIDTH - 130 - 48 - 40 - 60 - 80
        widths = [130, 48, 40, *([room / len(years)] * len(years)), 60, 80]
        story.append(ThaiParagraph("ค่าเป้าหมายรายปี (ปีงบประมาณ พ.ศ.) อยู่ในคอลัมน์ของแต่ละปี", s["small"]))
        story.append(thai_table(rows, widths, body_style=s["table_body"], header_style=s["table_header"]))
        return story

    def activities() -> list[Any]:
        story: list[Any] = [Spacer(1, 8), ThaiParagraph("กิจกรรม", s["heading"])]
        rows: list[list[Any]] = [["กิจกรรม", "ผู้รับผิดชอบ", "ระยะเวลา", "งบประมาณ (บาท)", "สถานะ"]]
        for a in parts.activities:
            when = " – ".join(thai_date(date.fromisoformat(d), t.style, short=True) if d else "…"
                              for d in (a.starts_on, a.ends_on)) if a.starts_on or a.ends_on else "–"
            money = baht(a.budget_baht, t.style, unit=False) if a.budget_baht is not None else "–"
            rows.append([a.name, a.owner, when, money, STATUSES[a.status]])
        story.append(thai_table(rows, [TEXT_WIDTH - 80 - 112 - 70 - 62, 80, 112, 70, 62], body_style=s["table_body"],
                                header_style=s["table_header"]))
        total = parts.budget_total
        story += [Spacer(1, 6), ThaiParagraph(f"งบประมาณรวม {baht(total, t.style)} ({bahttext(total)})", s["label"])]
        return story

    return Document(parts=(header, goals, indicators, activities), title=f"{TITLE} {school.name}", author="",
                    running_head=f"{TITLE} {school.name}", is_demo=bool(school.is_demo))
