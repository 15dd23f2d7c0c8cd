"""What a revised visit record says about its revision (TEST34C C3), as lines every copy of the
record prints the same (the PDF, :mod:`.pdf`, and the Word copy): "ฉบับแก้ไขครั้งที่ ๑", the first
confirmation's date, each reopen with its date, who and why, the confirmation of the revision, and
what changed since the version confirmed before. A record never reopened has no lines."""

from __future__ import annotations

from typing import Mapping

from ...thai import DigitText
from ...typeset.numbers import thai_date
from ...visit_basis import day_of
from ...visit_revisions import Revision, change_text

__all__ = ["revision_status", "revision_lines"]

HEADING = "ประวัติการแก้ไขบันทึกหลังยืนยัน"
STATUS = "ฉบับแก้ไขครั้งที่ {number}"
FIRST_CONFIRMED = "ยืนยันบันทึกครั้งแรกเมื่อ {date}"
REOPENED = "เปิดแก้ไขครั้งที่ {number} เมื่อ {date}{by} เหตุผล: {reason}"
CONFIRMED = "ยืนยันฉบับแก้ไขเมื่อ {date}{by}"
BY = " โดย {name}"
CHANGES = "สิ่งที่เปลี่ยนจากฉบับที่ยืนยันก่อนหน้า:"
CHANGE = "– {change}"
NO_CHANGES = "ผลการนิเทศไม่เปลี่ยนจากฉบับที่ยืนยันก่อนหน้า"
CHANGES_UNKNOWN = "ฉบับก่อนหน้ายืนยันก่อนที่โปรแกรมจะเก็บผลที่ยืนยันไว้ จึงบอกไม่ได้ว่าผลการนิเทศเปลี่ยนไปอย่างไร"


def revision_status(revision: Revision | None, t: DigitText) -> str:
    """"ฉบับแก้ไขครั้งที่ ๑" for a revised record, "" for one never reopened."""
    return "" if revision is None else t(STATUS, number=revision.number)


def revision_lines(revision: Revision | None, t: DigitText, levels: Mapping[int, str] | None = None) -> list[str]:
    """The lines about the revision, oldest first, in ``t``'s digits (dates in the Buddhist Era, the
    day as the laptop's clock had it; a level with its word in ``levels``, "๔ ดีเลิศ"); empty for a
    record never reopened."""
    if revision is None:
        return []

    def day(stamp: str) -> str:
        return thai_date(day_of(stamp), t.style, short=True)

    def by(name: str) -> str:
        return BY.format(name=name) if name else ""

    lines = [FIRST_CONFIRMED.format(date=day(revision.first_confirmed_at))]
    for number, reopening in enumerate(revision.reopenings, start=1):
        lines.append(REOPENED.format(number=t(str(number)), date=day(reopening.happened_at),
                                     by=by(reopening.person_name), reason=reopening.reason))
    if revision.confirmed_at is not None:
        lines.append(CONFIRMED.format(date=day(revision.confirmed_at), by=by(revision.confirmed_by)))
    if revision.changes is None:
        lines.append(CHANGES_UNKNOWN)
    elif not revision.changes:
        lines.append(NO_CHANGES)
    else:
        lines.append(CHANGES)
        lines += [CHANGE.format(change=change_text(change, t, levels)) for change in revision.changes]
    return lines
