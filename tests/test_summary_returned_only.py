"""TEST32b: a district that sent its only submitted round back for revision asked for the summary
and read "no school has reported", as if the school had sent nothing. The message says the round
was returned and that it counts again once the school sends it anew."""

from __future__ import annotations

from typing import Callable

import pytest

from qualityschool_desktop.district import district_picture
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.reports.summary.data import gather

from .laptops import CODE_A, Laptop, laptops, start_school  # noqa: F401 (a fixture)

Laptops = Callable[[str], Laptop]


def test_a_summary_of_only_returned_rounds_says_they_were_returned(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace, levels=74)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        gather(workspace, district_picture(workspace, 2568, 1))  # reported: a summary
        workspace.reviews.decide(ids["assessment"], "returned", "แนบหลักฐานองค์ประกอบที่ ๑", office_name="สพป.ตาก เขต ๒")
        with pytest.raises(ValidationError) as refused:
            gather(workspace, district_picture(workspace, 2568, 1))
    assert "ส่งกลับแก้ไขแล้ว 1 โรงเรียน" in str(refused.value)
