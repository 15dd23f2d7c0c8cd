"""The Word copy's document primitives (:mod:`.word`): paragraphs, headings, tables and fields
in the family and sizes of the form, written with python-docx (imported when a copy is written).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Collection, Mapping, Sequence

from ...text import strip_control_characters
from ...thai import DigitText
from ..docx_fonts import embed_fonts
from .wording import paragraphs
from .strings import NONE

__all__ = ["CHART_WIDTH", "DocxWriter", "SARABUN", "SARABUN_SCALE", "TH_SARABUN_NEW", "font_family", "shade", "unbroken"]

TH_SARABUN_NEW = "TH Sarabun New"
SARABUN = "Sarabun"
CHART_WIDTH = 453.5  # points: the PDF's text width, so the charts' geometry is the PDF's
SARABUN_SCALE = 0.875  # Sarabun 14 reads as TH Sarabun New 16 (the PDF's body size)
TEXT_WIDTH_CM = 16.0  # A4 less two 2.5 cm margins: the charts' width
TEXT_WIDTH_TWIPS = 9072  # the same 16 cm in twentieths of a point (Word's table widths)
CELL_MARGINS = 2 * 5.4 + 1.5  # points: Word's left and right cell margins (0.075 in each) and a little air
WORD_CAP = 45.0  # points: a longer run without spaces (a school's name) Word and LibreOffice break by their dictionaries
HEADER_WORD_CAP = 62.0  # points: a header's word asks no more ("ผลการประเมิน"); longer ones wrap
LINE_CAP = 200.0  # points: a column asks for its longest line up to this; longer text wraps
_BREAKS = re.compile(r"[ \t]+")  # where a line may break between words: not at a no-break space
_AREA_NUMBER = re.compile(r"(?<=เขต) +(?=[0-9๐-๙])")  # "สพป.ตาก เขต ๑": the number stays with its เขต
NO_BREAK_SPACE = "\u00a0"
THAI_DIGITS_SWITCH = " \\* THAIARABIC"  # Word: Thai digits; upper case, see DocxWriter.footer
TOC_FIELD = ' TOC \\o "1-1" \\h \\z \\u '  # the Heading 1 paragraphs, as links, no page numbers on the web
# Settings elements the schema (CT_Settings) puts after w:updateFields, in its order.
_SETTINGS_AFTER_UPDATE = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                          "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                          "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                          "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def shade(cell: Any, colour: str, amount: float) -> None:
    """Fill ``cell`` (python-docx) with ``colour`` ("#rrggbb") mixed with white by ``amount``, as
    the PDF lightens a band's colour behind black text (:func:`~..blocks.tint`)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from ..blocks import tint

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), tint(colour, amount).hexval()[2:].upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _update_fields_on_open(settings: Any) -> None:
    """``w:updateFields`` in its place in the settings (before the compatibility settings)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if settings.find(qn("w:updateFields")) is not None:
        return
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = [child for child in settings if child.tag in {qn(f"w:{name}") for name in _SETTINGS_AFTER_UPDATE}]
    if later:
        later[0].addprevious(update)
    else:
        settings.append(update)


def _keep_together(text: str) -> str:
    """``text`` with "เขต" and its number joined by a no-break space (tester's F1: "เขต | ๑")."""
    return _AREA_NUMBER.sub(NO_BREAK_SPACE, text)


def unbroken(name: str) -> str:
    """``name`` (an area office, "สพป.ตาก เขต ๑") as one word: its spaces no-break spaces, so a
    table column is measured to hold it whole and Word and LibreOffice keep it on one line."""
    return " ".join(name.split()).replace(" ", NO_BREAK_SPACE)
PAGE_WORD = "หน้า"
SARABUN_FACES = {"embedRegular": "Sarabun-Regular.ttf", "embedBold": "Sarabun-Bold.ttf"}  # no italics in the copy
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


class DocxWriter:
    """Builds the document: paragraphs and tables in the family and sizes of the form (the
    summary's) or of another report (the visit record's, :mod:`..visit.word`)."""

    def __init__(self, sizes: Mapping[str, float], t: DigitText, family: str) -> None:
        """``sizes``: points in TH Sarabun New for "title", "heading", "body" and "table"."""
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm

        self.t, self.family = t, family
        scale = 1.0 if family == TH_SARABUN_NEW else SARABUN_SCALE
        self.sizes = {key: value * scale for key, value in sizes.items()}
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
        if family == SARABUN:  # the app's own font, so it shows where Sarabun is not installed (F9)
            embed_fonts(self.doc, SARABUN, SARABUN_FACES)

    def _font(self, rpr: Any, size: float, *, bold: bool | None = None) -> None:
        """The family for every script (Thai is a complex script to Word) and the size twice,
        each element in the schema's place (python-docx's ``get_or_add_*`` insert so)."""
        from docx.oxml.ns import qn
        from docx.oxml import OxmlElement

        fonts = rpr.get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), self.family)
        if bold is not None:
            for element in (rpr.get_or_add_b(), rpr.get_or_add_bCs()):
                element.set(qn("w:val"), "1" if bold else "0")
        size_element = rpr.get_or_add_sz()
        complex_size = rpr.find(qn("w:szCs"))
        if complex_size is None:
            complex_size = OxmlElement("w:szCs")
            size_element.addnext(complex_size)
        for element in (size_element, complex_size):
            element.set(qn("w:val"), str(round(size * 2)))

    def para(self, text: str, *, bold: bool = False, centre: bool = False, indent: bool = False,
             size: str = "body", style: str | None = None, label: str = "") -> Any:
        """A paragraph of ``text`` (control characters removed) in the form's ``size`` (a key of its
        sizes), bold, centred or with a first-line indent of 36 pt as asked, after ``label`` in
        bold when given; returns python-docx's paragraph."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.doc.add_paragraph(style=style)
        if label:
            lead = paragraph.add_run(strip_control_characters(label))
            self._font(lead._element.get_or_add_rPr(), self.sizes[size], bold=True)
        run = paragraph.add_run(strip_control_characters(text))
        self._font(run._element.get_or_add_rPr(), self.sizes[size], bold=bold or None)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(36)
        return paragraph

    def heading(self, text: str, level: int, size: str | None = None) -> None:
        """A heading of ``level`` (1–4) in the form's size for it, or in ``size`` (a key of the
        form's sizes)."""
        paragraph = self.doc.add_heading(level=level)
        run = paragraph.add_run(strip_control_characters(text))
        chosen = size or ("title" if level == 1 else "heading" if level < 4 else "body")
        self._font(run._element.get_or_add_rPr(), self.sizes[chosen], bold=True)

    def texts(self, text: str, default: Sequence[str] = ()) -> None:
        """The office's ``text`` a paragraph per line, indented; with none, ``default``'s lines as
        "- " items."""
        lines = paragraphs(text)
        if lines:
            for line in lines:
                self.para(line, indent=True)
        elif default:
            for line in default:
                self.para("- " + line)
        else:
            self.para(NONE, indent=True)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], spans: Sequence[int] = (),
              whole: Collection[int] = (), *, show_header: bool = True, bold: Collection[int] = ()) -> Any:
        """A grid table, its header row repeated on every page; rows in ``spans`` (indexes into
        ``rows``) are one merged cell across (an area office, a colour band, a component);
        columns in ``whole`` (numbers, districts, area offices, scores) are as wide as their
        longest cell, which never breaks; columns in ``bold`` are bold (labels). Without
        ``show_header`` the header only names the columns (a label and its text). Returns the
        python-docx table."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        first = 1 if show_header else 0
        table = self.doc.add_table(rows=first + len(rows), cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        self._fit(table, header, [row for number, row in enumerate(rows) if number not in spans], whole)
        if show_header:
            for index, text in enumerate(header):
                self._cell(table.rows[0].cells[index], text, bold=True)
            mark = OxmlElement("w:tblHeader")
            mark.set(qn("w:val"), "true")
            table.rows[0]._tr.get_or_add_trPr().append(mark)
        for number, row in enumerate(rows, start=first):
            cells = table.rows[number].cells
            if number - first in spans:
                merged = cells[0].merge(cells[-1])
                self._cell(merged, row[0], bold=True)
                continue
            for index, text in enumerate(row):
                self._cell(cells[index], _keep_together(text), bold=index in bold)
        self.doc.add_paragraph()
        return table

    def _fit(self, table: Any, header: Sequence[str], rows: Sequence[Sequence[str]], whole: Collection[int]) -> None:
        """Each column as wide as its contents ask, measured in Sarabun at the table's size
        (tester's F1: an even split made "ที่" as wide as the school's name; counting characters
        left "บ้านตา|ก" and "แม่ระม|าด" broken in LibreOffice). A column in ``whole`` is at least
        as wide as its longest line; another at least as wide as its widest word up to
        :data:`WORD_CAP` (a longer Thai run Word and LibreOffice break by their dictionaries),
        and a header's words up to :data:`HEADER_WORD_CAP`. Every column asks for its longest
        line (up to :data:`LINE_CAP`); what the floors leave of the text's width goes to the
        columns whose lines wrap, in proportion to what they lack. Fixed widths, so Word and
        LibreOffice do not re-spread them."""
        from docx.oxml.ns import qn
        from docx.shared import Twips

        from ..blocks import line_width

        size = round(self.sizes["table"] * 2) / 2 * (1.0 if self.family == SARABUN else SARABUN_SCALE)  # as Sarabun

        def measure(text: str, bold: bool, cap: float) -> tuple[float, float]:
            lines = [line for line in text.split("\n") if line]
            words = [word for line in lines for word in _BREAKS.split(line) if word]
            longest = max((min(LINE_CAP, line_width(line, size, bold=bold)) for line in lines), default=0.0)
            if cap == 0.0:  # a whole column: its line is its word
                return longest, longest
            return max((min(cap, line_width(word, size, bold=bold)) for word in words), default=0.0), longest

        floors, asks = [], []
        for column, title in enumerate(header):
            cap = 0.0 if column in whole else WORD_CAP
            measured = [measure(_keep_together(str(row[column])), False, cap) for row in rows if column < len(row)]
            measured.append(measure(str(title), True, HEADER_WORD_CAP))
            floors.append(max(floor for floor, _ in measured) + CELL_MARGINS)
            asks.append(max(max(ask for _, ask in measured) + CELL_MARGINS, floors[-1]))
        total = TEXT_WIDTH_TWIPS / 20
        if sum(asks) <= total:  # everything fits on one line: the spare width spread evenly
            points = [ask * total / sum(asks) for ask in asks]
        elif sum(floors) < total:
            lacking = [ask - floor for ask, floor in zip(asks, floors)]
            points = [floor + lack * (total - sum(floors)) / sum(lacking) for floor, lack in zip(floors, lacking)]
        else:  # even the words do not fit side by side: narrower in proportion
            points = [floor * total / sum(floors) for floor in floors]
        widths = [int(point * 20) for point in points]
        widths[-1] += TEXT_WIDTH_TWIPS - sum(widths)
        table.autofit = False  # python-docx writes w:tblLayout fixed, in the schema's place (once)
        for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            column.set(qn("w:w"), str(width))
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                if index < len(widths):
                    cell.width = Twips(widths[index])

    def footer(self) -> None:
        """"หน้า ๑ / ๑๐" centred in the footer, as the PDF numbers its pages (Word's PAGE and
        NUMPAGES fields). With Thai digits: the section's ``thaiNumbers`` page-number format (Word's
        contents field numbers its pages so) and a ``\\* THAIARABIC`` switch on both fields, since
        the format does not reach NUMPAGES. Upper case on purpose: LibreOffice 7.4 matches the
        switch by case and reads ``ThaiArabic`` as Thai letters (ก, ข …); ``THAIARABIC`` it ignores
        and shows Arabic digits, having no Thai-digit page number to import."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = self.doc.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        digits = ""
        if self.t.style == "thai":
            digits = THAI_DIGITS_SWITCH
            numbers = OxmlElement("w:pgNumType")
            numbers.set(qn("w:fmt"), "thaiNumbers")
            # In the schema's place (before w:cols …): Word may refuse an out-of-order section.
            self.doc.sections[0]._sectPr.insert_element_before(
                numbers, *(f"w:{name}" for name in ("cols", "formProt", "vAlign", "noEndnote", "titlePg",
                                                        "textDirection", "bidi", "rtlGutter", "docGrid",
                                                        "printerSettings", "sectPrChange")))

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

    def contents(self, lines: Sequence[str]) -> None:
        """A table of contents over the Heading 1 paragraphs: Word's TOC field, ``lines`` its
        result until it is updated, and ``w:updateFields`` in the settings so Word fills in the
        page numbers when the document opens (it asks first)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        def mark(paragraph: Any, kind: str) -> None:
            run = paragraph.add_run()
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                char.set(qn("w:dirty"), "true")
            run._element.append(char)

        for number, line in enumerate(lines or [""]):
            paragraph = self.para(line)
            run = paragraph.runs[0]._element
            if number == 0:  # the field opens before the first line's text
                begin = self.doc.add_paragraph()
                mark(begin, "begin")
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = TOC_FIELD
                begin.add_run()._element.append(code)
                mark(begin, "separate")
                for field_run in begin.runs:
                    run.addprevious(field_run._element)
                begin._element.getparent().remove(begin._element)
            if number == max(len(lines), 1) - 1:
                mark(paragraph, "end")
        _update_fields_on_open(self.doc.settings.element)

    def chart(self, png: bytes, caption: str) -> None:
        """A chart (:mod:`.chart_png`) as wide as the text, centred, its caption under it."""
        import io

        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.para(caption, centre=True, size="table")

    def unsplit(self, lines: Sequence[tuple[str, bool]]) -> Any:
        """``lines`` (text, centred) in one borderless cell as wide as the text that never splits
        across pages: a block that must stay on one page (a statement and its signatures), kept so
        by Word and LibreOffice alike (LibreOffice 7 let a chain of "keep with next" paragraphs
        break). Returns the python-docx table."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.shared import Twips

        table = self.doc.add_table(rows=1, cols=1)
        table.autofit = False
        cell = table.rows[0].cells[0]
        cell.width = Twips(TEXT_WIDTH_TWIPS)
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        paragraph = cell.paragraphs[0]
        for index, (text, centred) in enumerate(lines):
            if index:
                paragraph = cell.add_paragraph()
            run = paragraph.add_run(strip_control_characters(text))
            self._font(run._element.get_or_add_rPr(), self.sizes["body"])
            if centred:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return table

    def _cell(self, cell: Any, text: str, *, bold: bool = False) -> None:
        cell.text = ""
        lines = strip_control_characters(text).split("\n")  # text an older version stored, too
        paragraph = cell.paragraphs[0]
        for index, line in enumerate(lines):
            if index:
                paragraph = cell.add_paragraph()
            run = paragraph.add_run(line)
            self._font(run._element.get_or_add_rPr(), self.sizes["table"], bold=bold or None)
