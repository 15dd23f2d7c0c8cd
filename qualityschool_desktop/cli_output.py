"""Where a command's listing goes when ``--out FILE`` is given (``schools``, ``signers``).

The file is written in UTF-8 with ``\\n`` line ends whatever the console's code page (issue 12:
Windows encodes a redirected stdout in the ANSI code page, cp874 on Thai Windows).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import overwrite, paths
from .errors import QualitySchoolError, ValidationError, file_reason

UNEXPECTED = "เกิดข้อผิดพลาดที่ไม่คาดคิด คำสั่งนี้จึงไม่สำเร็จ หากลองอีกครั้งแล้วยังเป็นอยู่ โปรดแจ้งผู้ดูแลโปรแกรมพร้อมข้อความด้านล่าง"
TECHNICAL_DETAIL = "รายละเอียดทางเทคนิค (สำหรับผู้ดูแลโปรแกรม): {detail}"
FILE_FAILED = "อ่านหรือเขียนไฟล์ {path} ไม่ได้: {reason}"


def file_failed(error: OSError) -> str:
    """What to tell the user about a file error, in Thai: the reason from ``errno`` and the file."""
    reason = file_reason(error)
    return FILE_FAILED.format(reason=reason, path=error.filename) if error.filename else reason


OUT_IS_THE_DATABASE = (
    "ไฟล์ที่จะเขียน {path} คือไฟล์ฐานข้อมูลที่ใช้อยู่ (หรือไฟล์ประกอบของฐานข้อมูลนั้น) "
    "การเขียนทับจะทำให้ข้อมูลหาย โปรดเลือกชื่อไฟล์อื่น"
)
OUT_IN_ATTACHMENTS = (
    "{path} อยู่ในโฟลเดอร์ไฟล์แนบของฐานข้อมูล {folder} การเขียนลงที่นั่นจะทำให้ไฟล์แนบเสียหาย "
    "โปรดเลือกชื่อไฟล์อื่นนอกโฟลเดอร์นี้"
)
# The attributes of a command's arguments that name a file (or folder) it writes.
OUTPUT_OPTIONS = ("out", "docx", "xlsx", "csv")
# The kind of file each command writes with ``--out`` (``report`` by its kind; export's name gets
# ``.qsx`` when it has another suffix); ``backup`` and ``demo`` refuse any existing file themselves.
OUT_KINDS = {"schools": overwrite.TEXT, "signers": overwrite.TEXT, "report": overwrite.PDF, "export": overwrite.QSX}

OUTPUTS_ARE_ONE_FILE = (
    "{first} และ {second} ระบุไฟล์เดียวกัน ({path}) ไฟล์หลังจะเขียนทับไฟล์แรก "
    "โปรดตั้งชื่อไฟล์ให้ต่างกัน"
)
# try14 F8: a workbook named n.csv (or a PDF named h.txt) opens as garbage in the program its name calls.
WRONG_SUFFIX = ("{option} {path}: ชื่อไฟล์ต้องลงท้ายด้วย {suffix} เพราะไฟล์ที่เขียนเป็นไฟล์ {kind}"
                " โปรดตั้งชื่อไฟล์ให้ลงท้ายด้วย {suffix}")
# The suffix each option's file must have and the kind of file it is (``--out`` of a ``report``:
# .pdf; a name without a suffix or with another one is refused, RETEST14 N7).
OPTION_SUFFIXES = {"xlsx": (".xlsx", "Excel"), "docx": (".docx", "Word")}
# A report's --out named as a Word or Excel file, when the command can write that file itself:
# point to its option and the name it takes (issue 13, tester's F18: a PDF was written under a .docx name).
OTHER_KINDS = {".docx": ("เอกสาร Word", "--docx", ".docx"), ".doc": ("เอกสาร Word", "--docx", ".docx"),
               ".xlsx": ("ไฟล์ Excel", "--xlsx", ".xlsx"), ".xls": ("ไฟล์ Excel", "--xlsx", ".xlsx")}
OUT_NOT_PDF = ("--out เขียนไฟล์ PDF แต่ชื่อ {name} เป็นชื่อของ{kind} จึงยังไม่ได้เขียน:"
               " ใช้ {option} {right} เพื่อเขียน{kind} หรือตั้งชื่อไฟล์ PDF ให้ลงท้ายด้วย .pdf")

OUT_NOT_WRITTEN = "เขียนไฟล์ {path} ไม่ได้: {reason} (ตรวจว่าโฟลเดอร์มีอยู่และเขียนได้)"


def write_utf8(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in UTF-8 (``\\n`` line ends), replacing the file.

    Raises :class:`~qualityschool_desktop.errors.QualitySchoolError` with :data:`OUT_NOT_WRITTEN`
    (Thai, naming the file and the system's reason) when it cannot be written: a missing folder,
    no permission, a read-only medium. No folder is created."""
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise QualitySchoolError(OUT_NOT_WRITTEN.format(path=path, reason=exc.strerror or exc)) from None


