"""The Word copy's document primitives (:mod:`.word`): paragraphs, headings, tables and fields
in the family and sizes of the form, written with python-docx (imported when a copy is written).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Sequence

from ...text import strip_control_characters
from ...thai import DigitText
from ..docx_fonts import embed_fonts
from .data import SummaryData
from .wording import paragraphs
from .strings import NONE

__all__ = ["CHART_WIDTH", "DocxWriter", "SARABUN", "SARABUN_SCALE", "TH_SARABUN_NEW", "font_family"]

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
        if family == SARABUN:  # the app's own font, so it shows where Sarabun is not installed (F9)
            embed_fonts(self.doc, SARABUN, SARABUN_FACES)

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
