"""Issue 8 in the other views: a save the core refuses with ``StorageError`` (here the core method
is made to raise "busy", to keep the suite quick; the real lock is exercised on the assessment
view) leaves the stored value on screen, says "ยังไม่ได้บันทึก" with the reason, keeps typed text,
and a retry stores the change. Leaving with unsaved text asks first; a read-only workspace shows
its editors disabled instead of failing on every keystroke."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from qualityschool_desktop import storage
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.workspace import Workspace
from ui.common import save_state
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.visits.view import VisitView

from .keyboard import show_active, type_text
from .test_assessment_view import click, evidence_box, make_view

NOT_SAVED = "ยังไม่ได้บันทึก"


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture(autouse=True)
def keystrokes_retry_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # In use a keystroke retries at most every few seconds (each try may wait for the lock);
    # here the next keystroke is to retry straight away.
    monkeypatch.setattr(save_state, "KEYSTROKE_RETRY_GAP", 0.0)


def busy(*_args: object, **_kwargs: object) -> None:
    raise StorageError(storage.BUSY, "busy")


@contextmanager
def refused(monkeypatch: pytest.MonkeyPatch, part: object, *names: str) -> Iterator[None]:
    """Inside the block the core's ``part.name`` calls raise "busy", as under a held lock."""
    with monkeypatch.context() as patch:
        for name in names:
            patch.setattr(part, name, busy)
        yield


def says_not_saved_because_busy(message: str) -> bool:
    return message.startswith(NOT_SAVED) and storage.BUSY in message and "บันทึกแล้ว" not in message


def retry_button(widget) -> QPushButton:  # type: ignore[no-untyped-def]
    # The one shown: a page may hold other save lines (a hidden panel's) before its own.
    shown = [button for button in widget.findChildren(QPushButton, "retrySaveButton") if button.isVisible()]
    assert len(shown) == 1 and shown[0].text() == "ลองอีกครั้ง"
    return shown[0]


