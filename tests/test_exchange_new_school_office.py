"""s33 exB T9: a laptop that does not know the school yet (a new province) previews a district's file
that carries the school and the office's verdict on its round. The preview reads the school's area
office from the file, as the import does: it names the office, offers the office tick, and never
prints a command with a placeholder office ("ไม่ระบุเขตพื้นที่")."""

from __future__ import annotations

from typing import Callable

from qualityschool_desktop import exchange
from qualityschool_desktop.review.offices import NO_AREA

from .laptops import CODE_A, Laptop, laptops  # noqa: F401 (a fixture)
from .test_review_offices import COMMENT, STORED, submitted

Laptops = Callable[[str], Laptop]


def test_a_new_province_s_preview_names_the_office_of_a_school_arriving_in_the_same_file(laptops: Laptops) -> None:
    school, ids = submitted(laptops)
    district = laptops("district")
    district.import_(school.export("s.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=STORED)
    decided = district.export("d.qsx", school_codes=[CODE_A])
    province = laptops("province")
    with province.open() as workspace:
        preview = exchange.preview_import(workspace, decided)
    with laptops("province-cli").open() as workspace:
        result = exchange.apply_import(workspace, decided)
    assert preview.counts["review_decisions"].pending == 1
    assert preview.office_offer == (STORED,) == result.office_offer  # the tick is offered, as the import says
    assert STORED in preview.sender.words()  # "ผู้ตรวจในนาม สพป.ตาก เขต 2", not "เครื่อง …"
    warnings = [str(w) for w in preview.warnings]
    assert not any(NO_AREA in w for w in warnings), warnings
    assert any(STORED in w for w in warnings)
    assert [str(w) for w in result.warnings] == warnings  # the same words before and after
    province.import_(decided, office_key=STORED)
    with province.open() as workspace:
        assert workspace.reviews.state(workspace.assessments.get(ids["assessment"])) == "returned"
