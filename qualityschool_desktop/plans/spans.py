"""Which of a school's development plans covers a year (TEST14e finding f02).

A school has one plan for any fiscal year: a second plan whose years overlap one it has is refused
(:class:`PlanOverlapError`, naming that plan so the window opens it), and only an empty plan (no
goals, indicators or activities left) may be removed. Two plans of the same year can still be held
(made before this rule, or by two laptops of the school): :func:`choose` then takes the one with
content, and names the choices when more than one has some.
"""

from __future__ import annotations

from typing import Iterable, Protocol, TypeVar

from ..errors import NotFoundError, ValidationError
from ..thai import thai_digits


class Span(Protocol):
    """What these rules read of a plan (``store.Plan``; not imported: store imports this module)."""

    @property
    def id(self) -> str:
        """The plan's id."""
    @property
    def first_year(self) -> int:
        """Its first fiscal year, BE."""
    @property
    def last_year(self) -> int:
        """Its last fiscal year, BE."""
    @property
    def title(self) -> str:
        """Its title as typed."""
    @property
    def span_text(self) -> str:
        """Its years as shown, e.g. "2570–2571"."""


PlanT = TypeVar("PlanT", bound=Span)

OVERLAP = ("โรงเรียนนี้มีแผนพัฒนาของปีงบประมาณ {span} อยู่แล้ว (“{title}”) จึงไม่สร้างแผนซ้ำ:"
           " แก้ไขแผนนั้นต่อ หรือสร้างแผนของปีที่ยังไม่มีแผน")
NOT_EMPTY = "ลบได้เฉพาะแผนที่ยังไม่มีเป้าหมาย ตัวชี้วัด หรือกิจกรรม: แผนนี้มี{what}"
NO_PLAN = "โรงเรียนนี้ยังไม่มีแผนพัฒนาของปี {year}"
NO_TITLE = "ไม่มีแผนพัฒนาชื่อ “{title}” ที่ครอบคลุมปี {year} แผนของปีนี้: {choices}"
SEVERAL = ("โรงเรียนนี้มีแผนพัฒนาของปี {year} ที่มีเนื้อหา {count} แผน: {choices}"
           " โปรดเลือกแผนด้วยชื่อแผน (--title) หรือลบแผนที่ไม่ใช้")
UNTITLED = "(ไม่มีชื่อ)"


class PlanOverlapError(ValidationError):
    """A plan for years another plan of the school covers; ``plan_id`` is that plan's id."""

    def __init__(self, message: str, plan_id: str) -> None:
        super().__init__(message)
        self.plan_id = plan_id


def overlapping(plans: Iterable[PlanT], first_year: int, last_year: int, except_id: str = "") -> PlanT | None:
    """The first of ``plans`` (not ``except_id``) whose years (BE) meet ``first_year``–``last_year``, or None."""
    return next((p for p in plans if p.id != except_id and p.first_year <= last_year and first_year <= p.last_year),
                None)


def check_overlap(plans: Iterable[PlanT], first_year: int, last_year: int, except_id: str = "") -> None:
    """Raise :class:`PlanOverlapError` (Thai, the plan's years and title) when one of ``plans`` (the
    school's, newest first) other than ``except_id`` covers a year of ``first_year``–``last_year``."""
    found = overlapping(plans, first_year, last_year, except_id)
    if found is not None:
        message = OVERLAP.format(span=thai_digits(found.span_text), title=found.title or UNTITLED)
        raise PlanOverlapError(message, found.id)


def check_empty(counts: dict[str, int]) -> None:
    """Raise :class:`ValidationError` (Thai, :data:`NOT_EMPTY` naming what it holds) when the plan
    holds parts: ``counts`` maps ``plan_goals``/``plan_indicators``/``plan_activities`` to how many."""
    names = {"plan_goals": "เป้าหมาย", "plan_indicators": "ตัวชี้วัด", "plan_activities": "กิจกรรม"}
    held = [f"{names[table]} {thai_digits(str(n))} รายการ" for table, n in counts.items() if n]
    if held:
        raise ValidationError(NOT_EMPTY.format(what=" ".join(held)))


def _label(plan: Span) -> str:
    return f"“{plan.title or UNTITLED}” (ปี {thai_digits(plan.span_text)})"


def choose(plans: list[PlanT], year: int, sizes: dict[str, int], title: str | None = None) -> PlanT:
    """The plan of ``plans`` (a school's, newest first) covering BE ``year``: the one titled
    ``title`` when given; else the only one, or the only one with content (``sizes``: plan id ->
    goals + indicators + activities), or the newest when none has any. Raises
    :class:`NotFoundError` (Thai) when none covers the year or none has that title, and
    :class:`ValidationError` (Thai, :data:`SEVERAL`, naming them) when several have content."""
    covering = [p for p in plans if p.first_year <= year <= p.last_year]
    if not covering:
        raise NotFoundError(NO_PLAN.format(year=year))
    if title is not None:
        named = [p for p in covering if p.title.strip() == title.strip()]
        if not named:
            raise NotFoundError(NO_TITLE.format(title=title, year=year, choices=", ".join(map(_label, covering))))
        covering = named
    with_content = [p for p in covering if sizes.get(p.id, 0)]
    if len(with_content) > 1:
        raise ValidationError(SEVERAL.format(year=year, count=len(with_content),
                                             choices=", ".join(map(_label, with_content))))
    return with_content[0] if with_content else covering[0]
