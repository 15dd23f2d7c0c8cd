"""Thai text of the school's development plan tab (ui/plans/), in one place."""

from __future__ import annotations

TAB = "แผนพัฒนา"
TITLE = "แผนพัฒนาคุณภาพการศึกษา"
HINT = ("เป้าหมายตามองค์ประกอบ ตัวชี้วัด และกิจกรรมของโรงเรียน บันทึกทันทีที่แก้แต่ละช่อง"
        " (กด F2 หรือพิมพ์ทับเพื่อแก้ Enter เพื่อบันทึก)")
OWNED_ELSEWHERE = "แก้ไขได้ที่เครื่องของโรงเรียน: เครื่องนี้ดูแผนพัฒนาของโรงเรียนนี้ได้อย่างเดียว"
OWNED_MARK = "แก้ไขได้ที่เครื่องของโรงเรียน"
NO_PLAN = "โรงเรียนนี้ยังไม่มีแผนพัฒนา กด “สร้างแผนพัฒนา” เพื่อเริ่มจากผลการประเมินตนเองรอบล่าสุด"
PLAN_PICK = "แผน"
PLAN_SPAN = "ปีงบประมาณ {span}"
PLAN_TITLE = "ชื่อแผน"
PLAN_TITLE_PLACEHOLDER = "เช่น แผนพัฒนาคุณภาพการศึกษา ปีงบประมาณ ๒๕๖๙–๒๕๗๐"
FIRST_YEAR = "ปีแรก (พ.ศ.)"
LAST_YEAR = "ปีสุดท้าย (พ.ศ.)"
# The round as "ปีงบประมาณ ๒๕๖๙ รอบที่ ๒", never "๒/๒๕๖๙": Qt breaks Thai lines with libthai, which
# breaks after a slash between Thai digits (a word joiner does not hold it) — issue 11, try11a #13.
BASE = "เริ่มจากผลการประเมินปีงบประมาณ {year} รอบที่ {round}"
NO_BASE = "ยังไม่มีผลการประเมินที่ส่งแล้วให้เริ่ม"
NEW_PLAN = "สร้างแผนพัฒนา"
NEW_PLAN_TIP = "แผนใหม่ของปีงบประมาณถัดจากรอบการประเมินล่าสุดที่ส่งแล้ว"
REMOVE_PLAN = "ลบแผนนี้"
REMOVE_PLAN_TIP = "ลบแผนที่แสดงอยู่ (ได้เฉพาะแผนที่ยังไม่มีเป้าหมาย ตัวชี้วัด หรือกิจกรรม) เรียกคืนได้ด้วย “เลิกทำ”"
PLAN_THERE = "มีแผนพัฒนาของปีงบประมาณ {span} อยู่แล้ว: เปิดแผนนั้นแทนการสร้างแผนซ้ำ"
PLAN_NAME = "แผน “{title}” ปี {span}"
PLAN_REMOVED = "ลบ{name} แล้ว"
PLAN_RESTORED = "เรียกคืน{name} แล้ว"
PRINT = "พิมพ์แผน (PDF)"
PRINT_TIP = "บันทึกแผนพัฒนานี้เป็นไฟล์ PDF (เป้าหมาย ตัวชี้วัด กิจกรรม งบประมาณ และความก้าวหน้า)"
HISTORY = "ประวัติการแก้ไข"
HISTORY_TIP = "การแก้ไขรายการที่เลือก (หรือของแผนเมื่อไม่ได้เลือกรายการ): เมื่อไร เครื่องไหน แก้ช่องใดเป็นอะไร"

PART_GOALS = "เป้าหมาย"
PART_INDICATORS = "ตัวชี้วัด"
PART_ACTIVITIES = "กิจกรรม"
GOAL_HEADERS = ("องค์ประกอบ", "เป้าหมาย", "ประเด็นที่จะยกระดับ", "ระดับเป้าหมาย", "ความก้าวหน้า")
INDICATOR_FIXED = ("ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน")
TARGET_HEADER = "เป้า\n{year}"  # two lines: five years fit at 1366 px (test26b F2)
ACTUAL_HEADER = "ผล\n{year}"
INDICATOR_TAIL = ("ผู้รับผิดชอบ", "ความก้าวหน้า")
ACTIVITY_HEADERS = ("กิจกรรม", "ผู้รับผิดชอบ", "วันเริ่ม", "วันสิ้นสุด", "งบประมาณ (บาท)", "งบประมาณเป็นตัวอักษร",
                    "สถานะ")
ADD_GOAL = "เพิ่มเป้าหมาย"
ADD_INDICATOR = "เพิ่มตัวชี้วัด"
ADD_ACTIVITY = "เพิ่มกิจกรรม"
NEW_GOAL_NAME = "เป้าหมายใหม่"
NEW_INDICATOR_NAME = "ตัวชี้วัดใหม่"
NEW_ACTIVITY_NAME = "กิจกรรมใหม่"
REMOVE = "ลบรายการ"
REMOVE_TIP = "ลบรายการที่เลือก (Delete) เรียกคืนได้ด้วย “เลิกทำ” (Ctrl+Z)"
UNDO = "เลิกทำ"
REMOVED = "ลบ “{name}” แล้ว"
RESTORED = "เรียกคืน “{name}” แล้ว"

