"""What the inspection-round summary says, gathered through the core's public API: the district
picture (:func:`~qualityschool_desktop.district.district_picture`), what the period's final
supervision visits wrote, and the office's own texts. Plain values, no ReportLab, no SQL and no
sentences: :mod:`.wording` writes those for the PDF and the tables.

What the visits say (6.3) comes from the period's *final* visit records (a visit reviewing a round
of this fiscal year, or made within it) of the schools in the picture: the points to develop and
the recommendations the supervisors wrote, per component, the same sentence written for several
schools counted once with the number of schools, and the statuses of the follow-up actions agreed
on those visits. The good practices (6.6) start from the schools of the two best colour bands.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence

from ...collation import thai_key
from ...district import DistrictPicture, SchoolStanding, level_name
from ...errors import ValidationError
from ...inspection.layouts import FormLayout, load_layout
from ...inspection.picture import round_picture, visits_in_period
from ...inspection.rounds import InspectionRound
from ...network_schools import NetworkSchool
from ...schools import School
from ...scoring import ComponentResult
from ...thai import DigitStyle
from ...workspace import Workspace
from .strings import NO_SCHOOLS, NOTHING_TO_REPORT, RETURNED_ONLY, WHERE_LEVEL, WHERE_OFFICE, WHERE_PROVINCE
from .texts import OfficeTexts

__all__ = ["ComponentNotes", "GoodPractice", "Point", "SummaryData", "gather", "summary_data"]


@dataclass(frozen=True)
class Point:
    """A text supervisors wrote, and for how many schools."""

    text: str
    schools: int


@dataclass(frozen=True)
class ComponentNotes:
    """What the period's final visits wrote about one component (6.3)."""

    code: str
    title: str
    to_develop: tuple[Point, ...]  # most schools first, then in the order first written
    recommendations: tuple[Point, ...]  # the same order
    follow_ups: Mapping[str, int]  # status ("open", "done", "dropped") → actions agreed on those visits
    # Point to develop → the recommendations written in the same findings (visit and indicator),
    # in the order written, each once (the 6.3 suggestions pair them, :mod:`.drafts`).
    advice_for: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class GoodPractice:
    """A school of the two best colour bands (6.6)."""

    standing: SchoolStanding
    strongest: ComponentResult | None  # its best-scored component
    strengths: tuple[str, ...]  # what supervisors wrote as its strengths on final visits, newest first, each once


@dataclass(frozen=True)
class SummaryData:
    """Everything the summary (PDF or tables) shows."""

    picture: DistrictPicture
    texts: OfficeTexts
    visit_notes: tuple[ComponentNotes, ...]  # components the visits wrote about, in framework order
    practices: tuple[GoodPractice, ...]  # the schools of the two best bands, best first
    area_offices: dict[str, dict[str, list[School]]] = field(default_factory=dict)  # office -> อำเภอ -> schools
    inspection: InspectionRound | None = None  # the inspection round reported (None: a picture given as is)
    layout: FormLayout = field(default_factory=lambda: load_layout("round2"))  # the form it prints
    network: tuple[tuple[School, tuple[NetworkSchool, ...]], ...] = ()  # quality schools with network schools
    # The digits of the sentences the summary writes itself when its tables are exported (the PDF
    # is written in the digits asked of it): Arabic, so a spreadsheet's numbers stay numbers.
    digits: DigitStyle = "arabic"


def _ranked(texts: Sequence[tuple[str, str]]) -> tuple[Point, ...]:
    """Distinct texts of (school id, text) pairs with the number of schools that got them, most
    schools first, then in the order they were first written."""
    schools: dict[str, set[str]] = defaultdict(set)
    order: dict[str, int] = {}
    for school_id, text in texts:
        schools[text].add(school_id)
        order.setdefault(text, len(order))
    ranked = sorted(((text, len(ids)) for text, ids in schools.items()), key=lambda p: (-p[1], order[p[0]]))
    return tuple(Point(text, count) for text, count in ranked)


def _visit_notes(
    workspace: Workspace, picture: DistrictPicture, inspection: InspectionRound | None
) -> tuple[ComponentNotes, ...]:
    ids = [school.id for school in picture.schools]
    visits = (visits_in_period(workspace, inspection, ids) if inspection is not None
              else workspace.visits.final(ids, fiscal_year=picture.fiscal_year))
    if not visits:
        return ()
    findings = workspace.visits.findings_of(visit.id for visit in visits)
    develop: dict[str, list[tuple[str, str]]] = defaultdict(list)
    advice: dict[str, list[tuple[str, str]]] = defaultdict(list)
    paired: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    # In visit order (date, then creation), then by code, so equal counts rank the same way on
    # every build.
    for visit in visits:
        for code, finding in sorted(findings.get(visit.id, {}).items()):
            component = code.split(".")[0]
            if finding.to_develop.strip():
                develop[component].append((visit.school_id, finding.to_develop.strip()))
            if finding.recommendations.strip():
                advice[component].append((visit.school_id, finding.recommendations.strip()))
                if finding.to_develop.strip():
                    paired[component][finding.to_develop.strip()][finding.recommendations.strip()] = None
    agreed: dict[str, Counter[str]] = defaultdict(Counter)
    for item in workspace.follow_ups.agreed_in_visits(visit.id for visit in visits):
        agreed[item.scope_code.split(".")[0]][item.status] += 1
    return tuple(
        ComponentNotes(component.code, component.title, _ranked(develop.get(component.code, [])),
                       _ranked(advice.get(component.code, [])), dict(agreed.get(component.code, {})),
                       {point: tuple(texts) for point, texts in paired.get(component.code, {}).items()})
        for component in picture.components
        if develop.get(component.code) or advice.get(component.code)
    )


