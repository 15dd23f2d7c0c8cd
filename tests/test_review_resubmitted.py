"""s33 T3: a verdict answers the submission it judged. After the office returned a round and the
school sent it again, a later reopening by the school itself is a plain draft (the school's own
choice), at the school and at the district, not "being corrected after the return" with the old
comment as if the office had returned the second submission; the old return stays in the history.
A round reopened right after the return is still being corrected."""

from __future__ import annotations

from qualityschool_desktop.review import status_label

from .laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from .test_review_offices import AREA, COMMENT, state_at, submitted


def _reopen(laptop, assessment_id: str) -> None:  # type: ignore[no-untyped-def]
    with laptop.open() as workspace:
        workspace.assessments.reopen(assessment_id)


def test_a_reopening_after_the_school_resubmitted_is_not_the_old_return(laptops: Laptops) -> None:
    school, ids = submitted(laptops)
    district = laptops("district")
    district.import_(school.export("s1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=AREA)
    school.import_(district.export("d1.qsx", school_codes=[CODE_A]), office_key=AREA)
    assert state_at(school, ids["assessment"])[0] == "returned"

    _reopen(school, ids["assessment"])  # correcting what the office asked
    assert state_at(school, ids["assessment"])[0] == "correcting"
    with school.open() as workspace:
        workspace.assessments.submit(ids["assessment"])  # sent again
    district.import_(school.export("s2.qsx", school_codes=[CODE_A]))
    assert state_at(district, ids["assessment"])[0] == "waiting"

    _reopen(school, ids["assessment"])  # the school's own choice: the office did not return this one
    state, history = state_at(school, ids["assessment"])
    assert state == "draft", status_label(state)
    assert history == [("returned", COMMENT)]  # the old return stays as history
    with school.open() as workspace:
        assessment = workspace.assessments.get(ids["assessment"])
        assert workspace.reviews.returned_decision(assessment) is None
        assert workspace.reviews.as_data(assessment)["state"] == "draft"
        assert workspace.reviews.to_correct() == []
    district.import_(school.export("s3.qsx", school_codes=[CODE_A]))
    assert state_at(district, ids["assessment"])[0] == "draft"
