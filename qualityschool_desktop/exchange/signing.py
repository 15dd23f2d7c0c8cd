"""Each installation's Ed25519 key pair, and the signers an office has marked trusted.

The private key is made on first use and kept in the per-user data folder (``paths``), readable
by the user only (0600): it says "this file came from this laptop". A signer is named by the
fingerprint of its public key (SHA-256, hex); the office decides which fingerprints it trusts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .. import paths
from ..clock import now_iso
from .records import ExchangeError

if TYPE_CHECKING:
    from ..workspace import Workspace

KEY_FILE = "exchange-signing-key.pem"
NAME_FILE = "exchange-name.txt"
ALGORITHM = "ed25519"


@dataclass(frozen=True)
class Signer:
    fingerprint: str
    name: str
    trusted: bool
    is_own: bool = False
    first_seen_at: str = ""

    @property
    def short_fingerprint(self) -> str:
        """The first 16 hex digits in groups of four: enough for a person to compare by phone."""
        return format_fingerprint(self.fingerprint)


def format_fingerprint(fingerprint: str) -> str:
    head = fingerprint[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def fingerprint_of(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()


def _private_key() -> Ed25519PrivateKey:
    path = paths.user_data_dir() / KEY_FILE
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise ExchangeError(f"อ่านกุญแจสำหรับลงนามไฟล์ ({path}) ไม่ได้: {exc}") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise ExchangeError(f"ไฟล์กุญแจ {path} ไม่ใช่กุญแจของโปรแกรมนี้")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    tmp = path.with_name(path.name + ".tmp")
    # Created 0600 from the start: the key is never readable by others, not even for a moment.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return key


def _public_raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def own_name() -> str:
    """The name this installation puts on its exports (set with :func:`set_own_name`)."""
    path = paths.user_data_dir() / NAME_FILE
    try:
        name = path.read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    return name or platform.node() or "ไม่ระบุชื่อเครื่อง"


def set_own_name(name: str) -> None:
    path = paths.user_data_dir() / NAME_FILE
    path.write_text(name.strip(), encoding="utf-8")


def own_fingerprint() -> str:
    return fingerprint_of(_public_raw(_private_key()))


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


def signer_for(workspace: "Workspace", fingerprint: str, name: str = "") -> Signer:
    """What this office knows about a signer (unknown ones are untrusted)."""
    if fingerprint == own_fingerprint():
        return Signer(fingerprint=fingerprint, name=own_name(), trusted=True, is_own=True)
    row = workspace.db.execute(
        "SELECT name, trusted, first_seen_at FROM trusted_signers WHERE fingerprint = ?", [fingerprint]
    ).fetchone()
    if row is None:
        return Signer(fingerprint=fingerprint, name=name, trusted=False)
    return Signer(fingerprint=fingerprint, name=row[0] or name, trusted=bool(row[1]), first_seen_at=row[2])


def remember_signer(workspace: "Workspace", fingerprint: str, public_key: str, name: str) -> None:
    """Note a signer seen in an imported file (untrusted until a person says otherwise).
    Called inside the import's transaction."""
    now = now_iso()
    workspace.db.execute(
        "INSERT OR IGNORE INTO trusted_signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
        " VALUES (?, ?, ?, 0, ?, ?)",
        [fingerprint, public_key, name, now, now],
    )


def list_signers(workspace: "Workspace") -> list[Signer]:
    """Every signer seen in imported files or marked by hand, trusted ones first."""
    return [
        Signer(fingerprint=row[0], name=row[1], trusted=bool(row[2]), first_seen_at=row[3])
        for row in workspace.db.execute(
            "SELECT fingerprint, name, trusted, first_seen_at FROM trusted_signers ORDER BY trusted DESC, name"
        ).fetchall()
    ]


def set_trusted(workspace: "Workspace", fingerprint: str, trusted: bool, name: str = "") -> Signer:
    """Mark a signer trusted (or not); ``name`` replaces the remembered name when given."""
    fingerprint = fingerprint.strip().lower()
    if len(fingerprint) != 64 or any(ch not in "0123456789abcdef" for ch in fingerprint):
        raise ExchangeError("รหัสลายนิ้วมือของผู้ลงนามต้องเป็นเลขฐานสิบหก ๖๔ ตัว")
    now = now_iso()
    with workspace.db.write():
        workspace.db.execute(
            "INSERT INTO trusted_signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
            " VALUES (?, '', ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET trusted = excluded.trusted,"
            " name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE trusted_signers.name END,"
            " modified_at = excluded.modified_at",
            [fingerprint, name.strip(), int(trusted), now, now],
        )
    return signer_for(workspace, fingerprint)


def key_path() -> Path:
    return paths.user_data_dir() / KEY_FILE
