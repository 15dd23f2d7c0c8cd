"""An area office's indicators (ตัวชี้วัด, issue 14; seed 003's table: ตัวชี้วัด | หน่วยนับ |
ค่าเป้าหมาย per year | ผู้รับผิดชอบ) with the actual of each year, typed and computed from the
schools' data, and a target-vs-actual chart per indicator, as a printable PDF. :mod:`.pdf` lays it
out and :mod:`.chart` draws the charts; importing this module is cheap (ReportLab loads when built).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...indicators.picture import IndicatorLine, IndicatorsReport, gather_indicators
from ...indicators.rules import DEFAULT_SPAN
from ...workspace import Workspace
from ..document import write_report

__all__ = ["IndicatorLine", "IndicatorsReport", "gather_indicators", "write_indicators_report"]


def write_indicators_report(
    workspace: Workspace,
    area_office: str,
    target: Path,
    *,
    years: tuple[int, int] = DEFAULT_SPAN,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the indicators of ``area_office`` over the BE ``years`` to ``target`` (.pdf, in a folder
    that exists) and return it; ``digits`` "thai" or "arabic". Raises as :func:`gather_indicators`,
    :class:`~qualityschool_desktop.errors.ValidationError` for another digit style,
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the file cannot be written and
    :class:`~qualityschool_desktop.reports.ReportCancelled` when cancelled."""

    def gather() -> IndicatorsReport:
        return gather_indicators(workspace, area_office, years)

    def layout(data: IndicatorsReport, t: object):  # type: ignore[no-untyped-def]
        from .pdf import indicators_document

        return indicators_document(data, t)  # type: ignore[arg-type]

    return write_report(Path(target), digits=digits, gather=gather, layout=layout, progress=progress,
                        cancelled=cancelled)
