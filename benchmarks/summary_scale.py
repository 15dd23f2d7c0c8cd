"""A district database of N quality schools for the summary report's benchmark (and the
scale test): every school has a submitted self-assessment in round 1 and, most of them, in
round 2 of fiscal year 2568 (so the summary of round 2 compares with round 1), a few schools
sent nothing in round 2 (the "not reported" table). Names and districts vary in length like the
real ones, so some cells wrap and most do not. Deterministic for a given N."""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

DISTRICTS = ("เมืองตาก", "บ้านตาก", "สามเงา", "แม่ระมาด", "ท่าสองยาง", "แม่สอด", "พบพระ", "อุ้มผาง", "วังเจ้า")
NAMES = ("บ้าน{n}", "บ้าน{n}ราษฎร์บำรุง", "ชุมชนบ้าน{n}", "{n}วิทยาคม", "อนุบาล{n}", "บ้าน{n}มิตรภาพที่ ๒๑๔")
PLACES = ("แม่ต้าน", "ห้วยหินฝน", "ท่าสองยาง", "แม่ละเมา", "พระธาตุผาแดง", "ปางส้าน", "วังตะเคียน", "น้ำดิบ")
YEAR = 2568


def make_district(path: Path, schools: int) -> float:
    """Build the database at ``path`` (must not exist); returns the seconds it took."""
    from qualityschool_desktop.workspace import Workspace

    rng = random.Random(schools)
    started = time.perf_counter()
    with Workspace.open(path, create=True, installation="bench-summary") as workspace:
        workspace.db.execute("PRAGMA synchronous = OFF")  # a generator: speed, not durability
        framework = workspace.frameworks.latest()
        items = framework.items
        for number in range(1, schools + 1):
            name = "โรงเรียน" + NAMES[number % len(NAMES)].format(n=PLACES[(number // 7) % len(PLACES)])
            with workspace.db.atomic():
                school = workspace.schools.add(
                    code=f"63{number:08d}", name=f"{name} {number}", district=DISTRICTS[number % len(DISTRICTS)],
                    province="ตาก", area_office=f"สพป.ตาก เขต {1 + number % 2}", level="primary",
                    pupils=rng.randint(40, 900), teachers=rng.randint(3, 50),
                )
                for round in (1, 2):
                    if round == 2 and number % 23 == 0:
                        continue  # sent nothing this round
                    assessment = workspace.assessments.start(
                        school.id, YEAR, round=round, assessed_on=date(2025, 1 + 5 * (round - 1), 1 + number % 28))
                    base = rng.randint(framework.min_level, framework.max_level)
                    for item in items:
                        level = min(framework.max_level, max(framework.min_level, base + rng.randint(-1, 1)))
                        workspace.answers.set_level(assessment.id, item.code, level)
                    workspace.assessments.submit(assessment.id)
        workspace.answers.flush_pending()
        workspace.inspection_rounds.define(YEAR, 2)
    return time.perf_counter() - started
