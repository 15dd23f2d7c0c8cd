"""F11e 13: Ctrl+N / Ctrl+F, shown in the โรงเรียน menu, did nothing from the assessment or the
visit view (the actions were off in record views). They act there too: Ctrl+F goes to the school
list with the keyboard in its search box (Alt+← comes back); Ctrl+N opens the new-school form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_back_key import window  # noqa: F401 (a fixture)
from .test_scaling import busiest_school

pytestmark = pytest.mark.usefixtures("styled_app")


def test_ctrl_f_and_ctrl_n_act_from_the_assessment_and_the_visit_view(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    school_id = busiest_school(window.workspace)
    round_id = window.workspace.assessments.for_school(school_id)[0].id
    visit_id = window.workspace.visits.for_school(school_id)[0].id
    for record in (Location("assessment", round_id), Location("visit", visit_id)):
        window.navigate(Location("school", school_id))
        window.navigate(record)
        qtbot.wait(20)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.location.kind == "schools", timeout=3000)
        focused = QApplication.focusWidget()
        assert isinstance(focused, QLineEdit) and focused.isVisible()
        window.navigate(record)
        qtbot.wait(20)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=3000)
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        dialog.reject()
        assert window.location == record
        with qtbot.waitActive(window):  # offscreen, the closed dialog hands nothing back by itself
            window.activateWindow()

