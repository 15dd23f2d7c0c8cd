"""``main.py signers``: the keys this database knows, what each may change, and binding by hand.

* ``signers --db PATH`` lists every key (this laptop's first): its fingerprint in groups a person
  can read out over the phone, its name and installation, and the schools bound to it and the
  visits its installation made (what it owns here); ``--json`` for scripts; ``--out FILE`` writes
  the listing (or the JSON) to FILE in UTF-8 instead, as ``schools --out`` does.
* ``--forget FINGERPRINT`` forgets a key: the installation it claimed, its schools and its
  same-school mappings, and says how many rows those mappings had moved were taken back (the way
  back when a stranger's file claimed a real laptop's installation id first, or a key a person
  vouched for signed a false "same school": ``exchange/forgotten.py``).
* ``--bind FINGERPRINT --school CODE`` lets a laptop's key change a school's records (a school's
  second laptop, or a new one after a reinstall); ``--unbind`` removes that again. Run at the
  school's own laptop, it is the school's word and travels with its records (the school's signed
  statement); run at an office, it holds at that office only.
* ``--office FINGERPRINT --area-office NAME`` binds a key here as the office of an area office: only
  its review decisions (ผ่าน, ส่งกลับแก้ไข) and budget decisions on that office's schools apply
  here (``review/offices.py``); ``--unbind FINGERPRINT --area-office NAME`` takes it off again.
* ``--bind NEW --visits-of OLD`` (a supervisor who reinstalled): the visits the old key's
  installation made belong, in this database, to the new key as well; a person's deliberate act
  at her new laptop (she may edit them there) or at an office (the new key's changes of them
  apply there instead of waiting). It holds where it is run.
* Each binding is listed with how it was learnt (the school's statement, the first file, by hand
  here, …). ``--bind`` by the 8 groups of a laptop no file of which came here yet waits for that
  laptop's first file (``exchange/waiting.py``); the waiting bindings are listed after the keys
  (with who bound each and when, and under ``"waiting"`` in the JSON), and ``--unbind`` with the
  same groups and ``--school`` removes one.
"""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from .cli_output import write_utf8
from .text import for_terminal

if TYPE_CHECKING:
    from .exchange.signing import Signer


