"""What a piece of work changed, so that every screen showing it can re-read (Anki's ``OpChanges``).

A :class:`Changes` is a plain value: the core may return one, the window's operations helper
publishes it after the work succeeded, and each page asks it whether its own records are among
those changed. Kinds of record without ids (schools, follow-ups, …) are flags; assessments,
answers and visits are sets of ids, or ``True`` for "some, not known which" (an import).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Iterable, Union

from .records import Frozen

Ids = Union[frozenset[str], bool]

# Which kind of change a row of each table is: an import reports its counts by table.
TABLE_KINDS: dict[str, str] = {
    "schools": "schools",
    "assessments": "assessments",
    "answers": "answers",
    "attachments": "answers",
    "answer_history": "answers",
    "pending_edits": "answers",
    "visits": "visits",
    "visit_people": "visits",
    "visit_findings": "visits",
    "visit_attachments": "visits",
    "visit_events": "visits",
    "follow_ups": "follow_ups",
    "network_schools": "network_schools",
    "plans": "plans",
    "plan_goals": "plans",
    "plan_indicators": "plans",
    "plan_activities": "plans",
    "budget_requests": "budget",
    "budget_decisions": "budget",
    "review_decisions": "assessments",
    "assessment_events": "assessments",
    "comments": "comments",
    "contacts": "contacts",
    "projects": "projects",
    "signers": "signers",
    "school_signers": "signers",
    "pending_changes": "pending",
    "exchange_conflicts": "conflicts",
}
_ID_KINDS = ("assessments", "answers", "visits")


def _ids(value: object) -> Ids:
    if value is True:
        return True
    if not value:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value])
    return frozenset(str(item) for item in value)  # type: ignore[attr-defined]


@dataclass(init=False, repr=False, eq=False)  # a frozen record (records.py): made before "ready" (issue 16)
class Changes(Frozen):
    """What changed. ``assessments``/``answers``/``visits`` accept ids (any iterable, or one id)
    or ``True`` (some, not known which); ``everything`` stands for every kind (a restore, an
    import of unknown shape). An empty ``Changes()`` is false."""

    schools: bool = False
    assessments: Ids = frozenset()
    answers: Ids = frozenset()  # the ids of the assessments whose answers changed
    visits: Ids = frozenset()
    follow_ups: bool = False
    comments: bool = False  # comments on self-assessments or follow-ups (comments.py)
    network_schools: bool = False
    plans: bool = False  # a school's development plan (plans/)
    budget: bool = False  # budget requests and their approvals (issue 14)
    contacts: bool = False  # the contact log (issue 15, coverage/contacts.py)
    projects: bool = False  # a school's or an office's projects (issue 15, projects/)
    signers: bool = False
    pending: bool = False  # the exchange's changes waiting for a person (รอตรวจสอบ)
    conflicts: bool = False  # the exchange's conflicts kept for a person
    everything: bool = False

    def __init__(self, schools: bool = False, assessments: Ids = frozenset(), answers: Ids = frozenset(),
                 visits: Ids = frozenset(), follow_ups: bool = False, comments: bool = False,
                 network_schools: bool = False, plans: bool = False, budget: bool = False, contacts: bool = False,
                 projects: bool = False, signers: bool = False, pending: bool = False, conflicts: bool = False,
                 everything: bool = False) -> None:
        _set = object.__setattr__
        _set(self, "schools", schools)
        _set(self, "assessments", _ids(assessments))  # the ids as a frozenset, or True (_ID_KINDS)
        _set(self, "answers", _ids(answers))
        _set(self, "visits", _ids(visits))
        _set(self, "follow_ups", follow_ups)
        _set(self, "comments", comments)
        _set(self, "network_schools", network_schools)
        _set(self, "plans", plans)
        _set(self, "budget", budget)
        _set(self, "contacts", contacts)
        _set(self, "projects", projects)
        _set(self, "signers", signers)
        _set(self, "pending", pending)
        _set(self, "conflicts", conflicts)
        _set(self, "everything", everything)

    @classmethod
    def all(cls) -> "Changes":
        """Everything may have changed (a restored backup, another database opened): every page
        re-reads."""
        return cls(everything=True)

    @classmethod
    def from_tables(cls, tables: Iterable[str]) -> "Changes":
        """The changes that rows written to ``tables`` amount to (ids not known: ``True``).
        A table this module does not know stands for everything, so nothing is missed."""
        kinds: dict[str, bool] = {}
        for table in tables:
            kind = TABLE_KINDS.get(table)
            if kind is None:
                return cls.all()
            kinds[kind] = True
        return cls(**kinds)

    def __bool__(self) -> bool:
        return any(bool(getattr(self, field.name)) for field in fields(self))

    def __or__(self, other: "Changes") -> "Changes":
        merged: dict[str, object] = {}
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            if field.name in _ID_KINDS:
                merged[field.name] = True if mine is True or theirs is True else mine | theirs
            else:
                merged[field.name] = mine or theirs
        return Changes(**merged)  # type: ignore[arg-type]

    # -- questions a page asks ---------------------------------------------------------------
    def _kind(self, name: str) -> bool:
        return self.everything or bool(getattr(self, name))

    @property
    def any_schools(self) -> bool:
        """True when schools were added or changed (or everything may have changed)."""
        return self._kind("schools")

    @property
    def any_assessments(self) -> bool:
        """Rounds added or changed, or their answers (and so their scores)."""
        return self._kind("assessments") or self._kind("answers")

    @property
    def any_visits(self) -> bool:
        """True when any visit, its people, findings, attachments or events changed (or
        everything)."""
        return self._kind("visits")

    @property
    def any_follow_ups(self) -> bool:
        """True when follow-up actions changed (or everything)."""
        return self._kind("follow_ups")

    @property
    def any_comments(self) -> bool:
        """True when comments were added (or everything may have changed)."""
        return self._kind("comments")

    @property
    def any_network_schools(self) -> bool:
        """True when network schools changed (or everything)."""
        return self._kind("network_schools")

    @property
    def any_plans(self) -> bool:
        """True when a development plan, its goals, indicators or activities changed (or everything)."""
        return self._kind("plans")

    @property
    def any_budget(self) -> bool:
        """True when budget requests or the office's approvals of them changed (or everything)."""
        return self._kind("budget")

    @property
    def any_contacts(self) -> bool:
        """True when lines were added to the contact log (or everything may have changed)."""
        return self._kind("contacts")

    @property
    def any_projects(self) -> bool:
        """True when projects of a school or an office changed (or everything may have)."""
        return self._kind("projects")

    @property
    def any_signers(self) -> bool:
        """True when the known keys or the schools bound to them changed (or everything)."""
        return self._kind("signers")

    @property
    def any_pending(self) -> bool:
        """True when the exchange's changes waiting for a person (รอตรวจสอบ) came, went or were
        decided (or everything changed)."""
        return self._kind("pending")

    @property
    def any_conflicts(self) -> bool:
        """True when the exchange's conflicts kept for a person came or were settled (or
        everything changed)."""
        return self._kind("conflicts")

    def assessment(self, assessment_id: str) -> bool:
        """Whether this round (its record or its answers) may have changed: its id is named, some
        unknown rounds changed (``True``), or everything did."""
        return self.everything or any(
            ids is True or assessment_id in ids  # type: ignore[operator]
            for ids in (self.assessments, self.answers)
        )

    def visit(self, visit_id: str) -> bool:
        """Whether this visit (its record, people, findings, attachments or events) may have
        changed: its id is named in ``visits``, some unknown visits changed (``True``), or
        everything did. Its follow-ups are asked with :attr:`any_follow_ups`."""
        return self.everything or self.visits is True or visit_id in self.visits  # type: ignore[operator]
