"""The command line: argument parsing and the commands that need no window.

``main.py`` calls :func:`run`; when it returns ``None`` the user asked for the window, and
``main.py`` (not the core) starts the Qt front end with :func:`gui_target`'s database.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import sys
import tempfile
import traceback
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, TextIO, cast

from . import __version__, cli_coverage, cli_plans, cli_rounds, cli_signers, cli_summary, paths
from .cli_argv import parse_args
from .cli_output import FILE_FAILED as FILE_FAILED, TECHNICAL_DETAIL, UNEXPECTED, file_failed as file_failed  # moved
from .cli_output import check_outputs, on_terminal, one_place, write_utf8
from .demo_file import demo_is_built as demo_is_built, ensure_demo as ensure_demo  # the window's too
from .launch import utf8_output as utf8_output, window_target  # main.py's, the window's
from .errors import DatabaseOpenError, NotFoundError, QualitySchoolError, ValidationError
from .text import for_terminal
from .thai_argparse import ThaiArgumentParser

if TYPE_CHECKING:
    from .assessments import Assessment
    from .workspace import Workspace

EXIT_OK = 0
EXIT_ERROR = 2
DAMAGED = ("ไฟล์ฐานข้อมูล {name} เสียหาย อ่านข้อมูลบางส่วนไม่ได้ คำสั่งนี้จึงทำไม่สำเร็จ ลองใช้ไฟล์สำรองแทน"
           " (--db ตามด้วยไฟล์สำรอง)")
DAILY_COPIES = " ไฟล์สำรองประจำวันที่โปรแกรมทำไว้อยู่ในโฟลเดอร์ {folder}"  # when there is one (retest28 R7)

EXISTS = "มีไฟล์ {path} อยู่แล้ว โปรแกรมจะไม่เขียนทับ โปรดระบุชื่อไฟล์ใหม่"
NEW_MADE = "สร้างฐานข้อมูลว่างที่ {path} แล้ว เปิดด้วยคำสั่ง {command} --db \"{path}\""
NO_VISIT_OUTPUT = "กรุณาระบุไฟล์ที่จะเขียนอย่างน้อยหนึ่งอย่าง: --out FILE.pdf หรือ --docx FILE.docx"
UNKNOWN_VISIT = "ไม่พบบันทึกการนิเทศรหัส {id} ในฐานข้อมูลนี้ (ดูรหัสการนิเทศได้จากคำสั่ง schools --json)"


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``main.py``: the window's options (``--db``, ``--demo``) and the
    headless commands with their options (help texts in Thai; see README's "Commands")."""
    parser = ThaiArgumentParser(
        prog="main.py",
        description="Quality School Desktop: ประเมินตนเองโรงเรียนคุณภาพ ๕ ด้าน แบบออฟไลน์",
    )
    parser.add_argument("--version", action="version", version=f"Quality School Desktop {__version__}")
    parser.add_argument("--db", type=Path, help="ไฟล์ฐานข้อมูลที่จะเปิด (ค่าเริ่มต้น: โฟลเดอร์ข้อมูลของผู้ใช้)")
    parser.add_argument("--demo", action="store_true", help="เปิดโปรแกรมด้วยข้อมูลตัวอย่าง (สร้างให้เมื่อยังไม่มี)")
    parser.add_argument(
        "--import", type=Path, action="append", dest="import_files", default=[], metavar="FILE.qsx",
        help="เปิดโปรแกรมแล้วแสดงตัวอย่างการนำเข้าไฟล์แลกเปลี่ยนนี้ (ใส่ซ้ำได้; ใช้เมื่อดับเบิลคลิกไฟล์ .qsx)",
    )
    commands = parser.add_subparsers(dest="command", metavar="command")

    demo = commands.add_parser("demo", help="สร้างฐานข้อมูลตัวอย่าง (โรงเรียนคุณภาพจังหวัดตาก)")
    demo.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ใหม่ที่จะสร้าง")

    new = commands.add_parser("new", help="สร้างฐานข้อมูลว่าง (สำหรับเปิดด้วย --db)")
    new.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ใหม่ที่จะสร้าง")

    schools = commands.add_parser("schools", help="รายชื่อโรงเรียนและการประเมิน")
    schools.add_argument("--db", type=Path, required=True, dest="command_db")
    schools.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON (สำหรับสคริปต์)")
    schools.add_argument("--out", type=Path, help="เขียนผลลงไฟล์นี้ (UTF-8) แทนการพิมพ์ออกหน้าจอ")

    commands.add_parser("selftest", help="ตรวจว่าโปรแกรมที่ติดตั้งพร้อมใช้งาน (ฐานข้อมูล เกณฑ์ ฟอนต์)")

    export = commands.add_parser("export", help="ส่งออกข้อมูลเป็นไฟล์แลกเปลี่ยน (.qsx) เพื่อส่งให้เครื่องอื่น")
    export.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    export.add_argument("--out", type=Path, required=True, help="ไฟล์ .qsx ที่จะเขียน")
    export.add_argument(
        "--school", action="append", dest="schools", metavar="CODE",
        help="รหัสโรงเรียน ๑๐ หลัก (ใส่ซ้ำได้) ค่าเริ่มต้น: ข้อมูลทั้งหมด",
    )
    export.add_argument("--visitor", help="ส่งออกเฉพาะการนิเทศที่ผู้นิเทศชื่อนี้ร่วมด้วย")

    import_ = commands.add_parser("import", help="นำเข้าไฟล์แลกเปลี่ยน (.qsx) หนึ่งไฟล์หรือหลายไฟล์")
    import_.add_argument(
        "--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล (สร้างใหม่ให้เมื่อยังไม่มี)"
    )
    import_.add_argument("files", type=Path, nargs="+", metavar="FILE", help="ไฟล์ .qsx หรือโฟลเดอร์ที่มีไฟล์ .qsx")
    import_.add_argument(
        "--same-school", action="append", dest="same_schools", metavar="CODE", default=[],
        help="ยืนยันว่าโรงเรียนรหัสนี้ในไฟล์คือโรงเรียนเดียวกับที่บันทึกไว้แล้วในเครื่องนี้ (ใส่ซ้ำได้)",
    )
    import_.add_argument(  # s33: the preview's office tick, named as signers names it
        "--office", metavar="FINGERPRINT",
        help="กุญแจที่ลงนามไฟล์ (ลายนิ้วมือที่เทียบกับสำนักงานทางโทรศัพท์แล้ว) เป็นกุญแจของสำนักงานเขตพื้นที่ที่ระบุด้วย"
             " --area-office: ผูกไว้ในการนำเข้าเดียวกัน และใช้ผลการตรวจและผลการอนุมัติงบประมาณในไฟล์นั้นทันที",
    )
    import_.add_argument("--area-office", metavar="NAME", help="ชื่อสำนักงานเขตพื้นที่การศึกษา (ใช้กับ --office)")

    cli_signers.add_parser(commands)
    cli_rounds.add_parser(commands)
    cli_coverage.add_parser(commands)

    backup = commands.add_parser(
        "backup", help="สำรองฐานข้อมูลพร้อมไฟล์แนบอย่างปลอดภัย (ใช้ได้ขณะโปรแกรมเปิดอยู่ อย่าคัดลอกไฟล์เอง)"
    )
    backup.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    backup.add_argument("--out", type=Path, required=True, help="ไฟล์สำรองที่จะเขียน (.sqlite3)")

    report = commands.add_parser("report", help="พิมพ์รายงานเป็นไฟล์ PDF")
    kinds = report.add_subparsers(dest="report_kind", metavar="kind", required=True)
    self_assessment = kinds.add_parser(
        "self-assessment", help="รายงานผลการประเมินตนเองของโรงเรียนหนึ่งรอบ (ค่าเริ่มต้น: รอบล่าสุด)"
    )
    self_assessment.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    self_assessment.add_argument("--school", required=True, help="รหัสโรงเรียน ๑๐ หลัก")
    self_assessment.add_argument("--year", type=int, help="ปีงบประมาณ (พ.ศ.) ค่าเริ่มต้น: ปีล่าสุดที่มีการประเมิน")
    self_assessment.add_argument("--round", type=int, help="รอบที่ ค่าเริ่มต้น: รอบล่าสุด")
    self_assessment.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    self_assessment.add_argument(
        "--digits", choices=("thai", "arabic"), default="thai", help="ตัวเลขในรายงาน: thai (เลขไทย) หรือ arabic"
    )
    visit = kinds.add_parser("visit", help="บันทึกการนิเทศ ติดตาม หนึ่งครั้ง (รหัสการนิเทศดูได้จาก schools --json)")
    visit.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    visit.add_argument("--visit", required=True, help="รหัสการนิเทศ (id ใน schools --json)")
    visit.add_argument("--out", type=Path, help="ไฟล์ PDF ที่จะเขียน")
    visit.add_argument("--docx", type=Path, help="เขียนบันทึกเดียวกันเป็นไฟล์ Word (.docx) ที่แก้ไขต่อได้")
    visit.add_argument(
        "--digits", choices=("thai", "arabic"), default="thai", help="ตัวเลขในรายงาน: thai (เลขไทย) หรือ arabic"
    )
    cli_plans.add_parser(kinds)
    budget = kinds.add_parser("budget", help="สรุปคำขอรับการสนับสนุนงบประมาณของโรงเรียนคุณภาพ ปีงบประมาณที่เลือก (PDF และ Excel)")
    budget.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    budget.add_argument("--year", type=int, required=True, help="ปีงบประมาณ (พ.ศ.) เช่น 2570")
    budget.add_argument("--area-office", help="เฉพาะโรงเรียนสังกัดนี้ เช่น \"สพป.ตาก เขต 1\"")
    budget.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    budget.add_argument("--xlsx", type=Path, help="ไฟล์ Excel (.xlsx) ที่จะเขียนด้วย")
    budget.add_argument(
        "--digits", choices=("thai", "arabic"), default="thai", help="ตัวเลขในรายงาน: thai (เลขไทย) หรือ arabic"
    )
    summary = kinds.add_parser(
        "summary",
        help="สรุปผลการตรวจราชการ โรงเรียนคุณภาพ (แบบรายงานข้อ ๖) ของปีงบประมาณและรอบที่เลือก พร้อมตาราง XLSX/CSV",
    )
    summary.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    summary.add_argument("--year", type=int, required=True, help="ปีงบประมาณ (พ.ศ.) เช่น 2569")
    summary.add_argument("--round", type=int, required=True, help="รอบที่")
    summary.add_argument("--out", type=Path, help="ไฟล์ PDF ที่จะเขียน")
    summary.add_argument("--area-office", help="เฉพาะโรงเรียนสังกัดนี้ เช่น \"สพป.ตาก เขต 1\"")
    summary.add_argument("--by-area-office", action="store_true",
                         help="กับ --out/--docx: รายงานฉบับเดียว ภาพรวมแล้วแยกส่วนละหนึ่งเขตพื้นที่การศึกษา ตามแบบรายงาน")
    summary.add_argument("--province", help="เฉพาะโรงเรียนในจังหวัดนี้")
    summary.add_argument("--level", choices=("primary", "secondary"), help="เฉพาะระดับประถมศึกษาหรือมัธยมศึกษา")
    summary.add_argument(
        "--digits", choices=("thai", "arabic"), default="thai", help="ตัวเลขในรายงาน: thai (เลขไทย) หรือ arabic"
    )
    summary.add_argument("--texts", type=Path, help="ไฟล์ JSON ข้อความของสำนักงาน (ข้อ ๖.๑–๖.๖): บันทึกลงรายงานของรอบนี้ แล้วพิมพ์")
    summary.add_argument("--xlsx", type=Path, help="เขียนตารางทั้งหมดเป็นไฟล์ Excel (หนึ่งชีตต่อหนึ่งตาราง)")
    summary.add_argument("--docx", type=Path, help="เขียนเอกสารเดียวกันเป็นไฟล์ Word (.docx) ที่แก้ไขต่อได้")
    summary.add_argument("--csv", type=Path, metavar="FOLDER", help="เขียนตารางเป็นไฟล์ CSV (UTF-8 มี BOM) ในโฟลเดอร์นี้")
    summary.add_argument(
        "--table", choices=("readiness", "bands", "schools", "districts", "not_reported", "problems", "network"),
        help="กับ --csv/--xlsx: เฉพาะตารางนี้",
    )
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """``argv`` (``sys.argv[1:]`` when None) read by :func:`build_parser` (a ``--db`` before the command is
    the command's: :mod:`.cli_argv`). Bad: ``SystemExit(2)``; ``--version``/``--help``: ``SystemExit(0)``."""
    return parse_args(build_parser(), sys.argv[1:] if argv is None else argv)


