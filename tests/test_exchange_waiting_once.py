"""s33 exB T6: a change already waiting here (same record, same version) that a later file brings
again is counted once, as "รอตรวจสอบอยู่แล้ว", and its long warning is not said again; the office
tick is still offered (binding the key applies it)."""

from __future__ import annotations

from typing import Callable

from qualityschool_desktop import exchange

from .laptops import CODE_A, Laptop, laptops  # noqa: F401 (a fixture)
from .test_review_office_waits import returned_by_district
from .test_review_offices import STORED

Laptops = Callable[[str], Laptop]
WAITS = "ยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน"


def test_a_waiting_office_verdict_brought_again_is_counted_once_and_said_once(laptops: Laptops) -> None:
    school, district, _ids, first = returned_by_district(laptops)
    assert first.counts["review_decisions"].pending == 1
    assert any(WAITS in w for w in first.warnings)
    again = district.export("o2.qsx", school_codes=[CODE_A])
    with school.open() as workspace:
        preview = exchange.preview_import(workspace, again)
    result = school.import_(again)
    for said in (preview, result):
        counts = said.counts["review_decisions"]
        assert (counts.pending, counts.waiting) == (0, 1)
        assert said.pending == [] and [table for table, _id in said.already_waiting] == ["review_decisions"]
        assert not any(WAITS in w for w in said.warnings), said.warnings
        assert said.office_offer == (STORED,)  # binding it still applies the verdict
        assert "รอตรวจสอบอยู่แล้ว 1" in "\n".join(said.lines())
    with school.open() as workspace:
        assert len(exchange.list_pending(workspace)) == 1
