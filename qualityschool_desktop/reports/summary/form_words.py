"""The Thai words of the summary's printed form, the PDF's and the Word file's alike: the title
block, the section headings and sentences of 6.2, the tables' headers and cells, the signature and
the document's title. (The words the tables and the data module share sit in :mod:`.strings`.)
No ReportLab: :mod:`.word` reads them without loading the PDF's layout.
"""

from __future__ import annotations

from typing import Any

from ...thai import DigitText

FORM = "แบบรายงานผล"
# Broken by hand where a Thai reader would break it (the engine alone leaves "กระทรวงศึกษาธิการ" alone).
FORM_SUBTITLE = "การตรวจราชการและติดตามประเมินผล\nการจัดการศึกษาของกระทรวงศึกษาธิการ"
ROUND_LINE = "รอบที่ {round} ประจำปีงบประมาณ พ.ศ. {year}"
OFFICE_LINE = "หน่วยงาน : "  # as the two lines under it (TEST32b B7)
OFFICE_BLANK = "........................................................"
POLICY_LINE = "นโยบายการตรวจฯ : "
SCOPE_LINE = "ขอบเขตข้อมูล : "
SCOPE_ALL = "โรงเรียนทุกแห่งในฐานข้อมูล"
SCOPE_OFFICE = "สังกัด{office}"
SCOPE_PROVINCE = "จังหวัด{province}"
SCOPE_LEVEL = "ระดับ{level}"
DEMO_NOTICE = "ข้อมูลตัวอย่าง: สร้างขึ้นเพื่อทดลองใช้โปรแกรม ไม่ใช่ผลการประเมินของโรงเรียนจริง"

READINESS_INTRO = (
    "จากผลการประเมินตนเองที่โรงเรียนคุณภาพส่งแล้ว {reported} โรงเรียน (จากทั้งหมด {schools} โรงเรียน)"
    " จัดกลุ่มความพร้อมรายองค์ประกอบ ได้ดังนี้"
)
# When some schools are counted with an earlier round's result, the count says so, or 6.1's "ส่งแล้ว ๑๒"
# and this "ส่งแล้ว ๑๘" read as two answers to one question (RETEST13 N1).
READINESS_INTRO_CARRIED = (
    "จากผลการประเมินตนเองของโรงเรียนคุณภาพ {reported} โรงเรียน (จากทั้งหมด {schools} โรงเรียน: ส่งผลรอบนี้"
    " {this_round} โรงเรียน และนับด้วยผลล่าสุดจากรอบก่อนอีก {carried} โรงเรียน) จัดกลุ่มความพร้อมรายองค์ประกอบ ได้ดังนี้"
)


def readiness_intro(picture: Any, t: DigitText) -> str:
    """The sentence before 6.2 1)'s table: how many schools' results it counts, and how many of
    those were sent in this round."""
    carried = picture.reported - picture.reported_this_round
    if carried:
        return t(READINESS_INTRO_CARRIED, reported=picture.reported, schools=len(picture.schools),
                 this_round=picture.reported_this_round, carried=carried)
    return t(READINESS_INTRO, reported=picture.reported, schools=len(picture.schools))
