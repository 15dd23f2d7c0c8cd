"""TEST31 T17: leaving ดูผลการประเมิน back to the assessment put it at ประเด็น ๑, not at the item
the director was on (๗๔ of ๗๔)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.assessment.view import AssessmentView
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_back_from_the_results_is_back_at_the_item_left(qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.open(db_path, create=True)
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    assessment = ws.assessments.start(school.id, 2570, assessed_on=date(2026, 12, 2))
    last = ws.frameworks.latest().items[-1].code
    window = MainWindow(ws)
    window.resize(1366, 768)
    show_active(qtbot, window)
    window.navigate(Location("school", school.id))
    window.navigate(Location("assessment", assessment.id))
    view = window.view
    assert isinstance(view, AssessmentView)
    view.go_to(last)
    qtbot.mouseClick(view._results_button, Qt.MouseButton.LeftButton)
    assert window.location == Location("results", assessment.id)
    window.go_back()
    qtbot.waitUntil(lambda: window.location == Location("assessment", assessment.id), timeout=3000)
    back = window.view
    assert isinstance(back, AssessmentView) and back.current_item_code == last
    window.go_back()  # to the school; opened afresh from there, a round starts as it always did
    qtbot.waitUntil(lambda: window.location == Location("school", school.id), timeout=3000)
    window.navigate(Location("assessment", assessment.id))
    assert isinstance(window.view, AssessmentView) and window.view.current_item_code != last
    window.shutdown()
