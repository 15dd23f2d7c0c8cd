"""Evidence files: copied into the app's own storage, named by their SHA-256.

The copy is written to a temporary name, flushed to disk and renamed, and only then recorded in
the database, so a crash leaves either no record or a record whose file is complete. Identical
files are stored once. Removing an attachment hides the record (the file stays for history).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .storage import CoreDatabase

from . import validation
from .answers import Answers
from .clock import now_iso
from .ids import new_id
from .errors import NotFoundError
from .filestore import FileStore, file_label, media_type_of


@dataclass(frozen=True)
class Attachment:
    """An evidence file attached to an item of a self-assessment round: ``file_name`` is the
    original name (a label, never a path), ``size`` in bytes, ``sha256`` the content's digest (64
    hex digits, its name in the store), ``media_type`` guessed from the name, ``deleted`` True once
    removed (the record and the file stay for history)."""

    id: str
    assessment_id: str
    item_code: str
    sha256: str
    file_name: str
    size: int
    media_type: str
    deleted: bool
    created_at: str
    modified_at: str
    modified_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Attachment":
        """The attachment held in a row of ``attachments`` (a dict by column name; other columns
        ignored). Raises ``KeyError`` when the row lacks a field."""
        values = {f.name: row[f.name] for f in fields(cls)}
        values["deleted"] = bool(values["deleted"])
        return cls(**values)


class Attachments:
    """``workspace.attachments``: add evidence files to an item, list and open them."""

    def __init__(self, db: CoreDatabase, installation_id: str, files: FileStore, answers: Answers) -> None:
        self._db = db
        self._installation_id = installation_id
        self._files = files
        self._answers = answers

    @property
    def store_folder(self) -> Path:
        """The folder the stored files live in (``<database name>-attachments/`` beside the
        database). Raises :class:`~qualityschool_desktop.errors.ValidationError` for an in-memory
        database, which has none."""
        return self._files.root

    def path_of(self, attachment: Attachment) -> Path:
        """Where the attachment's content is stored (named by its SHA-256; the file may be missing
        when the store was not copied along). Hand :meth:`copy_to_open` to a viewer, not this path.
        Raises :class:`~qualityschool_desktop.errors.ValidationError` for an in-memory database."""
        return self._files.path_of(attachment.sha256)

    def copy_to_open(self, attachment_id: str) -> Path:
        """A fresh copy of the attachment's content to hand to the system's viewer: named by the
        app inside its own folder, keeping only a harmless extension of the file's name (which is a
        label, never a path; see :meth:`FileStore.copy_to_open`). Raises :class:`NotFoundError` for
        an unknown id and :class:`~qualityschool_desktop.errors.ValidationError` when the content
        cannot be copied."""
        attachment = self.get(attachment_id)
        return self._files.copy_to_open(attachment.sha256, attachment.file_name)

    def add(self, assessment_id: str, item_code: str, source: Path) -> Attachment:
        """Copy ``source`` into storage (once per content) and attach it to the item; the addition
        is recorded in the item's history. Returns the new attachment. Its name is kept as a label
        (one line, at most :data:`~.validation.MAX_LINE` characters).

        Raises :class:`NotFoundError` for an unknown round;
        :class:`~qualityschool_desktop.errors.ValidationError` for a submitted round, an item its
        framework lacks, a missing file, one over :data:`~.validation.MAX_FILE_BYTES` bytes (25 MB,
        the limit an import holds it to as well), a copy that failed or an in-memory database;
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written (the
        copied content then stays in the store, unreferenced)."""
        source = Path(source)
        # The answer rules (draft only, item in framework) apply to attachments too.
        self._answers.editable_framework(assessment_id, item_code)
        label = file_label(source)
        digest, size = self._files.put(source)
        media_type = media_type_of(source.name)
        now = now_iso()
        row: dict[str, Any] = {
            "id": new_id(),
            "assessment_id": assessment_id,
            "item_code": item_code,
            "sha256": digest,
            "file_name": label,
            "size": size,
            "media_type": media_type,
            "deleted": 0,
            "created_at": now,
            "modified_at": now,
            "modified_by": self._installation_id,
        }
        with self._db.write():
            self._db.table("attachments").insert(validation.checked("attachments", row))
            self._answers.record_attachment_change(assessment_id, item_code, None, f"{label} ({digest})")
        return self.get(row["id"])

    def remove(self, attachment_id: str) -> None:
        """Hide the attachment (``deleted``; the file stays for history and :meth:`restore`) and
        record the removal in the item's history. Raises :class:`NotFoundError` for an unknown id,
        :class:`~qualityschool_desktop.errors.ValidationError` for a submitted round and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        attachment = self.get(attachment_id)
        self._answers.editable_framework(attachment.assessment_id, attachment.item_code)
        values = {"deleted": 1, "modified_at": now_iso(), "modified_by": self._installation_id}
        with self._db.write():
            self._db.table("attachments").update(attachment_id, validation.checked("attachments", values))
            self._answers.record_attachment_change(
                attachment.assessment_id,
                attachment.item_code,
                f"{attachment.file_name} ({attachment.sha256})",
                None,
            )

    def restore(self, attachment_id: str) -> None:
        """Undo :meth:`remove` (recorded in the item's history). Raises as :meth:`remove` does."""
        attachment = self.get(attachment_id)
        self._answers.editable_framework(attachment.assessment_id, attachment.item_code)
        values = {"deleted": 0, "modified_at": now_iso(), "modified_by": self._installation_id}
        with self._db.write():
            self._db.table("attachments").update(attachment_id, validation.checked("attachments", values))
            self._answers.record_attachment_change(
                attachment.assessment_id, attachment.item_code, None, f"{attachment.file_name} ({attachment.sha256})"
            )

    def get(self, attachment_id: str) -> Attachment:
        """The attachment with ``attachment_id``, removed or not; raises :class:`NotFoundError`
        when there is none."""
        rows = list(self._db.query("SELECT * FROM attachments WHERE id = ?", [attachment_id]))
        if not rows:
            raise NotFoundError("ไม่พบไฟล์แนบนี้")
        return Attachment.from_row(rows[0])

    def for_item(self, assessment_id: str, item_code: str) -> list[Attachment]:
        """The item's attachments not removed, oldest first; empty for unknown ids."""
        return [
            Attachment.from_row(row)
            for row in self._db.query(
                "SELECT * FROM attachments WHERE assessment_id = ? AND item_code = ? AND deleted = 0"
                " ORDER BY created_at",
                [assessment_id, item_code],
            )
        ]

    def for_assessment(self, assessment_id: str) -> dict[str, list[Attachment]]:
        """The round's attachments not removed: ``dict[item_code, list[Attachment]]``, oldest
        first; items without any have no key (``{}`` for an unknown round)."""
        found: dict[str, list[Attachment]] = {}
        for row in self._db.query(
            "SELECT * FROM attachments WHERE assessment_id = ? AND deleted = 0 ORDER BY created_at", [assessment_id]
        ):
            found.setdefault(row["item_code"], []).append(Attachment.from_row(row))
        return found