READINESS_HEADER_COMPONENT = "องค์ประกอบ"
READINESS_SENTENCE = "{title} {groups}"
GROUP_COUNT = "{name} {count} โรงเรียน"
READINESS_CAPTION = "แผนภูมิจำนวนโรงเรียนตามกลุ่มความพร้อม รายองค์ประกอบ"
CHART_NUMBER = "ด้านที่ {code}"
H62_2 = "ผลการจัดกลุ่มสีของโรงเรียนคุณภาพ"
BANDS_INTRO = "จัดกลุ่มโรงเรียนตามคะแนนเฉลี่ยจากมากไปน้อยเป็นกลุ่มสีม่วง ฟ้า เขียว เหลือง ส้ม และแดง ได้ดังนี้"
BANDS_HEADER = ("กลุ่มสี", "เกณฑ์คะแนนเฉลี่ย", "จำนวน (โรงเรียน)", "ร้อยละ")
BANDS_PREVIOUS = "รอบก่อน"
BAND_NAME = "สี{name}"
BAND_RANGE_TOP = "{min} ขึ้นไป"
BAND_RANGE = "{min} – {max}"
BAND_RANGE_LOW = "ต่ำกว่า {max}"
BANDS_TOTAL = "รวม"
BANDS_CAPTION = "แผนภูมิจำนวนโรงเรียนคุณภาพในแต่ละกลุ่มสี"
PREVIOUS_SENTENCE = (
    "เทียบกับปีงบประมาณ {year} รอบที่ {round} (ส่งผล {reported} โรงเรียน): โรงเรียนที่ขยับขึ้นกลุ่มสีที่ดีขึ้น {up} โรงเรียน"
    " อยู่กลุ่มสีเดิม {same} โรงเรียน ลดลง {down} โรงเรียน"
)
PREVIOUS_NEW = " และไม่มีผลรอบก่อนให้เทียบ {new} โรงเรียน"
PREVIOUS_CARRIED = " และยังไม่ส่งผลใหม่หลังรอบก่อน จึงนับด้วยผลล่าสุดจากรอบที่ {round} อีก {carried} โรงเรียน"
NO_PREVIOUS = "ยังไม่มีผลการประเมินรอบก่อนหน้าให้เปรียบเทียบ"
H62_3 = "โรงเรียนคุณภาพในแต่ละอำเภอ จำแนกตามสังกัด"
DISTRICTS_HEADER = ("ที่", "อำเภอ", "โรงเรียน", "ผลการประเมิน")
OFFICE_ROW = "{office} ({count} โรงเรียน)"
NO_OFFICE = "ไม่ระบุสังกัด"
NO_DISTRICT = "ไม่ระบุ"
H62_4 = "ผลการประเมินรายโรงเรียนตามกลุ่มสี และองค์ประกอบที่ควรพัฒนาเป็นลำดับแรก"
SCHOOLS_HEADER = ("ที่", "โรงเรียน", "อำเภอ", "คะแนน\nเฉลี่ย", "เทียบ\nรอบก่อน", "องค์ประกอบที่ควรพัฒนา\nเป็นลำดับแรก")
BAND_ROW = "กลุ่มสี{name} ({count} โรงเรียน)"
WEAKEST = "ด้านที่ {code} {title} ({score})"
CHANGE_UP = "+{value}"
CHANGE_DOWN = "−{value}"
CHANGE_SAME = "คงเดิม"
# A school counted with an earlier round's result, in the narrow เทียบรอบก่อน column: two lines
# "ผลล่าสุด / รอบที่ ๑", not "ผลล่าสุด / จากรอบ / ที่ ๑" (TEST31b U5; the sentence above the table
# says "นับด้วยผลล่าสุดจากรอบที่ ๑").
CHANGE_LATEST = "ผลล่าสุด"
CHANGE_ROUND = "รอบที่ {round}"
SCHOOL_WORD = "โรงเรียน"
H62_5 = "โรงเรียนที่ยังไม่ส่งผลการประเมินรอบนี้"
ALL_REPORTED = "โรงเรียนคุณภาพทุกโรงเรียนส่งผลการประเมินรอบนี้แล้ว"
PENDING_HEADER = ("ที่", "โรงเรียน", "อำเภอ", "สังกัด", "สถานะ")
NO_PROBLEMS = "-ไม่มี-"
BULLET = "- "
SIGN_REPORTER = "ผู้รายงาน"
SIGN_DATE = "วันที่ ..... เดือน ............ พ.ศ. ......"
RUNNING_HEAD = "สรุปผลการตรวจราชการ โรงเรียนคุณภาพ · ปีงบประมาณ {year} รอบที่ {round}"
DOC_TITLE = "แบบรายงานผลการตรวจราชการ โรงเรียนคุณภาพ {office} ปีงบประมาณ {year} รอบที่ {round}"
