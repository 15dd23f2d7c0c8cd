"""The district picture of an inspection round: each school's latest submitted self-assessment
on or before the round's closing date (:meth:`.rounds.InspectionRounds.chosen_assessments`),
compared with what the round before reported, and the final visits made inside its period.

The picture is kept per open workspace until the database changes (:mod:`..picture_cache`):
the dashboard reads it again at every filter, page show and change notice."""

from __future__ import annotations

from datetime import date

from ..district import DistrictPicture, Selection, district_picture
from ..picture_cache import cached
from ..visit_records import Visit
from ..workspace import Workspace
from .rounds import InspectionRound

__all__ = ["picture_key", "read_round_picture", "round_picture", "visits_in_period"]


def picture_key(fiscal_year: int, round: int, *, area_office: str | None = None, province: str | None = None,
                level: str | None = None) -> tuple[str, int, int, str | None, str | None, str | None]:
    """What :func:`round_picture` keeps its picture under (:mod:`..picture_cache`): the round and
    the filters, blank filters as None. Raises nothing."""
    return ("round_picture", fiscal_year, round, area_office or None, province or None, level or None)


def round_picture(
    workspace: Workspace, fiscal_year: int, round: int, *, area_office: str | None = None,
    province: str | None = None, level: str | None = None,
) -> tuple[InspectionRound, DistrictPicture]:
    """The inspection round ``round`` of ``fiscal_year`` (BE) and its picture over the schools
    matching the filters (as :func:`~qualityschool_desktop.district.district_picture`): the one
    selection the dashboard, the printed summary and its tables all read (issue 13). A school has
    reported the round when it has a submitted self-assessment of the fiscal year dated on or
    before the closing date; one whose latest such result was already reported by the round
    before still counts (the form reports each school's state at the round's close) and its
    standing's ``carried_from`` names that round, shown as "ผลล่าสุดจากรอบที่ ๑" rather than
    "no change". Raises
    :class:`~qualityschool_desktop.errors.NotFoundError` (Thai, naming the rounds defined that
    year) when the round is not defined, :class:`~qualityschool_desktop.errors.ValidationError`
    for a bad year, round or level. The pair is kept for ``workspace`` until a row of the
    database changes (:mod:`..picture_cache`): callers must not change it."""
    key = picture_key(fiscal_year, round, area_office=area_office, province=province, level=level)
    return cached(workspace, key, lambda: read_round_picture(workspace, fiscal_year, round, area_office=area_office,
                                                              province=province, level=level))


def read_round_picture(
    workspace: Workspace, fiscal_year: int, round: int, *, area_office: str | None = None,
    province: str | None = None, level: str | None = None,
) -> tuple[InspectionRound, DistrictPicture]:
    """:func:`round_picture` read from the database now, neither kept nor recalled (the
    benchmark and the tests that compare readings). Raises as :func:`round_picture` does."""
    rounds = workspace.inspection_rounds
    inspection = rounds.get(fiscal_year, round)
    before = rounds.previous(inspection)
    selection = Selection(
        current=rounds.chosen_assessments(inspection),
        previous=rounds.chosen_assessments(before) if before else {},
        previous_round=(before.fiscal_year, before.round) if before else None,
        drafts=rounds.open_drafts(inspection),
        late=rounds.late_submissions(inspection),
    )
    picture = district_picture(workspace, fiscal_year, round, area_office=area_office, province=province,
                               level=level, selection=selection)
    return inspection, picture


def visits_in_period(workspace: Workspace, inspection: InspectionRound, school_ids: list[str]) -> list[Visit]:
    """The final visits of ``school_ids`` made inside the round's period (both days included),
    oldest first. Raises nothing."""
    start, end = inspection.period
    return [visit for visit in workspace.visits.final(school_ids)
            if start <= date.fromisoformat(visit.visited_on) <= end]
