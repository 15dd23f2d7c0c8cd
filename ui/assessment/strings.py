"""The Thai a user reads in the assessment view, the results page, a school's rounds and the
self-assessment printout, in one place.

A wording fix is one edit here. Numbers the user counts with (item counts, scores, levels) are
written with Arabic digits because the level keys 1–5 on the keyboard are Arabic; the fiscal
year and round keep Thai digits, as on the official forms.
"""

from __future__ import annotations

from qualityschool_desktop.field_labels import ANSWER_HISTORY_FIELDS

# -- commands and the breadcrumb -------------------------------------------------------------
PRINT_BUTTON = "พิมพ์รายงาน (PDF)"
PRINT_TIP = "สร้างรายงานการประเมินตนเองของรอบนี้เป็นไฟล์ PDF แล้วเปิดดู (Ctrl+P)"
PRINT_SAVE_TITLE = "บันทึกรายงานการประเมินตนเอง"
CRUMB_RESULTS = "ผลการประเมิน"
TAB_ROUNDS = "การประเมินตนเอง"

# -- the assessment view: header ---------------------------------------------------------
BACK = "‹ ย้อนกลับ"  # as on every page (ui/shell/strings.py BACK_BUTTON)
BACK_TIP = "กลับไปหน้าที่มา (ในหน้านี้ Alt+← คือประเด็นก่อนหน้า)"
NOT_YET = "กลับ"  # the submit question's "no"
YEAR_ROUND = "ปีงบประมาณ {year} รอบที่ {round}"
STATUS = {"draft": "ฉบับร่าง", "submitted": "ส่งแล้ว"}
PROGRESS = "ตอบแล้ว {answered} จาก {total} ประเด็น"
COMPONENT_SHORT = "ด้านที่ {code}"
COMPONENT_PROGRESS_TIP = "{title}\nตอบแล้ว {answered} จาก {total} ประเด็น"
NOTHING_CHANGED_YET = "ทุกการแก้ไขบันทึกทันที"
ALL_ANSWERED = "ตอบครบทุกประเด็นแล้ว"
UNDO = "เลิกทำ"
UNDO_TIP = "นำไฟล์แนบที่เพิ่งนำออกกลับมา"
REMOVED_ATTACHMENT = "นำไฟล์ {name} ออกแล้ว"
SHOW_RESULTS = "ดูผลการประเมิน"
SHOW_RESULTS_TIP = "ดูคะแนนรายด้าน กลุ่มสี และเทียบกับรอบก่อน"
SUBMIT = "ส่งแบบประเมิน"
SUBMIT_TIP = "ส่งแล้วจะแก้ไขไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้ง"
REOPEN = "เปิดแก้ไขอีกครั้ง"
REOPEN_TIP = "ให้กลับมาแก้ไขคำตอบได้ (สถานะจะกลับเป็นฉบับร่าง)"
SUBMITTED_NOTICE = "แบบประเมินนี้ส่งแล้ว จึงแสดงเพื่ออ่านอย่างเดียว หากต้องการแก้ไขให้กด \"เปิดแก้ไขอีกครั้ง\""
SUBMIT_CONFIRM_TITLE = "ส่งแบบประเมิน"
SUBMIT_CONFIRM_WARNINGS = "ยังมีเรื่องที่ควรตรวจสอบ {count} เรื่อง:"
SUBMIT_CONFIRM_MORE = "และอีก {count} เรื่อง"
SUBMIT_CONFIRM_QUESTION = "ต้องการส่งแบบประเมินตอนนี้เลยหรือไม่? (ส่งแล้วยังเปิดแก้ไขอีกครั้งได้)"
SUBMIT_CONFIRM_PLAIN = "ต้องการส่งแบบประเมินรอบนี้หรือไม่? ส่งแล้วจะแก้ไขไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้ง"
SUBMITTED_DONE = "ส่งแบบประเมินแล้ว ✓ {time}"
REOPENED_DONE = "เปิดแก้ไขอีกครั้งแล้ว ✓ {time}"
REOPEN_CONFIRM_TITLE = "เปิดแก้ไขอีกครั้ง"
REOPEN_CONFIRM = "แบบประเมินรอบนี้ส่งแล้ว ต้องการเปิดให้แก้ไขอีกครั้งหรือไม่? สถานะจะกลับเป็นฉบับร่าง และต้องส่งใหม่อีกครั้ง"
KEEP_SUBMITTED = "ไม่เปิด"

