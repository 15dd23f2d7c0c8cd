"""Issue 13, tester's F5 and F17: the summary says what happened to a school that sent nothing
counted for the round. A returned school is "ส่งกลับแก้ไข" in 6.1's table too (not "ยังไม่ส่งผล"),
and a school that submitted after the round closed is said to have, not "ยังไม่ได้เริ่มประเมิน"."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.inspection.picture import round_picture
from qualityschool_desktop.reports.summary import summary_data, summary_tables
from qualityschool_desktop.workspace import Workspace
from tests.test_summary_counts import _table, answer_all


@pytest.fixture
def office(memory_workspace: Workspace) -> Workspace:
    workspace = memory_workspace
    workspace.schools.mark_demo_database()  # plays the office
    for code, name, day in (("6301000001", "โรงเรียนบ้านผ่าน", date(2026, 8, 3)),
                            ("6301000002", "โรงเรียนบ้านส่งกลับ", date(2026, 8, 3)),
                            ("6301000003", "โรงเรียนบ้านส่งช้า", date(2026, 10, 15))):
        school = workspace.schools.add(code=code, name=name, district="เมืองตาก", province="ตาก",
                                       area_office="สพป.ตาก เขต 1", level="primary")
        assessment = workspace.assessments.start(school.id, 2569, round=1, assessed_on=day)
        answer_all(workspace, assessment.id, 4)
        workspace.assessments.submit(assessment.id)
        if name == "โรงเรียนบ้านส่งกลับ":
            workspace.reviews.decide(assessment.id, "returned", "ขาดหลักฐานด้านที่ ๓")
    workspace.inspection_rounds.define(2569, 2)  # closes 30 Sep 2026
    return workspace


def test_the_statuses_say_returned_and_late(office: Workspace) -> None:
    _, picture = round_picture(office, 2569, 2)
    states = {item.school.name: item.state for item in picture.not_reported}
    assert states == {"โรงเรียนบ้านส่งกลับ": "returned", "โรงเรียนบ้านส่งช้า": "late"}
    data = summary_data(office, fiscal_year=2569, round=2)
    tables = summary_tables(data)
    pending = {row[1]: row[4] for row in _table(tables, "not_reported")}
    assert pending["โรงเรียนบ้านส่งกลับ"] == "ส่งกลับแก้ไข"
    assert pending["โรงเรียนบ้านส่งช้า"] == "ส่งหลังปิดรอบ (15 ต.ค. 2569)"
    districts = {row[3]: row[4] for row in _table(tables, "districts")}
    assert districts["โรงเรียนบ้านส่งกลับ"] == "ส่งกลับแก้ไข"
    assert districts["โรงเรียนบ้านส่งช้า"] == "ส่งหลังปิดรอบ (15 ต.ค. 2569)"
    assert "ยังไม่ได้เริ่มประเมิน" not in str(tables) and "ยังไม่ส่งผล" not in str(_table(tables, "districts"))
