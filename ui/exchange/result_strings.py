"""The Thai words of the import's result: the window after the files were applied
(:class:`ui.exchange.import_dialog.ImportResultDialog`) and the notice bar's line
(``controller``). Apart from ``strings.py``, which had reached 600 lines (s32)."""

RESULT_TITLE = "ผลการนำเข้าข้อมูล"
RESULT_DONE = "นำเข้าเสร็จ {done} จาก {total} ไฟล์"
# The schools of the files (TEST30a B3): a count over the import, and under each file its schools.
RESULT_SCHOOLS = "โรงเรียนใหม่ {new} โรงเรียน · ปรับปรุง {updated} โรงเรียน · ไม่เปลี่ยนแปลง {same} โรงเรียน"
RESULT_SCHOOL_LINE = {"insert": "    โรงเรียนใหม่: {code} {name}", "update": "    ปรับปรุง: {code} {name}"}
RESULT_SCHOOL_OTHER = "    โรงเรียน: {code} {name}"
# s32: the files and schools where nothing changed, one line after what changed.
RESULT_UNCHANGED = "ไม่มีอะไรเปลี่ยน: {what} (ข้อมูลเหมือนที่มีอยู่แล้ว)"
RESULT_UNCHANGED_FILES = "{count} ไฟล์"
RESULT_UNCHANGED_SCHOOLS = "{count} โรงเรียน"
RESULT_FILE = (
    "{name}: ใหม่ {new}  ปรับปรุง {updated}  เหมือนเดิม {unchanged}  แก้ไขซ้อนกัน {conflicting}"
    "  รอตรวจสอบ {pending} รายการ"
)
# After an import with "เป็นโรงเรียนเดียวกัน" ticked: what the card said it would do, done (fx30 B7a).
RESULT_SAME = "• โรงเรียนรหัส {code} “{typed}” ที่พิมพ์ไว้ในเครื่องนี้ เป็นข้อมูลของโรงเรียนเอง (“{own}”) แล้ว"
RESULT_SAME_MOVED = "   ข้อมูลที่ย้ายจากรายการที่พิมพ์ไว้มาอยู่กับโรงเรียนนี้: {what}"
RESULT_SAME_NOTHING_MOVED = "   ไม่มีความคิดเห็น บันทึกการติดต่อ หรือการนิเทศที่ต้องย้ายจากรายการที่พิมพ์ไว้"
RESULT_SAME_KEY = ("   ผูกกับกุญแจ {groups} แล้ว ต่อไปเฉพาะไฟล์ที่ลงนามด้วยกุญแจนี้จึงแก้ไขข้อมูลของโรงเรียนได้")
RESULT_FILE_REFUSED = "{name}: นำเข้าไม่ได้ — {reason}"
RESULT_FILE_SKIPPED = "{name}: ยังไม่ได้นำเข้า (หยุดก่อนถึงไฟล์นี้)"
RESULT_FILE_NOT_CHOSEN = "{name}: ไม่ได้เลือกนำเข้า (ไม่ได้ติ๊กในหน้าตรวจดู)"
RESULT_DONE_NOT = " · ไม่นำเข้า {count} ไฟล์"
RESULT_NOTICE = "นำเข้าข้อมูลแล้ว {done} จาก {total} ไฟล์: ใหม่ {new} รายการ{named} ปรับปรุง {updated} รายการ"
RESULT_NOTICE_PENDING = " · รอตรวจสอบ {count} รายการ"
RESULT_NOTICE_CONFLICTS = " · แก้ไขซ้อนกัน {count} รายการ"
RESULT_NOTICE_SAME = " · เป็นโรงเรียนเดียวกันแล้ว: รหัส {codes}"
RESULT_NOTICE_NOT_DONE = " · ไม่ได้นำเข้า {count} ไฟล์ (ดูเหตุผลในหน้าต่างผลการนำเข้า)"
SHOW_CONFLICTS = "ดูรายการที่แก้ไขซ้อนกัน ({count})"
SHOW_PENDING = "ตรวจการเปลี่ยนแปลงที่รอตรวจสอบ ({count})"
RESULT_CONFLICTS_NOTE = (
    "มี {count} รายการที่ฉบับในเครื่องนี้กับฉบับในไฟล์ถูกแก้ไขต่างกันโดยไม่รู้กัน โปรแกรมใช้ฉบับหนึ่งไว้ก่อน"
    " และเก็บอีกฉบับไว้ ไม่มีข้อมูลสูญหาย ควรตรวจดูและเลือกฉบับที่ถูกต้อง"
)
RESULT_PENDING_NOTE = (
    "มี {count} รายการที่ผู้ลงนามไม่ใช่เจ้าของข้อมูล จึงยังไม่นำไปใช้ ผู้มีหน้าที่ตรวจสอบควรดูและตัดสินใจ"
)
RESULT_SAME_FILED = ("• โรงเรียนรหัส {code} “{typed}” ที่มาจากไฟล์ของกุญแจอื่น (ไม่ได้พิมพ์ในเครื่องนี้)"
                     " เป็นข้อมูลของโรงเรียนเอง (“{own}”) แล้ว")
