"""TEST34C C6: at 150 % (a 1366×728 screen is 910×485 logical pixels) the visit's comparison table
(เทียบกับการประเมินตนเอง) got ~45 px: one component row, its own scrollbar, the name cut to
"องค์ประก…"; the summary box above took the room. The table keeps its five component rows (the page
scrolls instead) and the component names whole."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("size", [(910, 485), (1093, 582)])  # 150 %, 125 %
def test_the_comparison_shows_every_component_whole(qtbot: Any, file_workspace: Workspace,
                                                    size: tuple[int, int]) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาวใหม่", district="แม่สอด", province="ตาก")
    assessment = ws.assessments.start(school.id, 2569, assessed_on=date(2026, 1, 10))
    for item in ws.frameworks.latest().items:
        ws.answers.set_level(assessment.id, item.code, 3 if item.component_code != "2" else 4)
    visit = ws.visits.start(school.id, visited_on=date(2026, 12, 3))
    for code, level in (("1", 2), ("2", 3), ("3", 4), ("4", 3), ("5", 5)):
        ws.visits.set_level(visit.id, code, level)
    window = MainWindow(ws)
    window.resize(*size)
    show_active(qtbot, window)
    window.navigate(Location("visit", visit.id))
    view = window.stack.currentWidget()
    view.go_to_section("comparison")
    qtbot.wait(50)
    panel = view.comparison
    tree = panel.tree
    area = panel.parentWidget().parentWidget()  # the section's scroll area (its viewport, then it)
    area.ensureWidgetVisible(tree)
    qtbot.wait(20)
    window.grab().save(str(Path(tempfile.gettempdir()) / f"visit-comparison-{size[0]}.png"))
    assert tree.topLevelItemCount() == 5
    last = tree.visualItemRect(tree.topLevelItem(4))
    assert last.isValid() and last.bottom() <= tree.viewport().height(), (last, tree.viewport().height())
    # Each component's name whole: on one line, or wrapped onto lines its row is tall enough for.
    metrics = QFontMetrics(tree.topLevelItem(0).font(0))
    for index in range(5):
        item = tree.topLevelItem(index)
        room = tree.columnWidth(0) - tree.indentation() - 8
        lines = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, item.text(0)).height()
        assert tree.visualItemRect(item).height() >= lines, (item.text(0), tree.columnWidth(0), lines)
