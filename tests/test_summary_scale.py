"""The inspection-round summary of many schools (issue 16): its long tables are laid out a page at
a time and their one-line cells drawn as cached shaped lines, and a reader still finds every
school's row once, in order, numbered whole, under the table's header on every page, with the
text copying out exactly. (How fast is ``benchmarks/bench_report.py``'s business, not a test's.)"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle

from benchmarks.summary_scale import YEAR, make_district
from qualityschool_desktop.district import DistrictPicture
from qualityschool_desktop.inspection.picture import round_picture
from qualityschool_desktop.reports.blocks import report_styles
from qualityschool_desktop.reports.summary import summary_data, write_summary_report
from qualityschool_desktop.reports.summary.form_words import NO_DISTRICT
from qualityschool_desktop.reports.summary.pdf import DISTRICTS_WIDTHS, SCHOOLS_WIDTHS
from qualityschool_desktop.reports.summary.wording import office_districts
from qualityschool_desktop.thai import arabic_digits, thai_digits
from qualityschool_desktop.typeset import MARGIN, ThaiParagraph, pdf_bytes, thai_table
from qualityschool_desktop.typeset.line_cell import LineCell, table_text
from qualityschool_desktop.typeset.paged_table import paged_thai_table
from qualityschool_desktop.workspace import Workspace
from tests.pdf_checks import find_in_order, needs_poppler, pdftotext, text_lines

SCHOOLS = 130  # over 60 pages of tables; a thousand builds the same way, only slower (see the benchmark)

DISTRICTS_HEAD = re.compile(r"^\s*ที่\s+อำเภอ\s+โรงเรียน\s+ผลการประเมิน\s*$")
BANDS_HEAD = re.compile(r"^\s*ที่\s+โรงเรียน\s+อำเภอ\s+คะแนน\s+เทียบ\s+องค์ประกอบที่ควร\s*$")
PENDING_HEAD = re.compile(r"^\s*ที่\s+โรงเรียน\s+อำเภอ\s+สังกัด\s+สถานะ\s*$")
ROW = re.compile(r"^\s*([๐-๙]+)\s+(โรงเรียน|เมืองตาก|บ้านตาก|สามเงา|แม่ระมาด|ท่าสองยาง|แม่สอด|พบพระ|อุ้มผาง|วังเจ้า)")


@dataclass(frozen=True)
class Built:
    path: Path
    picture: DistrictPicture
    districts: list[tuple[int, str, str]]  # (number, district, school) in the order printed


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("scale")
    make_district(folder / "district.sqlite3", SCHOOLS)
    target = folder / "summary.pdf"
    with Workspace.open(folder / "district.sqlite3", installation="scale-tests") as workspace:
        write_summary_report(workspace, target, fiscal_year=YEAR, round=2)
        _, picture = round_picture(workspace, YEAR, 2)
        data = summary_data(workspace, fiscal_year=YEAR, round=2, digits="thai")
    districts = []
    for entry in office_districts(data):
        number = 0
        for district, members in entry.rows:
            for school in members:
                number += 1
                districts.append((number, district or NO_DISTRICT, school.name))
    return Built(target, picture, districts)


def _tables(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Per table, the numbers of its rows as printed, with their pages: a row is counted only
    under its table's header on the same page."""
    rows: dict[str, list[tuple[int, int]]] = {"districts": [], "bands": [], "pending": []}
    for page_number, page in enumerate(pdftotext(path).split("\f"), start=1):
        current = None
        for line in page.splitlines():
            for name, head in (("districts", DISTRICTS_HEAD), ("bands", BANDS_HEAD), ("pending", PENDING_HEAD)):
                if head.match(line):
                    current = name
            found = ROW.match(line)
            if found and current is not None:
                rows[current].append((int(arabic_digits(found.group(1))), page_number))
    return rows


def _column(path: Path, pages: list[int], left: float, width: float) -> list[str]:
    """The lines of one column of a table (``left`` points from the text's left edge) on ``pages``."""
    text = pdftotext(path, first=pages[0], last=pages[-1], crop=(MARGIN + left, 0, width, 842))
    return text_lines(text)


@needs_poppler
def test_every_school_once_in_order_under_a_header_on_every_page(built: Built) -> None:
    tables = _tables(built.path)
    picture = built.picture
    # Schools by colour band: 1 … N once each (the numbers whole), under the header of each page.
    bands = tables["bands"]
    expected = [standing.school.name for band in picture.bands for standing in picture.schools_by_band.get(band.key, [])]
    assert len(expected) == picture.reported > 100
    assert [number for number, _ in bands] == list(range(1, len(expected) + 1))
    # ... in the picture's order (best band first), every name copying out exactly.
    pages = sorted({page for _, page in bands})
    assert len(pages) >= 5 and pages == list(range(pages[0], pages[-1] + 1)), "a page of rows has no header"
    find_in_order(expected, _column(built.path, pages, SCHOOLS_WIDTHS[0], SCHOOLS_WIDTHS[1]))
    # The districts with their schools: numbered per area office, in the office's order.
    districts = tables["districts"]
    assert [number for number, _ in districts] == [number for number, _, _ in built.districts]
    pages = sorted({page for _, page in districts})
    assert len(pages) >= 3 and pages == list(range(pages[0], pages[-1] + 1)), "a page of rows has no header"
    left = sum(DISTRICTS_WIDTHS[:2])
    find_in_order([name for _, _, name in built.districts], _column(built.path, pages, left, DISTRICTS_WIDTHS[2]))
    # The schools that did not report this round (nothing at all, or only round 1).
    pending = [item.school.id for item in picture.not_this_round]
    assert len(pending) >= 5 and [number for number, _ in tables["pending"]] == list(range(1, len(pending) + 1))
    # Each school's name once in each table it belongs to, nowhere else.
    flat = re.sub(r"\s+", "", pdftotext(built.path, "-raw"))
    ranked = {standing.school.id for standing in picture.standings}
    for school in picture.schools:
        name = re.sub(r"\s+", "", school.name)
        tables_in = 1 + (school.id in ranked) + (school.id in pending)
        assert len(re.findall(re.escape(name) + r"(?![0-9])", flat)) == tables_in, name


