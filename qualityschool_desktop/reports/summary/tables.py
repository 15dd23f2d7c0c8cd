"""The summary's tables as plain values, for :mod:`.export` (XLSX and CSV): the same numbers as
the PDF's tables, with Thai headers. No ReportLab."""

from __future__ import annotations

from datetime import date

from dataclasses import dataclass

from ...district import CARRIED_FROM, SchoolStanding
from ...framework import Band
from ...thai import DigitText, short_title, thai_digits
from .data import SummaryData
from .strings import (
    BAND_CELL, BANDS_HEADER, NETWORK_HEADER, COMPONENT_CELL, COMPONENT_COLUMN, COMPONENT_HEADER, DISTRICTS_HEADER, NONE,
    NOT_REPORTED_HEADER, NOT_SENT, PROBLEMS_HEADER, READINESS_TOTAL, SCHOOLS_HEADER,
    TABLE_TITLES,
)
from .wording import missing_result, network_rows, pending_status, problem_rows

__all__ = ["Cell", "SummaryTable", "summary_tables"]

Cell = str | int | float | date | None  # a date is written as a date cell showing the BE year


@dataclass(frozen=True)
class SummaryTable:
    """One table: ``key`` names the file or sheet, numbers stay numbers, dates stay dates."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    # (column from 0, Excel number format) for numbers shown a given way, e.g. shares "0.00"
    number_formats: tuple[tuple[int, str], ...] = ()


def _band_cell(band: Band | None) -> str:
    return BAND_CELL.format(name=band.name) if band else NONE


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _change_cell(standing: SchoolStanding, digits: str) -> Cell:
    """A number, or "ผลล่าสุดจากรอบที่ 1" for a school counted with an earlier round's result."""
    if standing.carried_from is not None:
        words = CARRIED_FROM.format(round=standing.carried_from[1])
        return thai_digits(words) if digits == "thai" else words
    return None if standing.change is None else round(standing.change, 2)


# The tables :func:`summary_tables` writes, in its order (``report summary --table`` offers these).
TABLE_KEYS = ("readiness", "bands", "schools", "districts", "not_reported", "problems", "network")


def summary_tables(data: SummaryData) -> list[SummaryTable]:
    """The summary's tables in report order (readiness, bands, schools, districts, not_reported,
    problems), with Thai headers; numbers stay numbers (scores rounded to two decimals,
    percentages to one, ``None`` for a missing value) and the summary's own sentences are in
    ``data.digits``. Raises nothing."""
    picture = data.picture
    groups = picture.groups
    readiness: list[tuple[Cell, ...]] = []
    for component in picture.components:
        counts = picture.readiness_counts.get(component.code, {})
        values = [counts.get(group.key, 0) for group in groups]
        readiness.append((COMPONENT_CELL.format(code=component.code, title=short_title(component.title)), *values, sum(values)))
    previous = picture.previous
    band_shares = picture.band_shares()  # adding up to 100.0, as printed (TEST34 T7)
    bands = [
        (_band_cell(band), picture.band_counts.get(band.key, 0), float(band_shares[band.key]),
         previous.band_counts.get(band.key, 0) if previous else None)
        for band in picture.bands
    ]
    schools = []
    for number, standing in enumerate(picture.standings, start=1):
        school = standing.school
        change = standing.change
        schools.append((
            number, school.code, school.name, school.district, school.province, school.area_office,
            _score(standing.score), _band_cell(standing.band), _score(standing.previous_score),
            _change_cell(standing, data.digits),
            COMPONENT_CELL.format(code=standing.weakest_code, title=short_title(standing.weakest_title)) if standing.weakest else NONE,
            _score(standing.weakest_score),
            *(_score(_component_score(standing, c.code)) for c in picture.components),
        ))
    districts = []
    standings = {standing.school.id: standing for standing in picture.standings}  # not a search per school
    for office, by_district in data.area_offices.items():
        for district, members in by_district.items():
            for school in members:
                found = standings.get(school.id)
                districts.append((office, district, school.code, school.name,
                                  _band_cell(found.band) if found
                                  else missing_result(data, school.id, DigitText(data.digits))))
    pending = [
        (item.school.code, item.school.name, item.school.district, item.school.area_office,
         # as the PDF says it, a draft with how far it is: the two count columns it had were blank
         # for every school without a draft, i.e. nearly always (TEST34 T8)
         pending_status(item, DigitText(data.digits)))
        for item in picture.not_this_round
    ]
    problems = [tuple("\n".join(cell) for cell in (row.problem, row.solution, row.expected))
                for row in problem_rows(data, DigitText(data.digits))]
    return [
        SummaryTable("readiness", TABLE_TITLES["readiness"],
                     (COMPONENT_HEADER, *(group.name for group in groups), READINESS_TOTAL), tuple(readiness)),
        SummaryTable("bands", TABLE_TITLES["bands"], BANDS_HEADER, tuple(bands), number_formats=((2, "0.0"),)),
        SummaryTable("schools", TABLE_TITLES["schools"],
                     (*SCHOOLS_HEADER, *(COMPONENT_COLUMN.format(code=c.code) for c in picture.components)),
                     tuple(schools)),
        SummaryTable("districts", TABLE_TITLES["districts"], DISTRICTS_HEADER, tuple(districts)),
        SummaryTable("not_reported", TABLE_TITLES["not_reported"], NOT_REPORTED_HEADER, tuple(pending)),
        SummaryTable("problems", TABLE_TITLES["problems"], PROBLEMS_HEADER, tuple(problems)),
        SummaryTable("network", TABLE_TITLES["network"], NETWORK_HEADER, tuple(network_rows(data))),
    ]


def _component_score(standing: SchoolStanding, code: str) -> float | None:
    try:
        return standing.result.component(code).score
    except KeyError:
        return None
