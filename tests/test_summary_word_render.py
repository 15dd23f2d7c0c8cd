"""What the Word copy looks like on a computer that lacks its font and in LibreOffice (issue 13,
retest F1, F9, N5): Sarabun embedded, district and area-office names not broken inside,
the signature block on one page, heading levels and shading as the PDF, a real contents field."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from qualityschool_desktop import paths
from qualityschool_desktop.reports.docx_fonts import OBFUSCATED_FONT, obfuscate
from qualityschool_desktop.reports.summary.word import SARABUN, write_summary_docx
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, docx.document.Document]:
    folder = tmp_path_factory.mktemp("word-render")
    copy_demo(folder / "demo.sqlite3", tmp_path_factory, today=TODAY)
    written = {}
    with Workspace.open(folder / "demo.sqlite3", installation=DEMO_INSTALLATION) as workspace:
        for name, round_, by_office in (("r2", 2, False), ("r1", 1, False), ("province", 2, True)):
            written[name] = docx.Document(str(write_summary_docx(
                workspace, folder / f"{name}.docx", fiscal_year=2569, round=round_, family=SARABUN,
                by_area_office=by_office)))
    return written


def test_sarabun_travels_inside_the_document(copies: dict[str, docx.document.Document]) -> None:
    """F9: on a computer without Sarabun, Word and LibreOffice drew another font. The regular
    and bold faces are in the file, obfuscated as ECMA-376 says, named in the font table."""
    document = copies["r2"]
    table_part = document.part.part_related_by(RT.FONT_TABLE)
    table = docx.oxml.parse_xml(table_part.blob)
    entry = next(font for font in table.findall(qn("w:font")) if font.get(qn("w:name")) == SARABUN)
    expected = {"embedRegular": "Sarabun-Regular.ttf", "embedBold": "Sarabun-Bold.ttf"}
    for face, file_name in expected.items():
        embedded = entry.find(qn(f"w:{face}"))
        assert embedded is not None, face
        part = table_part.related_parts[embedded.get(qn("r:id"))]
        assert part.content_type == OBFUSCATED_FONT and str(part.partname).startswith("/word/fonts/")
        assert part.blob != (paths.fonts_dir() / file_name).read_bytes()  # obfuscated …
        assert obfuscate(part.blob, embedded.get(qn("w:fontKey"))) == (paths.fonts_dir() / file_name).read_bytes()
    assert document.settings.element.find(qn("w:embedTrueTypeFonts")) is not None


CELL_MARGINS = 2 * 5.4  # points: Word's and LibreOffice's default left and right cell margins


def _column_points(table: docx.table.Table) -> list[float]:
    return [int(col.get(qn("w:w"))) / 20 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


@pytest.mark.parametrize("header", ["อำเภอ", "สังกัด"])
def test_district_and_area_office_names_fit_their_column(copies: dict[str, docx.document.Document],
                                                         header: str) -> None:
    """F1: "บ้านตา|ก", "แม่ระม|าด" and "สพป.ตาก เขต | ๑" broke inside in LibreOffice. Every
    table's อำเภอ and สังกัด column is as wide as its longest name in the table's font and size,
    and an area office keeps "เขต" with its number (a no-break space)."""
    from qualityschool_desktop.reports.blocks import line_width

    tables = [table for document in copies.values() for table in document.tables
              if header in [cell.text for cell in table.rows[0].cells]]
    assert tables
    offices: set[str] = set()
    for table in tables:
        column = [cell.text for cell in table.rows[0].cells].index(header)
        size = next(run for run in table.rows[0].cells[column].paragraphs[0].runs if run.text).font.size.pt
        names = {row.cells[column].text for row in table.rows[1:]
                 if len({cell._tc for cell in row.cells}) == len(row.cells)}  # not a merged band/office row
        widest = max(line_width(name, size) for name in names)
        assert _column_points(table)[column] >= widest + CELL_MARGINS, (header, max(names, key=len))
        if header == "สังกัด":
            offices |= names
    if header == "สังกัด":
        assert any("เขต\u00a0" in name for name in offices) and not any(re.search("เขต +[๐-๙]", name)
                                                                        for name in offices)


@pytest.mark.parametrize("name", ["r2", "province"])
def test_the_signature_block_stays_on_one_page(copies: dict[str, docx.document.Document], name: str) -> None:
    """F1: page 7 of the Word copy held only "วันที่ ….. เดือน …". The space above the signature
    and its first three lines keep with the next line, each line whole."""
    paragraphs = copies[name].paragraphs
    first = next(index for index, p in enumerate(paragraphs) if p.text.startswith("ลงชื่อ"))
    block = paragraphs[first - 1:first + 4]
    assert [p.text.split(" ")[0] for p in block[1:]] == ["ลงชื่อ", "(........................................)",
                                                         "ตำแหน่ง", "วันที่"]
    assert [p.paragraph_format.keep_with_next for p in block] == [True, True, True, True, None]
    assert all(p.paragraph_format.keep_together for p in block[1:])


def _levels(document: docx.document.Document) -> list[tuple[int, str]]:
    return [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("name, component_level", [("r1", 3), ("r2", 4), ("province", 4)])
def test_heading_levels_go_down_one_at_a_time(copies: dict[str, docx.document.Document], name: str,
                                              component_level: int) -> None:
    """N5: the round-1 form's "๒) ผลการดำเนินการ…" was Heading 2 and its "๒.๑)…๒.๕)" Heading 4,
    so Word's navigation pane and contents skipped a level. A component's heading sits one
    level under its section's, in every form."""
    headings = _levels(copies[name])
    for (above, _), (level, text) in zip(headings, headings[1:]):
        assert level <= above + 1, text
    components = [level for level, text in headings if re.match(r"[๐-๙]\.[๑-๕]\)", text)]
    assert components and set(components) == {component_level}


