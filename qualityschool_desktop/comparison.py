"""The school's own view beside the supervisor's: levels per item and component, and the gaps.

Pure functions over plain values. A gap is the supervisor's level minus the school's: negative
when the supervisor rates lower. Component scores are means, so a component counts as agreeing
when the two are less than half a level apart; items agree only on the same level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Protocol

from .framework import Framework, Item
from .scoring import AnswerLike

VERDICTS = {"lower": "ศึกษานิเทศก์ให้ต่ำกว่า", "higher": "ศึกษานิเทศก์ให้สูงกว่า"}
# "agree" in words, by what the rule means (TEST34C C9: the screen said "เห็นตรงกัน", the PDF
# "ใกล้เคียงหรือตรงกัน", for the same components): a component's means less than half a level
# apart are close; an item's levels are the same. The screen, the PDF and the Word copy use these.
AGREE_COMPONENT = "ใกล้เคียงกัน"
AGREE_ITEM = "ตรงกัน"
AGREE_WITHIN = 0.5


class FindingLike(Protocol):
    """Anything with the supervisor's ``level`` (a :class:`~qualityschool_desktop.visit_records.Finding`)."""

    @property
    def level(self) -> int | None:
        """The supervisor's level on the framework's scale, or None when not given."""
        ...


@dataclass(frozen=True)
class Gap:
    """The two views of one item or component: ``school`` and ``supervisor`` are a level (an
    item) or a mean level 1.00–5.00 (a component), None when not rated; ``title`` is the
    framework's Thai title."""

    code: str
    title: str
    school: float | None  # level (item) or mean level (component); None when not rated
    supervisor: float | None
    is_component: bool

    @property
    def gap(self) -> float | None:
        """The supervisor's level minus the school's, in levels (negative: the supervisor rates
        lower); None unless both rated it."""
        if self.school is None or self.supervisor is None:
            return None
        return self.supervisor - self.school

    @property
    def verdict(self) -> str | None:
        """``"agree"`` (the same level for an item; less than :data:`AGREE_WITHIN` apart for a
        component), ``"lower"`` or ``"higher"`` (the supervisor's view; Thai labels in
        :func:`verdict_text`), or None unless both rated it."""
        gap = self.gap
        if gap is None:
            return None
        limit = AGREE_WITHIN if self.is_component else 1
        if abs(gap) < limit - 1e-9:
            return "agree"
        return "lower" if gap < 0 else "higher"


@dataclass(frozen=True)
class Comparison:
    """The gaps of every component and every item, in the framework's order."""

    components: tuple[Gap, ...]
    items: tuple[Gap, ...]

    def biggest(self, count: int = 5) -> list[Gap]:
        """Where the two views differ most: largest gaps first (components before items on ties)."""
        differing = [g for g in (*self.components, *self.items) if g.verdict in ("lower", "higher")]
        return sorted(differing, key=lambda g: (-abs(g.gap or 0), not g.is_component, g.code))[:count]

    def counts(self) -> dict[str, int]:
        """How many items the supervisor rated lower, higher, or the same as the school."""
        found = {"lower": 0, "higher": 0, "agree": 0}
        for gap in self.items:
            if gap.verdict:
                found[gap.verdict] += 1
        return found


def verdict_text(gap: Gap) -> str:
    """The verdict of ``gap`` in Thai: :data:`AGREE_COMPONENT` or :data:`AGREE_ITEM` for an
    agreement (the rule differs), the supervisor's view from :data:`VERDICTS` otherwise, ``""``
    unless both rated it."""
    verdict = gap.verdict
    if verdict == "agree":
        return AGREE_COMPONENT if gap.is_component else AGREE_ITEM
    return VERDICTS.get(verdict or "", "")


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def compare(
    framework: Framework, answers: Mapping[str, AnswerLike], findings: Mapping[str, FindingLike]
) -> Comparison:
    """Compare the school's answers with the supervisor's findings (keyed by item or component code).

    The supervisor's component level is the one given for the component; failing that, the mean
    of the levels given for its items."""
    items: list[Gap] = []
    components: list[Gap] = []
    for component in framework.components:
        school_levels: list[int] = []
        supervisor_levels: list[int] = []
        for item in component.items:
            answer = answers.get(item.code)
            school = None if answer is None or answer.not_applicable else answer.level
            finding = findings.get(item.code)
            supervisor = finding.level if finding is not None else None
            if school is not None:
                school_levels.append(school)
            if supervisor is not None:
                supervisor_levels.append(supervisor)
            items.append(Gap(item.code, item.title, school, supervisor, False))
        own = findings.get(component.code)
        supervisor_score = (
            float(own.level) if own is not None and own.level is not None else _mean(supervisor_levels)
        )
        components.append(Gap(component.code, component.title, _mean(school_levels), supervisor_score, True))
    return Comparison(tuple(components), tuple(items))


def item_of(framework: Framework, gap: Gap) -> Item | None:
    """The framework's item a gap is about, None for a component's gap. Raises
    :class:`~qualityschool_desktop.errors.FrameworkError` for an item code ``framework`` lacks
    (a gap computed against another framework)."""
    return None if gap.is_component else framework.item(gap.code)
