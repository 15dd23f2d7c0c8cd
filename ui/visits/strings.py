"""The Thai a user reads in the supervision visit view and the school's visit list, in one place.

Levels the supervisor picks with the keyboard are written with Arabic digits (as in the
assessment view); dates follow the Buddhist Era as people write them.
"""

from __future__ import annotations

from qualityschool_desktop.comparison import AGREE_COMPONENT, AGREE_ITEM

# -- the school page: visits tab -----------------------------------------------------------
TAB_VISITS = "การนิเทศ ติดตาม"
VISITS_TITLE = "การนิเทศ ติดตาม"
NEW_VISIT = "บันทึกการนิเทศครั้งใหม่"
NEW_VISIT_TIP = "เริ่มบันทึกการนิเทศวันนี้ โดยทบทวนผลการประเมินตนเองรอบล่าสุดของโรงเรียน"
OPEN_VISIT = "เปิด"
OPEN_VISIT_TIP = "เปิดบันทึกการนิเทศที่เลือก (Enter)"
VISIT_HEADERS = ("วันที่นิเทศ", "รูปแบบ", "คณะนิเทศ", "สถานะ", "ข้อตกลงที่ยังไม่เสร็จ")
NO_VISITS = "ยังไม่มีบันทึกการนิเทศ กด “บันทึกการนิเทศครั้งใหม่” เพื่อเริ่มบันทึก"
OPEN_COUNT = "{count} เรื่อง"
NONE_OPEN = "–"
NEW_VISIT_FAILED = "เริ่มบันทึกการนิเทศไม่ได้"
# TEST34C C5: a second visit of a school on one day is ครั้งที่ ๒; it may be a slip (the first one meant).
SAME_DAY_TITLE = "มีบันทึกการนิเทศวันนี้แล้ว"
SAME_DAY_QUESTION = (
    "มีบันทึกการนิเทศโรงเรียนนี้วันนี้แล้ว {count} ครั้ง:\n{visits}\n\n"
    "ถ้าเป็นการนิเทศครั้งเดียวกัน ให้เปิดบันทึกเดิมจากรายการ\n"
    "ต้องการเริ่มบันทึกการนิเทศครั้งใหม่ของวันนี้หรือไม่?"
)
SAME_DAY_LINE = "• {status} คณะนิเทศ: {names}"
SAME_DAY_NOBODY = "ยังไม่ได้ระบุรายชื่อ"
SAME_DAY_YES = "เริ่มบันทึกครั้งใหม่"
SAME_DAY_NO = "ไม่เริ่ม"
CRUMB_VISIT = "การนิเทศ {date}"

# -- the view: header ------------------------------------------------------------------------
BACK = "‹ ย้อนกลับ"  # as on every page (ui/shell/strings.py BACK_BUTTON)
BACK_TIP = "กลับไปหน้าที่มา (ในหน้านี้ Alt+← คือหัวข้อก่อนหน้า)"
TITLE = "บันทึกการนิเทศ ติดตาม"
DATE = "วันที่"
TIME = "เวลา"
TIME_TO = "ถึง"
TYPE = "รูปแบบ"
ROUND = "ทบทวนผลการประเมิน"
NO_ROUND = "ไม่อ้างอิงรอบการประเมิน"
OPEN_ROUND = "เปิดดู"
OPEN_ROUND_TIP = "เปิดแบบประเมินตนเองรอบที่เลือก"
ROUND_ITEM = "ปีงบประมาณ {year} รอบที่ {round}"
STATUS = {"draft": "ฉบับร่าง", "final": "ยืนยันแล้ว"}  # "ฉบับร่าง" as the assessment says (TEST31 T11)
SAVED = "บันทึกแล้ว ✓ {time}"
SAVE_FAILED = "ยังบันทึกไม่ได้: {message}"
NOTHING_CHANGED_YET = "ทุกการแก้ไขบันทึกทันที"
UNDO = "เลิกทำ"
UNDO_TIP = "นำรายการที่เพิ่งนำออกกลับมา"
REMOVED = "นำ “{name}” ออกแล้ว"
# PDF or Word: the kind is chosen in the save dialog's ชนิดไฟล์ (the Word copy to edit before signing).
PRINT = "พิมพ์บันทึกการนิเทศ"
PRINT_TIP = ("สร้างบันทึกการนิเทศ ติดตามพร้อมช่องลงนาม เป็นไฟล์ PDF หรือเอกสาร Word ที่แก้ไขต่อได้"
             " (เลือกที่ชนิดไฟล์) แล้วเปิดดู (Ctrl+P)")
