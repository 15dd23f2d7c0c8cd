"""The summary as an editable Word copy (``report summary … --docx FILE.docx``, issue 13).

The same document as the PDF (:mod:`.pdf`), written with python-docx so an office can edit it and
merge it into its book: the title block, then the round's form layout section by section as real
headings (Heading 1 the topic, Heading 2 the form's sections, Heading 3 their subsections, Heading 4
the per-component ones), real tables with a header row repeated on every page, the office's texts
as written, and the reporter's signature. A4 portrait, 2.5 cm margins, the form's sizes
(:attr:`~qualityschool_desktop.inspection.layouts.FormLayout.sizes`, in TH Sarabun New points) in
TH Sarabun New where this computer has it, else in Sarabun (the font the app ships, ``fonts/``)
at 7/8 of them, Sarabun being larger at the same size. Thai digits where chosen. python-docx is
imported when a copy is written, not with the package.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ...printable import WORD_WARNING, places_warning, unprintable_places
from ...text import strip_control_characters
from ...thai import DigitText, short_title
from ...workspace import Workspace
from ..cautions import caution
from ..output import check_request, write_atomically
from .wording import listed_problems, numbered
from . import form_words
from .data import SummaryData, summary_data
from .offices import ByOffice, by_office_data, check_by_office
from .strings import (
    BAND_CELL, CONTENTS, NETWORK_CAPTION, NETWORK_HEADER, NO_QUALITY_SCHOOL, NONE, NOT_SENT, PART_CONTENTS_LINE,
    PART_HEADING, PART_NONE_REPORTED, PART_OFFICE_NOTE, PART_OVERVIEW_NOTE, PROBLEMS_HEADER, READINESS_TOTAL,
)
from .texts import OfficeTexts
from .word_writer import CHART_WIDTH, SARABUN, SARABUN_SCALE, TH_SARABUN_NEW, DocxWriter, font_family, shade, unbroken
from .wording import (
    missing_result, model_lines, network_rows, office_districts, office_name, paragraphs, pending_status, policy, problem_rows,
    readiness_line, served_sentence, situation,
)

__all__ = ["SARABUN", "TH_SARABUN_NEW", "font_family", "write_summary_docx"]

OFFICE_ROW_FILL = "#f2f2f2"  # an area office's row in the district table, as the PDF
CORE_PROPERTY_LIMIT = 255  # characters in a Word core property (python-docx refuses more)


def _blocks(w: DocxWriter, data: SummaryData, t: DigitText) -> None:
    """The form's sections and blocks, in the layout's order (the same as :mod:`.pdf`)."""
    from ...inspection.layouts import ComponentsBlock
    from . import chart_png, pdf

    picture = data.picture
    for depth, section in data.layout.walk():
        level = 2 if depth == 0 else 3
        w.heading(t(section.heading), level)
        for block in section.blocks:
            if isinstance(block, ComponentsBlock):  # one level under its section's (N5: round 1's skipped 3)
                for component in picture.components:
                    w.heading(t(block.pattern.replace("{n}", component.code)) + " " + component.title, level + 1,
                              "body")
                    w.para(readiness_line(data, component.code, t), indent=True)
                    for line in paragraphs(data.texts.narrative(component.code)):
                        w.para(line, indent=True)
            elif block == "situation":
                w.texts(situation(data, t))
            elif block == "districts":
                offices = office_districts(data)
                for line in (served_sentence(area, t) for area in offices):
                    if line:
                        w.para("- " + line)
                w.para(form_words.H62_3, bold=True)
                rows: list[list[str]] = []
                spans = []
                fills: list[tuple[int, int, str, float]] = []  # (row, column, colour, lightened by) as the PDF
                standings = {found.school.id: found for found in picture.standings}  # not a search per school
                for area in offices:
                    spans.append(len(rows))
                    fills.append((len(rows), 0, OFFICE_ROW_FILL, 0.0))
                    count = sum(len(members) for _, members in area.rows)
                    rows.append([t(form_words.OFFICE_ROW, office=t(area.office) if area.office else form_words.NO_OFFICE,
                                   count=count)])
                    number = 0
                    for district, members in area.rows:
                        if not members:
                            number += 1
                            rows.append([t(number), district, NO_QUALITY_SCHOOL, ""])
                        for school in members:
                            number += 1
                            standing = standings.get(school.id)
                            result = (BAND_CELL.format(name=standing.band.name) + " " + t.score(standing.score)
                                      if standing is not None and standing.band is not None
                                      else missing_result(data, school.id, t))
                            rows.append([t(number), district or form_words.NO_DISTRICT, school.name, result])
                            if standing is not None and standing.band is not None and standing.band.colour:
                                fills.append((len(rows) - 1, 3, standing.band.colour, 0.6))
                table = w.table(form_words.DISTRICTS_HEADER, rows, spans, whole=(0, 1))
                for row, column, colour, amount in fills:
                    shade(table.rows[1 + row].cells[column], colour, amount)
            elif block == "network_schools":
                network = network_rows(data)
                if network:
                    w.para(NETWORK_CAPTION, bold=True)
                    w.table(NETWORK_HEADER, [[name, t(code), member, *(pdf.NO_SCORE if v is None else t(f"{v:g}")
                                                                       for v in values)]
                                             for name, code, member, *values in network], whole=(1, 3, 4, 5))
            elif block == "readiness":
                w.para(form_words.readiness_intro(picture, t), indent=True)
                header = [form_words.READINESS_HEADER_COMPONENT, *(g.name for g in picture.groups), READINESS_TOTAL]
                table_rows = []
                for component in picture.components:
                    values = [picture.readiness_counts.get(component.code, {}).get(g.key, 0) for g in picture.groups]
                    table_rows.append([t(f"{component.code}. ") + component.title, *(t(v) for v in values),
                                       t(sum(values))])
                table = w.table(header, table_rows, whole=range(1, len(header)))
                for column, fill in enumerate(pdf.READINESS_FILLS[: len(picture.groups)], start=1):
                    shade(table.rows[0].cells[column], fill, 0.6)
                w.chart(chart_png.group_bars_png(
                    [t(form_words.CHART_NUMBER, code=t(c.code)) for c in picture.components],
                    [short_title(c.title) for c in picture.components], [g.name for g in picture.groups],
                    pdf.READINESS_FILLS[: len(picture.groups)],
                    [[picture.readiness_counts.get(c.code, {}).get(g.key, 0) for g in picture.groups]
                     for c in picture.components], t, CHART_WIDTH), form_words.READINESS_CAPTION)
            elif block == "bands":
                w.para(form_words.H62_2, bold=True)
                w.para(form_words.BANDS_INTRO, indent=True)
                total, previous, band_shares = picture.reported, picture.previous, picture.band_shares()
                table = w.table([*form_words.BANDS_HEADER, *([form_words.BANDS_PREVIOUS] if previous else [])], [
                    [form_words.BAND_NAME.format(name=band.name), pdf._band_range(picture.bands, index, t),
                     t(picture.band_counts.get(band.key, 0)),
                     t(str(band_shares[band.key])) if total else pdf.NO_SCORE,
                     *([t(previous.band_counts.get(band.key, 0))] if previous else [])]
                    for index, band in enumerate(picture.bands)], whole=range(5))
                for index, band in enumerate(picture.bands, start=1):
                    if band.colour:
                        shade(table.rows[index].cells[0], band.colour, 0.45)
                w.chart(chart_png.band_bars_png(
                    [form_words.BAND_NAME.format(name=b.name) for b in picture.bands],
                    [picture.band_counts.get(b.key, 0) for b in picture.bands], [b.colour for b in picture.bands],
                    t, CHART_WIDTH), form_words.BANDS_CAPTION)
            elif block == "schools_by_band":
                w.para(t(form_words.H62_4), bold=True)
                rows, spans = [], []
                number = 0  # on across the bands from ๑, as the PDF
                band_fills: list[tuple[int, str]] = []
                for band in picture.bands:
                    ranked = picture.schools_by_band.get(band.key, [])
                    if ranked:
                        spans.append(len(rows))
                        if band.colour:
                            band_fills.append((len(rows), band.colour))
                        rows.append([t(form_words.BAND_ROW, name=band.name, count=len(ranked))])
                        for entry in ranked:
                            number += 1
                            rows.append([t(number), entry.school.name,
                                         entry.school.district or form_words.NO_DISTRICT, t.score(entry.score),
                                         pdf._change(entry, t), t(form_words.WEAKEST, code=t(entry.weakest_code),
                                                                   title=entry.weakest_title,
                                                                   score=t.score(entry.weakest_score))
                                         if entry.weakest else pdf.NO_SCORE])
                table = w.table([h.replace("\n", " ") for h in form_words.SCHOOLS_HEADER], rows, spans, whole=(0, 2, 3))
                for row, colour in band_fills:
                    shade(table.rows[1 + row].cells[0], colour, 0.55)
            elif block == "not_reported":
                w.para(form_words.H62_5, bold=True)
                if not picture.not_this_round:
                    w.para(form_words.ALL_REPORTED, indent=True)
                else:
                    w.table(form_words.PENDING_HEADER, [
                        [t(n), item.school.name, item.school.district or form_words.NO_DISTRICT,
                         unbroken(t(item.school.area_office)) or form_words.NO_OFFICE, pending_status(item, t)]
                        for n, item in enumerate(picture.not_this_round, start=1)], whole=(0, 2, 3))
            elif block in ("problems", "problems_list"):
                rows = [["\n".join(p.problem), "\n".join(p.solution), "\n".join(p.expected)]
                        for p in numbered(problem_rows(data, t), t)]
                if block == "problems":
                    w.table(PROBLEMS_HEADER, rows or [[NONE, NONE, NONE]])
                else:  # round 1's list, with what was typed beside each problem
                    for first, rest in listed_problems(data, t):
                        w.para(first)
                        for line in rest:
                            w.para(line, indent=True)
                    if not rows:
                        w.para(NONE)
            elif block == "model_schools":
                groups = model_lines(data, t)
                for heading, items in groups:
                    w.para("- " + heading)
                    for item in items:
                        w.para(item, indent=True)
                if groups and not data.texts.model_schools:
                    continue
                w.texts(data.texts.model_schools)
            elif block == "success_factors":
                w.texts(data.texts.success_factors)
            elif block == "suggestions":
                w.texts(data.texts.suggestions)
            elif block == "good_practices":
                w.texts(data.texts.good_practices)


def _title_block(w: DocxWriter, data: SummaryData, t: DigitText) -> None:
    from . import pdf

    picture = data.picture
    if any(school.is_demo for school in picture.schools):
        w.para(form_words.DEMO_NOTICE, bold=True, centre=True)
    w.para(form_words.FORM, bold=True, centre=True, size="title")
    w.para(form_words.FORM_SUBTITLE.replace("\n", ""), bold=True, centre=True, size="heading")
    w.para(t(form_words.ROUND_LINE, round=picture.round, year=picture.fiscal_year), bold=True, centre=True, size="heading")
    w.para(form_words.OFFICE_LINE + (office_name(data, t) or form_words.OFFICE_BLANK))
    w.para(form_words.POLICY_LINE + policy(data))
    w.para(form_words.SCOPE_LINE + pdf.scope_text(data, t))
    w.footer()


def core_property(value: str) -> str:
    """``value`` fit for a Word document's core property (title, author): at most 255 characters
    (python-docx refuses more, and Word's own limit is the same), cut before a combining mark
    so no vowel or tone mark is left without its consonant, ending in "…" when cut. The text in
    the document's body is never cut; only the file's properties are."""
    if len(value) <= CORE_PROPERTY_LIMIT:
        return value
    cut = CORE_PROPERTY_LIMIT - 1
    while cut > 0 and unicodedata.category(value[cut]).startswith("M"):
        cut -= 1
    return value[:cut].rstrip() + "…"


def _sign_and_save(w: DocxWriter, data: SummaryData, target: Path) -> None:
    from . import pdf

    picture = data.picture
    # One block on one page, as the PDF keeps it (tester's F1: a page held only "วันที่ …").
    w.doc.add_paragraph().paragraph_format.keep_with_next = True
    lines = (pdf.SIGN.format(dots="." * 40, role=form_words.SIGN_REPORTER), pdf.SIGN_NAME_BLANK,
             pdf.SIGN_POSITION.format(role="." * 40), form_words.SIGN_DATE)
    for number, line in enumerate(lines, start=1):
        layout = w.para(line, centre=True).paragraph_format
        layout.keep_together = True
        if number < len(lines):
            layout.keep_with_next = True
    office = strip_control_characters(office_name(data), multiline=False)
    w.doc.core_properties.title = core_property(form_words.DOC_TITLE.format(office=office, year=picture.fiscal_year,
                                                                     round=picture.round))
    w.doc.core_properties.author = core_property(office)
    w.doc.save(str(target))


def _build(data: SummaryData, t: DigitText, target: Path, family: str) -> None:
    w = DocxWriter(data.layout.sizes, t, family)
    _title_block(w, data, t)
    w.heading(t(data.layout.topic), 1)
    _blocks(w, data, t)
    _sign_and_save(w, data, target)


def _build_by_office(data: ByOffice, t: DigitText, target: Path, family: str) -> None:
    """The report with a part per area office (:mod:`.offices`), as :mod:`.pdf_offices` prints
    it: the title block and the contents, then each part on a new page under its Heading 1
    ("ส่วนที่ ๒ สพป.ตาก เขต ๑"), the form's topic line and its sections (Heading 2 and below)."""
    from docx.enum.text import WD_BREAK

    from .pdf_offices import part_titles

    overview = data.overview
    w = DocxWriter(overview.layout.sizes, t, family)
    _title_block(w, overview, t)
    titles = part_titles(data, t)
    w.para(CONTENTS, bold=True, size="heading")
    w.contents([t(PART_CONTENTS_LINE, number=number, title=title, count=count)
                for number, (title, count) in enumerate(titles, start=1)])
    parts: list[tuple[str, SummaryData | None, str, list[str]]] = [(titles[0][0], overview, PART_OVERVIEW_NOTE, [])]
    for section, (title, count) in zip(data.offices, titles[1:]):
        if section.data is None:
            parts.append((title, None, t(PART_NONE_REPORTED, office=t(section.office), count=count),
                          [f"- {school.name} ({school.district or form_words.NO_DISTRICT})" for school in section.schools]))
        else:
            parts.append((title, section.data, t(PART_OFFICE_NOTE, office=t(section.office), count=count), []))
    for number, (title, part, note, names) in enumerate(parts, start=1):
        w.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        w.heading(t(PART_HEADING, number=number, title=title), 1)
        w.para(note)
        for line in names:
            w.para(line)
        if part is not None:
            w.para(t(part.layout.topic), bold=True, size="heading")
            _blocks(w, part, t)
    _sign_and_save(w, overview, target)


def _caution(data: object, t: DigitText, family: str) -> None:
    """The PDF's warning of characters the font lacks, for the Word copy too (issue 11): it asks
    for ``family``, which lacks the same ones; Word draws them in another font or as boxes."""
    caution(places_warning(unprintable_places(data), t.style, heading=WORD_WARNING.format(family=family)))


def write_summary_docx(
    workspace: Workspace, target: Path, *, fiscal_year: int, round: int, area_office: str | None = None,
    province: str | None = None, level: str | None = None, texts: OfficeTexts | Mapping[str, Any] | None = None,
    digits: str = "thai", family: str | None = None, check: Callable[[], None] = lambda: None,
    by_area_office: bool = False,
) -> Path:
    """Write the Word copy of inspection round ``round`` of ``fiscal_year`` (BE) to ``target``
    (a .docx path in a folder that exists), atomically; returns ``target``. Arguments as
    :func:`~.write_summary_report`; ``family`` overrides :func:`font_family`.

    Raises what :func:`~.data.summary_data` raises (the round not defined, nothing to report, bad
    texts: Thai), :class:`~qualityschool_desktop.errors.ValidationError` for another digit style
    and :class:`~qualityschool_desktop.reports.ReportWriteError` when the folder is missing or
    the file cannot be written.

    ``by_area_office``: the report with a part per area office (:mod:`.offices`), refused with
    :class:`~qualityschool_desktop.errors.ValidationError` (Thai) together with ``area_office``.

    Characters the font lacks are written all the same and named in a caution
    (:mod:`..cautions`, for whoever collects them: the command line, the window)."""
    check_request(target, digits)
    t = DigitText("thai" if digits == "thai" else "arabic")
    chosen = family or font_family()
    if by_area_office:
        check_by_office(by_area_office, area_office)
        by_office = by_office_data(workspace, fiscal_year=fiscal_year, round=round, province=province, level=level,
                                   texts=texts, digits=digits)
        _caution(by_office, t, chosen)
        return write_atomically(Path(target), lambda partial: _build_by_office(by_office, t, partial, chosen), check)
    data = summary_data(workspace, fiscal_year=fiscal_year, round=round, area_office=area_office,
                        province=province, level=level, texts=texts, digits=digits)
    _caution(data, t, chosen)
    return write_atomically(Path(target), lambda partial: _build(data, t, partial, chosen), check)
