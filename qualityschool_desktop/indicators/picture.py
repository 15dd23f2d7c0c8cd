"""An area office's indicators as the printout and the window show them: each indicator with the
actuals computed for it from the schools' data (:mod:`.computed`), over a span of BE years."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NotFoundError
from ..workspace import Workspace
from .computed import computed_actuals
from .rules import DEFAULT_SPAN, check_row
from .store import OfficeIndicator

NO_INDICATORS = "สำนักงาน “{office}” ยังไม่มีตัวชี้วัดในฐานข้อมูลนี้"


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator and the actuals the product computed for it (BE year -> number; empty when
    its actuals are only typed)."""

    indicator: OfficeIndicator
    computed: dict[int, float]


@dataclass(frozen=True)
class IndicatorsReport:
    """What the printout shows: the office, the BE years of its columns and its indicators in order."""

    area_office: str
    years: tuple[int, ...]
    lines: tuple[IndicatorLine, ...]
    is_demo: bool


def gather_indicators(workspace: Workspace, area_office: str,
                      years: tuple[int, int] = DEFAULT_SPAN) -> IndicatorsReport:
    """The indicators of ``area_office`` (exact name) for the BE ``years`` (first, last; at most 10).
    Raises :class:`~qualityschool_desktop.errors.ValidationError` for a bad span and
    :class:`NotFoundError` (Thai) when the office has no indicators here."""
    check_row({"first_year": years[0], "last_year": years[1]})
    found = workspace.indicators.for_office(area_office)
    if not found:
        raise NotFoundError(NO_INDICATORS.format(office=area_office))
    lines = tuple(IndicatorLine(i, computed_actuals(workspace, i)) for i in found)
    return IndicatorsReport(area_office, tuple(range(years[0], years[1] + 1)), lines,
                            workspace.schools.is_demo_database())
