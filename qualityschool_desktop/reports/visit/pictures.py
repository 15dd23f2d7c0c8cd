"""The pictures attached to a visit (ภาพประกอบ), for the record's PDF and Word copy: which
attachments are pictures (:func:`picture_files`, gathered with the record's data), and each one
read, turned upright and made small enough to print (:func:`prepared`). A picture that cannot be
read (damaged, not really a picture, missing from the store) is ``None`` there: the record names
it as not printed and prints on. Pillow, loaded when a picture is read; no ReportLab here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...workspace import Workspace

__all__ = ["Picture", "Prepared", "picture_files", "prepared"]

# -- Thai strings (the PDF's and the Word copy's) ------------------------------------------------
PICTURES_HEADING = "ภาพประกอบ"
CAPTION = "ภาพที่ {number} {name}"
NOT_PRINTED = "พิมพ์ภาพไม่ได้ (ไฟล์เสียหาย ไม่ใช่ไฟล์ภาพ หรือไม่พบไฟล์): {names}"

PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png")
# Pixels on the long side: sharp at the text's width (16 cm at about 250 dpi) without a phone's
# 12-megapixel photo in every copy of the record.
LONGEST_SIDE = 1600


@dataclass(frozen=True)
class Picture:
    """A picture attached to the visit: ``file_name`` its label (the caption), ``path`` where the
    store holds it (None when the database has no store)."""

    file_name: str
    scope_code: str  # "" for the visit as a whole, else a component's or item's code
    path: Path | None


@dataclass(frozen=True)
class Prepared:
    """A picture ready to place: its encoded bytes (JPEG or PNG) and its size in pixels."""

    data: bytes
    width: int
    height: int


def picture_files(workspace: Workspace, visit_id: str) -> tuple[Picture, ...]:
    """The visit's attachments that are pictures by their name (.jpg, .jpeg, .png), oldest first.
    Raises nothing for a database without a store (the pictures' paths are None)."""
    from ...errors import ValidationError

    found = []
    for attachment in workspace.visits.attachments(visit_id):
        if Path(attachment.file_name).suffix.lower() not in PICTURE_SUFFIXES:
            continue
        try:
            path: Path | None = workspace.visits.path_of(attachment)
        except ValidationError:  # an in-memory database keeps no files
            path = None
        found.append(Picture(attachment.file_name, attachment.scope_code, path))
    return tuple(found)


def prepared(picture: Picture) -> Prepared | None:
    """``picture`` read whole, turned as the camera says (EXIF orientation), at most
    :data:`LONGEST_SIDE` pixels on its long side, as JPEG (PNG when it has transparency); None
    when it cannot be read: missing, damaged or not a picture. Raises nothing."""
    if picture.path is None:
        return None
    try:
        from PIL import Image, ImageOps

        with Image.open(picture.path) as image:
            image.load()  # the whole picture: a damaged one fails here, not in the writer
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            out = io.BytesIO()
            if upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency" in upright.info):
                upright.convert("RGBA").save(out, format="PNG")
            else:
                upright.convert("RGB").save(out, format="JPEG", quality=88)
            return Prepared(out.getvalue(), upright.width, upright.height)
    except Exception:  # noqa: BLE001 - any failure to read is "not printed", never a stopped print
        return None
