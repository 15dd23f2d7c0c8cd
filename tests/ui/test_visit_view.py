"""Recording a supervision visit in the window: people, findings, follow-ups; the comparison with
the school's own assessment; finalising and reopening; follow-ups carried from the last visit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active, type_text
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.visits.view import VisitView

SCHOOL = "โรงเรียนบ้านแม่สอด"


pytestmark = pytest.mark.usefixtures("styled_app")


def assessed_school(ws: Workspace, levels: dict[str, int]) -> tuple[str, str]:
    """A school whose round 1 of 2569 has every item of component n at ``levels[n]``."""
    school = ws.schools.add(code="6302000001", name=SCHOOL, district="แม่สอด", province="ตาก")
    assessment = ws.assessments.start(school.id, 2569, assessed_on=date(2026, 1, 10))
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, levels[item.component_code])
    return school.id, assessment.id


def test_a_visit_recorded_through_the_widgets_is_all_there_after_reopening(qtbot, db_path: Path) -> None:
    ws = Workspace.open(db_path, create=True)
    school_id, assessment_id = assessed_school(ws, {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3})
    window = MainWindow(ws)
    show_active(qtbot, window)
    window.navigate(Location("school", school_id))
    page = window.page("school")
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.tab("visits").new_button, Qt.MouseButton.LeftButton)
    view = window.view
    assert isinstance(view, VisitView)
    assert view.visit.assessment_id == assessment_id  # the latest round is reviewed by default
    assert view.details.round_combo.currentText() == "ปีงบประมาณ ๒๕๖๙ รอบที่ ๑"
    assert window.breadcrumb_text().startswith(f"โรงเรียน  ›  {SCHOOL}  ›  การนิเทศ ")

    view.go_to_section("general")
    type_text(view.general.purpose_edit, "ติดตามการจัดการเรียนรู้")
    type_text(view.details.start_edit.line_edit, "9.30")
    qtbot.keyClick(view.details.start_edit.line_edit, Qt.Key.Key_Return)
    assert view.details.start_edit.text() == "๐๙:๓๐"  # taken, in the window's digits (Thai by default)

    view.go_to_section("people")
    qtbot.mouseClick(view.visitors.add_button, Qt.MouseButton.LeftButton)
    type_text(QApplication.focusWidget(), "นายวิชัย ใจดี")  # the new row's name cell is open for typing
    qtbot.mouseClick(view.school_people.add_button, Qt.MouseButton.LeftButton)
    type_text(QApplication.focusWidget(), "นายสมชาย มั่นคง")
    assert "บันทึกแล้ว ✓" in view.save_state()

    view.go_to_section("c2")
    view._section_list.setFocus()
    qtbot.keyClick(view._section_list, Qt.Key.Key_4)  # a level key outside a text box picks the level
    panel = view.finding_panels["2"]
    assert panel.picker.radios[4].isChecked()
    type_text(panel.texts["observed"], "ครูใช้สื่อดิจิทัลในห้องเรียน")
    type_text(panel.texts["recommendations"], "ขยายผลสู่ทุกชั้น")

    view.go_to_section("follow_ups")
    view.follow_ups.agreed.setFocus()
    qtbot.keyClick(view.follow_ups.agreed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    type_text(view.follow_ups.action_edit, "จัดกิจกรรมเปิดชั้นเรียน")
    type_text(view.follow_ups.owner_edit, "ผู้อำนวยการ")
    qtbot.mouseClick(view.follow_ups.due_check, Qt.MouseButton.LeftButton)
    assert view.follow_ups.agreed.item(0, 0).text() == "จัดกิจกรรมเปิดชั้นเรียน"
    visit_id = view.visit_id

    window.go_back()  # the school's visit list shows the visit and its open follow-up
    table = page.tab("visits").table
    assert page.tabs.currentIndex() == 1 and page.tab("visits").selected_id() == visit_id
    assert table.item(0, 2).text() == "นายวิชัย ใจดี" and table.item(0, 4).text() == "๑ เรื่อง"
    window.close()

    again = Workspace.open(db_path)
    try:
        reopened = VisitView(again, visit_id)
        qtbot.addWidget(reopened)
        assert reopened.general.purpose_edit.toPlainText() == "ติดตามการจัดการเรียนรู้"
        assert reopened.details.start_edit.text() == "๐๙:๓๐"
        assert reopened.visitors.names() == [("นายวิชัย ใจดี", "ศึกษานิเทศก์")]
        assert reopened.school_people.names() == [("นายสมชาย มั่นคง", "ผู้อำนวยการโรงเรียน")]
        panel = reopened.finding_panels["2"]
        assert panel.picker.level() == 4
        assert panel.texts["observed"].toPlainText() == "ครูใช้สื่อดิจิทัลในห้องเรียน"
        assert panel.texts["recommendations"].toPlainText() == "ขยายผลสู่ทุกชั้น"
        [agreed] = again.follow_ups.agreed_in(visit_id)
        assert (agreed.action, agreed.owner, agreed.status) == ("จัดกิจกรรมเปิดชั้นเรียน", "ผู้อำนวยการ", "open")
        assert agreed.due_date is not None
        assert reopened.comparison.row_texts("2")[1:4] == ["๓.๐๐", "๔.๐๐", "+๑.๐๐"]
    finally:
        again.close()


def test_the_comparison_shows_the_gaps_between_school_and_supervisor(qtbot, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school_id, _ = assessed_school(ws, {"1": 2, "2": 3, "3": 4, "4": 5, "5": 5})
    visit = ws.visits.start(school_id, visited_on=date(2026, 2, 3))
    ws.visits.set_level(visit.id, "1", 2)  # agrees
    ws.visits.set_level(visit.id, "3", 5)  # higher
    ws.visits.set_level(visit.id, "4.1.1", 3)  # two lower
    ws.visits.set_level(visit.id, "4.1.2", 4)  # one lower
    ws.visits.set_level(visit.id, "5.1.1", 5)  # agrees
    view = VisitView(ws, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    view.go_to_section("comparison")
    rows = view.comparison
    assert rows.row_texts("1")[1:] == ["๒.๐๐", "๒.๐๐", "๐.๐๐", "= ใกล้เคียงกัน"]
    assert rows.row_texts("3")[1:] == ["๔.๐๐", "๕.๐๐", "+๑.๐๐", "▲ ศึกษานิเทศก์ให้สูงกว่า"]
    assert rows.row_texts("4.1.1")[1:] == ["๕", "๓", "−๒", "▼ ศึกษานิเทศก์ให้ต่ำกว่า"]
    assert rows.row_texts("5.1.1")[4] == "= ตรงกัน"  # an item agrees on the same level (TEST34C C9)
    assert rows.row_texts("4")[1:4] == ["๕.๐๐", "๓.๕๐", "−๑.๕๐"]  # the mean of the two items rated
    assert rows.row_texts("2")[2:] == ["–", "–", "ยังเทียบไม่ได้"]
    summary = rows.summary.text()
    assert "ศึกษานิเทศก์ให้ต่ำกว่า ๒ ประเด็น, สูงกว่า ๐, ตรงกัน ๑" in summary
    assert "รายองค์ประกอบ: ต่ำกว่า ๑, สูงกว่า ๑, ใกล้เคียงกัน ๒" in summary  # the table's word, the PDF's
    assert "ต่างกันมากที่สุด: ประเด็น ๔.๑.๑ (−๒)" in summary

    # A level clicked in the view updates the comparison at once.
    view.go_to_section("c2")
    qtbot.mouseClick(view.finding_panels["2"].picker.radios[1], Qt.MouseButton.LeftButton)
    assert rows.row_texts("2")[1:] == ["๓.๐๐", "๑.๐๐", "−๒.๐๐", "▼ ศึกษานิเทศก์ให้ต่ำกว่า"]


def test_a_final_visit_refuses_edits_until_reopened_with_a_reason(qtbot, memory_workspace: Workspace,
                                                                   monkeypatch) -> None:
    ws = memory_workspace
    school_id, _ = assessed_school(ws, {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3})
    visit = ws.visits.start(school_id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(visit.id, "visitor", "นายวิชัย ใจดี", "ศึกษานิเทศก์")
    view = VisitView(ws, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    view.go_to_section("c1")
    monkeypatch.setattr(view, "_confirm_finalise", lambda: True)
    qtbot.mouseClick(view.finalise_button, Qt.MouseButton.LeftButton)
    assert ws.visits.get(visit.id).is_final
    panel = view.finding_panels["1"]
    assert not panel.picker.radios[3].isEnabled() and panel.texts["observed"].isReadOnly()
    assert view.general.purpose_edit.isReadOnly() and not view.details.date_edit.isEnabled()
    assert not view.visitors.add_button.isEnabled() and not view.follow_ups.add_button.isEnabled()
    assert view.reopen_button.isVisibleTo(view) and not view.finalise_button.isVisibleTo(view)

    view.general.purpose_edit.setReadOnly(False)  # forced past the screen: the core still refuses
    type_text(view.general.purpose_edit, "ก")
    assert view.save_state().startswith("ยังไม่ได้บันทึก: บันทึกการนิเทศนี้ยืนยันแล้ว แก้ไขไม่ได้")
    assert ws.visits.get(visit.id).purpose == ""

    monkeypatch.setattr("ui.visits.reopen_dialog.ask_reopen", lambda _view, _team: ("  ", ""))
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert "กรุณาระบุเหตุผล" in view.save_state() and ws.visits.get(visit.id).is_final

    monkeypatch.setattr("ui.visits.reopen_dialog.ask_reopen", lambda _view, _team: ("แก้ชื่อผู้ให้ข้อมูล", ""))
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert not ws.visits.get(visit.id).is_final
    assert panel.picker.radios[3].isEnabled() and not panel.texts["observed"].isReadOnly()
    qtbot.mouseClick(panel.picker.radios[3], Qt.MouseButton.LeftButton)
    assert ws.visits.findings(visit.id)["1"].level == 3
    view.go_to_section("sign")
    events = view.sign.events.text()
    assert "ยืนยันบันทึก" in events and "เปิดแก้ไขอีกครั้ง" in events and "แก้ชื่อผู้ให้ข้อมูล" in events
    assert "(นายวิชัย ใจดี)" in view.sign.visitors.text()


def test_follow_ups_carried_from_the_last_visit_can_be_marked_done(qtbot, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school_id, _ = assessed_school(ws, {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3})
    first = ws.visits.start(school_id, visited_on=date(2025, 11, 20))
    reading = ws.follow_ups.add(first.id, "จัดทำแผนพัฒนาการอ่าน", owner="หัวหน้าวิชาการ", due_on=date(2026, 1, 15))
    library = ws.follow_ups.add(first.id, "ปรับปรุงห้องสมุด", due_on=date(2026, 3, 15))
    ws.visits.add_person(first.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
    ws.visits.finalise(first.id)
    second = ws.visits.start(school_id, visited_on=date(2026, 2, 3))

    view = VisitView(ws, second.id)
    qtbot.addWidget(view)
    # A new visit opens on its first section (วัตถุประสงค์), also with follow-ups still open (TEST32b B4:
    # it opened on ข้อตกลงและการติดตาม); the carried ones are listed there.
    assert view.section_key() == "general"
    carried = view.follow_ups.carried
    assert [carried.item(row, 0).text() for row in range(carried.rowCount())] == [
        "จัดทำแผนพัฒนาการอ่าน", "ปรับปรุงห้องสมุด"
    ]
    assert carried.item(0, 2).text().endswith("(เลยกำหนด)")  # due before this visit's date
    carried.selectRow(0)
    qtbot.mouseClick(view.follow_ups.done_button, Qt.MouseButton.LeftButton)
    done = ws.follow_ups.get(reading.id)
    assert (done.status, done.closed_in_visit_id, done.closed_on) == ("done", second.id, "2026-02-03")
    assert carried.item(0, 4).text() == "ดำเนินการแล้ว"  # still listed in this visit, now closed
    assert ws.follow_ups.get(library.id).status == "open"


def test_printing_a_visit_saves_the_record_and_opens_it(qtbot, db_path: Path, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    ws = Workspace.open(db_path, create=True)
    school_id, _ = assessed_school(ws, {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3})
    visit = ws.visits.start(school_id, visited_on=date(2026, 2, 3))
    ws.visits.add_person(visit.id, "visitor", "นายวิชัย ใจดี", "ศึกษานิเทศก์")
    target = tmp_path / "บันทึก.pdf"
    offered: list[str] = []

    def save_dialog(_parent, title, start, _filters, selected="", *_args):  # type: ignore[no-untyped-def]
        offered.append(title)
        return str(target), selected

    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.navigate(Location("visit", visit.id))
    window.print_action.trigger()  # the feature's own printer (its settings in the test's data folder)
    assert offered == ["บันทึกการนิเทศ ติดตาม (PDF หรือ Word)"]
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert [Path(name) for name in opened] == [target]  # QUrl gives C:/… on Windows
    assert target.read_bytes().startswith(b"%PDF")
    # The window says where the record went, with the ways to it.
    assert not window.notices.isHidden() and str(target) in window.notices.text()
    assert not window.notices.open_file_button.isHidden() and not window.notices.open_folder_button.isHidden()
    window.close()


def test_file_buttons_act_only_on_a_chosen_file(qtbot) -> None:
    from qualityschool_desktop.visit_records import VisitAttachment
    from ui.visits.panels import AttachmentBox

    box = AttachmentBox("check")
    qtbot.addWidget(box)
    box.fill([])
    assert not box.open_button.isEnabled() and not box.remove_button.isEnabled()
    photo = VisitAttachment("a" * 36, "v" * 36, "1", "0" * 64, "ห้องสมุด.jpg", 1234, "image/jpeg")
    box.fill([photo])
    assert box.selected_id() == photo.id
    assert box.open_button.isEnabled() and box.remove_button.isEnabled()
    box.set_editable(False)  # a final visit: the file can still be opened, not removed
    assert box.open_button.isEnabled() and not box.remove_button.isEnabled()


def test_after_typing_a_finding_the_next_component_takes_the_level_keys(qtbot, memory_workspace) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: as in the assessment view, moving on (Ctrl+PgDown, the button) after typing
    puts the keys 1–5 on the next component's levels, never into its text boxes."""
    school_id, _assessment_id = assessed_school(memory_workspace, {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3})
    visit = memory_workspace.visits.start(school_id, visited_on=date(2026, 2, 3))
    view = VisitView(memory_workspace, visit.id)
    show_active(qtbot, view)
    view.resize(1366, 768)
    view.go_to_section("c1")
    box = view.finding_panels["1"].texts["observed"]
    box.setFocus()
    type_text(box, "อาคารเรียนสะอาด")
    qtbot.keyClick(box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.section_key() == "c2"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)
    panel = view.finding_panels["2"]
    assert panel.picker.radios[4].isChecked()
    assert memory_workspace.visits.findings(visit.id)["2"].level == 4
    assert all(not edit.toPlainText() for edit in panel.texts.values())


