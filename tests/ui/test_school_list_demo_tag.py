"""VERIFY32b B11: the school list's demo badge was cut to stubs at 125 % ("ข้อมูลตัว…") and at 150 %
was an empty "…" pill or missing on some rows, while อำเภอ/สังกัด/ประเมินล่าสุด kept spare room.
The badge reads whole on every row at 100/125/150 %, beside the school's name whole; the name's
tooltip says the whole "ข้อมูลตัวอย่าง"."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize

from ui.common.columns import cell_width
from ui.common.tables import TAG_ROLE, TOOLTIP_ROLE, tag_full, tagged_width
from ui.schools.schools_page import COL_NAME, NAME_LEAST, SchoolsPage, cell
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_demo_badge_reads_whole_on_every_row(qtbot, demo_window: Callable[[QSize | None], MainWindow],  # type: ignore[no-untyped-def]
                                                 scaling: str) -> None:
    window = demo_window(WINDOWS[scaling])
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    qtbot.wait(50)
    table, rows = page.table, page.model.rows
    metrics, padding = table.fontMetrics(), cell_width(table)
    width = table.columnWidth(COL_NAME)
    tagged = [row for row in rows if cell(row, COL_NAME, TAG_ROLE)]
    assert tagged, "the demo's schools carry the badge"
    # Names and badges whole; at 150 % a long name may end in "…" (its tooltip whole), never
    # shorter than "โรงเรียนบ้านแม่ต้าน", the badge whole after it.
    def shown_whole(name: str) -> str:
        if scaling == "150 %":
            return min(name, NAME_LEAST, key=metrics.horizontalAdvance)
        return name

    cut = [str(cell(row, COL_NAME)) for row in tagged
           if width + 1 < padding + tagged_width(metrics, shown_whole(str(cell(row, COL_NAME))),
                                                 cell(row, COL_NAME, TAG_ROLE), whole=True)]
    badge = str(cell(tagged[0], COL_NAME, TAG_ROLE))
    tip = str(cell(tagged[0], COL_NAME, TOOLTIP_ROLE))
    window.shutdown()
    assert cut == [], f"at {scaling} the name column ({width} px) cuts the name or its badge: {cut}"
    assert tag_full(metrics, badge) > 0 and "ข้อมูลตัวอย่าง" in tip
