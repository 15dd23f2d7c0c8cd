"""Exchange files (``.qsx``): moving schools' and supervisors' data between offline laptops.

An exchange file is a zip holding ``manifest.json`` (format version, app version, frameworks,
the exporting installation, when, the scope and the SHA-256 and size of every member),
``records/<table>.jsonl`` (one JSON object per row), ``files/<sha256>`` (attachment contents)
and ``signature.json`` (Ed25519 over the manifest's bytes, with the public key).

* :func:`export_file` writes one; :func:`preview_import` checks one and says what importing it
  would do; :func:`apply_import` imports it in one transaction.
* Signers: :func:`own_signer`, :func:`list_signers`, :func:`set_trusted`.
* Every refusal is an :class:`ExchangeError` with a Thai message; nothing is changed then.
"""

from .export import ExportCancelled, ExportSummary, export_file
from .importer import (
    ConflictInfo,
    ImportPreview,
    ImportResult,
    KindCounts,
    StoredConflict,
    apply_import,
    list_conflicts,
    mark_conflict_resolved,
    preview_import,
)
from .package import EXTENSION, FORMAT_VERSION
from .records import KIND_LABELS, TABLES, ExchangeError
from .signing import Signer, list_signers, own_name, own_signer, set_own_name, set_trusted

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
    "Signer",
    "StoredConflict",
    "apply_import",
    "export_file",
    "list_conflicts",
    "list_signers",
    "mark_conflict_resolved",
    "own_name",
    "own_signer",
    "preview_import",
    "set_own_name",
    "set_trusted",
]