def test_a_visit_dated_back_carries_only_what_was_agreed_before_that_day(qtbot, memory_workspace: Workspace,
                                                                        tmp_path: Path) -> None:
    """Issue 11: a new visit re-dated to 29/02/2567 kept listing follow-ups agreed in 2569 (after it),
    while its PDF said it was the school's first visit. The screen and the print agree."""
    from qualityschool_desktop.reports.visit.data import gather
    from tests.ui.test_date_fields import type_into

    ws = memory_workspace
    school_id, _ = assessed_school(ws, {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3})
    first = ws.visits.start(school_id, visited_on=date(2026, 11, 20))
    ws.follow_ups.add(first.id, "จัดกิจกรรมเขียนสื่อความ", due_on=date(2026, 12, 20))
    ws.visits.add_person(first.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
    ws.visits.finalise(first.id)
    new = ws.visits.start(school_id, visited_on=date(2026, 11, 30))
    view = show_active(qtbot, VisitView(ws, new.id))
    assert view.follow_ups.carried.rowCount() == 1

    type_into(qtbot, view.details.date_edit, "29/02/2567")
    assert ws.visits.get(new.id).visited_on == "2024-02-29"
    assert view.follow_ups.carried.rowCount() == 0  # nothing was agreed before 29 Feb 2024
    data = gather(ws, new.id)
    assert (data.carried, data.previous_visits) == ((), 0)

    type_into(qtbot, view.details.date_edit, "1/12/2569")  # dated after the first visit again
    assert view.follow_ups.carried.rowCount() == 1
    assert len(gather(ws, new.id).carried) == 1


def test_a_file_the_system_cannot_open_is_told_in_the_notice_bar_with_its_folder(
        qtbot, db_path: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 #5: "เปิด" on a file no program opens showed a red cut-off line with no reason and
    no next step."""
    from PySide6.QtGui import QDesktopServices

    ws = Workspace.open(db_path, create=True)
    school_id, _ = assessed_school(ws, {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3})
    visit = ws.visits.start(school_id, visited_on=date(2026, 2, 3))
    source = tmp_path / "แผนผังอาคาร.xyz"
    source.write_bytes(b"no program opens this")
    ws.visits.add_attachment(visit.id, "", source)
    window = MainWindow(ws)
    show_active(qtbot, window)
    window.navigate(Location("visit", visit.id))
    view = window.stack.currentWidget()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or False)
    view.go_to_section("general")
    qtbot.mouseClick(view.general.files.open_button, Qt.MouseButton.LeftButton)
    notices = window.notices
    assert not notices.isHidden()
    assert "แผนผังอาคาร.xyz" in notices.text() and "ไม่มีโปรแกรม" in notices.text()  # the reason
    assert not notices.open_folder_button.isHidden()  # the next step: the folder of the copy
    opened.clear()
    notices.open_folder_button.click()
    assert opened and Path(opened[0]).is_dir()
    window.close()
