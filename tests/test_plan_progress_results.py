"""try14 F9: the plan's progress left the result (ผล) of a linked item blank when the new round
marked it not applicable (ไม่เกี่ยวข้อง) or left its level as it was, so a supervisor read it as
missing data. Each item now says how it went."""

from __future__ import annotations

from qualityschool_desktop.plans.progress import goals_moved_in_round
from qualityschool_desktop.reports.plan import write_plan_report

from .laptops import Laptops, laptops, start_school  # noqa: F401 (fixture)
from .pdf_checks import needs_poppler, pdftotext


@needs_poppler
def test_each_linked_item_says_how_it_went(laptops: Laptops, tmp_path) -> None:
    with laptops("school").open() as workspace:
        ids = start_school(workspace, levels=4)  # round 1/2568: the first four items at level 3
        workspace.assessments.submit(ids["assessment"])
        items = workspace.frameworks.latest().items
        plan = workspace.plans.create(ids["school"], 2569, base=(2568, 1))
        codes = tuple(item.code for item in items[:4])  # 1.1.1, 1.1.2, 1.1.3, 1.2.1: component 1
        workspace.plans.add_goal(plan.id, items[0].component_code, "ครูจัดการเรียนรู้เชิงรุก", codes, 4)
        second = workspace.assessments.start(ids["school"], 2569)
        workspace.answers.set_not_applicable(second.id, codes[0], "โรงเรียนไม่มีห้องปฏิบัติการ")
        workspace.answers.set_level(second.id, codes[1], 4)
        workspace.answers.set_level(second.id, codes[2], 3)
        workspace.answers.flush_pending()
        (found,) = goals_moved_in_round(workspace, second.id)
        workspace.assessments.submit(second.id)
        target = write_plan_report(workspace, plan.id, tmp_path / "plan.pdf")
    results = {item.item_code: item.result_text for item in found.goals[0].items}
    assert results[codes[0]] == "ไม่เกี่ยวข้อง"
    assert results[codes[1]] == "ขยับขึ้น"
    assert results[codes[2]] == "เท่าเดิม"
    assert results[codes[3]] == "ไม่ได้ประเมิน"  # not answered in the new round
    printed = "".join(pdftotext(target, "-raw").split())
    for said in ("ไม่เกี่ยวข้อง", "ขยับขึ้น", "เท่าเดิม", "ไม่ได้ประเมิน"):
        assert said in printed
