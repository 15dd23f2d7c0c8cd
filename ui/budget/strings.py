"""Thai strings of the budget pages (คำขอรับการสนับสนุนงบประมาณ, seed 001 section ๔)."""

from __future__ import annotations

TAB = "คำของบประมาณ"
YEAR = "ปีงบประมาณ"
HINT = ("รายการที่ขอรับการสนับสนุนงบประมาณของโรงเรียน ตามเกณฑ์ครุภัณฑ์ไม่เกิน ๓ รายการ"
        " ที่ดินและสิ่งก่อสร้างไม่เกิน ๒ รายการ · แก้ไขในตารางได้ทันที บันทึกให้อัตโนมัติ")
HEADERS = ("ลำดับ", "ประเภทรายการ", "รายการ", "จำนวน", "หน่วยนับ", "ราคาต่อหน่วย (บาท)", "จำนวนเงิน (บาท)",
           "งบผูกพัน (ปี)", "องค์ประกอบ/ประเด็น", "เหตุผลความจำเป็น")
# The table's headings on two lines where the column is narrower than the heading's one line.
TWO_LINE_HEADINGS = {"ราคาต่อหน่วย (บาท)": "ราคาต่อหน่วย\n(บาท)", "จำนวนเงิน (บาท)": "จำนวนเงิน\n(บาท)",
                     "งบผูกพัน (ปี)": "งบผูกพัน\n(ปี)", "องค์ประกอบ/ประเด็น": "องค์ประกอบ/\nประเด็น",
                     "ประเภทรายการ": "ประเภท\nรายการ", "เหตุผลความจำเป็น": "เหตุผล\nความจำเป็น"}
EMPTY = "ยังไม่มีรายการคำของบประมาณของปีนี้ กรอกรายการด้านล่างแล้วกด \"เพิ่มรายการ\""
NEW_DESCRIPTION = "รายการ เช่น ชุดคอมพิวเตอร์สำหรับห้องเรียน"
NEW_QUANTITY = "จำนวน"
NEW_UNIT = "หน่วยนับ"
NEW_PRICE = "ราคาต่อหน่วย (บาท)"
NEW_YEARS = "จำนวนปี"  # of งบผูกพัน: shown for that kind only
ADD = "เพิ่มรายการ"
REMOVE = "ลบรายการ"
UNDO = "เรียกคืน"
HISTORY = "ประวัติการแก้ไข"
PRINT_SCHOOL = "พิมพ์คำขอ (PDF)"
PRINT_SCHOOL_TIP = "พิมพ์คำขอรับการสนับสนุนงบประมาณของโรงเรียนนี้ ปีงบประมาณที่เลือก เป็นไฟล์ PDF แล้วเปิดดู (Ctrl+P)"
HISTORY_TIP = "การแก้ไขรายการที่เลือก: เมื่อไร เครื่องไหน แก้ช่องใดจากอะไรเป็นอะไร"
HISTORY_TITLE = "ประวัติการแก้ไขคำของบประมาณ"
HISTORY_HEADING = "รายการ: {name} (ปีงบประมาณ {year})"
HISTORY_BLANK = "(ว่าง)"
HISTORY_REMOVED = "ลบ"
HISTORY_RESTORED = "เรียกคืน"
# The fields of an item as its history names them (the table's headings where it has them).
FIELD_NAMES = {"kind": "ประเภทรายการ", "description": "รายการ", "quantity": "จำนวน", "unit": "หน่วยนับ",
               "unit_price_satang": "ราคาต่อหน่วย (บาท)", "span_years": "งบผูกพัน (ปี)",
               "scope_codes": "องค์ประกอบ/ประเด็น", "priority": "ลำดับ", "justification": "เหตุผลความจำเป็น",
               "fiscal_year": "ปีงบประมาณ", "deleted": "ลบ/เรียกคืน",
               # the office's decisions (RETEST14 N2), as the office page's columns name them
               "approved_satang": "อนุมัติ (บาท)", "approval_note": "หมายเหตุของสำนักงาน"}
ADDED = "เพิ่มรายการ “{name}” และบันทึกแล้ว"
SAVED = "บันทึก “{name}” แล้ว"
REMOVED = "ลบรายการ “{name}” แล้ว (กด \"เรียกคืน\" เพื่อยกเลิก)"
RESTORED = "เรียกคืนรายการ “{name}” แล้ว"
UNNAMED = "รายการไม่มีชื่อ"
TOTAL = "รวมทั้งสิ้น {amount} บาท ({words})"
SELECTED = "รายการที่ {number}: {amount} บาท ({words})"
COMMITMENT = " · {note}"  # งบผูกพัน: the whole commitment, and how much of a total it is (try14 F11)
# The office's decision on the selected item: DECIDED, or budget.decided.REFUSED ("ไม่อนุมัติ") for 0.
DECIDED = "อนุมัติ {amount} บาท"
APPROVED = " · สำนักงาน{decision}"
APPROVED_NOTE = " ({note})"
# TEST14 finding 6: an item changed after the office's decision needs a new one.
APPROVED_BEFORE_CHANGE = " · แก้ไขหลังสำนักงาน{decision}: รอสำนักงานพิจารณาใหม่"
NEW_DECISION_TIP = ("รอพิจารณาใหม่: โรงเรียนแก้ไขรายการนี้หลังสำนักงานพิจารณา (เดิม{decision})"
                    " จึงยังไม่นับเป็นยอดอนุมัติ")
