"""A returned self-assessment shows in the school's rounds table (issue 13, tester's F4): the
status reads "ส่งกลับแก้ไข", not "ส่งแล้ว", so the school need not open the round to learn it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qualityschool_desktop.workspace import Workspace
from tests.test_summary_counts import answer_all
from ui.assessment.rounds_tab import COL_STATUS, RoundsTab

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_returned_round_reads_returned(qtbot: Any, memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    workspace.schools.mark_demo_database()  # plays the office
    school = workspace.schools.add(code="6301000002", name="โรงเรียนบ้านส่งกลับ", district="เมืองตาก",
                                   province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    first = workspace.assessments.start(school.id, 2569, round=1, assessed_on=date(2026, 3, 3))
    answer_all(workspace, first.id, 4)
    workspace.assessments.submit(first.id)
    second = workspace.assessments.start(school.id, 2569, round=2, assessed_on=date(2026, 8, 3))
    answer_all(workspace, second.id, 4)
    workspace.assessments.submit(second.id)
    workspace.reviews.decide(second.id, "returned", "ขาดหลักฐานด้านที่ ๓")
    tab = RoundsTab(workspace)
    qtbot.addWidget(tab)
    tab.show_school(school.id)
    statuses = {tab.rounds[row].id: tab.table.item(row, COL_STATUS).text() for row in range(tab.table.rowCount())}
    # At the office a round sent and not reviewed yet waits for it: "รอตรวจ" (TEST26a F3).
    assert statuses == {first.id: "รอตรวจ", second.id: "ส่งกลับแก้ไข"}