def _key(path: Path) -> str:
    """``path`` made absolute with links resolved, spelt as the system compares names (case on Windows)."""
    return os.path.normcase(str(Path(path).resolve()))


def refuse_database_files(outputs: "list[Path]", database: Path) -> None:
    """Refuse output paths that would overwrite ``database``'s own files (issue 12 finding 3).

    ``outputs`` are the files or folders a command is about to write (``--out``, ``--docx``,
    ``--xlsx``, ``--csv``); ``database`` is its ``--db``. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` with :data:`OUT_IS_THE_DATABASE` when an
    output is the database itself (any spelling, a link to it, another letter case on Windows) or
    one of SQLite's companions (``-wal``, ``-shm``, ``-journal``), and with
    :data:`OUT_IN_ATTACHMENTS` when it is the database's attachments folder or inside it.
    Nothing is written or opened; called before the command opens the database."""
    own = {_key(database), *(_key(sidecar) for sidecar in paths.sidecar_files(database))}
    attachments = _key(paths.attachments_dir_for(database))
    for output in outputs:
        key = _key(output)
        same = key in own
        if not same and Path(output).exists() and Path(database).exists():
            try:
                same = os.path.samefile(output, database)  # a hard link to the database
            except OSError:
                same = False
        if same:
            raise ValidationError(OUT_IS_THE_DATABASE.format(path=output))
        if key == attachments or key.startswith(attachments + os.sep):
            raise ValidationError(OUT_IN_ATTACHMENTS.format(path=output, folder=paths.attachments_dir_for(database)))


def refuse_one_file_twice(args: argparse.Namespace) -> None:
    """Refuse two output options naming one file (try14e finding f04: ``--out X.pdf --xlsx X.pdf``
    wrote the workbook over the PDF and reported both written).

    Compares ``--out``, ``--docx``, ``--xlsx`` and ``--csv`` of ``args`` as the system does (links
    resolved, letter case on Windows). Raises :class:`~qualityschool_desktop.errors.ValidationError`
    with :data:`OUTPUTS_ARE_ONE_FILE` (Thai, naming both options and the file). Writes nothing."""
    seen: dict[str, str] = {}
    for name in OUTPUT_OPTIONS:
        value = getattr(args, name, None)
        if value is None:
            continue
        key = _key(value)
        if key in seen:
            raise ValidationError(OUTPUTS_ARE_ONE_FILE.format(first=seen[key], second=f"--{name}", path=value))
        seen[key] = f"--{name}"


