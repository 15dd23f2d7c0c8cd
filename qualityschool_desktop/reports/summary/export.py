"""The summary's tables as XLSX (one sheet per table) and CSV (one file per table).

The tables are :func:`~.tables.summary_tables`: Thai headers, numbers kept as numbers (so a
district officer can sum and chart them in Excel). CSV files are UTF-8 *with* a byte-order mark:
without it Excel on Windows reads them as the ANSI code page and the Thai turns to mojibake.
Files are written atomically, like the reports.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence

from ...errors import ValidationError
from ..output import checker, write_atomically
from .strings import EXPORT_NO_FOLDER, UNKNOWN_TABLE
from .tables import SummaryTable

__all__ = ["pick", "write_csv", "write_csv_table", "write_xlsx"]

CSV_ENCODING = "utf-8-sig"
# Column widths in Excel's character units: a Thai character takes about one unit; long text
# columns are capped and wrapped instead.
MAX_WIDTH = 60
MIN_WIDTH = 6


def _width(values: Sequence[object]) -> int:
    longest = max((max((len(line) for line in str(v).splitlines()), default=0) for v in values if v is not None),
                  default=0)
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


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
    bold and frozen; returns ``target``. Raises :class:`~qualityschool_desktop.errors.ValidationError`
    when its folder is missing and :class:`~qualityschool_desktop.reports.ReportWriteError` when the
    file cannot be written (``target`` is then untouched)."""
    # openpyxl ships no type hints (and pyproject lists no override for it yet).
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]

    def build(partial: Path) -> None:
        book = Workbook()
        book.remove(book.active)
        for table in tables:
            sheet = book.create_sheet(table.title[:31])
            sheet.append(list(table.header))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="E8EDF3")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for row in table.rows:
                sheet.append(list(row))
            for index, header in enumerate(table.header, start=1):
                column = [header, *(row[index - 1] for row in table.rows)]
                letter = sheet.cell(row=1, column=index).column_letter
                sheet.column_dimensions[letter].width = _width(column)
                if any(isinstance(value, str) and "\n" in value for value in column):
                    for cell in sheet[letter][1:]:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.freeze_panes = "A2"
        book.save(partial)

    _check_folder(target)
    return write_atomically(Path(target), build, checker(None))


def write_csv_table(table: SummaryTable, target: Path) -> Path:
    """One table as CSV (UTF-8 with BOM, header first, empty cells for missing values); returns
    ``target``. Raises as :func:`write_xlsx`."""

    def build(partial: Path) -> None:
        with open(partial, "w", encoding=CSV_ENCODING, newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.header)
            for row in table.rows:
                writer.writerow(["" if value is None else value for value in row])

    _check_folder(target)
    return write_atomically(Path(target), build, checker(None))


def write_csv(tables: Sequence[SummaryTable], folder: Path, *, prefix: str = "") -> list[Path]:
    """Every table as ``<prefix><key>.csv`` in ``folder``; returns the files written. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` when ``folder`` is missing, and as
    :func:`write_xlsx` for each file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(EXPORT_NO_FOLDER.format(folder=folder))
    return [write_csv_table(table, folder / f"{prefix}{table.key}.csv") for table in tables]


def _check_folder(target: Path) -> None:
    if not Path(target).parent.is_dir():
        raise ValidationError(EXPORT_NO_FOLDER.format(folder=Path(target).parent))
