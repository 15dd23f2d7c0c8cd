"""Each installation's Ed25519 key pair, and the keys this laptop has seen.

The private key is made on first use and kept by the operating system's credential store, else in
a file readable by the user only (0600), never on removable media (``keystore``): it says "this
file, or this seal, came from this laptop". A signer is named
by the fingerprint of its public key (SHA-256, hex), read out as short groups
(:func:`fingerprint_groups`).

**A key signs for one installation.** The first file (or seal) in which a key appears binds it to
the installation id it signs for (``signers.installation_id``); a file whose installation id is
bound here to another key, or whose key is bound to another installation, is refused
(:func:`check_binding`).

**Ids tied to keys.** A new installation's id is derived from its public key
(``ids.installation_id_for``), so a file whose key is not the one its derived id comes from is
refused outright, wherever it arrives first. An id of the old random form cannot be checked so: it
is trusted on first use, and the import says so (:data:`FIRST_SEEN`, a warning in the preview, the
result and the command's output); a later file claiming it with another key is refused with both
keys named (:data:`CLAIMED_BEFORE`), and forgetting the first key (``signers --forget``, or the
senders' window's "ลืมกุญแจนี้…") is the way back when it was a stranger's. What a key may *change* is decided by the bindings of records to owners
(``exchange/bindings.py``): the schools bound to it and the visits its installation made.

**"Trusted" grants nothing.** It is a label a person sets after comparing a fingerprint by phone
(:func:`set_trusted`); the window shows it. It does not let a signer change a single record it does
not own: only binding the key to a school does (``bindings.bind``, ``main.py signers --bind``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import platform
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .. import keys, paths
from ..clock import now_iso
from ..ids import installation_id_for, is_derived
from ..thai import Sentence
from .advice import forget_refusal
from .records import ExchangeError

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .rejudged import Rejudged

KEY_FILE = keys.KEY_FILE
NAME_FILE = "exchange-name.txt"
ALGORITHM = "ed25519"


@dataclass(frozen=True)
class Signer:
    """A key this laptop knows. ``trusted`` is a person's label only (see the module's docstring);
    ``schools`` are the codes of the schools bound to the key here (the records it may change),
    ``bindings`` the same with how each binding was learnt, ``visits`` how many visits its
    installation made here; ``same_school`` the codes of the typed schools its "same school" word
    kept here names (the rows it moved; ``signers --forget`` takes them back)."""

    fingerprint: str
    name: str
    trusted: bool
    is_own: bool = False
    first_seen_at: str = ""
    installation_id: str = ""
    schools: tuple[str, ...] = ()
    visits: int = 0
    # (school code, how the binding was learnt: "statement", "first_use", "by_hand", "same_school",
    # "before_owners"; see HOW_LEARNT), one per school, sorted by code.
    bindings: tuple[tuple[str, str], ...] = ()
    same_school: tuple[str, ...] = ()
    # What a person's bind just did to the changes of this key waiting here (``rejudge.py``, retest30
    # N1): None when the signer was not returned by a bind.
    rejudged: "Rejudged | None" = None
    # Who the key is here (``senders.of_key``: the school, the supervisor, the office), filled by
    # ``bindings.list_signers`` (s32 A3: the signers window said "vm" or "ไม่ระบุชื่อ"); None elsewhere.
    sender: Any = None

    @property
    def short_fingerprint(self) -> str:
        """The first 16 hex digits in groups of four: enough for a person to compare by phone."""
        return format_fingerprint(self.fingerprint)

    @property
    def groups(self) -> str:
        """The fingerprint as :func:`fingerprint_groups` reads it out."""
        return fingerprint_groups(self.fingerprint)


# How a binding of a key to a school was learnt, for people (the CLI and the window).
HOW_LEARNT = {
    "statement": "รู้จากคำรับรองของโรงเรียน (ลงนามด้วยกุญแจของโรงเรียนเอง ส่งต่อมากับข้อมูลของโรงเรียน)",
    "first_use": "รู้จากไฟล์แรกที่นำโรงเรียนเข้ามา (ไฟล์รุ่นก่อนมีคำรับรองของโรงเรียน)",
    "by_hand": "ผูกด้วยมือที่เครื่องนี้ (ใช้เฉพาะเครื่องนี้ ไม่ส่งต่อไปหน่วยงานอื่น)",
    # by_hand at a laptop whose statement of the school names the key: it travels (try10 #15).
    "by_hand_sent": "ผูกด้วยมือที่เครื่องนี้ และอยู่ในคำรับรองเจ้าของโรงเรียน (ส่งต่อไปกับข้อมูลของโรงเรียน)",
    "same_school": "ผูกเมื่อยืนยันว่าเป็นโรงเรียนเดียวกัน",
    "before_owners": "รู้จากการแก้ไขล่าสุดก่อนมีเจ้าของข้อมูล (ข้อมูลรุ่นเก่า)",
}


def format_fingerprint(fingerprint: str) -> str:
    """The fingerprint as every message and window writes it: :func:`fingerprint_groups`
    (``"ABCD-EF12-…"``, 8 groups). One format everywhere, so the line an export prints is the one
    the district reads on its screen (try10 F2: this was 4 groups joined by spaces)."""
    return fingerprint_groups(fingerprint)


GROUPS = 8  # 32 hex digits, 128 bits: read out in under a minute, far beyond guessing


def fingerprint_groups(fingerprint: str, *, full: bool = False) -> str:
    """The fingerprint as groups of four upper-case hex digits joined by dashes, e.g.
    ``ABCD-EF12-…``: the first 32 digits (8 groups), or all 64 with ``full``. What a person reads
    out over the phone; :func:`~.bindings.bind` accepts it back, dashes and all."""
    digits = fingerprint.upper()[: None if full else GROUPS * 4]
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def fingerprint_of(public_raw: bytes) -> str:
    """A key's fingerprint: the SHA-256 of its 32 raw public-key bytes, as 64 lower-case hex digits."""
    return hashlib.sha256(public_raw).hexdigest()


