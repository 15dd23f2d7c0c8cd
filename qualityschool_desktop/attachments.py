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

from .answers import Answers
from .clock import now_iso
from .ids import new_id
from .errors import NotFoundError
from .filestore import FileStore, media_type_of


@dataclass(frozen=True)
class Attachment:
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
        """Copy ``source`` into storage and attach it to the item."""
        source = Path(source)
        # The answer rules (draft only, item in framework) apply to attachments too.
        self._answers.editable_framework(assessment_id, item_code)
        digest, size = self._files.put(source)
        media_type = media_type_of(source.name)
        now = now_iso()
        row: dict[str, Any] = {
            "id": new_id(),
            "assessment_id": assessment_id,
            "item_code": item_code,
            "sha256": digest,
            "file_name": source.name,
            "size": size,
            "media_type": media_type,
            "deleted": 0,
            "created_at": now,
            "modified_at": now,
            "modified_by": self._installation_id,
        }
        with self._db.write():
            self._db.table("attachments").insert(row)
            self._answers.record_attachment_change(assessment_id, item_code, None, f"{source.name} ({digest})")
        return self.get(row["id"])

    def remove(self, attachment_id: str) -> None:
        attachment = self.get(attachment_id)
        self._answers.editable_framework(attachment.assessment_id, attachment.item_code)
        with self._db.write():
            self._db.table("attachments").update(
                attachment_id, {"deleted": 1, "modified_at": now_iso(), "modified_by": self._installation_id}
            )
            self._answers.record_attachment_change(
                attachment.assessment_id,
                attachment.item_code,
                f"{attachment.file_name} ({attachment.sha256})",
                None,
            )

    def restore(self, attachment_id: str) -> None:
        """Undo a removal."""
        attachment = self.get(attachment_id)
        self._answers.editable_framework(attachment.assessment_id, attachment.item_code)
        with self._db.write():
            self._db.table("attachments").update(
                attachment_id, {"deleted": 0, "modified_at": now_iso(), "modified_by": self._installation_id}
            )
            self._answers.record_attachment_change(
                attachment.assessment_id, attachment.item_code, None, f"{attachment.file_name} ({attachment.sha256})"
            )

    def get(self, attachment_id: str) -> Attachment:
        rows = list(self._db.query("SELECT * FROM attachments WHERE id = ?", [attachment_id]))
        if not rows:
            raise NotFoundError("ไม่พบไฟล์แนบนี้")
        return Attachment.from_row(rows[0])

    def for_item(self, assessment_id: str, item_code: str) -> list[Attachment]:
        return [
            Attachment.from_row(row)
            for row in self._db.query(
                "SELECT * FROM attachments WHERE assessment_id = ? AND item_code = ? AND deleted = 0"
                " ORDER BY created_at",
                [assessment_id, item_code],
            )
        ]

    def for_assessment(self, assessment_id: str) -> dict[str, list[Attachment]]:
        found: dict[str, list[Attachment]] = {}
        for row in self._db.query(
            "SELECT * FROM attachments WHERE assessment_id = ? AND deleted = 0 ORDER BY created_at", [assessment_id]
        ):
            found.setdefault(row["item_code"], []).append(Attachment.from_row(row))
        return found
