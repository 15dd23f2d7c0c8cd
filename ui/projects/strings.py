"""The projects page's Thai texts."""

from __future__ import annotations

TITLE = "โครงการและความก้าวหน้า"
OFFICE_LABEL = "สำนักงานเขตพื้นที่:"
YEAR_LABEL = "ปีงบประมาณ พ.ศ.:"
PERIOD_LABEL = "รอบรายงาน:"
PERIODS = {"H1": "รอบ ๖ เดือน (ต.ค.–มี.ค.)", "H2": "ครึ่งปีหลัง (เม.ย.–ก.ย.)", "Q1": "ไตรมาสที่ ๑", "Q2": "ไตรมาสที่ ๒",
           "Q3": "ไตรมาสที่ ๓", "Q4": "ไตรมาสที่ ๔", "Y": "รอบ ๑๒ เดือน (ทั้งปี)"}
# The proposed PDF name: the period as PERIODS says it, short (no brackets), digits as the year's.
FILE_NAME = "ความก้าวหน้าโครงการ {owner} {year} {period}.pdf"
FILE_PERIODS = {"H1": "รอบ 6 เดือน", "H2": "ครึ่งปีหลัง", "Q1": "ไตรมาสที่ 1", "Q2": "ไตรมาสที่ 2", "Q3": "ไตรมาสที่ 3",
                "Q4": "ไตรมาสที่ 4", "Y": "ทั้งปี"}
ADD = "เพิ่มโครงการ"
REMOVE = "ลบโครงการ"
ADD_LINE = "เพิ่มรายการงบประมาณ"
PRINT_PDF = "พิมพ์ PDF"  # as the other pages; the tooltip says which report (150 %: try15 F14)
PDF_TITLE = "พิมพ์รายงานสรุปความก้าวหน้าของการดำเนินโครงการเป็น PDF"
SAVE_XLSX = "Excel"  # short beside พิมพ์ PDF: the row fits at 150 %; the tooltip says the rest
XLSX_TITLE = "บันทึกรายงานสรุปความก้าวหน้าของการดำเนินโครงการเป็นไฟล์ Excel (ตัวเลขเดียวกับ PDF)"
XLSX_FILTER = "ไฟล์ Excel (*.xlsx)"
IDLE = "แก้ไขได้ทันที ทุกช่องบันทึกเมื่อกด Enter หรือย้ายไปช่องอื่น"
NO_OFFICE = "ยังไม่มีสำนักงานเขตพื้นที่ในฐานข้อมูลนี้: เพิ่มโรงเรียนพร้อมชื่อสำนักงานเขตพื้นที่ก่อน"
EMPTY = "สำนักงานนี้ยังไม่มีโครงการในปีงบประมาณนี้ กด “เพิ่มโครงการ” เพื่อเริ่ม"
SUMMARY = "ทั้งหมด {total} โครงการ: {parts}"
SUMMARY_GROUPS = "ทั้งหมด {total} โครงการ · {groups}"  # as the printed report groups them
SUMMARY_GROUP = "{title} {count} โครงการ ({parts})"
GROUP_TITLES = {"own": "ตามแผนปฏิบัติการ", "obec": "ได้รับจัดสรรงบประมาณจาก สพฐ.",
                "others": "ได้รับงบประมาณจากหน่วยงานอื่น"}
GOAL, COMPONENTS = "สนองเป้าหมายของแผนพัฒนา", "องค์ประกอบที่สนับสนุน"
NO_GOAL = "– ไม่ระบุ –"
GOAL_OFFICE_TIP = ("แผนพัฒนาในโปรแกรมเป็นของโรงเรียน โครงการของสำนักงานเขตพื้นที่จึงไม่มีเป้าหมายให้เลือก:"
                   " ระบุองค์ประกอบที่โครงการสนับสนุนในช่องถัดไป")