class _TerminalSafe(io.TextIOBase):
    """A text stream that writes through :func:`~.text.for_terminal` (line breaks and tabs kept).

    ``None`` (a windowed Windows build has no console streams) takes the text and drops it."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is not None:
            self._stream.write(for_terminal(text, multiline=True))
        return len(text)

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.flush()

    def isatty(self) -> bool:
        return self._stream is not None and on_terminal(self._stream)

    def fileno(self) -> int:  # where it writes, for cli_output.one_place
        return self._stream.fileno() if self._stream is not None else super().fileno()


def _damaged_words(args: argparse.Namespace, error: QualitySchoolError) -> str | None:
    """The command line's words for damage met after ``--db`` opened (the window's name its menu
    and say "not saved" of a command that saves nothing: test28 N6); None for any other error."""
    database = getattr(args, "command_db", None)
    if getattr(error, "reason", None) != "damaged" or database is None:
        return None
    from .copies import daily_copies_folder

    folder = daily_copies_folder(Path(database))
    return DAMAGED.format(name=Path(database).name) + ("" if folder is None else DAILY_COPIES.format(folder=folder))


def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int | None:
    """Run a headless command and return its exit status, or ``None`` for the window."""
    # Every line the commands print may carry text from a file (a file's or a signer's name, a
    # message quoting one): its control characters are shown escaped, never acted on (finding #13).
    out = cast(TextIO, _TerminalSafe(out if out is not None else sys.stdout))
    err = cast(TextIO, _TerminalSafe(err if err is not None else sys.stderr))
    try:
        check_outputs(args)  # one check for every command that writes a file (issue 12)
        if args.command == "demo":
            return _demo(args.command_db, out)
        if args.command == "new":
            return _new(args.command_db, out)
        if args.command == "schools":
            return _schools(args.command_db, args.json, out, args.out)
        if args.command == "selftest":
            return _selftest(out)
        if args.command == "export":
            return _export(args, out)
        if args.command == "import":
            from .cli_import import import_files

            return import_files(args, out, err)
        if args.command == "signers":
            return cli_signers.run(args, out)
        if args.command == "rounds":
            return cli_rounds.run(args, out)
        if args.command == "coverage":
            return cli_coverage.run(args, out)
        if args.command == "backup":
            return _backup(args, out)
        if args.command == "report":
            return _report(args, out, err)
    except QualitySchoolError as exc:
        print(f"ผิดพลาด: {_damaged_words(args, exc) or exc}", file=err)
        if exc.detail:  # SQLite's or the system's English words: a line of their own
            print(TECHNICAL_DETAIL.format(detail=exc.detail), file=err)
        return EXIT_ERROR
    except sqlite3.Error as exc:  # damage found after opening (the open's check is quick, not full)
        from .storage import storage_error  # sqlite-utils loads only when a command needs it

        reported = storage_error(exc)
        print(f"ผิดพลาด: {_damaged_words(args, reported) or reported}", file=err)
        if reported.detail:
            print(TECHNICAL_DETAIL.format(detail=reported.detail), file=err)
        return EXIT_ERROR
    except BrokenPipeError:  # `| head` stopped reading: not a failure; main.py ends quietly
        raise
    except OSError as exc:  # a file the command reads or writes (a full or unplugged disk, no permission)
        print(f"ผิดพลาด: {file_failed(exc)}", file=err)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 — a fault of ours: Thai for the user, the detail for whoever looks into it
        from .keys import KeyFileUnreadable

        if isinstance(exc, KeyFileUnreadable):  # this installation's key: not a fault of ours (retest28 R5)
            print(f"ผิดพลาด: {exc.thai()}", file=err)
            print(TECHNICAL_DETAIL.format(detail=exc.reason), file=err)
            return EXIT_ERROR
        print(f"ผิดพลาด: {UNEXPECTED}", file=err)
        print(TECHNICAL_DETAIL.format(detail=f"{type(exc).__name__}: {exc}"), file=err)
        traceback.print_exception(exc, file=err)
        return EXIT_ERROR
    return None


def gui_target(args: argparse.Namespace) -> tuple[Path, bool]:
    """The database the window opens and whether it may be created (:func:`.launch.window_target`)."""
    return window_target(args.db, args.demo)


def _demo(path: Path, out: TextIO) -> int:
    from .workspace import Workspace  # the database layer loads only when a command needs it

    if path.exists() and path.stat().st_size > 0:
        raise DatabaseOpenError(EXISTS.format(path=path))
    ensure_demo(path)
    with Workspace.open(path) as workspace:
        count = workspace.schools.count()
    print(f"สร้างข้อมูลตัวอย่าง {count} โรงเรียนที่ {path}", file=out)
    return EXIT_OK


def _new(path: Path, out: TextIO) -> int:
    """An empty database at ``path`` for ``--db`` (test33 T7); never over an existing file."""
    from .workspace import Workspace

    if path.exists():
        raise DatabaseOpenError(EXISTS.format(path=path))
    Workspace.open(path, create=True).close()
    print(NEW_MADE.format(path=path, command=paths.command()), file=out)
    return EXIT_OK


def visits_as_data(workspace: Workspace, school_id: str) -> list[dict[str, Any]]:
    """A school's visits, newest first, with the ids ``report visit --visit`` takes."""
    visits = []
    for visit in workspace.visits.for_school(school_id):
        agreed = workspace.follow_ups.agreed_in(visit.id)
        visits.append(
            {
                "id": visit.id,
                "visited_on": visit.visited_on,
                "start_time": visit.start_time or None,
                "type": visit.visit_type,
                "status": visit.status,
                "assessment_id": visit.assessment_id,
                "visitors": [
                    {"name": person.name, "position": person.position}
                    for person in workspace.visits.people(visit.id, "visitor")
                ],
                "follow_ups": len(agreed),
                "open_follow_ups": sum(item.status == "open" for item in agreed),
            }
        )
    return visits


