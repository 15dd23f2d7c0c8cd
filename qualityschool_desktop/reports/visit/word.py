"""The visit record as an editable Word copy (``report visit … --docx FILE.docx``; the window's
save dialog offers it beside the PDF): a supervisor most often edits the record before it is
signed.

Built from the same :class:`~.data.VisitData` as the PDF (:mod:`.pdf`, :mod:`.compare`) with the
same Thai strings and the same values as printed, so a field added to the data model reaches
both: the title block and particulars, the people, the comparison, one part per component, the
follow-ups, the notes and the signatures. Written with the summary's Word primitives
(:class:`~..summary.word_writer.DocxWriter`: A4, 2.5 cm margins, TH Sarabun New where this
computer has it, else the bundled Sarabun embedded in the file; Thai digits where chosen; page
numbers in the footer). python-docx and ReportLab (the PDF's strings) load when a copy is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...printable import WORD_WARNING, places_warning, unprintable_places
from ...text import strip_control_characters
from ...thai import DigitText
from ...workspace import Workspace
from ..cautions import caution
from ..output import check_request, checker, write_atomically
from .data import VisitData, gather

__all__ = ["VISIT_SIZES", "write_visit_docx"]

# Points in TH Sarabun New (the office's type), as the PDF's 20/16/14/12 in Sarabun read.
VISIT_SIZES = {"title": 20.0, "heading": 16.0, "body": 16.0, "table": 14.0}
DOTS = "." * 40  # a signature's dotted line, as the summary's Word copy


def write_visit_docx(
    workspace: Workspace,
    visit_id: str,
    target: Path,
    *,
    digits: str = "thai",
    family: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the Word copy of the visit ``visit_id``'s record to ``target`` (a .docx path in a
    folder that exists), atomically; returns ``target``. ``digits`` as
    :func:`~.write_visit_report`; ``family`` overrides :func:`~..summary.word_writer.font_family`.
    ``progress(done, total)`` is called as parts are written; ``cancelled()`` is asked between them.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` for an unknown visit,
    :class:`~qualityschool_desktop.errors.ValidationError` for another digit style,
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the folder is missing or the
    file cannot be written, :class:`~qualityschool_desktop.reports.ReportCancelled` when cancelled.
    Characters the font lacks are written all the same and named in a caution (:mod:`..cautions`)."""
    from ..summary.word_writer import font_family

    check_request(target, digits)
    check = checker(cancelled)
    check()
    data = gather(workspace, visit_id)
    t = DigitText("thai" if digits == "thai" else "arabic")
    chosen = family or font_family()
    caution(places_warning(unprintable_places(data), t.style, heading=WORD_WARNING.format(family=chosen)))
    return write_atomically(Path(target), lambda partial: _build(data, t, partial, chosen, progress, check), check)


def _build(data: VisitData, t: DigitText, target: Path, family: str,
           progress: Callable[[int, int], None] | None, check: Callable[[], None]) -> None:
    from ..summary.word_writer import DocxWriter
    from . import word_parts as parts

    w = DocxWriter(VISIT_SIZES, t, family)
    steps: list[Callable[[], None]] = [
        lambda: parts.header(w, data, t), lambda: parts.people(w, data, t), lambda: parts.comparison(w, data, t),
        *(lambda index=index: parts.component(w, data, t, index) for index in range(len(data.components))),
        lambda: parts.follow_ups(w, data, t), lambda: parts.closing(w, data, t, DOTS),
        lambda: parts.pictures(w, data, t),
    ]
    for done, step in enumerate(steps, start=1):
        step()
        check()
        if progress is not None:
            progress(done, len(steps) + 1)
    w.footer()
    from ..summary.word import core_property

    when = parts.visit_day(data, t)
    w.doc.core_properties.title = core_property(strip_control_characters(
        parts.pdf().DOC_TITLE.format(school=data.school.name, date=when), multiline=False))
    w.doc.core_properties.author = core_property(strip_control_characters(
        data.visitors[0].name if data.visitors else "", multiline=False))
    w.doc.save(str(target))
    if progress is not None:
        progress(len(steps) + 1, len(steps) + 1)