def _practices(workspace: Workspace, picture: DistrictPicture) -> tuple[GoodPractice, ...]:
    top = {band.key for band in picture.bands[:2]}
    best = [standing for standing in picture.standings if standing.band_key in top]
    if not best:
        return ()
    visits = workspace.visits.final([standing.school.id for standing in best])
    findings = workspace.visits.findings_of(visit.id for visit in visits)
    written = [
        (visit.visited_on, code, visit.school_id, finding.strengths)
        for visit in visits for code, finding in findings.get(visit.id, {}).items() if finding.strengths != ""
    ]
    # The newest visit first, then by code (two stable sorts).
    written.sort(key=lambda entry: entry[1])
    written.sort(key=lambda entry: entry[0], reverse=True)
    strengths: dict[str, list[str]] = defaultdict(list)
    for _day, _code, school_id, text in written:
        if text.strip() not in strengths[school_id]:
            strengths[school_id].append(text.strip())
    return tuple(
        GoodPractice(
            standing,
            max((c for c in standing.result.components if c.score is not None), key=lambda c: c.score or 0.0,
                default=None),
            tuple(strengths[standing.school.id]),
        )
        for standing in best
    )


def where_text(area_office: str | None, province: str | None, level: str | None) -> str:
    """The filters in words, for the messages: " สังกัด… จังหวัด… ระดับ…" ("" without filters)."""
    return "".join((
        WHERE_OFFICE.format(office=area_office) if area_office else "",
        WHERE_PROVINCE.format(province=province) if province else "",
        WHERE_LEVEL.format(level=level_name(level)) if level else "",
    ))


def gather(
    workspace: Workspace, picture: DistrictPicture, texts: OfficeTexts | None = None, *, digits: str = "arabic",
    inspection: InspectionRound | None = None, reported_only: bool = True,
) -> SummaryData:
    """What the summary shows for ``picture`` with the office's ``texts``; ``digits`` "thai"
    writes the summary's own sentences in the tables in Thai digits, anything else in Arabic.
    With ``inspection`` (the round ``picture`` reports) 6.3 reads the final visits inside its
    period and the form is its layout; without, the visits of the fiscal year and the round-2 form.

    Raises :class:`~qualityschool_desktop.errors.ValidationError` (Thai, naming the filters) when
    no school matches the filters or (``reported_only``, the default: a summary needs results) none
    has reported the round; with ``reported_only`` False such a round gives the visits' notes and
    no standings (the office's suggestions before the schools report: s33 V3)."""
    texts = texts or OfficeTexts()
    if not texts.office:
        from ...exchange.signing import configured_name  # the office's configured name, not an invented one

        texts = replace(texts, office=configured_name())
    where = where_text(picture.area_office, picture.province, picture.level)
    if not picture.schools:
        raise ValidationError(NO_SCHOOLS.format(where=where))
    if not picture.standings and reported_only:
        returned = sum(1 for school in picture.not_reported if school.state == "returned")
        raise ValidationError(NOTHING_TO_REPORT.format(year=picture.fiscal_year, round=picture.round, where=where)
                              + (RETURNED_ONLY.format(count=returned) if returned else ""))
    offices: dict[str, dict[str, list[School]]] = defaultdict(lambda: defaultdict(list))
    for school in sorted(picture.schools, key=lambda s: (thai_key(s.area_office), thai_key(s.district),
                                                         thai_key(s.name))):
        offices[school.area_office][school.district].append(school)
    return SummaryData(
        picture=picture, texts=texts, visit_notes=_visit_notes(workspace, picture, inspection),
        practices=_practices(workspace, picture),
        area_offices={name: dict(districts) for name, districts in offices.items()},
        digits="thai" if digits == "thai" else "arabic",
        inspection=inspection, layout=load_layout(inspection.layout if inspection else "round2"),
        network=tuple((school, members) for school in sorted(
            picture.schools, key=lambda s: (thai_key(s.area_office), thai_key(s.district), thai_key(s.name)))
            if (members := tuple(workspace.network_schools.for_school(school.id)))),
    )


def summary_data(
    workspace: Workspace, *, fiscal_year: int, round: int, area_office: str | None = None,
    province: str | None = None, level: str | None = None, texts: OfficeTexts | Mapping[str, Any] | None = None,
    digits: str = "arabic", reported_only: bool = True,
) -> SummaryData:
    """The picture of inspection round ``round`` of ``fiscal_year`` (BE) over the schools
    matching the filters (each school's latest submitted self-assessment on or before the round's
    closing date, :func:`~qualityschool_desktop.inspection.picture.round_picture`), and everything
    else the summary (PDF or tables) shows, in the round's form layout. ``texts`` are the office's
    texts (an :class:`~.texts.OfficeTexts` or the mapping of its JSON); None (the default) prints
    what the office wrote for the round (``workspace.office_texts``, the window's and
    ``--texts``'s one store); ``digits`` as in :func:`gather`.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) when the inspection round
    is not defined; :class:`~qualityschool_desktop.errors.ValidationError` (Thai) for a bad year,
    round, level or texts, when no school matches the filters or (``reported_only``) none has
    reported the round."""
    if texts is not None and not isinstance(texts, OfficeTexts):
        texts = OfficeTexts.from_mapping(texts)
    inspection, picture = round_picture(workspace, fiscal_year, round, area_office=area_office,
                                        province=province, level=level)
    if texts is None:
        texts = workspace.office_texts.texts(fiscal_year, round)
    return gather(workspace, picture, texts, digits=digits, inspection=inspection, reported_only=reported_only)
