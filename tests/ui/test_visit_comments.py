"""Issue 10 in the visit window: the visit shows the comments on its follow-ups, and the school,
which reads the supervisor's visit but may not change it, answers a follow-up there ("ตอบกลับ")."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase

from qualityschool_desktop.paths import fonts_dir
from ui.visits.view import VisitView

from ..laptops import CODE_A, Laptop, laptops, start_school, start_visit  # noqa: F401 (laptops: a fixture)
from .keyboard import show_active, type_text

Laptops = Callable[[str], Laptop]
ANSWER = "โรงเรียนจัดทำแผนนิเทศภายในแล้ว เสร็จเมื่อ ๑๕ ธ.ค."
MADE_ELSEWHERE = "เป็นของเครื่องที่บันทึก"


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def visit_view(qtbot, workspace, visit_id: str) -> VisitView:  # type: ignore[no-untyped-def]
    view = VisitView(workspace, visit_id)
    view.resize(1366, 768)
    show_active(qtbot, view)  # shortcuts act in the active window only
    view.go_to_section("follow_ups")
    return view


def test_the_school_answers_in_the_supervisors_visit_which_it_cannot_change(qtbot, laptops: Laptops) -> None:  # type: ignore[no-untyped-def]
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        ids["visit"] = start_visit(workspace, ids["school"])
        ids["follow_up"] = workspace.follow_ups.agreed_in(ids["visit"])[0].id
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))

    with school.open() as workspace:
        view = visit_view(qtbot, workspace, ids["visit"])
        # The record is the supervisor's: read-only here, and the notice says whose it is.
        assert view._final_notice.isVisible() and MADE_ELSEWHERE in view._final_notice.text()
        assert not view.reopen_button.isEnabled()
        assert not view.follow_ups.action_edit.isEnabled() and not view.follow_ups.add_button.isEnabled()
        panel = view.follow_up_comments
        assert view.follow_ups.selected_agreed_id() == ids["follow_up"]
        assert "จัดทำแผนนิเทศภายใน" in panel.title.text()  # which follow-up the comments are on
        assert panel.add_button.text() == "ตอบกลับ" and panel.add_button.isEnabled()
        panel.box.setFocus()
        type_text(panel.box, ANSWER)
        panel.name.setText("ผอ.สมชาย")
        panel.role.setText("ผู้อำนวยการโรงเรียน")
        qtbot.keyClick(panel.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: the answer
        assert "บันทึกความคิดเห็นแล้ว" in panel.save_line.text()
        assert [c.body for c in workspace.comments.for_follow_up(ids["follow_up"])] == [ANSWER]
        assert len(workspace.follow_ups.agreed_in(ids["visit"])) == 1  # Ctrl+Enter added no follow-up
        assert any(ANSWER in line and "ผอ.สมชาย (ผู้อำนวยการโรงเรียน)" in line for line in panel.lines())
        view.grab().save("/tmp/visit-comments-school.png")
        view.close()

    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        view = visit_view(qtbot, workspace, ids["visit"])
        # The supervisor's own visit: her notice is the usual final one, and she reads the answer.
        assert MADE_ELSEWHERE not in view._final_notice.text() and view.reopen_button.isEnabled()
        panel = view.follow_up_comments
        assert panel.title.text().endswith("(๑)")
        assert any(ANSWER in line and "ผอ.สมชาย" in line for line in panel.lines())
        assert panel.add_button.text() == "เพิ่มความคิดเห็น"
        view.grab().save("/tmp/visit-comments-district.png")
        view.close()


def test_a_follow_up_carried_from_an_earlier_visit_shows_its_answers(qtbot, laptops: Laptops) -> None:  # type: ignore[no-untyped-def]
    district = laptops("district")
    with district.open() as workspace:
        ids = start_school(workspace)
        first = start_visit(workspace, ids["school"])
        follow_up = workspace.follow_ups.agreed_in(first)[0].id
        workspace.comments.on_follow_up(follow_up, ANSWER, author_name="ผอ.สมชาย")
        second = workspace.visits.start(ids["school"], visited_on=workspace.visits.get(first).visited_date.replace(
            day=20), purpose="ติดตามครั้งที่ ๒")
        view = visit_view(qtbot, workspace, second.id)
        assert view.follow_ups.carried.rowCount() == 1
        view.follow_ups.carried.selectRow(0)
        lines = view.follow_up_comments.lines()
        assert len(lines) == 1 and ANSWER in lines[0]
        view.close()
