"""Buttons that act on a chosen row are off while nothing is chosen (issue 11: "เปิด" and "นำออก"
could be pressed with nothing chosen and did nothing, or acted on a row the user had not picked)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QListWidget, QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.assessment.view import AssessmentView
from ui.schools.schools_page import SchoolsPage
from ui.visits.view import VisitView

from .keyboard import show_active


pytestmark = pytest.mark.usefixtures("styled_app")


def test_attachment_open_and_remove_wait_for_a_chosen_file(qtbot, file_workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    school = file_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    assessment = file_workspace.assessments.start(school.id, 2569)
    view = show_active(qtbot, AssessmentView(file_workspace, assessment.id))
    view.go_to("1.2.3")
    open_button = view.findChild(QPushButton, "openAttachmentButton")
    remove_button = view.findChild(QPushButton, "removeAttachmentButton")
    assert open_button.text() == "เปิด" and remove_button.text() == "นำออก"
    assert not open_button.isEnabled() and not remove_button.isEnabled()  # no file at all

    photo = tmp_path / "ภาพห้องสมุด.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    view.add_attachments([photo])
    listing = view.findChild(QListWidget, "attachmentList")
    listing.setCurrentRow(-1)
    assert not open_button.isEnabled() and not remove_button.isEnabled()  # a file, none chosen
    listing.setCurrentRow(0)
    assert open_button.isEnabled() and remove_button.isEnabled()

    view.go_to("1.2.2")  # another item: its own (empty) list, nothing chosen
    assert not open_button.isEnabled() and not remove_button.isEnabled()


def test_a_person_is_removed_only_once_chosen(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    school = memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    memory_workspace.visits.add_person(visit.id, "visitor", "นายสมชาย มั่นคง", "ศึกษานิเทศก์")
    view = show_active(qtbot, VisitView(memory_workspace, visit.id))
    editor = view.people.visitors
    assert editor.remove_button.text() == "นำออก"
    editor.table.setCurrentCell(-1, -1)
    editor.table.clearSelection()
    assert not editor.remove_button.isEnabled()
    editor.table.setCurrentCell(0, 0)
    assert editor.remove_button.isEnabled()


def test_the_school_list_opens_only_a_chosen_school(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    page = show_active(qtbot, SchoolsPage(memory_workspace))
    assert not page.open_button.isEnabled() and not page.edit_button.isEnabled()  # before the list is read
    page.refresh()  # as the window does each time it shows the page
    page.table.clearSelection()
    assert not page.open_button.isEnabled() and not page.edit_button.isEnabled()
    page.table.selectRow(0)
    assert page.open_button.isEnabled() and page.edit_button.isEnabled()
