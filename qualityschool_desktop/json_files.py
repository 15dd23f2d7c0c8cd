"""Reading a JSON file that people edit by hand (rules files, checklists, form layouts), with Thai
messages that say where the file is wrong and how to mend it (try11a #10, TEST14 s24 F13: the JSON
library's English "Expecting property name enclosed in double quotes" reached the user)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import ValidationError, file_reason


# json's messages (``JSONDecodeError.msg``, by their start) in Thai, with the usual cause.
_REASONS = (
    ("Expecting property name", "ต้องเป็นชื่อช่องในเครื่องหมาย \" \" (มักเป็นจุลภาคเกินก่อนเครื่องหมาย } )"),
    ("Expecting ',' delimiter", "ขาดเครื่องหมายจุลภาค , คั่นรายการ"),
    ("Expecting ':' delimiter", "ขาดเครื่องหมาย : หลังชื่อช่อง"),
    ("Expecting value", "ไม่มีค่าตรงนี้ (ไฟล์ว่าง จุลภาคเกินก่อนเครื่องหมาย ] หรือข้อความที่ไม่อยู่ในเครื่องหมาย \" \")"),
    ("Unterminated string", "ข้อความไม่มีเครื่องหมาย \" ปิดท้าย"),
    ("Invalid control character", "มีการขึ้นบรรทัดใหม่หรืออักขระควบคุมอยู่ในข้อความ (ใช้ \\n แทนการขึ้นบรรทัดใหม่)"),
    ("Extra data", "มีข้อมูลเกินต่อจากข้อมูลชุดแรก"),
    ("Invalid \\escape", "ใช้เครื่องหมาย \\ ผิดรูปแบบ (เขียน \\\\ เมื่อต้องการ \\ หนึ่งตัว)"),
)
NOT_UTF8 = ("ไม่ใช่ข้อความ UTF-8: เปิดไฟล์ด้วย Notepad แล้วเลือก \"บันทึกเป็น\" (Save As) และการเข้ารหัส \"UTF-8\""
            " แล้วบันทึกทับ")
BAD_FILE = "ไฟล์{what} {path}: {where}{problem}"


def json_reason(error: json.JSONDecodeError) -> str:
    """``error`` in Thai: what is wrong at its place (no English)."""
    for start, thai in _REASONS:
        if error.msg.startswith(start):
            return thai
    return "รูปแบบ JSON ไม่ถูกต้อง"


def _encoding(data: bytes) -> str:
    """The encoding ``data`` is in: UTF-16 by its BOM, or without one (some editors write it so)
    when NUL bytes fill every other place (JSON text never holds a NUL, and the ASCII of ``{"`` in
    UTF-16 has one beside each character: read as UTF-8 it misled as a missing quote, TEST25 #11);
    otherwise UTF-8 with or without its BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(data) % 2 == 0 and b"\x00" in data:
        odd, even = data[1::2].count(0), data[0::2].count(0)
        return "utf-16-le" if odd > even else "utf-16-be"
    return "utf-8-sig"


def read_json(path: Path, what: str) -> Any:
    """The data of the JSON file ``path`` (UTF-8 with or without BOM, or UTF-16 with its BOM as
    Notepad's "Unicode" writes it, or without it). ``what`` names the file for people ("เกณฑ์คำของบประมาณ").
    Raises :class:`ValidationError` in Thai naming the file's full path, the line and column and
    what is wrong there, or how to save the file as UTF-8."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(BAD_FILE.format(what=what, path=path, where="", problem=f"อ่านไม่ได้ ({file_reason(exc)})")) from None
    try:
        text = data.decode(_encoding(data))
    except UnicodeDecodeError:
        raise ValidationError(BAD_FILE.format(what=what, path=path, where="", problem=NOT_UTF8)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"บรรทัด {exc.lineno} ตำแหน่ง {exc.colno}: "
        raise ValidationError(BAD_FILE.format(what=what, path=path, where=where, problem=json_reason(exc))) from None
