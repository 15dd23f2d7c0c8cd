"""The parts of the visit record's Word copy (:mod:`.word`), in the PDF's order and words: each
takes the writer, the gathered data and the digits, and adds its paragraphs and tables. The
strings and the values as printed are the PDF's (:mod:`.pdf`, :mod:`.compare`), imported here
(ReportLab comes with them) so the two documents cannot say different things."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any, Sequence

from ...follow_ups import FollowUp
from ...thai import DigitText
from ...typeset.numbers import thai_date
from ...visit_records import SIDES
from ..blocks import NO_SCORE, official_number_text
from ..comments import NO_AUTHOR, SEPARATOR, written_on
from .data import VisitData
from .revision import HEADING as REVISION_HEADING
from .revision import revision_lines

if TYPE_CHECKING:
    from ...visit_records import Finding
    from ..summary.word_writer import DocxWriter


def pdf() -> ModuleType:
    """The PDF's layout module (its strings and helpers)."""
    from . import pdf as module

    return module


def visit_day(data: VisitData, t: DigitText) -> str:
    """The visit's date as the title and file properties say it ("๒๐ พฤศจิกายน ๒๕๖๙")."""
    return thai_date(data.visit.visited_date, t.style)


def header(w: DocxWriter, data: VisitData, t: DigitText) -> None:
    """The title block (a draft says so in the title) and the particulars."""
    p = pdf()
    visit, school = data.visit, data.school
    if school.is_demo:
        w.para(p.DEMO_NOTICE, bold=True, centre=True)
    title = p.TITLE if visit.is_final else f"{p.TITLE} ({p.DRAFT})"
    w.para(title, bold=True, centre=True, size="title")
    w.para(t(p.SUBTITLE), bold=True, centre=True, size="heading")
    w.para(school.name, bold=True, centre=True, size="heading")
    w.para(t(p.VISIT_LINE, number=data.number, date=visit_day(data, t)), bold=True, centre=True,
           size="heading")
    if p.number_note(data, t):  # a signed record's number, the count by date here differing (TEST35 T3)
        w.para(p.number_note(data, t), centre=True)
    for pair in p.header_pairs(data, t):
        for label, value in zip(pair[::2], pair[1::2]):
            w.para(value, label=label + " ")
    revised = revision_lines(data.revision, t, data.level_names)
    if revised:  # a record reopened after it was signed says so where the reader starts (C3), as the PDF
        w.para(REVISION_HEADING, bold=True)
        for line in revised:
            w.para(line)


def people(w: DocxWriter, data: VisitData, t: DigitText) -> None:
    """The visiting team and the school's people, each side under a merged row."""
    p = pdf()
    w.heading(t(p.PEOPLE_HEADING), 2)
    rows: list[list[str]] = []
    spans: list[int] = []
    for side, group in (("visitor", data.visitors), ("school", data.school_people)):
        spans.append(len(rows))
        rows.append([SIDES[side]])
        if not group:
            rows.append(["", p.PEOPLE_NONE, ""])
        for number, person in enumerate(group, start=1):
            rows.append([t(number), person.name or p.NOT_GIVEN, person.position or p.NOT_GIVEN])
    w.table(p.PEOPLE_HEADER, rows, spans, whole=(0,))


def comparison(w: DocxWriter, data: VisitData, t: DigitText) -> None:
    """The one-glance summary, the five components' table and the items the supervisor rated."""
    from . import compare as c

    w.heading(t(c.COMPARE_HEADING), 2)
    w.para(c.GLANCE_HEADING, bold=True).paragraph_format.keep_with_next = True
    for text, bullet in c.glance_lines(data, t):
        w.para(text, indent=not bullet)
    rows = [[t(f"{gap.code}. ") + gap.title, c.score_text(data, gap.school, t), c.score_text(data, gap.supervisor, t),
             c.component_gap_text(gap, t)] for gap in data.comparison.components]
    table = w.table(c.COMPARE_HEADER, rows, whole=(1, 2, 3))
    _shade(table, 3, [gap for gap in data.comparison.components])
    w.para(t(c.COMPARE_NOTE, max=data.framework.max_level), size="table")
    items = [entry for section in data.components for entry in section.items if entry.finding.level is not None]
    if items:
        w.para(c.ITEMS_HEADING, bold=True).paragraph_format.keep_with_next = True
        rows = [[t(entry.item.code),
                 "\n".join(filter(None, (entry.item.title, official_number_text(entry.item.official_number, t)))),
                 c.level_text(data, entry.gap.school, t) if entry.gap.school is not None else c.SCHOOL_NOT_RATED,
                 c.level_text(data, entry.gap.supervisor, t), c.item_gap_text(entry.gap, t)] for entry in items]
        table = w.table(c.ITEMS_HEADER, rows, whole=(0,))
        _shade(table, 4, [entry.gap for entry in items])


