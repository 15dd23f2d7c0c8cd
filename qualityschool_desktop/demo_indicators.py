"""The demo area office's indicators (issue 14; see :mod:`.demo`): real indicators of seed 003's
tables (ตัวชี้วัด | หน่วยนับ | ค่าเป้าหมาย ๒๕๖๖ … ๒๕๗๐ | ผู้รับผิดชอบ, as the seed prints them)
with their targets, the actuals of the years already over typed for most of them (one left for the
office to fill in), and two indicators whose actuals the product computes from the demo schools'
rounds. No random numbers: the actuals are fixed, so the rest of the demo stays as it was.
"""

from __future__ import annotations

from .workspace import Workspace

DEMO_OFFICE = "สพม.ตาก"  # the demo's secondary area office, like seed 003's สพม.ลำปาง ลำพูน
# (name, unit, targets 2566–2570, owner, actuals 2566, 2567, … as far as the demo year allows)
SEED_003 = (
    ("ร้อยละของนักเรียนที่มีความรู้ความเข้าใจ และทักษะเพื่อรับมือกับภัยคุกคามรูปแบบใหม่ทุกรูปแบบ และทุกประเภท",
     "ร้อยละ", (80, 85, 90, 95, 100), "สพฐ. 66- 70", (78.5, 86.2, 88.0, 93.4)),
    ("ร้อยละของสถานศึกษามีการประเมินสุขภาพจิตและใช้ระบบมาตรฐานความปลอดภัยกระทรวงศึกษาธิการ"
     " (MOE Safety Platform) อย่างทั่วถึง", "ร้อยละ", (100, 100, 100, 100, 100), "ตามจุดเน้น สพฐ. ลดความเครียด",
     (92.0, 100, 100, 100)),
    ("ร้อยละของความสำเร็จของการบริหารจัดการโรงเรียนขนาดเล็ก (โรงเรียนคุณภาพ) และการใช้ทรัพยากรร่วมกัน"
     "ได้สำเร็จตามเป้าหมาย", "ร้อยละ", (70, 75, 80, 85, 90), "Quick Policy สพฐ.", (68.0, 74.0, 81.5, 83.0)),
    ("ร้อยละของสถานศึกษาที่มีการจัดการเรียนรู้เชิงรุก (Active Learning) และมีการวัดและประเมินผล"
     " เพื่อพัฒนาการเรียนรู้ของผู้เรียน", "ร้อยละ", (80, 85, 90, 95, 100), "สพฐ. 66- 70", (82.0, 85.0, 88.9)),
    ("ร้อยละของสถานศึกษาที่มีผลการประกันคุณภาพภายในระดับดีเลิศขึ้นไป", "ร้อยละ", (65, 67, 69, 71, 73),
     "สพฐ. 66- 70", (61.1, 66.7, 72.2, 72.2)),
    ("จำนวนภาคีเครือข่ายที่เข้ามามีส่วนร่วมในการจัด/พัฒนา/ส่งเสริมการศึกษา", "หน่วยงาน", (10, 12, 14, 16, 18),
     "สพฐ. 66- 70", (11, 12, 15, 17)),
)
# Indicators whose actuals the product computes (indicators/computed.py), with targets the office set.
COMPUTED = (
    ("ร้อยละของโรงเรียนคุณภาพที่มีผลการประเมินตนเองอยู่ในกลุ่มสีระดับบน (ม่วง ฟ้า เขียว)", "ร้อยละ",
     (40, 50, 60, 70, 80), "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "top_bands_share"),
    ("จำนวนโรงเรียนคุณภาพที่ส่งผลการประเมินตนเอง", "โรงเรียน", (9, 9, 9, 9, 9),
     "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "schools_assessed"),
)


def add_demo_indicators(workspace: Workspace, current_year: int) -> None:
    """The indicators of :data:`DEMO_OFFICE` over 2566–2570 (BE) through the core's public API
    (inside the caller's transaction): targets as seed 003 prints them, typed actuals only for the
    years before ``current_year`` (BE, the fiscal year under way), the last indicator's latest
    year left empty."""
    years = range(2566, 2571)
    for number, (name, unit, targets, owner, actuals) in enumerate(SEED_003):
        done = [y for y in years if y < current_year]
        if number == len(SEED_003) - 1:
            done = done[:-1]  # the office has not typed this one's latest year yet
        workspace.indicators.add(DEMO_OFFICE, name, unit=unit, responsible=owner,
                                 targets=dict(zip(years, targets)), actuals=dict(zip(done, actuals)))
    for name, unit, targets, owner, kind in COMPUTED:
        workspace.indicators.add(DEMO_OFFICE, name, unit=unit, responsible=owner, computed=kind,
                                 targets=dict(zip(years, targets)))
