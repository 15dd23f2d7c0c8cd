"""Saves made in a view tell the window's other pages what they changed (``Saver.run(changes=...)``
through ``shell.ops.publish``): the breadcrumb names a visit by its new date, the lists of
follow-ups, rounds and schools re-read what a visit or a round changed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .keyboard import show_active, type_text


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def window(qtbot, memory_workspace: Workspace, school) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(memory_workspace)
    window.resize(1366, 768)
    show_active(qtbot, window)
    return window


@pytest.fixture
def published(window: MainWindow) -> list[Changes]:
    notices: list[Changes] = []
    window.ops.notifier.changed.connect(notices.append)
    return notices


def test_a_follow_up_closed_in_a_visit_is_announced_to_the_follow_ups_page(
    window, published, memory_workspace, school  # type: ignore[no-untyped-def]
) -> None:
    ws = memory_workspace
    earlier = ws.visits.start(school.id, visited_on=date(2026, 1, 10))
    agreed = ws.follow_ups.add(earlier.id, "จัดทำแผนพัฒนาการอ่าน", due_on=date(2026, 2, 1))
    later = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    window.navigate(Location("follow_ups"))
    page = window.page("follow_ups")
    assert page is not None
    window.navigate(Location("visit", later.id))
    view = window.view
    view.follow_up_saves.set_status(agreed.id, "done")
    assert ws.follow_ups.get(agreed.id).status == "done"
    assert any(notice.any_follow_ups for notice in published)
    # The page that lists follow-ups listens to exactly these notices.
    window.go_back()
    assert window.location.kind == "follow_ups"
    assert all(row["สถานะ"] != "ค้างอยู่" for row in page.visible_rows() if "จัดทำแผน" in str(row))


def test_a_visit_date_changed_in_the_view_renames_it_in_the_breadcrumb(qtbot, window, published, memory_workspace,
                                                                      school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    window.navigate(Location("visit", visit.id))
    assert window.breadcrumb_text().endswith("การนิเทศ ๓ ก.พ. ๒๕๖๙")
    date_field = window.view.details.date_edit.line_edit
    date_field.setFocus()
    date_field.selectAll()
    type_text(date_field, "10/2/2569")
    qtbot.keyClick(date_field, Qt.Key.Key_Return)
    assert memory_workspace.visits.get(visit.id).visited_on == "2026-02-10"
    assert Changes(visits={visit.id}) in published
    assert window.breadcrumb_text().endswith("การนิเทศ ๑๐ ก.พ. ๒๕๖๙")


def test_a_level_chosen_in_a_round_is_announced_for_the_lists_of_rounds_and_schools(
    qtbot, window, published, memory_workspace, school  # type: ignore[no-untyped-def]
) -> None:
    assessment = memory_workspace.assessments.start(school.id, 2569)
    window.navigate(Location("assessment", assessment.id))
    view = window.view
    view.go_to("1.1.1")
    radio = view.level_buttons()[4]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert memory_workspace.answers.get(assessment.id, "1.1.1").level == 4
    assert published and all(notice.assessment(assessment.id) for notice in published)
    assert any(notice.any_assessments for notice in published)


def test_a_status_changed_on_the_follow_ups_page_is_announced(window, published, memory_workspace,
                                                              school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 1, 10))
    memory_workspace.follow_ups.add(visit.id, "จัดทำแผน", due_on=date(2026, 2, 1))
    window.navigate(Location("follow_ups"))
    page = window.page("follow_ups")
    page.refresh()
    assert page.selected_follow_up_id() is not None
    page.done_button.click()
    assert any(notice.any_follow_ups for notice in published)


def test_typing_in_a_visit_is_announced_once_stored(window, published, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 2, 3))
    window.navigate(Location("visit", visit.id))
    view = window.view
    view.go_to_section("general")
    type_text(view.general.purpose_edit, "อ่าน")
    assert memory_workspace.visits.get(visit.id).purpose == "อ่าน"
    assert published and all(notice == Changes(visits={visit.id}) for notice in published)
