"""A Thai sample document: the hard cases of Thai typesetting plus the checklist's own texts.

Used by the typesetting tests and benchmark, and fit for a self-test of a frozen build (it needs
only the bundled checklist and fonts).
"""

from __future__ import annotations

import json
from typing import Iterator

from .. import paths

# Stacked marks, ำ, upper vowels with tone marks, descenders, Thai digits, Latin and ๆ/ฯ.
HARD_WORDS = (
    "ที่ ผู้ น้ำ ป้า ปู่ เป็น ยึดมั่น ญี่ปุ่น ฐานข้อมูล กำลังพัฒนา ฎีกา ฏิ ฤๅษี ปั้น ฝั่ง ฟื้นฟู ๑๒๓"
)
MIXED = (
    'ผลการทดสอบระดับชาติขั้นพื้นฐาน "O-NET" ปีการศึกษา 2567 ของนักเรียนชั้น ม.3 เพิ่มขึ้นร้อยละ 4.25 '
    "จากปีก่อน โรงเรียนจัดกิจกรรมต่าง ๆ อย่างสม่ำเสมอ เช่น การอ่าน การเขียน การคิดวิเคราะห์ ฯลฯ "
    "ครูแต่ละคนใช้เทคโนโลยีดิจิทัลในการจัดการเรียนรู้ทุกวันๆ และรายงานผลผ่านระบบ DMC ทุกภาคเรียน "
    # As text arrives copied out of PDFs and file names: sara am in two characters, Thai-digit
    # dates and document numbers, a file name with a dot after Thai letters.
    "ประชุมวันที่ ๒๓/๑๑/๒๕๖๙ ตามหนังสือ ศธ ๐๔๒๓๗/๑๒๓๔ ฉบับที่ ๒/๒๕๖๙ นักเรียนแต่งกายด้วยกางเกงสีด\u0e4d\u0e32"
    "ตามระเบียบ แนบไฟล์ตรวจสอบอาคาร.pdf"
)


def checklist_texts() -> list[str]:
    """Every item text and level descriptor of the bundled checklist (74 items), in order."""
    data = json.loads(paths.resource_path("frameworks", "obec-quality-school-2567.1.json").read_text("utf-8"))
    texts: list[str] = []
    for component in data["components"]:
        texts.append(component["title"])
        for indicator in component["indicators"]:
            texts.append(indicator["title"])
            for item in indicator["items"]:
                texts.append(item["text"])
    texts.extend(level["descriptor"] for level in data["levels"])
    return texts


def sample_paragraphs(repeat: int = 1) -> Iterator[str]:
    """Paragraphs of the sample: short hard ones, then long ones made of checklist texts (long
    enough to run across a page break)."""
    texts = checklist_texts()
    for _ in range(repeat):
        yield HARD_WORDS
        yield MIXED
        for start in range(0, len(texts), 12):
            yield " ".join(texts[start:start + 12])
        yield " ".join(texts)
