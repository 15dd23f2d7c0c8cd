"""Dates and times in the window (issue 11, "Dates"), typed into the fields a user types into:
Buddhist-Era years and Thai month names shown and understood, a day that does not exist refused
with a message and nothing saved, "0900" taken as 09:00, and file names offered with BE dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from qualityschool_desktop.workspace import Workspace
from ui.assessment.new_round_dialog import NewRoundDialog
from ui.assessment.view import AssessmentView
from ui.backup.actions import suggested_name
from ui.common.date_fields import ThaiDateEdit, ThaiTimeEdit
from ui.exchange.export_dialog import default_export_name
from ui.visits.printing import visit_namer
from ui.visits.view import VisitView

from .keyboard import show_active, type_text


pytestmark = pytest.mark.usefixtures("styled_app")


def shown(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    widget.resize(1366, 768)
    return show_active(qtbot, widget)


def type_into(qtbot, field: ThaiDateEdit | ThaiTimeEdit, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Select what the field holds, type over it and press Enter, as a user does."""
    field.line_edit.setFocus()
    field.line_edit.selectAll()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Delete)
    type_text(field.line_edit, typed)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)


# -- the field itself ---------------------------------------------------------------------------
def test_a_be_date_typed_is_taken_as_the_day_meant_and_shown_in_be(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = shown(qtbot, ThaiDateEdit())
    taken: list[object] = []
    field.committed.connect(taken.append)
    type_into(qtbot, field, "10/10/2561")
    assert taken == [date(2018, 10, 10)] and field.date() == date(2018, 10, 10)
    assert field.text() == "10 ต.ค. 2561" and field.error() == ""
    for typed in ("๑๐/๑๐/๒๕๖๑", "10 ตุลาคม 2561", "2018-10-10"):
        type_into(qtbot, field, typed)
        assert field.text() == "10 ต.ค. 2561"
    assert taken == [date(2018, 10, 10)]  # the same day again is no change


def test_a_day_that_does_not_exist_is_refused_in_red_and_esc_puts_the_value_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = shown(qtbot, ThaiDateEdit())
    field.set_date(date(2024, 2, 1))
    taken: list[object] = []
    field.committed.connect(taken.append)
    type_into(qtbot, field, "29/02/2566")
    assert "กุมภาพันธ์ พ.ศ. 2566 มี 28 วัน" in field.error() and field.message.isVisible()
    assert field.date() == date(2024, 2, 1) and taken == []
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Escape)
    assert field.text() == "1 ก.พ. 2567" and field.error() == "" and not field.message.isVisible()
    type_into(qtbot, field, "29/02/2567")  # 2024 is a leap year
    assert taken == [date(2024, 2, 29)] and field.text() == "29 ก.พ. 2567"


def test_a_field_that_allows_no_date_can_be_emptied_and_one_that_does_not_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    optional = shown(qtbot, ThaiDateEdit(allow_empty=True))
    optional.set_date(date(2026, 1, 5))
    taken: list[object] = []
    optional.committed.connect(taken.append)
    type_into(qtbot, optional, "")
    assert taken == [None] and optional.date() is None
    required = shown(qtbot, ThaiDateEdit())
    required.set_date(date(2026, 1, 5))
    type_into(qtbot, required, "")
    assert "ต้องระบุวันที่" in required.error() and required.date() == date(2026, 1, 5)


def test_the_calendar_shows_thai_months_and_be_years_and_picks_a_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = shown(qtbot, ThaiDateEdit())
    field.set_date(date(2018, 10, 10))
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.shown_page() == ("ตุลาคม", 2561)
    assert popup.year_spin.text() == "พ.ศ. 2561"
    qtbot.mouseClick(popup.next_button, Qt.MouseButton.LeftButton)
    assert popup.shown_page() == ("พฤศจิกายน", 2561)
    popup.year_spin.setValue(2567)  # the year typed in BE shows that year's month
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2024, 11)
    taken: list[object] = []
    field.committed.connect(taken.append)
    grid = popup.calendar.focusProxy() or popup.calendar
    popup.calendar.setSelectedDate(popup.calendar.selectedDate().addYears(6).addMonths(1))  # 10 พ.ย. 2567
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert taken == [date(2024, 11, 11)] and field.text() == "11 พ.ย. 2567"
    assert not popup.isVisible()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # from the keyboard too
    assert popup.isVisible() and popup.shown_page() == ("พฤศจิกายน", 2567)
    qtbot.keyClick(popup.calendar.focusProxy() or popup.calendar, Qt.Key.Key_Escape)  # Esc in the grid
    assert not popup.isVisible() and taken == [date(2024, 11, 11)]


