"""VERIFY32b (task ui33 #4): the follow-ups page at 150 % showed only about three rows of its list
(the page's other parts took the height). The list has room for at least six rows at 100/125/150 %,
and it is no taller than what the window shows at once (scrolled to it, every one of them in sight)."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_list_shows_six_rows(qtbot, demo_window: Callable[[QSize | None], MainWindow],  # type: ignore[no-untyped-def]
                                 scaling: str) -> None:
    window = demo_window(WINDOWS[scaling])
    window.navigate(Location("follow_ups"))
    QApplication.processEvents()
    qtbot.wait(50)
    tree = window.page("follow_ups").tree
    top = tree.topLevelItem(0)
    assert top is not None
    row = tree.visualItemRect(top).height()
    rows = tree.viewport().height() // row
    area = window.stack.parentWidget()
    assert area is not None
    in_sight = area.height()
    height = tree.height()
    window.shutdown()
    assert rows >= 6, f"at {scaling} the list has room for {rows} rows ({row} px each)"
    assert height <= in_sight, f"the list ({height} px) is taller than what the window shows ({in_sight} px)"
