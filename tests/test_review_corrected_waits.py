"""A judged round the school changed afterwards waits for a new review ("รอตรวจ"), whichever of the
school's laptops changed it (TEST34B B4, B17, B18: a rule that let the school's joined version keep
the judgement also kept it for real corrections, and was taken out; a review names the exact
version it judged). Real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

from .laptops import Laptop, Laptops, laptops, two_laptops_of_the_school  # noqa: F401 (laptops is a fixture)


def _state(laptop: Laptop, assessment_id: str) -> str:
    with laptop.open() as workspace:
        assessment = workspace.assessments.get(assessment_id)
        states = workspace.reviews.states([assessment])
        assert states[assessment_id] == workspace.reviews.state(assessment)
        return states[assessment_id]


def _judged(laptops: Laptops, decision: str) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    """Both school laptops submit the same round apart, the district judges the first's, and the
    school's first laptop joins the two submissions."""
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop in (a1, a2):
        with laptop.open() as workspace:
            workspace.assessments.submit(ids["assessment"])
    district.import_(a1.export("a1-submitted.qsx"))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], decision, office_name="สพป.ตาก เขต 2",
                                 comment="" if decision == "accepted" else "แก้ประเด็น ๑.๑.๑")
    assert _state(district, ids["assessment"]) == decision
    a1.import_(a2.export("a2-submitted.qsx"))
    return a1, a2, district, ids


def _correct(laptop: Laptop, ids: dict[str, str]) -> None:
    with laptop.open() as workspace:
        workspace.assessments.reopen(ids["assessment"])
        workspace.answers.set_level(ids["assessment"], ids["item"], 5)
        workspace.answers.flush_pending()
        workspace.assessments.submit(ids["assessment"])


def test_a_round_the_first_laptop_corrected_after_the_judgement_waits_again(laptops: Laptops) -> None:
    a1, _a2, district, ids = _judged(laptops, "accepted")
    _correct(a1, ids)
    district.import_(a1.export("a1-corrected.qsx"))
    assert _state(district, ids["assessment"]) == "waiting"


def test_a_round_the_second_laptop_corrected_after_the_judgement_waits_again(laptops: Laptops) -> None:
    a1, a2, district, ids = _judged(laptops, "accepted")
    a2.import_(a1.export("a1-joined.qsx"))
    _correct(a2, ids)
    district.import_(a2.export("a2-corrected.qsx"))
    assert _state(district, ids["assessment"]) == "waiting"


def test_a_returned_round_corrected_by_either_laptop_waits_again(laptops: Laptops) -> None:
    a1, a2, district, ids = _judged(laptops, "returned")
    a1.import_(district.export("district.qsx"))
    a2.import_(a1.export("a1-joined.qsx"))
    _correct(a2, ids)
    district.import_(a2.export("a2-corrected.qsx"))
    assert _state(district, ids["assessment"]) == "waiting"
