"""TEST34C C12 in the window: "ลบบันทึกการนิเทศนี้" on a draft visit made here asks, naming the school
and the day ("No" is the default), then shows the school's list of visits without it and says so.
Not offered on a confirmed visit, nor on one confirmed once and reopened."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")

DAY = date(2026, 12, 3)


def _window(qtbot: Any, ws: Workspace) -> MainWindow:
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_the_maker_deletes_a_draft_by_keyboard_after_a_question_naming_school_and_day(
        qtbot: Any, file_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    kept = ws.visits.start(school.id, visited_on=date(2026, 11, 20))
    ws.visits.add_person(kept.id, "visitor", "นางกานดา รักเรียน")
    mistake = ws.visits.start(school.id, visited_on=DAY, purpose="บันทึกผิดโรงเรียน")
    window = _window(qtbot, ws)
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", mistake.id))
    view = window.navigator.record.widget
    button = view.findChild(QPushButton, "deleteVisitButton")
    assert button is not None and button.isVisible() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    asked: list[tuple[str, str]] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def answer(box: QMessageBox) -> int:
        asked.append((box.text(), box.defaultButton().text()))
        return int(answers[len(asked) - 1])

    monkeypatch.setattr(QMessageBox, "exec", answer)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert len(asked) == 1
    question, default = asked[0]
    assert "ลบบันทึกการนิเทศโรงเรียนบ้านตาก วันที่ " in question and "เรียกคืนไม่ได้" in question
    assert "ธันวาคม" in question and ("2569" in question or "๒๕๖๙" in question)  # the day, Buddhist Era
    # the day on one line: not "…วันที่ ๓ ธันวาคม / ๒๕๖๙ หรือไม่" (TEST35 T9)
    assert "ธันวาคม\u00a0" in question and "\u00a0ธันวาคม" in question
    assert default == "ไม่ลบ"
    assert {v.id for v in ws.visits.for_school(school.id)} == {kept.id, mistake.id}  # "No": nothing goes

    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.navigator.location == Location("school", school.id), timeout=5000)
    assert [v.id for v in ws.visits.for_school(school.id)] == [kept.id]
    tab = window.page("school").tab("visits")
    shown = window.page("school").tabs.currentWidget()
    assert shown is tab or shown.isAncestorOf(tab)  # on its visits tab
    assert [v.id for v in tab.visits] == [kept.id]
    qtbot.waitUntil(lambda: "ลบบันทึกการนิเทศโรงเรียนบ้านตาก" in window.notices.text(), timeout=5000)


def test_not_offered_on_a_confirmed_visit_nor_on_one_confirmed_once(qtbot: Any, file_workspace: Workspace) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    visit = ws.visits.start(school.id, visited_on=DAY)
    ws.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")
    ws.visits.finalise(visit.id)
    window = _window(qtbot, ws)
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    view = window.navigator.record.widget
    assert not view.findChild(QPushButton, "deleteVisitButton").isVisible()
    ws.visits.reopen(visit.id, "แก้ชื่อผู้นิเทศ")
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    view = window.navigator.record.widget
    assert view.visit.status == "draft"
    assert not view.findChild(QPushButton, "deleteVisitButton").isVisible()


def test_back_after_a_deletion_does_not_open_the_deleted_visit(
        qtbot: Any, file_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opened from another page (the follow-ups list): after the deletion the school's page, and
    Back goes to that page without passing through the deleted visit (no "cannot open" warning)."""
    ws = file_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    other = ws.schools.add(code="6301000002", name="โรงเรียนบ้านพบพระ")
    mistake = ws.visits.start(school.id, visited_on=DAY)
    window = _window(qtbot, ws)
    window.navigate(Location("school", other.id))
    window.navigate(Location("visit", mistake.id))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: int(QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, said, *_a: warned.append(said))
    window.navigator.record.widget.deletion.delete()
    qtbot.waitUntil(lambda: window.navigator.location == Location("school", school.id), timeout=5000)
    window.go_back()
    assert window.navigator.location == Location("school", other.id) and warned == []