FINALISE = "ยืนยันบันทึก (ลงนามแล้ว)"
FINALISE_TIP = "ยืนยันเมื่อทั้งสองฝ่ายลงนามแล้ว บันทึกจะแก้ไขไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้ง"
FINALISE_TITLE = "ยืนยันบันทึกการนิเทศ"
# TEST34C C4: the question names who confirms: on a shared laptop only the names typed say whose visit it is.
FINALISE_WHO = "ผู้ยืนยัน (คณะนิเทศ):\n{names}\n\n"
# A visit day well after today (TEST34C C7: 2570 typed for 2569); the question is the core's.
FUTURE_TITLE = "วันที่นิเทศอยู่ในอนาคต"
FUTURE_YES = "ใช่ ใช้วันที่นี้"
FUTURE_NO = "ไม่ใช่ กลับไปแก้"
FINALISE_QUESTION = (
    "{who}ยืนยันว่าคณะนิเทศและโรงเรียนลงนามในบันทึกนี้แล้วหรือไม่?\n"
    "เมื่อยืนยันแล้วบันทึกจะแก้ไขไม่ได้ จนกว่าจะเปิดแก้ไขอีกครั้งโดยระบุเหตุผล"
)
FINALISE_YES = "ยืนยันบันทึก"
# Asked instead when components were left empty (TEST32b B6): "No", going back, is the default.
FINALISE_EMPTY_QUESTION = (
    "{who}ยังไม่ได้บันทึกผลการนิเทศใน:\n{components}\n\n"
    "ถ้ายืนยันตอนนี้ บันทึกที่พิมพ์จะแสดงว่าไม่ได้บันทึกผลในข้อเหล่านี้ "
    "และจะแก้ไขไม่ได้จนกว่าจะเปิดแก้ไขอีกครั้งโดยระบุเหตุผล\n"
    "ต้องการยืนยันบันทึกตอนนี้เลยหรือไม่?"
)
FINALISE_EMPTY_LINE = "• องค์ประกอบที่ {code} {title}"
FINALISE_EMPTY_YES = "ยืนยันบันทึกทั้งที่ยังว่าง"
FINALISE_EMPTY_NO = "กลับไปกรอกให้ครบ"
FINALISE_NO = "ยังไม่ยืนยัน"
FINALISED = "ยืนยันบันทึกแล้ว ✓ {time}"
REOPEN = "เปิดแก้ไขอีกครั้ง"
REOPEN_TIP = "แก้ไขบันทึกที่ยืนยันแล้ว (ต้องระบุเหตุผล และโปรแกรมจะบันทึกการเปิดแก้ไขไว้)"
REOPEN_TITLE = "เปิดแก้ไขบันทึกที่ยืนยันแล้ว"
REOPEN_PROMPT = "เหตุผลที่ขอแก้ไข (จำเป็น):"
REOPENED = "เปิดแก้ไขอีกครั้งแล้ว ✓ {time}"
REOPEN_WHO = "ผู้ขอเปิดแก้ไข (คณะนิเทศ):"
REOPEN_OK = "เปิดแก้ไข"
REOPEN_CANCEL = "ยกเลิก"
REOPEN_NEEDS_REASON = "กรุณาระบุเหตุผลที่ขอแก้ไขบันทึกที่ยืนยันแล้ว"
FINALISE_BY = "ผู้ยืนยันบันทึก (คณะนิเทศ):"
FINALISE_BY_OK = "ยืนยันบันทึก"
MADE_ELSEWHERE = "บันทึกโดยเครื่องอื่น"  # a visit another laptop recorded (issue 10): its maker changes it
STATUS_ELSEWHERE = "{status} · " + MADE_ELSEWHERE
MADE_ELSEWHERE_TIP = "บันทึกการนิเทศนี้มาจากไฟล์แลกเปลี่ยน แก้ไขได้ที่เครื่องที่บันทึกเท่านั้น"
MADE_ELSEWHERE_NOTICE = (
    MADE_ELSEWHERE + " — อ่านอย่างเดียว: บันทึกการนิเทศนี้มาจากไฟล์แลกเปลี่ยนและเป็นของเครื่องที่บันทึก"
    " แก้ไข ยืนยัน หรือเปิดแก้ไขได้ที่เครื่องนั้นเท่านั้น ตอบกลับข้อตกลงได้ที่ส่วน “{section}” (ข้อมูลเดิมยังอยู่ครบ)"
)
FINAL_NOTICE = "บันทึกนี้ยืนยันแล้ว จึงแสดงเพื่ออ่านอย่างเดียว หากต้องแก้ไขให้กด “เปิดแก้ไขอีกครั้ง” และระบุเหตุผล"

