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
from .data import SummaryData, summary_data
from .offices import ByOffice, by_office_data, check_by_office
from .strings import (
    BAND_CELL, CONTENTS, NETWORK_CAPTION, NETWORK_HEADER, NO_QUALITY_SCHOOL, NONE, NOT_SENT, PART_CONTENTS_LINE,
    PART_HEADING, PART_NONE_REPORTED, PART_OFFICE_NOTE, PART_OVERVIEW_NOTE, PROBLEMS_HEADER, READINESS_TOTAL,
)
from .texts import OfficeTexts
from .wording import (
    missing_result, model_lines, network_rows, office_districts, office_name, paragraphs, pending_status, policy, problem_rows,
    readiness_line, served_sentence, situation,
)

__all__ = ["font_family", "write_summary_docx"]

TH_SARABUN_NEW = "TH Sarabun New"
SARABUN = "Sarabun"
CHART_WIDTH = 453.5  # points: the PDF's text width, so the charts' geometry is the PDF's
SARABUN_SCALE = 0.875  # Sarabun 14 reads as TH Sarabun New 16 (the PDF's body size)
TEXT_WIDTH_CM = 16.0  # A4 less two 2.5 cm margins: the charts' width
TEXT_WIDTH_TWIPS = 9072  # the same 16 cm in twentieths of a point (Word's table widths)
COLUMN_ASK = (5, 22)  # characters a column asks for at least and at most (a long text wraps)
CELL_MARGIN_ASK = 2  # what a cell's left and right margins take, in characters
HEADER_ASK = 10  # a header asks for up to this many characters (Thai headers are one word: not cut to letters)
PAGE_WORD = "หน้า"
CORE_PROPERTY_LIMIT = 255  # characters in a Word core property (python-docx refuses more)
_FONT_FILES = ("THSarabunNew.ttf", "THSarabunNew Regular.ttf", "thsarabunnew-webfont.ttf")


def font_family() -> str:
    """"TH Sarabun New" when this computer has it installed (Windows' Fonts folder, the user's or
    the system's font folders elsewhere), else "Sarabun". Raises nothing."""
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
               Path(os.environ.get("LOCALAPPDATA", "~")).expanduser() / "Microsoft" / "Windows" / "Fonts",
               Path("~/.fonts").expanduser(), Path("~/.local/share/fonts").expanduser(),
               Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts"),
               Path("~/Library/Fonts").expanduser()]
    wanted = {name.lower() for name in _FONT_FILES}
    for folder in folders:
        if not folder.is_dir():
            continue
        depth_limited = folder.rglob("*.ttf") if sys.platform != "win32" else folder.glob("*.ttf")
        try:
            if any(path.name.lower() in wanted for path in depth_limited):
                return TH_SARABUN_NEW
        except OSError:
            continue
    return SARABUN


