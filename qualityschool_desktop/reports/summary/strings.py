"""The summary's Thai words that more than its PDF uses: the messages the data module raises, the
sentences :mod:`.wording` writes for both the PDF and the tables, and the tables' titles and
headers. (What only the printed form says, in the PDF and the Word copy, sits in :mod:`.form_words`.)"""

from __future__ import annotations

from ...review import status_label

# -- messages (raised by .data) ---------------------------------------------------------------------
NOTHING_TO_REPORT = "ไม่มีโรงเรียนใดส่งผลการประเมินปีงบประมาณ {year} รอบที่ {round}{where} จึงยังไม่มีข้อมูลสำหรับสรุปรายงาน"
# ... and some were sent back to be revised (TEST32b: the summary printed before a return, not after).
RETURNED_ONLY = " (ส่งกลับแก้ไขแล้ว {count} โรงเรียน: นับเมื่อโรงเรียนแก้ไขและส่งมาใหม่)"
NO_SCHOOLS = "ไม่พบโรงเรียน{where}ในฐานข้อมูลนี้"
WHERE_OFFICE = " สังกัด{office}"
WHERE_PROVINCE = " จังหวัด{province}"
WHERE_LEVEL = " ระดับ{level}"

# -- the file name ----------------------------------------------------------------------------------
FILE_PREFIX = "สรุปผลการตรวจราชการ-โรงเรียนคุณภาพ"
BY_OFFICE_NAME = "แยกเขตพื้นที่"

# -- sentences (.wording) ---------------------------------------------------------------------------
COMPONENT_CELL = "ด้านที่ {code} {title}"  # the title without its own leading ด้าน (thai.short_title)
# A suggested 6.3 problem from recommendations written with no point to develop: the component alone
# read as the problem (TEST32b B17).
ADVICE_WITHOUT_POINT = "ด้านที่ {code} {title} (บันทึกการนิเทศไม่ได้ระบุจุดที่ควรพัฒนา)"
COUNT_SCHOOLS = "{text} ({count} โรงเรียน)"
EXPECT_URGENT = "โรงเรียนกลุ่มต้องเร่งพัฒนาด้านนี้ {count} โรงเรียน ขยับขึ้นสู่กลุ่มอยู่ในเกณฑ์มาตรฐานในรอบถัดไป"
EXPECT_READY = "โรงเรียนที่มีความพร้อมด้านนี้เพิ่มขึ้นจาก {count} โรงเรียน"
EXPECT_OPEN = "ข้อตกลงที่ยังไม่เสร็จ {count} รายการ ดำเนินการแล้วเสร็จตามกำหนด"
SITUATION_DEFAULT = (
    "{office} มีโรงเรียนคุณภาพตามนโยบาย “๑ อำเภอ ๑ โรงเรียนคุณภาพ” จำนวน {schools} โรงเรียน ใน {districts} อำเภอ"
    " ส่งผลการประเมินตนเองตามเกณฑ์ ๕ ด้าน ปีงบประมาณ {year} รอบที่ {round} แล้ว {reported} โรงเรียน"
)
# 6.1 when no office name is set (TEST31 T2): the form's label "หน่วยงาน" printed as the subject read
# "หน่วยงาน มีโรงเรียนคุณภาพ…"; the sentence stands without one instead.
SITUATION_NO_OFFICE = (
    "โรงเรียนคุณภาพตามนโยบาย “๑ อำเภอ ๑ โรงเรียนคุณภาพ” ในพื้นที่มีจำนวน {schools} โรงเรียน ใน {districts} อำเภอ"
    " ส่งผลการประเมินตนเองตามเกณฑ์ ๕ ด้าน ปีงบประมาณ {year} รอบที่ {round} แล้ว {reported} โรงเรียน"
)
SITUATION_PENDING = " ยังไม่ส่ง {count} โรงเรียน"
PRACTICE_LINE = "{school} (กลุ่มสี{band} คะแนน {score}): โดดเด่นด้าน{component} ({component_score})"
PRACTICE_STRENGTH = "{school}: {text}"
NONE = "-"
SUB_NUMBERED = "{number} {text}"  # a line of a row's several-line solution: "๑.๒ ควร…"
NUMBERED = "{number}. {text}"  # a 6.3 row's first line (seed 001: "๑. อาคารเรียนมีอายุเกิน ๔๕ ปี")
POLICY = "การลดภาระนักเรียนและผู้ปกครอง"
SERVED_SENTENCE = "{office} มีเขตพื้นที่บริการการศึกษาขั้นพื้นฐาน {count} อำเภอ ได้แก่ {districts}"
NO_QUALITY_SCHOOL = "ไม่มีโรงเรียนคุณภาพ"
MODEL_OFFICE = "โรงเรียนของ {office} คือ"
MODEL_NO_OFFICE = "โรงเรียนต้นแบบ คือ"  # schools without an area office: no placeholder as the owner (T2)
MODEL_LINE = "({number}) อำเภอ{district} {school}"

