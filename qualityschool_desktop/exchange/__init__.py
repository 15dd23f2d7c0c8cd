"""Exchange files (``.qsx``): moving schools' and supervisors' data between offline laptops.

An exchange file is a zip holding ``manifest.json`` (format version, app version, frameworks, the
exporting installation and the public key of every installation that sealed rows in it, when, the
scope and the SHA-256 and size of every member), ``records/<table>.jsonl`` (one JSON object per row,
each with its version), ``seals.jsonl`` (owners' signatures over the rows, see :mod:`.seals`),
``owners.jsonl`` (the schools' own statements of their keys, see :mod:`.statements`; absent in
files from before them), ``relayed/<table>.jsonl`` (a relay's file: the owner's sealed version of a
record whose version in use at the relay is not the owner's, see :mod:`.relayed`; format 7), ``files/<sha256>`` (attachment contents) and ``signature.json`` (Ed25519 over the manifest's bytes,
by the exporter's key, which must be the key bound to the exporter's installation).

Records have owners (:mod:`.owners`): a school's records belong to the keys bound to the school
(:mod:`.bindings`), which the receiver learns from the school's own signed statement carried in
``owners.jsonl`` by every file with the school's records (:mod:`.statements`), a visit's to the
installation that made it. A new installation's id is derived from its key (``ids.py``). Only an owner's signature changes a record here; anything else waits as pending. Merges go
by versions, not clocks (:mod:`.versions`).

* :func:`export_file` writes one; :func:`preview_import` checks one and says what importing it
  would do; :func:`apply_import` imports it in one transaction.
* Pending changes: :func:`list_pending`, :func:`accept_pending`, :func:`reject_pending`.
* Conflicts: :func:`list_conflicts`, :func:`use_version` ("ใช้ฉบับนี้"), :func:`mark_conflict_resolved`.
* Keys: :func:`own_signer`, :func:`list_signers`, :func:`bind`, :func:`unbind`,
  :func:`list_waiting` (bindings by the 8 groups waiting for their key's first file),
  :func:`fingerprint_groups`; :func:`set_trusted` only sets a label (it grants nothing).
* Every refusal is an :class:`ExchangeError` with a Thai message; nothing is changed then.
"""

from . import signing
from .bindings import forget, list_signers, list_waiting, signers_as_data, unbind
from .conflicts import StoredConflict, list_conflicts, mark_conflict_resolved, use_version
from .export import ExportCancelled, ExportSummary, export_file
from .importer import apply_import, preview_import
from .package import EXTENSION, FORMAT_VERSION
from .rejudge import bind  # a person's bind, and the key's waiting changes judged again (retest30 N1)
from .pending import PendingChange, accept_pending, list_pending, reject_pending
from .records import KIND_LABELS, TABLES, ExchangeError
from .results import ConflictInfo, ImportPreview, ImportResult, KindCounts, PendingInfo, SameSchool
from .signing import Signer, fingerprint_groups, own_name, own_signer, set_own_name, set_trusted

__all__ = [
    "EXTENSION",
    "FORMAT_VERSION",
    "KIND_LABELS",
    "TABLES",
    "ConflictInfo",
    "ExchangeError",
    "ExportCancelled",
    "ExportSummary",
    "ImportPreview",
    "ImportResult",
    "KindCounts",
    "PendingChange",
    "PendingInfo",
    "SameSchool",
    "Signer",
    "StoredConflict",
    "accept_pending",
    "apply_import",
    "bind",
    "export_file",
    "fingerprint_groups",
    "list_conflicts",
    "list_pending",
    "list_signers",
    "list_waiting",
    "mark_conflict_resolved",
    "own_name",
    "own_signer",
    "preview_import",
    "reject_pending",
    "set_own_name",
    "set_trusted",
    "signers_as_data",
    "signing",
    "unbind",
    "forget",
    "use_version",
]