def review_as_data(workspace: Workspace, assessment: Assessment) -> dict[str, Any]:
    """The office's review of a round (issue 13), as :meth:`Reviews.as_data
    <qualityschool_desktop.review.Reviews.as_data>` gives it."""
    return workspace.reviews.as_data(assessment)


def schools_as_data(workspace: Workspace) -> list[dict[str, Any]]:
    """Schools with their assessments and visits as plain JSON-ready values."""
    result = []
    for school in workspace.schools.list():
        rounds = []
        for assessment in workspace.assessments.for_school(school.id):
            scored = workspace.assessments.result(assessment.id)
            rounds.append(
                {
                    "id": assessment.id,
                    "fiscal_year": assessment.fiscal_year,
                    "round": assessment.round,
                    "status": assessment.status,
                    "review": review_as_data(workspace, assessment),
                    "framework": {"id": assessment.framework_id, "version": assessment.framework_version},
                    "assessed_on": assessment.assessed_on or None,
                    "assessor_name": assessment.assessor_name,
                    "assessor_role": assessment.assessor_role,
                    "answered": scored.answered,
                    "total": scored.total,
                    "score": None if scored.overall is None else round(scored.overall, 2),
                    "band": scored.band.key if scored.band else None,
                    "band_name": scored.band.name if scored.band else None,
                    "components": [
                        {
                            "code": component.code,
                            "score": None if component.score is None else round(component.score, 2),
                            "readiness": component.readiness.key if component.readiness else None,
                        }
                        for component in scored.components
                    ],
                }
            )
        result.append(
            {
                "id": school.id,
                "code": school.code,
                "name": school.name,
                "district": school.district,
                "province": school.province,
                "area_office": school.area_office,
                "level": school.level,
                "pupils": school.pupils,
                "teachers": school.teachers,
                "is_demo": school.is_demo,
                "assessments": rounds,
                "visits": visits_as_data(workspace, school.id),
                "network_schools": [  # seed 001's network table (found missing by a tester)
                    {"code": n.code, "name": n.name, "pupils": n.pupils, "teachers": n.teachers,
                     "distance_km": n.distance_km}
                    for n in workspace.network_schools.for_school(school.id)
                ],
            }
        )
    return result


