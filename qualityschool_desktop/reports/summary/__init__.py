"""The inspection-round summary (แบบรายงานผลการตรวจราชการ) of a district or province, printed by
the round's form layout (:mod:`qualityschool_desktop.inspection`).

:func:`write_summary_report` writes the PDF (:mod:`.word` the Word copy) and :func:`default_summary_name` proposes its file
name; :func:`summary_data` and :func:`summary_tables` give the same tables as plain values for
:mod:`.export` (XLSX and CSV); :func:`load_office_texts` reads the office's own texts. The package
reads one way: :mod:`.texts` (the office's texts) and :mod:`.data` (what the workspace says,
plain values) → :mod:`.wording` (the summary's own sentences) → :mod:`.tables` → :mod:`.export`,
and :mod:`.wording` → :mod:`.chart`, :mod:`.pdf` → this module, which writes the PDF through
:func:`~qualityschool_desktop.reports.document.write_report`. Importing it is cheap: ReportLab,
HarfBuzz and pythainlp are loaded when a PDF is built, not to propose a name or export tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from ...thai import DigitText
from ...workspace import Workspace
from ..document import Document, write_report
from ..output import safe_name
from .data import SummaryData, summary_data
from .strings import BY_OFFICE_NAME, FILE_PREFIX
from .tables import SummaryTable, summary_tables
from .texts import OfficeTexts, ProblemText, load_office_texts

__all__ = [
    "OfficeTexts", "ProblemText", "SummaryData", "SummaryTable", "default_summary_name", "load_office_texts", "office_unnamed",
    "summary_data", "summary_tables", "write_summary_report",
]


def default_summary_name(fiscal_year: int, round: int, area_office: str | None = None, extension: str = "pdf",
                         by_area_office: bool = False) -> str:
    """E.g. "สรุปผลการตรวจราชการ-โรงเรียนคุณภาพ-สพป.ตาก เขต 1-2569-รอบ2.pdf" (safe on Windows);
    ``extension`` without its dot ("xlsx" for the tables); ``by_area_office``: "…-แยกเขตพื้นที่-…"."""
    office = f"-{safe_name(area_office, '')}" if area_office else ""
    parts = f"-{BY_OFFICE_NAME}" if by_area_office else ""
    return f"{FILE_PREFIX}{office}{parts}-{fiscal_year}-รอบ{round}.{extension}"


def office_unnamed(workspace: Workspace, fiscal_year: int, round: int, area_office: str | None = None) -> bool:
    """Whether the summary of the round would print its "หน่วยงาน" line blank: the office wrote no
    name for the round, gave this installation none, and no area office is filtered on (TEST31 T2:
    the window asks for the name before printing then). Raises
    :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) when the round is not defined."""
    if area_office:
        return False
    if workspace.office_texts.texts(fiscal_year, round).office:
        return False
    from ...exchange.signing import configured_name  # as summary_data names the office

    return not configured_name()


def write_summary_report(
    workspace: Workspace,
    target: Path,
    *,
    fiscal_year: int,
    round: int,
    area_office: str | None = None,
    province: str | None = None,
    level: str | None = None,
    texts: OfficeTexts | Mapping[str, Any] | None = None,
    digits: str = "thai",
    by_area_office: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Build the summary of inspection round ``round`` of ``fiscal_year`` (BE, e.g. 2569) over
    the schools matching the filters, by the round's form layout, and write it to ``target`` (a
    path ending in .pdf, in a folder that exists), atomically as the other reports; returns ``target``.

    ``texts`` are the office's own texts (an :class:`OfficeTexts` or the mapping of
    :func:`load_office_texts`'s JSON). ``digits`` "thai" or "arabic" applies to what the report
    itself writes (counts, scores, dates, page numbers); texts people typed are printed as
    written. ``progress(done, total)`` is called as the parts are built (the title block, then
    each top-level section of the form) and once when the file is written.

    Raises :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) when the inspection round
    is not defined, :class:`~qualityschool_desktop.errors.ValidationError` (Thai) for another digit style,
    a bad year, round, level or texts, when no school matches the filters or none has reported;
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the folder is missing or the file
    cannot be written; :class:`~qualityschool_desktop.reports.ReportCancelled` when ``cancelled()``
    turns true (``target`` is then untouched).

    ``by_area_office``: one report with a part per area office (:mod:`.offices`: the title
    block and contents, the overview, then each area office's part by the same form); refused
    with :class:`~qualityschool_desktop.errors.ValidationError` (Thai) together with ``area_office``."""
    if by_area_office:
        from .offices import by_office_data, check_by_office

        check_by_office(by_area_office, area_office)
        return write_report(
            target, digits=digits,
            gather=lambda: by_office_data(workspace, fiscal_year=fiscal_year, round=round, province=province,
                                          level=level, texts=texts, digits=digits),
            layout=_layout_by_office, progress=progress, cancelled=cancelled,
        )
    return write_report(
        target, digits=digits,
        gather=lambda: summary_data(workspace, fiscal_year=fiscal_year, round=round, area_office=area_office,
                                    province=province, level=level, texts=texts, digits=digits),
        layout=_layout, progress=progress, cancelled=cancelled,
    )


def _layout(data: SummaryData, t: DigitText) -> Document:
    # Imported when a PDF is built, not with the package: it loads ReportLab.
    from .pdf import layout

    return layout(data, t)


def _layout_by_office(data: Any, t: DigitText) -> Document:
    from .pdf_offices import layout

    return layout(data, t)
