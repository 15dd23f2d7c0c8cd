"""Levels 5 and 3 of items 1.1.3, 1.2.3, 1.3.1 and 1.3.2 open with the same 60 characters; cut to one
line in a short panel (125 %) both read "…มีการป้องกั…" and the director cannot tell them apart
(try11b F14). Cut to one line, such a level shows what differs."""

from __future__ import annotations

from typing import Any

import pytest

from ui.assessment.compact import ClampedLabel, shared_starts

pytestmark = pytest.mark.usefixtures("styled_app")

COMMON = "บ้านพักครูหรือบ้านพักนักเรียน มีโครงสร้างที่มั่นคงแข็งแรง มีการป้องกันภัย "
LEVEL_5 = COMMON + "และเพียงพอต่อความต้องการของครูและนักเรียน"
LEVEL_3 = COMMON + "แต่ไม่เพียงพอต่อความต้องการของครูและนักเรียน"
LEVEL_1 = "ไม่มีบ้านพักครูหรือบ้านพักนักเรียน"


def test_one_line_levels_that_begin_alike_show_what_differs(qtbot: Any) -> None:
    texts = [LEVEL_5, LEVEL_3, LEVEL_1]
    labels = []
    for text, skip in zip(texts, shared_starts(texts)):
        label = ClampedLabel(text)
        qtbot.addWidget(label)
        label.resize(420, 40)
        label.show()
        label.set_skip(skip)
        label.set_lines(1)
        labels.append(label)
    five, three, one = (label.shown_text() for label in labels)
    assert five != three
    assert "และเพียงพอ" in five and "ไม่เพียงพอ" in three
    assert one == LEVEL_1  # short and unlike the others: whole, from its start
    assert labels[0].text() == LEVEL_5 and labels[0].toolTip() == LEVEL_5
    for label in labels:
        label.set_lines(0)
    assert [label.shown_text() for label in labels] == texts  # a tall panel: whole again
