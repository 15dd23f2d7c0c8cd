"""The record's ภาพประกอบ in the PDF (:mod:`.pdf`'s last part): on a page after the signed
record, each attached picture as wide as the text (lower when it would not fit a page), its
caption under it and kept with it; the pictures that cannot be read named in one line."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Image, KeepTogether, PageBreak, Spacer
from reportlab.platypus.flowables import Flowable

from ...thai import DigitText
from ...typeset import ThaiParagraph
from ..blocks import FRAME_HEIGHT, TEXT_WIDTH
from .data import VisitData
from .pictures import CAPTION, NOT_PRINTED, PICTURES_HEADING, prepared

# Room on a page for the heading and a caption of two lines under the tallest picture.
PICTURE_HEIGHT = FRAME_HEIGHT - 90


def picture_size(width: int, height: int) -> tuple[float, float]:
    """Points: as wide as the text, or as high as a page leaves room for (the same proportions)."""
    scale = min(TEXT_WIDTH / width, PICTURE_HEIGHT / height)
    return width * scale, height * scale


def pictures_part(data: VisitData, t: DigitText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The part, ``[]`` when the visit has no pictures. Raises nothing: a picture that cannot be
    read is named, not printed."""
    if not data.pictures:
        return []
    ready = [(picture, prepared(picture)) for picture in data.pictures]
    broken = [picture.file_name for picture, image in ready if image is None]
    # A page of their own after the signed record; a note of damaged files alone needs none.
    story: list[Flowable] = [PageBreak()] if len(broken) < len(ready) else [Spacer(1, 12)]
    lead: list[Flowable] = [ThaiParagraph(PICTURES_HEADING, s["heading"])]
    number = 0
    for picture, image in ready:
        if image is None:
            continue
        number += 1
        width, height = picture_size(image.width, image.height)
        story.append(KeepTogether([
            *lead, Image(io.BytesIO(image.data), width=width, height=height),
            ThaiParagraph(t(CAPTION, number=number, name="{name}").replace("{name}", picture.file_name), s["caption"]),
            Spacer(1, 10),
        ]))
        lead = []
    if broken:
        story.append(KeepTogether([*lead, ThaiParagraph(NOT_PRINTED.format(names=", ".join(broken)), s["muted"])]))
    return story
