"""The demo database: Tak province's quality schools with invented self-assessments.

``python main.py demo --db PATH`` and the welcome page's "open the demo data" call
:func:`build_demo`. The schools' names, districts and area offices are real (seed 002, kept in
``resources/demo/tak-quality-schools.json``); everything else - school codes, pupil and teacher
numbers, assessors, levels, evidence - is invented here and every school is stored with
``is_demo=True``, so no one mistakes it for a school's real result.

The build is deterministic: one ``random.Random`` with a fixed seed, and the schools in the file's
order. The same ``today`` gives the same answers on every machine, so a screenshot in the README
and a newcomer's first look show the same picture.

It goes through the core's public API only (schools, assessments, answers), exactly as a user's
clicks would, so the demo also exercises the paths real data takes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Mapping

from . import paths
from .assessments import ROLES
from .framework import Framework, Item
from .scoring import AssessmentResult, score_assessment
from .thai import be_year, fiscal_year_of, thai_digits
from .workspace import Workspace

DEMO_FILE = ("demo", "tak-quality-schools.json")
# Any fixed number will do; it only has to stay the same so the demo does too.
SEED = 2567_002

# Codes start with "99": no province code is 99, so a demo code never collides with a real one.
DEMO_CODE_PREFIX = "99"

# ---------------------------------------------------------------------------------------------
# The invented part: what happened at each school. One entry per school, in the JSON's order.
# ---------------------------------------------------------------------------------------------

# Target mean level (1.00-5.00) of the latest submitted round, per colour band: a range inside
# the band's default thresholds (purple >= 4.5, blue >= 4.0, green >= 3.5, yellow >= 3.0,
# orange >= 2.5, red below) with room for the +-0.05 the planner allows.
BAND_TARGETS: Mapping[str, tuple[float, float]] = {
    "purple": (4.58, 4.75),
    "blue": (4.10, 4.38),
    "green": (3.60, 3.90),
    "yellow": (3.10, 3.40),
    "orange": (2.60, 2.90),
    "red": (2.00, 2.40),
}

# How far each component (1 infrastructure, 2 people, 3 management, 4 learning, 5 learners)
# sits from the school's mean, so readiness groups differ between components and schools.
PROFILES: Mapping[str, Mapping[str, float]] = {
    "balanced": {"1": 0.1, "2": 0.1, "3": 0.1, "4": -0.1, "5": -0.2},
    # A well-funded town school whose learners' results lag behind its buildings.
    "strong_buildings": {"1": 0.7, "2": 0.1, "3": 0.1, "4": -0.2, "5": -0.7},
    # Committed staff in an old, poorly equipped school.
    "strong_people": {"1": -0.6, "2": 0.5, "3": 0.2, "4": 0.1, "5": -0.2},
    # Paperwork in order, teaching and results still catching up.
    "strong_management": {"1": 0.0, "2": 0.0, "3": 0.6, "4": -0.2, "5": -0.4},
    # Good results and activities despite modest means.
    "strong_learners": {"1": -0.4, "2": 0.0, "3": -0.2, "4": 0.2, "5": 0.4},
    # A mountain district: electricity, internet and transport are the weak point.
    "remote": {"1": -0.8, "2": 0.2, "3": 0.1, "4": 0.2, "5": 0.3},
}

SIZES: Mapping[str, Mapping[str, tuple[int, int]]] = {
    "primary": {"s": (80, 220), "m": (220, 520), "l": (520, 950)},
    "secondary": {"s": (350, 750), "m": (750, 1400), "l": (1400, 2100), "xl": (2100, 2500)},
}

NA_REASONS: Mapping[str, str] = {
    "1.1.3": "โรงเรียนไม่มีบ้านพักครูและหอพักนักเรียน เนื่องจากครูทุกคนมีที่พักในชุมชน และนักเรียนเดินทางไป–กลับทุกวัน",
    "4.2.7": "โรงเรียนไม่ได้เปิดห้องเรียน ๒ ภาษา ตามแผนการจัดชั้นเรียนที่สำนักงานเขตพื้นที่อนุมัติ",
}


@dataclass(frozen=True)
class Scenario:
    band: str  # colour band of the latest submitted round
    second_round: str  # "" (round 1 only), "better" or "worse" than round 1
    profile: str
    size: str
    draft: bool = False  # a round of the current fiscal year, partly answered
    not_applicable: tuple[str, ...] = ()


# Seed 001's picture: mostly green, a few either side. Lower bands re-assessed more often
# (DOMAIN.md), hence their second rounds. Two schools got worse in round 2.
SCENARIOS: tuple[Scenario, ...] = (
    # สพป.ตาก เขต 1
    Scenario("green", "better", "strong_buildings", "l", not_applicable=("1.1.3",)),
    Scenario("yellow", "better", "strong_people", "m", draft=True, not_applicable=("1.1.3", "4.2.7")),
    Scenario("blue", "better", "balanced", "m"),
    Scenario("green", "", "strong_learners", "m"),
    # สพป.ตาก เขต 2
    Scenario("green", "worse", "strong_management", "l", not_applicable=("4.2.7",)),
    Scenario("orange", "better", "strong_people", "m", draft=True),
    Scenario("yellow", "", "strong_learners", "s"),
    Scenario("red", "better", "remote", "s"),
    Scenario("yellow", "better", "remote", "m"),
    # สพม.ตาก
    Scenario("purple", "better", "balanced", "xl", draft=True),
    Scenario("green", "", "strong_management", "m"),
    Scenario("green", "better", "balanced", "s", not_applicable=("1.1.3",)),
    Scenario("yellow", "worse", "strong_buildings", "s"),
    Scenario("blue", "", "strong_buildings", "l"),
    Scenario("green", "better", "strong_learners", "m", draft=True),
    Scenario("green", "better", "remote", "m"),
    Scenario("green", "", "strong_people", "m"),
    Scenario("green", "", "remote", "s"),
)

# Invented assessors. Plain names: the school's demo flag already says none of this is real.
MALE_NAMES = (
    "สมชาย", "ประเสริฐ", "วีระพงษ์", "ธนากร", "สุรเชษฐ์", "อนุชา", "กิตติศักดิ์", "ณรงค์ฤทธิ์",
    "พงศกร", "ชัยวัฒน์", "เอกชัย", "ศักดิ์ชัย", "สุทธิพงษ์", "บุญเลิศ",
)
FEMALE_NAMES = (
    "สุภาพร", "วราภรณ์", "กัญญารัตน์", "พัชรี", "อรุณี", "นงลักษณ์", "จันทร์เพ็ญ", "ศิริพร",
    "ดวงใจ", "ปิยะนุช", "รัตนา", "มาลัย", "เยาวลักษณ์", "ประภาพร",
)
SURNAMES = (
    "แก้วมณี", "ศรีสุข", "บุญมา", "คำแสน", "ทองดี", "อินทร์แก้ว", "สุขประเสริฐ", "วงศ์ไชย",
    "จันทร์หอม", "ปัญญาวงศ์", "มณีรัตน์", "พรหมเมือง", "ชัยมงคล", "ดวงแก้ว", "กันทะวงศ์",
    "อุ่นเรือน", "ธรรมวงศ์", "เรือนคำ", "ศรีวิชัย", "ปัญญาดี", "นาคสุข", "ใจมั่น",
)

# ---------------------------------------------------------------------------------------------
# Evidence: short sentences of what a school did, by item (or by indicator when they fit every
# item of it). Placeholders: {district} {office} {ay} academic year at the assessment,
# {ay_done} the last finished one, {ay_plan_end}, {fy} {fy_prev} {fy_next} fiscal years,
# {test} {grade_top} by school level, and numbers {n_small} {n} {n_big} {pct} {pct_high}
# {pct_low} {pct_save} {kw} {mbps} {ita} {hours} {subjects}.
# ---------------------------------------------------------------------------------------------

EVIDENCE: Mapping[str, tuple[str, ...]] = {
    "1.1.1": (
        "อาคารเรียน {n_small} หลังผ่านการตรวจสภาพความมั่นคงแข็งแรงโดยช่างโยธาขององค์กรปกครองส่วนท้องถิ่น",
        "ได้รับงบลงทุนปีงบประมาณ {fy_prev} ปรับปรุงหลังคาอาคารเรียนและห้องน้ำนักเรียนแล้วเสร็จ ใช้งานได้ครบทุกห้อง",
    ),
    "1.1.2": (
        "มีสนามฟุตบอล ลานกีฬาอเนกประสงค์ และสนามเด็กเล่น นักเรียนใช้จัดกิจกรรมทุกวันหลังเลิกเรียน",
        "ปรับห้องว่างเป็นห้องดนตรีและห้องนาฏศิลป์ มีตารางการใช้ห้องติดหน้าห้อง",
    ),
    "1.1.3": (
        "บ้านพักครู {n_small} หลังได้รับการซ่อมแซมและติดไฟส่องสว่างรอบบริเวณ ครูที่มาจากต่างอำเภอพักได้ครบทุกคน",
        "หอพักนักเรียนชาย–หญิงแยกอาคาร มีครูเวรประจำทุกคืน รองรับนักเรียนจากหมู่บ้านบนดอย",
    ),
    "1.2.1": (
        "ติดตั้งโซลาร์เซลล์ขนาด {kw} กิโลวัตต์ ลดค่าไฟฟ้าได้ประมาณร้อยละ {pct_save} และมีเครื่องสำรองไฟห้องคอมพิวเตอร์",
        "การไฟฟ้าส่วนภูมิภาคอำเภอ{district}ตรวจระบบไฟฟ้าภายในโรงเรียน เปลี่ยนสายไฟอาคารเก่าแล้วเสร็จ",
    ),
    "1.2.2": (
        "มีเครื่องกรองน้ำดื่ม {n_small} จุด ส่งตรวจคุณภาพน้ำกับโรงพยาบาลส่งเสริมสุขภาพตำบลปีละ ๒ ครั้ง ผ่านเกณฑ์ทุกครั้ง",
    ),
    "1.2.3": (
        "อินเทอร์เน็ตไฟเบอร์ความเร็ว {mbps} Mbps กระจาย Wi-Fi ครอบคลุมอาคารเรียนทุกหลังและห้องสมุด",
        "ติดตั้งจุดกระจายสัญญาณเพิ่ม {n_small} จุด ใช้ระบบยืนยันตัวตนแยกบัญชีครูและนักเรียน",
    ),
    "1.3.1": (
        "ปรับปรุงห้องปฏิบัติการวิทยาศาสตร์ มีชุดทดลองครบตามรายวิชา และห้องคอมพิวเตอร์ {n_big} เครื่อง",
        "มีแหล่งเรียนรู้เศรษฐกิจพอเพียง ได้แก่ แปลงผัก บ่อปลา และโรงเพาะเห็ด นักเรียนทุกชั้นได้ลงมือปฏิบัติ",
    ),
    "1.3.2": (
        "จัดห้องสมุดอัจฉริยะ (Smart Library) ยืม–คืนด้วยบาร์โค้ด มีหนังสืออิเล็กทรอนิกส์ให้อ่านผ่านแท็บเล็ต",
        "มีห้องแนะแนวและห้องพยาบาลที่มีครูประจำ บันทึกการใช้บริการเป็นรายวัน",
    ),
    "1.4.1": (
        "ติดตั้งกล้องวงจรปิด {n_big} จุด ครอบคลุมประตูทางเข้าออก อาคารเรียน และโรงอาหาร ดูภาพย้อนหลังได้ ๓๐ วัน",
        "รถรับส่งนักเรียนผ่านการตรวจสภาพจากสำนักงานขนส่งจังหวัดตาก คนขับผ่านการอบรมความปลอดภัย",
    ),
    "1.4.2": (
        "ตรวจถังดับเพลิงทุกเดือน มีบัตรบันทึกการตรวจติดที่ถัง ซ้อมอพยพหนีไฟร่วมกับเทศบาลปีละ ๑ ครั้ง",
        "ซ่อมรั้วและประตูด้านหลังโรงเรียนแล้วเสร็จ ทำป้ายบอกทางหนีไฟทุกอาคาร",
    ),
    "2.1": (
        "ผู้อำนวยการเป็นวิทยากรให้โรงเรียนเครือข่ายในอำเภอ{district} เรื่องการขับเคลื่อนโรงเรียนคุณภาพ",
        "รายงานผลการดำเนินงานตามแผนกลยุทธ์ต่อคณะกรรมการสถานศึกษาขั้นพื้นฐานทุกภาคเรียน",
    ),
    "2.1.1": ("ผู้อำนวยการได้รับการยกย่องเป็นผู้บริหารต้นแบบด้านคุณธรรมจริยธรรมของ {office}",),
    "2.1.2": ("ประชุมคณะกรรมการสถานศึกษา ผู้ปกครอง และผู้นำชุมชน ร่วมทบทวนวิสัยทัศน์และกลยุทธ์ของโรงเรียน",),
    "2.1.3": ("ติดตามผลการดำเนินงานตามแผนกลยุทธ์ทุกไตรมาส โครงการตามแผนปฏิบัติการบรรลุเป้าหมายร้อยละ {pct}",),
    "2.1.4": ("ผู้อำนวยการแก้ปัญหาครูไม่ครบชั้นด้วยการจัดครูสอนคละชั้นและขอรับครูอัตราจ้างจากองค์การบริหารส่วนตำบล",),
    "2.1.5": ("ผู้อำนวยการนิเทศชั้นเรียนครบทุกห้องภาคเรียนละ ๒ ครั้ง มีบันทึกการนิเทศและให้ข้อมูลย้อนกลับครูรายบุคคล",),
    "2.1.6": ("ผู้อำนวยการร่วมออกแบบเครื่องมือวัดและประเมินผลกับครู และตรวจสอบผลการเรียนก่อนอนุมัติทุกภาคเรียน",),
    "2.1.7": ("ผู้อำนวยการเข้าร่วมวง PLC ของครูทุกกลุ่มสาระอย่างน้อยเดือนละครั้ง",),
    "2.1.8": ("จัดทำปฏิทินการนิเทศภายในรายภาคเรียน มีเครื่องมือนิเทศและสรุปผลการนิเทศเสนอฝ่ายวิชาการ",),
    "2.1.9": ("ประชุมคณะกรรมการประกันคุณภาพภายในภาคเรียนละครั้ง นำผลการประเมินตนเองมาจัดทำแผนพัฒนา",),
    "2.1.10": ("ผู้บริหารผ่านการอบรม ICT Talent และใช้ระบบสารบรรณอิเล็กทรอนิกส์สั่งการและติดตามงานทุกฝ่าย",),
    "2.1.11": ("พัฒนารูปแบบการบริหารแบบมีส่วนร่วมของโรงเรียน นำเสนอในเวทีแลกเปลี่ยนเรียนรู้ระดับเขตพื้นที่",),
    "2.1.12": ("ผู้อำนวยการสื่อสารภาษาอังกฤษกับครูต่างชาติและกล่าวต้อนรับคณะศึกษาดูงานเป็นภาษาอังกฤษ",),
    "2.1.13": (
        "ลงนามบันทึกข้อตกลงความร่วมมือ (MOU) กับองค์การบริหารส่วนตำบลและโรงพยาบาล{district}",
    ),
    "2.2": (
        "มีการประชุม PLC ทุกสัปดาห์ บันทึกการประชุมในแฟ้มงานวิชาการ",
        "ครูจัดทำแผนพัฒนาตนเองรายบุคคล (ID Plan) และรายงานผลเมื่อสิ้นปีการศึกษา",
    ),
    "2.2.1": ("ครูทุกคนลงนามในข้อตกลงการปฏิบัติตนตามจรรยาบรรณวิชาชีพ ไม่มีเรื่องร้องเรียนในปีการศึกษา {ay_done}",),
    "2.2.2": ("ครูเข้ารับการอบรมพัฒนาตนเองเฉลี่ย {hours} ชั่วโมงต่อปี ทั้งแบบออนไลน์และในพื้นที่",),
    "2.2.3": ("ครูนำความรู้จากการอบรมมาปรับแผนการสอน และรายงานการนำไปใช้ในวง PLC ทุกเดือน",),
    "2.2.4": ("ครูผ่านการประเมิน PA ครบทุกคน และเลื่อนวิทยฐานะเป็นครูชำนาญการพิเศษ {n_small} คน",),
    "2.2.5": ("ครูร้อยละ {pct} สร้างสื่อการสอนดิจิทัล และเผยแพร่ทางเว็บไซต์และเพจของโรงเรียน",),
    "2.2.6": ("รวบรวมสื่อและนวัตกรรมของครูเป็นคลังสื่อออนไลน์ โรงเรียนเครือข่ายนำไปใช้ {n_small} โรงเรียน",),
    "2.2.7": ("ครูทุกคนจัดการเรียนรู้เชิงรุกอย่างน้อยสัปดาห์ละ ๑ แผน ผ่านการนิเทศของฝ่ายวิชาการ",),
    "2.2.8": ("ครูทุกคนผ่านการประเมินสมรรถนะดิจิทัลของครู และใช้ Google Classroom ในการสอน",),
    "2.2.9": ("ครูร้อยละ {pct} ใช้เครื่องมือวัดผลหลากหลาย และนำผลสอบย่อยมาปรับการสอนในหน่วยถัดไป",),
    "2.2.10": ("ครูทุกกลุ่มสาระทำวิจัยในชั้นเรียนอย่างน้อยภาคเรียนละ ๑ เรื่อง รวม {n_big} เรื่องในปีการศึกษา {ay_done}",),
    "2.2.11": ("ครู {n_small} คนผ่านการอบรมภาษาอังกฤษ ผลทดสอบตามกรอบ CEFR อยู่ในระดับ B1",),
    "2.2.12": ("ครูสอนตรงวิชาเอกร้อยละ {pct} และได้รับการอบรมเฉพาะด้านตามสาขาที่สอน",),
    "3.1.1": ("มีแผนภูมิโครงสร้างการบริหาร ๔ ฝ่าย และคำสั่งมอบหมายงานที่ชัดเจน ติดประกาศหน้าห้องธุรการ",),
    "3.1.2": (
        "จัดทำแผนพัฒนาคุณภาพการศึกษา ปีการศึกษา {ay}–{ay_plan_end} โดยผู้ปกครอง ชุมชน และคณะกรรมการสถานศึกษามีส่วนร่วม",
    ),
    "3.2.1": ("จัดสอนซ่อมเสริมหลังเลิกเรียนและเปิดห้องสมุดช่วงพักกลางวัน ตามแผนการให้บริการด้านการเรียนรู้",),
    "3.2.2": ("จัดมุมอ่านหนังสือ สวนหย่อม และโรงอาหาร ผ่านการประเมินโรงอาหารมาตรฐานของสาธารณสุขอำเภอ{district}",),
    "3.2.3": (
        "มีแผนเผชิญเหตุครอบคลุมอุทกภัย อัคคีภัย และภัยจากยาเสพติด ซ้อมแผนร่วมกับชุมชนปีละครั้ง",
        "ครูที่ปรึกษาเยี่ยมบ้านนักเรียนครบร้อยละ ๑๐๐ ตามระบบดูแลช่วยเหลือนักเรียน",
    ),
    "3.3.1": ("จัดครูเข้าสอนตรงวิชาเอก และมอบหมายงานตามความถนัด มีคำสั่งและภาระงานครบทุกคน",),
    "3.3.2": ("จัดอบรมครูเรื่องการจัดการเรียนรู้เชิงรุกร่วมกับศึกษานิเทศก์ {office}",),
    "3.4.1": ("เบิกจ่ายงบประมาณได้ร้อยละ {pct_high} ของแผน ณ สิ้นปีงบประมาณ {fy_prev}",),
    "3.4.2": ("คณะกรรมการตรวจสอบพัสดุประจำปีรายงานผลครบถ้วน ไม่มีข้อทักท้วงจากสำนักงานเขตพื้นที่",),
    "3.5.1": ("บันทึกข้อมูลนักเรียนในระบบ DMC ครบและเป็นปัจจุบันทุกภาคเรียน",),
    "3.5.2": ("ครูทุกคนใช้ Google Classroom มอบหมายงานและติดตามผลงานนักเรียน",),
    "3.6.1": ("ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ {fy_prev} ได้ {ita} คะแนน",),
    "3.6.2": ("ร่วมมือกับสถานีตำรวจภูธร{district}และสาธารณสุขอำเภอจัดกิจกรรมรณรงค์ป้องกันยาเสพติด",),
    "3.6.3": ("ประชาสัมพันธ์ผลงานผ่านเพจ Facebook ของโรงเรียนสัปดาห์ละ ๓ เรื่อง และแจ้งข่าวผู้ปกครองทางกลุ่ม LINE",),
    "3.6.4": ("ส่งรายงานการประเมินตนเอง (SAR) ปีการศึกษา {ay_done} ตรงเวลา และเผยแพร่บนเว็บไซต์โรงเรียน",),
    "4.1.1": ("ทบทวนหลักสูตรสถานศึกษาปีการศึกษา {ay} เพิ่มรายวิชาเพิ่มเติมเรื่องภูมิปัญญาท้องถิ่นอำเภอ{district}",),
    "4.1.2": (
        "จัดทำแผนการศึกษาเฉพาะบุคคล (IEP) ให้นักเรียนเรียนร่วมครบทุกคน และสอนเสริมภาษาไทยให้นักเรียนกลุ่มชาติพันธุ์",
    ),
    "4.2.1": ("ครูออกแบบหน่วยการเรียนรู้เชิงรุกทุกกลุ่มสาระ ตรวจแผนโดยหัวหน้ากลุ่มสาระก่อนใช้สอน",),
    "4.2.2": ("ใช้ DLTV และแพลตฟอร์มการเรียนรู้ออนไลน์เสริมในวิชาคณิตศาสตร์และวิทยาศาสตร์",),
    "4.2.3": ("ครูสร้างข้อตกลงในห้องเรียนร่วมกับนักเรียนและใช้การเสริมแรงทางบวก",),
    "4.2.4": ("วิเคราะห์ผลสอบกลางภาครายตัวชี้วัด แล้วจัดสอนซ่อมเสริมให้นักเรียนที่ไม่ผ่านเกณฑ์",),
    "4.2.5": ("ครูสังเกตการสอนกันเองภาคเรียนละ ๒ ครั้ง และสะท้อนผลในวง PLC",),
    "4.2.6": ("ทุกห้องเรียนมีนวัตกรรมตามโครงการ ๑ ห้องเรียน ๑ นวัตกรรม รวม {n_big} ชิ้นงาน จัดแสดงในวันวิชาการ",),
    "4.2.7": ("เปิดห้องเรียนพิเศษภาษาอังกฤษ (MEP) {n_small} ห้อง มีครูชาวต่างชาติร่วมสอน",),
    "4.2.8": ("จัดห้องเรียนพิเศษวิทยาศาสตร์–คณิตศาสตร์ นักเรียนผ่านการคัดเลือกเข้าค่ายโอลิมปิกวิชาการ",),
    "5.1.1": (
        "ผลการทดสอบ O-NET ปีการศึกษา {ay_done} สูงกว่าระดับประเทศ {subjects} วิชา",
        "ผลการทดสอบ {test} ปีการศึกษา {ay_done} สูงกว่าค่าเฉลี่ยระดับเขตพื้นที่และระดับประเทศ",
    ),
    "5.2.1": ("นักเรียนร้อยละ {pct} อ่านคล่องเขียนคล่อง จากการคัดกรองการอ่านการเขียนภาคเรียนที่ ๒",),
    "5.2.2": ("นักเรียนนำเสนอโครงงานและอภิปรายหน้าชั้นเรียนทุกภาคเรียน ประเมินด้วยเกณฑ์รูบริกร่วมกัน",),
    "5.2.3": ("โครงงานสิ่งประดิษฐ์ของนักเรียนได้รับเหรียญทองระดับเขตพื้นที่ ปีการศึกษา {ay_done}",),
    "5.2.4": ("นักเรียนใช้ Canva และ Scratch สร้างชิ้นงานนำเสนอ ส่งเข้าประกวดระดับจังหวัด",),
    "5.2.5": ("นักเรียนร้อยละ {pct} มีผลการเรียนเฉลี่ยระดับ ๓ ขึ้นไปในกลุ่มสาระหลัก",),
    "5.2.6": ("นักเรียนฝึกทักษะอาชีพกับวิทยากรท้องถิ่น เช่น จักสาน ทำขนม และซ่อมเครื่องยนต์เล็ก",),
    "5.3.1": ("นักเรียนร้อยละ {pct} ผ่านการประเมินคุณลักษณะอันพึงประสงค์ระดับดีเยี่ยม",),
    "5.3.2": ("นักเรียนได้รับการตรวจสุขภาพประจำปีจากโรงพยาบาล{district} ร้อยละ {pct} มีน้ำหนักและส่วนสูงตามเกณฑ์",),
    "5.4.1": ("นักเรียนชั้น {grade_top} สำเร็จการศึกษาร้อยละ {pct_high} ในปีการศึกษา {ay_done}",),
    "5.4.2": ("นักเรียนที่จบชั้น {grade_top} ศึกษาต่อร้อยละ {pct} ติดตามผลทางโทรศัพท์และกลุ่ม LINE ผู้ปกครอง",),
    "5.4.3": ("ไม่มีนักเรียนออกกลางคันในปีการศึกษา {ay_done} ครูติดตามนักเรียนที่ขาดเรียนบ่อยร่วมกับผู้นำชุมชน",),
    "5.5.1": (
        "นักเรียนได้รับรางวัลการแข่งขันศิลปหัตถกรรมนักเรียนระดับภาค {n_small} รายการ",
        "ทีมฟุตบอลนักเรียนได้รองชนะเลิศระดับจังหวัด และวงดนตรีพื้นเมืองได้รับเชิญแสดงในงานของอำเภอ",
    ),
    "5.6.1": (
        "ดำเนินโครงการ ๑ โรงเรียน ๑ อาชีพ เพาะเห็ดนางฟ้าจำหน่ายในชุมชน นักเรียนมีรายได้ระหว่างเรียน",
        "นักเรียนทอผ้าลายกะเหรี่ยงจำหน่ายผ่านร้านค้าชุมชนและออนไลน์ ได้นำเสนอเป็นแบบอย่างในงานระดับภาค",
    ),
}

# What a school writes when an item is still weak (levels 1-2): what is there and what is not.
EVIDENCE_WEAK: Mapping[str, tuple[str, ...]] = {
    "1.1.1": ("อาคารเรียนหลังเก่ามีรอยร้าวที่เสา อยู่ระหว่างของบประมาณซ่อมแซมจาก {office}",),
    "1.2.1": ("ไฟฟ้าดับบ่อยในฤดูฝน ยังไม่มีเครื่องสำรองไฟสำหรับห้องคอมพิวเตอร์",),
    "1.2.3": ("อินเทอร์เน็ตใช้ได้เฉพาะอาคารสำนักงานและห้องคอมพิวเตอร์ ห้องเรียนอื่นยังไม่มีสัญญาณ",),
    "1.3.1": ("มีห้องคอมพิวเตอร์ ๑ ห้อง เครื่องใช้งานได้ {n_small} เครื่อง ไม่พอกับจำนวนนักเรียน",),
    "1.4.1": ("กล้องวงจรปิดใช้งานได้ {n_small} จุด ยังไม่ครอบคลุมด้านหลังอาคารและรั้วด้านข้าง",),
    "2.1.12": ("ผู้อำนวยการสื่อสารภาษาอังกฤษได้ในระดับพื้นฐาน กำลังเรียนหลักสูตรออนไลน์เพิ่มเติม",),
    "2.2.3": ("จัด PLC ได้เดือนละครั้ง ยังไม่สม่ำเสมอเพราะครูไม่ครบ ต้องสอนแทนกัน",),
    "2.2.5": ("ครูบางส่วนยังไม่ได้จัดทำสื่อดิจิทัล อยู่ระหว่างอบรมร่วมกับศึกษานิเทศก์",),
    "2.2.11": ("ครูส่วนใหญ่ยังสื่อสารภาษาอังกฤษได้ในระดับพื้นฐาน สมัครเรียนหลักสูตรออนไลน์แล้ว {n_small} คน",),
    "3.1.2": ("แผนปฏิบัติการประจำปีจัดทำแล้ว แต่ยังไม่ได้ติดตามประเมินผลรายโครงการ",),
    "3.4.1": ("เบิกจ่ายงบประมาณได้ร้อยละ {pct_low} ของแผน เพราะได้รับจัดสรรงบประมาณล่าช้า",),
    "3.5.1": ("ข้อมูลของโรงเรียนยังแยกเก็บเป็นไฟล์ของแต่ละฝ่าย ยังไม่เชื่อมโยงกัน",),
    "4.2.1": ("ครูร้อยละ {pct_low} จัดการเรียนรู้เชิงรุกได้ตามแผน ที่เหลืออยู่ระหว่างนิเทศติดตาม",),
    "4.2.6": ("นวัตกรรมในห้องเรียนมีเพียงบางชั้น ยังไม่ครบทุกห้อง",),
    "4.2.7": ("ยังไม่ได้เปิดห้องเรียน ๒ ภาษา อยู่ระหว่างศึกษาความพร้อมของครูและผู้ปกครอง",),
    "5.1.1": ("ผลการทดสอบ O-NET ปีการศึกษา {ay_done} ต่ำกว่าระดับประเทศ {subjects} วิชา จัดสอนเสริมช่วงเย็นแล้ว",),
    "5.2.1": ("นักเรียนร้อยละ {pct_low} อ่านคล่องเขียนคล่อง นักเรียนกลุ่มชาติพันธุ์ยังต้องฝึกภาษาไทยเพิ่ม",),
    "5.4.3": ("มีนักเรียนออกกลางคัน {n_small} คน เนื่องจากย้ายตามผู้ปกครองไปทำงานต่างจังหวัด",),
    "5.6.1": ("เริ่มโครงการปลูกผักปลอดสารพิษ ยังไม่มีรายได้ที่ชัดเจน",),
}

# When every sentence for an item is already used in the round, a top-level answer still names
# its evidence: where the files are kept, by the office that keeps them (component -> office).
FILED_WITH: Mapping[str, str] = {
    "1": "งานอาคารสถานที่", "2": "งานบริหารงานบุคคล", "3": "งานแผนงานและงบประมาณ",
    "4": "งานบริหารวิชาการ", "5": "งานกิจการนักเรียน",
}
FILED: tuple[str, ...] = (
    "รายงานสรุปโครงการและภาพถ่ายกิจกรรม ปีการศึกษา {ay} อยู่ในแฟ้ม{filed_with}",
    "คำสั่งแต่งตั้ง บันทึกการประชุม และรายงานผล เก็บไว้ที่{filed_with}",
    "ดูรายละเอียดในรายงานการประเมินตนเอง (SAR) ปีการศึกษา {ay_done} และแฟ้ม{filed_with}",
)

# What the school plans for a weak item, by component.
NOTES_WEAK: Mapping[str, tuple[str, ...]] = {
    "1": (
        "ขอรับการสนับสนุนงบประมาณจาก {office} ในปีงบประมาณ {fy_next}",
        "ขอความร่วมมือองค์การบริหารส่วนตำบลและสมาคมศิษย์เก่าช่วยสนับสนุน",
    ),
    "2": (
        "บรรจุไว้ในแผนพัฒนาบุคลากรปีการศึกษา {ay} แล้ว",
        "ขอให้ศึกษานิเทศก์ช่วยนิเทศติดตามเป็นพิเศษ",
    ),
    "3": (
        "บรรจุไว้ในแผนปฏิบัติการประจำปีงบประมาณ {fy_next} แล้ว",
        "ตั้งคณะทำงานติดตามเป็นรายเดือน",
    ),
    "4": (
        "ขอให้ศึกษานิเทศก์ช่วยนิเทศติดตามเป็นพิเศษ",
        "จัดอบรมครูเพิ่มเติมในภาคเรียนหน้า",
    ),
    "5": (
        "ต้องเร่งพัฒนา จัดสอนเสริมและติดตามเป็นรายบุคคล",
        "ประสานผู้ปกครองและผู้นำชุมชนช่วยติดตามนักเรียน",
    ),
}

# Level -> chance that the school wrote evidence (always at the top level: that is what the
# app's warnings ask for) and, for weak levels, a note.
EVIDENCE_CHANCE = {5: 1.0, 4: 0.7, 3: 0.45, 2: 0.35, 1: 0.3}
NOTE_CHANCE_WEAK = 0.4


@dataclass(frozen=True)
class DemoSchool:
    """A real quality school of Tak, as listed in seed 002."""

    name: str
    district: str
    province: str
    area_office: str
    level: str


def load_demo_schools() -> list[DemoSchool]:
    """The 18 schools of ``resources/demo/tak-quality-schools.json``, in the file's order."""
    data = json.loads(paths.resource_path(*DEMO_FILE).read_text(encoding="utf-8"))
    return [
        DemoSchool(
            name=entry["name"],
            district=entry["district"],
            province=entry["province"],
            area_office=entry["area_office"],
            level=entry["level"],
        )
        for entry in data["schools"]
    ]


