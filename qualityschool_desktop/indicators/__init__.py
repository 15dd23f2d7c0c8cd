"""An area office's indicators (issue 14, part 3; seed 003's tables ตัวชี้วัด | หน่วยนับ |
ค่าเป้าหมาย per year | ผู้รับผิดชอบ): the rules (:mod:`.rules`), the records (:mod:`.store`,
``workspace.indicators``) and the actuals computed from the schools' data (:mod:`.computed`)."""

from __future__ import annotations

from .rules import COMPUTED, COMPUTED_UNITS, DEFAULT_SPAN
from .store import IndicatorChange, OfficeIndicator, OfficeIndicators, format_number

__all__ = ["COMPUTED", "COMPUTED_UNITS", "DEFAULT_SPAN", "IndicatorChange", "OfficeIndicator", "OfficeIndicators",
           "format_number"]
