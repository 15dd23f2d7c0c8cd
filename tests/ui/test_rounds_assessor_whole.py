"""VERIFY32b B11: the school page's rounds list cut the assessor "นายบุญเลิศ ทองดี (ผู้อำนวยกา…" at
125 % and to "(…" at 150 %. The name reads whole at 100/125/150 %; the role stays beside it where
there is room, else in the cell's tooltip."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize

from ui.common.columns import cell_width
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_assessors_name_reads_whole(qtbot, demo_window: Callable[[QSize | None], MainWindow],  # type: ignore[no-untyped-def]
                                        scaling: str) -> None:
    from ui.assessment.rounds_tab import COL_ASSESSOR

    window = demo_window(WINDOWS[scaling])
    workspace = window.workspace
    school_id = next(s.id for s in workspace.schools.list()
                     if any(a.assessor_role for a in workspace.assessments.for_school(s.id)))
    window.navigate(Location("school", school_id))
    qtbot.wait(50)
    tab = window.page("school").tab("rounds")
    table = tab.table
    metrics, padding = table.fontMetrics(), cell_width(table)
    width = table.columnWidth(COL_ASSESSOR)
    seen = []
    for row, assessment in enumerate(tab.rounds):
        item = table.item(row, COL_ASSESSOR)
        seen.append((assessment.assessor_name, assessment.assessor_role, item.text(), item.toolTip(),
                     metrics.horizontalAdvance(item.text()) + padding))
    window.shutdown()
    for name, role, shown, tip, needs in seen:
        assert name in shown, (name, shown)
        assert needs <= width + 1, f"at {scaling} '{shown}' needs {needs}, the column has {width}"
        if role:
            assert role in shown or role in tip, (role, shown, tip)