SUGGESTIONS = "ประเด็นที่ควรพัฒนา (เลือกได้)"
SUGGESTIONS_HINT = "จากประเด็นที่ได้ระดับต่ำสุดของรอบล่าสุด และข้อเสนอแนะของผู้นิเทศครั้งล่าสุด"
NO_SUGGESTIONS = "ยังไม่มีผลการประเมินที่ส่งแล้วหรือข้อเสนอแนะของผู้นิเทศ"
SUGGESTION = "{code} {title} · {reason}"
PICK = "เพิ่มในเป้าหมายที่เลือก"
PICK_TIP = "เพิ่มประเด็นนี้ในเป้าหมายที่เลือกไว้ (Enter) หรือตั้งเป้าหมายใหม่ขององค์ประกอบนั้นเมื่อยังไม่ได้เลือก"
PICK_NEW = "ตั้งเป้าหมายใหม่"
PICK_NEW_TIP = "ตั้งเป้าหมายใหม่ขององค์ประกอบของประเด็นนี้ พร้อมประเด็นนี้"
PICKED = "เพิ่มประเด็น {code} ในเป้าหมายแล้ว"

COMPONENT = "{code} {title}"
LEVEL_DEFAULT = "สูงขึ้นหนึ่งระดับ"
ITEM_PROGRESS = "{code} {before}→{now}"
ITEM_TARGET = "(เป้า {target})"
GOAL_TARGET = "เป้าระดับ {target}"
NOT_ANSWERED = "–"
NOT_APPLICABLE = "ไม่เกี่ยวข้อง"
MOVED = "ขยับขึ้น"
FELL = "ลดลง"
# A goal's state as a user reads it (TEST14 finding 8; the words are the core's STATE_TEXT).
STATE_MARK = {"up": "▲", "mixed": "▲▼", "down": "▼", "same": ""}
PROGRESS_MIXED = " (ในจำนวนนี้บางตัวลดลง {mixed} เป้าหมาย)"
PROGRESS_FELL = ", ลดลง {down} เป้าหมาย"
REACHED = "ถึงเป้า"
INDICATOR_PROGRESS = "ฐาน {baseline} → ผลปี {year} {actual} (เป้า {target})"
INDICATOR_NO_ACTUAL = "ฐาน {baseline} · ยังไม่มีผล (เป้าปี {year} {target})"
MET = "ถึงเป้า"
PROGRESS_SUMMARY = "เทียบ{before} กับ{now}: เป้าหมายที่ขยับขึ้น {moved} จาก {count} เป้าหมาย"
ROUND_SHORT = "ปีงบฯ {year} รอบที่ {round}"  # in the progress summary: two rounds in one line
PROGRESS_WAITING = "ความก้าวหน้าจะแสดงเมื่อส่งผลการประเมินรอบถัดจากรอบที่แผนเริ่ม"
TOTAL = "งบประมาณรวม {amount} บาท ({words})"
TOTAL_NONE = "ยังไม่ได้ระบุงบประมาณ"

HISTORY_TITLE = "ประวัติการแก้ไขแผนพัฒนา"
HISTORY_PLAN = "แผน"
HISTORY_REMOVED = "ลบ"
HISTORY_RESTORED = "เรียกคืน"
HISTORY_BLANK = "(ว่าง)"
FIELD_NAMES = {"title": "ชื่อแผน", "first_year": "ปีแรก", "last_year": "ปีสุดท้าย", "component_code": "องค์ประกอบ",
               "name": "ชื่อ", "item_codes": "ประเด็น", "target_level": "ระดับเป้าหมาย", "unit": "หน่วยนับ",
               "baseline": "ค่าฐาน", "targets": "ค่าเป้าหมาย", "actuals": "ผลที่ได้", "responsible": "ผู้รับผิดชอบ",
               "owner": "ผู้รับผิดชอบ", "starts_on": "วันเริ่ม", "ends_on": "วันสิ้นสุด", "budget_baht": "งบประมาณ",
               "budget_satang": "งบประมาณ", "status": "สถานะ", "goal_id": "เป้าหมาย", "deleted": "ลบ/เรียกคืน", "created": "สร้าง"}

SAVE_TITLE = "แผนพัฒนาคุณภาพการศึกษา (PDF)"
CREATE_FAILED = "สร้างแผนพัฒนาไม่ได้"
# The budget-in-words cell of an activity whose typed amount was refused (not the stored amount's words).
WORDS_WAITING = "(จำนวนเงินยังไม่ได้บันทึก)"
