"""This installation's Ed25519 key pair.

The private key is made on first use and kept by ``keystore``: the operating system's credential
store where there is one (Windows Credential Manager, the macOS Keychain, a Secret Service), else
a file readable by the user only (0600) that is never on removable media (issue 12). It signs this
installation's exchange files and seals (``exchange/signing.py``), and a new installation's id is
derived from its public key (``ids.installation_id_for``, used by ``workspace.installation_id``),
so making a new installation's id reads (or makes) the key in the credential store.
This module only reads and makes the key; what a signature means is ``exchange/signing.py``'s.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import keystore

KEY_FILE = keystore.KEY_FILE
STORE_NAME = "ที่เก็บรหัสผ่านของระบบ"


class KeyFileUnreadable(Exception):
    """The key cannot be read (``reason``) or is no key of this program (``foreign``). ``path``
    is where it is kept: the file's path, or :data:`STORE_NAME` for the operating system's store.
    ``message`` is a Thai sentence when ``keystore`` gave one (a locked store); the caller words
    the rest for people."""

    def __init__(self, path: Path | str, reason: str, *, foreign: bool = False, message: str = "") -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason, self.foreign, self.message = path, reason, foreign, message

    def thai(self) -> str:
        """What a person reads: the store's own sentence, or which key cannot be read (the
        library's or the system's English ``reason`` is a technical detail, said apart)."""
        if self.message:
            return self.message
        if self.foreign:
            return f"กุญแจใน {self.path} ไม่ใช่กุญแจของโปรแกรมนี้"
        return f"อ่านกุญแจสำหรับลงนามไฟล์ของเครื่องนี้ ({self.path}) ไม่ได้"


# The key read last, by where it is kept (the store's entry, or the file and its modification
# time): an import asks for it several times.
_loaded: tuple[tuple[str, ...], Ed25519PrivateKey] | None = None


def key_path() -> Path:
    """Where the private key's file is (or would be) when the operating system has no credential
    store (``keystore.key_file``: the per-user data folder, never removable media). Only a path:
    nothing is read or made."""
    return keystore.key_file()


def _cache_stamp() -> tuple[str, ...] | None:
    """What identifies the key kept now without reading it, or None when it must be read."""
    path = keystore.key_file()
    if path.exists():
        return ("file", str(path), str(path.stat().st_mtime_ns))
    if _loaded is not None and _loaded[0][:2] == ("store", keystore.account()):
        return _loaded[0]
    return None


def private_key() -> Ed25519PrivateKey:
    """This installation's private key, made now (and kept by ``keystore.save_new``: the store, or
    a 0600 file written atomically) when there is none. Raises :class:`KeyFileUnreadable` for a
    key that cannot be read (a file, a locked store) or is not an Ed25519 key, and ``OSError``
    when a new key cannot be written."""
    global _loaded
    stamp = _cache_stamp()
    if _loaded is not None and stamp is not None and _loaded[0] == stamp:
        return _loaded[1]
    try:
        stored = keystore.load()
    except keystore.KeyStoreError as exc:
        raise KeyFileUnreadable(key_path(), str(exc), message=str(exc)) from None
    if stored is None:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        stored = keystore.save_new(pem)
    else:
        where: Path | str = stored.path if stored.path is not None else STORE_NAME
        try:
            loaded = serialization.load_pem_private_key(stored.pem, password=None)
        except (ValueError, TypeError) as exc:
            raise KeyFileUnreadable(where, str(exc)) from None
        if not isinstance(loaded, Ed25519PrivateKey):
            raise KeyFileUnreadable(where, "not an Ed25519 key", foreign=True)
        key = loaded
    if stored.path is not None:
        _loaded = (("file", str(stored.path), str(stored.path.stat().st_mtime_ns)), key)
    else:
        _loaded = (("store", keystore.account()), key)
    return key


def public_raw(key: Ed25519PrivateKey | None = None) -> bytes:
    """The public half of ``key`` (this installation's when None) as its 32 raw bytes. Raises as
    :func:`private_key` does."""
    key = key if key is not None else private_key()
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
