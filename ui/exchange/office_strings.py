"""Thai words of the import preview's office tick and its result (s32 B20), apart from
``strings.py``, which is near 600 lines."""

# s34 exw34 T4: the office's decisions by kind, only the kinds present (``words.office_kinds``), never
# "ผลการตรวจ (หรือผลการอนุมัติงบประมาณ)".
KIND_REVIEW = "ผลการตรวจ"
KIND_REVIEW_WHAT = "ผลการตรวจ (ผ่าน, ส่งกลับแก้ไข)"  # in the preview, which says what a verdict is
KIND_BUDGET = "ผลการอนุมัติงบประมาณ"
KINDS = "{first}และ{second}"
KIND_COUNTED = "{kind} {count} รายการ"
KIND_OF_OFFICE = "{kind}ของสำนักงาน"
KINDS_COUNTED = "{first} และ{second}"
OFFICE_HEADING = "{what}จากสำนักงานเขตพื้นที่ที่ยังไม่ได้ผูกกุญแจ"
OFFICE_EXPLAIN = (
    "ไฟล์นี้มี{what} ลงนามด้วยกุญแจด้านล่าง ซึ่งยังไม่ได้ผูกเป็นกุญแจ"
    "ของสำนักงานเขตพื้นที่ในเครื่องนี้ โทรหาสำนักงาน ขอให้อ่านลายนิ้วมือกุญแจของเครื่องสำนักงาน (เมนูแฟ้ม › ผู้ส่งข้อมูล)"
    " หากตรงกันทุกกลุ่ม ให้ทำเครื่องหมาย"
)
OFFICE_CHOICE = "กุญแจนี้เป็นของสำนักงานเขตพื้นที่ของโรงเรียน ({area})"
OFFICE_TICKED = "เมื่อนำเข้า จะผูกกุญแจนี้เป็นกุญแจของสำนักงาน และใช้{what}ในไฟล์นี้ทันที"
OFFICE_LATER = (
    "หากยังไม่ทำเครื่องหมาย {what}จะรอตรวจสอบ ไม่สูญหาย เมื่อผูกกุญแจภายหลัง (แฟ้ม › ผู้ส่งข้อมูล… › ผูกเป็นกุญแจเขต…)"
    " ผลนั้นจะใช้ทันที ไม่ต้องนำเข้าไฟล์อีกครั้ง"
)
OFFICE_CONFIRM_TITLE = "ผูกกุญแจเป็นกุญแจของสำนักงานเขตพื้นที่"
OFFICE_CONFIRM = (
    "ผูกกุญแจ {groups} เป็นกุญแจของ {area}?\n\nโปรดแน่ใจว่าได้โทรเทียบลายนิ้วมือกับสำนักงานแล้วว่าตรงกันทุกกลุ่ม"
    " ต่อไปผลการตรวจและผลการอนุมัติงบประมาณที่ลงนามด้วยกุญแจนี้จะมีผลในเครื่องนี้"
    " (ยกเลิกได้ที่ แฟ้ม › ผู้ส่งข้อมูล… › ยกเลิกกุญแจเขต…)"
)
# The import's result, under the file's line.
RESULT_OFFICE_BOUND = "  ผูกกุญแจ {groups} เป็นกุญแจของ {area} แล้ว · ใช้ผลการตรวจของสำนักงาน {count} รายการ"
# s33 exC T1: the import's result for the office's decisions waiting for its key, apart from the
# changes by keys that do not own the record (RESULT_PENDING_NOTE).
RESULT_OFFICE_WAITING = (
    "{what} ได้รับแล้วแต่ยังไม่นำไปใช้ จนกว่าเครื่องนี้จะยืนยัน"
    "กุญแจของสำนักงาน: โทรเทียบลายนิ้วมือกับสำนักงานก่อน แล้วผูกที่ แฟ้ม › ผู้ส่งข้อมูล… › “ผูกเป็นกุญแจเขต…”"
    " ผลนั้นจะใช้ทันที ไม่ต้องนำเข้าไฟล์อีกครั้ง"
)
# s33 exC T2: the pending window's header when the selected (or every) change is the office's decision:
# the office's way (phone first, ผูกเป็นกุญแจเขต…), never "bind to the school" (the office would then
# change the school's data). {what}: the selected decision's kind and นี้, else the kinds waiting.
PENDING_THIS = "{kinds}นี้"
PENDING_THESE = "{kinds}ที่รอตรวจสอบ"
PENDING_EXPLAIN_OFFICE = (
    "{what}มาจากสำนักงานเขตพื้นที่ ลงนามด้วยกุญแจที่ยังไม่ได้ผูกเป็นกุญแจของสำนักงาน"
    "ในเครื่องนี้ จึงเก็บไว้ก่อนโดยยังไม่นำไปใช้ อ่านได้ว่าสำนักงานตัดสินอย่างไร แล้วโทรหาสำนักงานเพื่อเทียบลายนิ้วมือกุญแจ"
    " หากตรงกันทุกกลุ่ม ให้ผูกเป็นกุญแจของสำนักงานที่ แฟ้ม › ผู้ส่งข้อมูล… › “ผูกเป็นกุญแจเขต…” ผลนั้นจะใช้ทันที"
    " (อย่าผูกกุญแจของสำนักงานกับโรงเรียน: สำนักงานจะแก้ข้อมูลของโรงเรียนได้)"
)
# s33 exC T1: the pending window's detail of the office's review decision (the round is here).
VERDICT_ROUND = "แบบประเมินที่ตรวจ"
VERDICT = "ผลการตรวจ"
VERDICT_COMMENT = "ความเห็นของสำนักงาน"
VERDICT_OFFICE = "สำนักงาน"
VERDICT_WHEN = "ตรวจเมื่อ"
VERDICT_RECEIVED = "ผลการตรวจที่ได้รับ (ยังไม่นำไปใช้)"
VERDICT_NONE_HERE = "ยังไม่มีผลการตรวจ (สถานะ: {state})"
# s35 exch35 (TEST34B B8): the preview card's heading over the office's decisions the file brings that
# wait for its key, apart from the changes by keys that do not own the record (PENDING_HEADING):
# no one's "ยอมรับ" applies them, binding the office's key does.
PREVIEW_OFFICE_WAITING = ("{what} รอกุญแจของสำนักงาน: ได้รับแล้ว ยังไม่นำไปใช้ จนกว่าเครื่องนี้จะผูกกุญแจ"
                          "ของสำนักงาน (ดูข้อควรระวัง)")
