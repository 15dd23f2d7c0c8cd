"""A self-assessment the office sent back shows as sent back wherever the school looks (issue 13,
RETEST13 F4): the school list, the assessment's header and ``schools --json`` say "ส่งกลับแก้ไข"
(the words the office's report prints), not the green "ส่งแล้ว"."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop.cli import _print_schools, schools_as_data
from qualityschool_desktop.reports.summary.strings import STATUS_RETURNED
from qualityschool_desktop.workspace import Workspace
from tests.test_summary_counts import answer_all
from ui.assessment.view import AssessmentView
from ui.common.tables import TAG_ROLE
from ui.schools.schools_page import COL_LATEST, SchoolsModel, load_rows

pytestmark = pytest.mark.usefixtures("styled_app")
COMMENT = "ขาดหลักฐานด้านที่ ๓"


def test_a_returned_round_reads_returned_at_the_school(qtbot: Any, memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    workspace.schools.mark_demo_database()  # plays the office that returns the round
    school = workspace.schools.add(code="6301000002", name="โรงเรียนบ้านส่งกลับ", district="เมืองตาก",
                                   province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    other = workspace.schools.add(code="6301000003", name="โรงเรียนบ้านรอตรวจ", district="เมืองตาก",
                                  province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    for each in (school, other):
        assessment = workspace.assessments.start(each.id, 2569, round=1, assessed_on=date(2026, 8, 3))
        answer_all(workspace, assessment.id, 4)
        workspace.assessments.submit(assessment.id)
    returned = workspace.assessments.for_school(school.id)[0]
    workspace.reviews.decide(returned.id, "returned", COMMENT)
    # At the office a round sent and not reviewed yet is tagged "รอตรวจ" in the list (TEST26a F3).
    offered = {row.school.code: row.tag() for row in load_rows(workspace)}
    assert offered["6301000003"] is not None and offered["6301000003"][0] == "รอตรวจ"
    # From here on the laptop is the school's own, where the decision arrived by file.
    with workspace.db.write():
        workspace.db.execute("DELETE FROM installation WHERE key = 'demo'")
    assert STATUS_RETURNED == "ส่งกลับแก้ไข"

    # The school list: a badge beside the round the office sent back, and only there.
    model = SchoolsModel()
    model.set_rows(load_rows(workspace))
    tags = {row.school.code: model.index(n, COL_LATEST).data(TAG_ROLE) for n, row in enumerate(model.rows)}
    assert tags["6301000002"][0] == STATUS_RETURNED and not tags["6301000003"]
    at = [row.school.code for row in model.rows].index("6301000002")
    assert STATUS_RETURNED in model.index(at, COL_LATEST).data(Qt.ItemDataRole.ToolTipRole)  # said in words too

    # schools --json: the round's review state, in words and with the office's comment.
    rounds = {s["code"]: s["assessments"][0] for s in schools_as_data(workspace)}
    assert rounds["6301000002"]["status"] == "submitted"
    assert rounds["6301000002"]["review"] == {"state": "returned", "label": STATUS_RETURNED, "comment": COMMENT,
                                              "decided_at": workspace.reviews.history(returned.id)[0].decided_at}
    assert rounds["6301000003"]["review"]["state"] == "waiting"
    listed = io.StringIO()
    _print_schools(schools_as_data(workspace), False, listed)  # `schools` without --json
    assert f"{STATUS_RETURNED}: {COMMENT}" in listed.getvalue() and listed.getvalue().count(STATUS_RETURNED) == 1

    # The assessment's header: the red "ส่งกลับแก้ไข" chip, no yellow "ส่งแล้ว" notice over the
    # office's comment, one way to reopen (the bar's, beside the comment).
    view = AssessmentView(workspace, returned.id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    assert view._status_chip.accessibleName() == STATUS_RETURNED
    assert not view._submitted_notice.isVisible()
    reopen = [b.text() for b in view.findChildren(QPushButton) if b.isVisible() and "เปิดแก้ไข" in b.text()]
    assert reopen == ["เปิดแก้ไข"]
    view.grab().save("/tmp/a13-returned-header.png")


def test_one_state_one_line_and_an_older_returned_round_in_the_list(qtbot: Any, memory_workspace: Workspace) -> None:
    """TEST25 9–10, RETEST13 N5: at the office a decided round shows the review bar alone (no yellow
    "ส่งแล้ว" line), "ผ่าน" reads ผ่านการตรวจ in the chip; the school list shows an older returned
    round; reopened at the school it reads กำลังแก้ไขตามที่ส่งกลับ with the office's comment."""
    from ui.common.digits import shown
    from ui.schools.schools_page import LATEST_SHORT

    workspace = memory_workspace
    workspace.schools.mark_demo_database()  # plays the office
    school = workspace.schools.add(code="6301000002", name="โรงเรียนบ้านส่งกลับ", district="เมืองตาก",
                                   province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    passed = workspace.schools.add(code="6301000003", name="โรงเรียนบ้านผ่าน", district="เมืองตาก",
                                   province="ตาก", area_office="สพป.ตาก เขต 1", level="primary")
    returned = workspace.assessments.start(school.id, 2569, round=1, assessed_on=date(2026, 3, 3))
    accepted = workspace.assessments.start(passed.id, 2569, round=1, assessed_on=date(2026, 3, 3))
    for each in (returned, accepted):
        answer_all(workspace, each.id, 4)
        workspace.assessments.submit(each.id)
    workspace.reviews.decide(returned.id, "returned", COMMENT)
    workspace.reviews.decide(accepted.id, "accepted")
    workspace.assessments.start(school.id, 2569, round=2, assessed_on=date(2026, 8, 3))  # newer, a draft

    def opened(assessment_id: str) -> AssessmentView:
        view = AssessmentView(workspace, assessment_id)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        qtbot.waitExposed(view)
        return view

    def tags() -> dict[str, Any]:
        model = SchoolsModel()
        model.set_rows(load_rows(workspace))
        return {row.school.code: model.index(n, COL_LATEST).data(TAG_ROLE) for n, row in enumerate(model.rows)}

    for assessment_id, chip, bar in ((accepted.id, "ผ่านการตรวจ", "ผ่าน:"), (returned.id, STATUS_RETURNED, "ส่งกลับแก้ไข:")):
        view = opened(assessment_id)
        assert view._status_chip.accessibleName() == chip
        assert view._review.message.text().startswith(bar) and not view._submitted_notice.isVisible()
    view.grab().save("/tmp/b13-office-returned.png")
    asked: list[bool] = []  # "ผ่าน" asks first (RETEST13 N5); "ยกเลิก" records nothing

    def cancelled() -> bool:
        asked.append(True)
        return False

    view._review.confirm_accept = cancelled
    qtbot.mouseClick(view._review.accept_button, Qt.MouseButton.LeftButton)
    assert asked and [d.decision for d in workspace.reviews.history(returned.id)] == ["returned"]
    older = LATEST_SHORT.format(year=shown(2569), round=shown(1))
    assert tags() == {"6301000002": (f"{STATUS_RETURNED} · {older}", "#b71c1c", "#ffebee"), "6301000003": None}

    with workspace.db.write():  # from here on the school's own laptop, where the decision arrived by file
        workspace.db.execute("DELETE FROM installation WHERE key = 'demo'")
    workspace.assessments.reopen(returned.id)
    view = opened(returned.id)
    assert view._status_chip.accessibleName() == "กำลังแก้ไขตามที่ส่งกลับ"
    assert view._review.isVisible() and "กำลังแก้ไขตามที่สำนักงานส่งกลับ" in view._review.message.text()
    assert COMMENT in view._review.message.text() and not view._submitted_notice.isVisible()
    view.grab().save("/tmp/b13-school-correcting.png")
    assert tags()["6301000002"][0] == f"กำลังแก้ไขตามที่ส่งกลับ · {older}"