EXIT_OK = 0
NEED_SCHOOL = "กรุณาระบุโรงเรียนด้วย --school รหัสโรงเรียน ๑๐ หลัก (หรือ --visits-of กุญแจเดิม เมื่อผูกการนิเทศ)"
VISITS_OF_NEEDS_BIND = "--visits-of ใช้คู่กับ --bind กุญแจใหม่ และไม่ใช้ร่วมกับ --school"
VISITS_BOUND = (
    "ผูกการนิเทศของกุญแจเดิม {old} กับกุญแจใหม่ {groups} แล้ว: ในฐานข้อมูลนี้กุญแจใหม่แก้ไข"
    " เปิดแก้ไข และยืนยันการนิเทศเหล่านั้นได้ ({count} ครั้ง) การแก้ไขที่รอตรวจสอบอยู่แล้วจะมีผลเมื่อนำเข้าไฟล์นั้นอีกครั้ง"
)
CONFIRM_SCHOOL_LAPTOP = "ยังไม่ได้ผูก หากแน่ใจว่าเป็นเครื่องของโรงเรียนจริง ให้สั่งอีกครั้งพร้อม --confirm-school-laptop"
OUT_IS_FOR_THE_LIST = "--out ใช้ได้กับการแสดงรายชื่อผู้ลงนามเท่านั้น ไม่ใช้กับ --bind, --unbind หรือ --forget"
BOUND = "ผูกกุญแจ {groups} กับโรงเรียนรหัส {code} แล้ว: กุญแจนี้แก้ไขข้อมูลของโรงเรียนนี้ได้"
UNBOUND = "เลิกผูกกุญแจ {groups} กับโรงเรียนรหัส {code} แล้ว"
WAITING_BOUND = (
    "บันทึกการผูกกุญแจ {groups} กับโรงเรียนรหัส {code} แล้ว: ยังไม่เคยนำเข้าไฟล์จากเครื่องนั้น การผูกจึงรอไว้"
    " เมื่อนำเข้าไฟล์แรกของเครื่องที่ลายนิ้วมือขึ้นต้นด้วย {groups} กุญแจนั้นจะแก้ไขข้อมูลของโรงเรียนนี้ได้ทันที"
    # TEST30a B9: the binding holds here; the other laptop edits the school on itself once it binds its own key there.
    " ส่วนที่เครื่องนั้นเอง ให้ผูกกุญแจของเครื่องนั้นกับโรงเรียนที่เครื่องนั้นด้วย (แฟ้ม › ผู้ส่งข้อมูล ›"
    " ผูกเครื่องใหม่ด้วยลายนิ้วมือ… หรือ signers --bind … --confirm-school-laptop) จึงจะแก้ไขข้อมูลของโรงเรียน"
    "ที่เครื่องนั้นได้"
)
WAITING_UNBOUND = "ยกเลิกการผูกที่รอไว้ของกุญแจ {groups} กับโรงเรียนรหัส {code} แล้ว"
WAITING_HEADER = "การผูกที่รอไฟล์แรกของเครื่อง (ผูกด้วยลายนิ้วมือ ๘ กลุ่ม ก่อนเคยนำเข้าไฟล์จากเครื่องนั้น):"
WAITING_LINE = "{groups}  รอผูกกับโรงเรียน {code}  (ผูกโดย {by} เมื่อ {at})"
NEED_AREA = "กรุณาระบุสำนักงานเขตพื้นที่ด้วย --area-office ชื่อ (เช่น \"สพป.ตาก เขต 2\")"
OFFICE_BOUND = ("ผูกกุญแจ {groups} เป็นกุญแจของ {area} แล้ว: ผลการตรวจแบบประเมินและผลการอนุมัติงบประมาณ"
                "ของโรงเรียนในเขตนี้รับจากกุญแจนี้")
# RETEST31 R5: the office's binding judges again what waited for its key, as a school's binding does.
OFFICE_REJUDGED = "ใช้ผลการตรวจและผลการอนุมัติงบประมาณที่รอตรวจสอบ {count} รายการแล้ว (ผู้ส่งเพิ่งผูกเป็นกุญแจของสำนักงาน)"
OFFICE_UNBOUND = "ยกเลิกกุญแจ {groups} จากการเป็นกุญแจของ {area} แล้ว: ผลการตรวจจากกุญแจนี้จะไม่นำเข้าอีก"
NONE = "ยังไม่มีผู้ลงนามอื่นในฐานข้อมูลนี้"
FORGOTTEN = "ลืมกุญแจ {fingerprint} แล้ว: ไฟล์ถัดไปของเครื่องที่กุญแจนี้เคยอ้างจะผูกกับกุญแจของเครื่องนั้นเอง"
# A key that was bound to schools (a school's own key): the school stays unbound (test29b B1).
FORGOTTEN_BOUND = "ลืมกุญแจ {fingerprint} แล้ว"
BIND_AGAIN = "    ผูกกุญแจนี้กับโรงเรียนรหัส {code} อีกครั้งด้วยคำสั่ง {command} signers --db {db} --bind {fingerprint} --school {code}"
SAME_SCHOOL_WORD = ("    คำยืนยันว่าเป็นโรงเรียนเดียวกันที่กุญแจนี้ลงนาม ใช้อยู่กับโรงเรียนรหัส {codes}"
                    " (ข้อมูลที่คำยืนยันนี้ย้ายมา --forget จะนำออกไปด้วย)")
ALREADY_FORGOTTEN = ("กุญแจ {fingerprint} ถูกลืมไปแล้วเมื่อ {at} และยังไม่มีไฟล์ของกุญแจนี้เข้ามาอีก"
                     " จึงไม่มีอะไรต้องทำเพิ่ม")
