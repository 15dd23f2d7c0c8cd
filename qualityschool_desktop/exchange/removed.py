"""Visits a file deletes here (TEST35 T1): the district reads, beside "การนิเทศ: ปรับปรุง 1", that the
supervisor who recorded a visit deleted it, which school's and of which day; a visit leaving the
list with no word looked like lost data. As the reopens are said (:mod:`.revised`).

Found by the merge (``merge_decide._count``): a visit row of the file that carries ``deleted_at``
and is applied over a copy here that was not deleted (an update, or a conflict the file's side
wins). Only the visit's maker deletes it and a deletion by another key waits (``visit_deletion``),
so an applied one is the maker's. Before anything is written, so the preview and the result say
the same; a file met again, or an earlier one, deletes nothing and says nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable

from ..text import for_terminal
from ..thai import format_date, thai_digits

__all__ = ["RemovedVisit", "removed_visits", "removed_line", "removed_item"]

HEADING = "บันทึกการนิเทศที่ผู้บันทึกลบ {count} รายการ"
LINE = "  " + HEADING + ": {which}"
ITEM = "{school} วันที่ {date}"
UNKNOWN_SCHOOL = "โรงเรียน (ไม่ทราบชื่อ)"


@dataclass(frozen=True)
class RemovedVisit:
    """A visit the file deletes here: its school's name ("" when neither the file nor this laptop
    holds it) and the visit's date (ISO)."""

    visit_id: str
    school: str
    visited_on: str


def removed_visits(rows: Iterable[dict[str, Any]], schools: dict[str, str]) -> list[RemovedVisit]:
    """One :class:`RemovedVisit` per visit row (``id``, ``school_id``, ``visited_on``), in file
    order; ``schools``: school id → name."""
    return [RemovedVisit(row["id"], schools.get(row.get("school_id") or "", ""), row.get("visited_on") or "")
            for row in rows]


def removed_item(removed: RemovedVisit, style: str = "arabic") -> str:
    """"โรงเรียนบ้านแม่สอด วันที่ 1 ธ.ค. 2568" (the name from the file shown escaped; ``style``'s digits)."""
    day = format_date(date.fromisoformat(removed.visited_on), short=True, style=style) if removed.visited_on else "–"
    return ITEM.format(school=for_terminal(removed.school) or UNKNOWN_SCHOOL, date=day)


def removed_line(removed: list[RemovedVisit], style: str = "arabic") -> str:
    """The summary's one line for the visits ``removed`` ("" for none), in ``style``'s digits."""
    if not removed:
        return ""
    digits: Callable[[str], str] = thai_digits if style == "thai" else str
    return LINE.format(count=digits(f"{len(removed):,}"),
                       which=", ".join(removed_item(visit, style) for visit in removed))
