"""Record ids: the identity a record keeps on every laptop it travels to.

An id is made once, where the record is made, and never changes: merges, seals and references all
go by it (``exchange/versions.py``). Most records take a random one (:func:`new_id`); an answer's id
is made from its round and item instead (``answers.answer_id_for``), so that two laptops of one
school answering the same item make the same record.

**Installation ids** have the same form. A new installation's id is derived from its public key
(:func:`installation_id_for`: a version-8 UUID, RFC 9562's form for ids made by an application's own
rule, from the SHA-256 of the raw key), so a receiver can check that a file's key is the one its
installation id belongs to, and a stranger's key cannot claim a real laptop's id. Ids made before
(random version-4 UUIDs) stay valid: they are trusted on first use (``exchange/signing.py``).
"""

from __future__ import annotations

import re

__all__ = ["installation_id_for", "is_derived", "is_uuid", "new_id"]

_INSTALLATION_DOMAIN = b"qualityschool-installation-1\n"
# The 36 characters of a UUID as this app writes it (``str(uuid.UUID(...))``): the ids read at
# opening are checked without importing ``uuid`` (on Linux it imports ``platform``) or ``hashlib``
# (OpenSSL): the window's first page needs neither (issue 16).
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DERIVED = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def new_id() -> str:
    """A new random record id: a version-4 UUID as 36 characters of text
    (``"6f1c2a9e-…-4b1d…"``), the form every ``id`` column checks (``length(id) = 36``)."""
    import uuid  # when a record is first made, not at opening (see _CANONICAL)

    return str(uuid.uuid4())


def installation_id_for(public_raw: bytes) -> str:
    """The installation id derived from a public key (its 32 raw Ed25519 bytes): the first 16 bytes
    of SHA-256 over a fixed domain string and the key, with the UUID version set to 8 and the
    RFC 4122 variant, as 36 characters of text (``"xxxxxxxx-xxxx-8xxx-[89ab]xxx-…"``)."""
    import hashlib
    import uuid

    value = int.from_bytes(hashlib.sha256(_INSTALLATION_DOMAIN + public_raw).digest()[:16], "big")
    value &= ~(0xF000 << 64)
    value |= 0x8000 << 64  # version 8
    value &= ~(0xC000 << 48)
    value |= 0x8000 << 48  # variant 10xx
    return str(uuid.UUID(int=value))


def is_derived(installation_id: str) -> bool:
    """True when ``installation_id`` has the derived form (a version-8 UUID): it must then be
    :func:`installation_id_for` the key that signs for it. False for an old random id or text that
    is no UUID at all."""
    # As ``str(uuid.UUID(text)) == text and uuid.UUID(text).version == 8``: the canonical form (lower
    # case, hyphens in place), version 8 and the RFC 4122 variant (without it a UUID has no version).
    return isinstance(installation_id, str) and _DERIVED.fullmatch(installation_id) is not None


def is_uuid(text: str) -> bool:
    """True when ``uuid.UUID(text)`` accepts ``text`` (any form it reads: upper case, braces,
    ``urn:uuid:``, no hyphens); False otherwise (not text included)."""
    if not isinstance(text, str):
        return False
    if _CANONICAL.fullmatch(text):  # the form ids are written in: no import needed
        return True
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
