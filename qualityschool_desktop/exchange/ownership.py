"""May the installations that vouch for a row change it here? And which of two concurrent
versions is in use?

The owner of a row is its root's (``owners.py``): a school's keys (``bindings.py``) or the
installation that made a visit. A signer may change a row when it owns the row as it is here *and*
as it arrives (so a school cannot move another school's assessment under itself). This
installation's own signature always may: no one else can make it. A school that no file brought
(made here) is owned by this installation without a binding.

Concurrent versions are ordered the same way on every laptop whose bindings agree: an owner's
version above a non-owner's (a district's own edit of a school's record never hides the school's),
then :func:`~.versions.rank`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..review import offices
from ..schools import code_and_area_office
from ..thai import Own, Sentence, office_name
from ..visit_owners import REBOUND
from . import bindings, seals, senders, signing, statements, versions
from .lineage import Lineage
from .owners import DECIDES_ON, LINKS, ROOTS, root_of

if TYPE_CHECKING:
    import sqlite3


@dataclass
class Vouch:
    """The installations whose seals hold a row's digest, and those seals."""

    installations: tuple[str, ...]
    seal_ids: tuple[str, ...]


def vector(row: dict[str, Any]) -> versions.Vector:
    """The row's version vector (installation id → changes counted), ``{}`` when its ``version``
    is not one (the reading step has refused such rows already)."""
    return versions.parse(row["version"]) or {}


