"""The demo's development plans (issue 14): most demo schools get a plan for the current fiscal
year and the next, started from their latest submitted round, with goals on the components of
their weakest items, indicators with yearly targets (seed 003's form) and activities with budgets
in baht. A generator of its own (seeded), so the rounds and visits come out as they always did."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Sequence

from .plans.progress import latest_submitted, suggestions

if TYPE_CHECKING:
    from .schools import School
    from .workspace import Workspace

GOALS = {
    "1": "พัฒนาอาคารสถานที่และสภาพแวดล้อมให้ปลอดภัย เอื้อต่อการเรียนรู้",
    "2": "พัฒนาการบริหารจัดการสถานศึกษาให้มีคุณภาพตามเกณฑ์โรงเรียนคุณภาพ",
    "3": "ครูจัดการเรียนรู้เชิงรุกและใช้เทคโนโลยีดิจิทัลในการสอน",
    "4": "ผู้เรียนมีผลสัมฤทธิ์และคุณลักษณะอันพึงประสงค์สูงขึ้น",
    "5": "สร้างเครือข่ายความร่วมมือกับชุมชนและโรงเรียนเครือข่าย",
}
INDICATORS = (
    ("ร้อยละของครูที่จัดการเรียนรู้เชิงรุก", "ร้อยละ", 55.0, 10.0, "หัวหน้าฝ่ายวิชาการ"),
    ("ร้อยละของนักเรียนที่อ่านออกเขียนได้", "ร้อยละ", 70.0, 8.0, "ครูประจำชั้น"),
    ("จำนวนโรงเรียนเครือข่ายที่ร่วมกิจกรรม", "โรงเรียน", 2.0, 1.0, "ผู้อำนวยการโรงเรียน"),
)
ACTIVITIES = (
    ("อบรมเชิงปฏิบัติการการจัดการเรียนรู้เชิงรุก", "ฝ่ายวิชาการ", 45_000),
    ("ปรับปรุงห้องปฏิบัติการคอมพิวเตอร์", "ฝ่ายบริหารทั่วไป", 250_000),
    ("ค่ายพัฒนาการอ่านการเขียน", "ครูภาษาไทย", 30_000),
    ("ประชุมเครือข่ายผู้ปกครองและชุมชน", "ฝ่ายบริหารงานบุคคล", 12_000),
)


def add_demo_plans(workspace: "Workspace", schools: Sequence["School"], *, fiscal_year: int, today: date) -> int:
    """Make a plan for fiscal years ``fiscal_year``–``fiscal_year + 1`` (BE) for about four in
    five of ``schools`` that have a submitted round; returns how many. Raises
    :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
    rng = random.Random(14)
    made = 0
    for school in schools:
        base = latest_submitted(workspace, school.id)
        if base is None or rng.random() < 0.2:
            continue
        plan = workspace.plans.create(school.id, fiscal_year, fiscal_year + 1, base=(base.fiscal_year, base.round),
                                      title=f"แผนพัฒนาคุณภาพการศึกษา {school.name}")
        by_component: dict[str, list[str]] = {}
        for suggestion in suggestions(workspace, school.id, count=6):
            if suggestion.item_code != suggestion.component_code:
                by_component.setdefault(suggestion.component_code, []).append(suggestion.item_code)
        goal_ids = []
        for component, codes in sorted(by_component.items())[:3]:
            goal = workspace.plans.add_goal(plan.id, component, GOALS.get(component, "ยกระดับคุณภาพ"), tuple(codes[:3]),
                                            4)
            goal_ids.append(goal.id)
        for number, (name, unit, baseline, step, who) in enumerate(INDICATORS[: rng.randint(2, 3)]):
            start = baseline + rng.randint(-5, 5) if unit == "ร้อยละ" else baseline
            targets = {fiscal_year: start + step, fiscal_year + 1: start + 2 * step}
            actuals = {fiscal_year: start + step * rng.choice((0.5, 1.0, 1.2))} if rng.random() < 0.6 else {}
            workspace.plans.add_indicator(plan.id, name, unit=unit, baseline=start, targets=targets, actuals=actuals,
                                          responsible=who, goal_id=goal_ids[number % len(goal_ids)] if goal_ids else None)
        for number, (name, owner, budget) in enumerate(rng.sample(ACTIVITIES, rng.randint(2, 4))):
            starts = today - timedelta(days=rng.randint(0, 60)) + timedelta(days=45 * number)
            status = "done" if starts < today - timedelta(days=30) else ("doing" if starts <= today else "planned")
            workspace.plans.add_activity(plan.id, name, owner=owner, starts_on=starts.isoformat(),
                                         ends_on=(starts + timedelta(days=rng.randint(30, 120))).isoformat(),
                                         budget_baht=budget, status=status,
                                         goal_id=goal_ids[number % len(goal_ids)] if goal_ids else None)
        made += 1
    return made
