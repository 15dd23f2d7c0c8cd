"""The Thai a user reads about saving (ui/common/save_state.py), the same in every view and dialog."""

from __future__ import annotations

SAVED = "บันทึกแล้ว ✓ {time}"
# The reason is the core's own sentence (StorageError, ValidationError …), shown as it is.
NOT_SAVED = "ยังไม่ได้บันทึก: {reason}"
# After a refusal still in view, when a later change was stored but cleaned (TEST34B B12).
ALSO_SAVED = "ส่วนการแก้ไขล่าสุดบันทึกแล้ว: {notice}"
# After the user let refused or waiting changes go (or pressed Esc on one): the screen is the database again.
AS_STORED = "ค่าที่แสดงอยู่ตรงกับที่บันทึกไว้แล้ว"
RETRYING = "  (จะลองบันทึกอีกครั้งเองอัตโนมัติ)"
RETRY = "ลองอีกครั้ง"
RETRY_TIP = "ลองบันทึกการแก้ไขที่ยังไม่ได้บันทึกอีกครั้งตอนนี้"
DETAILS = "รายละเอียด"
DETAILS_TIP = "อ่านข้อความนี้ทั้งหมด"
DETAILS_TITLE = "สถานะการบันทึก"
READ_FAILED = "อ่านข้อมูลไม่ได้: {reason}"
READ_ONLY_NOTICE = "ฐานข้อมูลนี้เปิดแบบอ่านอย่างเดียว จึงดูได้แต่แก้ไขไม่ได้"
# A school that came by exchange and is owned by the school's keys (issue 10, Schools.owned_elsewhere).
OWNED_ELSEWHERE_NOTICE = ("แก้ไขได้ที่เครื่องของโรงเรียน: ข้อมูลของโรงเรียนนี้มาจากไฟล์แลกเปลี่ยนของโรงเรียนและเป็นของโรงเรียน"
                          " เครื่องนี้จึงดูได้อย่างเดียว เมื่อโรงเรียนแก้ไขแล้วส่งไฟล์มาใหม่ ข้อมูลจะปรับตาม"
                          " (การนิเทศของเครื่องนี้ยังบันทึกได้ตามปกติ)")

LEAVE_TITLE = "ยังมีการแก้ไขที่ยังไม่ได้บันทึก"
LEAVE_QUESTION = (
    "มีการแก้ไข {count} รายการที่ยังไม่ได้บันทึกลงฐานข้อมูล (รวมข้อความที่พิมพ์ไว้)\n\n"
    "สาเหตุ: {reason}\n\n"
    "ลองบันทึกอีกครั้ง หรือทิ้งการแก้ไขเหล่านี้?"
)
# When no try can store what waits (a date that does not exist, an end before the start): no
# "ลองบันทึกอีกครั้ง", whose try met the same refusal and asked again for ever (TEST32b B13).
LEAVE_QUESTION_FIX = (
    "มีการแก้ไข {count} รายการที่ยังไม่ได้บันทึกลงฐานข้อมูล (รวมข้อความที่พิมพ์ไว้)\n\n"
    "สาเหตุ: {reason}\n\n"
    "กลับไปแก้ให้ถูกต้องเพื่อบันทึก หรือทิ้งการแก้ไขเหล่านี้?"
)
LEAVE_RETRY = "ลองบันทึกอีกครั้ง"
LEAVE_DISCARD = "ทิ้งการแก้ไขที่ยังไม่ได้บันทึก"
LEAVE_STAY = "กลับไปแก้ไขต่อ"
# The save line while a date or time its field cannot read is held: the reason is said once, under
# the field (TEST31b U3: the header, a note and the field all said "นาทีต้องเป็น ๐๐–๕๙").
# Between the reasons of several changes still waiting, on the line and in the question on leaving.
REASONS_JOIN = " · "
SEE_FIELD = "ดูเหตุผลใต้ช่องสีแดง"  # short: the line shares the header with the buttons
