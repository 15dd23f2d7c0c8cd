"""TEST34C C5 in the window: starting a second visit of a school on a day it already has one asks
first, naming the visit(s) of that day; "no" (the default) starts nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_second_visit_today_is_asked_about(qtbot: Any, file_workspace: Workspace,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก")
    first = ws.visits.start(school.id, visited_on=date.today())
    ws.visits.add_person(first.id, "visitor", "นางกานดา รักเรียน")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.navigate(Location("school", school.id))
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(answers[len(asked) - 1])

    monkeypatch.setattr(QMessageBox, "exec", answer)
    button = window.page("school").tab("visits").new_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "มีบันทึกการนิเทศโรงเรียนนี้วันนี้แล้ว" in asked[0]
    assert "นางกานดา รักเรียน" in asked[0]
    assert len(ws.visits.for_school(school.id)) == 1  # "no": nothing started
    window.navigate(Location("school", school.id))
    qtbot.mouseClick(window.page("school").tab("visits").new_button, Qt.MouseButton.LeftButton)
    assert len(ws.visits.for_school(school.id)) == 2
