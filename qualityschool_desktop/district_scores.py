"""Round results for the district picture from SQL aggregates (issue 16).

A district or provincial database holds up to a few thousand schools, each with several rounds a
year: reading every answer row into Python and scoring it item by item cost most of the picture.
Here SQLite sums each assessment's answers per component (per framework and component one query
grouped by assessment over the answers of the component's items) and Python builds each round's
result from those few numbers (:func:`~.scoring.result_from_tallies`, the rule :func:`~.scoring.score_assessment` uses
too): an item marked "not applicable" counts as answered and leaves the score, an item without a
level or mark counts as neither, an item code the round's framework does not know is ignored, the
level sums are whole numbers (exact in SQL and in Python), and the division, the weighted overall
score and the bands are Python's. ``tests/test_district_sql.py`` holds the result equal to the
item-by-item scoring on the demo and on random data.

A result made here has no weakest *items* (``weakest`` is empty): the picture shows each school's
weakest *component*, never its items. Results are shared: equal sums give the very same result
object, kept per framework from one picture to the next (a pure function of the sums, so never
stale; the first picture of a process makes them).
"""

from __future__ import annotations

import json
import weakref
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, NamedTuple, TypeVar

from .assessments import Assessment
from .framework import Component, Framework
from .framework_items import codes_held
from .scoring import (AssessmentResult, ComponentResult, ComponentTally, component_result, result_from_components,
                      result_from_tallies)

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["Brief", "latest_scored", "scored_assessments", "scored_briefly", "scored_rounds"]

_ASSESSMENT_FIELDS = tuple(f.name for f in fields(Assessment))
_COLUMNS = ", ".join(f"a.{name}" for name in _ASSESSMENT_FIELDS)


# Packed sums (issue 16): each component's numbers in its own 12-bit slot of one SQL integer, so
# that ONE grouped query (one seek per assessment, rows in index order, no sorter) gives every
# component's tally: in one integer each answer with a level adds ``level + 2**L`` to its slot (the
# level sum in the slot's low L bits, the items scored above them), in another each answer marked
# "not applicable" adds 1 to its slot (an expression evaluated for those rows only: a second dense
# sum cost a third of the query); 5 components fill 60 of SQLite's 63 bits.
SLOT_BITS = 12
_SLOT_MASK = (1 << SLOT_BITS) - 1


# The private tuples named in a call, with types as objects: the class syntax's annotations are text here
# and typing compiles each one when the class is made, at import (issue 16: "ready").
_Plan = NamedTuple("_Plan", [
    ("offset", str),  # SQL: the bit offset of a row's slot
    ("every", list[str]),  # the framework's item codes, in order
    ("components", list[str]),  # the components' codes in slot order
    ("level_bits", int),  # L: a slot's low bits holding the sum of levels
])


def _packed_plan(framework: Framework, *, by_first_character: bool = True) -> _Plan | None:
    """For a framework whose components' item codes each fill a range of their own in SQLite's
    BINARY order (no code of another component between a component's least and greatest code,
    as 1.x.x ... 5.x.x do) and whose numbers fit a slot (the largest sum of levels and count of
    items of a component in 12 bits: 25 items of levels up to 5 do): the SQL expression of a
    row's slot (its bit offset: from the code's first character where each component has its
    own, consecutive ones, as "1" ... "5"; else a CASE of the ranges), the known codes in order,
    the components' codes in slot order and the bits of a slot's level sum; else None (one query
    per component)."""
    parts = [(component.code, sorted(item.code for item in component.items)) for component in framework.components]
    parts = [(code, codes) for code, codes in parts if codes]
    if not parts or len(parts) * SLOT_BITS > 62:
        return None
    most = max((level.value for level in framework.levels), default=0)
    largest = max(len(codes) for _, codes in parts)
    level_bits = (largest * most).bit_length()
    if most <= 0 or level_bits + largest.bit_length() > SLOT_BITS:
        return None
    # Python's str order of the codes is SQLite's BINARY order for the ASCII codes of a framework.
    if any(not code.isascii() for _, codes in parts for code in codes):
        return None
    every = sorted(code for _, codes in parts for code in codes)
    ordered = sorted(parts, key=lambda part: part[1][0])
    at = 0
    for _, codes in ordered:  # the framework's codes in order run component by component
        if every[at:at + len(codes)] != codes:
            return None
        at += len(codes)
    first = ord(ordered[0][1][0][0])
    if by_first_character and all(code[0] == chr(first + slot) for slot, (_, codes) in enumerate(ordered) for code in codes):
        offset = f"({SLOT_BITS} * (unicode(x.item_code) - {first}))"  # one call, no comparisons
    else:
        whens = " ".join(f"WHEN x.item_code <= '{codes[-1]}' THEN {SLOT_BITS * slot}"
                         for slot, (_, codes) in enumerate(ordered))
        offset = f"(CASE {whens} END)"
    return _Plan(offset, every, [code for code, _ in ordered], level_bits)


