"""What the program drafts for the office from the data, offered as suggestions (issue 13): the
candidate 6.3 rows from the period's final visits (per component, the points to develop and the
supervisors' recommendations, every one of them, the expected result left to the office) and the
candidate good practices (6.6) from the schools of the two best colour bands and what the
supervisors wrote as their strengths. A suggestion is printed only when the office accepts it
(:func:`accept_problem`, :func:`accept_practice` copy it into the office's own text, where it can
be edited); ignoring one changes nothing. No ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...inspection.office_texts import OfficeTextStore
from ...inspection.texts import ProblemText
from ...thai import DigitText
from .data import SummaryData
from .strings import COMPONENT_CELL, FOLLOW_UPS_LINE
from .wording import paragraphs, points, practice_lines

__all__ = ["Drafts", "accept_practice", "accept_problem", "drafts"]


@dataclass(frozen=True)
class Drafts:
    """The suggestions for one round: candidate 6.3 rows and candidate 6.6 lines, in the
    program's words, never printed as they are."""

    problems: tuple[ProblemText, ...]
    practices: tuple[str, ...]


def drafts(data: SummaryData, t: DigitText) -> Drafts:
    """The suggestions for ``data`` in ``t``'s digits: one candidate row per component the
    period's final visits wrote about (problem: the component and its points to develop, each
    with its number of schools; solution: the recommendations and the follow-ups agreed; expected:
    empty, the office's to write), and the good-practice lines of :func:`.wording.practice_lines`.
    Suggestions already in the office's text (accepted before) are left out. Raises nothing."""
    taken = {(row.problem, row.solution) for row in data.texts.problems}
    rows = []
    for notes in data.visit_notes:
        heading = t(COMPONENT_CELL, code=t(notes.code), title=notes.title)
        problem = "\n".join([heading, *points(notes.to_develop, t)])
        solution = points(notes.recommendations, t)
        total = sum(notes.follow_ups.values())
        if total:
            solution.append(t(FOLLOW_UPS_LINE, total=total, done=notes.follow_ups.get("done", 0)))
        row = ProblemText(problem, "\n".join(solution))
        if (row.problem, row.solution) not in taken:
            rows.append(row)
    written = set(paragraphs(data.texts.good_practices))
    return Drafts(tuple(rows), tuple(line for line in practice_lines(data, t) if line not in written))


def accept_problem(store: OfficeTextStore, fiscal_year: int, round: int, row: ProblemText) -> int:
    """Copy a suggested 6.3 row into the office's rows (at the end; the office may edit it
    there) and return its index. Raises as :meth:`OfficeTextStore.add_problem`."""
    return store.add_problem(fiscal_year, round, row)


def accept_practice(store: OfficeTextStore, fiscal_year: int, round: int, line: str) -> str:
    """Append a suggested good practice as a paragraph of the office's 6.6 and return the text
    as stored. Raises as :meth:`OfficeTextStore.set_text`."""
    current = store.texts(fiscal_year, round).good_practices
    stored = store.set_text(fiscal_year, round, "good_practices", "\n".join(p for p in (current, line) if p))
    store.end_own_bursts()
    return stored