def demo_codes(schools: list[DemoSchool]) -> list[str]:
    """Invented 10-digit codes: "99", the area office's digit (1, 2, 3 … in order of first
    appearance) and a running number within the office, e.g. 9920000003."""
    offices: dict[str, int] = {}
    running: dict[str, int] = {}
    codes = []
    for school in schools:
        office_digit = offices.setdefault(school.area_office, len(offices) + 1)
        running[school.area_office] = running.get(school.area_office, 0) + 1
        codes.append(f"{DEMO_CODE_PREFIX}{office_digit}{running[school.area_office]:07d}")
    return codes


# ---------------------------------------------------------------------------------------------
# Planning the levels of one round in memory, scored by the same code the app uses.
# ---------------------------------------------------------------------------------------------

# Levels planned for a round: item code -> level, or None for "not applicable".
Plan = dict[str, int | None]


@dataclass(frozen=True)
class _Planned:
    level: int | None
    not_applicable: bool


def _score(framework: Framework, plan: Plan) -> AssessmentResult:
    return score_assessment(
        framework, {code: _Planned(level, level is None) for code, level in plan.items()}
    )


def _draw(framework: Framework, rng: random.Random, mean: float, profile: Mapping[str, float],
          not_applicable: tuple[str, ...]) -> Plan:
    """Levels scattered around each component's target (the school's mean plus its profile)."""
    plan: Plan = {}
    for component in framework.components:
        target = mean + profile.get(component.code, 0.0)
        for item in component.items:
            if item.code in not_applicable:
                plan[item.code] = None
            else:
                plan[item.code] = min(5, max(1, round(rng.gauss(target, 0.65))))
    return plan