# -- tables (.tables, and the same cells in .pdf) ---------------------------------------------------
# Table keys and titles: the XLSX sheet names and the CSV file names (Excel allows 31 characters).
TABLE_TITLES = {
    "readiness": "ความพร้อมรายองค์ประกอบ",
    "bands": "กลุ่มสี",
    "schools": "ผลรายโรงเรียน",
    "districts": "โรงเรียนคุณภาพรายอำเภอ",
    "not_reported": "ยังไม่ส่งผล",
    "problems": "ปัญหาและแนวทางแก้ไข",
    "network": "โรงเรียนเครือข่าย",
}
COMPONENT_HEADER = "องค์ประกอบ"
READINESS_TOTAL = "รวม"
BANDS_HEADER = ("กลุ่มสี", "จำนวนโรงเรียน", "ร้อยละ", "รอบก่อน")
SCHOOLS_HEADER = ("ที่", "รหัสโรงเรียน", "โรงเรียน", "อำเภอ", "จังหวัด", "สังกัด", "คะแนนเฉลี่ย", "กลุ่มสี",
                  "คะแนนรอบก่อน", "เปลี่ยนแปลง", "องค์ประกอบที่ควรพัฒนาที่สุด", "คะแนนองค์ประกอบนั้น")
COMPONENT_COLUMN = "ด้านที่ {code}"
DISTRICTS_HEADER = ("สังกัด", "อำเภอ", "รหัสโรงเรียน", "โรงเรียน", "ผลการประเมิน")
NOT_REPORTED_HEADER = ("รหัสโรงเรียน", "โรงเรียน", "อำเภอ", "สังกัด", "สถานะ")
PROBLEMS_HEADER = ("ปัญหา/อุปสรรค", "แนวทางการแก้ไขปัญหา", "ผลที่คาดว่าจะได้รับ")
STATUS_NONE = "ยังไม่ได้เริ่มประเมิน"
STATUS_DRAFT = "กำลังประเมิน (ฉบับร่าง)"
STATUS_RETURNED = status_label("returned")  # the office returned the submission: not a result yet
STATUS_LATE = "ส่งหลังปิดรอบ ({date})"  # submitted after the round's closing date: not this round's result
STATUS_CARRIED = "ยังไม่ส่งผลรอบนี้ (นับด้วยผลล่าสุดจากรอบที่ {round})"
DRAFT_PROGRESS = "{status} ตอบแล้ว {answered} จาก {total} ประเด็น"
NOT_SENT = "ยังไม่ส่งผล"
BAND_CELL = "กลุ่มสี{name}"

# -- the tables' files (.export) ----------------------------------------------------------------------
UNKNOWN_TABLE = "ไม่มีตาราง \"{key}\" (มี: {known})"
EXPORT_NO_FOLDER = "ไม่พบโฟลเดอร์ {folder} กรุณาสร้างโฟลเดอร์ก่อน"

# -- the form's own blocks (.form_blocks, and the Word copy) ------------------------------------------
READINESS_GROUP = "{name} {count} โรงเรียน"
LIST_SOLUTION = "แนวทางการแก้ไขปัญหา: {text}"  # round 1's 3) list: what the office typed beside a problem
LIST_EXPECTED = "ผลที่คาดว่าจะได้รับ: {text}"
NETWORK_CAPTION = "โรงเรียนเครือข่ายของโรงเรียนคุณภาพ"
NETWORK_HEADER = ("โรงเรียนคุณภาพ", "รหัสโรงเรียน", "โรงเรียนเครือข่าย", "นักเรียน", "ครู", "ระยะทาง (กม.)")

# -- one report with a part per area office (.offices, .pdf_offices and the Word copy) -----------------
BY_OFFICE_WITH_OFFICE = (
    "เลือกแยกส่วนตามเขตพื้นที่การศึกษาแล้ว จึงเลือกเฉพาะสังกัด \"{office}\" อีกไม่ได้"
    " (พิมพ์ทุกสังกัดแยกส่วน หรือพิมพ์เฉพาะสังกัดเดียว อย่างใดอย่างหนึ่ง)"
)
CONTENTS = "สารบัญ"
CONTENTS_PAGE = "หน้า"  # over the contents' page numbers
PART_HEADING = "ส่วนที่ {number} {title}"
PART_OVERVIEW = "ภาพรวมทุกเขตพื้นที่การศึกษา"
PART_CONTENTS_LINE = "ส่วนที่ {number} {title} ({count} โรงเรียน)"
PART_OVERVIEW_NOTE = "ส่วนนี้แสดงผลของโรงเรียนคุณภาพทุกสังกัดรวมกัน และข้อความที่สำนักงานเขียนไว้สำหรับรอบนี้"
PART_OFFICE_NOTE = (
    "ส่วนนี้แสดงผลของโรงเรียนคุณภาพสังกัด {office} (จำนวน {count} โรงเรียน) ตามแบบรายงาน"
    " กับข้อความที่เขียนไว้สำหรับสำนักงานนี้ ข้อความของทั้งรายงานอยู่ในส่วนที่ ๑ ภาพรวม"
)
PART_NONE_REPORTED = "ยังไม่มีโรงเรียนคุณภาพสังกัด {office} ส่งผลการประเมินตนเองของรอบนี้ ({count} โรงเรียน):"