TRUSTED_IS_A_LABEL = (
    "หมายเหตุ: \"เชื่อถือ\" เป็นเพียงเครื่องหมายว่าตรวจลายนิ้วมือแล้ว ไม่ได้ให้สิทธิ์แก้ไขข้อมูลใด ๆ"
    " สิทธิ์แก้ไขมาจากการผูกกุญแจกับโรงเรียน (--bind) และการนิเทศที่เครื่องนั้นบันทึกเองเท่านั้น"
)


def add_parser(commands: Any) -> None:
    """The ``signers`` command on the main parser's subcommands."""
    signers = commands.add_parser(
        "signers", help="รายชื่อกุญแจของผู้ส่งไฟล์ ลายนิ้วมือ และข้อมูลที่แต่ละกุญแจแก้ไขได้ (ผูกหรือเลิกผูกกุญแจกับโรงเรียน)"
    )
    signers.add_argument("--db", type=Path, required=True, dest="command_db", help="ไฟล์ฐานข้อมูล")
    action = signers.add_mutually_exclusive_group()
    action.add_argument("--bind", metavar="FINGERPRINT", help="ผูกกุญแจนี้กับโรงเรียนที่ระบุด้วย --school")
    action.add_argument("--unbind", metavar="FINGERPRINT", help="เลิกผูกกุญแจนี้กับโรงเรียนที่ระบุด้วย --school")
    action.add_argument(
        "--forget", metavar="FINGERPRINT",
        help="ลืมกุญแจนี้ (เครื่องที่อ้างและโรงเรียนที่ผูกไว้) เช่น เมื่อไฟล์ปลอมอ้างรหัสเครื่องของโรงเรียนก่อนไฟล์จริง",
    )
    action.add_argument(
        "--office", metavar="FINGERPRINT",
        help="ผูกกุญแจนี้เป็นกุญแจของสำนักงานเขตพื้นที่ที่ระบุด้วย --area-office (รับผลการตรวจและผลการอนุมัติงบประมาณจากกุญแจนี้เท่านั้น)",
    )
    signers.add_argument("--area-office", metavar="NAME",
                         help="ชื่อสำนักงานเขตพื้นที่การศึกษา (ใช้กับ --office หรือ --unbind เพื่อยกเลิกกุญแจสำนักงาน)")
    signers.add_argument("--school", metavar="CODE", help="รหัสโรงเรียน ๑๐ หลัก")
    signers.add_argument(
        "--visits-of", metavar="OLD_FINGERPRINT", dest="visits_of",
        help="ใช้กับ --bind: ให้กุญแจใหม่แก้ไขการนิเทศที่เครื่องของกุญแจเดิมบันทึกไว้ (ผู้นิเทศติดตั้งโปรแกรมใหม่)",
    )
    signers.add_argument(
        "--confirm-school-laptop", action="store_true", dest="confirm_school_laptop",
        help="ใช้กับ --bind: ยืนยันว่ากุญแจนี้เป็นของเครื่องของโรงเรียนจริง เมื่อเป็นกุญแจของเครื่องนี้เองแต่โรงเรียนมาจากไฟล์ที่นำเข้า"
             " หรือเป็นกุญแจที่เคยบันทึกการนิเทศโรงเรียนนั้น (ไม่เช่นนั้นจะไม่ผูก)",
    )
    signers.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON (สำหรับสคริปต์)")
    signers.add_argument("--out", type=Path, help="เขียนรายชื่อลงไฟล์นี้ (UTF-8) แทนการพิมพ์ออกหน้าจอ")


