"""A value the core refused stays in view as typed, with why, and the page's save line says
"ยังไม่ได้บันทึก" while it does (never "บันทึกแล้ว" beside it); when a related field changes so
that it becomes valid it is tried again and stored; leaving or switching record with it asks.
(Fresh testers: try11a #14 and #7, try15 F9, and s23's leftover in ``Saver``.)"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop import storage
from qualityschool_desktop.errors import StorageError, ValidationError
from qualityschool_desktop.workspace import Workspace
from ui.common import save_state
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.plans.edits import A_END, A_START
from ui.plans.tab import PlanPanel
from ui.visits.view import VisitView

from .keyboard import show_active, type_text

pytestmark = pytest.mark.usefixtures("styled_app")

NOT_SAVED, SAVED = "ยังไม่ได้บันทึก", "บันทึกแล้ว"


def type_into(qtbot, field, typed: str) -> None:  # type: ignore[no-untyped-def]
    field.line_edit.setFocus()
    field.line_edit.selectAll()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Delete)
    type_text(field.line_edit, typed)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)


# -- the plan's activities (try11a #14) -----------------------------------------------------------
def test_a_refused_start_date_is_kept_and_stored_once_the_end_date_makes_it_valid(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    plans = memory_workspace.plans
    plan = plans.create(school.id, 2569, 2571)
    activity = plans.add_activity(plan.id, "ประชุมเครือข่ายผู้ปกครองและชุมชน", starts_on="2026-11-06",
                                  ends_on="2026-12-21")
    panel = PlanPanel(memory_workspace)
    panel.resize(1366, 700)
    show_active(qtbot, panel)
    panel.show_school(school.id)
    panel.parts_tabs.setCurrentIndex(2)
    table = panel.activities

    table.item(0, A_START).setText("29/02/2571")  # after the stored end: refused
    assert NOT_SAVED in panel.message.text()
    assert table.item(0, A_START).text() == "29/02/2571"

    table.item(0, A_END).setText("10/10/69")  # still before the start typed: refused too
    assert table.item(0, A_START).text() == "29/02/2571"
    assert NOT_SAVED in panel.message.text()

    # A valid end: stored, and so is the start waiting for it, then the line says saved.
    table.item(0, A_END).setText("30/09/2571")
    stored = plans.parts(plan.id).activities[0]
    assert (stored.starts_on, stored.ends_on) == ("2028-02-29", "2028-09-30")
    assert SAVED in panel.message.text() and NOT_SAVED not in panel.message.text()
    assert table.item(0, A_START).text() == "๒๙ ก.พ. ๒๕๗๑"
    assert activity.id == stored.id


def test_another_save_never_says_saved_beside_a_refused_cell(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = memory_workspace.plans
    plan = plans.create(school.id, 2569)
    plans.add_activity(plan.id, "อบรมครู", starts_on="2026-11-06", ends_on="2026-12-21")
    panel = PlanPanel(memory_workspace)
    panel.resize(1366, 700)
    show_active(qtbot, panel)
    panel.show_school(school.id)
    table = panel.activities
    table.item(0, A_START).setText("29/02/2571")
    table.item(0, 0).setText("อบรมครูเชิงรุก")  # stored (the tab is read again) …
    assert plans.parts(plan.id).activities[0].name == "อบรมครูเชิงรุก"
    assert table.item(0, A_START).text() == "29/02/2571"  # … and the refused start stays in view
    assert NOT_SAVED in panel.message.text() and SAVED not in panel.message.text()

    # Leaving asks; letting it go shows the stored date again.
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
    assert not panel.confirm_leave() and len(asked) == 1
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "discard")
    assert panel.confirm_leave()
    assert table.item(0, A_START).text() == "๖ พ.ย. ๒๕๖๙" and NOT_SAVED not in panel.message.text()


# -- the visit's times (try11a #14, #7) -----------------------------------------------------------
def test_a_refused_end_time_is_tried_again_when_the_start_time_changes(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3), start_time="09:00")
    view = VisitView(memory_workspace, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    details = view.details
    type_into(qtbot, details.end_edit, "0800")
    assert "ต้องไม่ก่อนเวลาเริ่ม" in details.end_edit.error()
    assert view.save_state().startswith(NOT_SAVED)

    type_into(qtbot, details.start_edit, "8.30")  # still after the end: the reason names the new start
    assert memory_workspace.visits.get(visit.id).start_time == "08:30"
    assert "๐๘:๓๐" in details.end_edit.error() and "๐๙:๐๐" not in details.end_edit.error()
    assert view.save_state().startswith(NOT_SAVED)

    type_into(qtbot, details.start_edit, "7.00")  # now the end is valid: stored, the red line gone
    assert memory_workspace.visits.get(visit.id).end_time == "08:00"
    assert details.end_edit.error() == "" and details.end_edit.text() == "๐๘:๐๐"
    assert view.save_state().startswith(SAVED)


def test_a_time_that_cannot_be_read_is_not_beside_saved(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3), start_time="09:00")
    view = VisitView(memory_workspace, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    type_into(qtbot, view.details.end_edit, "1000")
    assert view.save_state().startswith(SAVED)
    type_into(qtbot, view.details.start_edit, "2500")
    assert view.details.start_edit.error() and view.save_state().startswith(NOT_SAVED)
    qtbot.keyClick(view.details.start_edit.line_edit, Qt.Key.Key_Escape)  # the stored value back
    assert view.details.start_edit.error() == "" and not view.save_state().startswith(NOT_SAVED)
    assert memory_workspace.visits.get(visit.id).start_time == "09:00"


# -- the Saver itself (s23's leftover) ---------------------------------------------------------------
def test_a_retry_refused_by_a_rule_after_a_busy_database_says_so_and_keeps_typed_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    line = SaveStateLine("")
    qtbot.addWidget(line)
    line.show()
    saver = Saver(line, line)
    refusals: list[Any] = [StorageError(storage.BUSY, "busy"), StorageError(storage.BUSY, "busy")]
    failed: list[Any] = []

    def save(value: str) -> str:
        if refusals:
            raise refusals.pop(0)
        raise ValidationError("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม")

    saver.run(lambda: save("ก"), key="typed", typed=True, value="ก", on_failed=failed.append)
    saver.run(lambda: save("ข"), key="chosen", on_failed=failed.append)
    assert line.text().startswith(NOT_SAVED + ": " + storage.BUSY)
    saver.retry_all()  # the lock is free now, but the rules refuse both
    assert line.text().startswith(NOT_SAVED + ": วันสิ้นสุดต้องไม่ก่อนวันเริ่ม")
    assert saver.waiting_keys() == ["typed"] and saver.waiting_value("typed") == "ก"  # still in its field
    assert isinstance(failed[-1], ValidationError)  # the views were told, to show the reason
    assert not line.retry_button.isVisible()  # trying again cannot help until something changes


# -- the projects editor (try15 F9) -------------------------------------------------------------------
def test_switching_project_with_a_refused_amount_asks_and_never_drops_it_silently(  # type: ignore[no-untyped-def]
        qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from ui.projects.page import ProjectsPage

    office = "สพป.ตาก เขต 1"
    workspace = Workspace.open(tmp_path / "office.sqlite3", create=True)
    first = workspace.projects.add(2569, "โครงการห้องสมุดมีชีวิต", area_office=office,
                                   budget_lines=[{"source": "own", "planned_baht": [1000], "disbursed_baht": [0]}])
    workspace.projects.add(2569, "โครงการลูกเสือจิตอาสา", area_office=office)
    page = ProjectsPage(workspace)
    page.resize(1366, 768)
    page.year_box.setValue(2569)
    show_active(qtbot, page)
    page.refresh(office)
    assert page.current.id == first.id
    page.lines.setCurrentCell(0, 5)
    page.lines.editItem(page.lines.item(0, 5))
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.lines.state() != QAbstractItemView.State.EditingState, timeout=2000)
    assert page.save_line.text().startswith(NOT_SAVED)

    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
    page.table.setCurrentCell(1, 1)  # another project: asked, and staying keeps the typed amount
    assert len(asked) == 1 and "abc" in asked[0]
    assert page.current.id == first.id and page.table.currentRow() == 0
    assert page.lines.item(0, 5).text() == "abc" and page.save_line.text().startswith(NOT_SAVED)
    assert not page.confirm_leave() and len(asked) == 2  # leaving the page asks too

    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "discard")
    page.table.setCurrentCell(1, 1)
    assert page.current.name == "โครงการลูกเสือจิตอาสา" and not page.save_line.text().startswith(NOT_SAVED)
    assert page.confirm_leave() and len(asked) == 3  # nothing waits any more
    workspace.close()


# -- the new-round dialog (try11a #6) -------------------------------------------------------------------
def test_the_new_round_dialog_grows_to_hold_a_refusal_above_its_note(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    """With the "not in this fiscal year" note under the date, the refusal's second line lay under
    the note: the dialog kept the height it opened with."""
    from ui.assessment.new_round_dialog import NewRoundDialog

    dialog = show_active(qtbot, NewRoundDialog(memory_workspace, school, today=date(2024, 1, 5)))
    dialog.year.setValue(2570)  # the date's fiscal year is 2567: the note shows
    assert dialog.date_remark.isVisible()
    type_into(qtbot, dialog.assessed_on, "31/04/2567")
    qtbot.wait(50)
    message = dialog.assessed_on.message
    assert message.isVisible() and "มี ๓๐ วัน" in message.text()
    bottom = message.mapTo(dialog, message.rect().bottomLeft()).y()
    assert message.height() >= message.heightForWidth(message.width())
    assert bottom < dialog.date_remark.mapTo(dialog, dialog.date_remark.rect().topLeft()).y()


def test_a_round_date_that_does_not_exist_is_not_beside_saved(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.assessment.view import AssessmentView
    from ui.common.date_fields import ThaiDateEdit

    assessment = memory_workspace.assessments.start(school.id, 2562)
    view = AssessmentView(memory_workspace, assessment.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    qtbot.mouseClick(view.findChild(QPushButton, "detailsToggle"), Qt.MouseButton.LeftButton)
    field = view.findChild(ThaiDateEdit, "assessedOn")
    type_into(qtbot, field, "10/10/2561")
    assert SAVED in view.save_state()
    type_into(qtbot, field, "31/04/2567")
    assert "มี ๓๐ วัน" in field.error() and NOT_SAVED in view.save_state()
    type_into(qtbot, field, "1/11/2561")  # a real day: stored, and the line says so again
    assert memory_workspace.assessments.get(assessment.id).assessed_on == "2018-11-01"
    assert SAVED in view.save_state() and NOT_SAVED not in view.save_state()


def test_leaving_the_projects_page_with_a_refused_amount_asks(  # type: ignore[no-untyped-def]
        qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """try15 F9: the window went to another page without a word (only record views were asked)."""
    import shiboken6

    from ui.shell.api import Location
    from ui.shell.main_window import MainWindow

    workspace = Workspace.open(tmp_path / "office.sqlite3", create=True)
    workspace.projects.add(2569, "โครงการห้องสมุดมีชีวิต", area_office="สพป.ตาก เขต 1",
                           budget_lines=[{"source": "own", "planned_baht": [1000], "disbursed_baht": [0]}])
    window = MainWindow(workspace)
    window.show()
    window.features["projects"].action.trigger()
    assert window.location == Location("office_projects")
    page = window.navigator._pages["office_projects"].widget
    page.year_box.setValue(2569)
    page.refresh("สพป.ตาก เขต 1")
    page.lines.item(0, 5).setText("abc")
    assert page.save_line.text().startswith(NOT_SAVED)
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
    window.navigate(Location("schools"))
    stayed = window.location.kind
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "discard")
    window.navigate(Location("schools"))
    left, shown = window.location.kind, page.lines.item(0, 5).text()
    shiboken6.delete(window)
    workspace.close()
    assert stayed == "office_projects" and left == "welcome" and len(asked) == 2  # no schools: home is welcome
    assert shown == "๐"  # let go: the stored amount is shown again


def test_leaving_the_school_page_with_a_refused_plan_cell_asks(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school, monkeypatch: pytest.MonkeyPatch) -> None:
    import shiboken6

    from ui.shell.api import Location
    from ui.shell.main_window import MainWindow

    plan = memory_workspace.plans.create(school.id, 2569)
    memory_workspace.plans.add_activity(plan.id, "อบรมครู", starts_on="2026-11-06", ends_on="2026-12-21")
    window = MainWindow(memory_workspace)
    window.show()
    window.navigate(Location("school", school.id))
    tab = window.navigator._pages["school"].widget.tab("plans")
    tab.activities.item(0, A_START).setText("29/02/2571")
    asked: list[str] = []
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
    window.navigate(Location("schools"))
    stayed, kept = window.location.kind, tab.activities.item(0, A_START).text()
    shiboken6.delete(window)
    assert stayed == "school" and kept == "29/02/2571" and "วันเริ่ม" in asked[0]


def test_a_future_actual_date_is_kept_with_why_and_a_date_outside_the_quarter_is_saved_with_a_warning(  # type: ignore[no-untyped-def]
        qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RETEST15 N5 and F8 in the projects editor: the core's refusal stays in the cell and the save
    line; a date outside the activity's quarter is stored and the editor says so."""
    from datetime import timedelta

    from qualityschool_desktop import clock
    from ui.projects.page import ProjectsPage

    monkeypatch.setattr(clock, "_offset", timedelta(0))
    monkeypatch.setattr(clock, "_offset", date(2026, 12, 1) - clock.today())
    workspace = Workspace.open(tmp_path / "office.sqlite3", create=True)
    project = workspace.projects.add(2570, "โครงการวัดผล", area_office="สพป.ตาก เขต 1", activities=[
        {"name": "ประชุมคณะกรรมการวัดผล", "quarter": 1, "planned_start": "2026-11-10"}])
    page = ProjectsPage(workspace)
    page.resize(1366, 768)
    page.year_box.setValue(2570)
    show_active(qtbot, page)
    page.refresh("สพป.ตาก เขต 1")
    grid = page.parts["activities"]
    grid.item(0, 4).setText("10/02/2570")  # actually started: in February, after today
    assert grid.item(0, 4).text() == "10/02/2570"
    assert page.save_line.text().startswith(NOT_SAVED) and "ยังมาไม่ถึง" in page.save_line.text()
    assert "วันนี้" in grid.item(0, 4).toolTip()
    assert workspace.projects.get(project.id).activities[0]["actual_start"] == ""

    grid.item(0, 4).setText("15/11/2569")  # a real past day: stored, and the refusal is gone
    assert workspace.projects.get(project.id).activities[0]["actual_start"] == "2026-11-15"
    assert SAVED in page.save_line.text() and NOT_SAVED not in page.save_line.text()
    assert page.message.text() == "" and page.notes["activities"].isHidden()
    grid.item(0, 2).setText("10/04/2570")  # planned in quarter 3 for a quarter-1 activity: saved, said
    assert workspace.projects.get(project.id).activities[0]["planned_start"] == "2027-04-10"
    # said right under the activities (not under the budget, out of sight: TEST25 #3)
    note = page.notes["activities"]
    assert "อยู่ในไตรมาสที่" in note.text() and "โปรดตรวจวันที่หรือไตรมาส" in note.text() and not note.isHidden()
    assert page.message.text() == ""
    workspace.close()


