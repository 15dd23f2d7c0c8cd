"""s33 T1/T2: before the office's key is bound at the school, the school's director reads WHAT the
office said (ส่งกลับแก้ไข and its comment, or ผ่าน), as received and not yet applied: in the import's
warning, in the waiting change's description and on the round; the waiting change's reason is one
reason naming a review (not a budget approval), without a command line."""

from __future__ import annotations

from qualityschool_desktop import exchange

from .laptops import Laptops, laptops  # noqa: F401 (a fixture)
from .test_office_words33 import _district_returns
from .test_review_offices import COMMENT

SAID = f"สำนักงานส่งกลับแก้ไข: {COMMENT}"


def test_the_school_reads_the_waiting_verdict_before_binding_the_key(laptops: Laptops) -> None:
    school, _district, ids, decided = _district_returns(laptops)
    preview = school.preview(decided)
    (warning,) = [w for w in preview.warnings if "ยังไม่ได้ผูกเป็นกุญแจของสำนักงาน" in w]
    assert SAID in warning, warning
    school.import_(decided)
    with school.open() as workspace:
        (waiting,) = exchange.list_pending(workspace)
        assert SAID in waiting.description, waiting.description
        assessment = workspace.assessments.get(ids["assessment"])
        assert workspace.reviews.state(assessment) == "waiting"  # not applied
        assert workspace.reviews.waiting_verdicts(ids["assessment"]) == [SAID]


def test_the_waiting_verdict_s_reason_is_one_reason_naming_the_review(laptops: Laptops) -> None:
    school, _district, _ids, decided = _district_returns(laptops)
    school.import_(decided)
    with school.open() as workspace:
        (waiting,) = exchange.list_pending(workspace)
    said = f"{waiting.reason_text}\n{waiting.refusal}"
    assert "งบประมาณ" not in said, said
    assert said.count("ผูกเป็นกุญแจเขต") == 1, said  # the instructions once
    assert "signers" not in said and "--area-office" not in said, said  # no command line for a director
    assert "ผลการตรวจ" in waiting.reason_text
