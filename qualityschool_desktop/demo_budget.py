"""Budget requests for the demo database (see :mod:`.demo`): most schools ask for the coming
fiscal year (BE) what seed 000/001 describe: up to three equipment items and up to two
land-and-building items (a single-year construction or renovation, a multi-year large building
for a few), with realistic Thai descriptions, prices in baht and the components they serve. One
school's draft has a fourth equipment item, so the rule's message shows; three schools have not
started theirs. A generator of its own keeps the rest of the demo exactly as it was.
"""

from __future__ import annotations

import random
from typing import Sequence

from .schools import School
from .workspace import Workspace

SEED = 14
# (description, unit, unit price range in baht, components served, justification)
EQUIPMENT = (
    ("ชุดห้องปฏิบัติการวิทยาศาสตร์", "ชุด", (180_000, 350_000), "1.3 4.2",
     "นักเรียนยังไม่มีห้องปฏิบัติการที่ใช้ทดลองได้จริง ผลสัมฤทธิ์วิทยาศาสตร์ต่ำกว่าค่าเฉลี่ยระดับประเทศ"),
    ("เครื่องคอมพิวเตอร์สำหรับห้องเรียนดิจิทัล", "เครื่อง", (18_000, 24_000), "1.3 4.2",
     "เครื่องเดิมใช้งานมากกว่า ๘ ปี ไม่รองรับแพลตฟอร์มการเรียนรู้ดิจิทัล"),
    ("ชุดอุปกรณ์ห้องสมุดอัจฉริยะ (Smart Library)", "ชุด", (250_000, 480_000), "1.3 5.2",
     "ส่งเสริมการอ่านและการค้นคว้าของนักเรียนโรงเรียนคุณภาพและโรงเรียนเครือข่าย"),
    ("กล้องโทรทัศน์วงจรปิด (CCTV) พร้อมติดตั้ง", "ชุด", (120_000, 220_000), "1.4",
     "เสริมความปลอดภัยของนักเรียนตามมาตรฐานโรงเรียนคุณภาพ"),
    ("เครื่องดับเพลิงชนิดผงเคมีแห้ง", "เครื่อง", (2_500, 3_900), "1.4",
     "อาคารเรียนยังมีอุปกรณ์ดับเพลิงไม่ครบทุกชั้น"),
    ("จอแสดงผลอัจฉริยะแบบสัมผัส (Interactive Display)", "เครื่อง", (65_000, 98_000), "4.2",
     "ใช้จัดการเรียนรู้เชิงรุกและสื่อดิจิทัลในห้องเรียน"),
)
BUILDINGS = (
    ("construction", "อาคารเรียนแบบ สพฐ. ๒๑๘/๖๖ (ต้านแผ่นดินไหว)", "หลัง", (4_500_000, 6_800_000), "1.1",
     "รองรับนักเรียนที่ย้ายมาจากโรงเรียนเครือข่าย ห้องเรียนเดิมไม่เพียงพอ"),
    ("construction", "ส้วมนักเรียน แบบ สพฐ. ๖ ที่/๔๙", "หลัง", (480_000, 620_000), "1.1",
     "ส้วมเดิมชำรุดและไม่เพียงพอต่อจำนวนนักเรียน"),
    ("renovation", "ปรับปรุงซ่อมแซมอาคารเรียน (หลังคาและฝ้าเพดาน)", "หลัง", (850_000, 1_900_000), "1.1",
     "หลังคารั่ว ฝ้าเพดานชำรุด เป็นอันตรายต่อนักเรียน"),
    ("renovation", "ปรับปรุงระบบไฟฟ้าและประปาภายในโรงเรียน", "ระบบ", (350_000, 900_000), "1.2",
     "ระบบไฟฟ้าเดิมรับโหลดห้องเรียนดิจิทัลไม่ได้ น้ำประปาไหลไม่สม่ำเสมอ"),
    ("multi_year", "อาคารเรียน ๔ ชั้น ๑๖ ห้องเรียน", "หลัง", (18_000_000, 24_000_000), "1.1",
     "เป็นโรงเรียนหลักที่รับนักเรียนจากโรงเรียนเครือข่าย ๓ แห่ง"),
    ("construction", "รั้วโรงเรียนพร้อมประตูและทางหนีไฟ", "เมตร", (2_200, 3_100), "1.4",
     "รั้วเดิมชำรุด ไม่มีทางเข้าออกฉุกเฉิน"),
)


def add_demo_budget(workspace: Workspace, schools: Sequence[School], fiscal_year: int) -> None:
    """Budget requests of ``fiscal_year`` (BE) for all but every sixth of ``schools``, through the
    core's public API (inside the caller's transaction). Deterministic."""
    rng = random.Random(SEED)
    for index, school in enumerate(schools):
        if index % 6 == 5:
            continue  # not started yet
        equipment = rng.sample(EQUIPMENT, 4 if index == 2 else rng.randint(1, 3))
        for priority, (description, unit, (low, high), codes, why) in enumerate(equipment, start=1):
            quantity = 1 if unit == "ชุด" else rng.choice((4, 6, 10, 20, 30))
            workspace.budget.add(school.id, fiscal_year, "equipment", description=description, unit=unit,
                                 quantity=quantity, unit_price=rng.randrange(low, high, 100), scope_codes=codes,
                                 priority=priority, justification=why)
        buildings = [b for b in BUILDINGS if b[0] != "multi_year" or index % 5 == 0]
        for priority, (kind, description, unit, (low, high), codes, why) in enumerate(
                rng.sample(buildings, rng.randint(1, 2)), start=1):
            quantity = rng.choice((120, 180, 240)) if unit == "เมตร" else 1
            workspace.budget.add(school.id, fiscal_year, kind, description=description, unit=unit,
                                 quantity=quantity, unit_price=rng.randrange(low, high, 100), scope_codes=codes,
                                 span_years=3 if kind == "multi_year" else 1, priority=len(equipment) + priority,
                                 justification=why)  # after the equipment: one order 1..n (TEST14 finding 14)