def _steer(framework: Framework, rng: random.Random, plan: Plan, mean: float,
           profile: Mapping[str, float], band: str | None, tolerance: float = 0.05) -> None:
    """Move single items a level at a time until the overall score is within ``tolerance`` of
    ``mean`` (and in ``band`` when given). Each step takes the weakest item (or the strongest,
    going down) of the component furthest from its own target, so a second round improves on
    its weak points and the school's profile survives. Raises if it cannot (a programming
    error: every target in BAND_TARGETS is reachable)."""
    levels = {code: level for code, level in plan.items() if level is not None}
    for _ in range(2000):
        result = _score(framework, plan)
        overall = result.overall
        assert overall is not None
        on_band = band is None or (result.band is not None and result.band.key == band)
        if on_band and abs(overall - mean) <= tolerance:
            return
        step = 1 if overall < mean else -1
        gaps = []
        for component, scored in zip(framework.components, result.components):
            movable = [
                item.code for item in component.items
                if item.code in levels and 1 <= levels[item.code] + step <= 5
            ]
            if movable:
                target = mean + profile.get(component.code, 0.0)
                gaps.append((step * (target - (scored.score or 0.0)), component.code, movable))
        _, _, movable = max(gaps, key=lambda gap: (gap[0], gap[1]))
        extreme = (min if step > 0 else max)(levels[code] for code in movable)
        code = rng.choice([code for code in movable if levels[code] == extreme])
        levels[code] += step
        plan[code] = levels[code]
    raise RuntimeError(f"demo: could not reach a mean of {mean:.2f} (band {band})")


