"""The projects page at 150 % on a 1366x768 screen (try15 F14): the page was wider than the window
(a sideways scroll bar for the whole page), the office picker and the print button cut at the
right edge, and every project's name shown as "โครงการ..."."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QWidget

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


def _inside(widget: QWidget, window: QWidget) -> bool:
    right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
    return widget.isVisible() and right <= window.width()


@pytest.mark.parametrize("scaling", ["100 %", "150 %"])
def test_the_projects_page_fits_the_window(qtbot: Any, demo_window: Callable[[QSize | None], MainWindow],
                                          scaling: str) -> None:
    window = demo_window(WINDOWS[scaling])
    window.navigate(Location("office_projects"))
    qtbot.wait(50)
    page = window.page("office_projects")
    assert page is not None
    window.grab().save(f"/tmp/f15b-projects-{scaling[:3]}.png")
    assert page.width() <= window.width()
    assert _inside(page.office_box, window) and _inside(page.pdf_button, window)
    table = page.table
    metrics = table.fontMetrics()
    name = table.item(0, 1).text()
    # enough of each name to tell them apart: more than "โครงการ" and the ellipsis
    assert table.columnWidth(1) >= metrics.horizontalAdvance(name[:16]) + 12, table.columnWidth(1)
    if scaling == "100 %":  # TEST25 #5: the grids show whole rows, and every column without scrolling sideways
        row = next(r for r, p in enumerate(page.projects) if len(p.activities) >= 3)
        table.setCurrentCell(row, 1)
        qtbot.wait(50)
        for grid in (page.parts["activities"], page.lines):
            assert grid.rowCount() and not grid.horizontalScrollBar().isVisible()
            assert grid.horizontalScrollBar().maximum() == 0, grid.horizontalHeaderItem(0).text()
            assert grid.viewport().height() >= sum(grid.rowHeight(r) for r in range(grid.rowCount()))
    window.shutdown()
