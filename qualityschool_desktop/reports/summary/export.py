"""The summary's tables as XLSX (one sheet per table) and CSV (one file per table).

The tables are :func:`~.tables.summary_tables`: Thai headers, numbers kept as numbers (so a
district officer can sum and chart them in Excel). CSV files are UTF-8 *with* a byte-order mark:
without it Excel on Windows reads them as the ANSI code page and the Thai turns to mojibake.
Files are written atomically, like the reports.

Text stays text. Names and texts are typed by people, and a cell that starts with = + - @ (or a
tab or carriage return) is a formula to a spreadsheet: ``=HYPERLINK(...)`` in a school's name
would be a live link, ``=1+1`` in the office's problems a sum. In XLSX every text is written as a
string cell, never a formula, and one that starts like a formula is marked with Excel's quote
prefix, so editing the cell in Excel does not turn it into one either. In CSV, which has no cell
types, such a text gets a leading apostrophe (OWASP's rule against CSV injection); the tables' own
dash for "none" is left alone. Control characters that an older version stored (text entering the
core is cleaned now) are dropped on the way out too: XML cannot hold them, and openpyxl refused
the whole workbook for one vertical tab in a school's name.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path
from datetime import date
from typing import Any, Sequence

from ... import overwrite
from ...errors import ValidationError
from ...text import strip_control_characters
from ...thai_dates import format_date_numeric
from ..output import checker, write_atomically
from .strings import EXPORT_NO_FOLDER, UNKNOWN_TABLE
from .tables import Cell, SummaryTable

__all__ = ["DATE_FORMAT", "csv_cell", "lay_out_sheet", "looks_like_formula", "pick", "put_row", "write_csv",
           "write_csv_table", "write_xlsx"]

CSV_ENCODING = "utf-8-sig"
# Column widths in Excel's character units: a Thai character takes about one unit; long text
# columns are capped and wrapped instead.
MAX_WIDTH = 60
MIN_WIDTH = 6
# A text column wider than this is set to it and wrapped: a sheet of long texts (the progress
# workbook's projects, 14 columns of 60) printed fit-to-width at about 3 pt (TEST26b F5).
WRAP_WIDTH = 20
LINE_HEIGHT = 16  # points per line of a wrapped row (Thai needs more than Excel's 15)
PORTRAIT_WIDTH = 90  # characters of columns an A4 page holds upright at a readable size
LANDSCAPE_WIDTH = 137  # characters of columns an A4 landscape page holds at 100 %
# An A4 landscape page holds about 137 characters of columns at 100 %; a sheet up to about two pages
# wide is fitted one page wide (long texts wrapped first, so the 18 columns of the budget requests
# fit at about 6 pt); a wider one prints at 75 % over more than one page wide, header row and first
# column on each.
FIT_WIDTH = 270
WIDE_SCALE = 75
# What makes a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A date cell shows its day with the Buddhist-Era year ("23/11/2569"), in Excel and LibreOffice alike:
# locale 041E (Thai) with calendar 07 (Thai Buddhist), Arabic digits as the workbook's numbers have
# ("[$-D07041E]" would show Thai digits). The cell stays a date a user can sort and compute with;
# Excel's newer "[$-th-TH,107]" is not read by LibreOffice (it showed the serial number 46349).
DATE_FORMAT = "[$-107041E]dd/mm/yyyy;@"
# Excel holds at most this many characters in a cell; a longer text makes it "repair" the file.
MAX_CELL_TEXT = 32_767


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could take ``text`` for a formula: it starts, after any white space
    (spaces, no-break spaces, line breaks) and zero-width characters, with = + - @ or a tab or
    carriage return; a lone "-" or "+" (nothing to compute) does not."""
    stripped = text.lstrip().lstrip("\u200b\u200c\u200d\u2060\ufeff").lstrip()
    if text[:1] in ("\t", "\r"):
        return True
    return stripped[:1] in FORMULA_START and stripped.strip() not in ("-", "+")


def _text(value: str) -> str:
    return strip_control_characters(value)[:MAX_CELL_TEXT]