# ---------------------------------------------------------------------------------------------
# Writing it through the core.
# ---------------------------------------------------------------------------------------------

@dataclass
class _Context:
    """What the evidence templates may mention for one round."""

    school: DemoSchool
    assessed_on: date
    fiscal_year: int
    used: set[str]  # templates already written in this round: no sentence twice

    def fill(self, template: str, rng: random.Random, item: Item) -> str:
        self.used.add(template)
        return self._format(template, rng, FILED_WITH[item.component_code])

    def _format(self, template: str, rng: random.Random, filed_with: str) -> str:
        current_ay = be_year(self.assessed_on.year) - (0 if self.assessed_on.month >= 5 else 1)
        primary = self.school.level == "primary"
        # Always draw every number, in the same order, so the sequence never depends on
        # which template was chosen.
        numbers = {
            "n_small": rng.randint(2, 5),
            "n": rng.randint(4, 12),
            "n_big": rng.randint(12, 40),
            "pct": rng.randint(82, 97),
            "pct_high": rng.randint(95, 100),
            "pct_low": rng.randint(45, 72),
            "pct_save": rng.randint(25, 45),
            "kw": rng.choice((10, 15, 20, 30)),
            "mbps": rng.choice((200, 500, 1000)),
            "ita": f"{rng.uniform(86, 98):.2f}",
            "hours": rng.randint(20, 60),
            "subjects": rng.randint(1, 4),
            "test": rng.choice(("RT ชั้น ป.๑", "NT ชั้น ป.๓", "O-NET ชั้น ป.๖") if primary
                               else ("O-NET ชั้น ม.๓", "O-NET ชั้น ม.๖")),
        }
        values: dict[str, Any] = {
            **numbers,
            "district": self.school.district,
            "office": self.school.area_office,
            "ay": current_ay,
            "ay_done": current_ay - 1,
            "ay_plan_end": current_ay + 2,
            "fy": self.fiscal_year,
            "fy_prev": self.fiscal_year - 1,
            "fy_next": self.fiscal_year + 1,
            "grade_top": "ป.๖" if primary else "ม.๓ และ ม.๖",
            "filed_with": filed_with,
        }
        # Thai digits, as in the official forms; "B1" and "O-NET" have no digits to convert
        # because they are in the template, not in the values.
        return template.format_map({key: thai_digits(value) for key, value in values.items()})


