"""The demo area office's projects of the current fiscal year (issue 15; see :mod:`.demo`): projects
of its action plan in every status — finished, in progress, not started — with indicators,
activities by quarter and money planned and disbursed per quarter (one behind plan, with the reason
the office gave), one allocated by OBEC (สพฐ.) with the summary of results the office wrote, and two
projects funded by another agency, as seed 004 reports them; and one
school's projects (:data:`SCHOOL_PROJECTS`, the school page's โครงการ tab) in every status, one
behind plan with its reason and one still without (the tab asks for it). Fixed values, no random
numbers: the rest of the demo stays as it was.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from . import clock
from .projects.rules import quarters_begun
from .workspace import Workspace

DEMO_OFFICE = "สพป.ตาก เขต 1"
NIETS = "สถาบันทดสอบทางการศึกษาแห่งชาติ"

# components served, name, status, responsible, output, outcome, indicators (name, target, actual), activities
# (name, quarter, days from the year's start, length in days, status), lines (source, agency, planned
# baht per quarter, disbursed per quarter), behind reason, results (the office's own summary), problems, suggestions
PROJECTS: tuple[dict[str, Any], ...] = (
    {"components": "5.2", "name": "โครงการพัฒนาคุณภาพการศึกษาขั้นพื้นฐานโดยครอบครัวและศูนย์การเรียนรู้", "status": "finished",
     "responsible": "กลุ่มส่งเสริมการจัดการศึกษา",
     "output": "จัดการศึกษาขั้นพื้นฐานโดยครอบครัว จำนวน ๓๙ ครอบครัว มีผู้เรียน ๕๘ คน และศูนย์การเรียนรู้ ๒ แห่ง",
     "outcome": "ผู้เรียนที่จัดการศึกษาโดยครอบครัวได้รับการวัดและประเมินผลการเรียนรู้ครบทุกคน",
     "indicators": (("ร้อยละของผู้เรียนที่ได้รับการวัดและประเมินผล", "100", "100"),),
     "activities": (("ประชุมสื่อสารนโยบายการจัดการศึกษาโดยครอบครัว", 1, 20, 1, "finished"),
                    ("ประชุมคณะกรรมการวัดผลและประเมินผลการเรียนรู้", 2, 130, 2, "finished")),
     "lines": (("own", "", (0, 9900, 0, 0), (0, 9900, 0, 0)),),
     "problems": "การดำเนินงานขาดเอกภาพ เนื่องจากมีหลายหน่วยงานเกี่ยวข้อง",
     "suggestions": "ควรมีแนวทางการวัดและประเมินผลที่ยืดหยุ่นตามศักยภาพของผู้เรียน"},
    {"components": "2", "name": "โครงการสรรหาบุคคลเพื่อจ้างเป็นครูอัตราจ้างแก้ปัญหาสถานศึกษาขาดแคลนครูขั้นวิกฤต", "status": "finished",
     "responsible": "กลุ่มบริหารงานบุคคล",
     "output": "สรรหาครูอัตราจ้างในตำแหน่งที่ว่าง ๑ อัตรา",
     "outcome": "สถานศึกษาที่ขาดแคลนครูขั้นวิกฤตมีครูครบตามอัตรา",
     "indicators": (("ร้อยละของตำแหน่งที่ว่างที่สรรหาได้", "100", "100"),),
     "activities": (("ประกาศรับสมัครและสอบคัดเลือก", 2, 100, 14, "finished"),),
     "lines": (("own", "", (0, 20000, 0, 0), (0, 4840, 0, 0)),),
     "reason": "งบประมาณที่ตั้งไว้เกินกว่าจำนวนผู้สมัครเข้ารับการสรรหา",
     "problems": "ผู้สมัครมีจำนวนน้อย", "suggestions": "ประชาสัมพันธ์การรับสมัครให้กว้างขวางขึ้น"},
    {"components": "1.2", "name": "โครงการเช่าใช้บริการอินเทอร์เน็ตเพื่อการศึกษา", "status": "in_progress",
     "responsible": "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
     "output": "สถานศึกษาในสังกัดและสำนักงานเขตพื้นที่ใช้บริการอินเทอร์เน็ตครบทุกแห่ง",
     "outcome": "ครูและนักเรียนใช้อินเทอร์เน็ตในการเรียนการสอนและการบริหารจัดการ",
     "indicators": (("ร้อยละของสถานศึกษาที่ใช้บริการอินเทอร์เน็ต", "100", "100"),),
     "activities": (("เบิกจ่ายค่าบริการรายเดือน ไตรมาสที่ ๑", 1, 60, 28, "finished"),
                    ("เบิกจ่ายค่าบริการรายเดือน ไตรมาสที่ ๒", 2, 150, 28, "in_progress"),
                    ("เบิกจ่ายค่าบริการรายเดือน ไตรมาสที่ ๓", 3, 240, 30, "not_started")),
     "lines": (("own", "", (380000, 380122, 380000, 380000), (380000, 0, 0, 0)),),
     "reason": "อยู่ระหว่างรอเอกสารการเบิกจ่ายจากบริษัทผู้ให้บริการ",
     "problems": "ต้องรอเอกสารการเบิกจ่ายจากบริษัทผู้ให้บริการ",
     "suggestions": "ประสานบริษัทผู้ให้บริการให้ส่งใบเสร็จโดยเร็วเพื่อเร่งรัดการเบิกจ่าย"},
    {"components": "5.2 5.5", "name": "โครงการส่งเสริมความเป็นเลิศทางวิชาการและคุณลักษณะที่จำเป็นในศตวรรษที่ ๒๑", "status": "in_progress",
     "responsible": "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
     "output": "นักเรียนในสังกัดเข้าร่วมกิจกรรมแข่งขันทักษะทางวิชาการทุกกลุ่มสาระการเรียนรู้",
     "outcome": "นักเรียนมีทักษะการเรียนรู้ในศตวรรษที่ ๒๑",
     "indicators": (("ร้อยละของโรงเรียนที่ส่งนักเรียนเข้าร่วมกิจกรรม", "90", "72"),),
     "activities": (("ประชุมวางแผนการจัดกิจกรรม", 1, 45, 1, "finished"),
                    ("จัดการแข่งขันทักษะทางวิชาการระดับเขตพื้นที่", 2, 120, 3, "in_progress")),
     "lines": (("own", "", (15000, 85000, 0, 0), (15000, 85000, 0, 0)),),
     "problems": "", "suggestions": ""},
    {"components": "1 2 5", "name": "โครงการบูรณาการโรงเรียนคุณภาพประจำตำบล", "status": "in_progress",
     "responsible": "กลุ่มนโยบายและแผน",
     "output": "โรงเรียนคุณภาพประจำตำบลทุกโรงเรียนได้รับการนิเทศ ติดตาม อย่างน้อยภาคเรียนละ ๒ ครั้ง",
     "outcome": "โรงเรียนคุณภาพมีผลการประเมินตนเองในกลุ่มสีระดับบนเพิ่มขึ้น",
     "indicators": (("ร้อยละของโรงเรียนที่ได้รับการนิเทศครบตามเกณฑ์", "100", "80"),),
     "activities": (("นิเทศ ติดตาม ภาคเรียนที่ ๒", 2, 110, 40, "in_progress"),),
     "lines": (("own", "", (0, 60000, 40000, 0), (0, 60000, 0, 0)),),
     "problems": "ระยะทางไปโรงเรียนบางแห่งไกลและเดินทางลำบากในฤดูฝน",
     "suggestions": "ใช้การนิเทศออนไลน์เสริมสำหรับโรงเรียนที่อยู่ห่างไกล"},
    {"components": "5.3", "name": "โครงการลูกเสือจิตอาสาพระราชทาน", "status": "not_started", "responsible": "กลุ่มส่งเสริมการจัดการศึกษา",
     "lines": (("own", "", (0, 0, 30000, 0), (0, 0, 0, 0)),)},
    {"components": "5.3", "name": "โครงการอนุรักษ์สืบสานวัฒนธรรมท้องถิ่น", "status": "not_started", "responsible": "กลุ่มส่งเสริมการจัดการศึกษา",
     "lines": (("own", "", (0, 0, 25000, 0), (0, 0, 0, 0)),)},
    {"components": "5.2", "name": "โครงการพัฒนาการจัดประสบการณ์และกิจกรรมเสริมทักษะเด็กปฐมวัย", "status": "not_started",
     "responsible": "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
     "lines": (("own", "", (0, 0, 0, 45000), (0, 0, 0, 0)),)},
    {"components": "1.2", "name": "โครงการพัฒนาศูนย์การเรียนรู้เทคโนโลยีและทักษะด้านการเขียนโปรแกรม", "status": "in_progress",
     "responsible": "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
     "output": "โรงเรียนคุณภาพประจำตำบล ๑๑ โรงเรียนได้รับการพัฒนาเป็นศูนย์การเรียนรู้ด้านการเขียนโปรแกรม",
     "outcome": "ครูและนักเรียนใช้สื่อการเรียนการสอนโค้ดดิ้งในการจัดการเรียนรู้",
     "indicators": (("จำนวนโรงเรียนที่ได้รับสื่อและอบรมการใช้สื่อ", "11", "11"),),
     "activities": (("อบรมครูและผู้บริหารการใช้สื่อโค้ดดิ้ง", 1, 40, 1, "finished"),
                    ("จัดซื้อสื่อนวัตกรรมและเทคโนโลยีทางการศึกษา", 2, 100, 30, "in_progress")),
     "lines": (("obec", "", (100000, 400000, 0, 0), (100000, 400000, 0, 0)),),
     "results": "๑. อบรมครูและผู้บริหารโรงเรียนในโครงการ ๑๑ โรงเรียน ครบทุกโรงเรียน\n"
                "๒. ดำเนินการจัดซื้อจัดจ้างสื่อการเรียนการสอนตามระเบียบ",
     "problems": "", "suggestions": ""},
    {"components": "5.2", "name": "โครงการบ้านนักวิทยาศาสตร์น้อย ประเทศไทย ระดับปฐมวัย", "status": "in_progress",
     "responsible": "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
     "output": "โรงเรียนที่เข้าร่วมโครงการจัดกิจกรรมการทดลองวิทยาศาสตร์อย่างน้อย ๒๐ กิจกรรม/ปี/โรงเรียน",
     "outcome": "นักเรียนปฐมวัยมีผลการประเมินพัฒนาการครบทั้ง ๔ ด้าน",
     "indicators": (("ร้อยละของโรงเรียนที่จัดกิจกรรมครบ ๒๐ กิจกรรม", "80", "87.91"),
                    ("ร้อยละของนักเรียนปฐมวัยที่มีผลการประเมินพัฒนาการครบ ๔ ด้าน", "100", "100")),
     "activities": (("อบรมครูปฐมวัย", 2, 140, 2, "finished"),),
     "lines": (("agency", NIETS, (0, 5000, 0, 0), (0, 5000, 0, 0)),), "problems": "",
     "suggestions": "ขยายผลไปยังโรงเรียนที่ยังไม่เข้าร่วมโครงการ"},
    {"components": "5.1", "name": "โครงการยกระดับผลการทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน (O-NET)", "status": "in_progress",
     "responsible": "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
     "output": "สนามสอบ O-NET ในสังกัดดำเนินการสอบตามมาตรฐาน", "outcome": "ผลการทดสอบ O-NET เฉลี่ยสูงขึ้น",
     "indicators": (("ร้อยละของสนามสอบที่ดำเนินการตามมาตรฐาน", "100", "100"),),
     "activities": (("ประชุมชี้แจงผู้ประสานงานสนามสอบ", 2, 95, 1, "finished"),),
     "lines": (("agency", NIETS, (0, 12000, 0, 0), (0, 12000, 0, 0)),), "problems": "", "suggestions": ""},
)


SCHOOL_PROJECTS: tuple[dict[str, Any], ...] = (
    {"components": "1.3", "name": "โครงการห้องสมุดมีชีวิต", "status": "finished", "responsible": "กลุ่มบริหารวิชาการ",
     "output": "ห้องสมุดโรงเรียนปรับปรุงเป็นแหล่งเรียนรู้ ๑ ห้อง มีหนังสือใหม่ ๓๐๐ เล่ม",
     "outcome": "นักเรียนใช้ห้องสมุดและอ่านหนังสือนอกเวลาเพิ่มขึ้น",
     "indicators": (("ร้อยละของนักเรียนที่ยืมหนังสือเดือนละ ๒ เล่มขึ้นไป", "70", "76"),),
     "activities": (("จัดซื้อหนังสือและครุภัณฑ์ห้องสมุด", 1, 30, 20, "finished"),
                    ("กิจกรรมยอดนักอ่าน", 2, 110, 40, "finished")),
     "lines": (("own", "", (15000, 5000, 0, 0), (15000, 5000, 0, 0)),),
     "problems": "", "suggestions": "ขยายเวลาเปิดห้องสมุดช่วงพักกลางวัน"},
    {"components": "5.2", "name": "โครงการพัฒนาทักษะการอ่านออกเขียนได้ ชั้น ป.๑–ป.๓", "status": "in_progress",
     "responsible": "กลุ่มสาระการเรียนรู้ภาษาไทย",
     "output": "นักเรียนชั้น ป.๑–ป.๓ ทุกคนได้รับการคัดกรองและสอนซ่อมเสริม",
     "outcome": "นักเรียนอ่านออกเขียนได้ตามเกณฑ์เพิ่มขึ้น",
     "indicators": (("ร้อยละของนักเรียนที่อ่านออกเขียนได้", "90", "78"),),
     "activities": (("คัดกรองการอ่านการเขียน", 1, 20, 5, "finished"),
                    ("สอนซ่อมเสริมหลังเลิกเรียน", 2, 95, 80, "in_progress")),
     "lines": (("own", "", (2000, 8000, 0, 0), (2000, 3500, 0, 0)),),
     "reason": "รอวิทยากรจากมหาวิทยาลัยราชภัฏ เลื่อนการอบรมครูไปไตรมาสที่ ๓",
     "problems": "ครูภาษาไทยไม่ครบชั้น", "suggestions": "ขอครูอัตราจ้างเพิ่ม ๑ อัตรา"},
    {"components": "5.3", "name": "โครงการโรงเรียนปลอดขยะ", "status": "in_progress", "responsible": "กลุ่มบริหารทั่วไป",
     "output": "ธนาคารขยะในโรงเรียน ๑ แห่ง", "outcome": "ปริมาณขยะของโรงเรียนลดลง",
     "activities": (("จัดตั้งธนาคารขยะ", 2, 100, 10, "in_progress"),),
     "lines": (("own", "", (0, 6000, 0, 0), (0, 1200, 0, 0)),)},  # behind plan, no reason yet: the tab asks
    {"components": "5.2", "name": "โครงการค่ายวิทยาศาสตร์", "status": "not_started", "responsible": "กลุ่มสาระการเรียนรู้วิทยาศาสตร์",
     "lines": (("agency", "องค์การบริหารส่วนตำบล", (0, 0, 12000, 0), (0, 0, 0, 0)),)},
    {"components": "5.2", "name": "โครงการทัศนศึกษาแหล่งเรียนรู้ในชุมชน", "status": "not_started", "responsible": "กลุ่มบริหารวิชาการ",
     "lines": (("own", "", (0, 0, 0, 9000), (0, 0, 0, 0)),)},
)


def add_demo_projects(workspace: Workspace, fiscal_year: int, school_ids: list[str] | tuple[str, ...] = ()) -> None:
    """The projects of :data:`DEMO_OFFICE` in ``fiscal_year`` (BE) through the core's public API
    (inside the caller's transaction): :data:`PROJECTS`, dates counted from the year's 1 October;
    and :data:`SCHOOL_PROJECTS` of the first of ``school_ids`` whose development plan has goals
    (a school that plans; none when no school has one)."""
    for spec in PROJECTS:
        _add(workspace, fiscal_year, spec, {"area_office": DEMO_OFFICE})
    planning = {str(row[0]) for row in workspace.db.execute(
        "SELECT DISTINCT p.school_id FROM plans AS p JOIN plan_goals AS g ON g.plan_id = p.id"
        " WHERE p.deleted = 0 AND g.deleted = 0")}
    school_id = next((school for school in school_ids if school in planning), None)
    if school_id is not None:
        goals = workspace.projects.goal_choices(school_id)
        for spec in SCHOOL_PROJECTS:  # each serves the plan's goal of its first component (try15 F1)
            component = spec["components"].split(".")[0]
            goal = next((g for g, label in goals if label.startswith(f"องค์ประกอบที่ {component}:")), goals[0][0])
            _add(workspace, fiscal_year, spec, {"school_id": school_id, "plan_goal_id": goal})


def _add(workspace: Workspace, fiscal_year: int, spec: dict[str, Any], owner: dict[str, Any]) -> None:
    """Add one project of :data:`PROJECTS`; nothing in it happens after today (RETEST15 N5: the
    demo printed an activity finished in February in a report of 1 December). A finished project's
    later activities are done in the days of the quarter gone by, its later money in that quarter;
    for every other project, an activity not begun by today is not started, one not ended is in
    progress, and money of a quarter not begun is not disbursed."""
    start = date(fiscal_year - 543 - 1, 10, 1)
    today = clock.today()

    def day(offset: int) -> str:
        return (start + timedelta(days=offset)).isoformat()

    elapsed, begun = (today - start).days, quarters_begun(fiscal_year, today)
    # A project the spec calls finished is finished by today: an activity it did later than today
    # is done in the days of this quarter gone by (on 1 October: that day), and the money of later
    # quarters is in the quarter now running.
    bring_forward = spec["status"] == "finished" and 1 <= begun < 4
    quarter_start = (date(start.year + (begun + 2) // 4, (9 + 3 * (begun - 1)) % 12 + 1, 1) - start).days
    activities = []
    for name, quarter, offset, length, status in spec.get("activities", ()):
        planned, actual = (day(offset), day(offset + length - 1)), (day(offset + 3), day(offset + length + 2))
        if bring_forward and (quarter > begun or actual[1] > today.isoformat()):
            quarter, first = begun, day(max(quarter_start, elapsed - length - 2))
            planned = actual = (first, today.isoformat())
        if status != "not_started" and actual[0] > today.isoformat():
            status = "not_started"
        elif status == "finished" and actual[1] > today.isoformat():
            status = "in_progress"
        activities.append({"name": name, "quarter": quarter, "planned_start": planned[0], "planned_end": planned[1],
                           "actual_start": actual[0] if status != "not_started" else "",
                           "actual_end": actual[1] if status == "finished" else "", "status": status})

    def now_or_later(amounts: tuple[int, ...]) -> list[int]:  # later quarters' money in the one running
        return [*amounts[:begun - 1], sum(amounts[begun - 1:]), *[0] * (4 - begun)] if bring_forward else list(amounts)

    lines = [{"source": source, "agency": agency, "planned_baht": now_or_later(planned),
              "disbursed_baht": [amount if quarter < begun else 0 for quarter, amount in enumerate(now_or_later(disbursed))]}
             for source, agency, planned, disbursed in spec["lines"]]
    status = spec["status"]
    if status == "finished" and any(a["status"] != "finished" for a in activities):
        status = "in_progress"
    workspace.projects.add(
        fiscal_year, spec["name"], **owner, status=status,
        responsible=spec.get("responsible", ""), output_goals=spec.get("output", ""),
        outcome_goals=spec.get("outcome", ""),
        indicators=[{"name": n, "target": t, "actual": a} for n, t, a in spec.get("indicators", ())],
        activities=activities, budget_lines=lines, component_codes=spec.get("components", ""),
        behind_reason=spec.get("reason", ""), results_summary=spec.get("results", ""), problems=spec.get("problems", ""),
        suggestions=spec.get("suggestions", ""))
