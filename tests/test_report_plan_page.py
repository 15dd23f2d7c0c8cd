"""The plan PDF as the screen shows it (TEST34 T4, T5): the signatures stay on the page of the
plan's last lines, never alone on a page of their own, and a goal with no round after the one the
plan started from says what the plan tab says ("รอผลการประเมินรอบถัดไป"), not "ยังไม่ขยับ"."""

from __future__ import annotations

import re
from pathlib import Path

from qualityschool_desktop.plans.progress import plan_progress
from qualityschool_desktop.reports.plan import write_plan_report
from qualityschool_desktop.workspace import Workspace

from .laptops import NAME_A, start_school
from .pdf_checks import mutool_text, needs_mutool, needs_poppler, pdftotext

WAITING = "รอผลการประเมินรอบถัดไป"


def _plan(workspace: Workspace, activities: int) -> str:
    """The tester's plan (TEST34 out/plan.pdf): one goal of one item, three indicators and
    ``activities`` activities, started from a round with no later one."""
    ids = start_school(workspace)
    plans = workspace.plans
    plan = plans.create(ids["school"], 2571, 2571, base=(2568, 1))
    plans.add_goal(plan.id, "1", "อาคารเรียนมั่นคง ปลอดภัย ๑๐๐ % ภายในปี ๒๕๗๑", (ids["item"],), 2)
    plans.add_indicator(plan.id, "ร้อยละของอาคารที่ผ่านการตรวจความปลอดภัย", unit="ร้อยละ", baseline=40,
                        targets={2571: 100}, actuals={2571: 85}, responsible="นายสมศักดิ์")
    plans.add_indicator(plan.id, "ตัวชี้วัดสอง", unit="ร้อยละ")
    plans.add_indicator(plan.id, "ตัวชี้วัดสาม", unit="ร้อยละ", baseline=12)
    for number in range(activities):
        plans.add_activity(plan.id, f"กิจกรรมที่ {number + 1}", owner="ครูสมศรี", budget_baht=15000)
    return plan.id


def _pages(target: Path) -> list[str]:
    return [re.sub(r"[ \t]+", " ", page) for page in pdftotext(target).split("\f") if page.strip()]


@needs_poppler
def test_the_signatures_are_never_alone_on_a_page(tmp_path: Path) -> None:
    """T4: the signatures went alone onto page 2 below a page 1 with room left. However many
    activities the plan has, the page with the signatures also carries the budget total."""
    for count in (1, 3, 5, 7):
        with Workspace.open(tmp_path / f"{count}.sqlite3", create=True) as workspace:
            plan_id = _plan(workspace, count)
            target = write_plan_report(workspace, plan_id, tmp_path / f"{count}.pdf")
        pages = _pages(target)
        signed = [page for page in pages if "ผู้อนุมัติแผน" in page]
        assert len(signed) == 1 and "งบประมาณรวม" in signed[0], (count, len(pages), signed[0][:300])
        if count == 1:  # the tester's plan: page 1 had the room for its signatures
            assert len(pages) == 1, pages[-1][:300]


@needs_mutool
def test_a_goal_waiting_for_the_next_round_says_so_in_the_pdf(tmp_path: Path) -> None:
    """T5: no submitted round after the plan's base round: the tab says "รอผลการประเมินรอบถัดไป";
    the PDF's ผล column said "ยังไม่ขยับ" (not moved) for the same goal. One rule, the core's."""
    with Workspace.open(tmp_path / "w.sqlite3", create=True) as workspace:
        plan_id = _plan(workspace, 1)
        goal = plan_progress(workspace, plan_id).goals[0]
        assert goal.state_text == WAITING
        target = write_plan_report(workspace, plan_id, tmp_path / "plan.pdf")
    text = re.sub(r"\s+", "", mutool_text(target))  # the ผล cell's lines, block by block, joined
    assert WAITING in text and "ยังไม่ขยับ" not in text
    assert NAME_A in text
