"""The follow-up list across schools, on follow-ups agreed through the core with due dates placed
around a fixed "today", so every bucket and count on the page is known in advance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.follow_ups.page import FollowUpsPage

from .keyboard import show_active

TODAY = date(2026, 3, 13)


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


@pytest.fixture
def agreed(memory_workspace: Workspace, school):  # type: ignore[no-untyped-def]
    """Two schools, two supervisors, follow-ups in every bucket; one already done."""
    ws = memory_workspace
    other = ws.schools.add(code="6301000002", name="โรงเรียนบ้านห้วยไม้", district="แม่สอด", province="ตาก")
    first = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(first.id, "visitor", "นายวิชัย ใจดี", "ศึกษานิเทศก์")
    second = ws.visits.start(other.id, visited_on=date(2026, 2, 20))
    ws.visits.add_person(second.id, "visitor", "นางสาวพร ศรีสุข", "ศึกษานิเทศก์")
    add = ws.follow_ups.add
    ids = {
        "late_plan": add(first.id, "จัดทำแผนพัฒนาการอ่าน", owner="ครูวิชาการ", due_on=TODAY - timedelta(days=12),
                         scope_code="5").id,
        "late_fence": add(second.id, "ซ่อมรั้วโรงเรียน", owner="ภารโรง", due_on=TODAY - timedelta(days=1)).id,
        "soon_library": add(first.id, "ปรับปรุงห้องสมุด", owner="ผู้อำนวยการ", due_on=TODAY + timedelta(days=4),
                            scope_code="1").id,
        "later_plc": add(second.id, "จัดประชุม PLC ทุกสัปดาห์", due_on=TODAY + timedelta(days=30)).id,
        "undated": add(second.id, "ประชุมผู้ปกครอง").id,
        "closed": add(first.id, "ติดตั้งอินเทอร์เน็ต", due_on=TODAY - timedelta(days=38)).id,  # not before its visit (C13)
    }
    ws.follow_ups.set_status(ids["closed"], "done", on=date(2026, 2, 1))
    return {"school": school, "other": other, "first": first, "second": second, "ids": ids}


def show(qtbot, workspace: Workspace) -> FollowUpsPage:  # type: ignore[no-untyped-def]
    page = FollowUpsPage(workspace, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def actions(page: FollowUpsPage) -> list[str]:
    return [row["สิ่งที่ต้องทำ"] for row in page.visible_rows()]


def test_buckets_counts_and_what_each_row_says(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)

    assert page.bucket_counts() == {"overdue": 2, "this_week": 1, "later": 1, "no_date": 1}
    assert page.chips["overdue"].text() == "เลยกำหนด  ๒"
    assert actions(page) == [
        "จัดทำแผนพัฒนาการอ่าน", "ซ่อมรั้วโรงเรียน", "ปรับปรุงห้องสมุด", "จัดประชุม PLC ทุกสัปดาห์", "ประชุมผู้ปกครอง",
    ]
    first = page.visible_rows()[0]
    assert first["กลุ่ม"] == "เลยกำหนด"
    assert first["กำหนดเสร็จ"] == "๑ มี.ค. ๒๕๖๙ · เลยมา ๑๒ วัน"
    assert first["ผู้รับผิดชอบ"] == "ครูวิชาการ"
    assert first["โรงเรียน"] == "โรงเรียนทดสอบวิทยา"
    assert first["ผู้นิเทศ"] == "นายวิชัย ใจดี"
    assert first["วันที่นิเทศ"] == "๓ ก.พ. ๒๕๖๙"
    assert first["ด้าน/ประเด็น"] == "ด้านที่ ๕"  # the window's digits (Thai by default), as every label
    assert "สถานะ" not in first  # every row listed is open: the status column would say nothing
    assert page.visible_rows()[2]["กำหนดเสร็จ"] == "๑๗ มี.ค. ๒๕๖๙ · อีก ๔ วัน"
    assert page.visible_rows()[4]["กำหนดเสร็จ"] == "ไม่ได้กำหนดวัน"

    # The closed one appears, in its own group, only when asked for; so does the status column.
    page.show_closed.setChecked(True)
    assert page.visible_rows()[0]["สถานะ"] == "ยังไม่เสร็จ"
    assert page.bucket_counts()["closed"] == 1
    assert page.visible_rows()[-1]["สิ่งที่ต้องทำ"] == "ติดตั้งอินเทอร์เน็ต"
    assert page.visible_rows()[-1]["สถานะ"] == "ดำเนินการแล้ว ๑ ก.พ. ๒๕๖๙"


def test_filters_by_school_supervisor_and_bucket(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)

    page.school_filter.setCurrentIndex(page.school_filter.findText("โรงเรียนทดสอบวิทยา"))
    assert actions(page) == ["จัดทำแผนพัฒนาการอ่าน", "ปรับปรุงห้องสมุด"]
    assert page.bucket_counts() == {"overdue": 1, "this_week": 1, "later": 0, "no_date": 0}

    page.school_filter.setCurrentIndex(0)  # ทุกโรงเรียน
    page.supervisor_filter.setCurrentIndex(page.supervisor_filter.findText("นางสาวพร ศรีสุข"))
    assert actions(page) == ["ซ่อมรั้วโรงเรียน", "จัดประชุม PLC ทุกสัปดาห์", "ประชุมผู้ปกครอง"]

    # A chip shows only its bucket; clicking it again shows them all.
    qtbot.mouseClick(page.chips["overdue"], Qt.MouseButton.LeftButton)
    assert actions(page) == ["ซ่อมรั้วโรงเรียน"]
    qtbot.mouseClick(page.chips["overdue"], Qt.MouseButton.LeftButton)
    assert len(actions(page)) == 3

    # Nothing matches: say so rather than show an empty table.
    page.school_filter.setCurrentIndex(page.school_filter.findText("โรงเรียนทดสอบวิทยา"))
    assert actions(page) == []
    assert page.empty_label.isVisible() and "ไม่มีรายการ" in page.empty_label.text()


def test_mark_done_moves_it_to_closed_and_undo_restores_it(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    ids = agreed["ids"]
    page = show(qtbot, memory_workspace)
    page.show_closed.setChecked(True)
    assert page.select_follow_up(ids["late_plan"])

    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)

    saved = memory_workspace.follow_ups.get(ids["late_plan"])
    assert saved.status == "done" and saved.closed_on == TODAY.isoformat()
    assert page.bucket_counts()["overdue"] == 1 and page.bucket_counts()["closed"] == 2
    row = next(r for r in page.visible_rows() if r["สิ่งที่ต้องทำ"] == "จัดทำแผนพัฒนาการอ่าน")
    assert row["กลุ่ม"] == "ปิดแล้ว" and row["สถานะ"] == "ดำเนินการแล้ว ๑๓ มี.ค. ๒๕๖๙"
    assert page.undo_button.isVisible()

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)

    restored = memory_workspace.follow_ups.get(ids["late_plan"])
    assert restored.status == "open" and restored.closed_on == ""
    assert page.bucket_counts()["overdue"] == 2
    assert page.selected_follow_up_id() == ids["late_plan"]


def test_reopening_a_closed_one_and_undo_keeps_its_closing_date(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    ids = agreed["ids"]
    page = show(qtbot, memory_workspace)
    page.show_closed.setChecked(True)
    page.select_follow_up(ids["closed"])
    assert not page.done_button.isEnabled() and page.reopen_button.isEnabled()

    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    assert memory_workspace.follow_ups.get(ids["closed"]).status == "open"
    assert page.bucket_counts()["overdue"] == 3

    page.undo()
    back = memory_workspace.follow_ups.get(ids["closed"])
    assert (back.status, back.closed_on) == ("done", "2026-02-01")


def test_closing_from_the_keyboard_moves_on_to_the_next_row(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    ids = agreed["ids"]
    page = FollowUpsPage(memory_workspace, today=TODAY)
    page.resize(1366, 768)
    show_active(qtbot, page)  # shortcuts act in the active window only
    page.refresh()
    page.select_follow_up(ids["late_plan"])
    page.tree.setFocus()

    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    assert memory_workspace.follow_ups.get(ids["late_plan"]).status == "done"
    assert "จัดทำแผนพัฒนาการอ่าน" not in actions(page)  # closed ones are hidden by default
    assert page.selected_follow_up_id() == ids["late_fence"]

    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert memory_workspace.follow_ups.get(ids["late_plan"]).status == "open"
    assert page.selected_follow_up_id() == ids["late_plan"]


def test_enter_and_the_button_open_the_visit(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)
    page.select_follow_up(agreed["ids"]["late_fence"])
    page.tree.setFocus()

    with qtbot.waitSignal(page.open_visit, timeout=1000) as opened:
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert opened.args == [agreed["second"].id]

    page.select_follow_up(agreed["ids"]["soon_library"])
    with qtbot.waitSignal(page.open_visit, timeout=1000) as opened:
        qtbot.mouseClick(page.open_visit_button, Qt.MouseButton.LeftButton)
    assert opened.args == [agreed["first"].id]

    with qtbot.waitSignal(page.open_school, timeout=1000) as school:
        qtbot.mouseClick(page.open_school_button, Qt.MouseButton.LeftButton)
    assert school.args == [agreed["school"].id]


def test_no_follow_ups_yet(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)
    assert page.visible_rows() == []
    assert page.empty_label.isVisible() and page.empty_label.text().startswith("ยังไม่มีข้อตกลง")
    assert not page.done_button.isEnabled() and not page.open_visit_button.isEnabled()


def test_a_row_clicked_with_the_mouse_is_the_chosen_row(qtbot, memory_workspace, agreed) -> None:  # type: ignore[no-untyped-def]
    """TEST34C C1: a mouse press made the row current before it was selected, and the buttons and
    the comments followed only the current row: a clicked row left every action greyed."""
    page = show(qtbot, memory_workspace)
    rows = [item for item in page._rows() if item.parent() is not None]
    target = rows[1]
    page.tree.scrollToItem(target)
    rect = page.tree.visualItemRect(target)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_follow_up_id() is not None
    assert page.done_button.isEnabled() and page.open_visit_button.isEnabled()
    assert page.open_school_button.isEnabled()
