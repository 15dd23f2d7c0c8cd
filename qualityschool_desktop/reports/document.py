"""The one way every report is written, so the three reports do not each copy it:

1. the request is checked before any work (:func:`~.output.check_request`: the digit style, the
   folder), and a cancel asked for already is honoured;
2. the report's data are gathered (its ``data`` module: plain values, no ReportLab), and the
   characters in them the font cannot draw are named, with their record and field, to whoever
   collects the report's cautions (:mod:`.cautions`, :mod:`..printable`);
3. the typesetting engine is loaded and warmed up, the report's ``pdf`` module lays the data out
   as a :class:`Document`, and its parts are built one by one, each one step of ``progress`` and
   a chance to cancel;
4. the PDF is written under a temporary name and renamed into place (:func:`~.output.write_atomically`),
   with the running head, the demo mark and the page numbers on every page.

Cheap to import: ReportLab, HarfBuzz and pythainlp are loaded in step 3 only, so the window can
propose a file name or export tables without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from ..printable import places_warning, unprintable_places
from ..progress import Progress, Steps
from ..thai import DigitText, digit_style
from .cautions import caution
from .output import check_request, checker, write_atomically

Data = TypeVar("Data")


@dataclass(frozen=True)
class Document:
    """A report laid out, ready to typeset: the parts of its story in reading order, and what goes
    into the file's properties and around every page."""

    parts: Sequence[Callable[[], list[Any]]]  # each builds its ReportLab flowables when its turn comes
    title: str  # the PDF's title property
    author: str  # the PDF's author property ("" for none)
    running_head: str  # at the top right of every page from page 2
    is_demo: bool  # "ข้อมูลตัวอย่าง" on every page: demo data must not pass for a real school's
    mark: str = ""  # a word at the top left of every page, such as "ฉบับร่าง"


Layout = Callable[[Data, DigitText], Document]


def write_report(
    target: Path,
    *,
    digits: str,
    gather: Callable[[], Data],
    layout: Layout[Data],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Check the request, ``gather()`` the data, lay them out with ``layout(data, t)`` and write
    the PDF to ``target`` atomically; returns ``target``.

    ``digits`` is "thai" or "arabic" (``t`` of the layout writes in it). ``progress(done, total)``
    is called once per part of the document and once when the file is written; ``cancelled()``
    is asked before gathering, after every part and at every page.

    Raises :class:`~qualityschool_desktop.errors.ValidationError` for another digit style,
    :class:`~.ReportWriteError` for a missing folder or a file that cannot be written,
    :class:`~.ReportCancelled` once ``cancelled()`` says so (``target`` is then untouched), and
    whatever ``gather`` raises (a :class:`~qualityschool_desktop.errors.QualitySchoolError` with
    a Thai message)."""
    check_request(target, digits)
    check = checker(cancelled)
    check()
    data = gather()
    # Characters the font lacks print as boxes: the report is written all the same, and the
    # caller who collects cautions is told where they are (issue 11).
    caution(places_warning(unprintable_places(data), digit_style(digits)))
    return write_atomically(
        Path(target), lambda partial: typeset(data, layout, partial, digits=digits, progress=progress, check=check),
        check,
    )


def typeset(
    data: Data,
    layout: Layout[Data],
    target: Path,
    *,
    digits: str = "thai",
    progress: Progress | None = None,
    check: Callable[[], None] = lambda: None,
) -> int:
    """Typeset ``data`` as ``layout`` lays it out into a PDF at ``target`` (written in place:
    :func:`write_report` points it at a temporary file). Returns the number of pages.

    ``check()`` runs after every part and at every page and may raise to stop the build."""
    # Here, not at the top: the typesetting engine is the expensive part of the report stack.
    from ..typeset import build_pdf, warm_up
    from .blocks import page_decorations

    warm_up()  # the word dictionary, loaded once with the collector kept out of its way
    t = DigitText(digit_style(digits))
    document = layout(data, t)
    step = Steps(len(document.parts) + 1, progress, check)
    story: list[Any] = []
    for part in document.parts:
        story += part()
        step()
    pages = build_pdf(
        target, story, digits=t.style, title=document.title, author=document.author,
        on_page=page_decorations(document.running_head, is_demo=document.is_demo, check=check, mark=document.mark),
    )
    step()
    return pages
