"""s33 exC T9: when neither the file nor this laptop names the school's area office, the warning on
the office's verdict says the office is not known and prints no command with a placeholder office
(never ``--area-office "ไม่ระบุเขตพื้นที่"``)."""

from __future__ import annotations

from qualityschool_desktop.review.offices import NO_AREA

from .laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from .test_review_offices import COMMENT, start_school


def test_a_verdict_on_a_school_with_no_area_office_prints_no_placeholder_command(laptops: Laptops) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.assessments.submit(ids["assessment"])
    district = laptops("district")
    district.import_(school.export("s.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT)
    decided = district.export("d.qsx", school_codes=[CODE_A])
    for warnings in (school.preview(decided).warnings, laptops("province").preview(decided).warnings):
        said = [str(w) for w in warnings if "ผลการตรวจ" in str(w)]
        assert said, [str(w) for w in warnings]
        for warning in said:
            assert NO_AREA not in warning, warning
            assert "--area-office" not in warning, warning
            assert "ยังไม่ทราบสำนักงานเขตพื้นที่" in warning, warning