def csv_cell(value: Cell) -> str | int | float:
    """A table value as the CSV writer gets it: "" for none, numbers as they are, a date as
    "23/11/2569" (BE), text without
    control characters and with a leading ' when it looks like a formula."""
    if value is None:
        return ""
    if isinstance(value, date):  # no cell types in CSV: the day as Thai users write it
        return format_date_numeric(value)
    if not isinstance(value, str):
        return value
    text = _text(value)
    return "'" + text if looks_like_formula(text) else text


def _shown_length(text: str) -> int:
    """Columns ``text`` takes: Thai vowels and tone marks above or below a letter take none."""
    return sum(1 for char in text if not unicodedata.combining(char) and unicodedata.category(char) != "Mn")


def _shown(value: object, number_format: str) -> str:
    """A cell's value as the sheet shows it: numbers with thousands separators (and satang when the
    format has them), so a column is wide enough for its largest total, not "###" (TEST26b F4)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "00/00/0000" if isinstance(value, date) else str(value)
    return f"{value:,.2f}" if ".00" in number_format else f"{value:,.0f}" if "," in number_format else str(value)


def _width(values: Sequence[object]) -> int:
    longest = max((max((_shown_length(line) for line in str(v).splitlines()), default=0) for v in values
                   if v is not None), default=0)
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def _lines(text: str, width: int) -> int:
    """About how many lines ``text`` takes wrapped in a column ``width`` characters wide."""
    room = max(1, width)  # Thai letters are narrower than the "0" Excel measures in
    return sum(max(1, -(-_shown_length(line) // room)) for line in text.splitlines() or [""])


def lay_out_sheet(sheet: Any, header_rows: Sequence[int] = (1,)) -> None:
    """Size the columns of openpyxl ``sheet`` (values and number formats already in) from what they
    show and set it up for print. A column is as wide as its widest shown value (numbers with their
    separators; a header row's cells wrap, so only its longest word counts); on a sheet wider than
    :data:`LANDSCAPE_WIDTH` a text column wider than :data:`WRAP_WIDTH` is set to it and its cells
    wrap. The sheet prints landscape when wider than
    :data:`PORTRAIT_WIDTH`, one page wide when that keeps the text readable (at most
    :data:`FIT_WIDTH`), else at :data:`WIDE_SCALE` % over more pages; the first header row repeats
    on each page (and the first column on a sheet more than a page wide)."""
    from openpyxl.styles import Alignment  # type: ignore[import-untyped]

    for row in sheet.iter_rows():  # rows of wrapped text read from their top line across
        for cell in row:
            if cell.value is not None and not cell.alignment.wrap_text:
                cell.alignment = Alignment(vertical="top")
    columns = list(sheet.iter_cols())
    natural = [_width([max(text.split(), key=_shown_length, default="") if cell.row in header_rows else text
                       for cell in column if cell.value is not None
                       for text in [_shown(cell.value, cell.number_format or "")]]) for column in columns]
    # Long texts wrap at WRAP_WIDTH only on a sheet wider than a landscape page; a narrow sheet keeps
    # its names on one line.
    cap = WRAP_WIDTH if sum(natural) > LANDSCAPE_WIDTH else MAX_WIDTH
    total = 0
    lines: dict[int, int] = {}
    for column, width in zip(columns, natural):
        if width > cap or any(isinstance(cell.value, str) and "\n" in cell.value for cell in column):
            width = min(width, cap)
            for cell in column:
                if isinstance(cell.value, str) and cell.row not in header_rows:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    lines[cell.row] = max(lines.get(cell.row, 1), _lines(cell.value, width))
        for cell in column:
            if cell.row in header_rows and cell.value is not None:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                lines[cell.row] = max(lines.get(cell.row, 1), _lines(str(cell.value), width))
        sheet.column_dimensions[column[0].column_letter].width = width
        total += width
    # LibreOffice does not size the rows of a workbook on opening; wrapped text overlapped the next row.
    for row, count in lines.items():
        if count > 1:
            sheet.row_dimensions[row].height = count * LINE_HEIGHT
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    if total > PORTRAIT_WIDTH:
        setup.orientation = "landscape"
    if total <= FIT_WIDTH:  # printed one page wide (a wide sheet printed on 20-odd pages: TEST25)
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth, setup.fitToHeight = 1, 0
    else:
        setup.scale = WIDE_SCALE
        sheet.print_title_cols = "A:A"
    sheet.print_title_rows = f"{header_rows[0]}:{header_rows[0]}"


def pick(tables: Sequence[SummaryTable], key: str | None) -> list[SummaryTable]:
    """All tables, or the one named ``key`` (raises :class:`ValidationError` in Thai)."""
    if key is None:
        return list(tables)
    chosen = [table for table in tables if table.key == key]
    if not chosen:
        raise ValidationError(UNKNOWN_TABLE.format(key=key, known=", ".join(t.key for t in tables)))
    return chosen


def write_xlsx(tables: Sequence[SummaryTable], target: Path) -> Path:
    """One sheet per table, named by its Thai title (cut to Excel's 31 characters), the header row
    bold and frozen, a table's :attr:`~.tables.SummaryTable.number_formats` applied, columns sized
    and the page set up by :func:`lay_out_sheet`; returns ``target``. Raises :class:`~qualityschool_desktop.errors.ValidationError`
    when its folder is missing and :class:`~qualityschool_desktop.reports.ReportWriteError` when the
    file cannot be written (``target`` is then untouched)."""
    # openpyxl ships no type hints (and pyproject lists no override for it yet).
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill

    def build(partial: Path) -> None:
        book = Workbook()
        book.remove(book.active)
        for table in tables:
            sheet = book.create_sheet(table.title[:31])
            put_row(sheet, 1, table.header)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="E8EDF3")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for number, row in enumerate(table.rows, start=2):
                put_row(sheet, number, row)
            for index, number_format in table.number_formats:
                for cell in sheet[sheet.cell(row=1, column=index + 1).column_letter][1:]:
                    cell.number_format = number_format
            sheet.freeze_panes = "A2"
            lay_out_sheet(sheet)
        book.save(partial)

    _check_folder(target)
    return write_atomically(Path(target), build, checker(None))


def write_csv_table(table: SummaryTable, target: Path) -> Path:
    """One table as CSV (UTF-8 with BOM, header first, empty cells for missing values); returns
    ``target``. Raises as :func:`write_xlsx`."""

    def build(partial: Path) -> None:
        with open(partial, "w", encoding=CSV_ENCODING, newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([csv_cell(value) for value in table.header])
            for row in table.rows:
                writer.writerow([csv_cell(value) for value in row])

    _check_folder(target)
    return write_atomically(Path(target), build, checker(None))


def write_csv(tables: Sequence[SummaryTable], folder: Path, *, prefix: str = "") -> list[Path]:
    """Every table as ``<prefix><key>.csv`` in ``folder``; returns the files written. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` when ``folder`` is missing or, before any
    file is written, when one of them would replace a database or a file that is not text
    (:func:`~qualityschool_desktop.overwrite.refuse_replacing`), and as
    :func:`write_xlsx` for each file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(EXPORT_NO_FOLDER.format(folder=folder))
    targets = [(table, folder / f"{prefix}{table.key}.csv") for table in tables]
    # None is written when one would replace a database or a file not CSV (issue 12).
    overwrite.refuse_replacing_any((target, overwrite.TEXT) for _, target in targets)
    return [write_csv_table(table, target) for table, target in targets]


def put_row(sheet: Any, row: int, values: Sequence[Cell]) -> None:
    """Write ``values`` to row ``row`` (from 1) of openpyxl ``sheet``, the one safe-cell rule of every
    workbook the product writes: text as string cells (openpyxl's ``append`` makes a formula of
    any text starting with "="), numbers as numbers, a ``date`` as a date cell shown with the BE
    year (:data:`DATE_FORMAT`), nothing for ``None``."""
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            text = _text(value)
            cell.value = text
            cell.data_type = "s"
            if looks_like_formula(text):
                cell.quotePrefix = True
        elif isinstance(value, date):
            cell.value = value
            cell.number_format = DATE_FORMAT
        else:
            cell.value = value


def _check_folder(target: Path) -> None:
    if not Path(target).parent.is_dir():
        raise ValidationError(EXPORT_NO_FOLDER.format(folder=Path(target).parent))
