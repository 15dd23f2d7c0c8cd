"""``main.py coverage --db PATH --year BE [--term N] [--json]`` (issue 15): who is due for a visit
or a re-assessment in a term of the school year, as a Thai text table or JSON, remaining on top.

``--year`` is the school year (ปีการศึกษา, BE); ``--term`` 1 or 2, by default the term today falls
in (or the last one that ended) when it is of that year, else the year's first term. Judged on
today's date (after the term's end, all of it is judged). Bad input exits 2 with a Thai message.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .errors import ValidationError
from .value_rules import MAX_YEAR_BE, MIN_YEAR_BE

EXIT_OK = 0
BAD_YEAR = "ปีการศึกษาต้องเป็นปี พ.ศ. ระหว่าง {low} ถึง {high} (ได้รับ {year})"
TITLE = "การนิเทศติดตามที่ถึงกำหนด ภาคเรียนที่ {term}/{year} ({starts} ถึง {ends}) ณ วันที่ {today}"
HEADER = ("สถานะ", "รหัสโรงเรียน", "โรงเรียน", "กลุ่มสี", "นิเทศ (ทำแล้ว/กำหนด)", "ประเมินซ้ำ (ทำแล้ว/กำหนด)",
          "นิเทศล่าสุด", "ประเมินล่าสุด", "ติดต่อล่าสุด", "ติดตามทางไกล", "เหตุผล")
SUMMARY = "ถึงกำหนดหรือเลยกำหนด {due} โรงเรียน จากทั้งหมด {total} โรงเรียน"


def add_parser(commands: Any) -> None:
    """Add ``coverage`` to the command line's subparsers ``commands``."""
    found = commands.add_parser("coverage", help="โรงเรียนที่ถึงกำหนดนิเทศหรือประเมินซ้ำในภาคเรียน")
    found.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    found.add_argument("--year", type=int, required=True, help="ปีการศึกษา (พ.ศ.) เช่น 2569")
    found.add_argument("--term", type=int, choices=(1, 2), help="ภาคเรียนที่ 1 หรือ 2")
    found.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")


def _shown(iso: str) -> str:
    from .thai import format_date

    return format_date(date.fromisoformat(iso), short=True) if iso else "-"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the coverage of ``--year``'s term. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` (Thai) for a year outside
    :data:`~.validation.MIN_YEAR_BE`–:data:`~.validation.MAX_YEAR_BE` (cli.py prints it, exit 2)."""
    from .clock import today
    from .coverage import STATUS_LABELS, coverage, due_count, load_rules
    from .workspace import Workspace

    if not MIN_YEAR_BE <= args.year <= MAX_YEAR_BE:
        raise ValidationError(BAD_YEAR.format(low=MIN_YEAR_BE, high=MAX_YEAR_BE, year=args.year))
    rules = load_rules()
    now = today()
    number = args.term
    if number is None:
        current = rules.current_or_last_term(now)
        number = current.number if current.year == args.year else 1
    term = rules.term(args.year, number)
    with Workspace.open(args.command_db, read_only=True) as workspace:
        items = coverage(workspace, rules, term, now)
    if args.json:
        payload: dict[str, Any] = {
            "year": term.year, "term": term.number, "starts": term.starts.isoformat(), "ends": term.ends.isoformat(),
            "as_of": now.isoformat(), "due": due_count(items),
            "schools": [{"code": i.code, "name": i.name, "district": i.district, "band": i.band,
                         "status": i.status, "visits_due": i.visits_due, "visits_done": i.visits_done,
                         "reassessments_due": i.reassessments_due, "reassessments_done": i.reassessments_done,
                         "remaining": i.remaining, "overdue": i.overdue, "last_visit": i.last_visit or None,
                         "last_assessment": i.last_assessment or None, "last_contact": i.last_contact or None,
                         "followups_done": i.followups_done, "last_followup": i.last_followup or None,
                         "last_followup_channel": i.last_followup_channel or None, "reason": i.reason}
                        for i in items],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    print(TITLE.format(term=term.number, year=term.year, starts=_shown(term.starts.isoformat()),
                       ends=_shown(term.ends.isoformat()), today=_shown(now.isoformat())), file=out)
    print(" | ".join(HEADER), file=out)
    for i in items:
        print(" | ".join((STATUS_LABELS[i.status], i.code, i.name, i.band_name or "ยังไม่ประเมิน",
                          f"{i.visits_done}/{i.visits_due}", f"{i.reassessments_done}/{i.reassessments_due}",
                          _shown(i.last_visit), _shown(i.last_assessment), _shown(i.last_contact),
                          str(i.followups_done), i.reason or "-")), file=out)
    print(SUMMARY.format(due=due_count(items), total=len(items)), file=out)
    return EXIT_OK
