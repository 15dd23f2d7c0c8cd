"""Which keys own which schools here: bindings made on first use, by hand, or by a person's decision.

A school is owned by the keys bound to it (``school_signers``): the first file that brings a school
into this database binds it to the keys the school's own statement names (``statements.py``; for a
file from before statements, the key that made and signed the school's record: trust on first use);
a person adds a second laptop's key with :func:`bind` (``main.py signers --bind``) and removes one
with :func:`unbind`; bound by the 8 groups before any file of that laptop came here, the binding
waits for its key's first file (``waiting.py``). At a laptop that speaks for the school (it made the school, or its key is in
the school's statement) a binding or unbinding is the school's word: it signs the school's next
statement, which travels with the school's records. Anywhere else (an office) it stays local: the
office's own decision, which no other office takes on its word (why: ``statements.py``). Each
binding says how it was learnt (``how``: ``statement``, ``first_use``, ``by_hand``,
``same_school``, ``before_owners``). A school may have several keys; concurrent edits from two of them are
conflicts. This laptop's own key owns what it changes here without a binding. A binding names the
key's fingerprint and, once known, the installation it signs for (a key signs for one installation,
see ``signing.check_binding``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable, Mapping

from ..clock import now_iso
from ..collation import thai_key
from ..errors import NotFoundError
from ..schools import normalise_code
from ..thai import Own, Sentence
from . import forgotten, same_school, signing, statements, waiting
from .records import ExchangeError, travelling_columns
from .waiting import WaitingBinding

if TYPE_CHECKING:
    import sqlite3

    from ..workspace import Workspace

MIN_DIGITS = 32  # a fingerprint typed by hand: at least the groups the window shows
_HEX = re.compile(r"^[0-9a-f]+$")

BAD_FINGERPRINT = (
    "ลายนิ้วมือของกุญแจต้องเป็นเลขฐานสิบหกอย่างน้อย ๘ กลุ่ม กลุ่มละ ๔ ตัว (เช่น ABCD-EF12-…) ตามที่เครื่องนั้นแสดง"
    " ในหน้าผู้ส่งข้อมูลหรือในคำสั่ง signers"
)
UNKNOWN_PREFIX = ("ไม่พบกุญแจที่ขึ้นต้นด้วย {groups} ในเครื่องนี้ (ยังไม่เคยนำเข้าไฟล์จากเครื่องนั้น) ให้ใส่ลายนิ้วมือเต็ม"
                  " ๑๖ กลุ่ม (๖๔ ตัว) ที่เครื่องนั้นแสดงในหน้าผู้ส่งข้อมูล (แฟ้ม › ผู้ส่งข้อมูล) หรือในคำสั่ง signers"
                  " หรือนำเข้าไฟล์จากเครื่องนั้นก่อน แล้วใช้ ๘ กลุ่มแรกได้")
AMBIGUOUS = "มีกุญแจมากกว่าหนึ่งดอกที่ขึ้นต้นด้วย {groups} ให้ใส่ลายนิ้วมือให้ยาวขึ้น"
NOT_BOUND = "กุญแจ {groups} ไม่ได้ผูกกับโรงเรียนรหัส {code}"
UNKNOWN_MAKER = ("ไม่พบเครื่องของกุญแจเดิม {groups} ในฐานข้อมูลนี้ (ยังไม่เคยนำเข้าไฟล์ของกุญแจนั้น)"
                 " จึงไม่มีการนิเทศของกุญแจนั้นให้ผูกกับกุญแจใหม่")
SAME_KEY = "กุญแจใหม่และกุญแจเดิมเป็นกุญแจเดียวกัน ไม่มีอะไรต้องผูกใหม่"
OWN_OLD_KEY = "กุญแจเดิมเป็นกุญแจของเครื่องนี้เอง การนิเทศที่เครื่องนี้บันทึกยังเป็นของเครื่องนี้"


def owners_of(conn: "sqlite3.Connection", school_ids: Iterable[str]) -> dict[str, set[tuple[str, str]]]:
    """School id -> its bindings as (installation id or "", fingerprint or "") pairs."""
    ids = sorted(set(school_ids))
    found: dict[str, set[tuple[str, str]]] = {school_id: set() for school_id in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for school_id, installation, fingerprint in conn.execute(
            "SELECT school_id, installation_id, fingerprint FROM school_signers"
            f" WHERE school_id IN ({', '.join('?' for _ in chunk)})", chunk
        ):
            found[school_id].add((installation, fingerprint))
    return found


def owns(bindings: set[tuple[str, str]], installation_id: str, fingerprint: str) -> bool:
    """True when one of ``bindings`` names the installation or the key."""
    return any((inst and inst == installation_id) or (fp and fp == fingerprint) for inst, fp in bindings)


def add(conn: "sqlite3.Connection", school_id: str, installation_id: str, fingerprint: str, how: str) -> None:
    """Bind a school to a key (inside the caller's transaction); binding twice changes nothing."""
    if conn.execute(
        "SELECT 1 FROM school_signers WHERE school_id = ? AND ((installation_id = ? AND installation_id <> '')"
        " OR (fingerprint = ? AND fingerprint <> ''))", [school_id, installation_id, fingerprint]
    ).fetchone():
        return
    conn.execute(
        "INSERT INTO school_signers (school_id, installation_id, fingerprint, how, bound_at) VALUES (?, ?, ?, ?, ?)",
        [school_id, installation_id, fingerprint, how, now_iso()],
    )


OWN_KEY = "กุญแจนี้เป็นของเครื่องนี้เอง จึงลืมไม่ได้"


def _digits(typed: str) -> str:
    """The hex digits a person typed (dashes, spaces, colons and case ignored): at least
    :data:`MIN_DIGITS` (the 8 groups), at most 64; else :data:`BAD_FINGERPRINT`."""
    digits = re.sub(r"[\s\-:]", "", typed).lower()
    if len(digits) < MIN_DIGITS or len(digits) > 64 or not _HEX.match(digits):
        raise ExchangeError(BAD_FINGERPRINT)
    return digits


def _known(workspace: "Workspace", digits: str) -> str | None:
    """The full fingerprint of the one key seen here (in a file, a school's statement, or this
    laptop's own) that ``digits`` start; ``digits`` themselves when all 64; None when no key seen
    here starts so. Raises :data:`AMBIGUOUS` when several do."""
    if len(digits) == 64:
        return digits
    rows = {str(row[0]) for row in workspace.db.execute(
        "SELECT fingerprint FROM signers WHERE substr(fingerprint, 1, ?) = ?"
        " UNION SELECT fingerprint FROM school_signers WHERE length(fingerprint) = 64 AND substr(fingerprint, 1, ?) = ?",
        [len(digits), digits, len(digits), digits])}
    if signing.own_fingerprint().startswith(digits):
        rows.add(signing.own_fingerprint())
    if len(rows) > 1:
        raise ExchangeError(AMBIGUOUS.format(groups=signing.fingerprint_groups(digits, full=True)))
    return rows.pop() if rows else None


def _resolve(workspace: "Workspace", typed: str) -> str:
    """The full fingerprint a person typed (dashes, spaces and case ignored): all 64 digits, or at
    least :data:`MIN_DIGITS` that start exactly one key seen here."""
    digits = _digits(typed)
    full = _known(workspace, digits)
    if full is None:
        raise ExchangeError(UNKNOWN_PREFIX.format(groups=signing.fingerprint_groups(digits, full=True)))
    return full


def _school_id(workspace: "Workspace", code: str) -> str:
    try:
        return workspace.schools.by_code(normalise_code(code)).id
    except NotFoundError as exc:
        raise ExchangeError(str(exc)) from None


def bind(workspace: "Workspace", fingerprint: str, school_code: str) -> signing.Signer | WaitingBinding:
    """Let the key ``fingerprint`` change the school ``school_code``'s records here (a laptop of
    that school). ``fingerprint``: the 64 hex digits, or at least 32 (the 8 groups the window and
    ``signers`` show), in any case, with or without dashes. Returns the signer with what it owns
    now.

    A key not seen here yet: by its full fingerprint it is bound now (its installation comes with
    its first file); by a shorter prefix the binding waits (:mod:`.waiting`: returned as a
    :class:`~.waiting.WaitingBinding`) until a file names a key whose fingerprint starts so, and
    that key is then bound as if by its full fingerprint (``exchange.bind`` is
    :func:`~.rejudge.bind`: this, and the key's waiting changes judged again). 32 hex digits are 128 bits of the key's
    SHA-256: making another key with the same 128-bit prefix takes about 2**128 tries, so the
    prefix names the laptop's key as safely as the whole fingerprint for this use.

    Raises :class:`ExchangeError` for a malformed fingerprint or one shorter than 8 groups, a
    prefix that starts several keys seen here, or an unknown school."""
    digits = _digits(fingerprint)
    full = _known(workspace, digits)
    school_id = _school_id(workspace, school_code)
    if full is None:
        with workspace.db.write():
            kept = waiting.add(workspace.db.conn, school_id, digits, workspace.installation_id, signing.own_name())
        return replace(kept, school_code=normalise_code(school_code))
    with workspace.db.write():
        conn = workspace.db.conn
        row = conn.execute("SELECT installation_id FROM signers WHERE fingerprint = ?", [full]).fetchone()
        if row is None and full != signing.own_fingerprint():
            now = now_iso()
            conn.execute(
                "INSERT INTO signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
                " VALUES (?, '', '', 0, ?, ?)", [full, now, now],
            )
        installation = workspace.installation_id if full == signing.own_fingerprint() else (row[0] if row else None)
        bind_key(conn, school_id, installation or "", full, workspace.installation_id)
    return signer_of(workspace, full)


# test33 T8: a laptop bound its own key to a school it merely received (a supervisor's), or a visitor's key.
NOT_THE_SCHOOLS_LAPTOP = (
    "เครื่องนี้ไม่ใช่เครื่องของโรงเรียน{name} (รหัส {code}): โรงเรียนนี้มาถึงเครื่องนี้จากไฟล์ที่นำเข้า"
    " และข้อมูลของโรงเรียนเป็นของกุญแจของโรงเรียนเอง การผูกกุญแจของเครื่องนี้จะทำให้เครื่องนี้แก้ไข"
    "แบบประเมินตนเองและข้อมูลของโรงเรียนแทนโรงเรียนได้"
)
VISITOR_KEY = (
    "กุญแจ {groups} บันทึกการนิเทศโรงเรียน{name} (รหัส {code}) ไว้ {count} ครั้ง จึงเป็นกุญแจของผู้นิเทศ"
    " ไม่ใช่เครื่องของโรงเรียน การผูกจะทำให้ผู้นิเทศแก้ไขแบบประเมินตนเองของโรงเรียนที่ตนนิเทศได้"
)
NEW_LAPTOP_WAY = (
    "หากเป็นเครื่องใหม่ของโรงเรียนจริง ทางที่ปลอดภัยคือผูกกุญแจของเครื่องใหม่ที่เครื่องแรกของโรงเรียน"
    " (แฟ้ม › ผู้ส่งข้อมูล › ผูกเครื่องใหม่ด้วยลายนิ้วมือ…) แล้วนำเข้าไฟล์จากเครื่องนั้น"
)


def bind_doubt(workspace: "Workspace", fingerprint: str, school_code: str) -> list[Sentence]:
    """Why binding the key ``fingerprint`` (as :func:`bind` takes it) to the school ``school_code``
    looks like a mistake, in sentences ending with the safe way for a school's new laptop, or []
    when it does not (test33 T8): it is this laptop's own key and the
    school's records are another laptop's (:meth:`~..schools.Schools.owned_elsewhere`: it came
    by exchange, so this is not the school's laptop), or the key made visits of the school (a
    visitor's key, whose binding would let her change the self-assessment she compares her visit
    with). The command line refuses such a bind unless told it is deliberate, the window asks
    first; :func:`bind` itself does not check (the school's laptops and tests call it). Raises
    :class:`ExchangeError` as :func:`bind` does for a malformed fingerprint or an unknown school."""
    digits = _digits(fingerprint)
    school_id = _school_id(workspace, school_code)
    school = workspace.schools.get(school_id)
    name, code = school.name.removeprefix("โรงเรียน"), Own(school.code)
    full = _known(workspace, digits)
    own = full is not None and full == signing.own_fingerprint()
    said: list[Sentence] = []
    if own and workspace.schools.owned_elsewhere(school_id):
        said.append(Sentence(NOT_THE_SCHOOLS_LAPTOP, name=name, code=code))
    installation = workspace.installation_id if own else (
        (signing.signer_for(workspace, full).installation_id or _bound_installation(workspace, full)) if full else "")
    visits = int(workspace.db.execute(
        "SELECT count(*) FROM visits WHERE school_id = ? AND ((made_by = ? AND made_by <> '') OR made_by IN"
        " (SELECT substr(key, 11) FROM installation WHERE key LIKE 'visits_of:%' AND value = ?))",
        [school_id, installation, full or ""],
    ).fetchone()[0])
    if visits:
        said.append(Sentence(VISITOR_KEY, groups=signing.fingerprint_groups(full or digits), name=name, code=code,
                             count=visits))
    if said:
        said.append(Sentence(NEW_LAPTOP_WAY))
    return said


def bind_key(conn: "sqlite3.Connection", school_id: str, installation: str, fingerprint: str, own: str) -> None:
    """Bind the school to a key by a person's word (``how = 'by_hand'``; an unbinding of it here
    is undone), inside the caller's transaction. At a laptop that speaks for the school (``own``:
    this installation) it is the school's word: its next statement names the key and travels."""
    add(conn, school_id, installation, fingerprint, "by_hand")
    conn.execute("DELETE FROM school_unbound WHERE school_id = ? AND fingerprint = ?", [school_id, fingerprint])
    statements.reissue(conn, school_id, own, add=(installation, fingerprint))


def list_waiting(workspace: "Workspace") -> list[WaitingBinding]:
    """The bindings by a prefix that wait here for their key's first file (:mod:`.waiting`),
    oldest first, each with its school's code ("" for a school no longer here)."""
    found = waiting.all_waiting(workspace.db.conn)
    schools = workspace.schools.by_ids([w.school_id for w in found])
    return [replace(w, school_code=schools[w.school_id].code if w.school_id in schools else "") for w in found]


def _waiting_for(workspace: "Workspace", digits: str, school_id: str) -> list[WaitingBinding]:
    """The school's waiting bindings that ``digits`` name (the one typed may be shorter or longer
    than the one kept)."""
    return [w for w in waiting.all_waiting(workspace.db.conn)
            if w.school_id == school_id and w.prefix[: len(digits)] == digits[: len(w.prefix)]]


def unbind(workspace: "Workspace", fingerprint: str, school_code: str) -> signing.Signer | WaitingBinding:
    """Stop the key ``fingerprint`` (as :func:`bind` takes it) changing ``school_code``'s records
    here; its installation's bindings to that school go too, and the decision is kept
    (``school_unbound``): a statement that key signs later is ignored here with a warning, and no
    statement binds it again until a person binds it (:func:`bind`). Returns the signer; raises
    :class:`ExchangeError` when the key was not bound to the school.

    A binding still waiting for its key (a prefix, :func:`bind`) is removed the same way and
    returned as the :class:`~.waiting.WaitingBinding` it was."""
    digits = _digits(fingerprint)
    school_id = _school_id(workspace, school_code)
    waited = _waiting_for(workspace, digits, school_id)
    full = _known(workspace, digits)
    if waited and full is None:
        with workspace.db.write():
            for found in waited:
                waiting.remove(workspace.db.conn, found)
        return replace(waited[0], school_code=normalise_code(school_code))
    if full is None:
        raise ExchangeError(UNKNOWN_PREFIX.format(groups=signing.fingerprint_groups(digits, full=True)))
    row = workspace.db.execute("SELECT installation_id FROM signers WHERE fingerprint = ?", [full]).fetchone()
    installation = (row[0] if row else "") or ""
    with workspace.db.write():
        for found in waited:  # a key known since (a school's statement named it): its waiting binding goes too
            waiting.remove(workspace.db.conn, found)
        removed = workspace.db.conn.execute(
            "DELETE FROM school_signers WHERE school_id = ? AND (fingerprint = ? OR (installation_id = ?"
            " AND installation_id <> ''))", [school_id, full, installation],
        ).rowcount
        if statements.reissue(workspace.db.conn, school_id, workspace.installation_id,
                              remove=(installation, full)) is not None:
            removed += 1
        if removed:
            # The decision stands here: statements this key signs later are ignored (try10 #7).
            workspace.db.conn.execute(
                "INSERT OR REPLACE INTO school_unbound (school_id, fingerprint, installation_id, unbound_at)"
                " VALUES (?, ?, ?, ?)", [school_id, full, installation, now_iso()])
    if not removed and not waited:
        raise ExchangeError(Sentence(NOT_BOUND, groups=signing.fingerprint_groups(full),
                                     code=Own(normalise_code(school_code))))
    return signer_of(workspace, full)


def bind_visits(workspace: "Workspace", fingerprint: str, old_fingerprint: str) -> signing.Signer:
    """A supervisor reinstalled (issue 10): let the key ``fingerprint`` change, here, the visits
    the installation of ``old_fingerprint`` made (with their people, findings, attachments,
    follow-ups and events): at her new laptop she may then edit and reopen them, and at an office
    the new key's changes of them apply instead of waiting as pending. A person's deliberate act
    that holds in this database only (as :func:`bind` at an office: no file carries it; another
    office decides for itself). Changes of the new key that wait here already are not decided by
    it: importing the file again applies them (and closes those waiting entries). Both keys as
    :func:`bind` takes them; a new key not seen yet is remembered by its full fingerprint.
    Returns the new key's signer, whose ``visits`` count the visits it now owns here.

    Raises :class:`ExchangeError` for a malformed or unknown fingerprint, for the same key twice,
    for this laptop's own key as the old one, and when no file of the old key's installation was
    imported here (:data:`UNKNOWN_MAKER`)."""
    from ..visit_owners import REBOUND

    full, old = _resolve(workspace, fingerprint), _resolve(workspace, old_fingerprint)
    if full == old:
        raise ExchangeError(SAME_KEY)
    if old == signing.own_fingerprint():
        raise ExchangeError(OWN_OLD_KEY)
    row = workspace.db.execute("SELECT installation_id FROM signers WHERE fingerprint = ?", [old]).fetchone()
    if row is None or not row[0]:
        raise ExchangeError(UNKNOWN_MAKER.format(groups=signing.fingerprint_groups(old)))
    with workspace.db.write():
        conn = workspace.db.conn
        if full != signing.own_fingerprint() and conn.execute(
            "SELECT 1 FROM signers WHERE fingerprint = ?", [full]
        ).fetchone() is None:
            now = now_iso()
            conn.execute(
                "INSERT INTO signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
                " VALUES (?, '', '', 0, ?, ?)", [full, now, now],
            )
        conn.execute("INSERT OR REPLACE INTO installation (key, value) VALUES (?, ?)", [REBOUND + str(row[0]), full])
    return signer_of(workspace, full)


def forget(workspace: "Workspace", fingerprint: str) -> "forgotten.TakenBack":
    """Forget the key ``fingerprint`` (as :func:`bind` takes it): the installation it claimed, the
    schools bound to it and the same-school mappings it signed, with what those mappings moved
    here taken back (``forgotten.take_back``), all in one transaction. The way back when a file
    signed by a stranger's key claimed a real laptop's installation id first (trust on first use),
    so the real laptop's files are refused: after forgetting, the next file of that installation
    binds its own key (the installation only: the schools bound to the key stay unbound, so their
    later changes signed by it wait as pending until a person binds it again; ``unbound`` gives
    their codes); and when a person vouched for a key whose "same school" word was false.
    Other records already imported stay. Returns the rows taken back; a key forgotten here before
    with nothing of it here since: ``already`` is when (test28 N3), nothing else done. Raises
    :class:`ExchangeError` for a malformed or unknown fingerprint, or for this laptop's own key."""
    digits = _digits(fingerprint)
    full = _known(workspace, digits) or _forgotten_before(workspace, digits)
    if full is None:
        raise ExchangeError(UNKNOWN_PREFIX.format(groups=signing.fingerprint_groups(digits, full=True)))
    if full == signing.own_fingerprint():
        raise ExchangeError(OWN_KEY)
    travelling = travelling_columns(workspace.db)
    with workspace.db.write():
        conn = workspace.db.conn
        words = sum(1 for mapping in same_school.all_kept(conn) if mapping.signer_fingerprint == full)
        bound = [str(row[0]) for row in conn.execute("SELECT school_id FROM school_signers WHERE fingerprint = ?", [full])]
        found = workspace.schools.by_ids(bound)
        unbound = tuple(sorted(found[school_id].code for school_id in bound if school_id in found))
        removed = words + conn.execute("DELETE FROM school_signers WHERE fingerprint = ?", [full]).rowcount
        removed += conn.execute("DELETE FROM signers WHERE fingerprint = ?", [full]).rowcount
        taken = replace(forgotten.take_back(conn, travelling, full), unbound=unbound)
        same_school.forget_signer(conn, full)  # its same-school word goes with it
        before = conn.execute("SELECT value FROM installation WHERE key = ?", [FORGOTTEN + full]).fetchone()
        if before is not None and not removed:
            return replace(taken, already=str(before[0]))
        conn.execute("INSERT OR REPLACE INTO installation (key, value) VALUES (?, ?)", [FORGOTTEN + full, now_iso()])
    return taken


FORGOTTEN = "forgotten:"  # installation key: forgotten:<fingerprint> -> when it was forgotten


def forgotten_here(conn: "sqlite3.Connection", fingerprint: str) -> bool:
    """True when a person forgot the key ``fingerprint`` here (:func:`forget`) and no file of it
    has been imported since (a file of it makes it known again)."""
    if conn.execute("SELECT 1 FROM signers WHERE fingerprint = ?", [fingerprint]).fetchone() is not None:
        return False
    return conn.execute("SELECT 1 FROM installation WHERE key = ?", [FORGOTTEN + fingerprint]).fetchone() is not None


def _forgotten_before(workspace: "Workspace", digits: str) -> str | None:
    """The full fingerprint of the one key forgotten here that ``digits`` start, else None."""
    rows = [str(row[0])[len(FORGOTTEN):] for row in workspace.db.execute(
        "SELECT key FROM installation WHERE substr(key, 1, ?) = ?", [len(FORGOTTEN) + len(digits), FORGOTTEN + digits])]
    return rows[0] if len(rows) == 1 else None


def _owned(workspace: "Workspace", fingerprint: str, installation: str) -> tuple[tuple[tuple[str, str], ...], int]:
    rows = workspace.db.execute(
        "SELECT school_id, min(how) FROM school_signers"
        " WHERE fingerprint = ? OR (installation_id = ? AND installation_id <> '') GROUP BY school_id",
        [fingerprint, installation],
    ).fetchall()
    found = workspace.schools.by_ids([str(row[0]) for row in rows])
    learnt = tuple(sorted((found[str(school_id)].code, _how(workspace, str(school_id), str(how), fingerprint))
                          for school_id, how in rows if str(school_id) in found))
    # The visits its installation made, and those of old installations re-bound to it here.
    visits = int(workspace.db.execute(
        "SELECT count(*) FROM visits WHERE (made_by = ? AND made_by <> '') OR made_by IN"
        " (SELECT substr(key, 11) FROM installation WHERE key LIKE 'visits_of:%' AND value = ?)",
        [installation, fingerprint],
    ).fetchone()[0])
    return learnt, visits


def _how(workspace: "Workspace", school_id: str, how: str, fingerprint: str) -> str:
    """``how`` as a person should read it: a binding by hand at a laptop that speaks for the school
    signed the school's statement too, so it travels (``by_hand_sent``), unlike one at an office."""
    if how != "by_hand":
        return how
    speaks = statements.speaks_for(workspace.db.conn, school_id, workspace.installation_id, signing.own_fingerprint())
    if isinstance(speaks, statements.Statement) and speaks.names("", fingerprint):
        return "by_hand_sent"
    return how


def signer_of(workspace: "Workspace", fingerprint: str) -> signing.Signer:
    """What this laptop knows of the key ``fingerprint``, with the schools it owns here (and how
    each binding was learnt), the visits its installation made and the codes its same-school
    mappings kept here name."""
    base = signing.signer_for(workspace, fingerprint)
    installation = base.installation_id or _bound_installation(workspace, fingerprint)
    learnt, visits = _owned(workspace, fingerprint, installation)
    words = sorted({m.code for m in same_school.all_kept(workspace.db.conn) if m.signer_fingerprint == fingerprint})
    return signing.Signer(
        fingerprint=base.fingerprint, name=base.name, trusted=base.trusted, is_own=base.is_own,
        first_seen_at=base.first_seen_at, installation_id=installation,
        schools=tuple(code for code, _how in learnt), visits=visits, bindings=learnt, same_school=tuple(words),
    )


def _bound_installation(workspace: "Workspace", fingerprint: str) -> str:
    """The installation a school's statement names for a key no file of its own brought yet."""
    row = workspace.db.execute(
        "SELECT installation_id FROM school_signers WHERE fingerprint = ? AND installation_id <> '' LIMIT 1",
        [fingerprint],
    ).fetchone()
    return str(row[0]) if row else ""


def list_signers(workspace: "Workspace", *, include_own: bool = False) -> list[signing.Signer]:
    """Every key seen in imported files, bound by hand or named by a school's statement (this
    laptop's own first with ``include_own``), each with its fingerprint, name, installation, the
    codes of the schools bound to it (and how each binding was learnt) and the number of visits
    its installation made here; labelled trusted ones first."""
    fingerprints = [str(row[0]) for row in workspace.db.execute(
        "SELECT fingerprint FROM signers ORDER BY trusted DESC, name COLLATE thai, fingerprint")]
    # Keys known only because a school's statement names them (a school's second laptop whose own
    # file has not come here yet) own records here too: they are listed after the others.
    fingerprints += [str(row[0]) for row in workspace.db.execute(
        "SELECT DISTINCT fingerprint FROM school_signers WHERE length(fingerprint) = 64"
        " AND fingerprint NOT IN (SELECT fingerprint FROM signers) ORDER BY fingerprint")]
    from dataclasses import replace

    from . import senders

    own = signing.own_fingerprint()
    found = [signer_of(workspace, fp) for fp in fingerprints if fp != own]
    found = [replace(s, sender=senders.of_key(workspace, s.fingerprint, s.installation_id, s.name)) for s in found]
    if include_own:
        found.insert(0, replace(signer_of(workspace, own), sender=senders.own_sender(workspace)))
    return found


def signers_as_data(workspace: "Workspace") -> list[dict[str, object]]:
    """:func:`list_signers` (own included) as JSON-ready values, for scripts."""
    return [
        {"fingerprint": s.fingerprint, "groups": s.groups, "name": s.name, "installation_id": s.installation_id,
         "own": s.is_own, "trusted_label": s.trusted, "schools": list(s.schools), "visits": s.visits,
         "bindings": [{"school": code, "how": how} for code, how in s.bindings], "same_school": list(s.same_school)}
        for s in list_signers(workspace, include_own=True)
    ]


# fx31b (retest30 N2): a bind ADDS a laptop to a school (fx30c: a still-bound key's records are never
# replaced); when the school is bound to other keys already, the window asks with these words before
# it binds and ``signers --bind`` prints them after the bind.
ALREADY_BOUND = "โรงเรียนนี้ผูกกับกุญแจ {keys} อยู่แล้ว — การผูกนี้เพิ่ม{which}ของโรงเรียน ไม่ได้แทนเครื่องเดิม"
ALREADY_KEY = "{groups} (เครื่อง {name})"
ALREADY_WHICH = {1: "เครื่องที่สอง", 2: "เครื่องที่สาม"}
ALREADY_WHICH_MORE = "อีกเครื่องหนึ่ง"


@dataclass(frozen=True)
class BoundKey:
    """A key a school is bound to here: its ``fingerprint`` (64 hex digits, or "" for a binding
    that names only an installation) and the laptop's ``name`` as its files gave it ("" unknown)."""

    fingerprint: str
    name: str

    @property
    def groups(self) -> str:
        """The key's 8 groups (``ABCD-EF12-…``), as the senders' window shows them."""
        return signing.fingerprint_groups(self.fingerprint) if self.fingerprint else "-"


def bound_already(workspace: "Workspace", fingerprint: str, school_code: str) -> list[BoundKey]:
    """The keys other than ``fingerprint`` (as :func:`bind` takes it: 8 groups or more, any case,
    dashes or not) that the school ``school_code`` is bound to here, by fingerprint; [] when none
    (a school typed here, or whose keys were forgotten). What a bind of ``fingerprint`` to the
    school would add a laptop beside (retest30 N2). Raises :class:`ExchangeError` for a malformed
    fingerprint or an unknown school, as :func:`bind` does."""
    digits = _digits(fingerprint)
    school_id = _school_id(workspace, school_code)
    own = signing.own_fingerprint()
    found: dict[str, BoundKey] = {}
    for key, name in workspace.db.execute(
        "SELECT b.fingerprint, coalesce(s.name, '') FROM school_signers AS b"
        " LEFT JOIN signers AS s ON s.fingerprint = b.fingerprint WHERE b.school_id = ? ORDER BY b.fingerprint",
        [school_id],
    ):
        key = str(key or "")
        if key and key.startswith(digits) or key in found:
            continue
        found[key] = BoundKey(key, signing.own_name() if key == own else str(name))
    return list(found.values())


def already_bound_sentence(keys: list[BoundKey]) -> str:
    """The Thai sentence that a bind adds a laptop beside ``keys`` (from :func:`bound_already`,
    at least one) and replaces none of them: :data:`ALREADY_BOUND`."""
    named = ", ".join(ALREADY_KEY.format(groups=key.groups, name=key.name) if key.name else key.groups
                      for key in keys)
    return ALREADY_BOUND.format(keys=named, which=ALREADY_WHICH.get(len(keys), ALREADY_WHICH_MORE))


def by_school(signers: Iterable[signing.Signer], names: Mapping[str, str]) -> list[signing.Signer]:
    """``signers`` in the senders' table's order (retest30 B5): by the name of the key's first
    school (``names``: code -> school name; Thai order by the project's collation, ``thai_key``;
    the code when the name is not known), then by fingerprint; keys bound to no school last, by
    fingerprint. Pure: reads nothing."""
    def order(signer: signing.Signer) -> tuple[bool, tuple[tuple[str, str, str, str], str], str]:
        first = min(((thai_key(names.get(code, code)), code) for code in signer.schools), default=None)
        return first is None, first or (("", "", "", ""), ""), signer.fingerprint
    return sorted(signers, key=order)
