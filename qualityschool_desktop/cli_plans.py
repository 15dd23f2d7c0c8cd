"""``report plan`` (a school's development plan) and ``report indicators`` (an area office's
indicators, target vs actual) as PDFs (issue 14), kept apart from cli.py's size."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .cli_progress import add_progress_parser, run_progress

EXIT_OK = 0


def add_parser(kinds: Any) -> None:
    """Add ``report plan --db PATH --school CODE --year BE --out FILE.pdf [--title TITLE] [--digits]`` and
    ``report indicators`` (:func:`add_indicators_parser`) and ``report progress``
    (:func:`~.cli_progress.add_progress_parser`) to the ``report`` command's kinds (an
    argparse sub-parsers object)."""
    plan = kinds.add_parser("plan", help="แผนพัฒนาคุณภาพการศึกษาของโรงเรียน (เป้าหมาย ตัวชี้วัด กิจกรรม งบประมาณ)")
    plan.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    plan.add_argument("--school", required=True, help="รหัสโรงเรียน ๑๐ หลัก")
    plan.add_argument("--year", type=int, required=True, help="ปีงบประมาณ (พ.ศ.) ที่แผนครอบคลุม เช่น 2569")
    plan.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    plan.add_argument("--title", default=None,
                      help="ชื่อแผน เมื่อโรงเรียนมีแผนของปีนั้นที่มีเนื้อหามากกว่าหนึ่งแผน")
    plan.add_argument("--digits", choices=("thai", "arabic"), default="thai",
                      help="ตัวเลขในรายงาน: thai (เลขไทย) หรือ arabic")
    add_indicators_parser(kinds)
    add_progress_parser(kinds)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Write the plan of ``--school`` covering ``--year`` to ``--out`` (``report indicators``: see
    :func:`run_indicators`); prints the path. Raises
    :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) for an unknown school or no plan
    of that year, :class:`~qualityschool_desktop.errors.ValidationError` (Thai, naming them) when
    several plans of the year have content and no ``--title`` chooses (cli.py prints it and exits 1)."""
    if args.report_kind == "indicators":
        return run_indicators(args, out)
    if args.report_kind == "progress":
        return run_progress(args, out)
    from .reports.plan import write_plan_report
    from .workspace import Workspace

    with Workspace.open(args.command_db, read_only=True) as workspace:
        school = workspace.schools.by_code(args.school)
        plan = workspace.plans.find(school.id, args.year, title=args.title)
        written = write_plan_report(workspace, plan.id, args.out, digits=args.digits)
    print(written, file=out)
    return EXIT_OK


def add_indicators_parser(kinds: Any) -> None:
    """Add ``report indicators --db PATH --area-office NAME [--years 2566-2570] --out FILE.pdf
    [--digits]`` to the ``report`` command's kinds (an argparse sub-parsers object)."""
    found = kinds.add_parser("indicators", help="ตัวชี้วัดของสำนักงานเขตพื้นที่ ค่าเป้าหมายรายปีเทียบกับผลการดำเนินงาน")
    found.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    found.add_argument("--area-office", required=True, help="ชื่อสำนักงานเขตพื้นที่ เช่น \"สพป.ตาก เขต 1\"")
    found.add_argument("--years", default="2566-2570", help="ช่วงปีงบประมาณ (พ.ศ.) เช่น 2566-2570")
    found.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    found.add_argument("--digits", choices=("thai", "arabic"), default="thai",
                       help="ตัวเลขในรายงาน: thai (เลขไทย) หรือ arabic")


def run_indicators(args: argparse.Namespace, out: TextIO) -> int:
    """Write the indicators of ``--area-office`` over ``--years`` to ``--out``; prints the path.
    Raises :class:`~qualityschool_desktop.errors.ValidationError` for a bad span and
    :class:`~qualityschool_desktop.errors.NotFoundError` (Thai) for an office without indicators
    (cli.py prints it and exits 2)."""
    from .indicators.rules import parse_years
    from .reports.indicators import write_indicators_report
    from .workspace import Workspace

    years = parse_years(args.years)
    with Workspace.open(args.command_db, read_only=True) as workspace:
        written = write_indicators_report(workspace, args.area_office, args.out, years=years, digits=args.digits)
    print(written, file=out)
    return EXIT_OK
