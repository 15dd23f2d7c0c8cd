"""The way back (issue 11): the back button returns along the path the user took, and going to a
page already on that path is going back to it, not a new step (assessment ↔ results used to
bounce before the school came back)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.assessment.results_view import ResultsView
from ui.assessment.view import AssessmentView
from ui.shell import breadcrumbs
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .keyboard import show_active


pytestmark = pytest.mark.usefixtures("styled_app")


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def where(window: MainWindow) -> str:
    return window.location.kind


@pytest.fixture
def walked_to_results(qtbot, memory_workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    """School list → school → assessment → results, all by clicks."""
    school = memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด")
    memory_workspace.assessments.start(school.id, 2569)
    window = show_active(qtbot, MainWindow(memory_workspace))
    window.resize(1366, 768)
    window.go_home()
    assert where(window) == "schools"
    schools = window.page("schools")
    schools.table.selectRow(0)
    click(qtbot, schools.open_button)
    assert where(window) == "school"
    rounds = window.page("school").tab("rounds")
    rounds.table.selectRow(0)
    click(qtbot, rounds.open_button)
    assert isinstance(window.view, AssessmentView)
    click(qtbot, window.view.findChild(QPushButton, "resultsButton"))
    assert isinstance(window.view, ResultsView) and where(window) == "results"
    return window


def test_back_returns_along_the_path_taken(qtbot, walked_to_results: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = walked_to_results
    click(qtbot, window.view.findChild(QPushButton, "viewBackButton"))
    assert where(window) == "assessment"
    click(qtbot, window.view.findChild(QPushButton, "viewBackButton"))
    assert where(window) == "school"
    click(qtbot, window.back_button)
    assert where(window) == "schools"


def test_returning_to_the_assessment_from_its_results_is_a_step_back(qtbot, walked_to_results: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = walked_to_results
    click(qtbot, window.view.findChild(QPushButton, "editAnswersButton"))  # "แก้ไขคำตอบ": to the round again
    assert where(window) == "assessment"
    click(qtbot, window.view.findChild(QPushButton, "resultsButton"))
    click(qtbot, window.view.findChild(QPushButton, "editAnswersButton"))
    click(qtbot, window.view.findChild(QPushButton, "viewBackButton"))
    assert where(window) == "school"  # not results, assessment, results … first
    click(qtbot, window.back_button)
    assert where(window) == "schools"
    assert not window.navigator.history


def test_a_breadcrumb_up_the_path_is_a_step_back(qtbot, walked_to_results: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = walked_to_results
    school_id = window.workspace.schools.list()[0].id
    window.breadcrumb.linkActivated.emit(breadcrumbs.link_of(Location("school", school_id)))
    assert where(window) == "school"
    click(qtbot, window.back_button)
    assert where(window) == "schools"


def test_adding_a_school_from_the_district_view_keeps_the_way_back(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 #13: Ctrl+N › บันทึก on the district view jumped to the list with ย้อนกลับ disabled."""
    from tests.ui.keyboard import type_text

    memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด")
    window = show_active(qtbot, MainWindow(memory_workspace))
    window.go_home()
    window.navigate(Location("district"))
    assert where(window) == "district"
    window.features["schools"].add_school()
    dialog = window.active_dialog
    dialog.code.setFocus()
    type_text(dialog.code, "6302000002")
    dialog.name.setFocus()
    type_text(dialog.name, "โรงเรียนบ้านพบพระ")
    click(qtbot, dialog.ok_button)
    assert where(window) == "schools"
    assert window.back_button.isEnabled()
    click(qtbot, window.back_button)
    assert where(window) == "district"


def test_a_name_with_html_characters_shows_in_the_breadcrumb_as_typed() -> None:
    import html

    name = "โรงเรียน \"บ้าน A&B\" <๑> 'ใหม่'"
    shown = breadcrumbs.breadcrumb_html([("โรงเรียน", Location("schools")), (name, None)])
    assert f"<b>{html.escape(name)}</b>" in shown  # the breadcrumb's own escape, as html.escape does