class _Slot(dict[int, ComponentResult]):
    """One component's results by its slot's bits (not applicable << 12 | scored << L | level
    sum): equal bits, equal tallies, the very same :class:`ComponentResult`, made on first sight."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[int], ComponentResult]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: int) -> ComponentResult:
        made = self[key] = self.make(key)
        return made


def _slots(framework: Framework, plan: _Plan) -> list[tuple[int, _Slot]]:
    """Per component of ``framework``, in its order (the overall score's sum runs in it): the bit
    offset of its slot and its results by the slot's bits; a component without items has no slot
    and never anything answered (offset 63: its bits are always 0)."""
    slot_of = {code: SLOT_BITS * slot for slot, code in enumerate(plan.components)}
    labels: dict[Any, Any] = {}  # score -> its level name and readiness group, read once
    level_mask = (1 << plan.level_bits) - 1

    def maker(component: Component) -> Callable[[int], ComponentResult]:
        total = len(component.items)

        def make(key: int) -> ComponentResult:
            scored = (key & _SLOT_MASK) >> plan.level_bits
            tally = ComponentTally(scored + (key >> SLOT_BITS), scored, key & level_mask)
            return component_result(framework, component, tally, total=total, labels=labels)
        return make

    return [(slot_of.get(component.code, 0) if component.items else 63, _Slot(maker(component)))
            for component in framework.components]


# What _packed_results keeps per framework object while it lives: its plan (None: not packed), its
# components' results by slot bits, the overall scores' labels, and the rounds' results by their two packed sums.
_Kept = NamedTuple("_Kept", [
    ("framework", weakref.ref[Framework]), ("plan", _Plan | None), ("slots", list[tuple[int, _Slot]]),
    ("memo", dict[Any, Any]), ("results", dict[tuple[int | None, int | None], AssessmentResult]),
])


# Per framework object (by id, checked against a weak reference): a component's result is a pure
# function of its slot's few bits, and a round's result of its two packed sums, so the results
# made for one picture serve the next ones, as thai_key's cache serves its names. Never stale:
# other answers make other sums. Issue 16: ~1,300 component results, ~300 labels and ~2,000
# round results were made afresh for every picture of a thousand schools, ~20 % of it; after a
# change only the changed rounds' sums are new. Bounded: past _KEPT_MOST results in all, made anew.
_KEPT: dict[int, _Kept] = {}
_KEPT_MOST = 50_000


def _kept(framework: Framework) -> _Kept:
    found = _KEPT.get(id(framework))
    if (found is not None and found.framework() is framework
            and len(found.results) + sum(len(slot) for _, slot in found.slots) < _KEPT_MOST):
        return found
    key = id(framework)
    plan = _packed_plan(framework)
    found = _KEPT[key] = _Kept(weakref.ref(framework, lambda _gone: _KEPT.pop(key, None)), plan,
                               _slots(framework, plan) if plan is not None else [], {}, {})
    return found


def _packed_results(conn: Any, framework: Framework, ids: list[str], results: dict[str, AssessmentResult]) -> bool:
    """The results of the assessments ``ids`` (of ``framework``) from one packed query into
    ``results``; False (nothing read) where the framework's codes do not allow it. Each result is
    made straight from the two packed integers: a component's result is looked up by its slot's
    bits (:class:`_Slot`), no tally per slot (issue 16: the tallies and the results made from
    them were ~40 % of the picture's Python), and kept for the next picture (:data:`_KEPT`)."""
    kept = _kept(framework)
    plan, slots, memo = kept.plan, kept.slots, kept.memo
    if plan is None:
        return False
    unanswered = result_from_components(framework, tuple(slot[0] for _, slot in slots), memo=memo)
    for assessment_id in ids:  # no answer row at all: no row from the query
        results[assessment_id] = unanswered
    # An item code the framework does not know stays out: the schema refuses one where the
    # database holds the framework's codes (migration 0031), so then every answer of these rounds
    # is the framework's and neither a range nor a filter is needed (the range alone cost ~5 % of
    # the query); else the range of its codes, and "+item_code IN" filters inside it (~25 %). The
    # answers' CHECK makes "level" and "not applicable" exclusive; a row with neither adds
    # nothing; the marks' sum skips every other row (FILTER: ~8 % of the query less than a sum
    # of iif()), NULL where none is marked.
    where, params = "", [json.dumps(ids)]
    if not codes_held(conn, framework):
        where = " AND x.item_code BETWEEN ?3 AND ?4 AND +x.item_code IN (SELECT value FROM json_each(?2))"
        params += [json.dumps(plan.every), plan.every[0], plan.every[-1]]
    rows = conn.execute(
        f"SELECT x.assessment_id, sum((x.level + {1 << plan.level_bits}) << {plan.offset}),"
        f" sum(1 << {plan.offset}) FILTER (WHERE x.not_applicable) FROM answers AS x"
        f" WHERE x.assessment_id IN (SELECT value FROM json_each(?1)){where} GROUP BY x.assessment_id", params)
    mask = _SLOT_MASK
    made = kept.results
    for assessment_id, levels, marks in rows:
        result = made.get((levels, marks))
        if result is None:
            # NULL: no level at all (63: a shift past every slot), nothing marked "not applicable"
            level_bits, mark_bits = levels or 0, marks or 0
            result = made[(levels, marks)] = result_from_components(framework, tuple([
                slot[((mark_bits >> shift) & mask) << SLOT_BITS | ((level_bits >> shift) & mask)]
                for shift, slot in slots
            ]), memo=memo)
        results[assessment_id] = result
    return True


def _component_tallies(conn: Any, framework: Framework, ids: list[str],
                       tallies: dict[str, dict[str, ComponentTally]]) -> None:
    """The components' tallies of the assessments ``ids`` (of ``framework``), one grouped query
    per component, into ``tallies``: any framework (its codes in any order)."""
    jids = json.dumps(ids)
    for component in framework.components:
        codes = [item.code for item in component.items]
        if not codes:
            continue
        # The range of the component's codes (BINARY order: Python's min and max of str) reads
        # each assessment's entries of the covering index answers_scores (0028) from one seek;
        # "+" keeps the list a filter inside that range (a seek per item cost 1.5x as much).
        for assessment_id, answered, scored, level_sum in conn.execute(
            "SELECT x.assessment_id, count(x.level) + sum(x.not_applicable), count(x.level),"
            " coalesce(sum(x.level), 0) FROM answers AS x"
            " WHERE x.assessment_id IN (SELECT value FROM json_each(?1))"
            " AND x.item_code BETWEEN ?3 AND ?4"
            " AND +x.item_code IN (SELECT value FROM json_each(?2)) GROUP BY x.assessment_id",
            [jids, json.dumps(codes), min(codes), max(codes)],
        ):
            tallies[assessment_id][component.code] = ComponentTally(answered, scored, level_sum)


class Brief(NamedTuple):
    """What a picture needs of a round it only compares with (the round before): a fifth of an
    :class:`~.assessments.Assessment`'s columns, a tuple rather than a frozen dataclass (issue 16:
    a thousand of them were read for ~5 % of the picture)."""

    id: str
    school_id: str
    framework_id: str
    framework_version: str
    status: str

    @property
    def is_draft(self) -> bool:
        """True while the round may be changed (not submitted)."""
        return self.status == "draft"


_Round = TypeVar("_Round", Assessment, Brief)
_BRIEF_COLUMNS = ", ".join(f"a.{name}" for name in Brief._fields)


def _scored(workspace: Workspace, where: str, params: list[Any], *, brief: bool = False,
            memo: dict[Any, Any] | None = None) -> dict[str, tuple[Any, AssessmentResult]]:
    """Assessment id -> (assessment, or :class:`Brief` where ``brief``, result) of the
    assessments ``where`` selects (a condition on ``assessments AS a``): one query for the
    assessments, then per framework in use one grouped query over the covering index on
    (assessment, item, level, not applicable), migration 0028, with each component's sums packed
    in slots of one integer (:func:`_packed_results`; one query per component where a
    framework's codes do not allow it): no table row, no sorter, no answer row in Python (a join
    with an item map or a 74-way CASE cost 2-4 times as much)."""
    conn = workspace.db.conn
    make: Callable[..., Any] = Brief if brief else Assessment
    assessments: dict[str, Any] = {}
    for row in conn.execute(f"SELECT {_BRIEF_COLUMNS if brief else _COLUMNS} FROM assessments AS a WHERE {where}",
                            params):
        assessments[row[0]] = make(*row)
    if not assessments:
        return {}
    frameworks: dict[tuple[str, str], Framework] = {}
    ids_of: dict[tuple[str, str], list[str]] = {}
    for assessment in assessments.values():
        key = (assessment.framework_id, assessment.framework_version)
        if key not in frameworks:  # a round of a framework this app lacks raises, as framework_of does
            frameworks[key] = workspace.frameworks.get(*key)
            ids_of[key] = []
        ids_of[key].append(assessment.id)
    results: dict[str, AssessmentResult] = {}
    made: dict[Any, Any] = {} if memo is None else memo  # equal tallies, equal results: made once
    for key, framework in frameworks.items():
        if not _packed_results(conn, framework, ids_of[key], results):
            tallies: dict[str, dict[str, ComponentTally]] = {assessment_id: {} for assessment_id in ids_of[key]}
            _component_tallies(conn, framework, ids_of[key], tallies)
            for assessment_id, found in tallies.items():
                results[assessment_id] = result_from_tallies(framework, found, memo=made)
    return {assessment_id: (assessment, results[assessment_id]) for assessment_id, assessment in assessments.items()}


def scored_briefly(workspace: Workspace, assessment_ids: Iterable[str], *,
                   memo: dict[Any, Any] | None = None) -> dict[str, tuple[Brief, AssessmentResult]]:
    """:func:`scored_assessments` with a :class:`Brief` of each assessment instead of the whole
    record (the round a picture compares with). Raises as it does."""
    ids = list(dict.fromkeys(assessment_ids))
    if not ids:
        return {}
    return _scored(workspace, "a.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)], brief=True, memo=memo)


def scored_assessments(workspace: Workspace, assessment_ids: Iterable[str], *,
                       memo: dict[Any, Any] | None = None) -> dict[str, tuple[Assessment, AssessmentResult]]:
    """Assessment id -> (assessment, its result) for each of ``assessment_ids`` found here (ids
    not found are left out). The result's numbers equal
    :func:`~.scoring.score_assessment`'s over the same answers; its ``weakest`` items are empty.
    ``memo``: a dict the caller keeps across the readings of one picture (its frameworks alive
    meanwhile), where equal sums give the very same results (the packed sums' results are kept
    per framework across pictures anyway, by those sums: never stale). Raises
    :class:`~.errors.FrameworkError` for a round judged against a framework this version of the
    app does not have."""
    ids = list(dict.fromkeys(assessment_ids))
    if not ids:
        return {}
    return _scored(workspace, "a.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)], memo=memo)


def scored_rounds(
    workspace: Workspace, rounds: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], dict[str, tuple[Assessment, AssessmentResult]]]:
    """(fiscal year BE, round) -> school id -> (assessment, result) for every assessment of each
    of ``rounds`` (drafts included), as :func:`scored_assessments` scores them. Raises as it does."""
    wanted = list(dict.fromkeys(rounds))
    found: dict[tuple[int, int], dict[str, tuple[Assessment, AssessmentResult]]] = {pair: {} for pair in wanted}
    if not wanted:
        return found
    where = " OR ".join("(a.fiscal_year = ? AND a.round = ?)" for _ in wanted)
    params = [value for pair in wanted for value in pair]
    for assessment, result in _scored(workspace, f"({where})", params).values():
        found[(assessment.fiscal_year, assessment.round)][assessment.school_id] = (assessment, result)
    return found


def latest_scored(workspace: Workspace) -> dict[str, tuple[Assessment, AssessmentResult]]:
    """Every school's newest round (by fiscal year, then round; drafts included) and its result,
    as :meth:`~.assessments.Assessments.latest_by_school` gives them but summed in SQL (the school
    list at start-up: no answer row read into Python, issue 16): school id -> (assessment,
    result); schools without rounds have no key; the results' ``weakest`` items are empty. Raises
    as :func:`scored_assessments` does."""
    return by_school(_scored(
        workspace, "NOT EXISTS (SELECT 1 FROM assessments AS b WHERE b.school_id = a.school_id"
        " AND (b.fiscal_year > a.fiscal_year OR (b.fiscal_year = a.fiscal_year AND b.round > a.round)))", []))


def by_school(found: Mapping[str, tuple[_Round, AssessmentResult]]) -> dict[str, tuple[_Round, AssessmentResult]]:
    """School id -> (assessment or :class:`Brief`, result) of ``found`` (assessment id -> the pair)."""
    return {assessment.school_id: (assessment, result) for assessment, result in found.values()}