# -- the visit view -----------------------------------------------------------------------------
@pytest.fixture
def visit_view(qtbot, memory_workspace: Workspace, school) -> VisitView:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    memory_workspace.visits.set_level(visit.id, "2", 3)
    view = VisitView(memory_workspace, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    return view


def test_a_visit_level_and_finding_text_that_cannot_be_saved(
    qtbot, memory_workspace, visit_view, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    ws, view = memory_workspace, visit_view
    view.go_to_section("c2")
    panel = view.finding_panels["2"]
    with refused(monkeypatch, ws.visits, "set_level", "set_text"):
        qtbot.mouseClick(panel.picker.radios[5], Qt.MouseButton.LeftButton)
        assert panel.picker.radios[3].isChecked() and not panel.picker.radios[5].isChecked()
        assert says_not_saved_because_busy(view.save_state())
        assert says_not_saved_because_busy(view.field_note("c2"))
        type_text(panel.texts["observed"], "ครูใช้สื่อ")
        assert panel.texts["observed"].toPlainText() == "ครูใช้สื่อ"
        assert ws.visits.findings(view.visit_id)["2"].observed == ""
    qtbot.mouseClick(retry_button(view), Qt.MouseButton.LeftButton)
    found = ws.visits.findings(view.visit_id)["2"]
    assert (found.level, found.observed) == (5, "ครูใช้สื่อ")
    assert panel.picker.radios[5].isChecked() and panel.texts["observed"].toPlainText() == "ครูใช้สื่อ"
    assert view.save_state().startswith("บันทึกแล้ว ✓") and view.field_note("c2") == ""


def test_visit_header_fields_show_the_stored_value_and_keep_typed_text(
    qtbot, memory_workspace, visit_view, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    ws, view = memory_workspace, visit_view
    with refused(monkeypatch, ws.visits, "update"):
        combo = view.details.type_combo
        stored_type = ws.visits.get(view.visit_id).visit_type
        other = next(i for i in range(combo.count()) if combo.itemData(i) != stored_type)
        combo.setCurrentIndex(other)
        combo.activated.emit(other)
        assert combo.currentData() == stored_type  # back to what the database has
        assert says_not_saved_because_busy(view.field_note("details"))
        view.go_to_section("general")
        type_text(view.general.purpose_edit, "ติดตามผล")
        assert view.general.purpose_edit.toPlainText() == "ติดตามผล"
        assert says_not_saved_because_busy(view.field_note("general"))
        assert says_not_saved_because_busy(view.save_state())
    type_text(view.general.purpose_edit, "การอ่าน")  # the next keystroke retries
    stored = ws.visits.get(view.visit_id)
    assert stored.purpose == "ติดตามผลการอ่าน"
    assert view.field_note("general") == ""


def test_a_follow_up_agreed_in_the_visit_keeps_its_typed_action(
    qtbot, memory_workspace, visit_view, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    ws, view = memory_workspace, visit_view
    view.go_to_section("follow_ups")
    view.add_follow_up()
    [follow_up] = ws.follow_ups.agreed_in(view.visit_id)
    with refused(monkeypatch, ws.follow_ups, "update"):
        type_text(view.follow_ups.action_edit, "จัดทำแผน")
        assert view.follow_ups.action_edit.text() == "จัดทำแผน"
        assert says_not_saved_because_busy(view.field_note("follow_ups"))
        assert ws.follow_ups.get(follow_up.id).action == ""
    qtbot.mouseClick(retry_button(view), Qt.MouseButton.LeftButton)
    assert ws.follow_ups.get(follow_up.id).action == "จัดทำแผน"
    assert view.follow_ups.agreed.item(0, 0).text() == "จัดทำแผน"
    assert view.field_note("follow_ups") == ""


def test_leaving_a_view_with_unsaved_text_asks_first(
    qtbot, memory_workspace, school, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    ws = memory_workspace
    assessment = ws.assessments.start(school.id, 2569)
    window = show_active(qtbot, MainWindow(ws))
    window.navigate(Location("school", school.id))
    window.navigate(Location("assessment", assessment.id))
    view = window.view
    view.go_to("1.1.1")
    with refused(monkeypatch, ws.answers, "set_text"):
        type_text(evidence_box(view), "ยังไม่ได้เก็บ")
        asked: list[str] = []
        monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or "stay")
        window.go_back()
        assert asked and window.view is view and window.location.kind == "assessment"
        assert evidence_box(view).toPlainText() == "ยังไม่ได้เก็บ"
        assert not window.close() and window.isVisible()  # closing asks too

        # "Try again" while the database is still busy asks again; then the text can be let go.
        choices = iter(["retry", "discard"])
        monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, message, **_k: asked.append(message) or next(choices))
        window.go_back()
        assert window.location.kind == "school" and len(asked) == 4
        assert ws.answers.get(assessment.id, "1.1.1") is None


def test_leaving_after_the_lock_went_saves_the_text_without_asking(
    qtbot, memory_workspace, school, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    ws = memory_workspace
    assessment = ws.assessments.start(school.id, 2569)
    window = show_active(qtbot, MainWindow(ws))
    window.navigate(Location("school", school.id))
    window.navigate(Location("assessment", assessment.id))
    view = window.view
    view.go_to("1.1.1")
    with refused(monkeypatch, ws.answers, "set_text"):
        type_text(evidence_box(view), "เก็บตอนออก")
    monkeypatch.setattr(save_state, "ask_unsaved", lambda *_args: pytest.fail("asked although it could save"))
    window.go_back()
    assert window.location.kind == "school"
    assert ws.answers.get(assessment.id, "1.1.1").evidence == "เก็บตอนออก"


# -- a read-only workspace --------------------------------------------------------------------------
def test_a_read_only_workspace_shows_disabled_editors_with_a_note(qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    with Workspace.open(db_path, create=True) as writer:
        school = writer.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
        assessment = writer.assessments.start(school.id, 2569)
        writer.answers.set_level(assessment.id, "1.1.1", 3)
        visit = writer.visits.start(school.id, visited_on=date(2026, 2, 3))
    reader = Workspace.open(db_path, read_only=True)
    try:
        view = make_view(qtbot, reader, assessment.id)
        view.go_to("1.1.1")
        assert not any(button.isEnabled() for button in view.level_buttons().values())
        assert evidence_box(view).isReadOnly()
        assert not view.findChild(QPushButton, "submitButton").isEnabled()
        notice = view.findChild(QLabel, "submittedNotice")
        assert notice.isVisible() and "อ่านอย่างเดียว" in notice.text()
        click(qtbot, view.level_buttons()[5])
        assert not view.save_state().startswith(NOT_SAVED)  # nothing was tried, nothing failed

        visit_view = VisitView(reader, visit.id)
        qtbot.addWidget(visit_view)
        visit_view.show()
        assert visit_view.general.purpose_edit.isReadOnly()
        assert not visit_view.finding_panels["1"].picker.radios[3].isEnabled()
        assert not visit_view.finalise_button.isEnabled()
        notice = visit_view.findChild(QLabel, "finalNotice")
        assert notice.isVisible() and "อ่านอย่างเดียว" in notice.text()
        view.close()
        visit_view.close()
    finally:
        reader.close()