def _private_key() -> Ed25519PrivateKey:
    try:
        return keys.private_key()
    except keys.KeyFileUnreadable as exc:
        raise ExchangeError(exc.thai(), detail=None if exc.message or exc.foreign else exc.reason) from None


def _public_raw(key: Ed25519PrivateKey) -> bytes:
    return keys.public_raw(key)


def own_name() -> str:
    """The name this installation puts on its exports (set with :func:`set_own_name`)."""
    path = paths.user_data_dir() / NAME_FILE
    try:
        name = path.read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    return name or platform.node() or "ไม่ระบุชื่อเครื่อง"


def configured_name() -> str:
    """The name a person gave this installation (:func:`set_own_name`), ``""`` when none was
    given (no fallback to the computer's name). Raises nothing."""
    try:
        return (paths.user_data_dir() / NAME_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def set_own_name(name: str) -> None:
    """Set the name this installation puts on its exports (stored stripped in the data folder;
    blank: the computer's name). Raises ``OSError`` when the data folder cannot be written."""
    path = paths.user_data_dir() / NAME_FILE
    path.write_text(name.strip(), encoding="utf-8")


def own_fingerprint() -> str:
    """This installation's key fingerprint (64 hex digits); the key is made on first use and kept
    by ``keystore`` (the system's credential store, else a 0600 file). Raises :class:`ExchangeError` when the key file cannot be read or is not
    this program's, and ``OSError`` when a new key cannot be written."""
    global _fingerprinted
    key = _private_key()  # the key read last is kept (keys.private_key): the same object until it changes
    if _fingerprinted is None or _fingerprinted[0] is not key:
        _fingerprinted = (key, fingerprint_of(_public_raw(key)))
    return _fingerprinted[1]


_fingerprinted: tuple[Ed25519PrivateKey, str] | None = None  # an import asks for it several times


def own_public_key() -> bytes:
    """This installation's public key, raw (32 bytes)."""
    return _public_raw(_private_key())


def sign_bytes(message: bytes) -> bytes:
    """An Ed25519 signature of ``message`` by this installation's key (64 bytes)."""
    return _private_key().sign(message)


def verify_bytes(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    """True when ``signature`` is ``public_raw``'s signature of ``message``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


_LINE_KEY = re.compile(r"^[A-Za-z0-9+/]{43}=$")


def line_signer(line: dict[str, Any], message: bytes) -> bytes | None:
    """The raw public key that signed a signed line (an owners' statement, a same-school mapping:
    its ``signer_installation``, ``signer_key`` and ``signature`` fields, base64), when the fields
    have their shapes and ``signature`` is that key's signature of ``message``; else None."""
    if not (isinstance(line["signer_installation"], str) and 0 < len(line["signer_installation"]) <= 100
            and isinstance(line["signer_key"], str) and _LINE_KEY.match(line["signer_key"])
            and isinstance(line["signature"], str) and len(line["signature"]) <= 200):
        return None
    try:
        public_raw = base64.b64decode(line["signer_key"], validate=True)
        signature = base64.b64decode(line["signature"], validate=True)
    except ValueError:
        return None
    return public_raw if verify_bytes(public_raw, signature, message) else None


def own_signer(workspace: "Workspace") -> Signer:
    """This installation as a signer (its key is made now if it does not exist yet)."""
    return Signer(fingerprint=own_fingerprint(), name=own_name(), trusted=True, is_own=True)


def sign(manifest_bytes: bytes) -> bytes:
    """The ``signature.json`` member for these manifest bytes."""
    key = _private_key()
    document = {
        "algorithm": ALGORITHM,
        "public_key": base64.b64encode(_public_raw(key)).decode("ascii"),
        "signature": base64.b64encode(key.sign(manifest_bytes)).decode("ascii"),
    }
    return json.dumps(document, indent=2).encode("utf-8")


def verify(manifest_bytes: bytes, signature_bytes: bytes) -> tuple[str, str]:
    """Check the signature; return (fingerprint, public key in base64). Raises ExchangeError."""
    try:
        document = json.loads(signature_bytes.decode("utf-8"))
        if not isinstance(document, dict) or document.get("algorithm") != ALGORITHM:
            raise ValueError("algorithm")
        public_b64 = document["public_key"]
        public_raw = base64.b64decode(public_b64, validate=True)
        signature = base64.b64decode(document["signature"], validate=True)
        public_key = Ed25519PublicKey.from_public_bytes(public_raw)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise ExchangeError("ลายเซ็นของไฟล์อ่านไม่ได้ ไฟล์นี้อาจเสียหายหรือถูกแก้ไขหลังส่งออก") from None
    try:
        public_key.verify(signature, manifest_bytes)
    except InvalidSignature:
        raise ExchangeError("ไฟล์ถูกแก้ไขหลังส่งออก (ลายเซ็นไม่ตรงกับเนื้อหา) โปรแกรมจะไม่นำเข้าไฟล์นี้") from None
    return fingerprint_of(public_raw), str(public_b64)


def signer_for(workspace: "Workspace", fingerprint: str, name: str = "", *, own: str | None = None) -> Signer:
    """What this office knows about a signer (unknown ones are untrusted). ``own``: this
    installation's fingerprint when the caller has it already (an import reads the key once)."""
    if fingerprint == (own or own_fingerprint()):
        return Signer(fingerprint=fingerprint, name=own_name(), trusted=True, is_own=True,
                      installation_id=workspace.installation_id)
    row = workspace.db.execute(
        "SELECT name, trusted, first_seen_at, installation_id FROM signers WHERE fingerprint = ?", [fingerprint]
    ).fetchone()
    if row is None:
        return Signer(fingerprint=fingerprint, name=name, trusted=False)
    return Signer(fingerprint=fingerprint, name=row[0] or name, trusted=bool(row[1]), first_seen_at=row[2],
                  installation_id=row[3] or "")


# A refusal over keys reads in short lines (fx30 B6): a first sentence saying what happened, then each
# key once, as groups, on a bullet line of its own, then what to do; the window shows the lines as
# they are, the command line indents them under the file's name.
BOUND_ELSEWHERE = (
    "ไฟล์ {source} อ้างว่ามาจากเครื่อง {installation} แต่กุญแจที่ลงนามไม่ใช่กุญแจที่เครื่องนี้รู้จักสำหรับเครื่องนั้น"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนาม: {groups}\n"
    "เครื่องนี้รู้จักเครื่อง {installation} กับกุญแจอีกดอกหนึ่ง หรือรู้จักกุญแจนี้ในนามเครื่องอื่นแล้ว"
    " (กุญแจหนึ่งดอกลงนามได้ในนามเครื่องเดียว)\n"
    "โปรดขอไฟล์จากเครื่อง {installation} โดยตรง"
)
# An old random installation id bound here to the key first seen with it; {forget} is the way to
# forget that key, as the command line or the window says it (advice.forget_refusal). The sender of
# THIS file is checked first: the key held may be the genuine one (retest28 R1, test28 N3 c).
CLAIMED_BEFORE = (
    "ไฟล์ {source} อ้างว่ามาจากเครื่อง {installation} แต่ลงนามด้วยกุญแจคนละดอกกับที่เครื่องนี้รู้จักสำหรับเครื่องนั้น"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจของไฟล์นี้: {groups}\n"
    "• กุญแจที่เครื่องนี้รู้จักสำหรับเครื่อง {installation}: {held}\n"
    "รหัสเครื่องแบบเดิมผูกกับกุญแจดอกแรกที่พบ ก่อนอื่นให้โทรถามเครื่อง {installation} ให้อ่านลายนิ้วมือกุญแจของเขา\n"
    "• หากตรงกับกุญแจที่เครื่องนี้รู้จัก: ไฟล์นี้ไม่ได้มาจากเครื่องนั้น อย่านำเข้าไฟล์นี้ และอย่าลืมกุญแจดอกนั้น\n"
    "• หากตรงกับกุญแจของไฟล์นี้: กุญแจที่เครื่องนี้รู้จักเป็นของผู้อื่น ให้{forget} แล้วนำเข้าไฟล์นี้อีกครั้ง"
)
# A file that claims this laptop's own installation with another key: not from here (this laptop's
# own key is never forgotten, so no advice to forget it).
CLAIMED_OWN = (
    "ไฟล์ {source} อ้างว่ามาจากเครื่องนี้เอง (เครื่อง {installation}) แต่ลงนามด้วยกุญแจที่ไม่ใช่ของเครื่องนี้"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจของไฟล์นี้: {groups}\n"
    "• กุญแจของเครื่องนี้: {own}\n"
    "ไฟล์นี้จึงไม่ได้ส่งออกจากเครื่องนี้ด้วยกุญแจที่ใช้อยู่ โปรดถามผู้ส่งว่าได้ไฟล์นี้มาจากที่ใด"
)
NOT_DERIVED = (
    "ไฟล์ {source} อ้างว่ามาจากเครื่อง {installation} แต่รหัสเครื่องนี้ไม่ตรงกับกุญแจที่ลงนาม ไฟล์นี้อาจปลอม"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนาม: {groups}\n"
    "รหัสเครื่องรุ่นใหม่สร้างจากกุญแจของเครื่องเอง ผู้อื่นจึงอ้างรหัสนั้นไม่ได้ โปรดขอไฟล์จากเครื่อง {installation} โดยตรง"
)
FIRST_SEEN = (
    "พบเครื่อง {installation} (ชื่อ \"{name}\" กุญแจ {groups}) เป็นครั้งแรก รหัสเครื่องนี้เป็นแบบเดิมที่ไม่ได้สร้างจากกุญแจ"
    " เครื่องนี้จึงเชื่อกุญแจดอกนี้สำหรับรหัสนั้นตั้งแต่นี้ไป ควรโทรเทียบลายนิ้วมือกับเครื่องนั้น"
)


LAPTOP_SCHOOLS = "{laptop} · โรงเรียนรหัส {codes}"


def laptop_named(workspace: "Workspace", installation_id: str) -> str:
    """The words a refusal names the laptop ``installation_id`` with (a str), as the senders' window
    and the history know it (TEST30a B16: an installation-id prefix no window shows): its name and
    first key groups (``exchange.editors.editor_names``) and the schools bound to it here, "vm · กุญแจ
    0E01-64D9… · โรงเรียนรหัส 6310000001"; the id's first 8 characters when this laptop knows
    nothing of it. Raises nothing."""
    from .editors import editor_names

    known = editor_names(workspace).get(installation_id)
    if not known:
        return installation_id[:8]
    rows = workspace.db.execute(
        "SELECT DISTINCT school_id FROM school_signers WHERE installation_id = ?"
        " OR fingerprint IN (SELECT fingerprint FROM signers WHERE installation_id = ?)",
        [installation_id, installation_id]).fetchall()
    codes = sorted(school.code for school in workspace.schools.by_ids(str(row[0]) for row in rows).values())
    return LAPTOP_SCHOOLS.format(laptop=known, codes=", ".join(codes)) if codes else known


def check_binding(workspace: "Workspace", installation_id: str, fingerprint: str, source: str,
                  public_raw: bytes | None = None, *, own: str | None = None) -> bool:
    """Refuse (:class:`ExchangeError`) a key that signs for an installation it cannot be: an id
    of the derived form (``ids.is_derived``) that is not derived from ``public_raw`` (when given),
    an installation bound here to another key (naming both keys: an old random id is trusted on
    first use, ``bindings.forget`` undoes a stranger's claim), or another installation than the one
    the key is bound to (this laptop's own key and installation included). Returns True when the
    pair is seen here for the first time (:func:`remember_signer` binds it then). ``own``: this
    installation's fingerprint when the caller has it already (an import reads the key once)."""
    own = own or own_fingerprint()
    if public_raw is not None and is_derived(installation_id) and installation_id_for(public_raw) != installation_id:
        raise ExchangeError(NOT_DERIVED.format(source=source, installation=laptop_named(workspace, installation_id),
                                               groups=fingerprint_groups(fingerprint)))
    if (fingerprint == own) != (installation_id == workspace.installation_id):
        if fingerprint != own and installation_id == workspace.installation_id:
            raise ExchangeError(Sentence(CLAIMED_OWN, source=source, installation=laptop_named(workspace, installation_id),
                                         groups=fingerprint_groups(fingerprint), own=fingerprint_groups(own)))
        raise ExchangeError(BOUND_ELSEWHERE.format(
            source=source, installation=laptop_named(workspace, installation_id), groups=fingerprint_groups(fingerprint)))
    if fingerprint == own:
        return False
    by_key = workspace.db.execute(
        "SELECT installation_id FROM signers WHERE fingerprint = ?", [fingerprint]
    ).fetchone()
    by_installation = workspace.db.execute(
        "SELECT fingerprint FROM signers WHERE installation_id = ?", [installation_id]
    ).fetchone()
    if by_installation is not None and by_installation[0] != fingerprint:
        raise forget_refusal(CLAIMED_BEFORE, workspace, source=source, installation=laptop_named(workspace, installation_id),
                             groups=fingerprint_groups(fingerprint), held=fingerprint_groups(str(by_installation[0])))
    if by_key is not None and by_key[0] not in (None, installation_id):
        raise ExchangeError(BOUND_ELSEWHERE.format(
            source=source, installation=laptop_named(workspace, installation_id), groups=fingerprint_groups(fingerprint)))
    return by_installation is None


def remember_signer(
    workspace: "Workspace", fingerprint: str, public_key: str, name: str, installation_id: str | None = None,
    *, own: str | None = None,
) -> None:
    """Note a key seen in an imported file and bind it to ``installation_id`` (untrusted until a
    person says otherwise; a key bound by hand before its first file gets its public key and
    installation now). Called inside the import's transaction, after :func:`check_binding`;
    ``own`` as there."""
    if fingerprint == (own or own_fingerprint()):
        return
    now = now_iso()
    workspace.db.execute(
        "INSERT INTO signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at, installation_id)"
        " VALUES (?, ?, ?, 0, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
        " public_key = CASE WHEN signers.public_key = '' THEN excluded.public_key ELSE signers.public_key END,"
        " name = CASE WHEN signers.name = '' THEN excluded.name ELSE signers.name END,"
        " installation_id = coalesce(signers.installation_id, excluded.installation_id)"
        # A signer known in full is left as it is: rewriting the same values would still write its pages.
        " WHERE signers.public_key = '' OR signers.name = '' OR signers.installation_id IS NULL",
        [fingerprint, public_key, name, now, now, installation_id],
    )


def public_key_of(workspace: "Workspace", installation_id: str) -> str:
    """The public key (base64) bound here to ``installation_id`` ("" when none is known)."""
    if installation_id == workspace.installation_id:
        return base64.b64encode(own_public_key()).decode("ascii")
    row = workspace.db.execute("SELECT public_key FROM signers WHERE installation_id = ?", [installation_id]).fetchone()
    return str(row[0]) if row else ""


def set_trusted(workspace: "Workspace", fingerprint: str, trusted: bool, name: str = "") -> Signer:
    """Mark a signer trusted (or not); ``name`` replaces the remembered name when given. A label
    for people only: it lets the signer change nothing (see the module's docstring). Returns the
    signer. Raises :class:`ExchangeError` for a fingerprint that is not 64 hex digits (dashes and
    spaces are not accepted here) and :class:`~qualityschool_desktop.errors.StorageError` when the
    database cannot be written."""
    fingerprint = fingerprint.strip().lower()
    if len(fingerprint) != 64 or any(ch not in "0123456789abcdef" for ch in fingerprint):
        raise ExchangeError("รหัสลายนิ้วมือของผู้ลงนามต้องเป็นเลขฐานสิบหก ๖๔ ตัว")
    now = now_iso()
    with workspace.db.write():
        workspace.db.execute(
            "INSERT INTO signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
            " VALUES (?, '', ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET trusted = excluded.trusted,"
            " name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE signers.name END,"
            " modified_at = excluded.modified_at",
            [fingerprint, name.strip(), int(trusted), now, now],
        )
    return signer_for(workspace, fingerprint)


def key_path() -> Path:
    """Where this installation's private signing key's file is (or would be) when the operating
    system has no credential store (``keys.key_path``: the per-user data folder, never removable
    media). Only a path: nothing is read or made."""
    return keys.key_path()