@needs_poppler
def test_row_numbers_are_whole_and_thai(built: Built) -> None:
    # Before issue 16 "๑๒๓" in the narrow number column printed as "๑๒" over "๓".
    pages = sorted({page for _, page in _tables(built.path)["bands"]})
    numbers = [line for line in _column(built.path, pages, 0, SCHOOLS_WIDTHS[0]) if re.fullmatch(r"[0-9๐-๙]+", line)]
    expected = [thai_digits(number) for number in range(1, built.picture.reported + 1)]
    assert numbers[:len(expected)] == expected  # (the not-reported table may start on the last page)
    assert len(expected[-1]) == 3


# -- the cells and the paged table on their own ----------------------------------------------------
TRICKY = ("ปั้น", "น้ำใจ", "ที่ ๑๒๓", "สีม่วง ๔.๖๘", "ด้านที่ ๑ ผู้เรียน (๓.๕๐)", "ผลล่าสุดจากรอบที่ ๑", "ABC 2568")


def _style() -> ParagraphStyle:
    return report_styles()["table_body"]


def test_a_line_cell_lays_out_the_line_a_paragraph_would() -> None:
    style = _style()
    for text in TRICKY:
        cell = table_text(text, style, 200)
        paragraph = ThaiParagraph(text, style)
        assert isinstance(cell, LineCell)
        assert cell.wrap(200, 1e9) == paragraph.wrap(200, 1e9)
        assert [item.text for item in cell.lines[0].items] == [item.text for item in paragraph.lines[0].items]
        assert cell.lines[0].width == pytest.approx(paragraph.lines[0].width)
        assert cell.text == paragraph.text == text
    # Too wide for its column, or with a forced break: a paragraph, which wraps.
    assert not isinstance(table_text("ด้านที่ ๑ โครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน", style, 60), LineCell)
    assert not isinstance(table_text("บรรทัดหนึ่ง\nบรรทัดสอง", style, 400), LineCell)
    # Measured narrower than its line (a spanned row measured per column), it wraps as a paragraph.
    cell = table_text("ด้านที่ ๑ โครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน", style, 400)
    assert cell.wrap(60, 1e9)[1] == ThaiParagraph("ด้านที่ ๑ โครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน", style).wrap(60, 1e9)[1]


def _pdf(cells: str, tmp_path: Path, rows: int = 1) -> Path:
    """A two-column table of the tricky texts, as paragraphs in a stock table or as line cells
    in a paged one; ``rows`` of them (a hundred run over pages)."""
    style = _style()

    def cell(text: str) -> ThaiParagraph:
        return table_text(text, style, 200 - 8) if cells == "line" else ThaiParagraph(text, style)

    body = [[cell(TRICKY[index % len(TRICKY)]), cell(TRICKY[(index + 3) % len(TRICKY)])] for index in range(rows)]
    header = [ThaiParagraph("ก", style), ThaiParagraph("ข", style)]
    make = paged_thai_table if cells == "line" else thai_table
    path = tmp_path / f"{cells}.pdf"
    path.write_bytes(pdf_bytes([make([header, *body], [200, 200], body_style=style, padding=4)]))
    return path


@needs_poppler
def test_line_cells_print_and_copy_out_as_paragraphs_do(tmp_path: Path) -> None:
    paragraphs, lines = _pdf("paragraph", tmp_path, rows=120), _pdf("line", tmp_path, rows=120)
    assert pdftotext(lines, "-raw") == pdftotext(paragraphs, "-raw")
    assert pdftotext(lines) == pdftotext(paragraphs)
    for text in TRICKY:
        assert text in pdftotext(lines, "-raw")


def test_line_cells_place_every_glyph_where_a_paragraph_does(tmp_path: Path) -> None:
    pytest.importorskip("pymupdf")
    from tests.pdf_checks import drawn_glyphs

    paragraphs, lines = _pdf("paragraph", tmp_path), _pdf("line", tmp_path)
    expected, drawn = drawn_glyphs(paragraphs), drawn_glyphs(lines)
    assert len(drawn) == len(expected) > 10
    for (shape, x, y), (want_shape, want_x, want_y) in zip(drawn, expected):
        assert shape == want_shape and x == pytest.approx(want_x, abs=0.01) and y == pytest.approx(want_y, abs=0.01)