# -- the round's details (collapsible form) ------------------------------------------------
DETAILS_TOGGLE = "รายละเอียดการประเมิน"
DETAILS_TOGGLE_TIP = "วันที่ประเมิน ชื่อและตำแหน่งผู้ประเมิน"
DETAILS_DATE = "วันที่ประเมิน"
DETAILS_DATE_UNSET = "ยังไม่ระบุ"
DETAILS_NAME = "ชื่อผู้ประเมิน"
DETAILS_NAME_PLACEHOLDER = "เช่น นายสมชาย ใจดี"
DETAILS_ROLE = "ตำแหน่ง"

# -- the navigation tree -----------------------------------------------------------------
TREE_HEADER = ("ประเด็นการประเมิน", "สถานะ")
TREE_COUNT = "{answered}/{total}"
MARK_ANSWERED = "✓"
MARK_NOT_APPLICABLE = "–"
MARK_EMPTY = "○"
MARK_TIPS = {
    "answered": "ตอบแล้ว",
    "not_applicable": "ไม่เกี่ยวข้อง (ไม่นำมาคิดคะแนน)",
    "empty": "ยังไม่ได้ตอบ",
}
COMPONENT_ROW = "{code}. {title}"
INDICATOR_ROW = "{code} {title}"
ITEM_ROW = "{code} {title}"

# -- the item panel ----------------------------------------------------------------------
ITEM_HEADING = "ประเด็น {code} {title}"
# The item's number on the official form beside ours, so staff can find it on the paper form.
ITEM_HEADING_OFFICIAL = "ประเด็น {code} ({official}) {title}"
OFFICIAL_NUMBER = "แบบรายงานข้อ {number}"
# Under a statement cut to two lines in a short panel (125 %, 150 %), and to cut it again.
WHOLE_TEXT = "อ่านข้อความทั้งหมด ▾"
SHORT_TEXT = "ย่อข้อความ ▴"
ITEM_PLACE = "องค์ประกอบที่ {component_code} {component}  ›  ตัวชี้วัด {indicator_code} {indicator}"
ITEM_TEXT_HEADING = "ประเด็นการพิจารณา"
LEVELS_HEADING = "เลือกระดับคุณภาพ (กดเลข 1–5 บนแป้นพิมพ์ได้)"
# The heading where the panel is shorter still (150 %): the keys' hint is its tooltip.
LEVELS_HEADING_SHORT = "เลือกระดับคุณภาพ"
LEVELS_HINT = "กดเลข 1–5 บนแป้นพิมพ์เพื่อเลือกระดับได้"
LEVEL_CHOICE = "ระดับ {value}  {label}"
NOT_APPLICABLE = "ไม่เกี่ยวข้อง (ไม่นำมาคิดคะแนน)"
NOT_APPLICABLE_TIP = "ใช้เมื่อประเด็นนี้ไม่เกี่ยวกับโรงเรียน เช่น โรงเรียนไม่มีหอพัก"
NA_REASON_PLACEHOLDER = "เหตุผลที่ไม่เกี่ยวข้อง เช่น โรงเรียนไม่มีหอพักนักเรียน"
EVIDENCE_HEADING = "หลักฐาน/ร่องรอยการดำเนินงาน"
EVIDENCE_PLACEHOLDER = "เช่น โครงการ รายงานผล ภาพถ่ายกิจกรรม คำสั่งแต่งตั้ง ผลการประเมิน"
NOTE_HEADING = "บันทึกเพิ่มเติม"
NOTE_PLACEHOLDER = "ข้อสังเกตหรือสิ่งที่ต้องทำต่อ (ไม่บังคับ)"
ATTACHMENTS_HEADING = "ไฟล์หลักฐานที่แนบ"
ATTACHMENTS_EMPTY = "ยังไม่มีไฟล์แนบ"
ATTACH = "แนบไฟล์…"
ATTACH_TIP = "เลือกไฟล์หลักฐาน (เช่น PDF รูปภาพ) โปรแกรมจะเก็บสำเนาไว้ในเครื่อง"
ATTACH_DIALOG = "เลือกไฟล์หลักฐาน"
OPEN_ATTACHMENT = "เปิด"
OPEN_ATTACHMENT_TIP = "เปิดไฟล์ที่เลือกด้วยโปรแกรมในเครื่อง"
REMOVE_ATTACHMENT = "นำออก"
REMOVE_ATTACHMENT_TIP = "นำไฟล์ที่เลือกออกจากประเด็นนี้ (กดเลิกทำได้)"
OPEN_FAILED = ("เปิดไฟล์ {name} ไม่ได้ เพราะเครื่องนี้ไม่มีโปรแกรมที่เปิดไฟล์ชนิดนี้ได้"
               " กด \"เปิดโฟลเดอร์\" แล้วเปิดไฟล์ด้วยโปรแกรมที่ต้องการ")
