"""Issue 13, TEST25 9–10: a returned round the school reopened reads "being corrected after a
return" (not a plain draft) with the office's comment, until the school sends it again; and a
school's older returned round is found as well as its newest."""

from __future__ import annotations

from datetime import date

from qualityschool_desktop.cli import schools_as_data
from qualityschool_desktop.review import status_label
from qualityschool_desktop.workspace import Workspace
from tests.test_summary_counts import answer_all

COMMENT = "ขาดหลักฐานด้านที่ ๓"


def test_a_reopened_returned_round_is_being_corrected_until_sent_again(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    workspace.schools.mark_demo_database()  # plays the office that returns the round
    school = workspace.schools.add(code="6301000002", name="โรงเรียนบ้านส่งกลับ", district="เมืองตาก",
                                   province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    older = workspace.assessments.start(school.id, 2569, round=1, assessed_on=date(2026, 3, 3))
    answer_all(workspace, older.id, 4)
    workspace.assessments.submit(older.id)
    workspace.reviews.decide(older.id, "returned", COMMENT)
    newer = workspace.assessments.start(school.id, 2569, round=2, assessed_on=date(2026, 8, 3))

    def state(assessment_id: str) -> str:
        return workspace.reviews.state(workspace.assessments.get(assessment_id))

    def review(assessment_id: str) -> dict[str, object]:
        rounds = schools_as_data(workspace)[0]["assessments"]
        return next(item["review"] for item in rounds if item["id"] == assessment_id)

    # The older round waits for the school's correction although a newer round exists.
    assert [(a.id, s) for a, s in workspace.reviews.to_correct()] == [(older.id, "returned")]
    assert state(newer.id) == "draft" and review(newer.id)["label"] == "ฉบับร่าง"

    workspace.assessments.reopen(older.id)
    assert state(older.id) == "correcting"
    assert review(older.id) == {"state": "correcting", "label": status_label("correcting"), "comment": COMMENT,
                                "decided_at": workspace.reviews.history(older.id)[0].decided_at}
    assert status_label("correcting") == "กำลังแก้ไขตามที่ส่งกลับ"
    assert [(a.id, s) for a, s in workspace.reviews.to_correct()] == [(older.id, "correcting")]
    rounds = [workspace.assessments.get(older.id), workspace.assessments.get(newer.id)]
    assert workspace.reviews.counts(rounds) == {"waiting": 0, "accepted": 0, "returned": 1}

    workspace.assessments.submit(older.id)  # sent again: waits for the office, nothing left to correct
    assert state(older.id) == "waiting" and review(older.id)["comment"] == ""
    assert workspace.reviews.to_correct() == []
    workspace.reviews.decide(older.id, "accepted")
    workspace.assessments.reopen(older.id)  # reopened after ผ่าน: a plain draft again
    assert state(older.id) == "draft"
    kinds = [step.kind for step in workspace.reviews.round_trip(older.id)]  # same-millisecond stamps: any order
    assert sorted(kinds) == sorted(["submitted", "returned", "reopened", "submitted", "accepted", "reopened"])
