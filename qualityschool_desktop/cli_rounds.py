"""``main.py rounds``: the inspection rounds (รอบการตรวจราชการ) this database defines.

* ``rounds --db PATH`` lists them: fiscal year, round, period, closing date and form layout.
* ``rounds --db PATH --define --year 2569 --round 2`` defines (or redefines) a round; the period
  and closing date default to the fiscal year's half (round 1: 1 Oct-31 Mar, round 2: 1 Apr-30 Sep),
  ``--start``, ``--end``, ``--closes`` (read as the window reads dates: ``1/10/2569``, Thai digits,
  BE or CE, ``2569-10-01`` is BE) and ``--layout`` (round1, round2) say otherwise.

``report summary --round N`` reports a round defined here and refuses any other.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .thai import format_date

EXIT_OK = 0
NONE = "ยังไม่ได้กำหนดรอบการตรวจราชการในฐานข้อมูลนี้ (กำหนดด้วย --define --year ปี --round รอบ)"
LINE = "ปีงบประมาณ {year} รอบที่ {round}: {start} ถึง {end} ปิดรับผลการประเมินตนเอง {closes} แบบฟอร์ม {layout}"
FORM = "{name} [--layout {id}]"
DEFINED = "กำหนดแล้ว: "
NEED = "กรุณาระบุ --year และ --round ของรอบที่จะกำหนด"


def add_parser(commands: Any) -> None:
    """Add ``rounds`` to the command line's subparsers ``commands``."""
    rounds = commands.add_parser("rounds", help="รอบการตรวจราชการ: ดูรายการหรือกำหนดรอบ")
    rounds.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    rounds.add_argument("--define", action="store_true", help="กำหนด (หรือแก้) รอบที่ระบุ")
    rounds.add_argument("--year", type=int, help="ปีงบประมาณ (พ.ศ.) เช่น 2569")
    rounds.add_argument("--round", type=int, help="รอบที่ เช่น 1 หรือ 2")
    rounds.add_argument("--start", help="วันเริ่มรอบ (วัน/เดือน/ปี พ.ศ. เช่น 1/10/2569)")
    rounds.add_argument("--end", help="วันสิ้นสุดรอบ (วัน/เดือน/ปี พ.ศ. เช่น 1/10/2569)")
    rounds.add_argument("--closes", help="วันปิดรับผลการประเมินตนเอง (วัน/เดือน/ปี พ.ศ. เช่น 1/10/2569)")
    rounds.add_argument("--layout", help="แบบฟอร์ม: round1 หรือ round2")


def _line(item: Any) -> str:
    start, end = item.period
    return LINE.format(year=item.fiscal_year, round=item.round, start=format_date(start, short=True), end=format_date(end, short=True),
                       closes=format_date(item.closing_date, short=True), layout=_form_name(item.layout))


def _form_name(layout_id: str) -> str:
    """The form's Thai name with the id --layout takes ("แบบรายงานผล… [--layout round2]")."""
    from .errors import ValidationError
    from .inspection.layouts import load_layout

    try:
        return FORM.format(name=load_layout(layout_id).name, id=layout_id)
    except ValidationError:  # a layout this version does not bundle: its id as stored
        return layout_id


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``rounds``; raises :class:`~qualityschool_desktop.errors.ValidationError` (Thai) for a
    bad definition (the command line exits 2 on it)."""
    from .errors import ValidationError
    from .workspace import Workspace

    if args.define:
        if args.year is None or args.round is None:
            raise ValidationError(NEED)
        with Workspace.open(args.command_db) as workspace:
            item = workspace.inspection_rounds.define(args.year, args.round, starts_on=args.start, ends_on=args.end,
                                                      closes_on=args.closes, layout=args.layout)
        print(DEFINED + _line(item), file=out)
        return EXIT_OK
    with Workspace.open(args.command_db, read_only=True) as workspace:
        items = workspace.inspection_rounds.all()
    for item in items:
        print(_line(item), file=out)
    if not items:
        print(NONE, file=out)
    return EXIT_OK
