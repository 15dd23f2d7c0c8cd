"""One provincial report with a part per area office (issue 13; seed 000 reports each office in
turn): what ``report summary --by-area-office`` and the window's "แยกส่วนตามเขตพื้นที่การศึกษา"
print. Plain values, no ReportLab: :mod:`.pdf_offices` lays them out, :mod:`.word` writes the
Word copy.

The report holds the overview (every school of the filters, with the office's own texts of the
round, exactly the summary :func:`~.data.summary_data` gives) and then, per area office
(เขตพื้นที่การศึกษา: สพป./สพม. as the schools' records name them, in Thai order), the same form
over that office's schools. An office's part carries what is the office's by nature (the
districts it serves, 6.1; its model schools, 6.2 2)) and the texts written for that office
(``workspace.office_texts.texts(..., area_office=...)``: 6.1, the 6.3 rows, 6.4-6.6, as seed 000
writes 1), 3) and 4) per office); a text not written for the office prints as the form's default
there ("-", or 6.1's sentence from the data). The province-wide texts stay in the overview.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ...collation import thai_key
from ...errors import ValidationError
from ...inspection.picture import round_picture
from ...schools import School
from ...workspace import Workspace
from .data import SummaryData, gather, summary_data
from .strings import BY_OFFICE_WITH_OFFICE
from .texts import OfficeTexts

__all__ = ["ByOffice", "OfficeSection", "by_office_data", "check_by_office", "office_texts_for"]


@dataclass(frozen=True)
class OfficeSection:
    """One area office's part: its name as the schools' records give it, its quality schools,
    and its summary (``data``), None when none of its schools has reported the round (then
    ``schools`` lists them all)."""

    office: str
    schools: tuple[School, ...]
    data: SummaryData | None


@dataclass(frozen=True)
class ByOffice:
    """The overview of every school of the filters, then a part per area office in Thai order."""

    overview: SummaryData
    offices: tuple[OfficeSection, ...]


def check_by_office(by_area_office: bool, area_office: str | None) -> None:
    """Refuse a report by area office that is also filtered on one area office. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` (Thai) then; nothing otherwise."""
    if by_area_office and area_office:
        raise ValidationError(BY_OFFICE_WITH_OFFICE.format(office=area_office))


def office_texts_for(texts: OfficeTexts, office: str, own: OfficeTexts | None = None) -> OfficeTexts:
    """The office's texts of the round as one area office's part prints them: the districts
    that office serves, the model schools (6.2 2) keeps those of its own schools) and ``own``, the
    texts written for that office (6.1, 6.3 rows, 6.4-6.6; none when None); the province-wide
    texts stay in the overview. Raises nothing."""
    own = own or OfficeTexts()
    return OfficeTexts(served=tuple(entry for entry in texts.served if entry[0] == office), models=texts.models,
                       situation=own.situation, problems=own.problems, success_factors=own.success_factors,
                       suggestions=own.suggestions, good_practices=own.good_practices)


def by_office_data(
    workspace: Workspace, *, fiscal_year: int, round: int, province: str | None = None, level: str | None = None,
    texts: OfficeTexts | Mapping[str, Any] | None = None, digits: str = "arabic",
) -> ByOffice:
    """The overview of inspection round ``round`` of ``fiscal_year`` (BE) over the schools
    matching ``province`` and ``level`` (as :func:`~.data.summary_data`, with ``texts`` and
    ``digits`` as there), then per area office of those schools (Thai order; schools without an
    area office are in the overview only) its own summary by the same form, with the texts stored
    for that office (none when ``texts`` is given: a file's texts are province-wide).

    Raises what :func:`~.data.summary_data` raises for the overview (the round not defined:
    :class:`~qualityschool_desktop.errors.NotFoundError`; no school, none reported, bad texts:
    :class:`~qualityschool_desktop.errors.ValidationError`, all Thai). An area office none of
    whose schools has reported gets a part with ``data`` None, not an error."""
    overview = summary_data(workspace, fiscal_year=fiscal_year, round=round, province=province, level=level,
                            texts=texts, digits=digits)
    sections = []
    for office in sorted((name for name in overview.area_offices if name), key=thai_key):
        inspection, picture = round_picture(workspace, fiscal_year, round, area_office=office, province=province,
                                            level=level)
        schools = tuple(sorted(picture.schools, key=lambda s: (thai_key(s.district), thai_key(s.name))))
        own = workspace.office_texts.texts(fiscal_year, round, area_office=office) if texts is None else None
        data = (gather(workspace, picture, office_texts_for(overview.texts, office, own), digits=digits,
                       inspection=inspection) if picture.standings else None)
        sections.append(OfficeSection(office, schools, data))
    return ByOffice(overview, tuple(sections))
