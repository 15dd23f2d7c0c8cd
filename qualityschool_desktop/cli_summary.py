"""``report summary``: the inspection-round summary PDF, its Word copy and its tables (XLSX, CSV),
kept apart from cli.py's size.

Issue 11 (F11e 4): each requested output is tried on its own, so one that fails (the Word copy
with a 250-character office name did) neither stops the others nor hides the ones already
written: those written are listed, the failed ones named, then the first failure's reason is
raised for :func:`qualityschool_desktop.cli.run` to tell in Thai (exit status 2).
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path
from typing import Callable, TextIO

EXIT_OK = 0
NO_SUMMARY_OUTPUT = (
    "กรุณาระบุไฟล์ที่จะเขียนอย่างน้อยหนึ่งอย่าง: --out FILE.pdf, --docx FILE.docx, --xlsx FILE.xlsx หรือ --csv FOLDER"
)
NOT_WRITTEN = "ไม่ได้เขียน {path} (สาเหตุด้านล่าง)"
NO_OFFICE_NAME = (
    "ยังไม่ได้ระบุชื่อหน่วยงานของปีงบประมาณ {year} รอบที่ {round} จึงยังไม่เขียนรายงาน (หัวรายงานจะว่าง):"
    " ใส่ \"office\" ในไฟล์ --texts หรือกรอกช่อง “หน่วยงาน” ในหน้ารายงานผลการตรวจราชการ"
    " (หรือเลือกสังกัดเดียวด้วย --area-office)"
)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write what ``report summary`` asked for; print each written path on ``out``.

    Returns 0 when every output was written. Raises :class:`ValidationError` when no output was
    asked for; when an output fails, the others are still written and listed, ``NOT_WRITTEN``
    names each failed one on ``err``, and the first failure is raised again (its reason)."""
    from .errors import ValidationError
    from .workspace import Workspace  # the database layer loads only when a command needs it

    # Imported here: the summary loads the district picture; the PDF part loads ReportLab.
    from .reports import summary as summary_report
    from .reports.summary import export as tables_export

    if args.out is None and args.xlsx is None and args.csv is None and args.docx is None:
        raise ValidationError(NO_SUMMARY_OUTPUT)
    filters = dict(area_office=args.area_office, province=args.province, level=args.level)
    if args.by_area_office and args.area_office:
        from .reports.summary.offices import check_by_office

        check_by_office(True, args.area_office)  # refused before --texts writes anything
    texts = None  # what the office wrote for the round, as stored
    if args.texts:
        # Scripted use fills the same fields the window types (one store, one path to print).
        loaded = summary_report.load_office_texts(args.texts)
        with Workspace.open(args.command_db) as writing:
            writing.office_texts.fill(args.year, args.round, loaded)
    if (args.out is not None or args.docx is not None) and not args.area_office:
        _check_office_named(args)
    written: list[Path] = []
    failed: list[tuple[Path, Exception]] = []

    def attempt(target: Path, write: Callable[[], Path | list[Path]]) -> None:
        try:
            result = write()
        except Exception as exc:  # noqa: BLE001 — told below, after the other outputs are written
            failed.append((target, exc))
            return
        written.extend(result if isinstance(result, list) else [result])

    with Workspace.open(args.command_db, read_only=True) as workspace:
        common = dict(fiscal_year=args.year, round=args.round, texts=texts, digits=args.digits, **filters,
                      by_area_office=args.by_area_office)
        if args.out is not None:
            attempt(args.out, lambda: summary_report.write_summary_report(workspace, args.out, **common))
        if args.docx is not None:
            from .reports.summary import word

            attempt(args.docx, lambda: word.write_summary_docx(workspace, args.docx, **common))
        if args.xlsx is not None or args.csv is not None:
            @functools.cache  # once for both the XLSX and the CSV
            def tables() -> list[tables_export.SummaryTable]:
                data = summary_report.summary_data(workspace, fiscal_year=args.year, round=args.round, texts=texts,
                                                   **filters)
                return tables_export.pick(summary_report.summary_tables(data), args.table)

            if args.xlsx is not None:
                attempt(args.xlsx, lambda: tables_export.write_xlsx(tables(), args.xlsx))
            if args.csv is not None:
                attempt(args.csv, lambda: tables_export.write_csv(tables(), args.csv))
    for path in written:
        print(path, file=out)
    for path, _error in failed:
        print(NOT_WRITTEN.format(path=path), file=err)
    if failed:
        raise failed[0][1]
    return EXIT_OK


def _check_office_named(args: argparse.Namespace) -> None:
    """The PDF and the Word copy open with the office's name: without it (none stored for the
    round, none in ``--texts``) they are refused, as the window asks for it, rather than printed
    with a blank or a made-up name. Raises ``ValidationError`` (Thai) then; ``NotFoundError``
    when the round is not defined (the summary would say the same)."""
    from .errors import ValidationError
    from .workspace import Workspace

    from .reports.summary import summary_data
    from .thai import thai_digits

    with Workspace.open(args.command_db, read_only=True) as workspace:
        if workspace.office_texts.texts(args.year, args.round).office:
            return
        # What the summary itself would refuse (no round, no school, none reported) is told first.
        summary_data(workspace, fiscal_year=args.year, round=args.round, province=args.province, level=args.level)
    raise ValidationError(NO_OFFICE_NAME.format(year=thai_digits(args.year), round=thai_digits(args.round)))