GOAL_NONE_TIP = "แผนพัฒนาของโรงเรียนยังไม่มีเป้าหมาย: เพิ่มเป้าหมายได้ที่แท็บแผนพัฒนาของโรงเรียน"
GOAL_TIP = "เป้าหมายในแผนพัฒนาของโรงเรียนที่โครงการนี้สนอง"
# The empty field says its format (TEST32b B10: no hint until a refusal).
COMPONENTS_PLACEHOLDER = "เลของค์ประกอบหรือประเด็น เช่น ๔ หรือ ๒.๓"
COMPONENTS_TIP = "เลของค์ประกอบหรือประเด็นตามเกณฑ์ที่โครงการสนับสนุน คั่นด้วยเว้นวรรคหรือจุลภาค เช่น ๒, ๒.๓"
SUMMARY_PART = "{label} {count} ({share}%)"
# the list's short status words (the full ones in the tooltip, the summary and the editor): the
# names keep their room at 150 % (try15 F14: every name read "โครงการ...")
# "ยังไม่ได้ดำเนินการ" as the summary and the editor say ("ยังไม่เริ่ม" read as another status, TEST31
# T15); no wider than "ระหว่างดำเนินการ".
SHORT_STATUSES = {"finished": "เสร็จสิ้นแล้ว", "in_progress": "ระหว่างดำเนินการ", "not_started": "ยังไม่ได้ดำเนินการ"}
COLUMNS = ("ที่", "ชื่อโครงการ", "สถานะ", "งบตามแผน\n(บาท)", "เบิกจ่ายจริง\n(บาท)")
# The list's money follows the period chosen, as the printout does, and its headings say which (test26b F13).
COLUMN_PERIODS = {"H1": "ต.ค.–มี.ค.", "H2": "เม.ย.–ก.ย.", "Q1": "ไตรมาส ๑", "Q2": "ไตรมาส ๒", "Q3": "ไตรมาส ๓",
                  "Q4": "ไตรมาส ๔", "Y": "ทั้งปี"}
MONEY_COLUMNS = ("งบตามแผน\n{period}\n(บาท)", "เบิกจ่ายจริง\n{period}\n(บาท)")
MONEY_TIP = ("{period}: งบประมาณตามแผน {planned} บาท ถึงกำหนดเบิกจ่ายแล้ว {due} บาท เบิกจ่ายจริง {disbursed} บาท\n"
             "ผลการเบิกจ่าย: {verdict}")
NAME, RESPONSIBLE, STATUS = "ชื่อโครงการ", "ผู้รับผิดชอบ", "สถานะโครงการ"
OUTPUT, OUTCOME = "เป้าหมายเชิงผลผลิต (Output)", "เป้าหมายเชิงผลลัพธ์ (Outcome)"
BUDGET = "งบประมาณรายไตรมาส (บาท)"
REASON, PROBLEMS, SUGGESTIONS = "เหตุผลที่เบิกจ่ายไม่ได้ตามแผน", "ปัญหาและอุปสรรค", "ข้อเสนอแนะ"
RESULTS = "สรุปผลการดำเนินงาน"
RESULTS_TIP = ("สรุปผลการดำเนินงานที่จะพิมพ์ในรายงานความก้าวหน้า เว้นว่างไว้ได้:"
               " รายงานจะสรุปจากกิจกรรมที่เสร็จสิ้นและผลตามตัวชี้วัดให้")
# Two lines a heading: the columns stay narrow enough to show whole at 1366×768 (TEST25 #5).
LINE_COLUMNS = ("แหล่ง\nงบประมาณ", "แผน\nต.๑", "แผน\nต.๒", "แผน\nต.๓", "แผน\nต.๔",
                "จ่ายจริง\nต.๑", "จ่ายจริง\nต.๒", "จ่ายจริง\nต.๓", "จ่ายจริง\nต.๔")