OPEN_FAILED_BECAUSE = "เปิดไฟล์ไม่ได้: {reason}"
ATTACHMENT_ROW = "{name}  ({size})"

# -- navigation --------------------------------------------------------------------------
PREVIOUS = "‹ ก่อนหน้า"
PREVIOUS_TIP = "ประเด็นก่อนหน้า (Ctrl+PgUp, Alt+↑ หรือ Alt+←)"
NEXT = "ถัดไป ›"
NEXT_TIP = "ประเด็นถัดไป (Ctrl+PgDown, Alt+↓ หรือ Alt+→)"
NEXT_EMPTY = "ไปข้อที่ยังไม่ตอบ"
NEXT_EMPTY_TIP = "ไปประเด็นถัดไปที่ยังไม่ได้ตอบ (Ctrl+Shift+N)"
POSITION = "ประเด็นที่ {index} จาก {total}"

# -- the results page --------------------------------------------------------------------
RESULTS_TITLE = "ผลการประเมินตนเอง"
EDIT_ANSWERS = "แก้ไขคำตอบ"
EDIT_ANSWERS_TIP = "กลับไปที่แบบประเมินรอบนี้"
OVERALL_HEADING = "ผลรวมทุกด้าน"
OVERALL_SCORE_TIP = "ค่าเฉลี่ยระดับคุณภาพ (1.00–5.00)"
BAND_CHIP = "กลุ่มสี{name}"
BAND_NONE = "ยังไม่มีผล"
PROVISIONAL = (
    "ยังตอบไม่ครบ (ตอบแล้ว {answered} จาก {total} ประเด็น) ผลนี้จึงเป็นผลเบื้องต้น "
    "กลุ่มสีอาจเปลี่ยนเมื่อตอบครบ"
)
PROVISIONAL_CHIP = "(เบื้องต้น)"
COMPLETE = "ตอบครบ {total} ประเด็น"
PREVIOUS_ROUND = "รอบก่อน: ปีงบประมาณ {year} รอบที่ {round}"
PREVIOUS_ROUND_SUMMARY = "รอบก่อน (ปีงบประมาณ {year} รอบที่ {round}) ได้ {score} {label}"
NO_PREVIOUS_ROUND = "ยังไม่มีรอบก่อนให้เทียบ"
TABLE_HEADERS = ("องค์ประกอบ", "รอบก่อน", "รอบนี้", "เปลี่ยนแปลง", "ระดับ", "กลุ่มความพร้อม", "ตอบแล้ว")
TABLE_OVERALL = "รวมทุกด้าน"
CHANGE_UP = "▲ +{delta}"
CHANGE_DOWN = "▼ −{delta}"
CHANGE_SAME = "= 0.00"
CHANGE_NONE = "–"
ANSWERED_OF = "{answered}/{total}"
CHART_HEADING = "คะแนนรายด้านเทียบกับรอบก่อน"
CHART_THIS_ROUND = "รอบนี้"
CHART_PREVIOUS_ROUND = "รอบก่อน"
CHART_EMPTY = "ยังไม่มีคะแนน"
WEAKEST_HEADING = "ประเด็นที่ควรพัฒนาก่อน"
WEAKEST_HINT = "คลิกที่ประเด็นเพื่อไปแก้ไข"
CRITERIA_HEADING = "เกณฑ์ที่ใช้จัดกลุ่ม"
CRITERIA_BANDS = "กลุ่มสี (จากคะแนนรวม)"
CRITERIA_READINESS = "กลุ่มความพร้อม (จากคะแนนแต่ละด้าน)"
# The level word and the readiness group read the same score on two scales (TEST32b B15).
CRITERIA_LEVELS = "ระดับคุณภาพ (คะแนนเฉลี่ยอ่านเป็นคำ ตามมาตรฐาน ๕ ระดับ)"
CRITERIA_GAP = "คะแนน {low}–{high} ได้ระดับ “{level}” แต่อยู่ในกลุ่ม “{group}” (กลุ่ม “{next}” เริ่มที่ {min})"
CRITERIA_GAPS = "ระดับคุณภาพกับกลุ่มความพร้อมใช้เกณฑ์ต่างกัน คะแนนเดียวกันจึงอ่านได้ดังนี้{gaps}"
LEVEL_HEADER_TIP = "ระดับคุณภาพ: คะแนนเฉลี่ยของด้านอ่านเป็นคำตามมาตรฐาน ๕ ระดับ ({ranges})"
READINESS_HEADER_TIP = "กลุ่มความพร้อมตามเกณฑ์ของสำนักงาน ({ranges}) ใช้เกณฑ์ต่างจากระดับคุณภาพ"
CRITERIA_AT_LEAST = "{name} ≥ {min}"
CRITERIA_BELOW = "{name} < {min}"
CRITERIA_NOTE = "ค่าเกณฑ์มาจากไฟล์เกณฑ์การประเมิน {title} ฉบับ {version}"
WEAKEST_HEADERS = ("รหัส", "ประเด็น", "ระดับที่ได้")
WEAKEST_EMPTY = "ไม่มีประเด็นที่ต่ำกว่าระดับสูงสุด"
WEAKEST_ROW = "{code}  {title}"
WEAKEST_LEVEL = "ระดับ {level} {label}"

