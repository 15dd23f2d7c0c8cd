"""``report progress``: an area office's projects, their progress and money over a period of the
fiscal year, as seed 004's report (issue 15), kept apart from cli.py's size."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

EXIT_OK = 0


def add_progress_parser(kinds: Any) -> None:
    """Add ``report progress --db PATH --year BE [--period H1|H2|Q1..Q4|Y] [--office NAME | --school CODE]
    --out FILE.pdf [--xlsx FILE] [--digits]`` to the ``report`` command's kinds (argparse sub-parsers)."""
    found = kinds.add_parser("progress", help="รายงานสรุปความก้าวหน้าของการดำเนินโครงการ (รอบ ๖ เดือน ไตรมาส หรือทั้งปี)")
    found.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    found.add_argument("--year", type=int, required=True, help="ปีงบประมาณ (พ.ศ.) เช่น 2569")
    found.add_argument("--period", default="H1", type=str.upper, choices=("H1", "H2", "Q1", "Q2", "Q3", "Q4", "Y"),
                       help="ช่วงเวลา: H1 รอบ ๖ เดือน (ต.ค.–มี.ค.), H2, Q1–Q4 หรือ Y ทั้งปี")
    found.add_argument("--office", help="ชื่อสำนักงานเขตพื้นที่ เช่น \"สพป.ตาก เขต 1\" (ไม่ระบุได้เมื่อมีสำนักงานเดียว;"
                                        " all หรือ ทั้งหมด: ทุกสำนักงานรวมกัน เช่น รายงานระดับจังหวัด)")
    found.add_argument("--school", help="รหัสโรงเรียน: รายงานโครงการของโรงเรียนนั้น (แทน --office)")
    found.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    found.add_argument("--xlsx", type=Path, help="ไฟล์ Excel (.xlsx) ที่จะเขียนด้วย")
    found.add_argument("--digits", choices=("thai", "arabic"), default="thai",
                       help="ตัวเลขในรายงาน: thai (เลขไทย) หรือ arabic")


def run_progress(args: argparse.Namespace, out: TextIO) -> int:
    """Write the progress report to ``--out`` (and ``--xlsx``); prints each path. Raises
    :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) for an office or a school without
    projects that year, an unknown school code (cli.py prints it and exits 2)."""
    from .projects.progress import gather_progress
    from .reports.progress import write_progress_report
    from .reports.progress.excel import write_progress_xlsx
    from .workspace import Workspace

    with Workspace.open(args.command_db, read_only=True) as workspace:
        written = write_progress_report(workspace, args.year, args.out, period=args.period, office=args.office,
                                        school=args.school, digits=args.digits)
        print(written, file=out)
        if args.xlsx is not None:
            report = gather_progress(workspace, args.year, args.period, args.office, args.school)
            print(write_progress_xlsx(report, args.xlsx), file=out)
    return EXIT_OK