class Ownership:
    """Who owns what, for one pass: the keys the file names, the schools' bindings here, and the
    answers already worked out (kept for the pass, so each school's bindings are read once)."""

    def __init__(self, conn: "sqlite3.Connection", own: str, own_fingerprint: str, lineage: Lineage) -> None:
        self.conn = conn
        self.own = own
        self.own_fingerprint = own_fingerprint
        self.lineage = lineage
        self.keys: dict[str, tuple[str, bytes, str]] = {}  # installation -> (fingerprint, raw key, base64)
        self.names: dict[str, str] = {}
        self._bindings: dict[str, set[tuple[str, str]]] = {}
        self._made_here: dict[str, bool] = {}
        self._owns: dict[tuple[str, str, str], bool] = {}
        self._offices: dict[str, bool] = {}  # "<school id> <installation>" -> its decisions apply here
        self._refused: set[tuple[str, str]] = set()  # (school id, signer) whose decisions were refused
        self._rebinds: dict[str, str] = {}  # visit maker -> the key its visits were re-bound to here ("" none)
        # Bindings that waited for a key of this file (waiting.py): theirs from the start of the pass,
        # also in a preview, which writes nothing.
        self._answered: dict[str, set[tuple[str, str]]] = {}
        # Schools this file brings or changes, as applied in this pass: school id -> (code, area office,
        # Arabic digits). A preview writes nothing, yet judges the office's decisions on a school new
        # here as the import does, which reads the school it wrote (s33 exB T9).
        self.arriving: dict[str, tuple[str, str]] = {}

    def owner(self, table: str, row: dict[str, Any], local: dict[str, Any] | None,
              vouch: Vouch) -> tuple[bool, str, str | None]:
        """(may the row's signers change it, the signer to name, the seal to keep with the row)."""
        if self.own in vouch.installations:
            return True, self.own, None
        for installation, seal_id in zip(vouch.installations, vouch.seal_ids):
            if all(self.is_owner(root, installation) for root in self.roots(table, row, local)):
                return True, installation, seal_id
        return False, vouch.installations[0], vouch.seal_ids[0]

    def roots(self, table: str, row: dict[str, Any] | None, local: dict[str, Any] | None) -> list[tuple[str, str]]:
        """The owners to satisfy, ``("school", id)``, ``("visit_maker", installation)``,
        ``("author", installation)`` (a comment's writer) or
        ``("office", "<installation> <school id>")`` (a review decision: who decided, on which
        school) or ``("area_office", name)`` (an office's own project), of the row as it is here
        and as it arrives."""
        found = []
        root = root_of(table)
        kind = "office" if root in DECIDES_ON else {"schools": "school", "comments": "author", "contacts": "author"}.get(root, "visit_maker")
        for version in (local, row):
            if version is None:
                continue
            if kind == "office":
                column, parent_table = DECIDES_ON[table]
                parent = self.lineage.parent(parent_table, version[column])
                found.append((kind, f"{version[ROOTS[table]]} {parent.school_id if parent else ''}"))
                continue
            if table in ROOTS:
                found.append((kind, str(version[ROOTS[table]])))
                continue
            if table == "projects" and version["school_id"] is None:  # an office's own (issue 15)
                found.append(("area_office", office_name(str(version["area_office"] or ""))))
                continue
            column, parent_table = LINKS[table]
            parent = self.lineage.parent(parent_table, version[column])
            if parent is not None:
                found.append((kind, parent.school_id if kind == "school" else parent.owner))
            elif version[column] is None:  # no owner to reach: nobody's
                found.append((kind, ""))
        return found

    def is_owner(self, root: tuple[str, str], installation: str) -> bool:
        """True when ``installation`` owns ``root``: the visit maker itself for
        ``("visit_maker", id)``, or the key a person here re-bound that maker's visits to (a
        reinstalled supervisor, ``bindings.bind_visits``); for ``("school", id)`` a key bound to
        the school (this installation also owns a school made here)."""
        kind, key = root
        if kind == "author":
            return installation == key
        if kind == "visit_maker":
            return installation == key or self._rebound(key, installation)
        if kind == "office":
            return self._is_office(key, installation)
        if kind == "area_office":  # an office's own project: the key bound here as that office
            fingerprint = self.keys[installation][0] if installation in self.keys else self._fingerprint(installation)
            return bool(key) and offices.is_area_office(self.conn, key, installation, fingerprint)
        memo = (kind, key, installation)
        if memo not in self._owns:
            self._owns[memo] = self._owns_school(key, installation)
        return self._owns[memo]

    def _rebound(self, maker: str, installation: str) -> bool:
        """Did a person here re-bind the visits ``maker`` made to ``installation``'s key?"""
        if maker not in self._rebinds:
            row = self.conn.execute("SELECT value FROM installation WHERE key = ?", [REBOUND + maker]).fetchone()
            self._rebinds[maker] = str(row[0]) if row else ""
        wanted = self._rebinds[maker]
        if not wanted:
            return False
        if installation == self.own:
            return wanted == self.own_fingerprint
        fingerprint = self.keys[installation][0] if installation in self.keys else self._fingerprint(installation)
        return fingerprint == wanted

    def _is_office(self, key: str, installation: str) -> bool:
        """May ``installation`` record a review decision (``key``: "<who decided> <school id>")?
        Only as itself, never as a key that owns the school it reviews (a school cannot accept its
        own self-assessment), and only as a key a person bound here as the office of the school's
        area office (``review/offices.py``): the first laptop whose decision arrives is no longer
        trusted for being first (found by a tester: a stranger's review overrode the district's)."""
        decided_by, _, school_id = key.partition(" ")
        if installation != decided_by or not school_id:
            return False
        if self.is_owner(("school", school_id), installation):
            return False
        memo = f"{school_id} {installation}"
        if memo not in self._offices:
            fingerprint = self.keys[installation][0] if installation in self.keys else self._fingerprint(installation)
            found = self.school_area(school_id)
            self._offices[memo] = bool(found and found[1]) and offices.is_area_office(
                self.conn, found[1] if found else "", installation, fingerprint)
        return self._offices[memo]

    def school_area(self, school_id: str) -> tuple[str, str] | None:
        """(code, area office with Arabic digits, "" when none) of the school ``school_id`` as this
        pass has it (:attr:`arriving`, else as stored here), None when it is not known."""
        return self.arriving.get(school_id) or code_and_area_office(self.conn, school_id)

    def school_decides_own(self, row: dict[str, Any], signer: str) -> bool:
        """Is the review decision ``row`` signed by a key that owns the school it reviews here? A
        school cannot pass its own round: such a decision is refused, never kept waiting."""
        parent = self.lineage.parent("assessments", row["assessment_id"])
        if parent is None or not parent.school_id:
            return False
        return self.is_owner(("school", parent.school_id), signer)

    def area_deciding(self, row: dict[str, Any]) -> str:
        """The area office (as stored) of the school a review or budget decision ``row`` answers,
        "" when that school has none or is not known here."""
        budget = "request_id" in row
        parent = self.lineage.parent(*(("budget_requests", row["request_id"]) if budget
                                       else ("assessments", row["assessment_id"])))
        found = self.school_area(parent.school_id) if parent and parent.school_id else None
        return office_name(found[1]) if found and found[1] else ""

    def not_the_office(self, row: dict[str, Any], signer: str, source: str, own: bool = False) -> str | None:
        """The Thai reason a review decision signed by ``signer`` waits here
        (:data:`~..review.offices.NOT_THE_OFFICE`), or a budget decision waits here
        (:data:`~..review.offices.BUDGET_NOT_THE_OFFICE`, saying how to bind the office's key), once per school, signer and kind in a pass (None
        for the next ones)."""
        if "area_office" in row:  # an office's own project (issue 15): refused, saying how to bind
            area = office_name(str(row["area_office"] or "")) or offices.NO_AREA
            if ("", area + signer) in self._refused:
                return None
            self._refused.add(("", area + signer))
            fingerprint = self.keys[signer][0] if signer in self.keys else self._fingerprint(signer)
            return Sentence(
                offices.PROJECT_NOT_THE_OFFICE, area=Own(area), source=source, who=self.who(signer, fingerprint),
                groups=signing.fingerprint_groups(fingerprint) if fingerprint else signer[:8])
        budget = "request_id" in row  # both wait until the office's key is bound here (s32 B20)
        parent = self.lineage.parent(*(("budget_requests", row["request_id"]) if budget
                                       else ("assessments", row["assessment_id"])))
        school_id = parent.school_id if parent else ""
        # Once per school, signer and kind: a verdict and a budget decision of one file each say
        # why they wait (s34 exw34b B7: the budget decision's went unsaid after the verdict's).
        kind = ("budget:" if budget else "") + signer
        if (school_id, kind) in self._refused:
            return None
        self._refused.add((school_id, kind))
        code, area = self.school_area(school_id) or ("", "")
        # No office named by the file or here (s33 exC T9): say so, and no command with a placeholder.
        how = Sentence(offices.HOW_TO_BIND, area=Own(area)) if area else offices.HOW_TO_BIND_NO_AREA
        area = area or offices.AREA_UNKNOWN
        fingerprint = self.keys[signer][0] if signer in self.keys else self._fingerprint(signer)
        return Sentence(
            offices.BUDGET_NOT_THE_OFFICE if budget else offices.SCHOOL_S_OWN if own else offices.NOT_THE_OFFICE,
            what=Sentence(" (โรงเรียน {code})", code=Own(code)) if code else "", source=source, code=Own(code),
            said=_said(row),
            area=Own(area), who=self.who(signer, fingerprint), how=how,
            groups=signing.fingerprint_groups(fingerprint) if fingerprint else signer[:8])

    def _owns_school(self, key: str, installation: str) -> bool:
        if installation == self.own:
            return self.made_here(key) or bindings.owns(self.bindings(key), installation, self.own_fingerprint)
        fingerprint = self.keys[installation][0] if installation in self.keys else self._fingerprint(installation)
        return bindings.owns(self.bindings(key), installation, fingerprint)

    def bindings(self, school_id: str) -> set[tuple[str, str]]:
        """The (installation, fingerprint) pairs bound to the school here (either may be ``""``:
        see ``bindings.py``), read once per pass; empty for a school nobody is bound to."""
        if school_id not in self._bindings:
            self._bindings.update(bindings.owners_of(self.conn, [school_id]))
        return self._bindings[school_id]

    def made_here(self, school_id: str) -> bool:
        """A school no file brought (no binding on first use, from before owners, or by a
        same-school decision): this installation owns it without a binding."""
        if school_id not in self._made_here:
            self._made_here[school_id] = self.conn.execute(
                "SELECT 1 FROM school_signers WHERE school_id = ? AND how <> 'by_hand'", [school_id]
            ).fetchone() is None
        return self._made_here[school_id]

    def holders(self, school_id: str) -> set[str]:
        """The fingerprints that hold a school here against another record with its code (test30a
        B13): the keys bound to it from a file (first use, a statement) and the owners its kept
        statement names, less the keys a person unbound or forgot here; this laptop's own key when
        the statement names this installation. Empty when no file's key holds it any more (typed
        here, or its keys forgotten): a person may then say another record is the same school."""
        held = {str(fp) for (fp,) in self.conn.execute(
            "SELECT fingerprint FROM school_signers WHERE school_id = ? AND how <> 'by_hand'", [school_id])}
        statement = statements.stored(self.conn, school_id)
        if statement is not None:
            held |= {self.own_fingerprint if inst == self.own else fp
                     for inst, fp in statements.bound_owners(self.conn, statement)}
        return {fp for fp in held if fp == self.own_fingerprint or not bindings.forgotten_here(self.conn, fp)}

    def bind_new_school(self, school_id: str, vouch: Vouch, writer: str = "") -> set[tuple[str, str]]:
        """Trust on first use: a school new here is owned by the key that vouches for its record and
        made that version (``writer``, the row's ``modified_by``): a relay that adds its own seal
        beside the owner's does not become a co-owner (found by a tester). When the writer does not
        vouch for it, every key that vouches is bound, as before. Returns those (installation,
        fingerprint) pairs (none when only this installation vouches)."""
        vouching = [inst for inst in vouch.installations if inst in self.keys and inst != self.own]
        if writer in vouching:
            vouching = [writer]
        pairs = {(inst, self.keys[inst][0]) for inst in vouching}
        self._bindings[school_id] = pairs
        self._made_here[school_id] = not pairs
        self._owns = {memo: owned for memo, owned in self._owns.items() if memo[1] != school_id}
        return pairs

    def use_bindings(self, school_id: str, pairs: set[tuple[str, str]]) -> None:
        """From now on in this pass, the school is owned by ``pairs`` (a statement of the school's
        accepted in this file) and by the waiting bindings this file answered (:meth:`add_binding`)."""
        self._bindings[school_id] = set(pairs) | self._answered.get(school_id, set())
        self._made_here[school_id] = False
        self._owns = {memo: owned for memo, owned in self._owns.items() if memo[1] != school_id}

    def add_binding(self, school_id: str, pair: tuple[str, str]) -> None:
        """A binding that waited for a key of this file (``waiting.py``): from now on in this pass
        the (installation, fingerprint) ``pair`` owns the school, as a binding by hand does."""
        self._answered.setdefault(school_id, set()).add(pair)
        self.bindings(school_id).add(pair)
        self._owns = {memo: owned for memo, owned in self._owns.items() if memo[1] != school_id}

    def ranks_higher(self, table: str, row: dict[str, Any], local: dict[str, Any], owner_ok: bool) -> bool:
        """Of two concurrent versions, is the incoming one in use? (the same answer on every laptop)"""
        signer = self._local_signer(local)
        local_owner = all(self.is_owner(root, signer) for root in self.roots(table, None, local))
        theirs = (owner_ok, *versions.rank(vector(row), seals.row_digest(table, row)))
        ours_row = {key: value for key, value in local.items() if key != "signed_set"}
        ours = (local_owner, *versions.rank(vector(local), seals.row_digest(table, ours_row)))
        return theirs > ours

    def name(self, installation: str) -> str:
        """The name a signer gave itself (from the file, else as remembered here), else the first
        8 characters of its installation id."""
        if installation not in self.names:
            row = self.conn.execute("SELECT name FROM signers WHERE installation_id = ?", [installation]).fetchone()
            self.names[installation] = str(row[0]) if row and row[0] else installation[:8]
        return self.names[installation]

    def fingerprint_of(self, installation: str) -> str:
        """The key of ``installation``: from this file, else as remembered here, else ""."""
        return self.keys[installation][0] if installation in self.keys else self._fingerprint(installation)

    def who(self, installation: str, fingerprint: str) -> senders.Named:
        """Who the signer is here, for a warning after its fingerprint (``senders.Named``: the
        school, the supervisor or the office, else nothing; never its computer's name, s33)."""
        return senders.Named(senders.known_as(self.conn, fingerprint, installation))

    def _local_signer(self, local: dict[str, Any]) -> str:
        """Who vouches for the version here: its stored seal's installation, else its last writer."""
        if local.get("signed_set"):
            row = self.conn.execute("SELECT installation_id FROM seals WHERE id = ?", [local["signed_set"]]).fetchone()
            if row:
                return str(row[0])
        return str(local["modified_by"])

    def _fingerprint(self, installation: str) -> str:
        row = self.conn.execute("SELECT fingerprint FROM signers WHERE installation_id = ?", [installation]).fetchone()
        return str(row[0]) if row else ""


def _said(row: dict[str, Any]) -> str:
    """What a review decision waiting here says, as received (s33 T1): " (สำนักงานส่งกลับแก้ไข:
    <comment> — ได้รับแล้ว ยังไม่นำไปใช้)"; "" for another record."""
    if not row.get("decision") or "assessment_id" not in row:
        return ""
    from ..review.decisions import verdict_words

    return f" ({verdict_words(str(row['decision']), str(row.get('comment') or ''))} — ได้รับแล้ว ยังไม่นำไปใช้)"