# The answer history of one item (history_dialog.py, issue 11).
HISTORY_BUTTON = "ประวัติ"
HISTORY_TIP = "ประวัติการแก้ไขประเด็นนี้: แก้อะไร เมื่อใด ที่เครื่องใด (Ctrl+H)"
HISTORY_TITLE = "ประวัติการแก้ไข"
HISTORY_HEADING = "ประวัติการแก้ไขประเด็น {number} {title} (ล่าสุดอยู่บนสุด)"
HISTORY_NONE = "ยังไม่มีประวัติการแก้ไขประเด็นนี้"
HISTORY_COLUMNS = ("เมื่อ", "เครื่องที่แก้ไข", "ช่องที่แก้ไข", "ค่าใหม่")
HISTORY_FIELDS = ANSWER_HISTORY_FIELDS
HISTORY_THIS_LAPTOP = "เครื่องนี้"
HISTORY_LAPTOP = "เครื่อง {id}…"
HISTORY_LEVEL_CLEARED = "ล้างระดับที่เลือก"
HISTORY_NA_ON = "ทำเครื่องหมายว่าไม่เกี่ยวข้อง"
HISTORY_NA_OFF = "ยกเลิกเครื่องหมายไม่เกี่ยวข้อง"
HISTORY_ATTACHED = "แนบไฟล์ {name}"
HISTORY_DETACHED = "นำไฟล์ {name} ออก"
HISTORY_TEXT_CLEARED = "(ลบข้อความทั้งหมด)"
HISTORY_TYPED = "พิมพ์ว่า “{typed}”"
# A change made on the round typed for the school before its own file came (try27 F5).
HISTORY_TYPED_ROUND = "(บันทึกในรายการที่พิมพ์แทนโรงเรียน ก่อนได้รับไฟล์ของโรงเรียนเอง)"
HISTORY_CLOSE = "ปิด"