def _shade(table: Any, column: int, gaps: Sequence[Any]) -> None:
    """The gap cells tinted by verdict, as the PDF (orange lower, blue higher, green agree)."""
    from ..summary.word_writer import shade
    from .compare import VERDICT_COLOURS

    for row, gap in enumerate(gaps, start=1):
        colour = VERDICT_COLOURS.get(gap.verdict or "")
        if colour:
            shade(table.rows[row].cells[column], colour, 0.78)


def _finding_rows(finding: Finding | None, files: Sequence[str]) -> list[list[str]]:
    p = pdf()
    rows = []
    if finding is not None:
        for field, label in p.FIELD_LABELS.items():
            text = str(getattr(finding, field)).strip()
            if text:
                rows.append([label, text])
    if files:
        rows.append([p.FILES_LABEL, "\n".join(files)])
    return rows


def component(w: DocxWriter, data: VisitData, t: DigitText, index: int) -> None:
    """One component as the supervisor saw it (the part's heading before the first)."""
    from .compare import SCHOOL_NOT_RATED, component_gap_text, level_text

    p = pdf()
    if index == 0:
        w.heading(t(p.FINDINGS_HEADING), 2)
    section = data.components[index]
    comp, gap = section.component, section.gap
    w.heading(t(p.COMPONENT_HEADING, code=t(comp.code), title=comp.title), 3, "body")
    if section.is_empty:
        w.para(p.COMPONENT_EMPTY)
        return
    own = section.finding.level if section.finding is not None else None
    supervisor = level_text(data, own, t) if own is not None else t.score(gap.supervisor)
    line = p.COMPONENT_LINE.format(supervisor=supervisor, school=t.score(gap.school))
    if gap.gap is not None:
        line += p.COMPONENT_GAP.format(gap=component_gap_text(gap, t).replace("\n", " "))
    w.para(line)
    rows = _finding_rows(section.finding, section.attachments)
    if rows:
        w.table(("", ""), rows, whole=(0,), show_header=False, bold=(0,))
    for entry in section.items:
        official = official_number_text(entry.item.official_number, t)
        heading = (p.ITEM_HEADING_OFFICIAL if official else p.ITEM_HEADING).format(
            code=t(entry.item.code), official=official, title=entry.item.title)
        rows = _finding_rows(entry.finding, entry.attachments)
        if entry.finding.level is not None:
            school = level_text(data, entry.gap.school, t) if entry.gap.school is not None else SCHOOL_NOT_RATED
            rows.insert(0, [p.LEVEL_LABEL, p.ITEM_LEVELS.format(supervisor=level_text(data, entry.finding.level, t),
                                                                school=school)])
        if rows:
            w.para(heading, bold=True).paragraph_format.keep_with_next = True
            w.table(("", ""), rows, whole=(0,), show_header=False, bold=(0,))


def _action(item: FollowUp) -> str:
    p = pdf()
    return item.action + (f"\n{p.NOTE}{item.note.strip()}" if item.note.strip() else "")


def _due(item: FollowUp, t: DigitText) -> str:
    return thai_date(item.due_date, t.style, short=True) if item.due_date else NO_SCORE


