"""What the budget printout and the command line say of a year without requests (C14 item 7)."""

from __future__ import annotations

from ...thai import DigitText

NO_REQUESTS = "ไม่มีคำขอรับการสนับสนุนงบประมาณของปีงบประมาณ {year}{office} ในฐานข้อมูลนี้"
NO_REQUESTS_OFFICE = " ของโรงเรียนสังกัด {office}"
YEARS_WITH_REQUESTS = "ปีที่มีคำขอ: {years}"


def no_requests_text(fiscal_year: int, area_office: str | None, t: DigitText) -> str:
    """The plain sentence a printout of a year without requests says (C14 item 7: it said only
    "๐ โรงเรียน ๐ รายการ"), in ``t``'s digits: "ไม่มีคำขอ… ปีงบประมาณ ๒๕๗๑ (ของโรงเรียนสังกัด …)"."""
    office = NO_REQUESTS_OFFICE.format(office=t(area_office)) if area_office else ""
    return t(NO_REQUESTS, year=fiscal_year, office=office)
