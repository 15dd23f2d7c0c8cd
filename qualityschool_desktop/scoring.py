"""Scores, colour bands and readiness groups, computed from a framework and a set of answers.

Pure functions over plain values: nothing here touches the database. A score is the mean level
(for the standard scale 1.00–5.00) over the items answered; items answered "not applicable" leave
the score; unanswered items leave it too but keep the result marked incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple, Protocol, Sequence

from .framework import Band, Component, Framework
from .records import Frozen

if TYPE_CHECKING:
    from .weakest import WeakItem


class AnswerLike(Protocol):
    """Anything scored like an answer (an :class:`~qualityschool_desktop.answers.Answer`, a demo's
    or a test's stand-in)."""

    @property
    def level(self) -> int | None:
        """The chosen level on the item's scale, or None."""
        ...

    @property
    def not_applicable(self) -> bool:
        """True when the item is marked "not applicable" (it then leaves the score)."""
        ...


@dataclass(init=False, repr=False, eq=False)  # a frozen record (records.py): read before "ready" (issue 16)
class ComponentResult(Frozen):
    """One component's result: its mean level (1.00–5.00 on the standard scale), that score read
    as a level name, its readiness group (seed 000) and how many of its ``total`` items are
    answered (a level or "not applicable") and scored (a level)."""

    __slots__ = ("code", "title", "score", "level_label", "readiness", "answered", "scored", "total")

    code: str
    title: str
    score: float | None  # mean level; None when no item of it is answered
    level_label: str  # the score read as a level (ยอดเยี่ยม …), "" when no score
    readiness: Band | None
    answered: int  # items with a level or marked not applicable
    scored: int  # items with a level
    total: int

    def __init__(self, code: str, title: str, score: float | None, level_label: str, readiness: Band | None,
                 answered: int, scored: int, total: int) -> None:
        _set = object.__setattr__
        _set(self, "code", code)
        _set(self, "title", title)
        _set(self, "score", score)
        _set(self, "level_label", level_label)
        _set(self, "readiness", readiness)
        _set(self, "answered", answered)
        _set(self, "scored", scored)
        _set(self, "total", total)


@dataclass(init=False, repr=False, eq=False)  # a frozen record (records.py): read before "ready" (issue 16)
class AssessmentResult(Frozen):
    """A round's result: per component, the ``overall`` weighted mean of the component scores
    (1.00–5.00; None when nothing is scored) read as a level name, the colour band it reaches (ม่วง
    … แดง, seed 001), items answered of ``total``, and the weakest items (lowest first)."""

    __slots__ = ("framework", "components", "overall", "overall_label", "band", "answered", "total", "weakest")

    framework: Framework
    components: tuple[ComponentResult, ...]
    overall: float | None
    overall_label: str
    band: Band | None
    answered: int
    total: int
    weakest: tuple[WeakItem, ...]

    def __init__(self, framework: Framework, components: tuple[ComponentResult, ...], overall: float | None,
                 overall_label: str, band: Band | None, answered: int, total: int,
                 weakest: tuple[WeakItem, ...]) -> None:
        _set = object.__setattr__
        _set(self, "framework", framework)
        _set(self, "components", components)
        _set(self, "overall", overall)
        _set(self, "overall_label", overall_label)
        _set(self, "band", band)
        _set(self, "answered", answered)
        _set(self, "total", total)
        _set(self, "weakest", weakest)

    @property
    def complete(self) -> bool:
        """True when every item has a level or is marked "not applicable"."""
        return self.answered == self.total

    @property
    def percent_done(self) -> float:
        """The share of items answered, in percent (0.0–100.0; 0.0 for a framework without items)."""
        return 100.0 * self.answered / self.total if self.total else 0.0

    def component(self, code: str) -> ComponentResult:
        """The result of the component with ``code`` (``"1"`` … ``"5"``); raises ``KeyError`` when
        the framework has no such component."""
        for result in self.components:
            if result.code == code:
                return result
        raise KeyError(code)


def classify(score: float | None, thresholds: Sequence[Band]) -> Band | None:
    """The first (best) band whose ``min`` the score reaches; ``thresholds`` are best first (a
    framework's colour bands, readiness groups or score levels). None for no score, no thresholds,
    or a score below every ``min`` (a framework file's last band has ``min`` 0, FORMAT.md, so every
    score of a real framework reaches one). The score is compared as shown, rounded to two
    decimals. Raises nothing."""
    if score is None:
        return None
    # Scores are shown to two decimals; classify on the same rounded value a reader sees,
    # so 3.995 shown as "4.00" is never placed below the 4.00 line.
    shown = round(score + 1e-9, 2)
    for band in thresholds:
        if shown >= band.min:
            return band
    return None


def level_label(score: float | None, framework: Framework) -> str:
    """The score (a mean level) read as a level name of the framework's ``score_levels``
    (ยอดเยี่ยม …), ``""`` for no score."""
    band = classify(score, framework.score_levels)
    return band.name if band else ""


class ScaleGap(NamedTuple):
    """Scores from ``low`` to ``high`` (two places) that read as the level word ``level`` while still
    in the readiness group ``group``; the group ``next_group`` begins at ``next_min``."""

    low: float
    high: float
    level: str
    group: str
    next_group: str
    next_min: float


def scale_gaps(framework: Framework) -> tuple[ScaleGap, ...]:
    """Where the level words and the readiness groups part (TEST32b B15): for each group's lower
    line that falls inside a level word's range, the scores below it that already read as that word
    ("ดี" from 2.50, "ต้องเร่งพัฒนา" below 3.00 by the defaults). Both scales are data, each right by
    its own source; the results page prints these so one score never reads as a contradiction."""
    gaps: list[ScaleGap] = []
    groups = sorted(framework.readiness_groups, key=lambda band: band.min)
    for below, group in zip(groups, groups[1:]):
        just_below = round(group.min - 0.01, 2)
        word = classify(just_below, framework.score_levels)
        if word is None or word.min >= group.min or word.min < below.min:
            continue
        at_line = classify(group.min, framework.score_levels)
        if at_line is None or at_line.name != word.name:
            continue  # the line is also a level word's line: the scales agree there
        gaps.append(ScaleGap(word.min, just_below, word.name, below.name, group.name, group.min))
    return tuple(gaps)


class ComponentTally(NamedTuple):
    """What a component's result is made from: ``answered`` items (a level or "not applicable"),
    ``scored`` items (a level) and ``level_sum``, the sum of those levels (whole levels, so the
    sum is exact whether Python or SQL adds them). A named tuple: the district picture makes
    thousands and keys its memo by them (a frozen dataclass's hash and equality, in Python, were
    a third of the picture's time, issue 16)."""

    answered: int = 0
    scored: int = 0
    level_sum: int = 0


def result_from_tallies(
    framework: Framework, tallies: Mapping[str, ComponentTally], *, weakest: tuple[WeakItem, ...] = (),
    memo: dict[Any, Any] | None = None,
) -> AssessmentResult:
    """The result of a round from its components' tallies (component code -> tally; a component
    missing from ``tallies`` has nothing answered): a component's score is ``level_sum / scored``,
    the overall score the mean of the component scores weighted by the framework's weights
    (components without a score left out), bands and groups by :func:`classify`. ``weakest`` is
    passed through (the district picture, which sums levels in SQL, has no items to pass). The
    one rule both :func:`score_assessment` and the district picture's SQL sums
    (:mod:`.district_scores`) go through. ``memo``: a dict the caller keeps for one batch of
    results of frameworks alive meanwhile, where equal tallies give the very same component
    results and equal scores the same labels (a thousand schools share most of them). Raises
    nothing."""
    components: list[ComponentResult] = []
    empty = ComponentTally()
    marker = id(framework)
    for component in framework.components:
        tally = tallies.get(component.code, empty)
        key = (marker, component.code, tally)
        made = memo.get(key) if memo is not None else None
        if made is None:
            made = component_result(framework, component, tally)
            if memo is not None:
                memo[key] = made
        components.append(made)
    return result_from_components(framework, tuple(components), weakest=weakest, memo=memo)


def component_result(
    framework: Framework, component: Component, tally: ComponentTally, *, total: int | None = None,
    labels: dict[float | None, tuple[str, Band | None]] | None = None,
) -> ComponentResult:
    """The result of ``component`` (of ``framework``) from its tally: the score ``level_sum /
    scored`` (None when nothing is scored), its level name and readiness group. ``total``: the
    component's number of items where the caller counted it; ``labels``: a dict the caller keeps
    for one framework, score -> (level name, readiness group), so that equal scores are read once.
    Raises nothing."""
    score = tally.level_sum / tally.scored if tally.scored else None
    named = labels.get(score) if labels is not None else None
    if named is None:
        named = (level_label(score, framework), classify(score, framework.readiness_groups))
        if labels is not None:
            labels[score] = named
    return ComponentResult(
        code=component.code,
        title=component.title,
        score=score,
        level_label=named[0],
        readiness=named[1],
        answered=tally.answered,
        scored=tally.scored,
        total=len(component.items) if total is None else total,
    )


def result_from_components(
    framework: Framework, components: tuple[ComponentResult, ...], *, weakest: tuple[WeakItem, ...] = (),
    memo: dict[Any, Any] | None = None,
) -> AssessmentResult:
    """The result of a round from its ``components``' results, one per component of ``framework``
    in its order: the overall score the mean of the component scores weighted by the framework's
    weights (components without a score left out), its level name and colour band (``memo`` as
    :func:`result_from_tallies`' keeps them per overall score). Raises nothing."""
    weighted_sum = 0.0
    weight_total = 0.0
    answered_all = 0
    total_all = 0
    for component, made in zip(framework.components, components):
        score = made.score  # each attribute read once: the district picture makes thousands (issue 16)
        if score is not None:
            weight = component.weight
            weighted_sum += score * weight
            weight_total += weight
        answered_all += made.answered
        total_all += made.total
    overall = weighted_sum / weight_total if weight_total else None
    # Keyed by the score as shown (what classify compares): ~100 keys for a thousand schools.
    overall_key = (id(framework), None if overall is None else round(overall + 1e-9, 2))
    labels = memo.get(overall_key) if memo is not None else None
    if labels is None:
        labels = (level_label(overall, framework), classify(overall, framework.colour_bands))
        if memo is not None:
            memo[overall_key] = labels
    # framework, components, overall, overall_label, band, answered, total, weakest (by position: cheaper)
    return AssessmentResult(framework, components, overall, labels[0], labels[1], answered_all, total_all, weakest)


def score_assessment(
    framework: Framework, answers: Mapping[str, AnswerLike], *, weakest_count: int = 5
) -> AssessmentResult:
    """Score every component and the whole assessment.

    ``answers`` maps item codes to anything with ``level`` and ``not_applicable``; codes the
    framework does not know are ignored. A component's score is the mean level of its items with
    a level; the overall score the mean of the component scores weighted by the framework's
    weights (components without a score left out); bands and groups by :func:`classify`
    (through :func:`result_from_tallies`). The weakest are up to ``weakest_count`` items below
    the top level, lowest first. This item-by-item count is the reference the district
    picture's SQL sums are tested against. Raises nothing.
    """
    from .weakest import WeakItem  # made when a round is scored item by item: not for the list (issue 16)

    tallies: dict[str, ComponentTally] = {}
    scored_items: list[WeakItem] = []
    for component in framework.components:
        level_sum = 0
        scored = 0
        answered = 0
        for item in component.items:
            answer = answers.get(item.code)
            if answer is None:
                continue
            if answer.not_applicable:
                answered += 1
            elif answer.level is not None:
                answered += 1
                scored += 1
                level_sum += answer.level
                scored_items.append(WeakItem(item, answer.level))
        tallies[component.code] = ComponentTally(answered, scored, level_sum)
    # Weakest: items below the top level, lowest first, then in framework order (a stable sort).
    top = framework.max_level  # once, not once per item
    below_top = [weak for weak in scored_items if weak.level < top]
    weakest = tuple(sorted(below_top, key=lambda weak: weak.level)[:weakest_count])
    return result_from_tallies(framework, tallies, weakest=weakest)
