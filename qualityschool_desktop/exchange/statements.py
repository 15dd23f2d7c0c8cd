"""A school's ownership travels with its records: the school's own signed statement of its keys.

A **statement** says "school ``school_id`` is owned by the keys ``owners``", numbered (``serial``,
counted up by each new statement of the school) and signed with Ed25519 by one of those keys
(``signer_installation``, ``signer_key``). Every exchange file that carries a school's records
carries the school's latest statement known to the exporter in its ``owners.jsonl`` member, and a
relay forwards it unchanged: it cannot sign one in the school's name. The receiver learns who owns
a school from the school itself, never from whoever relayed the file:

* **First use** (the school is new here): the statement's owners are bound
  (``school_signers.how = 'statement'``) when its signer is among them and has changed the school's
  record (its installation counts changes in the record's version vector as the file carries it):
  the key that made the school has, a relay that only forwarded it has not, so a relay cannot sign
  itself into a school it never touched. A school's record that a relay changed (a district that
  accepted another key's change) then arrives as what it is: a change by a key that does not own
  it, pending here too.
* **Later**: a statement with a higher serial replaces the one here only when a key that owns the
  school here signed it; the bindings learnt from statements (and on first use) follow it. Any
  other is ignored with a warning naming the school; one whose signature fails refuses the file.
* **Issuing**: a laptop that owns a school by its own word (it made the school, or its key is in the
  school's statement) speaks for it: its exports carry a statement (serial 1 with its own key when
  it never made one), and binding or unbinding a key there (``signers --bind/--unbind``) signs and
  keeps the next statement.

**Why a binding made at an office stays local.** ``signers --bind`` at a district that does not own
the school (it received it) changes only that district's own bindings: the province should not
have to take a district's word for who may change a school's records — that would make every relay
an authority over the schools it forwards, which is exactly what this module exists to prevent. A
school's second laptop is bound at the school (its statement then travels everywhere); an office
that needs one sooner binds it by hand after comparing the fingerprint by phone, for itself.

What first use cannot tell: an office that has never seen a school has only the file in hand. A
relay that has itself changed the school's record (a district that accepted another key's change
to it, so it counts in the record's version) could replace the school's statement by one of its
own naming itself, and such an office would believe it. An office that already holds the school's
statement (from the school, or relayed by anyone) refuses such a replacement; comparing the
fingerprints in the senders' list by phone settles it for a new one.

**A file without the school's statement** (an older file, or one a relay stripped): a school new
here binds on first use only when one installation made every change of its record (its version
vector names one); otherwise nobody is bound and the school's records wait as pending, with a
warning (``refusals.NO_STATEMENT``), while the rest of the file imports: a relay that changed the
record once would else be bound as its owner (try10 #6). The school's own file binds its keys. The format is not bumped: current
exports carry the statement of every school they hold one for.

**An office's unbind stands** (``school_unbound``): a statement signed by a key a person unbound
here is ignored with a warning, and no statement binds such a key again (:func:`bound_owners`);
binding it by hand lifts that (try10 #7).

**Co-owners at the same time** (:func:`merge`): two statements with the same serial, each signed
by a key owning the school here, are both taken (union of keys, a warning); the school's laptop
signs the union as the next one (try10 #15).

**A stolen co-owner laptop** (try10b #1) holds a key the school's statement names, so what it
signs verifies; two limits keep it from taking the school quietly:

* *Serials grow by a bounded step* (:data:`MAX_STEP`): a statement numbered more than that above
  the one kept here is not taken (a warning, :data:`TOO_FAR`). Without it one statement numbered
  ``2**53 - 1`` would put the school beyond every later statement its real laptops can sign; an
  honest school signs one statement per bind or unbind, far fewer than a thousand between two
  files reaching an office.
* *Dropping a key is said aloud*: a statement that leaves out a key the kept one names is taken
  (an honest unbind of a lost laptop looks just like it, and the school's word decides its keys)
  but the import's result and its preview say which key it drops, of which school, signed by
  which key (:data:`DROPS_KEY`), so a person calls the school before trusting what follows. An
  older statement signed by a key a later one dropped (the school's real laptop answering a
  thief) is not taken either, but is named (:data:`DROPPED_SIGNER`): a person who confirms by
  phone binds the school's key again by hand in the senders' window, which no statement undoes.

A cleaner rule ("only a key that stays may drop another") does not help here: the thief's key
stays in the thief's statement. Requiring the signer of the kept statement to sign any removal
would lock a school out of its own records when that laptop is the one lost, so the decision is
left to a person, warned.

Legacy: a school first seen before statements existed keeps the bindings it has (first use by the
key that made and sealed its record); the first statement its bound key signs replaces them.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from ..clock import now_iso
from ..value_rules import STAMP
from ..ids import installation_id_for, is_derived
from . import signing
from .records import ExchangeError

if TYPE_CHECKING:
    import sqlite3

MEMBER = "owners.jsonl"
_DOMAIN = b"qualityschool-owners-1\n"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_FIELDS = {"school_id", "serial", "owners", "made_at", "signer_installation", "signer_key", "signature"}
MAX_OWNERS = 100
# Bindings a statement replaces: those learnt from a school's word or on first use, never a
# person's own decision here ("by_hand").
REPLACEABLE = ("statement", "first_use", "same_school", "before_owners")

BROKEN = (
    "คำรับรองเจ้าของโรงเรียนในไฟล์ {source} อ่านไม่ได้หรือลายเซ็นไม่ถูกต้อง ไฟล์นี้อาจถูกแก้ไข โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
NOT_BY_OWNER = (
    "ไฟล์ {source} มีคำรับรองเจ้าของโรงเรียน {school} ที่ไม่ได้ลงนามโดยกุญแจของโรงเรียนที่เครื่องนี้รู้จัก"
    " (ลงนามโดยกุญแจ {groups}) โปรแกรมไม่นำคำรับรองนี้มาใช้ ผู้ที่เป็นเจ้าของโรงเรียนยังคงเดิม"
    " หากโทรถามโรงเรียนแล้วกุญแจนี้เป็นของโรงเรียนจริง (เช่น คำรับรองอีกฉบับถอดกุญแจนี้ออกโดยโรงเรียนไม่ได้ตั้งใจ)"
    " ให้ผูกกุญแจนี้กับโรงเรียนในหน้าผู้ส่งข้อมูล"
)


@dataclass(frozen=True)
class Statement:
    """A verified statement: ``owners`` as (installation id or "", fingerprint) pairs, ``line``
    the statement exactly as it travels (a relay forwards it unchanged)."""

    school_id: str
    serial: int
    owners: frozenset[tuple[str, str]]
    signer_installation: str
    signer_fingerprint: str
    line: dict[str, Any]

    def names(self, installation: str, fingerprint: str) -> bool:
        """True when the statement names the key (its fingerprint, or its installation)."""
        return any((inst and inst == installation) or fp == fingerprint for inst, fp in self.owners)


def _message(line: dict[str, Any]) -> bytes:
    body = {key: line[key] for key in sorted(_FIELDS - {"signature"})}
    return _DOMAIN + json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def make_statement(school_id: str, serial: int, owners: Iterable[tuple[str, str]], installation_id: str) -> dict[str, Any]:
    """A statement that ``owners`` ((installation id or "", fingerprint) pairs) own the school
    ``school_id``, numbered ``serial``, signed now with this installation's key as
    ``installation_id`` (this installation's own id), as a line of the owners member."""
    line: dict[str, Any] = {
        "school_id": school_id,
        "serial": serial,
        "owners": [{"installation_id": inst, "fingerprint": fp} for inst, fp in sorted(set(owners))],
        "made_at": now_iso(),
        "signer_installation": installation_id,
        "signer_key": base64.b64encode(signing.own_public_key()).decode("ascii"),
    }
    line["signature"] = base64.b64encode(signing.sign_bytes(_message(line))).decode("ascii")
    return line


def verify(line: Any, source: str) -> Statement:
    """``line`` (a parsed line of the owners member) as a :class:`Statement` once its shape, its
    signature and its signer (a key the statement names, for the installation it names; an id of
    the derived form must be the key's own) are right. Raises :class:`ExchangeError` otherwise."""
    broken = ExchangeError(BROKEN.format(source=source))
    if not (
        isinstance(line, dict) and set(line) == _FIELDS
        and isinstance(line["school_id"], str) and _UUID.match(line["school_id"])
        and isinstance(line["serial"], int) and not isinstance(line["serial"], bool) and 1 <= line["serial"] < 2**53
        and isinstance(line["owners"], list) and 0 < len(line["owners"]) <= MAX_OWNERS
        and all(isinstance(o, dict) and set(o) == {"installation_id", "fingerprint"}
                and isinstance(o["installation_id"], str) and len(o["installation_id"]) <= 100
                and isinstance(o["fingerprint"], str) and _HEX64.match(o["fingerprint"]) for o in line["owners"])
        and STAMP(line["made_at"])  # the one rule of stamps (validation.py)
    ):
        raise broken
    public_raw = signing.line_signer(line, _message(line))
    if public_raw is None:
        raise broken
    fingerprint = signing.fingerprint_of(public_raw)
    owners = frozenset((o["installation_id"], o["fingerprint"]) for o in line["owners"])
    installation = line["signer_installation"]
    if not any(fp == fingerprint and inst in ("", installation) for inst, fp in owners):
        raise broken  # a statement is signed by one of the keys it names
    if is_derived(installation) and installation_id_for(public_raw) != installation:
        raise broken
    return Statement(line["school_id"], line["serial"], owners, installation, fingerprint, line)


def stored(conn: "sqlite3.Connection", school_id: str) -> Statement | None:
    """The statement kept here for ``school_id`` (verified when it arrived), None when none is."""
    row = conn.execute("SELECT statement FROM school_statements WHERE school_id = ?", [school_id]).fetchone()
    if row is None:
        return None
    line = json.loads(row[0])
    owners = frozenset((o["installation_id"], o["fingerprint"]) for o in line["owners"])
    fingerprint = signing.fingerprint_of(base64.b64decode(line["signer_key"]))
    return Statement(line["school_id"], line["serial"], owners, line["signer_installation"], fingerprint, line)


def keep(conn: "sqlite3.Connection", statement: Statement) -> None:
    """Keep ``statement`` as the school's latest (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO school_statements (school_id, serial, statement, received_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (school_id) DO UPDATE SET serial = excluded.serial, statement = excluded.statement,"
        " received_at = excluded.received_at",
        [statement.school_id, statement.serial, json.dumps(statement.line, ensure_ascii=False), now_iso()],
    )


MAX_STEP = 1000  # how far above the kept statement's serial a new one may be numbered
TOO_FAR = (
    "ไฟล์ {source} มีคำรับรองเจ้าของโรงเรียน {school} ลำดับที่ {serial} ซึ่งสูงกว่าฉบับที่เครื่องนี้มี (ลำดับที่ {kept})"
    " เกินกว่าที่เครื่องของโรงเรียนจะออกได้จริง (ลงนามโดยกุญแจ {groups}) อาจเป็นเครื่องที่ถูกขโมยหรือไฟล์ที่ถูกแก้ไข"
    " โปรแกรมไม่นำคำรับรองนี้มาใช้ ผู้ที่เป็นเจ้าของโรงเรียนยังคงเดิม"
)
DROPS_KEY = (
    "คำเตือน: ไฟล์นี้ถอดกุญแจ {dropped} ของโรงเรียน {school} ออก (คำรับรองลำดับที่ {serial} ลงนามโดยกุญแจ {groups}"
    " จากไฟล์ {source}) หากโรงเรียนไม่ได้ตั้งใจถอดกุญแจนี้ เครื่องที่ลงนามอาจถูกขโมย"
    " โปรดโทรถามโรงเรียนก่อนเชื่อข้อมูลจากกุญแจที่ลงนามคำรับรองนี้ และผูกกุญแจของโรงเรียนใหม่ได้ในหน้าผู้ส่งข้อมูล"
)
DROPPED_SIGNER = (
    "ไฟล์ {source} มีคำรับรองเจ้าของโรงเรียน {school} ลำดับที่ {serial} ลงนามโดยกุญแจ {groups}"
    " ซึ่งคำรับรองลำดับที่ {kept} (ลงนามโดยกุญแจ {kept_groups}) ถอดออกไปแล้ว โปรแกรมไม่นำคำรับรองนี้มาใช้"
    " หากโทรถามแล้วกุญแจที่ลงนามนี้เป็นของโรงเรียนจริง ให้ผูกกุญแจนี้กับโรงเรียนอีกครั้งในหน้าผู้ส่งข้อมูล"
)


def dropped_keys(kept: Statement, statement: Statement) -> list[str]:
    """The fingerprints ``kept`` names that ``statement`` (the school's next) leaves out, sorted."""
    staying = {fp for _inst, fp in statement.owners}
    return sorted({fp for _inst, fp in kept.owners} - staying)


UNBOUND_SIGNER = (
    "ไฟล์ {source} มีคำรับรองเจ้าของโรงเรียน {school} ที่ลงนามโดยกุญแจ {groups} ซึ่งเครื่องนี้เลิกผูกกับโรงเรียนนี้แล้ว"
    " โปรแกรมไม่นำคำรับรองนี้มาใช้ และกุญแจนี้ยังแก้ไขข้อมูลของโรงเรียนนี้ไม่ได้ (ผูกใหม่ได้ในหน้าผู้ส่งข้อมูล)"
)


CONCURRENT = (
    "ไฟล์ {source} มีคำรับรองเจ้าของโรงเรียน {school} อีกฉบับหนึ่งที่ทำพร้อมกันกับฉบับที่เครื่องนี้มีอยู่"
    " (เครื่องของโรงเรียนสองเครื่องผูกกุญแจคนละดอกในเวลาเดียวกัน) โปรแกรมรวมกุญแจของทั้งสองฉบับเป็นเจ้าของโรงเรียน"
)


def merge(conn: "sqlite3.Connection", kept: Statement, other: Statement, installation_id: str) -> Statement | None:
    """Two statements of one school with the same serial, each signed by an owner (co-owner
    laptops that bound a key each at the same time): the school is owned by the keys either names,
    less those a person unbound here (inside the caller's transaction). At a laptop that speaks
    for the school (``installation_id``'s key is named) the union is signed and kept as the
    school's next statement (serial one above), so it travels and every office converges; else
    the bindings here follow the union and ``kept`` stays the statement relayed. Returns the new
    statement or None.

    Limit (documented): serials are one counter, not a vector per signer; a later statement by
    one co-owner that never saw the other's still replaces both where it arrives."""
    own_fingerprint = signing.own_fingerprint()
    owners = set(kept.owners) | set(other.owners)
    statement: Statement | None = None
    if any(fp == own_fingerprint for _inst, fp in owners) and kept.names(installation_id, own_fingerprint):
        statement = verify(make_statement(kept.school_id, kept.serial + 1, owners, installation_id), "")
        keep(conn, statement)
        bind_owners(conn, statement)
        return statement
    bind_owners(conn, kept)
    now = now_iso()
    for inst, fp in sorted(bound_owners(conn, other)):
        conn.execute(
            "INSERT OR IGNORE INTO school_signers (school_id, installation_id, fingerprint, how, bound_at)"
            " VALUES (?, ?, ?, 'statement', ?)", [kept.school_id, inst, fp, now],
        )
    return statement


def unbound(conn: "sqlite3.Connection", school_id: str) -> set[tuple[str, str]]:
    """The (installation id or "", fingerprint) pairs a person unbound from the school here
    (``signers --unbind``): an office's decision that no statement undoes (try10 #7)."""
    return {(str(inst), str(fp)) for inst, fp in conn.execute(
        "SELECT installation_id, fingerprint FROM school_unbound WHERE school_id = ?", [school_id])}


def is_unbound(pairs: set[tuple[str, str]], installation_id: str, fingerprint: str) -> bool:
    """True when ``pairs`` (from :func:`unbound`) name the key or its installation."""
    return any(fp == fingerprint or (inst and inst == installation_id) for inst, fp in pairs)


def bound_owners(conn: "sqlite3.Connection", statement: Statement) -> set[tuple[str, str]]:
    """The statement's owners less the keys a person unbound from the school here."""
    gone = unbound(conn, statement.school_id)
    return {(inst, fp) for inst, fp in statement.owners if not is_unbound(gone, inst, fp)}


def bind_owners(conn: "sqlite3.Connection", statement: Statement, how: str = "statement") -> None:
    """Make the school's bindings follow ``statement`` (inside the caller's transaction): the
    bindings learnt from a school's word or on first use are replaced by its owners, less the keys
    a person unbound here (:func:`unbound`); a person's own bindings here (``by_hand``) stay. The
    school must be here (a binding references it)."""
    conn.execute(
        f"DELETE FROM school_signers WHERE school_id = ? AND how IN ({', '.join('?' for _ in REPLACEABLE)})",
        [statement.school_id, *REPLACEABLE],
    )
    now = now_iso()
    for installation, fingerprint in sorted(bound_owners(conn, statement)):
        conn.execute(
            "INSERT OR IGNORE INTO school_signers (school_id, installation_id, fingerprint, how, bound_at)"
            " VALUES (?, ?, ?, ?, ?)", [statement.school_id, installation, fingerprint, how, now],
        )


def bind_stored(conn: "sqlite3.Connection", school_id: str) -> bool:
    """Bind a school that has just arrived here (a person accepted its record) to the owners its
    kept statement names, when it has no binding yet. True when it did."""
    statement = stored(conn, school_id)
    if statement is None or conn.execute("SELECT 1 FROM school_signers WHERE school_id = ?", [school_id]).fetchone():
        return False
    bind_owners(conn, statement)
    return True


def parse_member(data: bytes, source: str) -> list[dict[str, Any]]:
    """The lines of an owners member, parsed (not yet verified). Raises :class:`ExchangeError` for
    one that is not JSON."""
    lines = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExchangeError(BROKEN.format(source=source)) from None
    for raw in text.splitlines():
        if not raw.strip():
            continue
        try:
            lines.append(json.loads(raw))
        except (ValueError, RecursionError):
            raise ExchangeError(BROKEN.format(source=source)) from None
    return lines


def speaks_for(conn: "sqlite3.Connection", school_id: str, installation_id: str, fingerprint: str) -> Statement | None | bool:
    """Does this installation (``installation_id``, key ``fingerprint``) speak for the school?
    Its kept statement when that names this key; True when the school was made here (no binding
    learnt from elsewhere, no statement); False otherwise."""
    statement = stored(conn, school_id)
    if statement is not None:
        return statement if statement.names(installation_id, fingerprint) else False
    learnt = conn.execute("SELECT 1 FROM school_signers WHERE school_id = ? AND how <> 'by_hand'", [school_id]).fetchone()
    return learnt is None


def for_export(conn: "sqlite3.Connection", school_ids: Iterable[str], installation_id: str) -> list[dict[str, Any]]:
    """The statement to carry for each of ``school_ids`` (a file carrying their records), as lines
    of the owners member: the one kept here, unchanged; for a school made here without one, a
    first statement (serial 1) naming this installation's key and the keys a person bound to it
    here; none for a school known here only from before statements."""
    own_fingerprint = signing.own_fingerprint()
    lines = []
    for school_id in sorted(set(school_ids)):
        speaks = speaks_for(conn, school_id, installation_id, own_fingerprint)
        kept = stored(conn, school_id)
        if kept is not None:
            lines.append(kept.line)
        elif speaks is True:
            lines.append(make_statement(school_id, 1, {(installation_id, own_fingerprint), *by_hand(conn, school_id)},
                                        installation_id))
    return lines


def by_hand(conn: "sqlite3.Connection", school_id: str) -> set[tuple[str, str]]:
    """The (installation id or "", fingerprint) pairs a person bound to the school here by hand."""
    return {(str(inst), str(fp)) for inst, fp in conn.execute(
        "SELECT installation_id, fingerprint FROM school_signers WHERE school_id = ? AND how = 'by_hand'"
        " AND length(fingerprint) = 64", [school_id])}


def reissue(conn: "sqlite3.Connection", school_id: str, installation_id: str, *, add: tuple[str, str] | None = None,
            remove: tuple[str, str] | None = None) -> Statement | None:
    """After a person bound (``add``) or unbound (``remove``) a key (installation id or "",
    fingerprint) here: when this installation speaks for the school (:func:`speaks_for`), sign and
    keep its next statement (serial one above the last) with the key added or removed, so the
    change travels with the school's records; else nothing (a binding at an office stays local).
    Returns the new statement or None. Inside the caller's transaction."""
    own_fingerprint = signing.own_fingerprint()
    speaks = speaks_for(conn, school_id, installation_id, own_fingerprint)
    if speaks is False:
        return None
    if isinstance(speaks, Statement):
        owners, serial = set(speaks.owners), speaks.serial + 1
    else:
        owners, serial = {(installation_id, own_fingerprint), *by_hand(conn, school_id)}, 2  # 1 went out implicitly
    if add is not None and not any(fp == add[1] for _inst, fp in owners):
        owners.add(add)
    if remove is not None:
        owners = {(inst, fp) for inst, fp in owners if fp != remove[1] and not (remove[0] and inst == remove[0])}
    if not any(fp == own_fingerprint for _inst, fp in owners):
        return None  # a statement is signed by a key it names: another owner must sign this one
    statement = verify(make_statement(school_id, serial, owners, installation_id), "")
    keep(conn, statement)
    return statement