def test_times_as_typed_are_taken_or_refused_visibly(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = shown(qtbot, ThaiTimeEdit())
    taken: list[object] = []
    field.committed.connect(taken.append)
    for typed in ("0900", "9.00", "9:00", "09.00 น.", "๙.๐๐"):
        type_into(qtbot, field, typed)
        assert field.text() == "09:00" and field.error() == ""
    assert taken == ["09:00"]
    for typed, why in (("2500", "ชั่วโมง"), ("9.75", "นาที")):
        type_into(qtbot, field, typed)
        assert why in field.error() and field.value() == "09:00"
    assert taken == ["09:00"]


def test_no_qt_date_edit_is_left_in_the_window() -> None:
    """Every date field of ui/ is the Thai one (QDateEdit shows CE years and cannot be empty)."""
    ui = Path(__file__).resolve().parents[2] / "ui"
    assert [p.name for p in ui.rglob("*.py") if "QDateEdit" in p.read_text(encoding="utf-8")] == []


def test_the_field_shows_its_value_in_the_digit_style_it_is_given(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = ThaiDateEdit(digit_style="thai")
    qtbot.addWidget(field)
    field.set_date(date(2018, 10, 10))
    assert field.text() == "๑๐ ต.ค. ๒๕๖๑"
    field.set_digit_style("arabic")
    assert field.text() == "10 ต.ค. 2561"
    field.line_edit.setText("๑๑/๑๐/๒๕๖")  # being typed (and incomplete): a switch leaves it alone
    field.set_digit_style("thai")
    assert field.text() == "๑๑/๑๐/๒๕๖"
    field.revert()
    assert field.text() == "๑๐ ต.ค. ๒๕๖๑"
    time = ThaiTimeEdit(digit_style="thai")
    qtbot.addWidget(time)
    time.line_edit.setText("9.30")
    assert time.commit() and time.value() == "09:30" and time.text() == "๐๙:๓๐"
    time.set_digit_style("arabic")
    assert time.text() == "09:30"


# -- where users type dates (the views show the window's digits: Thai unless switched) -------------
def test_a_new_round_dated_in_be_is_stored_as_that_day(qtbot, memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, NewRoundDialog(memory_workspace, school, today=date(2024, 1, 5)))
    assert dialog.assessed_on.text() == "๕ ม.ค. ๒๕๖๗"
    type_into(qtbot, dialog.assessed_on, "29/02/2567")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created is not None and dialog.created.assessed_on == "2024-02-29"


def test_a_new_round_with_a_day_that_does_not_exist_is_not_started(qtbot, memory_workspace: Workspace,  # type: ignore[no-untyped-def]
                                                                   school) -> None:
    dialog = shown(qtbot, NewRoundDialog(memory_workspace, school, today=date(2024, 1, 5)))
    dialog.assessed_on.line_edit.setFocus()
    dialog.assessed_on.line_edit.selectAll()
    type_text(dialog.assessed_on.line_edit, "31/04/2567")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # without Enter first
    assert dialog.isVisible() and dialog.created is None
    assert "เมษายน พ.ศ. ๒๕๖๗ มี ๓๐ วัน" in dialog.assessed_on.error()
    assert memory_workspace.assessments.for_school(school.id) == []


def test_esc_in_the_date_field_puts_the_date_back_and_only_then_closes_the_dialog(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    dialog = shown(qtbot, NewRoundDialog(memory_workspace, school, today=date(2024, 1, 5)))
    type_into(qtbot, dialog.assessed_on, "31/04/2567")
    assert dialog.assessed_on.error()
    qtbot.keyClick(dialog.assessed_on.line_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.assessed_on.text() == "๕ ม.ค. ๒๕๖๗" and not dialog.assessed_on.error()
    qtbot.keyClick(dialog.assessed_on.line_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_the_round_date_typed_in_be_is_saved_as_that_day(qtbot, memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    assessment = memory_workspace.assessments.start(school.id, 2562)
    view = shown(qtbot, AssessmentView(memory_workspace, assessment.id))
    qtbot.mouseClick(view.findChild(QPushButton, "detailsToggle"), Qt.MouseButton.LeftButton)
    field = view.findChild(ThaiDateEdit, "assessedOn")
    assert field.isVisible() and field.text() == ""
    type_into(qtbot, field, "10/10/2561")
    assert memory_workspace.assessments.get(assessment.id).assessed_on == "2018-10-10"
    assert field.text() == "๑๐ ต.ค. ๒๕๖๑" and "บันทึกแล้ว" in view.save_state()
    type_into(qtbot, field, "31/04/2567")
    assert "มี ๓๐ วัน" in field.error()
    assert memory_workspace.assessments.get(assessment.id).assessed_on == "2018-10-10"
    type_into(qtbot, field, "")  # a round's date may be left unset
    assert memory_workspace.assessments.get(assessment.id).assessed_on == ""


def test_a_visit_dated_and_timed_as_typed(qtbot, memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    view = shown(qtbot, VisitView(memory_workspace, visit.id))
    details = view.details
    assert details.date_edit.text() == "๓ ก.พ. ๒๕๖๙"
    type_into(qtbot, details.date_edit, "10/10/2561")
    assert memory_workspace.visits.get(visit.id).visited_on == "2018-10-10"
    type_into(qtbot, details.start_edit, "0900")
    assert memory_workspace.visits.get(visit.id).start_time == "09:00"
    assert details.start_edit.text() == "๐๙:๐๐"
    type_into(qtbot, details.end_edit, "2500")
    assert "ชั่วโมง" in details.end_edit.error() and details.end_edit.message.isVisible()
    type_into(qtbot, details.date_edit, "31/04/2567")
    assert "มี ๓๐ วัน" in details.date_edit.error()
    stored = memory_workspace.visits.get(visit.id)
    assert (stored.visited_on, stored.start_time, stored.end_time) == ("2018-10-10", "09:00", "")


def test_a_time_typed_and_left_by_a_shortcut_is_not_lost(qtbot, memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    view = shown(qtbot, VisitView(memory_workspace, visit.id))
    view.details.start_edit.line_edit.setFocus()
    type_text(view.details.start_edit.line_edit, "0930")
    assert view.confirm_leave()  # the shell asks this before the view goes (Alt+Left moves no focus)
    assert memory_workspace.visits.get(visit.id).start_time == "09:30"


def test_a_round_date_typed_and_left_by_a_shortcut_is_not_lost(qtbot, memory_workspace: Workspace,  # type: ignore[no-untyped-def]
                                                               school) -> None:
    assessment = memory_workspace.assessments.start(school.id, 2562)
    view = shown(qtbot, AssessmentView(memory_workspace, assessment.id))
    qtbot.mouseClick(view.findChild(QPushButton, "detailsToggle"), Qt.MouseButton.LeftButton)
    field = view.findChild(ThaiDateEdit, "assessedOn")
    field.line_edit.setFocus()
    type_text(field.line_edit, "๑ ต.ค. ๒๕๖๑")
    assert view.confirm_leave()
    assert memory_workspace.assessments.get(assessment.id).assessed_on == "2018-10-01"


def test_a_follow_up_due_date_typed_in_be(qtbot, memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    agreed = memory_workspace.follow_ups.add(visit.id, "จัดทำแผนพัฒนาการอ่าน")
    view = shown(qtbot, VisitView(memory_workspace, visit.id))
    view.go_to_section("follow_ups")
    panel = view.follow_ups
    panel.agreed.selectRow(0)
    qtbot.mouseClick(panel.due_check, Qt.MouseButton.LeftButton)
    assert memory_workspace.follow_ups.get(agreed.id).due_on == "2026-03-05"  # a month after the visit
    assert panel.due_edit.text() == "๕ มี.ค. ๒๕๖๙"
    type_into(qtbot, panel.due_edit, "๑/๕/๒๕๖๙")
    assert memory_workspace.follow_ups.get(agreed.id).due_on == "2026-05-01"
    type_into(qtbot, panel.due_edit, "31/04/2569")
    assert "มี ๓๐ วัน" in panel.due_edit.error()
    assert memory_workspace.follow_ups.get(agreed.id).due_on == "2026-05-01"


# -- file names the app offers --------------------------------------------------------------------
def test_file_names_offered_carry_the_be_date(memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 11, 30))
    assert visit_namer(school, visit).endswith("-2569-11-30.pdf")
    assert default_export_name("all", today=date(2026, 11, 30)) == "ข้อมูลทั้งหมด-2569-11-30.qsx"
    assert suggested_name(Path("qualityschool.sqlite3"), date(2026, 11, 30)) == "qualityschool-สำรอง-2569-11-30.sqlite3"



def test_the_calendar_stays_on_a_short_screen_and_off_its_field() -> None:
    """At 150 % scaling the screen has 485 logical pixels: the calendar fits neither under nor
    above a field in the middle, and it went to the top of the screen over the field; it goes
    beside the field instead, and always stays on the screen."""
    from PySide6.QtCore import QRect, QSize

    from ui.common.thai_calendar import popup_place

    screen = QRect(0, 0, 910, 485)
    size = QSize(352, 346)
    edit, field = QRect(60, 200, 150, 30), QRect(60, 200, 180, 30)
    under = popup_place(size, QRect(60, 60, 150, 30), screen, QRect(60, 60, 180, 30))
    assert (under.x(), under.y()) == (60, 90)
    above = popup_place(size, QRect(60, 420, 150, 30), screen)
    assert (above.x(), above.y()) == (60, 420 - 346)
    beside = popup_place(size, edit, screen, field)
    placed = QRect(beside, size)
    assert screen.contains(placed) and not placed.intersects(field), placed
    at_right = popup_place(size, QRect(700, 200, 150, 30), screen, QRect(700, 200, 180, 30))
    placed = QRect(at_right, size)
    assert screen.contains(placed) and not placed.intersects(QRect(700, 200, 180, 30)), placed


def test_a_visit_ending_before_it_starts_is_refused_visibly(qtbot, memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 (tester 11b, finding 5): the view shows the core's refusal as it shows other field errors."""
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3), start_time="13:00")
    view = shown(qtbot, VisitView(memory_workspace, visit.id))
    type_into(qtbot, view.details.end_edit, "0900")
    assert "ต้องไม่ก่อนเวลาเริ่ม" in view.details.end_edit.error() and view.details.end_edit.message.isVisible()
    assert memory_workspace.visits.get(visit.id).end_time == ""


def test_a_two_digit_year_is_read_as_be_25xx_and_the_field_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    """F11c: ``10/10/61`` was taken as 10 ต.ค. 2561 without a word; now the field says under it how
    the year was read (the command line says the same), and a four-digit year says nothing."""
    field = shown(qtbot, ThaiDateEdit())
    type_into(qtbot, field, "10/10/61")
    assert field.date() == date(2018, 10, 10) and field.text() == "10 ต.ค. 2561"
    assert field.note() == 'ปี "61" อ่านเป็น พ.ศ. 2561: 10 ต.ค. 2561'
    assert field.message.isVisible() and field.error() == ""
    field.commit()  # leaving the field again keeps the note
    assert field.note().startswith('ปี "61"')
    type_into(qtbot, field, "11/10/2561")
    assert field.note() == "" and not field.message.isVisible()


def test_a_visit_dated_with_a_two_digit_year_says_how_it_was_read(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    view = shown(qtbot, VisitView(memory_workspace, visit.id))
    type_into(qtbot, view.details.date_edit, "๕/๒/๖๙")
    assert memory_workspace.visits.get(visit.id).visited_on == "2026-02-05"
    assert view.details.date_edit.note() == 'ปี "๖๙" อ่านเป็น พ.ศ. ๒๕๖๙: ๕ ก.พ. ๒๕๖๙'
    assert view.details.date_edit.message.isVisible()


def test_leaving_a_visit_with_a_refused_time_asks_first(  # type: ignore[no-untyped-def]
    qtbot, memory_workspace: Workspace, school, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F11f.1: an end time refused by the core ("0800" before 09:00: red, not saved) was lost
    without a word when the user went to another page; now leaving asks, as for other changes."""
    from ui.common import save_state
    from ui.shell.api import Location
    from ui.shell.main_window import MainWindow

    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3), start_time="09:00")
    import shiboken6

    window = MainWindow(memory_workspace)  # not qtbot's: deleted here, before the database closes
    window.show()
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    view = window.view
    type_into(qtbot, view.details.end_edit, "0800")
    assert "ต้องไม่ก่อนเวลาเริ่ม" in view.details.end_edit.error()
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
    window.navigate(Location("school", school.id))
    assert asked and window.view is view and window.location.kind == "visit"
    assert "ต้องไม่ก่อนเวลาเริ่ม" in asked[0]
    assert view.details.end_edit.error() and view.details.end_edit.text()  # still in view, still red
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "discard")
    window.navigate(Location("school", school.id))
    left, end_time = window.location.kind, memory_workspace.visits.get(visit.id).end_time
    shiboken6.delete(window)  # it follows the digit style: gone before another test changes it
    assert left == "school" and len(asked) == 2 and end_time == ""


def test_the_new_round_dialog_gives_a_refused_date_its_whole_message(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    """F11f.3: at its own size (100 %) the dialog squeezed the two-line refusal, cut top and bottom."""
    dialog = show_active(qtbot, NewRoundDialog(memory_workspace, school, today=date(2024, 1, 5)))
    type_into(qtbot, dialog.assessed_on, "31/04/2567")
    qtbot.wait(50)
    message = dialog.assessed_on.message
    assert message.isVisible() and message.height() >= message.heightForWidth(message.width())
    assert message.mapTo(dialog, message.rect().bottomLeft()).y() < dialog.height()


def test_a_round_dated_outside_its_fiscal_year_gets_a_remark_not_a_refusal(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    """F11f.3: a date outside the chosen fiscal year is said beside it; the round still starts."""
    dialog = show_active(qtbot, NewRoundDialog(memory_workspace, school, today=date(2024, 1, 5)))
    assert dialog.year.value() == 2567 and not dialog.date_remark.isVisible()
    dialog.assessed_on.line_edit.setFocus()
    dialog.assessed_on.line_edit.selectAll()
    type_text(dialog.assessed_on.line_edit, "5/11/2567")  # fiscal year 2568
    qtbot.keyClick(dialog.assessed_on.line_edit, Qt.Key.Key_Tab)  # leaving the field takes it (Enter would start)
    assert dialog.isVisible() and dialog.assessed_on.date() == date(2024, 11, 5), dialog.assessed_on.text()
    assert dialog.date_remark.isVisible() and "๒๕๖๘" in dialog.date_remark.text()
    assert "๒๕๖๗" in dialog.date_remark.text() and not dialog.assessed_on.error()
    dialog.year.setValue(2568)
    assert not dialog.date_remark.isVisible()
    dialog.year.setValue(2567)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.created is not None and dialog.created.assessed_on == "2024-11-05"


def test_the_calendar_year_is_in_the_fields_digits(qtbot) -> None:  # type: ignore[no-untyped-def]
    """F11f.2: a field showing Thai digits dropped a calendar saying "พ.ศ. 2561"."""
    field = shown(qtbot, ThaiDateEdit(digit_style="thai"))
    field.set_date(date(2018, 10, 10))
    popup = field.open_calendar()
    assert popup.year_spin.text() == "พ.ศ. ๒๕๖๑" and popup.shown_page() == ("ตุลาคม", 2561)
    popup.year_spin.lineEdit().selectAll()
    type_text(popup.year_spin.lineEdit(), "พ.ศ. ๒๕๖๗")
    popup.year_spin.interpretText()
    assert popup.year_spin.value() == 2567


def test_enter_in_the_new_round_date_takes_the_date_and_does_not_start_the_round(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    """TEST11: Enter after typing the date started the round at once. A user typing a date and
    pressing Enter means "take this date": the dialog stays, the date is taken, the focus moves on;
    nothing is stored until the round is started."""
    dialog = shown(qtbot, NewRoundDialog(memory_workspace, school, today=date(2024, 1, 5)))
    type_into(qtbot, dialog.assessed_on, "10/10/2561")
    assert dialog.isVisible() and dialog.created is None
    assert dialog.chosen_date() == date(2018, 10, 10) and dialog.assessed_on.text() == "๑๐ ต.ค. ๒๕๖๑"
    assert not dialog.assessed_on.line_edit.hasFocus()
    assert memory_workspace.assessments.for_school(school.id) == []
    type_into(qtbot, dialog.assessed_on, "31/04/2567")  # refused: the field keeps the focus and says why
    assert dialog.isVisible() and dialog.assessed_on.line_edit.hasFocus() and "มี ๓๐ วัน" in dialog.assessed_on.error()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.created is None


def test_the_calendar_days_are_in_the_fields_digits(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: with Thai digits chosen the calendar's day numbers stayed 1 … 31 (Qt's Thai
    locale has only Arabic digits)."""
    from PySide6.QtCore import QDate, QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    def cell(popup, day: QDate) -> QImage:
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        popup.calendar.paintCell(painter, QRect(0, 0, 40, 30), day)
        painter.end()
        return image

    def written(popup, words: str) -> QImage:
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(popup.calendar.font())
        painter.setPen(popup.calendar.palette().color(popup.calendar.palette().ColorRole.Text))
        painter.drawText(QRect(0, 0, 40, 30), Qt.AlignmentFlag.AlignCenter, words)
        painter.end()
        return image

    field = shown(qtbot, ThaiDateEdit(digit_style="thai"))
    field.set_date(date(2018, 10, 10))
    popup = field.open_calendar()
    tuesday = QDate(2018, 10, 16)
    assert popup.calendar.day_text(tuesday) == "๑๖"
    assert cell(popup, tuesday) == written(popup, "๑๖") != written(popup, "16")
    field.set_digit_style("arabic")
    popup.close()
    popup = field.open_calendar()
    assert popup.calendar.day_text(tuesday) == "16"
