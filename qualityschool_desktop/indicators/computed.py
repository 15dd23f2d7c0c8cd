"""Actual values the product computes from the schools' data for an area office's indicators.

A school of the office is one whose ``area_office`` is the office's exact name. For a fiscal year
(BE) each school counts with its latest *submitted* self-assessment of that year (the highest
round number; drafts are what is still being typed and do not count, as in the district picture,
:mod:`~qualityschool_desktop.district`). Its colour band comes from that round's own framework
thresholds (:mod:`~qualityschool_desktop.scoring`). The "top" colour bands are the upper half of
the framework's bands, best first (ม่วง, ฟ้า, เขียว of six), as
:func:`~qualityschool_desktop.district.band_count_trend` reads them.

* ``schools_assessed``: how many of the office's schools have such a round (โรงเรียน); none (None,
  shown "–", no data) when no school of the office has any round of that year, not even a draft:
  a year not yet assessed is not a count of ๐ (TEST14 finding 17).
* ``top_bands_share``: of those, the share in the top bands, per cent (ร้อยละ, 0–100, two
  decimals); none (None) when no school of the office has a submitted round that year.
"""

from __future__ import annotations

from ..workspace import Workspace
from .store import OfficeIndicator


def _office_school_ids(workspace: Workspace, area_office: str) -> list[str]:
    return [school.id for school in workspace.schools.list(area_office=area_office)] if area_office else []


def _any_round(workspace: Workspace, area_office: str, fiscal_year: int) -> bool:
    school_ids = _office_school_ids(workspace, area_office)
    if not school_ids:
        return False
    marks = ", ".join("?" * len(school_ids))
    return workspace.db.execute(
        f"SELECT 1 FROM assessments WHERE school_id IN ({marks}) AND fiscal_year = ? LIMIT 1",
        [*school_ids, fiscal_year]).fetchone() is not None


def _latest_submitted(workspace: Workspace, area_office: str, fiscal_year: int) -> list[str]:
    school_ids = _office_school_ids(workspace, area_office)
    if not school_ids:
        return []
    marks = ", ".join("?" * len(school_ids))
    rows = workspace.db.execute(
        f"SELECT id, school_id FROM assessments WHERE school_id IN ({marks}) AND fiscal_year = ?"
        " AND status = 'submitted' ORDER BY school_id, round", [*school_ids, fiscal_year]).fetchall()
    latest: dict[str, str] = {}
    for assessment_id, school_id in rows:
        latest[str(school_id)] = str(assessment_id)  # ordered by round: the last one stays
    return list(latest.values())


def computed_actual(workspace: Workspace, area_office: str, kind: str, fiscal_year: int) -> float | None:
    """The actual of ``kind`` (``"schools_assessed"`` or ``"top_bands_share"``) for ``area_office``
    in ``fiscal_year`` (BE), see the module's text; None for '' (nothing computed), for a count in a
    year with no round at all (no data) and for a share with no school assessed. Raises :class:`ValueError` for an unknown kind (a programming error)."""
    if not kind:
        return None
    if kind not in ("schools_assessed", "top_bands_share"):
        raise ValueError(kind)
    assessed = _latest_submitted(workspace, area_office, fiscal_year)
    if kind == "schools_assessed":
        return float(len(assessed)) if assessed or _any_round(workspace, area_office, fiscal_year) else None
    if not assessed:
        return None
    top = 0
    for assessment_id in assessed:
        framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
        keys = [band.key for band in framework.colour_bands][: len(framework.colour_bands) // 2]
        band = workspace.assessments.result(assessment_id).band
        top += band is not None and band.key in keys
    return round(100.0 * top / len(assessed), 2)


def computed_actuals(workspace: Workspace, indicator: OfficeIndicator) -> dict[int, float]:
    """The computed actual of each year of the indicator's span (years without one left out);
    empty for an indicator whose actuals are only typed."""
    found = {year: computed_actual(workspace, indicator.area_office, indicator.computed, year)
             for year in indicator.years} if indicator.computed else {}
    return {year: value for year, value in found.items() if value is not None}