def _line(signer: "Signer") -> list[str]:
    from .exchange.signing import HOW_LEARNT, fingerprint_groups  # loaded with the command, as in run()

    # The name came in a file: shown escaped (a line break in it would forge a line of ours).
    # Who the key is here (senders.of_key: school, supervisor, office, an office it claims), its
    # computer's name only after it: alone, "vm" on every laptop (s33).
    sender = signer.sender
    known = sender is not None and bool(sender.schools or sender.visitors or sender.offices or sender.claimed)
    who = "เครื่องนี้" if signer.is_own else (for_terminal(sender.with_machine()) if known and sender is not None
                                             else for_terminal(signer.name) or "ไม่ทราบชื่อ")
    lines = [f"{signer.groups}  {who}" + ("  (ทำเครื่องหมายว่าเชื่อถือ)" if signer.trusted and not signer.is_own else "")]
    # All 16 groups, as --bind takes them: bound by these, a laptop never seen here owns the school at
    # once; by the 8 groups above, the binding waits for its first file (exchange/waiting.py).
    lines.append(f"    ลายนิ้วมือเต็ม {fingerprint_groups(signer.fingerprint, full=True)}")
    if signer.installation_id:
        lines.append(f"    เครื่อง {signer.installation_id}")
    owns = ", ".join(signer.schools) if signer.schools else "ไม่มี"
    lines.append(f"    แก้ไขข้อมูลของโรงเรียน: {owns}; การนิเทศที่เครื่องนี้บันทึก: {signer.visits}")
    for code, how in signer.bindings:
        lines.append(f"      {code}: {HOW_LEARNT.get(how, how)}")
    if signer.same_school:  # what its word moved here, which --forget takes back (test28 N3)
        lines.append(SAME_SCHOOL_WORD.format(codes=", ".join(signer.same_school)))
    return lines


