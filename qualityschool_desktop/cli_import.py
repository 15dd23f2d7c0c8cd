"""The command line's ``import``: each file all or nothing, a refused file reported and the others
still imported (issue 10: robust imports). Split from ``cli.py``, which calls :func:`import_files`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .cli_output import REFUSED_SEE_ERRORS, TECHNICAL_DETAIL, UNEXPECTED, file_failed, one_place, under
from .errors import QualitySchoolError, ValidationError
from .text import for_terminal

EXIT_OK = 0  # as cli.py's
EXIT_ERROR = 2


def import_files(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``import``: each file in turn (a folder stands for its ``.qsx`` files), each all or nothing;
    a refused file is reported and the others are still imported, whatever went wrong with it;
    files that claim one new school with different keys are all refused (``exchange.batch``);
    the exit status is 2 when any was refused."""
    from .exchange import (EXTENSION, advice, apply_import, batch, office_waiting, replies,  # loaded only when needed
                           results, same_school)
    from .exchange.package import Checked
    from .schools import validate_code
    from .workspace import Workspace

    files: list[Path] = []
    for given in args.files:
        if given.is_dir():
            files.extend(sorted(p for p in given.iterdir() if p.suffix.lower() == EXTENSION and p.is_file()))
        else:
            files.append(given)
    try:  # as the window writes codes too (Thai digits, spaces, dashes): try10 F8
        same_schools = [validate_code(code) for code in args.same_schools]
    except ValidationError as exc:
        print(SAME_SCHOOL_NOT_A_CODE.format(codes=" ".join(args.same_schools), reason=exc), file=err)
        return EXIT_ERROR
    try:
        office = _office_asked(args)
    except QualitySchoolError as exc:
        print(OFFICE_NOT_ASKED.format(reason=exc), file=err)
        return EXIT_ERROR
    office_used = False
    refused, made_one = 0, set()
    done: list[Any] = []  # the results, for what the batch leaves waiting (s35 exch35, TEST34B B7)
    schools = results.SchoolsDone()  # named after the count, as the window names them (TEST30a B3)
    one_terminal = one_place(out, err)
    # A district may start from imports alone: the database is created when missing.
    with Workspace.open(args.command_db, create=True) as workspace:
        # Files of the batch claiming one new school with different keys: none binds it (test30a B10).
        checked: Checked = {}  # each file's header verified once, by the check, for its import (fx30b leftover)
        clashing = batch.clashes(workspace, files, checked=checked) if len(files) > 1 else {}
        for path in files:
            try:
                if path in clashing:
                    raise clashing[path]
                office_key = _office_of(path, office, checked)
                result = apply_import(workspace, path, same_schools=same_schools, checked=checked,
                                      office_key=office_key)
                office_used = office_used or bool(office_key)
            except Exception as exc:  # noqa: BLE001 – one file's trouble, whatever it is, stops only that file
                refused += 1
                if isinstance(exc, (same_school.UnknownSigner, same_school.MixedSigners, advice.AdvisedRefusal)):
                    made_one.add(exc.code)  # a refusal about the code answers for it (test28 N7, test29b B6)
                if isinstance(exc, QualitySchoolError):
                    reason = str(exc)
                elif isinstance(exc, OSError):
                    reason = file_failed(exc)
                else:
                    reason = UNEXPECTED
                told = f"ไฟล์ {for_terminal(path.name)}: ไม่นำเข้า – {under(reason)}"  # once: try10 F3, try27 F7
                print(told if one_terminal else REFUSED_SEE_ERRORS.format(name=for_terminal(path.name)), file=out)
                if not one_terminal:  # streams apart: the reason on standard error only (retest30 N5)
                    print(told, file=err)
                if reason is UNEXPECTED:
                    print(TECHNICAL_DETAIL.format(detail=f"{type(exc).__name__}: {exc}"), file=err)
                continue
            made_one.update(result.made_one)
            schools.add(result)
            done.append(result)
            for line in result.lines():
                print(line, file=out)
    print(f"นำเข้าแล้ว {len(files) - refused} ไฟล์" + (f" ไม่นำเข้า {refused} ไฟล์" if refused else ""), file=out)
    for line in schools.lines():
        print(line, file=out)
    for line in office_waiting.closing_lines(done) + replies.closing_lines(done):  # as the window says them
        print(line, file=out)
    unused = [code for code in dict.fromkeys(same_schools) if code not in made_one]
    for code in unused:  # after a refusal the code may be right, unused because its file was (retest27 N4)
        print((SAME_SCHOOL_NOT_REACHED if refused else SAME_SCHOOL_UNUSED).format(code=code), file=err)
    if office is not None and not office_used:  # no file of that key imported: nothing bound (said, as --same-school)
        from .exchange.signing import fingerprint_groups

        print(OFFICE_UNUSED.format(groups=fingerprint_groups(office[0], full=True), area=office[1]), file=err)
    return EXIT_ERROR if refused or unused or (office is not None and not office_used) else EXIT_OK


