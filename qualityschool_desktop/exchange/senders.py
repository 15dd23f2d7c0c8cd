"""Who sent a file, in words a district recognises (TEST31 T3): the school whose key signed it, or
the supervisor whose visits it carries; the computer's name only as a detail.

Every laptop's own name (``signing.own_name``) is the computer's host name unless someone set
another, and no window asks for it: "vm" on every laptop, so a district could not tell the school's
file from the supervisor's. The words here come from what the receiving laptop can check: the
schools the file's key is bound to here (or is bound to by this very file, on first use), else the
supervisors named on visits the file carries that were typed on the sending laptop.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterable

from ..review.office_keys import offices_of
from ..schools import offices_of_waiting_decisions
from ..thai import digits, office_name
from . import reading, waiting
from .records import travelling_columns
from .sender_names import OF, Sender, known_as  # who a key is here (exchange/editors.py uses it too)

if TYPE_CHECKING:
    import sqlite3

    from ..workspace import Workspace
    from .package import Package

def sender_of(workspace: "Workspace", package: "Package", binds: Iterable[tuple[str, str]] = (),
              claimed: Iterable[str] = ()) -> Sender:
    """Who sent ``package`` (:class:`Sender`): the schools its key (``package.fingerprint``) is
    bound to in ``workspace`` (or that a binding by its 8 groups waits for, ``waiting.py``) and ``binds`` ((code, name) of schools this file binds to that key on
    first use), in code order; else the supervisors (``visit_people`` on the visitor side, not
    deleted) the file carries that its exporting laptop typed, in the file's order, or the one the
    file's scope names; else the area offices the key is bound here as (``review.offices``), else
    ``claimed`` (the offices whose decisions in the file wait for that binding); ``machine`` the
    exporter's name in the manifest. Reads the file's
    ``visit_people`` member only when no school is found. Raises nothing beyond what reading a
    checked package raises."""
    exporter = package.manifest["exporter"]
    rows = workspace.db.execute(
        "SELECT DISTINCT school_id FROM school_signers WHERE fingerprint = ?", [package.fingerprint]).fetchall()
    ids = {str(row[0]) for row in rows}
    # A binding by the 8 groups that waits for this very key (TEST31b U9): a preview binds nothing,
    # yet the file is the school's as much as after the import binds it.
    for waiting_binding, _fingerprint in waiting.matching(workspace.db.conn, [package.fingerprint]):
        school_id = waiting.school_here(workspace.db.conn, waiting_binding.school_id)
        if school_id is not None:
            ids.add(school_id)
    found = {school.code: school.name for school in workspace.schools.by_ids(ids).values()}
    for code, name in binds:
        found.setdefault(code, name)
    schools = tuple(sorted(found.items()))
    visitors: tuple[str, ...] = ()
    if not schools:
        scope: dict[str, Any] = package.manifest.get("scope") or {}
        columns = travelling_columns(workspace.db)["visit_people"]
        visitors = _visitors_typed_by(package, str(exporter["installation_id"]), columns)
        if scope.get("kind") == "visitor" and str(scope.get("visitor", "")).strip():
            named = str(scope["visitor"]).strip()
            visitors = (named, *(name for name in visitors if name != named))
    bound = tuple(offices_of(workspace.db.conn, package.fingerprint)) if not (schools or visitors) else ()
    return Sender(schools=schools, visitors=visitors, machine=str(exporter["name"]), offices=bound,
                  claimed=tuple(claimed) if not bound else ())


def of_key(workspace: "Workspace", fingerprint: str, installation: str = "", machine: str = "") -> Sender:
    """Who the key ``fingerprint`` (of ``installation`` when known, the laptop that named itself
    ``machine``) is here, from what is stored (s32 A3: the pending changes' and signers' windows):
    :func:`known_as`, and when that knows nothing, the area offices whose review or budget
    decisions signed by the key wait here for its binding, said as a claim (s33: the school's
    signers window named the district's unbound key "vm"). Raises ``StorageError`` when the
    database cannot be read."""
    known = known_as(workspace.db.conn, fingerprint, installation, machine)
    if known.schools or known.visitors or known.offices:
        return known
    return replace(known, claimed=_claimed_here(workspace.db.conn, fingerprint))


def _claimed_here(conn: "sqlite3.Connection", fingerprint: str) -> tuple[str, ...]:
    """The area offices (Arabic digits, each once, in name order) of the schools whose review or
    budget decisions signed by ``fingerprint`` wait here (``pending_changes``)."""
    if not fingerprint:
        return ()
    return offices_of_waiting_decisions(conn, fingerprint)


class Named(str):
    """A signer named in a :class:`~..thai.Sentence` (an import's warning): " ของ<who>" as
    :meth:`Sender.words` says it, with a school's code in the reader's digits (:meth:`styled`),
    or "" when the key is known here by nothing but its computer's name."""

    __slots__ = ("sender",)
    sender: Sender

    def __new__(cls, sender: Sender) -> "Named":
        known = bool(sender.schools or sender.visitors or sender.offices)
        made = super().__new__(cls, OF.format(who=sender.words()) if known else "")
        made.sender = sender
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles of a warning keep the sender
        return Named, (self.sender,)

    def styled(self, style: str) -> str:
        """The same words, the codes in ``style``'s digits ("thai" or "arabic")."""
        return OF.format(who=self.sender.words(lambda text: digits(text, style))) if str(self) else ""


def _visitors_typed_by(package: "Package", installation_id: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    if "records/visit_people.jsonl" not in package.members:
        return ()
    names: list[str] = []
    for _number, row, _size in reading.rows(package, "visit_people", columns):
        name = " ".join(str(row.get("name", "")).split())
        if row.get("side") == "visitor" and not row.get("deleted") and row.get("modified_by") == installation_id \
                and name and name not in names:
            names.append(name)
    return tuple(names)


def own_sender(workspace: "Workspace") -> Sender:
    """Who this laptop is, for an export's file name (TEST31 T3): ``schools`` ((code, name), code
    order) the schools made here (``office_here.acts_as_office`` is False: no key learnt from a
    file is bound to them); ``visitors`` the supervisors typed here on visits (not deleted), most
    visits first; ``office`` the name a person gave this installation (``signing.configured_name``),
    else the office this laptop acts as (:func:`_office_acted`), else ""; ``machine`` ``signing.own_name``.
    Asks nobody and invents nothing. Raises ``StorageError`` when the database cannot be read."""
    from ..office_here import acts_as_office
    from . import signing

    every = workspace.schools.list()
    schools = tuple(sorted((school.code, school.name) for school in every
                           if not acts_as_office(workspace.db, school.id)))
    rows = workspace.db.execute(
        "SELECT trim(name), count(DISTINCT visit_id) AS visits FROM visit_people WHERE side = 'visitor'"
        " AND deleted = 0 AND modified_by = ? AND trim(name) <> '' GROUP BY trim(name)"
        " ORDER BY visits DESC, trim(name)", [workspace.installation_id]).fetchall()
    office = signing.configured_name() or _office_acted(workspace)
    return Sender(schools=schools, visitors=tuple(str(row[0]) for row in rows), machine=signing.own_name(),
                  office=office)


def _office_acted(workspace: "Workspace") -> str:
    """The office this laptop has acted as, or "": the office named on its latest review decision,
    else (it decided on budget requests, or is the demo, which plays a district office) the one area
    office all the schools here share. A laptop that only imported schools' files (a school's
    second laptop, a supervisor's) is no office (s32 A2: it signed as "สพป.… เขต 2")."""
    own = workspace.installation_id
    named = workspace.db.execute(
        "SELECT office_name FROM review_decisions WHERE decided_by = ? AND trim(office_name) <> ''"
        " ORDER BY decided_at DESC, seq DESC LIMIT 1", [own]).fetchone()
    if named:
        return office_name(str(named[0]).strip())
    acted = workspace.db.execute(
        "SELECT 1 FROM review_decisions WHERE decided_by = ? UNION ALL SELECT 1 FROM budget_decisions"
        " WHERE decided_by = ? UNION ALL SELECT 1 FROM installation WHERE key = 'demo' AND value = '1' LIMIT 1",
        [own, own]).fetchone()
    offices = workspace.schools.area_offices()
    return offices[0] if acted and len(offices) == 1 else ""