# -- sections (the list on the left) ---------------------------------------------------------
SECTIONS_TIP = "เลือกหัวข้อ (Ctrl+PgUp / Ctrl+PgDown เปลี่ยนหัวข้อ)"
SECTION_GENERAL = "วัตถุประสงค์และบันทึกทั่วไป"
SECTION_PEOPLE = "คณะนิเทศและผู้ให้ข้อมูล"
SECTION_COMPONENT = "องค์ประกอบที่ {code}"
SECTION_COMPARISON = "เทียบกับการประเมินตนเอง"
SECTION_FOLLOW_UPS = "ข้อตกลงและการติดตาม"
SECTION_SIGN = "ลงนามและยืนยัน"
SECTION_LEVEL_MARK = "  ·  ระดับ {level}"
PREVIOUS = "‹ หัวข้อก่อนหน้า"
PREVIOUS_TIP = "หัวข้อก่อนหน้า (Ctrl+PgUp หรือ Alt+←)"
NEXT = "หัวข้อถัดไป ›"
NEXT_TIP = "หัวข้อถัดไป (Ctrl+PgDown หรือ Alt+→)"

# -- general ---------------------------------------------------------------------------------
PURPOSE = "วัตถุประสงค์ของการนิเทศ"
PURPOSE_PLACEHOLDER = "เช่น ติดตามการพัฒนาด้านการจัดการเรียนรู้ตามข้อเสนอแนะครั้งก่อน"
NOTES = "บันทึกเพิ่มเติม"
NOTES_PLACEHOLDER = "ข้อสังเกตทั่วไป บรรยากาศ สิ่งที่โรงเรียนขอรับการสนับสนุน"
VISIT_FILES = "ภาพถ่ายและไฟล์ของการนิเทศครั้งนี้"

# -- people ----------------------------------------------------------------------------------
VISITORS = "คณะนิเทศ"
SCHOOL_PEOPLE = "ผู้ให้ข้อมูลของโรงเรียน"
PEOPLE_HEADERS = ("ชื่อ–นามสกุล", "ตำแหน่ง")
ADD_PERSON = "เพิ่มรายชื่อ"
ADD_PERSON_TIP = "เพิ่มแถวใหม่ (Ctrl+Enter)"
REMOVE_PERSON = "นำออก"
REMOVE_PERSON_TIP = "นำรายชื่อที่เลือกออก (กดเลิกทำได้)"
VISITOR_POSITION = "ศึกษานิเทศก์"
SCHOOL_POSITION = "ผู้อำนวยการโรงเรียน"
UNNAMED = "(ยังไม่ระบุชื่อ)"