def run(args: argparse.Namespace, out: TextIO) -> int:
    """List, bind or unbind; the list (or its JSON) goes to ``out``, or with ``--out FILE`` to that
    file in UTF-8 while ``out`` gets the file's path. Raises
    :class:`~qualityschool_desktop.errors.QualitySchoolError` for the caller to report:
    ``ExchangeError`` for a bad fingerprint, an unknown school or an old key with no visits known
    here, ``ValidationError`` for ``--bind``/``--unbind`` without ``--school`` (or ``--visits-of``),
    ``--visits-of`` without ``--bind`` or with ``--school``, or ``--out`` with a change, and
    :data:`~qualityschool_desktop.cli_output.OUT_NOT_WRITTEN` when the file cannot be written."""
    from .errors import ValidationError
    from . import paths
    from .exchange import bindings, forgotten, rejudge
    from .exchange.advice import db_argument
    from .exchange.waiting import WaitingBinding
    from .thai import format_moment
    from .workspace import Workspace  # the database layer loads only when a command needs it

    if getattr(args, "office", None) or (args.unbind and getattr(args, "area_office", None)):
        return _bind_office(args, out)
    visits_of = getattr(args, "visits_of", None)
    if visits_of and (not args.bind or args.school):
        raise ValidationError(VISITS_OF_NEEDS_BIND)
    if (args.bind or args.unbind) and not args.school and not visits_of:
        raise ValidationError(NEED_SCHOOL)
    out_file: Path | None = getattr(args, "out", None)
    if out_file is not None and (args.bind or args.unbind or args.forget):
        raise ValidationError(OUT_IS_FOR_THE_LIST)
    if args.forget:
        with Workspace.open(args.command_db) as workspace:
            taken = bindings.forget(workspace, args.forget)
        if taken.already:
            print(ALREADY_FORGOTTEN.format(fingerprint=args.forget, at=format_moment(taken.already)), file=out)
            return EXIT_OK
        print((FORGOTTEN_BOUND if taken.unbound else FORGOTTEN).format(fingerprint=args.forget), file=out)
        for sentence in taken.sentences():  # the schools unbound, what its mappings moved, counted (as the window)
            print(sentence, file=out)
            if taken.unbound and sentence.template == forgotten.UNBOUND:
                for code in taken.unbound:
                    print(BIND_AGAIN.format(code=code, command=paths.command(), db=db_argument(workspace),
                                            fingerprint=for_terminal(args.forget)), file=out)
        return EXIT_OK
    if args.bind or args.unbind:
        with Workspace.open(args.command_db) as workspace:
            if visits_of:
                signer = bindings.bind_visits(workspace, args.bind, visits_of)
                print(VISITS_BOUND.format(old=for_terminal(visits_of), groups=signer.groups, count=signer.visits),
                      file=out)
            else:
                doubt = bindings.bind_doubt(workspace, args.bind, args.school) if args.bind else []
                if doubt and not getattr(args, "confirm_school_laptop", False):
                    raise ValidationError(" ".join([*doubt, CONFIRM_SCHOOL_LAPTOP]))  # test33 T8
                # Read before the bind: the keys the school is bound to already, which it adds a laptop beside (N2).
                beside = bindings.bound_already(workspace, args.bind, args.school) if args.bind else []
                done = (rejudge.bind if args.bind else bindings.unbind)(workspace, args.bind or args.unbind, args.school)
                if isinstance(done, WaitingBinding):
                    said = WAITING_BOUND if args.bind else WAITING_UNBOUND
                    print(said.format(groups=done.groups, code=done.school_code), file=out)
                    if beside:
                        print(bindings.already_bound_sentence(beside), file=out)
                    return EXIT_OK
                signer = done
                print((BOUND if args.bind else UNBOUND).format(groups=signer.groups, code=args.school), file=out)
                for line in signer.rejudged.lines() if signer.rejudged else ():
                    print(line, file=out)  # what the bind did to this key's waiting changes (retest30 N1)
                if beside:
                    print(bindings.already_bound_sentence(beside), file=out)
            for line in _line(signer):
                print(line, file=out)
        return EXIT_OK
    listing = io.StringIO() if out_file is not None else out
    waiting: list[WaitingBinding] = []
    with Workspace.open(args.command_db, read_only=True) as workspace:
        if args.json:
            waiting_data = [{"fingerprint_prefix": w.prefix, "groups": w.groups, "school": w.school_code,
                             "bound_by": w.bound_by, "bound_by_name": w.bound_by_name, "bound_at": w.bound_at}
                            for w in bindings.list_waiting(workspace)]
            json.dump({"signers": bindings.signers_as_data(workspace), "waiting": waiting_data}, listing,
                      ensure_ascii=False, indent=2)
            listing.write("\n")
            found = None
        else:
            found = bindings.list_signers(workspace, include_own=True)
            waiting = bindings.list_waiting(workspace)
    if found is not None:
        for signer in found:
            for line in _line(signer):
                print(line, file=listing)
        if len(found) == 1 and not waiting:
            print(NONE, file=listing)
        if waiting:
            print(WAITING_HEADER, file=listing)
        for entry in waiting:
            print("    " + WAITING_LINE.format(groups=entry.groups, code=entry.school_code or "-",
                                             by=for_terminal(entry.bound_by_name) or entry.bound_by[:8],
                                             at=format_moment(entry.bound_at)), file=listing)
        print(TRUSTED_IS_A_LABEL, file=listing)
    if out_file is not None:
        # A file of our own, in UTF-8 whatever the console's code page; stdout says where it went.
        write_utf8(out_file, cast(io.StringIO, listing).getvalue())
        print(out_file, file=out)
    return EXIT_OK


def _bind_office(args: argparse.Namespace, out: TextIO) -> int:
    from .errors import ValidationError
    from .exchange.signing import fingerprint_groups
    from .exchange import rejudge
    from .review import offices
    from .workspace import Workspace

    if not args.area_office:
        raise ValidationError(NEED_AREA)
    if getattr(args, "out", None) is not None:
        raise ValidationError(OUT_IS_FOR_THE_LIST)
    with Workspace.open(args.command_db) as workspace:
        if not getattr(args, "office", None):  # --unbind FINGERPRINT --area-office NAME
            full = offices.unbind(workspace, args.unbind, args.area_office)
            print(OFFICE_UNBOUND.format(groups=fingerprint_groups(full), area=args.area_office.strip()), file=out)
            return EXIT_OK
        full, rejudged = rejudge.bind_office(workspace, args.office, args.area_office)
    print(OFFICE_BOUND.format(groups=fingerprint_groups(full), area=args.area_office.strip()), file=out)
    if rejudged.applied:
        print(OFFICE_REJUDGED.format(count=f"{rejudged.applied:,}"), file=out)
    return EXIT_OK
