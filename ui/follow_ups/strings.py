"""Thai text of the follow-up list across schools (ui/follow_ups/page.py) and its command, in one place."""

from __future__ import annotations

ACTION = "รายการติดตามงานทุกโรงเรียน"  # the โรงเรียน menu's command
CRUMB = "รายการติดตามงานทุกโรงเรียน"

TITLE = "ติดตามข้อตกลงจากการนิเทศ"
SUBTITLE = "สิ่งที่ตกลงกันไว้กับโรงเรียน เรียงจากเรื่องเร่งด่วนที่สุด"

# The bucket chips at the top: "เลยกำหนด  ๓". The labels themselves come from the core (BUCKETS).
CHIP = "{label}  {count}"
CHIP_TIP = "แสดงเฉพาะรายการ “{label}” (กดอีกครั้งเพื่อแสดงทั้งหมด)"
GROUP = "{label}  ({count} รายการ)"

SCHOOL_FILTER = "โรงเรียน"
ALL_SCHOOLS = "ทุกโรงเรียน"
SUPERVISOR_FILTER = "ผู้นิเทศ"
ALL_SUPERVISORS = "ทุกคน"
NO_SUPERVISOR = "(ไม่ได้ระบุผู้นิเทศ)"
SHOW_CLOSED = "แสดงรายการที่ปิดแล้ว"
# A short window (150 %) folds the filters behind a button (ui/follow_ups/fit.py).
FILTERS = "ตัวกรอง"
FILTERS_CHOSEN = "ตัวกรอง ({count})"
FILTERS_TIP = "เลือกโรงเรียน ผู้นิเทศ หรือแสดงรายการที่ปิดแล้ว"

HEADERS = ("กำหนดเสร็จ", "สิ่งที่ต้องทำ", "ผู้รับผิดชอบ", "โรงเรียน", "ผู้นิเทศ", "วันที่นิเทศ", "ด้าน/ประเด็น", "สถานะ")

ACTION_TIP_VISIT = "ผู้นิเทศ: {supervisor} · วันที่นิเทศ: {visited}"  # the action's tooltip, its visit

NO_DUE_DATE = "ไม่ได้กำหนดวัน"
OVERDUE = "เลยมา {days} วัน"  # under the heading "เลยกำหนด"; the whole word cut the days off at 125 % (fit35)
OVERDUE_SHORT = "เลย {days} วัน"  # a narrow column: the words give way, never the days (TEST35 T7)
DUE_TODAY = "ครบกำหนดวันนี้"
DUE_IN = "อีก {days} วัน"
DUE_CELL = "{date} · {note}"
SCOPE_COMPONENT = "ด้านที่ {code}"
SCOPE_ITEM = "ประเด็น {code}"
STATUS_CLOSED = "{status} {date}"

MARK_DONE = "ดำเนินการแล้ว"
MARK_DONE_TIP = "บันทึกว่าโรงเรียนทำข้อนี้เสร็จแล้ว (Ctrl+D)"
MARK_DROPPED = "ยกเลิกข้อตกลง"
MARK_DROPPED_TIP = "บันทึกว่าไม่ต้องทำข้อนี้แล้ว สถานะจะเป็น “ยกเลิก”"
REOPEN = "เปิดใหม่"
REOPEN_TIP = "นำรายการที่ปิดแล้วกลับมาติดตามต่อ"
OPEN_VISIT = "เปิดบันทึกการนิเทศ"
OPEN_VISIT_TIP = "เปิดบันทึกการนิเทศที่ตกลงเรื่องนี้ไว้ (Enter)"
OPEN_SCHOOL = "ไปหน้าโรงเรียน"
ANSWER_INSTEAD = ("ข้อตกลงนี้มาจากบันทึกการนิเทศของผู้นิเทศ เครื่องนี้เปลี่ยนสถานะไม่ได้"
                  " ตอบกลับด้วยความคิดเห็นด้านล่างว่าโรงเรียนทำอะไรไปแล้ว ผู้นิเทศจะเห็นและปิดข้อตกลงเอง")
# A follow-up with answers (issue 10): the mark leads the action, where a narrow column never cuts
# it (TEST34C C9: at its end "· มีความคิดเห็น ๑" was cut off at 125 %); the tooltip says it in full.
ANSWERED_MARK = "ตอบ {count} · "  # "ความเห็น ๑ · " took half the column at 150 % (TEST35 T7)
ANSWERED_TIP = "มีความคิดเห็น {count} รายการ (ดูและตอบได้ที่ช่องความคิดเห็นของรายการนี้)"
UNDO = "เลิกทำ"
UNDO_TIP = "ย้อนการเปลี่ยนสถานะครั้งล่าสุด (Ctrl+Z)"

CHANGED = "เปลี่ยน “{action}” เป็น “{status}” แล้ว"
UNDONE = "ย้อนกลับแล้ว: “{action}” กลับเป็น “{status}”"

EMPTY = "ยังไม่มีข้อตกลงจากการนิเทศ เมื่อบันทึกข้อตกลงไว้ในการนิเทศ รายการจะแสดงที่นี่"
EMPTY_ALL_CLOSED = "ไม่มีรายการที่ยังต้องติดตาม ทุกข้อตกลงปิดแล้ว (เลือก “แสดงรายการที่ปิดแล้ว” เพื่อดู)"
NO_MATCH = "ไม่มีรายการที่ตรงกับตัวกรองที่เลือก"
COUNT = "แสดง {shown} จาก {total} รายการ"

# In a short window (125/150 %) the chosen follow-up's comments take the list's place (ui/follow_ups/comments_place.py).
COMMENTS = "ความเห็น"
COMMENTS_COUNT = "ความเห็น ({count})"
COMMENTS_BACK = "ดูรายการ"
COMMENTS_TIP = "ดูและตอบความคิดเห็นของรายการที่เลือก แทนที่รายการ (กดอีกครั้งเพื่อกลับไปที่รายการ)"
COMMENTS_BACK_TIP = "กลับไปที่รายการติดตามงาน"
COMMENTS_ON = "ความคิดเห็นต่อ “{action}” · {school}"
