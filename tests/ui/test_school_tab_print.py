"""TEST34 T10: on the school page แฟ้ม › พิมพ์รายงาน (Ctrl+P) was greyed on every tab, though the
rounds and plan tabs have their own print buttons; the budget tab had none. Now the menu prints
what the tab shown prints, and is on exactly while that tab's button is; the budget tab prints this
school's request (the office's budget printout of one school)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFileDialog

from qualityschool_desktop.reports.budget import write_budget_report
from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from tests.pdf_checks import needs_poppler, pdftotext

pytestmark = pytest.mark.usefixtures("styled_app")


def _school_with_budget(window: MainWindow) -> str:
    workspace = window.workspace
    year = max(workspace.budget.years())
    for school in workspace.schools.list():
        if workspace.budget.items(school.id, year) and workspace.assessments.for_school(school.id):
            return school.id
    raise AssertionError("no demo school with a budget request and rounds")


def _tab_index(page: Any, key: str) -> int:
    return [spec.key for spec in page._specs].index(key)


def test_ctrl_p_prints_what_the_tab_shown_prints(demo_window: Any, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))  # each print cancelled
    window: MainWindow = demo_window(QSize(1366, 768))
    school_id = _school_with_budget(window)
    window.navigate(Location("school", school_id))
    page = window.page("school")
    assert page is not None
    pressed: list[str] = []
    for key in ("rounds", "plans", "budget", "projects"):
        if key in [spec.key for spec in page._specs]:
            button = page.tab(key)._print_button
            assert button is not None, key
            button.clicked.connect(lambda _checked=False, key=key: pressed.append(key))

    rounds = page.tab("rounds")
    page.tabs.setCurrentIndex(_tab_index(page, "rounds"))
    rounds.table.clearSelection()
    rounds.table.setCurrentCell(-1, -1)
    qtbot.waitUntil(lambda: not rounds.print_button.isEnabled())
    assert not window.print_action.isEnabled()  # no round selected: nothing to print, as the button
    rounds.table.selectRow(0)
    qtbot.waitUntil(lambda: rounds.print_button.isEnabled())
    assert window.print_action.isEnabled()  # the menu follows the button
    window.print_action.trigger()
    assert pressed == ["rounds"]

    page.tabs.setCurrentIndex(_tab_index(page, "budget"))
    budget = page.tab("budget")
    assert budget.print_button.isVisible() and budget.print_button.isEnabled()
    assert window.print_action.isEnabled()
    window.print_action.trigger()
    assert pressed == ["rounds", "budget"]

    page.tabs.setCurrentIndex(_tab_index(page, "network"))
    assert not window.print_action.isEnabled()  # a tab without a print of its own
    window.shutdown()


@needs_poppler
def test_one_schools_budget_printout_holds_that_school_only(demo_copy: Path, tmp_path: Path) -> None:
    with Workspace.open(demo_copy, read_only=True) as workspace:
        year = max(workspace.budget.years())
        asking = [s for s in workspace.schools.list() if workspace.budget.items(s.id, year)]
        assert len(asking) > 1
        school, other = asking[0], asking[1]
        write_budget_report(workspace, year, tmp_path / "one.pdf", school_id=school.id, digits="arabic")
    text = pdftotext(tmp_path / "one.pdf", "-raw")
    assert school.name in text and other.name not in text
    assert "รวมทั้งสิ้น 1 โรงเรียน" in text
