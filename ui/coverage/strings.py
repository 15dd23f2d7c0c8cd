"""The coverage page's and the contact-log dialog's Thai texts."""

TITLE = "โรงเรียนที่ถึงกำหนดนิเทศ"
ACTION = "โรงเรียนที่ถึงกำหนดนิเทศ"
TERM_LABEL = "ภาคเรียน"
TERM_ITEM = "ภาคเรียนที่ {term}/{year} ({starts} – {ends})"
SUMMARY = "ถึงกำหนดหรือเลยกำหนด {due} โรงเรียน (เลยกำหนด {overdue}) จากทั้งหมด {total} โรงเรียน ณ วันที่ {today}"
RULES_NOTE = ("กำหนดตามเอกสารต้นทาง: นิเทศอย่างน้อยภาคเรียนละ {visits} ครั้ง สำหรับกลุ่มสี {bands} และโรงเรียนที่ยังไม่ประเมิน;"
              " ประเมินซ้ำ {again} ภายในภาคเรียน (นับฉบับที่ส่งแล้ว)")
CONTACTS_NOTE = ("การติดต่อแบบ{visit} นับเป็นการนิเทศ; ทาง{followed} นับเป็นการติดตาม (ไม่ถือว่าขาดการติดต่อ แต่ไม่แทนการนิเทศ);"
                 " เลยกำหนดเมื่อพ้นช่วงที่ควรทำ หรือไม่ได้นิเทศหรือติดต่อเกิน {days} วัน")
AGAIN_ITEM = "กลุ่มสี{band} {count} ครั้ง"
# Two-line headers: the columns stay as narrow as their values, so the reason keeps room at 150 %.
HEADERS = ("สถานะ", "โรงเรียน", "เหตุผล", "กลุ่มสี", "นิเทศ\n(ทำแล้ว/กำหนด)", "ประเมินซ้ำ\n(ทำแล้ว/กำหนด)",
           "ติดตาม\nทางไกล", "นิเทศ\nล่าสุด", "ประเมิน\nล่าสุด", "ติดต่อ\nล่าสุด", "อำเภอ")
REASON_COLUMN = 2  # beside the name: what a supervisor reads first; the dates may scroll at 150 %
CENTRED = range(4, 10)
DETAIL = "{school}: {reason}"
NOTHING_DUE = "ไม่มีกำหนดนิเทศหรือประเมินซ้ำในภาคเรียนนี้"
NOT_ASSESSED = "ยังไม่ประเมิน"
NEVER = "–"
EMPTY = "ยังไม่มีโรงเรียนในฐานข้อมูลนี้"
ADD_CONTACT = "บันทึกการติดต่อ…"
PICK_SCHOOL = "เลือกโรงเรียนในตารางก่อนบันทึกการติดต่อ"
OPEN_SCHOOL = "เปิดหน้าโรงเรียน"

DIALOG_TITLE = "บันทึกการติดต่อ: {school}"
DIALOG_SCHOOL = "บันทึกการติดต่อกับ{school}"
DAY = "วันที่ติดต่อ"
CHANNEL = "ช่องทาง"
TOPIC = "เรื่องที่ติดต่อ"
COUNTS_AS = "นับเป็นการนิเทศ: {visit}; นับเป็นการติดตาม (ไม่แทนการนิเทศ): {followed}"
WHO = "ผู้ติดต่อ"
WHO_HINT = "เช่น ผอ.สมชาย ใจดี (ผู้อำนวยการ)"
SAVE = "บันทึก"
CLOSE = "ปิด"
IDLE = "พิมพ์เรื่องที่ติดต่อแล้วกด \"บันทึก\" (บรรทัดที่บันทึกแล้วแก้หรือลบไม่ได้)"
SAVED = "บันทึกแล้ว {time}"
EARLIER = "การติดต่อที่บันทึกไว้"
LOG_HEADERS = ("วันที่", "ช่องทาง", "เรื่อง", "ผู้ติดต่อ")
DUE_COUNT = "ถึงกำหนดนิเทศ {count} โรงเรียน"
