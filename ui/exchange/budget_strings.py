"""Thai words of the pending window's detail of an office's budget decision (s34 exw34 T3), apart
from ``strings.py`` and ``office_strings.py``."""

BUDGET_RECEIVED = "ผลการพิจารณางบประมาณที่ได้รับ (ยังไม่นำไปใช้)"
BUDGET_ITEM = "รายการที่ขอ"
BUDGET_ITEM_TEXT = "{description} ({quantity} {unit})"
BUDGET_ITEM_NO_UNIT = "{description} (จำนวน {quantity})"
BUDGET_ASKED = "จำนวนเงินที่ขอ"
BUDGET_BAHT = "{amount} บาท"
BUDGET_YEAR = "ปีงบประมาณ"
BUDGET_DECISION = "ผลการพิจารณาของสำนักงาน"
BUDGET_NONE_HERE = "ยังไม่มีผลการพิจารณา"
BUDGET_COMMENT = "ความเห็นของสำนักงาน"
BUDGET_WHEN = "พิจารณาเมื่อ"
BUDGET_UNKNOWN_ITEM = "ไม่พบรายการนี้ในเครื่องนี้"
# s35 exch35 (TEST34B B6, RETEST34 D2): the key that signed a budget decision, not bound here as the
# office it names, is that office's approver by its claim, never "ผู้ตรวจ" (a reviewer's word).
APPROVER_CLAIMED = "ผู้อนุมัติในนาม {names} (ยังไม่ได้ผูกกุญแจเป็นของสำนักงาน)"
