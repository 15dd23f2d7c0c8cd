"""The programme's compound words that must never part at a line end, in one place.

Thai lines break between words, and the words come from a dictionary: pythainlp's for the reports
(:mod:`.typeset.segment`), libthai's for Qt's word-wrapped labels. Neither knows every term the
seeds and the forms use as one word, and a money term broken in the middle reads as two words
("เบิก / จ่ายจริง", "ปี / งบประมาณ": s33 V1, V3). Every word here is

- added to the dictionary pythainlp's ``newmm`` tokenizer segments the reports with (so a line breaks
  before or after it, and an over-long unit is cut between such words first), and
- held whole in a word-wrapped label (``ui.common.wrapping``), where Qt's own breaker may split it.

Add a term here, not as a special case where it is printed. No Qt, no pythainlp import (cheap to
import from the window).
"""

from __future__ import annotations

__all__ = ["COMPOUNDS", "SEGMENTED_WHOLE"]

COMPOUNDS: frozenset[str] = frozenset((
    # money (seed 004's planned vs. disbursed budget; seed 000/001's budget requests)
    "งบประมาณ", "ปีงบประมาณ", "เบิกจ่าย", "เบิกจ่ายจริง", "งบดำเนินการ", "งบลงทุน", "งบผูกพัน",
    "ค่าใช้จ่าย", "วงเงิน", "ครุภัณฑ์", "สิ่งก่อสร้าง",
    # the year, the plan's table headings (TEST32b B16) and the forms' words
    "ปีการศึกษา", "ค่าฐาน", "หน่วยนับ", "ค่าเป้าหมาย", "ตัวชี้วัด", "กลุ่มสาระ",
    "องค์ประกอบ", "อยู่ในเกณฑ์มาตรฐาน", "ต้องเร่งพัฒนา", "มีความพร้อม", "ศึกษานิเทศก์", "ผู้อำนวยการ", "สถานศึกษา", "ตรวจราชการ",
))

# Kept whole where our own breaker wraps (the reports, the command line's help: it wrapped "นำ / เข้า" and
# "เครื่อง / นี้"), not marked in Qt's labels, whose breaker keeps them (and whose text tests and
# users copy out without marks).
SEGMENTED_WHOLE: frozenset[str] = frozenset(("นำเข้า", "ส่งออก", "เครื่องนี้"))
