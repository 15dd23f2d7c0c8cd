"""Thai strings of the schools feature: its commands, the school page's profile card, the network
schools tab. (The list, the school dialog and the timeline keep theirs at the top of their module.)"""

# -- commands --------------------------------------------------------------------------------
ACTION_ADD_SCHOOL = "เพิ่มโรงเรียน"
ACTION_FIND_SCHOOL = "ค้นหาโรงเรียน"
ACTION_ALL_SCHOOLS = "รายชื่อโรงเรียนทั้งหมด"
STATUS_SAVED_SCHOOL = "บันทึกข้อมูล {name} แล้ว"
CRUMB_SCHOOLS = "โรงเรียน"

# -- the school page -------------------------------------------------------------------------
CODE = "รหัส {code}"
PLACE = "อำเภอ{district} จังหวัด{province}"
PUPILS = "นักเรียน {pupils} คน"
TEACHERS = "ครู {teachers} คน"
DEMO_TAG = "ข้อมูลตัวอย่าง"
EDIT_SCHOOL = "แก้ไขข้อมูลโรงเรียน"
SEPARATOR = "  ·  "
# "พัฒนาการ", not "พัฒนาการของโรงเรียน" (the page is the school's): at 150 % on 1366×768 the seven
# tabs need 850 pixels and the page's scroll bar leaves 841; the last tab read "พัฒนาการของโรง"
# between scroll arrows (try11b F15, tests/ui/test_scaling.py).
TAB_TIMELINE = "พัฒนาการ"

# -- network schools tab ----------------------------------------------------------------------
NETWORK_TAB = "โรงเรียนเครือข่าย"
NETWORK_HINT = "โรงเรียนใกล้เคียงในระยะประมาณ ๕ กม. ที่ส่งนักเรียนมาเรียนหรือร่วมพัฒนากับโรงเรียนคุณภาพ แก้ไขในตารางได้ทันที บันทึกให้อัตโนมัติ"
NETWORK_HEADERS = ("รหัสโรงเรียน", "ชื่อโรงเรียน", "จำนวนนักเรียน", "จำนวนครู", "ระยะทาง (กม.)")
NETWORK_ADD = "เพิ่ม"
NETWORK_ADD_TIP = "เพิ่มโรงเรียนเครือข่ายตามที่กรอกไว้ด้านซ้าย (Enter)"
NETWORK_NEW_CODE = "รหัส ๑๐ หลัก"
NETWORK_NEW_NAME = "ชื่อโรงเรียน"
NETWORK_NEW_PUPILS = "นักเรียน"
NETWORK_NEW_TEACHERS = "ครู"
NETWORK_NEW_DISTANCE = "ระยะทาง กม."
NETWORK_REMOVE = "ลบออก"
NETWORK_REMOVE_TIP = "ลบโรงเรียนเครือข่ายที่เลือก (Delete) เลิกทำได้"
NETWORK_IMPORT = "นำเข้าจาก CSV…"
NETWORK_IMPORT_TIP = "นำเข้ารายชื่อจากไฟล์ CSV ที่บันทึกจาก Excel (ดูตัวอย่างก่อนนำเข้าเสมอ)"
NETWORK_UNDO = "เลิกทำ"
NETWORK_UNDO_TIP = "นำโรงเรียนที่เพิ่งลบกลับมา (Ctrl+Z)"
NETWORK_EMPTY = "ยังไม่มีโรงเรียนเครือข่าย กรอกรหัสและชื่อด้านล่างแล้วกด “เพิ่ม” หรือนำเข้าจากไฟล์ CSV"
NETWORK_TOTALS = "รวม {schools} โรงเรียน · นักเรียน {pupils} คน · ครู {teachers} คน"
NETWORK_SAVED = "บันทึก {name} แล้ว"
NETWORK_ADDED = "เพิ่ม {name} แล้ว"
NETWORK_REMOVED = "ลบ {name} ออกแล้ว"
NETWORK_RESTORED = "นำ {name} กลับมาแล้ว"
NETWORK_IMPORTED = "นำเข้าแล้ว: เพิ่ม {added} · ปรับปรุง {updated} · เหมือนเดิม {unchanged}"
NETWORK_IMPORTED_FROM = "นำเข้ารายชื่อโรงเรียนเครือข่ายของ{school}จากไฟล์ {path} แล้ว ({summary})"
NETWORK_IMPORTED_SKIPPED = " · ข้ามแถวที่มีปัญหา {skipped} แถว"
NETWORK_FAR_TIP = "ไกลกว่าประมาณ ๕ กม. ที่โครงการกำหนด (บันทึกได้ตามปกติ)"
CSV_OPEN_TITLE = "เลือกไฟล์ CSV รายชื่อโรงเรียนเครือข่าย"
CSV_FILTER = "ไฟล์ CSV (*.csv *.txt);;ทุกไฟล์ (*)"
CSV_FAILED = "นำเข้าไฟล์ไม่ได้"

PREVIEW_TITLE = "ตรวจดูก่อนนำเข้า: {file}"
PREVIEW_SUMMARY = (
    "พบ {rows} แถว: ใช้ได้ {good} แถว (เพิ่มใหม่ {new} · ปรับปรุง {updated} · เหมือนเดิม {unchanged})"
    " · มีปัญหา {bad} แถว"
)
PREVIEW_ENCODING = {  # every encoding network_schools.ENCODINGS reads (a test holds them together)
    "utf-8-sig": "อ่านไฟล์แบบ UTF-8",
    "utf-16": "อ่านไฟล์แบบ UTF-16 (Unicode Text จาก Excel)",
    "cp874": "อ่านไฟล์แบบภาษาไทยของ Windows (TIS-620)",
}
PREVIEW_HEADERS = ("บรรทัด", "ผล", "รหัสโรงเรียน", "ชื่อโรงเรียน", "นักเรียน", "ครู", "ระยะทาง (กม.)", "หมายเหตุ")
PREVIEW_ACTIONS = {"new": "เพิ่มใหม่", "updated": "ปรับปรุง", "unchanged": "เหมือนเดิม", "": "มีปัญหา"}
PREVIEW_NOTHING = "ข้อมูลในไฟล์ตรงกับที่มีอยู่แล้วทุกแถว นำเข้าแล้วจะไม่มีอะไรเปลี่ยน"
PREVIEW_BAD_NOTE = "แถวที่มีปัญหาจะไม่ถูกนำเข้า แก้ไฟล์แล้วนำเข้าอีกครั้ง หรือกด “นำเข้าเฉพาะแถวที่ถูกต้อง”"
PREVIEW_IMPORT = "นำเข้า"
PREVIEW_IMPORT_GOOD = "นำเข้าเฉพาะแถวที่ถูกต้อง ({count} แถว)"
PREVIEW_CANCEL = "ยกเลิก"
