"""The progress report's figures as a workbook (``report progress --xlsx``): the same numbers as the
PDF, one sheet per table, written by the summary report's formula-safe writer."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ...budget.money import SATANG_PER_BAHT
from ...projects.dates import outside_note
from ...projects.progress import VERDICTS, ProgressReport
from ...projects.rules import STATUSES
from ..summary.export import write_xlsx
from ..summary.tables import Cell, SummaryTable

SHARE_FORMAT, MONEY_FORMAT = "0.00", "#,##0.00"
DATES = ("planned_start", "planned_end", "actual_start", "actual_end")
OWN, OBEC, OTHERS = "ตามแผนปฏิบัติการ", "ได้รับจัดสรรงบประมาณจาก สพฐ.", "งบประมาณจากหน่วยงานอื่น"


def _baht(satang: int) -> float | int:
    whole, part = divmod(satang, SATANG_PER_BAHT)
    return whole if part == 0 else satang / SATANG_PER_BAHT


def _day(iso: object) -> date | None:
    """A stored ISO day as a date cell (shown with the BE year, RETEST15 F8), None when empty."""
    return date.fromisoformat(str(iso)) if iso else None


def _figure(typed: str) -> Cell:
    """An indicator's target or result: a number when it is one ("80", "87.5"), else the text typed."""
    if not re.fullmatch(r"-?[0-9]{1,15}(\.[0-9]{1,15})?", typed):  # stored with Arabic digits (F3)
        return typed
    return float(typed) if "." in typed else int(typed)


def progress_tables(report: ProgressReport) -> tuple[SummaryTable, ...]:
    """The report as tables: counts by status (share as a number shown 11.76 and 100.00), the projects with money
    over the period in baht, their activities of the period (dates as date cells, a note when one
    lies outside the activity's quarter), and their indicators (figures as numbers when they are)."""
    groups = ((OWN, report.own), (OBEC, report.obec), (OTHERS, report.others))
    # shares as numbers shown with two decimals: the PDF's figures (rules.shares), not 37.5 (TEST25)
    counts: list[tuple[Any, ...]] = [(name, c.label, c.count, float(c.share)) for name, g in groups for c in g.counts]
    projects: list[tuple[Any, ...]] = []
    activities: list[tuple[Any, ...]] = []
    indicators: list[tuple[Any, ...]] = []
    for name, group in groups:
        for line in group.projects:
            p = line.project
            projects.append((name, p.name, STATUSES[p.status], p.responsible, ", ".join(p.agencies),
                             _baht(line.planned_satang), _baht(line.due_planned), _baht(line.disbursed_satang),
                             VERDICTS[line.verdict], p.behind_reason if line.verdict in ("behind", "over") else "",
                             p.output_goals, p.outcome_goals, p.results_summary, p.problems, p.suggestions))
            activities += [(p.name, str(a["name"]), a["quarter"], *(_day(a[k]) for k in DATES),
                            STATUSES[str(a["status"])], outside_note(p.fiscal_year, a))
                           for a in line.activities]
            indicators += [(p.name, i["name"], _figure(i["target"]), _figure(i["actual"])) for i in p.indicators]
    return (
        SummaryTable("counts", "สรุปตามสถานะ", ("กลุ่มโครงการ", "สถานะ", "จำนวนโครงการ", "ร้อยละ"), tuple(counts),
                     number_formats=((3, SHARE_FORMAT),)),
        SummaryTable("projects", "โครงการ", (
            "กลุ่มโครงการ", "ชื่อโครงการ", "สถานะ", "ผู้รับผิดชอบ", "หน่วยงานที่ให้งบประมาณ",
            f"งบประมาณตามแผน {report.period_phrase} (บาท)", "ถึงกำหนดเบิกจ่ายแล้ว ณ วันที่พิมพ์ (บาท)",
            f"เบิกจ่ายจริง {report.period_phrase} (บาท)", "ผลการเบิกจ่าย (ส่วนที่ถึงกำหนด)", "เหตุผลที่เบิกจ่ายไม่ได้ตามแผน", "เป้าหมายเชิงผลผลิต (Output)",
            "เป้าหมายเชิงผลลัพธ์ (Outcome)", "สรุปผลการดำเนินงาน", "ปัญหาและอุปสรรค", "ข้อเสนอแนะ"), tuple(projects),
            number_formats=((5, MONEY_FORMAT), (6, MONEY_FORMAT), (7, MONEY_FORMAT))),
        SummaryTable("activities", "กิจกรรม", ("โครงการ", "กิจกรรม", "ไตรมาส", "เริ่มตามแผน", "สิ้นสุดตามแผน",
                                               "เริ่มจริง", "สิ้นสุดจริง", "สถานะ", "หมายเหตุ"), tuple(activities)),
        SummaryTable("indicators", "ดัชนีชี้วัดความสำเร็จ", ("โครงการ", "ตัวชี้วัด", "ค่าเป้าหมาย", "ผลการดำเนินงาน"),
                     tuple(indicators)),
    )


def write_progress_xlsx(report: ProgressReport, target: Path) -> Path:
    """Write :func:`progress_tables` of ``report`` to ``target`` (.xlsx) and return it. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` for a missing folder and
    :class:`~qualityschool_desktop.reports.ReportWriteError` when the file cannot be written."""
    return write_xlsx(progress_tables(report), Path(target))
