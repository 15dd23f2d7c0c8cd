"""What the merge says about records: a record as a person recognises it (:func:`describe`), and
the Thai texts of the merge's refusals and warnings (``merge.py``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..thai import digits, format_date
from .records import KIND_LABELS

UNSIGNED = (
    "{what} ในไฟล์ {source} ไม่มีลายเซ็นของผู้ที่รับรองข้อมูลนี้ (ข้อมูลถูกแก้ไขหลังลงนาม)"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
FORGED_HISTORY = (
    "ประวัติ ({what}) ในไฟล์ {source} อ้างว่าบันทึกโดยเครื่อง {named} แต่ไม่มีลายเซ็นของเครื่องนั้น"
    " ประวัติรับเฉพาะรายการที่ลงนามโดยเครื่องที่บันทึก โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
DEMO = (
    "ไฟล์ {source} มีข้อมูลตัวอย่าง (โรงเรียน {name}) ซึ่งนำเข้าฐานข้อมูลจริงไม่ได้"
    " เพื่อไม่ให้คำว่า \"ข้อมูลตัวอย่าง\" ไปปรากฏในรายงานทางการ"
)
SAME_CODE = (
    "โรงเรียนรหัส {code} มีอยู่แล้วในฐานข้อมูลนี้ แต่เป็นคนละรายการกับในไฟล์ (บันทึกแยกกันคนละเครื่อง)"
    " หากเป็นโรงเรียนเดียวกัน ให้ยืนยันว่า \"เป็นโรงเรียนเดียวกัน\" ในหน้าตรวจดูก่อนนำเข้า"
    " (คำสั่ง import --same-school {typed}) โปรแกรมจึงยังไม่นำเข้าไฟล์นี้"
)
# Another record of a school held here by keys (test30a B13, retest30 N2): the keys are named, and the
# ways out that work. A person's binding ADDS a key to the school (issue 10 "Keys bound to owners"); it
# never lets a file swap out a record a still-bound key holds: the stranger's key is forgotten first.
BOUND_ELSEWHERE = (
    "ไฟล์ {source} มีโรงเรียนรหัส {code} อีกรายการหนึ่ง แต่โรงเรียนรหัสนี้ในฐานข้อมูลนี้ผูกกับกุญแจของไฟล์ที่มาก่อน"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนามรายการในไฟล์นี้: {groups}\n"
    "• กุญแจที่โรงเรียนรหัสนี้ผูกอยู่: {held}\n"
    "การผูกกุญแจเพิ่มคือการเพิ่มเครื่องให้โรงเรียน ไม่ใช่การให้ไฟล์นี้แทนข้อมูลเดิม โทรเทียบลายนิ้วมือกับโรงเรียนก่อน:\n"
    "หากกุญแจที่ผูกอยู่ไม่ใช่ของโรงเรียน (ไฟล์ของผู้อื่นมาถึงก่อน) ให้ลืมกุญแจนั้นใน แฟ้ม › ผู้ส่งข้อมูล"
    " แล้วนำเข้าไฟล์นี้อีกครั้ง โดยยืนยันว่า \"เป็นโรงเรียนเดียวกัน\"\n"
    "หากทั้งสองกุญแจเป็นเครื่องของโรงเรียน เครื่องที่ลงนามไฟล์นี้ต้องนำเข้าไฟล์ของโรงเรียนจากเครื่องที่ผูกอยู่ก่อน"
    " แล้วแก้ไขต่อจากข้อมูลนั้น แทนการพิมพ์ข้อมูลโรงเรียนขึ้นใหม่"
)
# The same, at a laptop that speaks for the school itself: its own record is never replaced by a file.
BOUND_HERE = (
    "ไฟล์ {source} มีโรงเรียนรหัส {code} อีกรายการหนึ่ง แต่โรงเรียนรหัสนี้ในฐานข้อมูลนี้เป็นของเครื่องนี้เอง"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนามรายการในไฟล์นี้: {groups}\n"
    "ข้อมูลของโรงเรียนที่เครื่องนี้บันทึกไว้จะไม่ถูกแทนด้วยรายการจากไฟล์ หากเครื่องนั้นเป็นเครื่องที่สองของโรงเรียน"
    " ให้นำเข้าไฟล์ของโรงเรียนจากเครื่องนี้ที่เครื่องนั้นก่อน แล้วแก้ไขต่อจากข้อมูลนั้น"
)
NO_STATEMENT = (
    "ไฟล์ {source} ไม่มีคำรับรองเจ้าของโรงเรียน {code} ทั้งที่ข้อมูลโรงเรียนนี้ถูกแก้ไขจากหลายเครื่อง"
    " จึงบอกไม่ได้ว่ากุญแจใดเป็นของโรงเรียน (ผู้ส่งต่ออาจตัดคำรับรองออก) ข้อมูลของโรงเรียนนี้จึงรอตรวจสอบ"
    " และยังไม่ผูกกุญแจใดกับโรงเรียน โปรดขอไฟล์จากโรงเรียนโดยตรง"
)
# Records typed here that give way to the school's own under the same key (Merge._typed_gives_way).
TYPED_GIVES_WAY = {
    "assessments": (
        "การประเมินปี {fiscal_year} รอบ {round} ของโรงเรียน {code} ที่บันทึกไว้ในเครื่องนี้ ถูกแทนด้วยรอบเดียวกัน"
        "จากไฟล์ของโรงเรียนเอง (ใช้ข้อมูลของโรงเรียน ระดับที่พิมพ์ไว้ยังอยู่ในประวัติการแก้ไข)"
    ),
    "network_schools": (
        "โรงเรียนเครือข่ายรหัส {code_} ของโรงเรียน {code} ที่บันทึกไว้ในเครื่องนี้ ถูกแทนด้วยรายการเดียวกัน"
        "จากไฟล์ของโรงเรียนเอง (ใช้ข้อมูลของโรงเรียน)"
    ),
}
# The same, when the record that gives way came in a file of another key, not typed here (retest30 N3).
FILED_GIVES_WAY = {
    "assessments": (
        "การประเมินปี {fiscal_year} รอบ {round} ของโรงเรียน {code} ที่มาจากไฟล์ของกุญแจอื่น (ไม่ได้พิมพ์ในเครื่องนี้)"
        " ถูกแทนด้วยรอบเดียวกันจากไฟล์ของโรงเรียนเอง (ใช้ข้อมูลของโรงเรียน ระดับเดิมยังอยู่ในประวัติการแก้ไข)"
    ),
    "network_schools": (
        "โรงเรียนเครือข่ายรหัส {code_} ของโรงเรียน {code} ที่มาจากไฟล์ของกุญแจอื่น (ไม่ได้พิมพ์ในเครื่องนี้)"
        " ถูกแทนด้วยรายการเดียวกันจากไฟล์ของโรงเรียนเอง (ใช้ข้อมูลของโรงเรียน)"
    ),
}
UNKNOWN_FRAMEWORK = (
    "ไฟล์ {source} มีข้อมูลตามเกณฑ์ {framework} รุ่น {version} ซึ่งโปรแกรมนี้ไม่มี โปรดปรับรุ่นโปรแกรมก่อนนำเข้า"
)
# A version with no room for this installation's next change (versions.has_room).
NO_ROOM = (
    "{what} ในไฟล์ {source} มีรุ่นของข้อมูลที่เครื่องนี้แก้ต่อไม่ได้ (มีเครื่องที่แก้ไขเกิน ๖๔ เครื่อง"
    " หรือตัวนับการแก้ไขสูงเกินจริง) โปรแกรมจะไม่นำเข้าไฟล์นี้"
)


def describe(table: str, row: dict[str, Any], style: str | None = None) -> str:
    """A record as a person recognises it (Thai): its kind and its code, item, date or name (a
    budget item: its description and fiscal year).

    ``style`` ("thai" or "arabic", a window's or document's digit style) writes the numbers the
    description composes itself (an item's code, a school's code as the school list writes it, a
    visit's date as a BE date, a round's year and number) in that style; a school's name and
    texts people typed stay as written.
    None (the command line's messages) writes them as stored."""
    label = KIND_LABELS[table]
    if table == "budget_requests" and (row.get("description") or row.get("fiscal_year")):
        # An item by its words and year, not an id fragment (try14e f08).
        year = str(row.get("fiscal_year", ""))
        year = digits(year, style) if style is not None else year
        named = f" “{str(row['description'])[:60]}”" if row.get("description") else ""
        return f"รายการ{label}{named} ปีงบประมาณ {year}" if year else f"รายการ{label}{named}"
    for key in ("code", "item_code", "scope_code", "visited_on", "name", "action"):
        value = row.get(key)
        if value:
            code = digits(value, style) if style is not None and key == "code" else value
            detail = f"{code} {row['name']}" if key == "code" and row.get("name") else str(code)
            if style is not None and key in ("item_code", "scope_code"):
                detail = digits(detail, style)
            elif style is not None and key == "visited_on":
                try:
                    detail = format_date(date.fromisoformat(detail), short=True, style=style)
                except ValueError:
                    pass  # not a date: as stored
            return f"{label} {detail[:60]}"
    if table == "review_decisions" and row.get("decision"):
        # What the office said, not an id fragment (s33 T1: "ผลการตรวจ… ea4fb7e1" told the school nothing).
        from ..review.decisions import verdict_words

        said = verdict_words(str(row["decision"]), str(row.get("comment") or ""))
        return f"{label}: {said[:200]}"
    if table == "budget_decisions" and "approved_satang" in row:
        # What the office decided, not an id fragment (s34 exw34 T3), as the budget feature says it.
        from ..budget.decided import decision_text

        approved = row["approved_satang"]
        said = decision_text(None if approved is None else int(approved), 0, style or "arabic")
        return f"{label}: {said}"
    if table == "assessments":
        year, round_ = str(row["fiscal_year"]), str(row["round"])
        if style is not None:
            year, round_ = digits(year, style), digits(round_, style)
        return f"{label} ปี {year} รอบ {round_}"
    return f"{label} {str(row.get('id', ''))[:8]}"


class Described:
    """:func:`describe` made only when a message prints it (most rows are never described)."""

    __slots__ = ("table", "row")

    def __init__(self, table: str, row: dict[str, Any]) -> None:
        self.table, self.row = table, row

    def __str__(self) -> str:
        return describe(self.table, self.row)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def styled(self, style: str) -> str:
        """The description in a reader's digit style (inside a :class:`~..thai.Sentence`)."""
        return describe(self.table, self.row, style)