def _templates(table: Mapping[str, tuple[str, ...]], item: Item) -> tuple[str, ...]:
    """Sentences written for the item itself, for its indicator, or for its component."""
    return (
        table.get(item.code, ()) + table.get(item.indicator_code, ()) + table.get(item.component_code, ())
    )


def _write_round(workspace: Workspace, rng: random.Random, framework: Framework, assessment_id: str,
                 plan: Plan, context: _Context, *, upto: int | None = None) -> None:
    """Answer the round's items in framework order (only the first ``upto`` for a draft left
    halfway), with evidence for a good share and notes on some weak items."""
    answers = workspace.answers
    for index, item in enumerate(framework.items):
        if upto is not None and index >= upto:
            break
        level = plan[item.code]
        if level is None:
            answers.set_not_applicable(assessment_id, item.code, NA_REASONS[item.code])
            continue
        answers.set_level(assessment_id, item.code, level)
        table = EVIDENCE if level >= 3 else EVIDENCE_WEAK
        choices = [template for template in _templates(table, item) if template not in context.used]
        if rng.random() < EVIDENCE_CHANCE[level]:
            if choices:
                evidence = context.fill(rng.choice(choices), rng, item)
            elif level == framework.max_level:
                evidence = context.fill(rng.choice(FILED), rng, item)
            else:
                evidence = ""
            if evidence:
                answers.set_text(assessment_id, item.code, "evidence", evidence)
        if level <= 2 and rng.random() < NOTE_CHANCE_WEAK:
            answers.set_text(assessment_id, item.code, "note", context.fill(rng.choice(NOTES_WEAK[item.component_code]), rng, item))


