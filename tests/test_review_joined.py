"""s34 data34 item 3: a review keeps its judgement when the school's joined version of the round
it judged arrives, and not when the school changed the round.

The school's two laptops submit the same round apart (the same content, two versions). The district
reviews the one it got first ("ผ่าน"); the school's laptop then joins the two (``equal_sides``), and
the joined version, which descends from the judged one with the same content, reaches the district:
the round is still "ผ่าน", not "รอตรวจ". A round the school reopened and corrected waits for a new
review. Real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

from qualityschool_desktop.exchange import versions

from .laptops import Laptop, Laptops, laptops, two_laptops_of_the_school  # noqa: F401 (laptops is a fixture)
from .test_exchange_equal_sides import round_row


def _state(laptop: Laptop, assessment_id: str) -> str:
    with laptop.open() as workspace:
        assessment = workspace.assessments.get(assessment_id)
        states = workspace.reviews.states([assessment])
        assert states[assessment_id] == workspace.reviews.state(assessment)
        current = workspace.reviews.current(assessment)
        assert (current is not None) == (states[assessment_id] in ("accepted", "returned"))
        return states[assessment_id]


def _both_submit_and_the_district_accepts(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop in (a1, a2):
        with laptop.open() as workspace:
            workspace.assessments.submit(ids["assessment"])
    district.import_(a1.export("a1-submitted.qsx"))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "accepted", office_name="สพป.ตาก เขต 2")
    assert _state(district, ids["assessment"]) == "accepted"
    return a1, a2, district, ids


def test_the_school_s_joined_version_of_the_judged_round_keeps_the_judgement(laptops: Laptops) -> None:
    a1, a2, district, ids = _both_submit_and_the_district_accepts(laptops)
    judged = round_row(district, ids["assessment"])
    a1.import_(a2.export("a2-submitted.qsx"))  # the school's laptop joins the two submissions
    district.import_(a1.export("a1-joined.qsx"))
    here = round_row(district, ids["assessment"])
    assert here["version"] != judged["version"]  # the joined version is in use at the district
    assert versions.descends(versions.parse(here["version"]) or {}, versions.parse(judged["version"]) or {})
    assert _state(district, ids["assessment"]) == "accepted"


def test_a_round_the_school_corrected_after_the_judgement_waits_again(laptops: Laptops) -> None:
    a1, a2, district, ids = _both_submit_and_the_district_accepts(laptops)
    a1.import_(a2.export("a2-submitted.qsx"))
    with a1.open() as workspace:
        workspace.assessments.reopen(ids["assessment"])
        workspace.answers.set_level(ids["assessment"], ids["item"], 5)
        workspace.answers.flush_pending()
        workspace.assessments.submit(ids["assessment"])
    district.import_(a1.export("a1-corrected.qsx"))
    assert _state(district, ids["assessment"]) == "waiting"

