"""Issue 13: the office returns a submitted self-assessment with a comment in the window, the
school sees the comment after the next exchange file and reopens the round from the bar."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPushButton

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.review import offices
from ui.assessment.view import AssessmentView
from ui.common import digits

from ..laptops import CODE_A, Laptop, laptops, start_school  # noqa: F401 (laptops: a fixture)

Laptops = Callable[[str], Laptop]
COMMENT = "องค์ประกอบที่ ๑ ยังไม่มีหลักฐาน โปรดแนบภาพถ่ายอาคารเรียน"


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def make_view(qtbot, workspace, assessment_id: str) -> AssessmentView:  # type: ignore[no-untyped-def]
    view = AssessmentView(workspace, assessment_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def button(view: AssessmentView, name: str) -> QPushButton:
    found = view.findChild(QPushButton, name)
    assert found is not None
    return found


def test_the_office_returns_and_the_school_reopens_from_the_window(qtbot, laptops: Laptops,  # type: ignore[no-untyped-def]
                                                                  thai_digits_after: None) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.schools.update(ids["school"], area_office="สพป.ตาก เขต ๒")
        offices.bind(workspace, district.fingerprint, "สพป.ตาก เขต ๒")  # the school's office, bound once
        workspace.assessments.submit(ids["assessment"])
        view = make_view(qtbot, workspace, ids["assessment"])
        # The school's own laptop never offers to review its own round.
        assert not button(view, "reviewAcceptButton").isVisible()
        assert not button(view, "reviewReturnButton").isVisible()
        view.close()
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))

    with district.open() as workspace:
        view = make_view(qtbot, workspace, ids["assessment"])
        assert "รอตรวจ" in view.findChild(QLabel, "reviewMessage").text()
        assert button(view, "reviewAcceptButton").isVisible() and button(view, "reviewReturnButton").isVisible()
        # Reopening is the school's step: the office is not offered "เปิดแก้ไขอีกครั้ง" (tester finding 12).
        assert not button(view, "reopenButton").isVisible() and not button(view, "reviewReopenButton").isVisible()
        view.findChild(type(view._review), "reviewBar").ask_comment = lambda: COMMENT
        qtbot.mouseClick(button(view, "reviewReturnButton"), Qt.MouseButton.LeftButton)
        assert [(d.decision, d.comment) for d in workspace.reviews.history(ids["assessment"])] == [("returned", COMMENT)]
        assert COMMENT in view.findChild(QLabel, "reviewMessage").text()
        # The office's comment is shown as typed under either digit style, as it prints (TEST26a F8).
        digits.set_style("arabic")
        view._review.refresh(workspace, workspace.assessments.get(ids["assessment"]))
        assert COMMENT in view.findChild(QLabel, "reviewMessage").text()
        assert view._review.history_lines()[-1].endswith(COMMENT)
        digits.set_style("thai")
        qtbot.wait(100)
        view.grab().save("/tmp/review-office.png")
        view.close()
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))

    with school.open() as workspace:
        view = make_view(qtbot, workspace, ids["assessment"])
        message = view.findChild(QLabel, "reviewMessage")
        assert "ส่งกลับแก้ไข" in message.text() and COMMENT in message.text()
        assert button(view, "reviewReopenButton").isVisible()
        qtbot.wait(100)
        view.grab().save("/tmp/review-school.png")
        qtbot.mouseClick(button(view, "reviewReopenButton"), Qt.MouseButton.LeftButton)
        assert workspace.assessments.get(ids["assessment"]).is_draft
        assert COMMENT in message.text()  # the comment stays in sight while the school fixes the round
        assert not button(view, "reviewReopenButton").isVisible()
        lines = view._review.history_lines()
        assert [line.split("  ", 1)[1] for line in lines] == [
            "โรงเรียนส่งแบบประเมิน", f"สำนักงานส่งกลับแก้ไข: {COMMENT}", "โรงเรียนเปิดแก้ไข"]
        assert button(view, "reviewHistoryButton").isVisible()
        # Sent again: the office's last comment and the history stay in reach (TEST26a F4).
        workspace.assessments.submit(ids["assessment"])
        view._review.refresh(workspace, workspace.assessments.get(ids["assessment"]))
        assert "รอตรวจ" in message.text() and COMMENT in message.text()
        assert button(view, "reviewHistoryButton").isVisible() and not button(view, "reviewReopenButton").isVisible()
        assert len(view._review.history_lines()) == 4
        qtbot.wait(100)
        view.grab().save("/tmp/review-school-resent.png")
        view.close()
