"""s32 (U10): the school list, the first page, at 150 % cut the office's review status to "รอต…"
(รอตรวจ), the area office to "สพป.ต…เขต ๑" and the schools' names, while จังหวัด (one province in
the demo) kept its column. The names read whole (a demo tag after them may be cut: its tooltip and
the note above say it), the statuses and offices whole; at 100 and 125 % too."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize

from ui.common.columns import cell_width
from ui.common.tables import TAG_ROLE, tagged_width
from ui.schools.schools_page import COL_BAND, COL_LATEST, COL_NAME, COL_OFFICE, SchoolsPage, cell
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS
from .test_school_list_narrow import band_seen_whole

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_names_statuses_and_offices_read_whole(qtbot, demo_window: Callable[[QSize | None], MainWindow],  # type: ignore[no-untyped-def]
                                               scaling: str) -> None:
    window = demo_window(WINDOWS[scaling])
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    qtbot.wait(50)
    table, rows = page.table, page.model.rows
    metrics, padding = table.fontMetrics(), cell_width(table)

    def needs(column: int, *, tag: bool) -> int:
        return padding + max(tagged_width(metrics, str(cell(row, column) or ""),
                                          cell(row, column, TAG_ROLE) if tag else None, whole=True) for row in rows)

    cut = {name: (table.columnWidth(column), need) for name, column, need in (
        ("names", COL_NAME, needs(COL_NAME, tag=False)),
        ("statuses", COL_LATEST, needs(COL_LATEST, tag=True)),
        ("offices", COL_OFFICE, needs(COL_OFFICE, tag=False)),
    ) if table.columnWidth(column) + 1 < need}
    assert cut == {}, f"(width, needs) at {scaling}: {cut}"
    assert any(cell(row, COL_LATEST, TAG_ROLE) for row in rows)  # the demo has statuses to read
    assert table.horizontalScrollBar().maximum() == 0 and band_seen_whole(page)
    assert not table.isColumnHidden(COL_BAND)
    window.shutdown()
