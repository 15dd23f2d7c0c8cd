"""A refused save must not move anything: the red "ยังไม่ได้บันทึก" line and the notes by the fields
keep the room they take whether shown or not, so a click or keystroke aimed during a save lands
where it was aimed (a new-user test: a click on the visit's "ถึง" time landed in the notes box once
the note under the header had pushed the page down).

In the window at 1366×768, as on a common school laptop. The core's method is made to raise
"busy", as under another program's lock (the real lock is exercised in
``test_honest_save_assessment.py``). With ``QSD_SCREENSHOTS=<folder>`` the window is saved there
before and after, to be looked at.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from qualityschool_desktop import storage
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.workspace import Workspace
from ui.common import save_lines
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .keyboard import show_active, type_text
from .test_honest_save_views import keystrokes_retry_at_once, refused  # noqa: F401 (an autouse fixture)

NOT_SAVED = "ยังไม่ได้บันทึก"


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def window(qtbot, memory_workspace: Workspace, school) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(memory_workspace)
    window.resize(1366, 768)
    show_active(qtbot, window)
    return window


def places(window: QWidget, widgets: dict[str, QWidget]) -> dict[str, QRect]:
    """Where each widget is in the window (its rectangle in window coordinates)."""
    return {name: QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()) for name, widget in widgets.items()}


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    qtbot.wait(30)  # layouts that were asked to change have done so


def shoot(window: QWidget, name: str) -> None:
    folder = os.environ.get("QSD_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))


def test_a_refused_level_or_evidence_moves_nothing_in_the_assessment_view(
    qtbot, window, memory_workspace, school, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    assessment = memory_workspace.assessments.start(school.id, 2569)
    window.navigate(Location("assessment", assessment.id))
    view = window.view
    view.go_to("1.1.1")
    settle(qtbot)
    buttons = view.level_buttons()
    panel = view._panel
    watched = {f"level {value}": radio for value, radio in buttons.items()}
    watched.update(evidence=panel.evidence, note=panel.note, attachments=panel.attachment_list,
                   not_applicable=panel.na_check, next=panel.next_button)
    before = places(window, watched)
    shoot(window, "assessment-before")

    with refused(monkeypatch, memory_workspace.answers, "set_level", "set_text"):
        qtbot.mouseClick(buttons[3], Qt.MouseButton.LeftButton, pos=QPoint(8, buttons[3].height() // 2))
        settle(qtbot)
        assert view.save_state().startswith(NOT_SAVED) and view.field_note("choice").startswith(NOT_SAVED)
        shoot(window, "assessment-after-level")
        assert places(window, watched) == before
        type_text(panel.evidence, "ภาพกิจกรรม")
        settle(qtbot)
        assert view.field_note("evidence").startswith(NOT_SAVED)
        shoot(window, "assessment-after")
        assert places(window, watched) == before


def test_a_refused_visit_time_or_note_moves_nothing_in_the_visit_view(
    qtbot, window, memory_workspace, school, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    memory_workspace.visits.update(visit.id, purpose="ติดตามการอ่าน")  # not blank: opens on the general section
    window.navigate(Location("visit", visit.id))
    view = window.view
    view.go_to_section("general")
    settle(qtbot)
    details, general = view.details, view.general
    watched = {"start": details.start_edit, "end": details.end_edit, "type": details.type_combo,
               "purpose": general.purpose_edit, "notes": general.notes_edit, "files": general.files,
               "sections": view._section_list}
    before = places(window, watched)
    shoot(window, "visit-before")

    with refused(monkeypatch, memory_workspace.visits, "update"):
        details.end_edit.setFocus()
        type_text(details.end_edit.line_edit, "12:00")
        qtbot.keyClick(details.end_edit.line_edit, Qt.Key.Key_Return)  # a time is taken on Enter
        settle(qtbot)
        assert view.field_note("details").startswith(NOT_SAVED) and view.save_state().startswith(NOT_SAVED)
        shoot(window, "visit-after-time")
        assert places(window, watched) == before
        type_text(general.notes_edit, "ครูเตรียมสื่อ")
        settle(qtbot)
        assert view.field_note("general").startswith(NOT_SAVED)
        shoot(window, "visit-after")
        assert places(window, watched) == before


def test_the_line_keeps_its_height_and_the_whole_reason_is_one_click_away(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    line = save_lines.SaveStateLine("ทุกการแก้ไขบันทึกทันที", right=True)
    line.resize(420, 60)
    show_active(qtbot, line)
    height = line.sizeHint().height()
    error = StorageError(storage.BUSY, "busy")
    line.show_failed(error, retrying=True, can_retry=True)
    settle(qtbot)
    full = save_lines.not_saved_text(error) + save_lines.text.RETRYING
    assert line.text() == full and line.sizeHint().height() == height
    assert line.label.toolTip() == full
    # Too long for the line: shown cut short with "…", and the whole of it behind a button.
    assert line.label.shown_text() != full and line.label.shown_text().endswith("…")
    details = line.findChild(QPushButton, "saveStateDetailsButton")
    assert details is not None and details.isVisible()
    shown: list[str] = []
    monkeypatch.setattr(save_lines, "show_details", lambda _parent, message: shown.append(message))
    qtbot.mouseClick(details, Qt.MouseButton.LeftButton)
    assert shown == [full]
    line.show_saved()
    settle(qtbot)
    assert line.sizeHint().height() == height and not details.isVisible()
