"""A4 portrait documents with 2.5 cm margins and "หน้า ๑ / ๘" page numbers.

The total page count is only known once the story has been laid out, so the canvas keeps each
page's drawing until ``save`` and then stamps "page n of total" on every page (one layout pass).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any, Callable, Sequence

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from .contents import ENTRY, ContentsMark, needs_passes
from .fonts import BOLD, REGULAR, register_fonts
from .numbers import DigitStyle, page_label
from .paragraph import draw_text

MARGIN = 2.5 * cm
PAGE_NUMBER_SIZE = 12.0


def make_styles(base_size: float = 14.0) -> dict[str, ParagraphStyle]:
    """Styles for Thai documents: body, small, title, heading (Sarabun, leading 1.5×, which leaves
    room for stacked tone marks)."""
    register_fonts()

    def style(name: str, size: float, font: str = REGULAR, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.5, 2), **extra)

    return {
        "body": style("body", base_size),
        "small": style("small", base_size - 2),
        "title": style("title", base_size + 6, BOLD, alignment=TA_CENTER, spaceAfter=base_size * 0.6),
        "heading": style("heading", base_size + 2, BOLD, spaceBefore=base_size * 0.6, spaceAfter=base_size * 0.3),
        "table_header": style("table_header", base_size - 1, BOLD),
        "table_body": style("table_body", base_size - 1),
    }


def _numbered_canvas(digit_style: DigitStyle) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers each page until the count is known, then numbers them all."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                width, _height = self._pagesize
                draw_text(
                    self, page_label(number, total, digit_style), width / 2, MARGIN / 2,
                    font_name=REGULAR, size=PAGE_NUMBER_SIZE, align="centre",
                )
                super().showPage()
            super().save()

    return NumberedCanvas


class _Document(BaseDocTemplate):
    """Tells the contents (:mod:`.contents`) the page each of their marks is drawn on."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, ContentsMark):
            self.notify(ENTRY, (flowable.key, self.page))


def build_pdf(
    target: str | Path | IO[bytes],
    story: Sequence[Flowable],
    *,
    digits: DigitStyle = "thai",
    title: str = "",
    author: str = "",
    on_page: Callable[[Canvas, Any], None] | None = None,
) -> int:
    """Lay ``story`` out on A4 portrait pages with 2.5 cm margins and page numbers in ``digits``;
    write the PDF to ``target`` (a path or a binary file). Returns the number of pages.

    A story holding a :class:`~.contents.Contents` is laid out twice (its page numbers are found
    on the first pass), which doubles the time; any other story once."""
    register_fonts()
    if isinstance(target, Path):
        target = str(target)
    doc = _Document(
        target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=title, author=author, creator="Quality School Desktop",
    )
    # No frame padding: the text block starts exactly 2.5 cm from each edge, as an official
    # document's margins are specified.
    frame = Frame(
        MARGIN, MARGIN, doc.width, doc.height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body"
    )
    hook = on_page or (lambda canvas, document: None)
    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame], onPage=hook)])
    if needs_passes(story):
        doc.multiBuild(list(story), maxPasses=4, canvasmaker=_numbered_canvas(digits))
    else:
        doc.build(list(story), canvasmaker=_numbered_canvas(digits))
    return int(doc.page)


def pdf_bytes(story: Sequence[Flowable], **options: Any) -> bytes:
    """The PDF of ``story`` as bytes (see :func:`build_pdf`)."""
    buffer = io.BytesIO()
    build_pdf(buffer, story, **options)
    return buffer.getvalue()