# A budget line's source, chosen in its cell (test26b F12: a typed "สพ." silently made another agency).
OWN_OFFICE_CELL, OWN_SCHOOL_CELL = "งบประมาณของสำนักงาน", "งบประมาณของโรงเรียน"
OBEC_CELL = "จัดสรรจาก สพฐ."  # a line allocated by OBEC, as the grid shows it
OBEC_WORDS = frozenset({"สพฐ.", "สพฐ", "จัดสรรจาก สพฐ.", "จัดสรรจาก สพฐ", "OBEC", "obec"})
OWN_WORDS = frozenset({"", OWN_OFFICE_CELL, OWN_SCHOOL_CELL, "งบประมาณของหน่วยงาน", "งบของสำนักงาน", "งบของโรงเรียน"})
SOURCE_HINT = "เลือก หรือพิมพ์ชื่อหน่วยงานอื่น"
SOURCE_TIP = ("เลือก “งบประมาณของสำนักงาน” (หรือ “ของโรงเรียน”) เมื่อเป็นงบประมาณของตนเอง “จัดสรรจาก สพฐ.” เมื่อได้รับจัดสรรจาก สพฐ."
              " หรือพิมพ์ชื่อหน่วยงานอื่นที่ให้งบประมาณ เช่น สถาบันทดสอบทางการศึกษาแห่งชาติ")
LINE_GROUP_TIPS = {"own": "งบประมาณของตนเอง: นับในโครงการตามแผนปฏิบัติการ",
                   "obec": "งบประมาณที่ได้รับจัดสรรจาก สพฐ.: นับในโครงการที่ได้รับจัดสรรงบประมาณจาก สพฐ.",
                   "agency": "งบประมาณจากหน่วยงานอื่น “{agency}”: นับในโครงการที่ได้รับงบประมาณจากหน่วยงานอื่น"
                             " (ถ้าหมายถึง สพฐ. ให้เลือก “จัดสรรจาก สพฐ.”)"}
PROJECT_GROUP = "ในรายงานความก้าวหน้า โครงการนี้อยู่ในกลุ่ม “{group}” {why}"
GROUP_WHY = {"own": "(มีงบประมาณของตนเอง หรือหลายแหล่งรวมกัน)",
             "obec": "(ทุกรายการได้รับจัดสรรจาก สพฐ.)",
             "others": "(ทุกรายการเป็นงบประมาณของหน่วยงานอื่น: {agencies})"}
NEW_NAME = "โครงการใหม่"
REMOVED = "ลบโครงการ “{name}” แล้ว"
CONFIRM_REMOVE = "ลบโครงการ “{name}” ออกจากรายการโครงการ?"
NOT_SAVED_CELL = "ยังไม่ได้บันทึก: {reason}"
NOT_SAVED_ROW = "แถวที่ {row} ยังไม่ได้บันทึก: {reason}"
WAITS_FOR_ROW = "ยังไม่ได้บันทึก: ตารางนี้บันทึกทั้งตาราง จะบันทึกเมื่อแก้แถวที่ {rows} ให้ถูกต้องแล้ว"
INDICATORS, ACTIVITIES = "ดัชนีชี้วัดความสำเร็จ", "กิจกรรม"
INDICATOR_COLUMNS = ("ตัวชี้วัด", "ค่าเป้าหมาย", "ผลการดำเนินงาน")
ACTIVITY_COLUMNS = ("กิจกรรม", "ไตรมาส", "เริ่ม\nตามแผน", "สิ้นสุด\nตามแผน", "เริ่ม\nจริง", "สิ้นสุด\nจริง", "สถานะ")
ADD_ROW = {"indicators": "เพิ่มตัวชี้วัด", "activities": "เพิ่มกิจกรรม"}
TAB = "โครงการ"
SCHOOL_EMPTY = "โรงเรียนนี้ยังไม่มีโครงการในปีงบประมาณนี้ กด “เพิ่มโครงการ” เพื่อเริ่ม"
SCHOOL_EMPTY_HERE = "โรงเรียนนี้ยังไม่มีโครงการในปีงบประมาณนี้"
NO_SCHOOL = "ยังไม่ได้เลือกโรงเรียน"

# TEST31 T15: money paid out on a project still "not started", said under its budget and on its status.
PAID_NOT_STARTED = ("มีการเบิกจ่ายแล้ว แต่สถานะโครงการยังเป็น “ยังไม่ได้ดำเนินการ”:"
                    " ถ้าเริ่มโครงการแล้ว เปลี่ยนสถานะเป็น “อยู่ระหว่างดำเนินการ”")