# -- a component -----------------------------------------------------------------------------
COMPONENT_HEADING = "องค์ประกอบที่ {code} {title}"
SCHOOL_SAYS = "โรงเรียนประเมินตนเอง: {score} {label}"
SCHOOL_SAYS_NONE = "ไม่มีผลการประเมินตนเองให้เทียบ"
SUPERVISOR_LEVEL = "ระดับที่ศึกษานิเทศก์เห็น (กด 1–5 ได้ เมื่อไม่ได้อยู่ในช่องพิมพ์)"
NO_LEVEL = "ไม่ระบุ"
LEVEL_CHOICE = "{value} {label}"
FINDING_FIELDS = {
    "observed": ("สิ่งที่พบจากการสังเกต", "สิ่งที่เห็นในห้องเรียน ในโรงเรียน และจากการพูดคุย"),
    "evidence": ("หลักฐาน/ร่องรอยที่ได้เห็น", "เช่น แผนการสอน บันทึกหลังสอน รายงานโครงการ ภาพกิจกรรม"),
    "strengths": ("จุดเด่น", "สิ่งที่โรงเรียนทำได้ดีและควรรักษาไว้"),
    "to_develop": ("จุดที่ควรพัฒนา", "สิ่งที่ยังไม่ถึงเกณฑ์หรือควรทำให้ดีขึ้น"),
    "recommendations": ("ข้อเสนอแนะ", "สิ่งที่แนะนำให้โรงเรียนดำเนินการ"),
}
FILES = "ภาพถ่าย/ไฟล์หลักฐาน"
FILES_EMPTY = "ยังไม่มีไฟล์"
ATTACH = "แนบไฟล์…"
ATTACH_TIP = "เลือกภาพถ่ายหรือไฟล์ โปรแกรมจะเก็บสำเนาไว้ในเครื่อง"
ATTACH_DIALOG = "เลือกภาพถ่ายหรือไฟล์หลักฐาน"
OPEN_FILE = "เปิด"
OPEN_FILE_TIP = "เปิดไฟล์ที่เลือกด้วยโปรแกรมในเครื่อง"
REMOVE_FILE = "นำออก"
REMOVE_FILE_TIP = "นำไฟล์ที่เลือกออก (กดเลิกทำได้)"
OPEN_FILE_FAILED = ("เปิดไฟล์ {name} ไม่ได้ เพราะเครื่องนี้ไม่มีโปรแกรมที่เปิดไฟล์ชนิดนี้ได้"
                    " กด \"เปิดโฟลเดอร์\" แล้วเปิดไฟล์ด้วยโปรแกรมที่ต้องการ")
OPEN_FILE_FAILED_BECAUSE = "เปิดไฟล์ไม่ได้: {reason}"
FILE_ROW = "{name}  ({size})"
ITEMS_TOGGLE = "ระบุรายประเด็น"
ITEMS_TOGGLE_TIP = "ให้ระดับแยกเป็นรายประเด็นขององค์ประกอบนี้ (ไม่บังคับ)"
ITEMS_HEADERS = ("ประเด็น", "โรงเรียนให้", "ศึกษานิเทศก์ให้")
ITEM_ROW = "{code} {title}"
# A component's row in the comparison: its number as an item's (the column is "องค์ประกอบ / ประเด็น"),
# "องค์ประกอบที่" before each name wrapped it onto a third line at 150 % (TEST34C C6).
COMPONENT_ROW = "{code} {title}"

# -- comparison ------------------------------------------------------------------------------
COMPARISON_HEADING = "ผลการประเมินตนเองของโรงเรียนเทียบกับความเห็นของศึกษานิเทศก์"
COMPARISON_HEADERS = ("องค์ประกอบ / ประเด็น", "โรงเรียน", "ศึกษานิเทศก์", "ผลต่าง", "ความเห็น")
COMPARISON_NO_ROUND = "การนิเทศครั้งนี้ไม่อ้างอิงรอบการประเมิน จึงไม่มีผลการประเมินตนเองให้เทียบ"
COMPARISON_ROUND = "เทียบกับการประเมินตนเอง {round}"
# Which of the school's results are compared (TEST34C C11): a confirmed visit keeps those it was signed against.
BASIS_SIGNED = "ผลการประเมินตนเองของโรงเรียน ณ วันที่ {date} (วันยืนยันบันทึก)"
BASIS_CURRENT = "ผลการประเมินตนเองของโรงเรียน ณ วันที่ {date} (ผลล่าสุด)"
BASIS_CHANGED = "โรงเรียนแก้ผลการประเมินตนเองหลังยืนยันบันทึกนี้: ผลล่าสุด {scores}"
BASIS_CHANGED_SCORE = "องค์ประกอบที่ {code} {score}"
BASIS_UNKNOWN = ("โรงเรียนแก้ผลการประเมินตนเองหลังวันยืนยันบันทึก (ล่าสุด {date}) แต่ประวัติการแก้ไขไม่ครบ"
                 " จึงแสดงผลล่าสุดแทนผลที่ลงนาม")
