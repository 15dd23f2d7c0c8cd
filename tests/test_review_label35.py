"""s35 pending35b (TEST35 T5): ``schools --json`` labels a round waiting for the office's review
with the window's word: "รอตรวจ" where the laptop acts as the office (the school list's tag and the
rounds tab say so there), "ส่งแล้ว" at the school's own laptop (its header and rounds tab)."""

from __future__ import annotations

from datetime import date

from qualityschool_desktop.cli import schools_as_data
from qualityschool_desktop.workspace import Workspace
from tests.test_summary_counts import answer_all


def _waiting_label(workspace: Workspace) -> tuple[str, str]:
    school = workspace.schools.add(code="6301000002", name="โรงเรียนบ้านรอตรวจ", district="เมืองตาก",
                                   province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    assessment = workspace.assessments.start(school.id, 2569, round=2, assessed_on=date(2026, 8, 3))
    answer_all(workspace, assessment.id, 4)
    workspace.assessments.submit(assessment.id)
    (round_,) = schools_as_data(workspace)[0]["assessments"]
    review = round_["review"]
    assert review["state"] == "waiting"
    return review["label"], workspace.reviews.label(workspace.assessments.get(assessment.id))


def test_at_the_office_a_waiting_round_is_labelled_as_the_window_lists_it(memory_workspace: Workspace) -> None:
    memory_workspace.schools.mark_demo_database()  # plays the office (review.office_here)
    assert _waiting_label(memory_workspace) == ("รอตรวจ", "รอตรวจ")


def test_at_the_school_a_waiting_round_is_sent(memory_workspace: Workspace) -> None:
    assert _waiting_label(memory_workspace) == ("ส่งแล้ว", "ส่งแล้ว")
