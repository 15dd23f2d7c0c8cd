"""Who sent a file, in words a district recognises (TEST31 T3): the school whose key signed it, or
the supervisor whose visits it carries; the computer's name only as a detail.

Every laptop's own name (``signing.own_name``) is the computer's host name unless someone set
another, and no window asks for it: "vm" on every laptop, so a district could not tell the school's
file from the supervisor's. The words here come from what the receiving laptop can check: the
schools the file's key is bound to here (or is bound to by this very file, on first use), else the
supervisors named on visits the file carries that were typed on the sending laptop.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..review.office_keys import offices_of
from ..thai import digits, office_name
from . import reading, waiting
from .records import travelling_columns

if TYPE_CHECKING:
    import sqlite3

    from ..workspace import Workspace
    from .package import Package

SCHOOL = "{name} (รหัส {code})"
SCHOOLS = "เครื่องที่ดูแลข้อมูล {count} โรงเรียน ({names})"
SCHOOLS_NAMED = 2  # schools named before "และอีก N โรงเรียน"
SCHOOLS_MORE = "{names} และอีก {count} โรงเรียน"
VISITOR = "ผู้นิเทศ {names}"
VISITORS_NAMED = 3
VISITORS_MORE = "{names} และอีก {count} คน"
MACHINE = "เครื่อง {machine}"
# s32 B20: a key bound here as an area office's is that office; a key whose file carries an office's
# decisions not yet bound here is named by the office its decisions claim, said as a claim.
OFFICES = "{names}"
CLAIMED = "ผู้ตรวจในนาม {names} (ยังไม่ได้ผูกกุญแจเป็นของสำนักงาน)"
WITH_MACHINE = "{who} · เครื่อง {machine}"
# s33: a signer named after its fingerprint in an import's warning (Named), never by its computer's name.
OF = " ของ{who}"


@dataclass(frozen=True)
class Sender:
    """Who sent a file: ``schools`` ((code, name) of the schools its key is bound to here, or that
    this file binds to it), ``visitors`` (supervisors named on the visits typed on the sending
    laptop, when no school), and ``machine``, the name the sending laptop gave itself (its host
    name unless a person set another); ``office`` only in :func:`own_sender`."""

    schools: tuple[tuple[str, str], ...] = ()
    visitors: tuple[str, ...] = ()
    machine: str = ""
    office: str = ""  # this laptop's office (own_sender only): what an export's file name says
    offices: tuple[str, ...] = ()  # the area offices the key is bound here as (s32 B20)
    claimed: tuple[str, ...] = ()  # the offices whose decisions it signed, not bound here (s32 B20)

    def words(self, digits: Callable[[str], str] = str) -> str:
        """The sender as a person reads it: "โรงเรียนบ้านแม่สอด (รหัส 6301000001)", "ผู้นิเทศ
        นางวิไล รักการสอน", the office (:func:`own_sender` only), or, when nothing more is known,
        "เครื่อง vm". ``digits`` writes a
        school code (a window's Thai digits). Raises nothing."""
        if len(self.schools) == 1:
            code, name = self.schools[0]
            return SCHOOL.format(name=name, code=digits(code))
        if self.schools:
            names = ", ".join(name for _code, name in self.schools[:SCHOOLS_NAMED])
            if len(self.schools) > SCHOOLS_NAMED:
                names = SCHOOLS_MORE.format(names=names, count=digits(str(len(self.schools) - SCHOOLS_NAMED)))
            return SCHOOLS.format(count=digits(str(len(self.schools))), names=names)
        if self.visitors:
            names = ", ".join(self.visitors[:VISITORS_NAMED])
            if len(self.visitors) > VISITORS_NAMED:
                names = VISITORS_MORE.format(names=names, count=digits(str(len(self.visitors) - VISITORS_NAMED)))
            return VISITOR.format(names=names)
        if self.offices:
            return OFFICES.format(names=", ".join(digits(name) for name in self.offices))
        if self.claimed:
            return CLAIMED.format(names=", ".join(digits(name) for name in self.claimed))
        if self.office:
            return self.office
        return MACHINE.format(machine=self.machine)

    def with_machine(self, digits: Callable[[str], str] = str) -> str:
        """:meth:`words` and the computer's name after it ("… · เครื่อง vm"), or only the
        computer's name when that is all the file says."""
        if not (self.schools or self.visitors or self.office or self.offices or self.claimed) or not self.machine:
            return self.words(digits)
        return WITH_MACHINE.format(who=self.words(digits), machine=self.machine)


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


def known_as(conn: "sqlite3.Connection", fingerprint: str, installation: str = "", machine: str = "") -> Sender:
    """Who the key ``fingerprint`` is here, from what is stored: the schools it is bound to (code
    order), else the supervisors named on visits its laptop (``installation``) made (not deleted,
    most visits first), else the area offices it is bound here as; ``machine`` kept as a detail.
    An import's warnings name a signer so (s33: not by its computer's name). Raises
    ``sqlite3.Error`` only for a database that cannot be read."""
    schools = tuple((str(code), str(name)) for code, name in conn.execute(
        "SELECT DISTINCT s.code, s.name FROM school_signers AS b JOIN schools AS s ON s.id = b.school_id"
        " WHERE b.fingerprint = ? ORDER BY s.code", [fingerprint]).fetchall()) if fingerprint else ()
    visitors: tuple[str, ...] = ()
    if not schools and installation:
        visitors = tuple(str(row[0]) for row in conn.execute(
            "SELECT trim(name), count(DISTINCT visit_id) AS visits FROM visit_people WHERE side = 'visitor'"
            " AND deleted = 0 AND modified_by = ? AND trim(name) <> '' GROUP BY trim(name)"
            " ORDER BY visits DESC, trim(name)", [installation]).fetchall())
    bound = tuple(offices_of(conn, fingerprint)) if not (schools or visitors) and fingerprint else ()
    return Sender(schools=schools, visitors=visitors, machine=machine, offices=bound)


def _claimed_here(conn: "sqlite3.Connection", fingerprint: str) -> tuple[str, ...]:
    """The area offices (Arabic digits, each once, in name order) of the schools whose review or
    budget decisions signed by ``fingerprint`` wait here (``pending_changes``)."""
    if not fingerprint:
        return ()
    rows = conn.execute(
        "SELECT s.area_office FROM pending_changes AS p JOIN assessments AS a"
        " ON a.id = json_extract(p.row_json, '$.assessment_id') JOIN schools AS s ON s.id = a.school_id"
        " WHERE p.decision = '' AND p.table_name = 'review_decisions' AND p.signer_fingerprint = ?"
        " UNION SELECT s.area_office FROM pending_changes AS p JOIN budget_requests AS r"
        " ON r.id = json_extract(p.row_json, '$.request_id') JOIN schools AS s ON s.id = r.school_id"
        " WHERE p.decision = '' AND p.table_name = 'budget_decisions' AND p.signer_fingerprint = ?",
        [fingerprint, fingerprint]).fetchall()
    return tuple(sorted({office_name(str(row[0]).strip()) for row in rows if str(row[0] or "").strip()}))


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
