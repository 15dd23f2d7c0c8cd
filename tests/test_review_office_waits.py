"""s32 B20: the district's "ส่งกลับแก้ไข" reaches the school. A review decision signed by a key not
yet bound as the school's office waits (รอตรวจสอบ) instead of being refused, so binding the key (the
window's แฟ้ม › ผู้ส่งข้อมูล › ผูกเป็นกุญแจเขต…, or the import preview's tick) applies it without
importing the file again; the advice names the window's way, not only a command line."""

from __future__ import annotations

from typing import Callable

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import rejudge

from .laptops import CODE_A, Laptop, laptops  # noqa: F401 (a fixture)
from .test_review_offices import AREA, COMMENT, returned_at_district, state_at

Laptops = Callable[[str], Laptop]


def returned_by_district(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str], object]:
    school, ids, district = returned_at_district(laptops)
    result = school.import_(district.export("o.qsx", school_codes=[CODE_A]))
    return school, district, ids, result


def test_the_district_s_return_waits_and_binding_its_key_applies_it(laptops: Laptops) -> None:
    school, district, ids, result = returned_by_district(laptops)
    assert state_at(school, ids["assessment"]) == ("waiting", [])
    assert result.counts["review_decisions"].pending == 1  # kept, not lost
    reason = next(w for w in result.warnings if "ยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน" in w)
    assert "แฟ้ม › ผู้ส่งข้อมูล" in reason and "ผูกเป็นกุญแจเขต" in reason  # the window's way
    assert "และนำเข้าไฟล์นี้อีกครั้ง" not in reason
    with school.open() as workspace:
        (waiting,) = exchange.list_pending(workspace)
        assert waiting.table == "review_decisions"
        assert "ผูกเป็นกุญแจเขต" in waiting.reason_text
        _full, done = rejudge.bind_office(workspace, district.fingerprint, AREA)
        assert done.applied == 1
        assert exchange.list_pending(workspace) == []
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])


def test_the_import_binds_the_office_key_a_person_ticked_and_the_return_applies(laptops: Laptops) -> None:
    school, ids, district = returned_at_district(laptops)
    decided = district.export("o.qsx", school_codes=[CODE_A])
    with school.open() as workspace:
        preview = exchange.preview_import(workspace, decided)
    assert preview.office_offer == (AREA.replace("๒", "2"),)
    school.import_(decided, office_key=AREA)
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])
    with school.open() as workspace:
        assert exchange.list_pending(workspace) == []
