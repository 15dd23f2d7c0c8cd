"""Inspection rounds (รอบการตรวจราชการ) and the official report forms they print (issue 13).

:mod:`.rounds` holds the rounds an office defines (fiscal year, number, period, closing date,
layout) and picks what a round reports; :mod:`.layouts` reads the form layouts of
``resources/forms/``. No Qt, no ReportLab: the summary report (``reports/summary``) reads these.
"""

from .layouts import FormLayout, Section, layout_ids, load_layout, parse_layout, read_layout
from .rounds import InspectionRound, InspectionRounds, default_period

__all__ = [
    "FormLayout", "InspectionRound", "InspectionRounds", "Section", "default_period", "layout_ids", "load_layout",
    "parse_layout", "read_layout",
]