def test_each_refused_value_keeps_its_reason_and_the_quarter_warning_shows_meanwhile(  # type: ignore[no-untyped-def]
        qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TEST25 #3 and #4: a refused disbursement and then a refused activity date each keep their own
    reason under their own grid; a date outside the quarter typed while the row's refusal is
    pending is warned about at once."""
    from datetime import timedelta

    from qualityschool_desktop import clock
    from ui.projects.page import ProjectsPage

    monkeypatch.setattr(clock, "_offset", timedelta(0))
    monkeypatch.setattr(clock, "_offset", date(2026, 12, 1) - clock.today())
    workspace = Workspace.open(tmp_path / "office.sqlite3", create=True)
    workspace.projects.add(2570, "โครงการเช่าใช้บริการอินเทอร์เน็ต", area_office="สพป.ตาก เขต 1", activities=[
        {"name": "เบิกจ่ายค่าบริการ", "quarter": 1, "planned_start": "2026-10-10"}],
        budget_lines=[{"source": "own", "planned_baht": [1000, 1000, 1000, 1000]}])
    page = ProjectsPage(workspace)
    page.resize(1366, 768)
    page.year_box.setValue(2570)
    show_active(qtbot, page)
    page.refresh("สพป.ตาก เขต 1")
    page.lines.item(0, 8).setText("50000")  # disbursed in quarter 4, not begun: refused
    budget_reason = page.notes["budget_lines"].text()
    assert "ยังไม่ได้บันทึก" in budget_reason and not page.notes["budget_lines"].isHidden()
    grid = page.parts["activities"]
    grid.item(0, 4).setText("15/12/2569")  # started after today: refused too
    assert page.notes["budget_lines"].text() == budget_reason  # the first reason stays (TEST25 #4)
    assert re.search("แถวที่ [1๑] ยังไม่ได้บันทึก", page.notes["activities"].text()) and "วันนี้" in page.notes["activities"].text()
    grid.item(0, 3).setText("20/01/2570")  # planned end in quarter 2, while the row waits
    note = page.notes["activities"].text()
    assert "วันนี้" in note and "อยู่ในไตรมาสที่" in note  # the reason and the quarter warning together
    assert page.lines.item(0, 8).text() == "50000" and "ยังไม่ได้บันทึก" in page.lines.item(0, 8).toolTip()
    workspace.close()
