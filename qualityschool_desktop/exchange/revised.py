"""Confirmed visit records a file reopens (TEST34C C3): the district reads, beside "การนิเทศ:
ปรับปรุง 2", that a record the school had signed was reopened, by whom, why, and whether it was
confirmed again. Found from the file's new ``reopened`` events that their recording installation
vouches for (the ones the merge accepts, ``merge.Merge._prescan_reopens``), before anything is
written, so the preview and the result say the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from ..text import for_terminal
from ..thai import format_date, format_moment

__all__ = ["RevisedVisit", "revised_visits", "revised_line"]

LINE = ("  การนิเทศ{school} วันที่ {date}: บันทึกที่ยืนยันแล้วถูกเปิดแก้ไขเมื่อ {when}{by} เหตุผล: {reason}"
        " · {then}")
BY = " โดย {name}"
CONFIRMED_AGAIN = "ยืนยันฉบับแก้ไขแล้ว"
NOT_CONFIRMED = "ยังไม่ได้ยืนยันใหม่ (เป็นฉบับร่าง)"


@dataclass(frozen=True)
class RevisedVisit:
    """A confirmed visit the file reopens: its school's name ("" when neither the file nor this
    laptop holds it), the visit's date (ISO), when it was reopened (UTC stamp), by whom ("" when the
    event names nobody), why, and whether the file confirms it again after."""

    visit_id: str
    school: str
    visited_on: str
    reopened_at: str
    person_name: str
    reason: str
    confirmed_again: bool


def revised_visits(reopens: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]],
                   visits: dict[str, dict[str, Any]], schools: dict[str, str]) -> list[RevisedVisit]:
    """One :class:`RevisedVisit` per new reopen event (``reopens``), in file order; ``events``: every
    event row of the file in its order (a later ``finalised`` of the visit confirms it again);
    ``visits``: visit id → row (``school_id``, ``visited_on``); ``schools``: school id → name."""
    order = [(row["id"], row["visit_id"], row["event"]) for row in events]
    found = []
    for row in reopens:
        position = next((i for i, (event_id, _v, _e) in enumerate(order) if event_id == row["id"]), len(order))
        again = any(visit == row["visit_id"] and event == "finalised" for _i, visit, event in order[position + 1:])
        visit = visits.get(row["visit_id"], {})
        found.append(RevisedVisit(row["visit_id"], schools.get(visit.get("school_id", ""), ""),
                                  visit.get("visited_on", ""), row["happened_at"], row.get("person_name") or "",
                                  row["reason"], again))
    return found


def revised_line(revised: RevisedVisit, style: str = "arabic") -> str:
    """The summary's line for ``revised`` (names from the file shown escaped; dates in ``style``'s
    digits, the names and reason as typed)."""
    day = format_date(date.fromisoformat(revised.visited_on), short=True, style=style) if revised.visited_on else "–"
    return LINE.format(
        school=f" {for_terminal(revised.school)}" if revised.school else "", date=day,
        when=format_moment(revised.reopened_at, style=style),
        by=BY.format(name=for_terminal(revised.person_name)) if revised.person_name else "",
        reason=for_terminal(revised.reason), then=CONFIRMED_AGAIN if revised.confirmed_again else NOT_CONFIRMED)