def follow_ups(w: DocxWriter, data: VisitData, t: DigitText) -> None:
    """What was agreed before and its status now, what was agreed on this visit, the comments."""
    from ..summary.word_writer import shade

    p = pdf()
    w.heading(t(p.FOLLOW_HEADING), 2)
    w.heading(t(p.CARRIED_HEADING), 3, "body")
    if data.carried:
        rows, colours = [], []
        for number, item in enumerate(data.carried, start=1):
            status, colour = p.carried_status(item, data, t)
            rows.append([t(number), _action(item), item.owner or p.NOT_GIVEN, _due(item, t), status])
            colours.append(colour)
        table = w.table(p.CARRIED_HEADER, rows, whole=(0, 3, 4))
        for row, colour in enumerate(colours, start=1):
            if colour:
                shade(table.rows[row].cells[4], colour, 0.78)
        _comments(w, data.carried, data, t)
    else:
        w.para(p.CARRIED_FIRST if data.previous_visits == 0 else p.CARRIED_NONE)
    w.heading(t(p.AGREED_HEADING), 3, "body")
    if data.agreed:
        w.table(p.AGREED_HEADER, [[t(number), _action(item), item.owner or p.NOT_GIVEN, _due(item, t),
                                   p._scope(item.scope_code, t)] for number, item in enumerate(data.agreed, start=1)],
                whole=(0, 3, 4))
        _comments(w, data.agreed, data, t)
    else:
        w.para(p.AGREED_NONE)


def _comments(w: DocxWriter, items: Sequence[FollowUp], data: VisitData, t: DigitText) -> None:
    """The school's answers under the table, by its numbers, as :func:`~..comments.comment_block`."""
    p = pdf()
    found = [(t(p.COMMENT_ON, number=number), comment) for number, item in enumerate(items, start=1)
             for comment in data.follow_up_comments.get(item.id, ())]
    if not found:
        return
    w.para(p.FOLLOW_UP_COMMENTS, bold=True)
    for label, comment in found:
        who = comment.author_name or NO_AUTHOR
        if comment.author_role:
            who = f"{who} ({comment.author_role})"
        day = written_on(comment)
        w.para(who + (SEPARATOR + thai_date(day, t.style) if day else ""), label=label + SEPARATOR)
        for part in [part.strip() for part in comment.body.split("\n") if part.strip()]:
            w.para(part, indent=True)


def closing(w: DocxWriter, data: VisitData, t: DigitText, dots: str) -> None:
    """The notes, the files of the visit as a whole, and the signatures, each kept on one page."""
    p = pdf()
    w.heading(t(p.NOTES_HEADING), 2)
    notes = [part.strip() for part in data.visit.notes.split("\n") if part.strip()]
    for part in notes or [p.NOTES_NONE]:
        w.para(part, indent=True)
    if data.general_attachments:
        w.para(", ".join(data.general_attachments), label=p.GENERAL_FILES)
    lines: list[tuple[str, bool]] = [(p.SIGN_INTRO, False)]
    for cell in p.signature_cells(data, dots):
        lines.append(("", False))
        lines += [(line, True) for line in cell.split("\n")]
    # The statement and every signature on one page (TEST34C C2's rule, as the PDF keeps them).
    w.unsplit(lines)


def pictures(w: DocxWriter, data: VisitData, t: DigitText) -> None:
    """ภาพประกอบ on a page after the signed record, as the PDF (:mod:`.pdf_pictures`): each
    picture as wide as the text (lower when a page would not hold it), its caption kept with it."""
    if not data.pictures:
        return
    import io

    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    from .pdf_pictures import picture_size
    from .pictures import CAPTION, NOT_PRINTED, PICTURES_HEADING, prepared

    ready = [(picture, prepared(picture)) for picture in data.pictures]
    broken = [picture.file_name for picture, image in ready if image is None]
    if len(broken) < len(ready):  # a page of their own after the signed record, as the PDF
        w.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    w.heading(PICTURES_HEADING, 2)
    number = 0
    for picture, image in ready:
        if image is None:
            continue
        number += 1
        width, height = picture_size(image.width, image.height)
        w.doc.add_picture(io.BytesIO(image.data), width=Pt(width), height=Pt(height))
        placed = w.doc.paragraphs[-1]
        placed.alignment = WD_ALIGN_PARAGRAPH.CENTER
        placed.paragraph_format.keep_with_next = True
        w.para(t(CAPTION, number=number, name="{name}").replace("{name}", picture.file_name), centre=True,
               size="table")
    if broken:
        w.para(NOT_PRINTED.format(names=", ".join(broken)))
