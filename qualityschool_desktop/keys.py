"""This installation's Ed25519 key pair, kept in the per-user data folder.

The private key is made on first use and kept readable by the user only (0600): it signs this
installation's exchange files and seals (``exchange/signing.py``), and a new installation's id is
derived from its public key (``ids.installation_id_for``, used by ``workspace.installation_id``).
This module only reads and makes the key; what a signature means is ``exchange/signing.py``'s.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import paths

KEY_FILE = "exchange-signing-key.pem"


class KeyFileUnreadable(Exception):
    """The key file exists but cannot be read (``reason``) or holds no key of this program
    (``foreign``). The caller words it for people."""

    def __init__(self, path: Path, reason: str, *, foreign: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason, self.foreign = path, reason, foreign


# The key read last, by file and modification time: an import asks for it several times.
_loaded: tuple[tuple[str, int], Ed25519PrivateKey] | None = None


def key_path() -> Path:
    """Where the private key is (or will be) kept: in the per-user data folder. Nothing is read."""
    return paths.user_data_dir() / KEY_FILE


def private_key() -> Ed25519PrivateKey:
    """This installation's private key, made now (and written 0600, atomically) when there is
    none. Raises :class:`KeyFileUnreadable` for a key file that cannot be read or is not an
    Ed25519 key, and ``OSError`` when a new key cannot be written."""
    global _loaded
    path = key_path()
    if path.exists():
        stamp = (str(path), path.stat().st_mtime_ns)
        if _loaded is not None and _loaded[0] == stamp:
            return _loaded[1]
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise KeyFileUnreadable(path, str(exc)) from None
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyFileUnreadable(path, "not an Ed25519 key", foreign=True)
        _loaded = (stamp, key)
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


def public_raw(key: Ed25519PrivateKey | None = None) -> bytes:
    """The public half of ``key`` (this installation's when None) as its 32 raw bytes. Raises as
    :func:`private_key` does."""
    key = key if key is not None else private_key()
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