def _office_asked(args: argparse.Namespace) -> "tuple[str, str] | None":
    """(the hex digits of ``--office``, ``--area-office``) or None when neither is given. Raises
    :class:`ValidationError` (Thai) when one comes without the other, the exchange's error for a
    fingerprint shorter than the 8 groups."""
    from .exchange import bindings

    typed, area = getattr(args, "office", None), getattr(args, "area_office", None)
    if not typed and not area:
        return None
    area = str(area or "").strip()
    if not typed or not area:
        raise ValidationError(OFFICE_BOTH)
    return bindings._digits(typed), area


def _office_of(path: Path, office: "tuple[str, str] | None", checked: "dict[Any, Any]") -> str:
    """The area office to bind the file's key as (``import --office``): ``office``'s when the file
    is signed by the key whose fingerprint starts with its digits, else ""."""
    if office is None:
        return ""
    from .exchange.package import open_package

    with open_package(path, checked=checked) as package:
        return office[1] if package.fingerprint.startswith(office[0]) else ""


SAME_SCHOOL_NOT_A_CODE = "ไม่ได้นำเข้าไฟล์ใด: รหัสที่ให้ใน --same-school ({codes}) ใช้ไม่ได้: {reason}"
SAME_SCHOOL_UNUSED = ("--same-school {code}: ไม่พบโรงเรียนรหัส {code} ที่ไฟล์ที่นำเข้ามีและเครื่องนี้บันทึกไว้แยกกัน"
                      " จึงไม่ได้ใช้ตัวเลือกนี้ โปรดตรวจรหัสโรงเรียนอีกครั้ง")
SAME_SCHOOL_NOT_REACHED = ("--same-school {code}: ไม่พบโรงเรียนรหัส {code} ที่ใช้ตัวเลือกนี้ในไฟล์ที่นำเข้าแล้ว"
                           " ไฟล์ที่ไม่นำเข้าอาจต้องใช้รหัสนี้ โปรดแก้ตามเหตุผลที่ไม่นำเข้าข้างต้นก่อน")
# s33: import --office FINGERPRINT --area-office NAME (the window's office tick, as signers names it).
OFFICE_BOTH = "ใช้ --office ลายนิ้วมือ คู่กับ --area-office \"ชื่อสำนักงานเขตพื้นที่\" (เช่น \"สพป.ตาก เขต 2\")"
OFFICE_NOT_ASKED = "ไม่ได้นำเข้าไฟล์ใด: {reason}"
OFFICE_UNUSED = ("--office: ไม่มีไฟล์ที่นำเข้าแล้วที่ลงนามด้วยกุญแจ {groups}… จึงไม่ได้ผูกกุญแจใดเป็นกุญแจของ {area}"
                 " โปรดตรวจลายนิ้วมือกับสำนักงานอีกครั้ง (ดูลายนิ้วมือของไฟล์ในบรรทัด \"ลงนามโดย\" ข้างต้น)")