class _Writer:
    """Builds the document: paragraphs and tables in the family and sizes of the form."""

    def __init__(self, data: SummaryData, t: DigitText, family: str) -> None:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm

        self.data, self.t, self.family = data, t, family
        scale = 1.0 if family == TH_SARABUN_NEW else SARABUN_SCALE
        self.sizes = {key: value * scale for key, value in data.layout.sizes.items()}
        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
        for name, size in (("Normal", "body"), ("Heading 1", "title"), ("Heading 2", "heading"),
                           ("Heading 3", "heading"), ("Heading 4", "body"), ("Table Grid", "table")):
            style = self.doc.styles[name]
            self._font(style.element.get_or_add_rPr(), self.sizes[size], bold=name != "Normal" and name != "Table Grid")
            if name.startswith("Heading"):
                style.font.color.rgb = None

    def _font(self, rpr: Any, size: float, *, bold: bool | None = None) -> None:
        """The family for every script (Thai is a complex script to Word) and the size twice."""
        from docx.oxml.ns import qn
        from docx.oxml import OxmlElement

        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), self.family)
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), str(round(size * 2)))
        if bold is not None:
            for tag in ("w:b", "w:bCs"):
                element = rpr.find(qn(tag))
                if element is None:
                    element = OxmlElement(tag)
                    rpr.append(element)
                element.set(qn("w:val"), "1" if bold else "0")

    def para(self, text: str, *, bold: bool = False, centre: bool = False, indent: bool = False,
             size: str = "body", style: str | None = None) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(strip_control_characters(text))
        self._font(run._element.get_or_add_rPr(), self.sizes[size], bold=bold or None)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(36)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        paragraph = self.doc.add_heading(level=level)
        run = paragraph.add_run(strip_control_characters(text))
        self._font(run._element.get_or_add_rPr(), self.sizes["title" if level == 1 else
                                                             "heading" if level < 4 else "body"], bold=True)

    def texts(self, text: str, default: Sequence[str] = ()) -> None:
        lines = paragraphs(text)
        if lines:
            for line in lines:
                self.para(line, indent=True)
        elif default:
            for line in default:
                self.para("- " + line)
        else:
            self.para(NONE, indent=True)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], spans: Sequence[int] = ()) -> None:
        """A grid table, its header row repeated on every page; rows in ``spans`` (indexes into
        ``rows``) are one merged cell across (an area office, a colour band, a component)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        for index, text in enumerate(header):
            self._cell(table.rows[0].cells[index], text, bold=True)
        self._fit(table, header, [row for number, row in enumerate(rows) if number not in spans])
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(mark)
        for number, row in enumerate(rows, start=1):
            cells = table.rows[number].cells
            if number - 1 in spans:
                merged = cells[0].merge(cells[-1])
                self._cell(merged, row[0], bold=True)
                continue
            for index, text in enumerate(row):
                self._cell(cells[index], text)
        self.doc.add_paragraph()

    @staticmethod
    def _fit(table: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """Each column as wide as its contents ask, the text's width shared out (tester's F1:
        an even split made "ที่" as wide as the school's name, which wrapped to three lines).
        A column's ask is its longest line, its header's longest word and :data:`COLUMN_ASK`'s
        bounds; fixed widths, so Word and LibreOffice do not re-spread them."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Twips

        def ask(column: int) -> int:
            lines = [line for row in rows if column < len(row) for line in str(row[column]).split("\n")]
            words = str(header[column]).split()
            longest = min(COLUMN_ASK[1], max((len(line) for line in lines), default=1))
            header_ask = min(HEADER_ASK, len("".join(words)))  # a Thai header wraps only between its words
            return max(COLUMN_ASK[0], longest, header_ask) + CELL_MARGIN_ASK

        asks = [ask(column) for column in range(len(header))]
        widths = [TEXT_WIDTH_TWIPS * a // sum(asks) for a in asks]
        widths[-1] += TEXT_WIDTH_TWIPS - sum(widths)
        table.autofit = False
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        table._tbl.tblPr.append(layout)
        for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            column.set(qn("w:w"), str(width))
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                if index < len(widths):
                    cell.width = Twips(widths[index])

    def footer(self) -> None:
        """"หน้า ๑ / ๑๐" centred in the footer, as the PDF numbers its pages (Word's PAGE and
        NUMPAGES fields; in Thai digits through the section's ``thaiNumbers`` page-number format
        when the document has them: LibreOffice read a ``\\* ThaiArabic`` switch as letters, ก / ฉ)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = self.doc.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        digits = ""  # Thai digits come from the section's page-number format (below), not a field switch
        if self.t.style == "thai":
            numbers = OxmlElement("w:pgNumType")
            numbers.set(qn("w:fmt"), "thaiNumbers")
            self.doc.sections[0]._sectPr.append(numbers)

        def run(text: str = "", field: str = "") -> None:
            element = paragraph.add_run(text)
            self._font(element._element.get_or_add_rPr(), self.sizes["table"])
            if field:
                for kind, instruction in (("begin", None), (None, f" {field}{digits} "), ("separate", None),
                                          (None, None), ("end", None)):
                    if kind is not None:
                        char = OxmlElement("w:fldChar")
                        char.set(qn("w:fldCharType"), kind)
                        element._element.append(char)
                    elif instruction is not None:
                        code = OxmlElement("w:instrText")
                        code.set(qn("xml:space"), "preserve")
                        code.text = instruction
                        element._element.append(code)
                    else:
                        shown = OxmlElement("w:t")
                        shown.text = self.t("1")
                        element._element.append(shown)

        run(PAGE_WORD + " ")
        run(field="PAGE")
        run(" / ")
        run(field="NUMPAGES")

    def chart(self, png: bytes, caption: str) -> None:
        """A chart (:mod:`.chart_png`) as wide as the text, centred, its caption under it."""
        import io

        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.para(caption, centre=True, size="table")

    def _cell(self, cell: Any, text: str, *, bold: bool = False) -> None:
        cell.text = ""
        lines = strip_control_characters(text).split("\n")  # text an older version stored, too
        paragraph = cell.paragraphs[0]
        for index, line in enumerate(lines):
            if index:
                paragraph = cell.add_paragraph()
            run = paragraph.add_run(line)
            self._font(run._element.get_or_add_rPr(), self.sizes["table"], bold=bold or None)


def _blocks(w: _Writer, data: SummaryData, t: DigitText) -> None:
    """The form's sections and blocks, in the layout's order (the same as :mod:`.pdf`)."""
    from ...inspection.layouts import ComponentsBlock
    from . import chart_png, pdf

    picture = data.picture
    for depth, section in data.layout.walk():
        w.heading(t(section.heading), 2 if depth == 0 else 3)
        for block in section.blocks:
            if isinstance(block, ComponentsBlock):
                for component in picture.components:
                    w.heading(t(block.pattern.replace("{n}", component.code)) + " " + component.title, 4)
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
                w.para(pdf.H62_3, bold=True)
                rows: list[list[str]] = []
                spans = []
                standings = {found.school.id: found for found in picture.standings}  # not a search per school
                for area in offices:
                    spans.append(len(rows))
                    count = sum(len(members) for _, members in area.rows)
                    rows.append([t(pdf.OFFICE_ROW, office=t(area.office) if area.office else pdf.NO_OFFICE,
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
                            rows.append([t(number), district or pdf.NO_DISTRICT, school.name, result])
                w.table(pdf.DISTRICTS_HEADER, rows, spans)
            elif block == "network_schools":
                network = network_rows(data)
                if network:
                    w.para(NETWORK_CAPTION, bold=True)
                    w.table(NETWORK_HEADER, [[name, t(code), member, *(pdf.NO_SCORE if v is None else t(f"{v:g}")
                                                                       for v in values)]
                                             for name, code, member, *values in network])
            elif block == "readiness":
                w.para(pdf.readiness_intro(picture, t), indent=True)
                header = [pdf.READINESS_HEADER_COMPONENT, *(g.name for g in picture.groups), READINESS_TOTAL]
                table_rows = []
                for component in picture.components:
                    values = [picture.readiness_counts.get(component.code, {}).get(g.key, 0) for g in picture.groups]
                    table_rows.append([t(f"{component.code}. ") + component.title, *(t(v) for v in values),
                                       t(sum(values))])
                w.table(header, table_rows)
                w.chart(chart_png.group_bars_png(
                    [t(pdf.CHART_NUMBER, code=t(c.code)) for c in picture.components],
                    [short_title(c.title) for c in picture.components], [g.name for g in picture.groups],
                    pdf.READINESS_FILLS[: len(picture.groups)],
                    [[picture.readiness_counts.get(c.code, {}).get(g.key, 0) for g in picture.groups]
                     for c in picture.components], t, CHART_WIDTH), pdf.READINESS_CAPTION)
            elif block == "bands":
                w.para(pdf.H62_2, bold=True)
                w.para(pdf.BANDS_INTRO, indent=True)
                total, previous = picture.reported, picture.previous
                w.table([*pdf.BANDS_HEADER, *([pdf.BANDS_PREVIOUS] if previous else [])], [
                    [pdf.BAND_NAME.format(name=band.name), pdf._band_range(picture.bands, index, t),
                     t(picture.band_counts.get(band.key, 0)),
                     t(f"{100.0 * picture.band_counts.get(band.key, 0) / total:.1f}") if total else pdf.NO_SCORE,
                     *([t(previous.band_counts.get(band.key, 0))] if previous else [])]
                    for index, band in enumerate(picture.bands)])
                w.chart(chart_png.band_bars_png(
                    [pdf.BAND_NAME.format(name=b.name) for b in picture.bands],
                    [picture.band_counts.get(b.key, 0) for b in picture.bands], [b.colour for b in picture.bands],
                    t, CHART_WIDTH), pdf.BANDS_CAPTION)
            elif block == "schools_by_band":
                w.para(t(pdf.H62_4), bold=True)
                rows, spans = [], []
                number = 0  # on across the bands from ๑, as the PDF
                for band in picture.bands:
                    ranked = picture.schools_by_band.get(band.key, [])
                    if ranked:
                        spans.append(len(rows))
                        rows.append([t(pdf.BAND_ROW, name=band.name, count=len(ranked))])
                        for entry in ranked:
                            number += 1
                            rows.append([t(number), entry.school.name,
                                         entry.school.district or pdf.NO_DISTRICT, t.score(entry.score),
                                         pdf._change(entry, t), t(pdf.WEAKEST, code=t(entry.weakest_code),
                                                                   title=entry.weakest_title,
                                                                   score=t.score(entry.weakest_score))
                                         if entry.weakest else pdf.NO_SCORE])
                w.table([h.replace("\n", " ") for h in pdf.SCHOOLS_HEADER], rows, spans)
            elif block == "not_reported":
                w.para(pdf.H62_5, bold=True)
                if not picture.not_this_round:
                    w.para(pdf.ALL_REPORTED, indent=True)
                else:
                    w.table(pdf.PENDING_HEADER, [
                        [t(n), item.school.name, item.school.district or pdf.NO_DISTRICT,
                         t(item.school.area_office) or pdf.NO_OFFICE, pending_status(item, t)]
                        for n, item in enumerate(picture.not_this_round, start=1)])
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


def _title_block(w: _Writer, data: SummaryData, t: DigitText) -> None:
    from . import pdf

    picture = data.picture
    if any(school.is_demo for school in picture.schools):
        w.para(pdf.DEMO_NOTICE, bold=True, centre=True)
    w.para(pdf.FORM, bold=True, centre=True, size="title")
    w.para(pdf.FORM_SUBTITLE.replace("\n", ""), bold=True, centre=True, size="heading")
    w.para(t(pdf.ROUND_LINE, round=picture.round, year=picture.fiscal_year), bold=True, centre=True, size="heading")
    w.para(pdf.OFFICE_LINE + (office_name(data, t) or pdf.OFFICE_BLANK))
    w.para(pdf.POLICY_LINE + policy(data))
    w.para(pdf.SCOPE_LINE + pdf.scope_text(data, t))
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


def _sign_and_save(w: _Writer, data: SummaryData, target: Path) -> None:
    from . import pdf

    picture = data.picture
    w.doc.add_paragraph()
    for line in (pdf.SIGN.format(dots="." * 40, role=pdf.SIGN_REPORTER), pdf.SIGN_NAME_BLANK,
                 pdf.SIGN_POSITION.format(role="." * 40), pdf.SIGN_DATE):
        w.para(line, centre=True)
    office = strip_control_characters(office_name(data), multiline=False)
    w.doc.core_properties.title = core_property(pdf.DOC_TITLE.format(office=office, year=picture.fiscal_year,
                                                                     round=picture.round))
    w.doc.core_properties.author = core_property(office)
    w.doc.save(str(target))


def _build(data: SummaryData, t: DigitText, target: Path, family: str) -> None:
    w = _Writer(data, t, family)
    _title_block(w, data, t)
    w.heading(t(data.layout.topic), 1)
    _blocks(w, data, t)
    _sign_and_save(w, data, target)


def _build_by_office(data: ByOffice, t: DigitText, target: Path, family: str) -> None:
    """The report with a part per area office (:mod:`.offices`), as :mod:`.pdf_offices` prints
    it: the title block and the contents, then each part on a new page under its Heading 1
    ("ส่วนที่ ๒ สพป.ตาก เขต ๑"), the form's topic line and its sections (Heading 2 and below)."""
    from docx.enum.text import WD_BREAK

    from . import pdf
    from .pdf_offices import part_titles

    overview = data.overview
    w = _Writer(overview, t, family)
    _title_block(w, overview, t)
    titles = part_titles(data, t)
    w.para(CONTENTS, bold=True, size="heading")
    for number, (title, count) in enumerate(titles, start=1):
        w.para(t(PART_CONTENTS_LINE, number=number, title=title, count=count))
    parts: list[tuple[str, SummaryData | None, str, list[str]]] = [(titles[0][0], overview, PART_OVERVIEW_NOTE, [])]
    for section, (title, count) in zip(data.offices, titles[1:]):
        if section.data is None:
            parts.append((title, None, t(PART_NONE_REPORTED, office=t(section.office), count=count),
                          [f"- {school.name} ({school.district or pdf.NO_DISTRICT})" for school in section.schools]))
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
