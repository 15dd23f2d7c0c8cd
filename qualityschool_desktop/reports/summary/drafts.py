"""What the program drafts for the office from the data, offered as suggestions (issue 13): the
candidate 6.3 rows from the period's final visits (one per point to develop, with the
recommendations written with it, every one of them once; the expected result left to the office) and the
candidate good practices (6.6) from the schools of the two best colour bands and what the
supervisors wrote as their strengths. A suggestion is printed only when the office accepts it
(:func:`accept_problem`, :func:`accept_practice` copy it into the office's own text, where it can
be edited); ignoring one changes nothing. No ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ...inspection.office_texts import OfficeTextStore
from ...inspection.texts import ProblemText
from ...thai import DigitText, arabic_digits, short_title
from .data import SummaryData
from .strings import ADVICE_WITHOUT_POINT, COUNT_SCHOOLS
from .wording import paragraphs, practice_lines

__all__ = ["Drafts", "accept_practice", "accept_problem", "distinct", "drafts"]


@dataclass(frozen=True)
class Drafts:
    """The suggestions for one round: candidate 6.3 rows and candidate 6.6 lines, in the
    program's words, never printed as they are."""

    problems: tuple[ProblemText, ...]
    practices: tuple[str, ...]


def distinct(texts: Sequence[str]) -> list[str]:
    """``texts`` each once, and a text that only strings together others of the list (a box
    where a supervisor wrote two recommendations at once) left out; what such a text adds beyond
    the others is kept as its own line. In the order first written. Raises nothing."""
    order = list(dict.fromkeys(" ".join(text.split()) for text in texts if text.strip()))
    lines = order
    for _pass in range(len(order) + 1):  # until no line holds another (a part found later may split one)
        kept: list[str] = []
        for text in sorted(lines, key=len):
            rest = text
            for shorter in sorted(kept, key=len, reverse=True):
                rest = rest.replace(shorter, " ")
            rest = " ".join(rest.split())
            if rest and rest not in kept:
                kept.append(rest)
        if set(kept) == set(lines):
            break
        lines = kept
    return sorted(lines, key=lambda line: min(i for i, whole in enumerate(order) if line in whole))


def drafts(data: SummaryData, t: DigitText) -> Drafts:
    """The suggestions for ``data`` in ``t``'s digits: one candidate 6.3 row per point to develop
    the period's final visits wrote (problem: the point with its number of schools; solution: the
    recommendations written with it, each once; expected: empty, the office's to write), then per
    component one row of the recommendations written without a point (problem: the component, saying
    the visits named no point),
    and the good-practice lines of :func:`.wording.practice_lines`. Suggestions already in the
    office's text (accepted before, in either digit style) are left out. Raises nothing."""
    taken = {_key(row) for row in data.texts.problems}
    rows = []
    for notes in data.visit_notes:
        counts = {" ".join(point.text.split()): point.schools for point in notes.to_develop}
        problems = distinct([point.text for point in notes.to_develop])
        used: set[str] = set()
        for problem in problems:
            written = [advice for point, texts in notes.advice_for.items() if problem in " ".join(point.split())
                       for advice in texts]
            solution = distinct(written)
            used.update(solution)
            count = counts.get(problem, 0)
            rows.append(ProblemText(t(COUNT_SCHOOLS, text=problem, count=count) if count > 1 else problem,
                                    "\n".join(solution)))
        rest = [line for line in distinct([point.text for point in notes.recommendations]) if line not in used]
        if rest:
            rows.append(ProblemText(t(ADVICE_WITHOUT_POINT, code=t(notes.code), title=short_title(notes.title)),
                                    "\n".join(rest)))
    written_practices = {arabic_digits(line) for line in paragraphs(data.texts.good_practices)}
    return Drafts(tuple(row for row in rows if _key(row) not in taken),
                  tuple(line for line in practice_lines(data, t) if arabic_digits(line) not in written_practices))


def _key(row: ProblemText) -> tuple[str, str]:
    """A 6.3 row whatever its digits: a suggestion accepted under Thai digits is the same one
    offered under Arabic (TEST26a F1)."""
    return arabic_digits(row.problem), arabic_digits(row.solution)


def accept_problem(store: OfficeTextStore, fiscal_year: int, round: int, row: ProblemText, *,
                   area_office: str = "") -> int:
    """Copy a suggested 6.3 row into the office's rows (of ``area_office``'s part when given; at
    the end; the office may edit it there) and return its index. Raises as
    :meth:`OfficeTextStore.add_problem`."""
    return store.add_problem(fiscal_year, round, row, area_office=area_office)


def accept_practice(store: OfficeTextStore, fiscal_year: int, round: int, line: str, *,
                    area_office: str = "") -> str:
    """Append a suggested good practice as a paragraph of the office's 6.6 (of ``area_office``'s
    part when given) and return the text as stored. Raises as :meth:`OfficeTextStore.set_text`."""
    current = store.texts(fiscal_year, round, area_office=area_office).good_practices
    stored = store.set_text(fiscal_year, round, "good_practices", "\n".join(p for p in (current, line) if p),
                            area_office=area_office)
    store.end_own_bursts()
    return stored