def _person(rng: random.Random, used: set[str]) -> str:
    """An invented name with its title (นาย, นาง, นางสาว), never the same name twice."""
    while True:
        if rng.random() < 0.5:
            first, title = rng.choice(MALE_NAMES), "นาย"
        else:
            first, title = rng.choice(FEMALE_NAMES), rng.choice(("นาง", "นางสาว"))
        name = f"{first} {rng.choice(SURNAMES)}"
        if name not in used:
            used.add(name)
            return f"{title}{name}"


def _fiscal_year_start(fiscal_year: int) -> date:
    return date(fiscal_year - 543 - 1, 10, 1)


def build_demo(
    workspace: Workspace,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Fill an empty workspace with the 18 quality schools of Tak and invented assessments.

    Every school gets round 1 of last fiscal year submitted; most also round 2 (mostly better,
    two worse); four have a round of this fiscal year in progress. The latest submitted rounds
    fall 1 purple, 2 blue, 9 green, 4 yellow, 1 orange, 1 red. Deterministic for a given
    ``today`` (default: the real date). ``progress(done, total)`` is called after each school.
    The whole build is one transaction: a failure leaves the workspace as it was.
    """
    today = today or date.today()
    schools = load_demo_schools()
    if len(schools) != len(SCENARIOS):
        raise RuntimeError(f"demo: {len(schools)} schools in {DEMO_FILE[-1]} but {len(SCENARIOS)} scenarios")
    rng = random.Random(SEED)
    framework = workspace.frameworks.latest()
    current_year = fiscal_year_of(today)
    last_year = current_year - 1
    last_year_ce = last_year - 543
    used_names: set[str] = set()
    director_role, deputy_role, teacher_role, committee_role = ROLES[:4]

    # One transaction: thousands of separate commits with synchronous=FULL would take minutes.
    # The core's own atomic() blocks nest inside it as savepoints.
    with workspace.db.atomic():
        for done, (info, code, scenario) in enumerate(zip(schools, demo_codes(schools), SCENARIOS), start=1):
            low, high = SIZES[info.level][scenario.size]
            pupils = rng.randint(low, high)
            ratio = rng.uniform(17.0, 23.0) if info.level == "primary" else rng.uniform(19.0, 25.0)
            teachers = max(6, round(pupils / ratio) + rng.randint(1, 3))
            school = workspace.schools.add(
                code=code, name=info.name, is_demo=True, district=info.district, province=info.province,
                area_office=info.area_office, level=info.level, pupils=pupils, teachers=teachers,
            )
            director = _person(rng, used_names)
            colleague = _person(rng, used_names)
            profile = PROFILES[scenario.profile]

            latest_mean = rng.uniform(*BAND_TARGETS[scenario.band])
            rounds: list[tuple[float, str | None]] = []  # (target mean, band) per round of last year
            if scenario.second_round == "better":
                rounds.append((max(1.3, latest_mean - rng.uniform(0.25, 0.6)), None))
            elif scenario.second_round == "worse":
                rounds.append((min(4.9, latest_mean + rng.uniform(0.3, 0.45)), None))
            rounds.append((latest_mean, scenario.band))

            plan: Plan | None = None
            for number, (mean, band) in enumerate(rounds, start=1):
                if plan is None:
                    plan = _draw(framework, rng, mean, profile, scenario.not_applicable)
                else:
                    # Round 2 starts from round 1: the same school, some items moved.
                    plan = dict(plan)
                _steer(framework, rng, plan, mean, profile, band)
                if number == 1:
                    assessed_on = date(last_year_ce, 1, 8) + timedelta(days=rng.randint(0, 50))
                    assessor, role = director, director_role
                else:
                    assessed_on = date(last_year_ce, 6, 15) + timedelta(days=rng.randint(0, 60))
                    assessor, role = rng.choice(
                        ((director, director_role), (colleague, deputy_role), (colleague, teacher_role),
                         (director, committee_role))
                    )
                assessment = workspace.assessments.start(
                    school.id, last_year, round=number, framework=framework, assessed_on=assessed_on,
                    assessor_name=assessor, assessor_role=role,
                )
                _write_round(workspace, rng, framework, assessment.id, plan,
                             _Context(info, assessed_on, last_year, set()))
                workspace.assessments.submit(assessment.id)
                if band is not None:
                    # The check the app's own results page makes; the plan used the same scoring.
                    result = workspace.assessments.result(assessment.id)
                    if result.band is None or result.band.key != band or not result.complete:
                        raise RuntimeError(f"demo: {info.name} came out {result.band} instead of {band}")

            if scenario.draft:
                assert plan is not None
                plan = dict(plan)
                _steer(framework, rng, plan, latest_mean + rng.uniform(0.1, 0.3), profile, None)
                start = _fiscal_year_start(current_year)
                span = max(0, min((today - start).days, 20))
                # random() rather than randint(0, span): the draws that follow must not depend
                # on today's date, so the demo is the same whatever day it is built.
                assessed_on = today - timedelta(days=int(rng.random() * (span + 1)))
                assessment = workspace.assessments.start(
                    school.id, current_year, round=1, framework=framework, assessed_on=assessed_on,
                    assessor_name=director, assessor_role=director_role,
                )
                # Stopped partway, as a director called away from the laptop would.
                upto = rng.randint(len(framework.items) * 3 // 10, len(framework.items) * 7 // 10)
                _write_round(workspace, rng, framework, assessment.id, plan,
                             _Context(info, assessed_on, current_year, set()), upto=upto)
            if progress is not None:
                progress(done, len(schools))
