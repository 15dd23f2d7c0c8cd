"""At 150 % on 1366x768 the office's lists shrank to a header and half a row, the text cut through
its middle (try11b F15): the follow-ups (44 read through one cut row), the inspection rounds and the
budget page's items. Each now keeps whole rows; the page scrolls instead."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTreeView

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


def whole_rows(view: QAbstractItemView) -> int:
    """The rows (a tree's items as drawn, children too) shown whole from the top of the list."""
    room = view.viewport().height()
    model = view.model()
    shown = 0
    index = model.index(0, 0)
    while index.isValid():
        rect = view.visualRect(index)
        if rect.top() < 0 or rect.bottom() > room:
            break
        shown += 1
        index = view.indexBelow(index) if isinstance(view, QTreeView) else model.index(index.row() + 1, 0)
    return shown


@pytest.mark.parametrize("scaling", ["125 %", "150 %"])
@pytest.mark.parametrize(("kind", "name"), [("follow_ups", "tree"), ("inspection_rounds", "table"),
                                            ("budget", "items_table"), ("budget", "schools_table")])
def test_the_office_lists_show_whole_rows(qtbot, demo_window: Callable[[QSize | None], MainWindow],  # type: ignore[no-untyped-def]
                                          scaling: str, kind: str, name: str) -> None:
    window = demo_window(WINDOWS[scaling])
    window.navigate(Location(kind))
    qtbot.wait(50)
    page = window.stack.currentWidget()
    view = getattr(page, name)
    assert isinstance(view, (QTableView, QTreeView))
    if kind == "budget" and name == "items_table" and view.model().rowCount() == 0:
        page.schools_table.selectRow(0)
        qtbot.wait(20)
    rows = view.model().rowCount()
    assert rows > 0, f"{kind}: the demo's list is empty"
    assert whole_rows(view) >= min(rows, 2), f"{kind}.{name} shows {whole_rows(view)} whole rows, {view.viewport().height()} px"
    window.shutdown()
