"""A plan whose goal text is longer than a page (TEST14e finding f05: a goal of
1,500 characters made ``report plan`` fail with ReportLab's LayoutError) prints: the long cell
runs on over the pages, every word of it in the PDF."""

from __future__ import annotations

from pathlib import Path

from qualityschool_desktop.reports.plan import write_plan_report
from qualityschool_desktop.workspace import Workspace

from .laptops import start_school
from .pdf_checks import needs_poppler, pdftotext

WORDS = "พัฒนาห้องเรียนให้มีสภาพแวดล้อมที่เอื้อต่อการเรียนรู้ "


def long_plan(workspace: Workspace, text: str) -> str:
    school = start_school(workspace)["school"]
    plan = workspace.plans.create(school, 2571, title="แผนที่มีเป้าหมายยาว")
    workspace.plans.add_goal(plan.id, "1", text)
    workspace.plans.add_goal(plan.id, "2", "ผู้เรียนอ่านออกเขียนได้")
    workspace.plans.add_indicator(plan.id, "ร้อยละของห้องเรียนที่ปรับปรุงแล้ว", unit="ร้อยละ", baseline=50,
                                  targets={2571: 60})
    workspace.plans.add_activity(plan.id, "ปรับปรุงห้องเรียน", owner="ฝ่ายวิชาการ", budget_baht=1000)
    return plan.id


def test_a_goal_longer_than_a_page_prints_over_the_pages(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "s.sqlite3", create=True) as workspace:
        plan_id = long_plan(workspace, (WORDS * 200)[:6000] + "ท้ายสุด")
        target = write_plan_report(workspace, plan_id, tmp_path / "plan.pdf")
    assert target.stat().st_size > 0


@needs_poppler
def test_every_word_of_a_long_goal_is_in_the_pdf(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "s.sqlite3", create=True) as workspace:
        plan_id = long_plan(workspace, (WORDS * 60)[:1500] + "ท้ายสุด")
        target = write_plan_report(workspace, plan_id, tmp_path / "plan.pdf")
    text = "".join(pdftotext(target, "-raw").split())
    assert text.count("ท้ายสุด") == 1  # the goal to its end
    assert text.count("พัฒนาห้องเรียน") == len((WORDS * 60)[:1500].split("พัฒนาห้องเรียน")) - 1
    for after in ("ผู้เรียนอ่านออกเขียนได้", "ร้อยละของห้องเรียนที่ปรับปรุงแล้ว", "ปรับปรุงห้องเรียน"):
        assert after in text