# The words for "agree" are the comparison's (AGREE_ITEM, AGREE_COMPONENT): one term everywhere (TEST34C C9).
SUMMARY_ITEMS = "รายประเด็น: ศึกษานิเทศก์ให้ต่ำกว่า {lower} ประเด็น, สูงกว่า {higher}, " + AGREE_ITEM + " {agree}"
SUMMARY_NO_ITEMS = "ยังไม่ได้ให้ระดับรายประเด็น"
SUMMARY_COMPONENTS = "รายองค์ประกอบ: ต่ำกว่า {lower}, สูงกว่า {higher}, " + AGREE_COMPONENT + " {agree}"
SUMMARY_BIGGEST = "ต่างกันมากที่สุด: {gaps}"
SUMMARY_BIGGEST_ONE = "{name} ({gap})"
SUMMARY_NONE_DIFFER = "ยังไม่พบจุดที่เห็นต่างกัน"
SUMMARY_NONE_DIFFER_SOME = "ยังไม่พบจุดที่เห็นต่างกันในองค์ประกอบที่ให้ระดับ ({compared} จาก {total} องค์ประกอบ)"
BIGGEST_COMPONENT = "องค์ประกอบที่ {code}"
BIGGEST_ITEM = "ประเด็น {code}"
EXPAND_ITEMS = "แสดงรายประเด็น"
COLLAPSE_ITEMS = "ซ่อนรายประเด็น"
VERDICT_MARKS = {"lower": "▼ ", "higher": "▲ ", "agree": "= "}
VERDICT_NONE = "ยังเทียบไม่ได้"
NOT_RATED = "–"

# -- follow-ups ------------------------------------------------------------------------------
CARRIED = "ข้อตกลงจากการนิเทศครั้งก่อนที่ยังติดตาม"
CARRIED_EMPTY = "ไม่มีข้อตกลงค้างจากครั้งก่อน"
CARRIED_HEADERS = ("สิ่งที่ตกลง", "ผู้รับผิดชอบ", "กำหนดเสร็จ", "ตกลงเมื่อ", "สถานะ")
MARK_DONE = "ดำเนินการแล้ว"
CARRIED_ELSEWHERE_TIP = ("ข้อตกลงนี้มาจากบันทึกการนิเทศของเครื่องอื่น เปลี่ยนสถานะได้ที่เครื่องที่บันทึกเท่านั้น"
                         " (โรงเรียนตอบกลับได้ที่หน้าข้อตกลงและการติดตาม)")
MARK_DONE_TIP = "บันทึกว่าโรงเรียนดำเนินการเรื่องที่เลือกแล้ว (ในการนิเทศครั้งนี้)"
MARK_DROPPED = "ยกเลิก"
MARK_DROPPED_TIP = "ไม่ติดตามเรื่องที่เลือกต่อ (ในการนิเทศครั้งนี้)"
MARK_OPEN = "ยังไม่เสร็จ"
MARK_OPEN_TIP = "ให้เรื่องที่เลือกกลับมาเป็นเรื่องที่ยังติดตาม"
AGREED = "ข้อตกลงการนิเทศครั้งนี้"
AGREED_HEADERS = ("สิ่งที่ตกลง", "ผู้รับผิดชอบ", "กำหนดเสร็จ", "องค์ประกอบ/ประเด็น")
ADD_FOLLOW_UP = "เพิ่มข้อตกลง"
ADD_FOLLOW_UP_TIP = "เพิ่มข้อตกลงใหม่ (Ctrl+Enter)"
REMOVE_FOLLOW_UP = "ลบข้อตกลง"
REMOVE_FOLLOW_UP_TIP = "ลบข้อตกลงที่เลือก"
REMOVE_FOLLOW_UP_CONFIRM = "ลบข้อตกลง “{name}” หรือไม่?"
FOLLOW_UP_ACTION = "สิ่งที่ตกลง"
FOLLOW_UP_ACTION_PLACEHOLDER = "เช่น จัดทำแผนพัฒนาการอ่านของนักเรียนชั้น ป.1–3"
# In the empty, disabled box before any follow-up is chosen: where typing starts (TEST32b B4).
FOLLOW_UP_ACTION_FIRST = "กด “เพิ่มข้อตกลง” ก่อน แล้วจึงพิมพ์ที่นี่"
FOLLOW_UP_OWNER = "ผู้รับผิดชอบ"
FOLLOW_UP_OWNER_PLACEHOLDER = "เช่น ผู้อำนวยการโรงเรียน / หัวหน้าฝ่ายวิชาการ"
FOLLOW_UP_DUE = "กำหนดเสร็จ"
FOLLOW_UP_NO_DUE = "ไม่กำหนด"
FOLLOW_UP_SCOPE = "เกี่ยวกับ"
FOLLOW_UP_SCOPE_NONE = "ภาพรวม (ไม่ระบุองค์ประกอบ)"
FOLLOW_UP_SCOPE_COMPONENT = "องค์ประกอบที่ {code} {title}"
FOLLOW_UP_SCOPE_ITEM = "   ประเด็น {code} {title}"
FOLLOW_UPS_EMPTY = "ยังไม่มีข้อตกลง กด “เพิ่มข้อตกลง” (Ctrl+Enter)"
OVERDUE = "เลยกำหนด"
UNTITLED = "(ยังไม่ระบุ)"