RESULT_SAME_MOVED_FILED = "   ข้อมูลที่ย้ายจากรายการเดิมมาอยู่กับโรงเรียนนี้: {what}"
RESULT_SAME_NOTHING_MOVED_FILED = "   ไม่มีความคิดเห็น บันทึกการติดต่อ หรือการนิเทศที่ต้องย้ายจากรายการเดิม"
# A school's line under a file when the batch counts it otherwise (new in an earlier file): its
# records came, the school is counted once, in the count above (TEST31 T12: "ปรับปรุง ๐" then "ปรับปรุง:").
RESULT_SCHOOL_RECORDS = "    ข้อมูลเพิ่มเติมของ: {code} {name}"
# fxV (VERIFY31 V4): after the import, the changes this laptop did not take (the preview's ไม่รับ) are said
# too, per file in the result window and in the notice bar, not only "ใหม่ ๐ ปรับปรุง ๐".
RESULT_FILE_NOT_TAKEN = "  ไม่รับการแก้ไข {count} รายการ ({kinds}) ตามเหตุผลในข้อควรระวังตอนตรวจไฟล์ก่อนนำเข้า"
RESULT_NOTICE_NOT_TAKEN = " · ไม่รับ {count} รายการ"
# s33 exB T6: a change this laptop keeps waiting already (same record, same version) that a later file
# brings again: counted once, its warning said once (the card of the later file, the result's line).
ALREADY_WAITING = ("รอตรวจสอบอยู่แล้ว {count} รายการ: ไฟล์ก่อนหน้านำมาแล้ว อยู่ใน “การเปลี่ยนแปลงที่รอตรวจสอบ”"
                   " ไม่นับซ้ำ และไม่เตือนซ้ำ")
RESULT_FILE_WAITING = "  รอตรวจสอบอยู่แล้ว {count} รายการ (นับไว้ครั้งเดียว)"

# TEST34C C3: confirmed visit records the file reopens (exchange/revised.py), in the file's card
REVISED_HEADING = "บันทึกการนิเทศที่ยืนยันแล้วแต่ถูกเปิดแก้ไข {count} รายการ"
# TEST35 T1: visits the file deletes here, their maker's deletion (exchange/removed.py), in the card
REMOVED_HEADING = "บันทึกการนิเทศที่ผู้บันทึกลบ {count} รายการ"

# s35 exch35 (TEST34C C9): the replies to follow-ups an import brought, named (exchange/replies.py
# counts them): in the notice after "ใหม่ …", and under the file in the result with where to read them.
RESULT_NOTICE_NAMED = " ({what})"
RESULT_FILE_REPLIES = "  {what}: อ่านและตอบได้ที่ โรงเรียน › รายการติดตามงานทุกโรงเรียน (Ctrl+Shift+F)"
