"""The district picture: every school of the database for one fiscal year and round, at a glance.

:func:`district_picture` is what the dashboard and the inspection-round summary read. It answers
the questions an area or provincial office asks of a round (DOMAIN.md, seeds 000-002): how many
schools fall in each colour band; per component, how many are ready / meet the standard / need
urgent development; which schools sit in which band and what is each one's weakest component; who
has not reported yet; how this compares with the previous round; and the quality schools of each
district (อำเภอ).

The dashboard and the printed summary read one picture:
:func:`~qualityschool_desktop.inspection.picture.round_picture`, the picture of an *inspection
round* the office defined (issue 13), which passes :func:`district_picture` a :class:`Selection`
(each school's latest submitted self-assessment on or before the round's closing date). There a
school has **reported** the round when it has such an assessment, even one that an earlier
inspection round already reported: the form (seeds 001/002) reports each school's state at the
round's close, so a school that sent nothing new is counted with its latest result, and its
standing says so (:attr:`SchoolStanding.carried_from`: "ผลล่าสุดจากรอบที่ ๑", never a silent
"no change"). Without a selection (tests, the benchmark), a school has reported when it has a
*submitted* self-assessment of that fiscal year and its own round number. A school with no
assessment, or only a draft, is listed as not reported: an office counts what the schools have
sent in, not what is still being typed; a submission the office returned (ส่งกลับแก้ไข) is
not a result either: listed as not reported with ``state`` ``"returned"`` (found by a tester).
:attr:`DistrictPicture.not_this_round` adds the schools counted with an earlier round's result:
they did not report *this* round (the printed 6.2 5) and the page's list). Scores, colour
bands and readiness groups come from each round's own framework thresholds (:mod:`.scoring`).

The reads are batched (a district database may hold a few thousand schools): one query for the
schools, one for the assessments of each set read, and the answers summed per assessment and
component in SQL (:mod:`.district_scores`, issue 16): bands and groups come from those sums, with
the numbers of the item-by-item :func:`~.scoring.score_assessment` (tests/test_district_sql.py).
:func:`~qualityschool_desktop.inspection.picture.round_picture` keeps its picture until the
database changes (:mod:`.picture_cache`).
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from itertools import chain
from operator import attrgetter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Mapping, Sequence, TypeVar

from .assessments import Assessment
from .collation import thai_key
from .district_scores import Brief, scored_assessments, scored_briefly, scored_rounds
from .errors import ValidationError
from .framework import Band, Component, Framework
from .percentages import shares
from .schools import LEVEL_FILTERS, LEVELS, School
from .scoring import AssessmentResult, ComponentResult
from .workspace import Workspace

_Round = TypeVar("_Round", Assessment, Brief)  # a whole record, or the brief one of a round compared with

# Thai messages (errors the user reads).
BAD_YEAR = "ปีงบประมาณ {year} ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น ๒๕๖๙)"
BAD_ROUND = "รอบที่ต้องเป็นเลขตั้งแต่ ๑ ขึ้นไป"
BAD_LEVEL = "ระดับการศึกษา \"{level}\" ไม่ถูกต้อง (ใช้ primary หรือ secondary)"
NO_DISTRICT = "ไม่ระบุอำเภอ"
# A school counted with the result an earlier inspection round already reported (``round``: its number).
CARRIED_FROM = "ผลล่าสุดจากรอบที่ {round}"


@dataclass(frozen=True)
class Filters:
    """What the filters can offer: values present in the database, sorted."""

    area_offices: tuple[str, ...]
    provinces: tuple[str, ...]
    levels: tuple[str, ...]  # "primary" / "secondary" (a school of both levels gives both)
    rounds: tuple[tuple[int, int], ...]  # (fiscal year, round) of the inspection rounds defined, newest first


@dataclass(frozen=True, slots=True)
class SchoolStanding:
    """One school that reported the round: its result, its weakest component and its change
    since the previous round (``None`` where it did not report that one). The results are summed
    in SQL (:mod:`.district_scores`): their ``weakest`` *items* are empty (the picture names each
    school's weakest *component*)."""

    school: School
    assessment: Assessment
    result: AssessmentResult
    weakest: ComponentResult | None  # the lowest-scored component (framework order breaks ties)
    previous_result: AssessmentResult | None = None
    # (fiscal year, inspection round) that already reported this very assessment: the school sent
    # nothing new since that round closed and is counted with its latest result (module docstring).
    carried_from: tuple[int, int] | None = None

    @property
    def score(self) -> float | None:
        """The overall score of the round, a mean level 1.00–5.00 (None when nothing is scored)."""
        return self.result.overall

    @property
    def band(self) -> Band | None:
        """The colour band the overall score reaches (ม่วง … แดง, seed 001), None without a score."""
        return self.result.band

    @property
    def band_key(self) -> str | None:
        """The key of :attr:`band` (``"purple"`` … as the framework file names it), or None."""
        return self.result.band.key if self.result.band else None

    @property
    def weakest_code(self) -> str:
        """The code of the lowest-scored component (``"1"`` … ``"5"``), ``""`` when none is scored."""
        return self.weakest.code if self.weakest else ""

    @property
    def weakest_title(self) -> str:
        """The Thai title of the lowest-scored component, ``""`` when none is scored."""
        return self.weakest.title if self.weakest else ""

    @property
    def weakest_score(self) -> float | None:
        """The lowest component score (a mean level 1.00–5.00), None when none is scored."""
        return self.weakest.score if self.weakest else None

    @property
    def previous_score(self) -> float | None:
        """The overall score of the previous round, None when the school did not report it."""
        return self.previous_result.overall if self.previous_result else None

    @property
    def previous_band_key(self) -> str | None:
        """The colour band key of the previous round, None when there is none or no score."""
        return self.previous_result.band.key if self.previous_result and self.previous_result.band else None

    @property
    def change(self) -> float | None:
        """Score now minus score in the previous round (``None`` without both)."""
        if self.score is None or self.previous_score is None:
            return None
        return self.score - self.previous_score


@dataclass(frozen=True, slots=True)
class NotReported:
    """A school without a result sent for the round: ``draft`` is its unfinished round, if it has
    one. ``state``: ``""`` (nothing submitted, or a draft), ``"returned"`` (its submission was
    returned by the office, ส่งกลับแก้ไข: ``draft`` is that submission), ``"late"`` (submitted only
    after the round closed, on ``late_on``, ISO) or ``"carried"`` (nothing sent since round
    ``carried_from`` closed: counted with that result, see :attr:`DistrictPicture.not_this_round`)."""

    school: School
    draft: Assessment | None
    answered: int = 0
    total: int = 0
    state: str = ""
    carried_from: tuple[int, int] | None = None
    late_on: str = ""


@dataclass(frozen=True)
class RoundCounts:
    """The counts of one round (used for the previous round)."""

    fiscal_year: int
    round: int
    band_counts: dict[str, int]
    readiness_counts: dict[str, dict[str, int]]
    reported: int
    not_reported: int


@dataclass(frozen=True)
class SchoolChange:
    """A school's move between the previous round and this one."""

    standing: SchoolStanding
    change: float | None  # score difference; None when it did not report the previous round
    band_steps: int | None  # bands moved up (positive) or down (negative)


@dataclass(frozen=True)
class DistrictPicture:
    """The whole picture of one round (see the module's docstring for what counts as reported)."""

    fiscal_year: int
    round: int
    area_office: str | None
    province: str | None
    level: str | None
    framework: Framework  # whose bands, groups and components the counts are keyed by
    schools: tuple[School, ...]  # every school the filters let through
    standings: tuple[SchoolStanding, ...]  # schools that reported, best score first
    band_counts: dict[str, int]  # band key -> schools, every band, best first
    readiness_counts: dict[str, dict[str, int]]  # component code -> {group key -> schools}
    schools_by_band: dict[str, list[SchoolStanding]]  # band key -> schools, best score first
    not_reported: tuple[NotReported, ...]
    previous: RoundCounts | None  # None when there is no earlier round at all
    quality_schools_by_district: dict[str, list[School]]  # อำเภอ -> schools, by name
    # The drafts of the schools for this round (a reported school's newer draft too, e.g. a round
    # the office returned and the school reopened), in the order of ``schools``: what the review
    # counts read besides standings.
    open_drafts: tuple[Assessment, ...] = ()
    _filters: Filters = field(repr=False, compare=False, default=Filters((), (), (), ()))
    _standing_by_id: dict[str, SchoolStanding] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # standing_of() by school id: a dict, not a search through every standing (issue 16).
        object.__setattr__(self, "_standing_by_id", {s.school.id: s for s in self.standings})

    @property
    def bands(self) -> tuple[Band, ...]:
        """The framework's colour bands, best first (the keys of :attr:`band_counts`)."""
        return self.framework.colour_bands

    @property
    def groups(self) -> tuple[Band, ...]:
        """The framework's readiness groups (seed 000: ready, meets the standard, needs urgent
        development), best first: the inner keys of :attr:`readiness_counts`."""
        return self.framework.readiness_groups

    @property
    def components(self) -> tuple[Component, ...]:
        """The framework's five components in order: the keys of :attr:`readiness_counts`
        (these are the round's framework's components, not the schools' results)."""
        return self.framework.components

    @property
    def reported(self) -> int:
        """How many schools reported the round (the length of :attr:`standings`)."""
        return len(self.standings)

    @property
    def reported_this_round(self) -> int:
        """How many schools sent a result for this very round (those counted with an earlier
        round's result left out: found by a tester, round 2 claimed every school had reported)."""
        return sum(1 for standing in self.standings if standing.carried_from is None)

    @property
    def not_this_round(self) -> tuple[NotReported, ...]:
        """The schools that sent nothing for this round: :attr:`not_reported`, then those counted
        with an earlier round's result (``state`` ``"carried"``), in the schools' order."""
        carried = {s.school.id: s for s in self.standings if s.carried_from is not None}
        found = {item.school.id: item for item in self.not_reported}
        found.update({school_id: NotReported(s.school, None, state="carried", carried_from=s.carried_from)
                      for school_id, s in carried.items()})
        return tuple(found[school.id] for school in self.schools if school.id in found)

    def filters_available(self) -> Filters:
        """Area offices, provinces, levels and rounds present in the whole database."""
        return self._filters

    def standing_of(self, school_id: str) -> SchoolStanding | None:
        """The standing of the school with ``school_id``, None when it did not report the round
        (or is filtered out, or unknown)."""
        return self._standing_by_id.get(school_id)

    def changes(self) -> list[SchoolChange]:
        """Every reported school's move since the previous round, largest rise first; schools
        without a previous result come last. A school counted with the result an earlier round
        already reported (:attr:`SchoolStanding.carried_from`) has no move: ``band_steps`` and
        ``change`` None."""
        keys = [band.key for band in self.bands]
        result = []
        for standing in self.standings:
            steps = None
            if standing.carried_from is not None:
                result.append(SchoolChange(standing, None, None))
                continue
            if standing.band_key in keys and standing.previous_band_key in keys:
                steps = keys.index(str(standing.previous_band_key)) - keys.index(str(standing.band_key))
            result.append(SchoolChange(standing, standing.change, steps))
        return sorted(result, key=lambda c: (c.change is None, -(c.change or 0.0), thai_key(c.standing.school.name)))

    def band_shares(self) -> dict[str, Decimal]:
        """Each band's share of the reported schools in per cent with one decimal, by band key,
        adding up to exactly 100.0 (the total printed under them; all 0.0 when none reported):
        the largest-remainder rule of :func:`~.percentages.shares` (TEST34 T7: rounded one by
        one, 1, 2, 9, 4, 1, 1 of 18 printed 100.1)."""
        keys = [band.key for band in self.bands]
        return dict(zip(keys, shares([self.band_counts.get(key, 0) for key in keys], places=1)))

    def band_trend(self, band_key: str) -> int:
        """Is the change of a band's count since the previous round good news? 1 better, -1
        worse, 0 neither (:func:`band_count_trend`; 0 too without a previous round)."""
        before = self.previous.band_counts.get(band_key, 0) if self.previous is not None else None
        return band_count_trend(self.bands, band_key, self.band_counts.get(band_key, 0), before)

    def change_counts(self) -> dict[str, int]:
        """How many schools rose, fell or stayed in the same band; "new" had no previous result;
        "carried" sent nothing since the previous round and are counted with its result."""
        counts = {"up": 0, "same": 0, "down": 0, "new": 0, "carried": 0}
        for change in self.changes():
            if change.standing.carried_from is not None:
                counts["carried"] += 1
            elif change.band_steps is None:
                counts["new"] += 1
            elif change.band_steps > 0:
                counts["up"] += 1
            elif change.band_steps < 0:
                counts["down"] += 1
            else:
                counts["same"] += 1
        return counts


# -- reading --------------------------------------------------------------------------------------
def band_count_trend(bands: Sequence[Band], band_key: str, now: int, before: int | None) -> int:
    """Whether a colour band's count of schools moving from ``before`` to ``now`` is good news:
    1 better, -1 worse, 0 neither (no change, no previous round (``before`` None), a band not in
    ``bands``, or the middle band of an odd number). ``bands`` are best first, as a framework
    lists them (seed 001 ranks schools ม่วง ฟ้า เขียว เหลือง ส้ม แดง, best to worst): more schools
    in the upper half of the bands is better, more in the lower half is worse, so fewer schools in
    the red band is an improvement (issue 11). Counts are numbers of schools; never raises."""
    keys = [band.key for band in bands]
    if before is None or now == before or band_key not in keys:
        return 0
    index, half = keys.index(band_key), len(keys) // 2
    growing = 1 if now > before else -1
    if index < half:
        return growing
    if index >= len(keys) - half:
        return -growing
    return 0


def filters_available(workspace: Workspace) -> Filters:
    """Area offices, provinces, levels present in the database, and the (fiscal year BE, round)
    of every inspection round defined (``inspection_rounds``, newest first): the dashboard offers
    the rounds the summary can print, not the schools' own round numbers. Raises nothing."""
    schools = workspace.schools
    present = schools.levels()
    levels = tuple(level for level in LEVEL_FILTERS if level in present or "both" in present)
    rounds = tuple((int(r[0]), int(r[1])) for r in workspace.db.execute(
        "SELECT fiscal_year, round FROM inspection_rounds ORDER BY fiscal_year DESC, round DESC"))
    return Filters(schools.area_offices(), schools.provinces(), levels, rounds)


def previous_round(workspace: Workspace, fiscal_year: int, round: int) -> tuple[int, int] | None:
    """The round before: ``round - 1`` of the same year, or the last round any school had in the
    previous year; ``None`` when the database has nothing earlier."""
    if round > 1:
        return fiscal_year, round - 1
    row = workspace.db.execute(
        "SELECT fiscal_year, max(round) FROM assessments WHERE fiscal_year < ?"
        " GROUP BY fiscal_year ORDER BY fiscal_year DESC LIMIT 1", [fiscal_year]
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def _round_results(
    workspace: Workspace, rounds: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], dict[str, tuple[Assessment, AssessmentResult]]]:
    """Every school's assessment of each (year, round) and its result, summed in SQL (:mod:`.district_scores`)."""
    return scored_rounds(workspace, rounds)


def _chosen_results(
    found: Mapping[str, tuple[_Round, AssessmentResult]], chosen: Mapping[str, str], school_ids: set[str], *,
    submitted: bool,
) -> dict[str, tuple[_Round, AssessmentResult]]:
    """School id -> (assessment, result) of the assessments ``chosen`` names (school id ->
    assessment id) among ``found`` (assessment id -> the pair, summed in SQL by
    :mod:`.district_scores`; ids not found are left out), of the schools ``school_ids``, only the
    submitted ones where ``submitted``: one pass (issue 16)."""
    return {pair[0].school_id: pair for pair in map(found.get, chosen.values())
            if pair is not None and pair[0].school_id in school_ids and not (submitted and pair[0].is_draft)}


@dataclass(frozen=True)
class Selection:
    """The assessments an inspection round reports, chosen by its closing date rather than by
    the schools' own round numbers (:mod:`.inspection.rounds`): school id -> assessment id for
    the round, and for the round before (``previous_round`` its (fiscal year, round), None
    without one); ``drafts`` school id -> the draft the school is typing for the round (or a
    returned round it reopened)."""

    current: Mapping[str, str]
    previous: Mapping[str, str] = field(default_factory=dict)
    previous_round: tuple[int, int] | None = None
    drafts: Mapping[str, str] = field(default_factory=dict)
    late: Mapping[str, str] = field(default_factory=dict)  # school id -> day it submitted after the close


def _returned(workspace: Workspace, assessment_ids: list[str]) -> set[str]:
    """The ids among ``assessment_ids`` whose submission as it is now the office returned
    (ส่งกลับแก้ไข: the newest decision on the version here is "returned"; :meth:`.Reviews.decisions`)."""
    decisions = workspace.reviews.decisions(assessment_ids)
    return {assessment_id for assessment_id, decision in decisions.items() if decision == "returned"}


def _weakest(result: AssessmentResult) -> ComponentResult | None:
    weakest, least = None, 0.0
    for component in result.components:
        score = component.score
        if score is not None and (weakest is None or score < least):  # "<": framework order breaks ties
            weakest, least = component, score
    return weakest


def _counts(
    framework: Framework, results: Iterable[AssessmentResult]
) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    bands = {band.key: 0 for band in framework.colour_bands}
    readiness = {c.code: {group.key: 0 for group in framework.readiness_groups} for c in framework.components}
    results = list(results)
    # Counted by identity: the results of a picture share their component results and bands
    # (district_scores' memo), so a thousand schools give a few hundred distinct ones, and a
    # frozen dataclass's hash would run in Python (issue 16); iterated in C (map, chain).
    found = list(map(_BAND, results))
    by_id = dict(zip(map(id, found), found))
    for key, count in Counter(map(id, found)).items():
        band = by_id[key]
        if band is not None:
            bands[band.key] = bands.get(band.key, 0) + count
    every = list(chain.from_iterable(map(_COMPONENTS, results)))
    components = dict(zip(map(id, every), every))
    for key, count in Counter(map(id, every)).items():
        component = components[key]
        if component.readiness is not None:
            groups = readiness.setdefault(component.code, {})
            groups[component.readiness.key] = groups.get(component.readiness.key, 0) + count
    return bands, readiness


def _submitted(found: Mapping[str, tuple[_Round, AssessmentResult]],
               school_ids: set[str]) -> dict[str, tuple[_Round, AssessmentResult]]:
    return {
        school_id: pair for school_id, pair in found.items()
        if school_id in school_ids and not pair[0].is_draft
    }


_BAND = attrgetter("band")
_COMPONENTS = attrgetter("components")


def district_picture(
    workspace: Workspace,
    fiscal_year: int,
    round: int,
    *,
    area_office: str | None = None,
    province: str | None = None,
    level: str | None = None,
    selection: Selection | None = None,
) -> DistrictPicture:
    """The picture of ``fiscal_year`` (BE) round ``round`` over every school in the database that
    matches the filters (an area office's exact name, a province, "primary" or "secondary"; a
    school teaching both levels matches either). Reported = a *submitted* round of that year and
    round; with a ``selection`` (an inspection round's: use
    :func:`~qualityschool_desktop.inspection.picture.round_picture`), the submitted assessments it
    names instead, compared with its previous ones, and a school whose assessment the previous
    round named too is reported with ``carried_from`` set (module docstring). Raises
    :class:`ValidationError` (Thai message) for
    a bad year, round or level."""
    # The picture keeps ~8,000 objects and drops as many: the cyclic collector, left on, walked
    # them ~14 times per picture (~10 % of its time, issue 16). Paused while it is read; the one
    # pass it defers runs at the next allocations. Process-wide, but only ever deferred: a
    # collector paused elsewhere stays paused.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _district_picture(workspace, fiscal_year, round, area_office=area_office, province=province,
                                 level=level, selection=selection)
    finally:
        if paused:
            gc.enable()


