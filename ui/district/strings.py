"""Thai strings of the district dashboard, in one place."""

# -- district dashboard ------------------------------------------------------------------------
TITLE = "ภาพรวมระดับเขต/อำเภอ"  # the page, its breadcrumb and the โรงเรียน menu's command
WRITE_REPORT = "เขียนรายงาน"
WRITE_REPORT_TIP = "เขียนข้อความของสำนักงานในรายงานผลการตรวจราชการของรอบที่เลือก (ข้อ ๖.๑–๖.๖)"
YEAR = "ปีงบประมาณ"
ROUND = "รอบที่"
AREA_OFFICE = "สังกัด"
PROVINCE = "จังหวัด"
LEVEL = "ระดับ"
ALL_AREA_OFFICES = "ทุกสังกัด"
ALL_PROVINCES = "ทุกจังหวัด"
ALL_LEVELS = "ทุกระดับ"
BUSY = "กำลังรวบรวมข้อมูล…"
# No inspection round defined: the picture and the summary both go by the rounds the office defines.
NO_ROUNDS = (
    "ยังไม่ได้กำหนดรอบการตรวจราชการในฐานข้อมูลนี้ ภาพรวมและสรุปผลการตรวจราชการนับผลการประเมินตนเอง"
    "ล่าสุดของแต่ละโรงเรียนที่ส่งภายในวันปิดรับผลของรอบ จึงต้องกำหนดรอบก่อน\n"
    "กำหนดรอบได้ที่เมนู โรงเรียน › รอบการตรวจราชการ: ใส่ปีงบประมาณ พ.ศ. และรอบที่ "
    "(รอบที่ ๑ และ ๒ ใช้ช่วงเวลาตั้งต้น ๑ ต.ค.–๓๑ มี.ค. และ ๑ เม.ย.–๓๐ ก.ย.)"
)
DEFINE_ROUNDS = "กำหนดรอบการตรวจราชการ…"
FAILED = "รวบรวมภาพรวมไม่ได้"

BANDS_TITLE = "จำนวนโรงเรียนตามกลุ่มสี"
REPORTED = "รายงานแล้ว {reported} จาก {total} โรงเรียน"
BAND_CHIP_TIP = "กลุ่มสี{band}: {count} โรงเรียน"
DELTA_NONE = "รอบก่อน –"
DELTA_SAME = "เท่ารอบก่อน"
DELTA_UP = "▲ {n}"
DELTA_DOWN = "▼ {n}"
# A count's change in words (the arrow gives the direction, the colour and these words the verdict:
# fewer schools in the red band is good news).
TREND_TIP = "{name}: รอบก่อน {before} → รอบนี้ {now}{verdict}"
TREND_TIP_NONE = "{name}: ไม่มีรอบก่อนให้เทียบ"
TREND_BETTER = " (ดีขึ้น)"
TREND_WORSE = " (แย่ลง)"
ARROWS_AGAINST = " · ลูกศรเทียบกับปีงบประมาณ {year} รอบที่ {round}"
READINESS_TITLE = "ความพร้อมรายด้าน (จำนวนโรงเรียน)"
COMPONENT_SHORT = "ด้านที่ {code}"
READINESS_TIP = "{title}\n{parts}"
READINESS_PART = "{group} {count} โรงเรียน"

TAB_BY_BAND = "โรงเรียนตามกลุ่มสี ({count})"
TAB_NOT_REPORTED = "ยังไม่ส่งผลรอบนี้ ({count})"
TAB_PROGRESS = "เทียบกับรอบก่อน"
BAND_HEADERS = ("กลุ่มสี", "โรงเรียน", "อำเภอ", "สังกัด", "คะแนน", "ด้านที่ต้องพัฒนามากที่สุด", "เทียบรอบก่อน")
WEAKEST = "ด้านที่ {code} {title} ({score})"
CHANGE_UP = "▲ {value}"
CHANGE_DOWN = "▼ {value}"
CHANGE_SAME = "= 0.00"
CHANGE_NONE = "ไม่มีผลรอบก่อน"
CARRIED_TIP = "ยังไม่ส่งผลใหม่หลังปิดรับผลรอบที่ {round}: นับด้วยผลล่าสุด (คะแนน {score})"
CHANGE_TIP = "รอบก่อน {before} → รอบนี้ {now}"
OPEN_SCHOOL = "เปิดข้อมูลโรงเรียน"
OPEN_SCHOOL_TIP = "เปิดหน้าของโรงเรียนที่เลือก (Enter หรือดับเบิลคลิก)"
NONE_REPORTED = "ยังไม่มีโรงเรียนใดส่งผลการประเมินรอบนี้"

NOT_REPORTED_HEADERS = ("โรงเรียน", "อำเภอ", "สังกัด", "สถานะ")
NOT_STARTED = "ยังไม่เริ่มประเมินรอบนี้"
DRAFT = "กำลังประเมิน (ตอบแล้ว {answered}/{total} ประเด็น) ยังไม่ส่งผล"
RETURNED = "สำนักงานส่งกลับแก้ไข ยังไม่นับเป็นผลของรอบนี้"
CARRIED = "ยังไม่ส่งผลรอบนี้ (นับด้วยผลล่าสุดจากรอบที่ {round})"
ALL_REPORTED = "ทุกโรงเรียนส่งผลการประเมินรอบนี้แล้ว"

PREVIOUS_ROUND = "เทียบกับปีงบประมาณ {year} รอบที่ {round}"
NO_PREVIOUS = "ยังไม่มีรอบก่อนหน้าให้เทียบ"
PROGRESS_HEADERS = ("กลุ่มสี", "รอบก่อน", "รอบนี้", "เปลี่ยนแปลง")
PROGRESS_REPORTED = "จำนวนที่รายงาน"
MOVES = "กลุ่มสีสูงขึ้น {up} โรงเรียน · เท่าเดิม {same} · ต่ำลง {down} · ไม่มีผลรอบก่อนให้เทียบ {new}"
MOVES_CARRIED = " · ใช้ผลล่าสุดจากรอบก่อน {carried}"

# -- the office's review of submitted rounds (issue 13) -------------------------------------------
REVIEW_CHIPS = {"waiting": "รอตรวจ {count}", "accepted": "ผ่าน {count}", "returned": "ส่งกลับ {count}"}
REVIEW_TIP = ("ผลการตรวจแบบประเมินตนเองของรอบนี้: รอตรวจ = ส่งแล้วแต่สำนักงานยังไม่ได้ตรวจ,"
              " ผ่าน = สำนักงานรับแล้ว, ส่งกลับ = ส่งกลับให้โรงเรียนแก้ไข (รวมที่โรงเรียนเปิดแก้ไขอยู่)")

# TEST31 T14: "รายงานแล้ว ๑๘ จาก ๑๘" beside the tab "ยังไม่ส่งผลรอบนี้ (๖)" read as a contradiction (the
# six counted with an earlier round's result): with such schools the line counts what the tab
# counts, and says what the chips add.
REPORTED_WITH_CARRIED = "ส่งผลรอบนี้ {sent} จาก {total} โรงเรียน · อีก {carried} นับด้วยผลล่าสุดจากรอบก่อน"
