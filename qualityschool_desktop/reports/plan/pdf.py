"""Laying out the development plan (the API is the package: :mod:`..plan`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from reportlab.platypus import Spacer

from ...budget.money import baht_words, format_baht
from ...plans.progress import PlanProgress
from ...schools import School
from ...thai import DigitText
from ...typeset import ThaiParagraph, thai_date, thai_table
from ...typeset.segment import units
from ..blocks import (
    SIGN, SIGN_NAME_BLANK, TEXT_WIDTH, demo_notice, number_cell, report_styles, signature_block,
    signature_dots, text_width,
)
from ..document import Document

TITLE = "แผนพัฒนาคุณภาพการศึกษา"
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่แผนของโรงเรียนจริง"
NO_INDICATORS = "ยังไม่ได้กำหนดตัวชี้วัด"
STARTED_FROM = "ตั้งต้นจากการประเมินตนเองปีงบประมาณ {year} รอบที่ {round}"  # a fiscal year: said so (TEST31 T19)
LATEST_FROM = "ผลล่าสุด: การประเมินตนเองปีงบประมาณ {year} รอบที่ {round}"
# The plan's signatures (TEST31 T19; the seeds give no plan form: the lines Thai school plans carry).
SIGN_PROPOSER = "ผู้เสนอแผน"
SIGN_APPROVER = "ผู้อนุมัติแผน"
SIGN_DIRECTOR_OF = "ผู้อำนวยการ{school}"
SIGN_DIRECTOR = "ผู้อำนวยการโรงเรียน"
SIGN_POSITION_BLANK = "ตำแหน่ง ........................................"
SIGN_DATE = "วันที่ ..... เดือน ............ พ.ศ. ......"
# What a plan title may say that the heading already says ("แผนพัฒนาคุณภาพการศึกษา ปีงบประมาณ ๒๕๗๑",
# the demo's "แผนพัฒนาคุณภาพการศึกษา โรงเรียน…"): a title made of nothing else is not printed twice.
_HEADING_WORDS = re.compile(r"ปีงบประมาณ|ปีการศึกษา|พ\.\s*ศ\.|[0-9๐-๙\s–\-]")
STATUSES = {"planned": "ยังไม่เริ่ม", "doing": "กำลังดำเนินการ", "done": "เสร็จแล้ว", "cancelled": "ยกเลิก"}


def _n(value: float | None, t: DigitText) -> str:
    if value is None:
        return "–"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return t(text)


def _says_the_heading(title: str, school_name: str) -> bool:
    """True when ``title`` says only what the heading's lines say: the form's name, the school
    (with or without "โรงเรียน"), the fiscal years (TEST31 T19, TEST31b U4)."""
    rest = title.replace(TITLE, " ")
    for name in sorted({school_name, school_name.removeprefix("โรงเรียน")} - {""}, key=len, reverse=True):
        rest = rest.replace(name, " ")
    return not _HEADING_WORDS.sub("", rest)


def _latest(found: Any, t: DigitText) -> str:
    return _n(found.actual, t) + (t(f" ({found.year})") if found.year else "")


def plan_document(school: School, progress: PlanProgress, t: DigitText) -> Document:
    """The plan laid out: header, goals with their items' progress, indicators (a column per
    year), activities and the budget total in figures and words."""
    s = report_styles()
    s["heading"] = s["heading"].clone("plan_heading", keepWithNext=1)  # never a heading alone at a page's foot
    parts = progress.parts
    plan = parts.plan
    years = plan.years

    def header() -> list[Any]:
        story: list[Any] = demo_notice(DEMO_NOTICE, s) if school.is_demo else []
        story += [ThaiParagraph(TITLE, s["title"]), ThaiParagraph(school.name, s["school"]),
                  ThaiParagraph(t(f"ปีงบประมาณ {plan.span_text}"), s["round"])]
        if plan.title and not _says_the_heading(plan.title, school.name):
            story.append(ThaiParagraph(plan.title, s["body"]))
        if progress.before is not None:
            story.append(ThaiParagraph(t(STARTED_FROM, year=progress.before.fiscal_year, round=progress.before.round),
                                       s["body"]))
        if progress.now is not None:
            story.append(ThaiParagraph(t(LATEST_FROM, year=progress.now.fiscal_year, round=progress.now.round),
                                       s["body"]))
        return story

    def head_width(head: str, at_least: float) -> float:
        """A column at least ``at_least`` wide and wide enough that its heading breaks only between
        words ("เป้า / หมาย", "หน่วย / นับ", "ค่า / ฐาน" in narrow columns: TEST32b B16)."""
        widest = max(text_width(unit, s["table_header"]) for unit in units(head) if not unit.isspace())
        return max(at_least, widest + 10)

    def goals() -> list[Any]:
        story: list[Any] = [ThaiParagraph("เป้าหมายตามองค์ประกอบ", s["heading"])]
        rows: list[list[Any]] = [["องค์ประกอบ", "เป้าหมาย / ประเด็น", "ระดับเดิม", "ระดับล่าสุด", "เป้าหมาย", "ผล"]]
        for goal in progress.goals:
            rows.append([t(goal.goal.component_code), goal.goal.name or "–", "", "", "", goal.state_text])
            for item in goal.items:
                rows.append(["", t(f"{item.item_code} {item.title}"), _n(item.before, t), _n(item.now, t),
                             _n(item.target, t), item.result_text])
        # "องค์ประกอบ" whole in its bold heading ("องค์ประ/กอบ" at 60 pt: TEST26b F14); the goal gives the room.
        first = max(60.0, text_width(rows[0][0], s["table_header"]) + 10)
        target = head_width("เป้าหมาย", 50)  # the room comes from the wide ผล column (TEST32b B16)
        story.append(thai_table(rows, [first, 244 - first, 50, 55, target, 72 - (target - 50)],
                                body_style=s["table_body"], header_style=s["table_header"]))
        return story

    def indicators() -> list[Any]:
        story: list[Any] = [Spacer(1, 8), ThaiParagraph("ตัวชี้วัดและค่าเป้าหมาย", s["heading"])]
        found_all = progress.indicators
        if not found_all:  # not a bare header row (TEST31 T19)
            return [*story, ThaiParagraph(NO_INDICATORS, s["body"])]
        heads = [t(str(y)) for y in years]
        targets = [[_n(f.indicator.targets.get(y), t) for y in years] for f in found_all]
        # A year column is as wide as its widest text, so a year or a target never wraps (F14.6).
        year_width = max([text_width(h, s["table_header"]) for h in heads]
                         + [text_width(v, s["table_body"]) for row in targets for v in row]) + 10
        unit_width, base_width = head_width("หน่วยนับ", 48), head_width("ค่าฐาน", 40)
        name_first = 130 - (unit_width - 48) - (base_width - 40)
        fixed = [name_first, unit_width, base_width, 60, 80]
        room = TEXT_WIDTH - sum(fixed)
        story.append(ThaiParagraph("ค่าเป้าหมายรายปี (ปีงบประมาณ พ.ศ.) อยู่ในคอลัมน์ของแต่ละปี", s["small"]))
        if len(years) * year_width <= room:  # one table: the years between the baseline and the latest
            width = room / len(years)
            rows: list[list[Any]] = [["ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน", *heads, "ผลล่าสุด", "ผู้รับผิดชอบ"]]
            for found, values in zip(found_all, targets):
                ind = found.indicator
                rows.append([ind.name, ind.unit, number_cell(_n(ind.baseline, t), s["table_body"], base_width),
                             *(number_cell(v, s["table_body"], width) for v in values),
                             _latest(found, t), ind.responsible])
            story.append(thai_table(rows, [name_first, unit_width, base_width, *([width] * len(years)), 60, 80],
                                    body_style=s["table_body"], header_style=s["table_header"]))
            return story
        # Many years: the indicators first, then their targets in tables of a few years each.
        widths = [TEXT_WIDTH - unit_width - 50 - 90 - 100, unit_width, 50, 90, 100]
        rows = [["ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน", "ผลล่าสุด", "ผู้รับผิดชอบ"]]
        rows += [[f.indicator.name, f.indicator.unit, number_cell(_n(f.indicator.baseline, t), s["table_body"], 50),
                  _latest(f, t), f.indicator.responsible] for f in found_all]
        story.append(thai_table(rows, widths, body_style=s["table_body"], header_style=s["table_header"]))
        name_width = 150.0
        per_table = max(1, int((TEXT_WIDTH - name_width) // year_width))
        tables = -(-len(years) // per_table)
        size = -(-len(years) // tables)  # the years shared evenly between the tables
        width = (TEXT_WIDTH - name_width) / size
        for start in range(0, len(years), size):
            chunk = slice(start, start + size)
            rows = [["ตัวชี้วัด", *heads[chunk]]]
            rows += [[f.indicator.name, *(number_cell(v, s["table_body"], width) for v in values[chunk])]
                     for f, values in zip(found_all, targets)]
            story += [Spacer(1, 6), thai_table(rows, [name_width, *([width] * len(heads[chunk]))],
                                               body_style=s["table_body"], header_style=s["table_header"])]
        return story

    def activities() -> list[Any]:
        story: list[Any] = [Spacer(1, 8), ThaiParagraph("กิจกรรม", s["heading"])]
        rows: list[list[Any]] = [["กิจกรรม", "ผู้รับผิดชอบ", "ระยะเวลา", "งบประมาณ (บาท)", "สถานะ"]]
        for a in parts.activities:
            when = " – ".join(thai_date(date.fromisoformat(d), t.style, short=True) if d else "…"
                              for d in (a.starts_on, a.ends_on)) if a.starts_on or a.ends_on else "–"
            money = format_baht(a.budget_satang, t.style) if a.budget_satang is not None else "–"
            rows.append([a.name, a.owner, when, number_cell(money, s["table_body"], 70), STATUSES[a.status]])
        story.append(thai_table(rows, [TEXT_WIDTH - 80 - 112 - 70 - 62, 80, 112, 70, 62], body_style=s["table_body"],
                                header_style=s["table_header"]))
        return [*story, Spacer(1, 6)]

    def total_and_signatures() -> list[Any]:
        """The budget total with the signatures below it, kept on one page as the visit record and
        the summary keep theirs with their last lines: never the signatures alone on a page of
        their own below a page with room left (TEST34 T4)."""
        total = parts.budget_total
        line = ThaiParagraph(f"งบประมาณรวม {format_baht(total, t.style)} บาท ({baht_words(total)})", s["label"])
        dots = signature_dots(s["sign"], TEXT_WIDTH / 2 - 24, (SIGN_PROPOSER, SIGN_APPROVER))
        director = SIGN_DIRECTOR_OF.format(school=school.name) if school.name.startswith("โรงเรียน") else SIGN_DIRECTOR
        cells = [(SIGN.format(dots=dots, role=SIGN_PROPOSER), SIGN_NAME_BLANK, SIGN_POSITION_BLANK, SIGN_DATE),
                 (SIGN.format(dots=dots, role=SIGN_APPROVER), SIGN_NAME_BLANK, director, SIGN_DATE)]
        return signature_block(["\n".join(cell) for cell in cells], s, space_before=18, lead=[line],
                               whole=(school.name,))

    return Document(parts=(header, goals, indicators, activities, total_and_signatures), title=f"{TITLE} {school.name}",
                    author="",
                    running_head=f"{TITLE} {school.name}", is_demo=bool(school.is_demo))