def _schools(path: Path, as_json: bool, out: TextIO, out_file: Path | None = None) -> int:
    from .workspace import Workspace  # the database layer loads only when a command needs it

    with Workspace.open(path, read_only=True) as workspace:
        data = schools_as_data(workspace)
    if out_file is not None:
        # A file of our own, in UTF-8 whatever the console's code page; stdout says where it went.
        buffer = io.StringIO()
        _print_schools(data, as_json, buffer)
        write_utf8(out_file, buffer.getvalue())
        print(out_file, file=out)
        return EXIT_OK
    _print_schools(data, as_json, out)
    return EXIT_OK


def _print_schools(data: list[dict[str, Any]], as_json: bool, out: TextIO) -> None:
    if as_json:
        json.dump({"schools": data}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    from .thai import format_date

    for school in data:
        print(f"{school['code']}  {school['name']}  ({school['district']} {school['province']})", file=out)
        for item in school["assessments"]:
            score = "–" if item["score"] is None else f"{item['score']:.2f}"
            review = item["review"]
            to_correct = review["state"] in ("returned", "correcting")
            returned = f"  {review['label']}: {review['comment']}" if to_correct else ""
            print(
                f"    ปีงบประมาณ {item['fiscal_year']} รอบที่ {item['round']}: {score} {item['band_name'] or ''}"
                f" ({item['answered']}/{item['total']} ประเด็น){returned}",
                file=out,
            )
        for visit in school["visits"]:
            kind = "ออนไลน์" if visit["type"] == "online" else "ลงพื้นที่"
            draft = " ฉบับร่าง" if visit["status"] == "draft" else ""
            # The JSON keeps the ISO date for scripts; people read it in BE as everywhere else (T18).
            visited = format_date(date.fromisoformat(visit["visited_on"]), short=True)
            print(f"    นิเทศ {visited} ({kind}){draft}: ข้อตกลงที่ยังไม่เสร็จ {visit['open_follow_ups']}"
                  f"  --visit {visit['id']}", file=out)


def _selftest(out: TextIO) -> int:
    """What the frozen build's smoke test runs: migrate a temporary database, load the
    frameworks and check the bundled fonts are there."""
    from .workspace import Workspace  # the database layer loads only when a command needs it

    with tempfile.TemporaryDirectory() as folder:
        with Workspace.open(Path(folder) / "selftest.sqlite3", create=True) as workspace:
            framework = workspace.frameworks.latest()
            school = workspace.schools.add(code="1234567890", name="โรงเรียนทดสอบระบบ")
            assessment = workspace.assessments.start(school.id, 2569)
            workspace.answers.set_level(assessment.id, framework.items[0].code, framework.max_level)
    fonts = sorted(p.name for p in paths.fonts_dir().glob("Sarabun-*.ttf"))  # the reports'
    window_fonts = sorted(p.name for p in paths.fonts_dir().glob("SarabunUI-*.ttf"))  # the window's
    for family, found in (("Sarabun", fonts), ("Sarabun UI", window_fonts)):
        if len(found) < 4:
            print(f"ผิดพลาด: ไม่พบฟอนต์ {family} ครบ ๔ แบบใน {paths.fonts_dir()}", file=out)
            return EXIT_ERROR
    fonts += window_fonts
    print(f"ok: เกณฑ์ {framework.id} {framework.version} ({len(framework.items)} ประเด็น); ฟอนต์ {', '.join(fonts)}",
          file=out)
    return EXIT_OK


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``report …``, then its cautions on ``err`` (issue 11: characters the font cannot draw, where)."""
    from .reports.cautions import collecting
    with collecting() as cautions:
        try:
            if args.report_kind == "summary":
                return cli_summary.run(args, out, err)
            if args.report_kind == "budget":
                return _report_budget(args, out)
            if args.report_kind == "visit":
                return _report_visit(args, out)
            if args.report_kind in ("plan", "indicators", "progress"):
                return cli_plans.run(args, out)
            return _report_self_assessment(args, out)
        finally:
            for text in cautions:
                print(text, file=err)


def _report_self_assessment(args: argparse.Namespace, out: TextIO) -> int:
    """``report self-assessment``: the latest round unless ``--year``/``--round`` say otherwise."""
    from .workspace import Workspace  # the database layer loads only when a command needs it

    # Imported here, not at the top: it is the only command that needs ReportLab and pythainlp.
    from .reports.self_assessment import write_self_assessment_report

    with Workspace.open(args.command_db, read_only=True) as workspace:
        school = workspace.schools.by_code(args.school)
        assessment = workspace.assessments.find(school.id, args.year, args.round)
        written = write_self_assessment_report(workspace, assessment.id, args.out, digits=args.digits)
    print(written, file=out)
    return EXIT_OK


def _report_visit(args: argparse.Namespace, out: TextIO) -> int:
    """``report visit``: the record of one supervision visit."""
    from .workspace import Workspace  # the database layer loads only when a command needs it

    # Imported here, not at the top: only the report commands need ReportLab and pythainlp.
    from .reports.visit import write_visit_report

    if args.out is None and args.docx is None:
        raise ValidationError(NO_VISIT_OUTPUT)
    with Workspace.open(args.command_db, read_only=True) as workspace:
        try:
            workspace.visits.get(args.visit)
        except NotFoundError:
            raise NotFoundError(UNKNOWN_VISIT.format(id=args.visit)) from None
        written = []
        if args.out is not None:
            written.append(write_visit_report(workspace, args.visit, args.out, digits=args.digits))
        if args.docx is not None:
            from .reports.visit.word import write_visit_docx

            written.append(write_visit_docx(workspace, args.visit, args.docx, digits=args.digits))
    for path in written:
        print(path, file=out)
    return EXIT_OK


def _report_budget(args: argparse.Namespace, out: TextIO) -> int:
    """``report budget``: the requests of a fiscal year by school with totals (issue 14)."""
    from .workspace import Workspace  # the database layer loads only when a command needs it
    from .reports.budget import YEARS_WITH_REQUESTS, no_requests_text, write_budget_report, write_budget_xlsx
    from .budget.office import budget_picture
    from .thai import DigitText

    with Workspace.open(args.command_db, read_only=True) as workspace:
        written = write_budget_report(workspace, args.year, args.out, area_office=args.area_office,
                                      digits=args.digits)
        print(written, file=out)
        asked = workspace.db.execute("SELECT 1 FROM budget_requests WHERE fiscal_year = ? AND deleted = 0 LIMIT 1",
                                     [args.year]).fetchone() is not None
        if not asked or (args.area_office and not budget_picture(workspace, args.year,
                                                                 area_office=args.area_office).requests):
            # A year without requests (here or in the office asked for), said plainly (C14 item 7).
            years = workspace.budget.years()
            print(no_requests_text(args.year, args.area_office, DigitText("arabic"))
                  + (" " + YEARS_WITH_REQUESTS.format(years=", ".join(map(str, years))) if years else ""), file=out)
        if args.xlsx:
            print(write_budget_xlsx(workspace, args.year, args.xlsx, area_office=args.area_office), file=out)
    return EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    """``export``: everything, some schools, or one supervisor's visits, to a signed ``.qsx`` file."""
    from .exchange import export_file  # the exchange code loads only when a command needs it
    from .workspace import Workspace, key_replaced_notice

    with Workspace.open(args.command_db, read_only=True) as workspace:
        summary = export_file(workspace, args.out, school_codes=args.schools, visitor=args.visitor)
    for line in summary.lines():
        print(line, file=out)
    replaced = key_replaced_notice()  # the key was lost: a new installation the schools must bind again
    if replaced:
        print(replaced, file=out)
    return EXIT_OK


BACKUP_DONE = "สำรองฐานข้อมูลไว้ที่ {path} และไฟล์แนบ {count} ไฟล์ที่ {folder}"
BACKUP_DONE_NO_FILES = "สำรองฐานข้อมูลไว้ที่ {path} (ฐานข้อมูลนี้ไม่มีไฟล์แนบ)"


def _backup(args: argparse.Namespace, out: TextIO) -> int:
    """``backup``: a complete, consistent copy of a live database and its attachments."""
    from .backup import backup
    from .workspace import Workspace

    with Workspace.open(args.command_db, read_only=True) as workspace:
        result = backup(workspace, args.out)
    if result.attachment_count:
        print(BACKUP_DONE.format(path=result.path, count=result.attachment_count, folder=result.attachments_dir),
              file=out)
    else:
        print(BACKUP_DONE_NO_FILES.format(path=result.path), file=out)
    return EXIT_OK