def _district_picture(
    workspace: Workspace, fiscal_year: int, round: int, *, area_office: str | None, province: str | None,
    level: str | None, selection: Selection | None,
) -> DistrictPicture:
    if not 2500 <= fiscal_year <= 2700:
        raise ValidationError(BAD_YEAR.format(year=fiscal_year))
    if round < 1:
        raise ValidationError(BAD_ROUND)
    if level and level not in LEVEL_FILTERS:
        raise ValidationError(BAD_LEVEL.format(level=level))
    framework = workspace.frameworks.latest()
    schools = workspace.schools.list(area_office=area_office or None, province=province or None, level=level or None)
    ids = {school.id for school in schools}
    earlier: Mapping[str, tuple[Assessment | Brief, AssessmentResult]]  # the round before: its results
    if selection is not None:
        before = selection.previous_round
        # One reading for this round and its drafts; the round before, read briefly, gives only
        # its results (issue 16: a thousand whole records built and dropped).
        memo: dict[object, object] = {}  # the two readings share their results of equal sums
        found = scored_assessments(workspace, [*selection.current.values(), *selection.drafts.values()], memo=memo)
        current = _chosen_results(found, selection.current, ids, submitted=True)
        this_round = _chosen_results(found, selection.drafts, ids, submitted=False)
        earlier = _chosen_results(scored_briefly(workspace, selection.previous.values(), memo=memo),
                                  selection.previous, ids, submitted=True) if before else {}
    else:
        before = previous_round(workspace, fiscal_year, round)
        results = _round_results(workspace, [(fiscal_year, round), *([before] if before else [])])
        this_round = results[(fiscal_year, round)]
        current = _submitted(this_round, ids)
        earlier = _submitted(results[before], ids) if before else {}

    standings = []
    not_reported = []
    returned = _returned(workspace, [pair[0].id for pair in current.values()])
    # The assessment the round before reported, per school: the same one now is "carried".
    reported_before = selection.previous if selection is not None and before is not None else {}
    late_on = selection.late if selection is not None else {}
    for school in schools:
        pair = current.get(school.id)
        if pair is not None and pair[0].id in returned:
            assessment, result = pair  # returned by the office: not a result (tester)
            not_reported.append(NotReported(school, assessment, result.answered, result.total, state="returned"))
        elif pair is not None:
            assessment, result = pair
            previous = earlier.get(school.id)
            carried = before if reported_before.get(school.id) == assessment.id else None
            standings.append(SchoolStanding(school, assessment, result, _weakest(result),
                                            previous[1] if previous else None, carried))
        else:
            draft = this_round.get(school.id)
            late = late_on.get(school.id, "") if draft is None else ""
            not_reported.append(NotReported(
                school, draft[0] if draft else None,
                draft[1].answered if draft else 0, draft[1].total if draft else 0,
                state="late" if late else "", late_on=late,
            ))
    standings.sort(key=lambda s: (-(s.result.overall or 0.0), thai_key(s.school.name)))

    band_counts, readiness_counts = _counts(framework, (s.result for s in standings))
    by_band: dict[str, list[SchoolStanding]] = {band.key: [] for band in framework.colour_bands}
    for standing in standings:
        if standing.band_key is not None:
            by_band.setdefault(standing.band_key, []).append(standing)

    previous_counts = None
    if before is not None:
        bands_before, readiness_before = _counts(framework, (pair[1] for pair in earlier.values()))
        previous_counts = RoundCounts(before[0], before[1], bands_before, readiness_before,
                                      len(earlier), len(schools) - len(earlier))

    districts: dict[str, list[School]] = defaultdict(list)
    # Districts in Thai order, schools without one last; schools in Thai order within each.
    for school in sorted(schools, key=lambda s: (not s.district, thai_key(s.district), thai_key(s.name))):
        districts[school.district or NO_DISTRICT].append(school)

    return DistrictPicture(
        fiscal_year=fiscal_year, round=round, area_office=area_office or None, province=province or None,
        level=level or None, framework=framework, schools=tuple(schools), standings=tuple(standings),
        band_counts=band_counts, readiness_counts=readiness_counts, schools_by_band=by_band,
        not_reported=tuple(not_reported), previous=previous_counts,
        open_drafts=tuple(this_round[school.id][0] for school in schools  # in the schools' order
                          if school.id in this_round and this_round[school.id][0].is_draft),
        quality_schools_by_district=dict(districts), _filters=filters_available(workspace),
    )


def level_name(level: str) -> str:
    """The Thai name of a level filter value ("primary" -> "ประถมศึกษา")."""
    return LEVELS.get(level, level)