def _fill(cell: docx.table._Cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def test_colour_bands_are_shaded_as_in_the_pdf(copies: dict[str, docx.document.Document]) -> None:
    """N5: colour-band cells were shaded in the PDF but plain in the Word copy. The bands table's
    band names, the ranking's band rows and the readiness table's group headers carry their
    colour (lightened, as the PDF, so black text reads)."""
    document = copies["r2"]
    bands = next(t for t in document.tables if t.rows[0].cells[0].text == "กลุ่มสี")
    fills = {row.cells[0].text: _fill(row.cells[0]) for row in bands.rows[1:]}
    assert all(fills.values()) and len(set(fills.values())) == len(fills)
    red = fills["สีแดง"]
    assert int(red[0:2], 16) > int(red[2:4], 16) and int(red[0:2], 16) > int(red[4:6], 16)
    ranking = next(t for t in document.tables if len(t.columns) == 6 and t.rows[0].cells[0].text == "ที่")
    band_rows = [row for row in ranking.rows[1:] if row.cells[0].text.startswith("กลุ่มสี")]
    assert band_rows and all(_fill(row.cells[0]) for row in band_rows)
    assert not _fill(ranking.rows[0].cells[1])
    readiness = next(t for t in document.tables if t.rows[0].cells[0].text == "องค์ประกอบ")
    assert [bool(_fill(cell)) for cell in readiness.rows[0].cells] == [False, True, True, True, False]


def test_the_provincial_contents_is_a_field_word_fills_on_open(copies: dict[str, docx.document.Document]) -> None:
    """N5: the provincial copy's "สารบัญ" was plain lines without page numbers. It is a TOC
    field over the parts' headings (Heading 1) that Word updates when the file opens; until
    then it shows the parts as before."""
    document = copies["province"]
    body = document.element.body
    codes = [code.text for code in body.iter(qn("w:instrText")) if "TOC" in code.text]
    assert len(codes) == 1 and '\\o "1-1"' in codes[0] and "\\h" in codes[0]
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    texts = [p.text for p in document.paragraphs]
    start = texts.index("สารบัญ")
    parts = [text for level, text in _levels(document) if level == 1]
    assert len(parts) == 4
    assert [text.split(" (")[0] for text in texts[start + 1:start + 5]] == parts
    assert all(copies[name].settings.element.find(qn("w:updateFields")) is None for name in ("r1", "r2"))


def test_page_numbers_ask_for_thai_digits_in_a_way_libreoffice_does_not_misread(
        copies: dict[str, docx.document.Document]) -> None:
    """Retest F1: "หน้า 1 / 7" in a Thai-digit copy. Word shows both numbers in Thai digits
    (the section's thaiNumbers format does not reach NUMPAGES, the field switch does); the
    switch is upper case because LibreOffice 7.4 reads "ThaiArabic" as Thai letters (ก, ข …)
    and ignores "THAIARABIC" (Arabic digits there: it has no Thai-digit page number)."""
    footer = copies["r2"].sections[0].footer._element
    codes = " ".join(code.text for code in footer.iter(qn("w:instrText")))
    assert "PAGE \\* THAIARABIC" in codes and "NUMPAGES \\* THAIARABIC" in codes and "ThaiArabic" not in codes
    section = copies["r2"].sections[0]._sectPr
    numbers = section.find(qn("w:pgNumType"))
    assert numbers is not None and numbers.get(qn("w:fmt")) == "thaiNumbers"
    assert list(section).index(numbers) < list(section).index(section.find(qn("w:cols")))  # the schema's order


def test_table_properties_in_the_schemas_order(copies: dict[str, docx.document.Document]) -> None:
    """Word calls a file damaged for elements out of the schema's order: one fixed layout per
    table, before its look (it was written twice, the second after w:tblLook)."""
    for table in copies["r2"].tables:
        tags = [child.tag for child in table._tbl.tblPr]
        assert tags.count(qn("w:tblLayout")) == 1 and tags.index(qn("w:tblLayout")) < tags.index(qn("w:tblLook"))


def test_run_properties_in_the_schemas_order(copies: dict[str, docx.document.Document]) -> None:
    """Bold came after the size in every bold run (w:b after w:sz), out of the schema's order."""
    order = [qn(f"w:{tag}") for tag in ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "color", "sz", "szCs")]
    for run in copies["r2"].element.body.iter(qn("w:rPr")):
        tags = [child.tag for child in run if child.tag in order]
        assert tags == sorted(tags, key=order.index), tags
