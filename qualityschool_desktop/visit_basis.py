"""Which of the school's self-assessment results a visit compares with (TEST34C C11).

A draft visit compares with the reviewed round's current answers. A confirmed (signed) visit
compares with the answers as they stood when it was last confirmed: the school may reopen and
resubmit its round after the visit, and the record both sides signed must not change by itself.
Those answers are rebuilt from the append-only ``answer_history`` (every change of a level or of
"not applicable" leaves a row there at once, with the school's stamp, and the rows travel with the
answers). When the history does not end at the answers stored now (a round from a file that did
not carry every row), it cannot be trusted for the past: the current answers are compared then,
and :attr:`Basis.rebuilt` says so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Mapping

from .answers import Answer, HistoryEntry
from .clock import iso, parse_iso, today
from .visit_records import Visit
from .workspace import Workspace

__all__ = ["Basis", "basis_of", "day_of"]

_COMPARED = ("level", "not_applicable")


@dataclass(frozen=True)
class Basis:
    """The school's answers a visit compares with.

    ``answers`` are those compared (item code → answer); ``current`` the round's answers now;
    ``as_of`` the UTC stamp they stand at (None: now, a draft visit or no round); ``rebuilt`` False
    when a confirmed visit had to fall back on the current answers (history incomplete);
    ``changed_since`` True when the school's levels now differ from the compared ones (or, not
    rebuilt, when an answer was changed after ``as_of``); ``last_change`` the stamp of the latest
    such change (None when none)."""

    answers: Mapping[str, Answer]
    current: Mapping[str, Answer]
    as_of: str | None
    rebuilt: bool
    changed_since: bool
    last_change: str | None


def _end_of_day(day: str) -> str:
    """The UTC stamp of the end of a local calendar day (``visited_on``)."""
    return iso(datetime.combine(date.fromisoformat(day) + timedelta(days=1), time()).astimezone())


def confirmed_at(workspace: Workspace, visit: Visit) -> str | None:
    """When a final visit was last confirmed (its latest ``finalised`` event), else the end of its
    visit day; None for a draft."""
    if not visit.is_final:
        return None
    stamps = [event.happened_at for event in workspace.visits.events(visit.id) if event.event == "finalised"]
    return stamps[-1] if stamps else _end_of_day(visit.visited_on)


def day_of(stamp: str | None) -> date:
    """The local calendar day of a UTC stamp (today for None: the current results)."""
    return today() if stamp is None else parse_iso(stamp).astimezone().date()


def _value(field: str, text: str | None) -> object:
    if field == "level":
        return None if text in (None, "") else int(text)
    return text == "1"


def basis_of(workspace: Workspace, visit: Visit) -> Basis:
    """The answers ``visit`` compares with (see the module). Raises nothing for a visit of no round."""
    current = workspace.answers.for_assessment(visit.assessment_id) if visit.assessment_id else {}
    as_of = confirmed_at(workspace, visit) if visit.assessment_id else None
    if as_of is None:
        return Basis(current, current, None, True, False, None)
    rows: dict[tuple[str, str], list[HistoryEntry]] = {}
    for entry in workspace.answers.history(visit.assessment_id or ""):
        if entry.field in _COMPARED:
            rows.setdefault((entry.item_code, entry.field), []).append(entry)
    later = [e.changed_at for entries in rows.values() for e in entries if e.changed_at > as_of]
    last_change = max(later) if later else None
    # The history must end where the stored answers are, or it cannot say what they were.
    for (code, field), entries in rows.items():
        answer = current.get(code)
        now = getattr(answer, field) if answer is not None else (None if field == "level" else False)
        if _value(field, entries[-1].new_value) != now:
            touched = [a.modified_at for a in current.values() if a.modified_at > as_of]
            stamp = max(touched) if touched else None
            return Basis(current, current, as_of, False, stamp is not None, stamp)
    then: dict[str, Answer] = {}
    for code, answer in current.items():
        values: dict[str, object] = {}
        for field in _COMPARED:
            entries = rows.get((code, field), [])
            before = [e for e in entries if e.changed_at <= as_of]
            if before:
                values[field] = _value(field, before[-1].new_value)
            elif entries:
                values[field] = _value(field, entries[0].old_value)
        then[code] = replace(answer, **values)  # type: ignore[arg-type]
    changed = any(
        (then[code].level, then[code].not_applicable) != (answer.level, answer.not_applicable)
        for code, answer in current.items()
    )
    return Basis(then, current, as_of, True, changed, last_change if changed else None)