# -- signatures and events -------------------------------------------------------------------
SIGN_HEADING = "ผู้ลงนามในบันทึก"
SIGN_HINT = "รายชื่อและตำแหน่งมาจากหัวข้อ “คณะนิเทศและผู้ให้ข้อมูล” บันทึกที่พิมพ์จะมีช่องลงนามของทุกคน"
SIGN_VISITORS = "ฝ่ายคณะนิเทศ"
SIGN_SCHOOL = "ฝ่ายโรงเรียน"
SIGN_LINE = "ลงชื่อ ..............................................\n({name})\n{position}"
SIGN_NOBODY = "ยังไม่มีรายชื่อ"
EVENTS_HEADING = "ประวัติการยืนยันและการเปิดแก้ไข"
EVENTS_EMPTY = "ยังไม่เคยยืนยันบันทึก"
EVENT_FINALISED = "ยืนยันบันทึก  {when}{by}"
EVENT_REOPENED = "เปิดแก้ไขอีกครั้ง  {when}{by}  เหตุผล: {reason}"
EVENT_BY = "  โดย {name}"
# TEST34C C3: what changed since the version confirmed before, under the history
EVENTS_CHANGES = "สิ่งที่เปลี่ยนจากฉบับที่ยืนยันก่อนหน้า:"

# -- TEST31 T5: the follow-up's "เกี่ยวกับ" list is found by typing --------------------------
FOLLOW_UP_SCOPE_TIP = "พิมพ์เลของค์ประกอบหรือประเด็น (เช่น ๔ หรือ ๑.๑.๑) หรือคำในชื่อประเด็น เพื่อไปที่รายการนั้นได้ทันที"

# Deleting a visit recorded by mistake (TEST34C C12, ui/visits/delete.py): offered on a draft never
# confirmed, made here; the question names the school and the day, "No" (keep it) is the default.
DELETE = "ลบบันทึกการนิเทศนี้"
DELETE_TIP = ("ลบบันทึกที่ทำผิด (ผิดโรงเรียน บันทึกทดลอง หรือบันทึกซ้ำ) ได้เฉพาะบันทึกที่ยังไม่เคยยืนยัน"
              " การลบจะส่งไปถึงเครื่องอื่นด้วยไฟล์แลกเปลี่ยนข้อมูล")
DELETE_TITLE = "ลบบันทึกการนิเทศ"
DELETE_QUESTION = ("ลบบันทึกการนิเทศ{school} วันที่ {date} หรือไม่\n"
                   "ลบแล้วเรียกคืนไม่ได้ ข้อตกลง ผู้นิเทศ ผลการนิเทศ และไฟล์แนบของบันทึกนี้จะถูกลบไปด้วย")
DELETE_YES = "ลบบันทึกนี้"
DELETE_NO = "ไม่ลบ"
DELETED = "ลบบันทึกการนิเทศ{school} วันที่ {date} แล้ว"