def check_outputs(args: argparse.Namespace) -> None:
    """The checks every command that writes a file makes before it opens anything (issue 12):
    :func:`refuse_database_files` against its own ``--db``, then
    :func:`~qualityschool_desktop.overwrite.refuse_replacing` for each file it would write, so an
    existing file that is an SQLite database (any database, not only its own) or not of the
    command's output kind is never replaced. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` (Thai) for the first refused output.
    Two options naming one file are refused first (:func:`refuse_one_file_twice`).
    The files of ``--csv FOLDER`` are checked by the CSV writer, which alone knows their names."""
    command = getattr(args, "command", None)
    if command == "backup":  # backup refuses any existing file, with messages of its own
        return
    refuse_one_file_twice(args)
    outputs = [value for name in OUTPUT_OPTIONS if (value := getattr(args, name, None)) is not None]
    database = getattr(args, "command_db", None)
    if database is not None:
        refuse_database_files(outputs, database)
    checked: list[tuple[Path, str]] = []
    if getattr(args, "out", None) is not None and command in OUT_KINDS:
        out = Path(args.out)
        if command == "export" and out.suffix.lower() != ".qsx":
            out = out.with_name(out.name + ".qsx")
        checked.append((out, OUT_KINDS[command]))
    for name, kind in (("docx", overwrite.DOCX), ("xlsx", overwrite.XLSX)):
        if getattr(args, name, None) is not None:
            checked.append((Path(getattr(args, name)), kind))
    overwrite.refuse_replacing_any(checked)
    refuse_wrong_suffixes(args)


def on_terminal(stream: object) -> bool:
    """True when ``stream`` writes to a terminal (a person reads it there); False for a file, a
    pipe, a closed stream or one that cannot say. Raises nothing."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


# A refused file in the report on standard output when the reason goes to standard error (retest30 N5).
REFUSED_SEE_ERRORS = "ไฟล์ {name}: ไม่นำเข้า (เหตุผลพิมพ์ไว้ในข้อความผิดพลาด stderr)"


def one_place(out: object, err: object) -> bool:
    """True when ``out`` and ``err`` reach one place a person reads once: one terminal, or one file
    or pipe (``2>&1``, try27 F7), or the same stream object. False when they cannot say. Raises
    nothing."""
    if out is err or (on_terminal(out) and on_terminal(err)):
        return True
    try:
        first, second = os.fstat(out.fileno()), os.fstat(err.fileno())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def under(reason: str) -> str:
    """``reason`` (a refusal of several lines: what happened, the keys, what to do) with its lines
    after the first indented, so that they read under the file's line they follow (fx30 B6)."""
    return reason.replace("\n", "\n    ")


def refuse_wrong_suffixes(args: argparse.Namespace) -> None:
    """Refuse ``--xlsx``/``--docx`` names that do not end in .xlsx/.docx, and a ``report``'s
    ``--out`` that does not end in .pdf (any letter case): another kind's suffix (.txt, .doc,
    .xlsx …), a year (``x.2569``) or none at all. Raises
    :class:`~qualityschool_desktop.errors.ValidationError` with :data:`WRONG_SUFFIX` (Thai, naming
    the right suffix), or :data:`OUT_NOT_PDF` pointing to ``--docx``/``--xlsx`` when the command
    writes that kind itself. Writes nothing."""
    for name, (suffix, kind) in OPTION_SUFFIXES.items():
        value = getattr(args, name, None)
        if value is not None and Path(value).suffix.lower() != suffix:
            raise ValidationError(WRONG_SUFFIX.format(option=f"--{name}", path=value, suffix=suffix, kind=kind))
    out = getattr(args, "out", None)
    if out is not None and getattr(args, "command", None) == "report" and Path(out).suffix.lower() != ".pdf":
        other = OTHER_KINDS.get(Path(out).suffix.lower())
        if other is not None and hasattr(args, other[1][2:]):
            raise ValidationError(OUT_NOT_PDF.format(name=Path(out).name, kind=other[0], option=other[1],
                                                     right=Path(out).with_suffix(other[2]).name))
        raise ValidationError(WRONG_SUFFIX.format(option="--out", path=out, suffix=".pdf", kind="PDF"))
