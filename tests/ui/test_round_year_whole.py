"""A round and its year never break apart in the plan tab (issue 11; try11a #13: the suggestions
list broke "ระดับ ๒ ในรอบที่ ๒/" | "๒๕๖๙"). Qt breaks Thai text with libthai, which breaks after a
slash between Thai digits and ignores a word joiner there, so the window names the round the way
the rest of the product does, "ปีงบประมาณ ๒๕๖๙ รอบที่ ๒": a line may end only between words."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption

from ui.plans.tab import PlanPanel
from ui.common.wrapping import plain

from .keyboard import show_active
from .test_plan_tab import submitted_round

pytestmark = pytest.mark.usefixtures("styled_app")

ROUND_SLASH_YEAR = re.compile("[0-9๐-๙]/[0-9๐-๙]")


def lines_at(text: str, font, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    """``text`` broken into lines at ``width`` pixels the way a word-wrapping list or label does."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_the_plan_tab_never_breaks_a_number_in_two(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    submitted_round(memory_workspace, school.id)
    panel = PlanPanel(memory_workspace)
    panel.resize(1300, 560)
    show_active(qtbot, panel)
    panel.show_school(school.id)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    shown = [panel.suggestion_list.item(row).text() for row in range(panel.suggestion_list.count())]
    shown.append(panel.base_label.text())
    shown = [plain(line) for line in shown]
    assert "ปีงบประมาณ ๒๕๖๘ รอบที่ ๑" in shown[0] and "ปีงบประมาณ ๒๕๖๘ รอบที่ ๑" in shown[-1]
    font = panel.suggestion_list.font()
    for text in shown:
        assert not ROUND_SLASH_YEAR.search(text), text
        for width in range(120, 700, 3):
            for before, after in zip(lines_at(text, font, width), lines_at(text, font, width)[1:]):
                # A line ends between words: never inside a run of digits.
                assert not (before.rstrip()[-1:] in "๐๑๒๓๔๕๖๗๘๙/" and before[-1:] != " "
                            and after[:1] in "๐๑๒๓๔๕๖๗๘๙/"), (width, before, after)