NEW_DECISION_TYPE = " พิมพ์จำนวนที่อนุมัติใหม่ในช่องนี้"

# The office's page
OFFICE_ACTION = "คำของบประมาณทุกโรงเรียน"
OFFICE_TITLE = "คำขอรับการสนับสนุนงบประมาณของโรงเรียนคุณภาพ"
AREA_OFFICE = "สำนักงานเขตพื้นที่การศึกษา"
ALL_OFFICES = "ทุกสำนักงานเขตพื้นที่การศึกษา"
PRINT_PDF = "พิมพ์ PDF"
SAVE_XLSX = "บันทึกเป็น Excel"
PDF_TITLE = "พิมพ์คำขอรับการสนับสนุนงบประมาณ"
XLSX_TITLE = "บันทึกคำขอรับการสนับสนุนงบประมาณเป็น Excel"
XLSX_FILTER = "สมุดงาน Excel (*.xlsx)"
OFFICE_EMPTY = "ยังไม่มีโรงเรียนใดส่งคำของบประมาณของปีนี้"
SCHOOL_HEADERS = ("โรงเรียน", "สังกัด", "กลุ่มสี", "รายการ", "ขอ (บาท)", "อนุมัติ (บาท)",
                  "ข้อสังเกต")
TOTALS_HEADERS = ("ยอดรวมตาม", "", "ขอ (บาท)", "อนุมัติ (บาท)")
# The schools' list and the totals as two tabs where the page is too narrow for them side by side (fit34b).
SCHOOLS_TAB = "รายโรงเรียน"
TOTALS_TAB = "ยอดรวม"
BY_OFFICE = "สังกัด"
BY_GROUP = "ประเภท"
BY_BAND = "กลุ่มสี"
GRAND_TOTAL = "รวมทั้งสิ้น {amount} บาท ({words}){commitment} · อนุมัติแล้ว {approved} บาท\n{counted}"
GRAND_PENDING = "รวมทั้งสิ้น {amount} บาท ({words}){commitment} · อนุมัติ: รอพิจารณาทั้ง {items} รายการ"  # nothing decided: no ๐
# The selected school's request and what the office has decided of it (RETEST14 N4), above its items.
SCHOOL_TOTAL = "{name} ปีงบประมาณ {year}: ขอ {asked} บาท{commitment} · อนุมัติแล้ว {approved} บาท · {counted}"
SCHOOL_PENDING = "{name} ปีงบประมาณ {year}: ขอ {asked} บาท{commitment} · อนุมัติ: รอพิจารณาทั้ง {items} รายการ"
OVER_RULES = "เกินเกณฑ์"
APPROVAL_SAVED = "บันทึกผลการอนุมัติแล้ว"
# A refused approval names its school and item: the line stays when another school is chosen (TEST26b F8).
REFUSED_FOR = "{school}, รายการ “{item}”: {reason}"
# The office's own copy of the budget rules (TEST26b F11), worded as the coverage page's.
OFFICE_RULES = "เกณฑ์ของสำนักงาน…"
OFFICE_RULES_TIP = ("สร้างสำเนาเกณฑ์คำขอรับการสนับสนุนงบประมาณไว้ในโฟลเดอร์ข้อมูล เพื่อให้สำนักงานแก้จำนวนรายการสูงสุด"
                    "ตามหนังสือสั่งการปีใหม่ได้ (ไฟล์นี้อยู่ต่อเมื่ออัปเดตโปรแกรม)")
# The bundled rules in words, not the program folder's path (TEST31 T19; the coverage page's F6d).
RULES_BUNDLED = ("ใช้เกณฑ์ตามค่าเริ่มต้นของโปรแกรม (ตามเอกสารต้นทาง) — สำนักงานปรับจำนวนรายการสูงสุดได้"
                 " ด้วยปุ่ม \"เกณฑ์ของสำนักงาน…\"")
RULES_OFFICE = "ใช้เกณฑ์ของสำนักงานจากไฟล์ {path}"
RULES_MADE = "เกณฑ์ของสำนักงานอยู่ที่ {path} — แก้ไฟล์นี้ด้วยโปรแกรมแก้ไขข้อความ แล้วเปิดหน้านี้ใหม่"
RULES_REFUSED = "{why} — ใช้เกณฑ์ตามค่าเริ่มต้นของโปรแกรมไปก่อน"

# TEST31 T15: what "(รอ ๒)" after an approved total means, on the approved columns' headings.
APPROVED_HEADING_TIP = ("ยอดที่สำนักงานอนุมัติแล้ว “(รอ ๒)” หมายถึง ยังมีอีก ๒ รายการรอสำนักงานพิจารณา"
                        " ซึ่งไม่นับรวมในยอดนี้")
