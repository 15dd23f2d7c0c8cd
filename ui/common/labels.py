"""How records are named on screen where more than one feature names them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .digits import shown

if TYPE_CHECKING:
    from qualityschool_desktop.assessments import Assessment

# -- Thai strings ----------------------------------------------------------------------------
ROUND_TITLE = "ปีงบประมาณ {year} รอบที่ {round}"


def round_title(assessment: Assessment) -> str:
    """ปีงบประมาณ ๒๕๖๙ รอบที่ ๑: an assessment round as the breadcrumb and the visit's round list show it."""
    return ROUND_TITLE.format(year=shown(assessment.fiscal_year), round=shown(assessment.round))
