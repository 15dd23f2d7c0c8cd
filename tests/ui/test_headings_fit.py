"""Issue 11 (DOCS finding): one-line column headings cut at 1366x768, at 100 % and 125 % display
scaling: the office budget's totals read "ดรวมตา" for "ยอดรวมตาม", the projects' list
"งบตามแผน (บาท)" and "เบิกจ่ายจริง (บาท)" lost their ends. The check (tests/ui/fit.py) only
looked at headings of several lines."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHeaderView, QTableWidget

from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .fit import cut_off_texts

# The window maximised on a 1366x768 screen above a 40-pixel taskbar, in logical pixels.
WINDOWS = {"100 %": QSize(1366, 768 - 40), "125 %": QSize(round(1366 / 1.25), round((768 - 40) / 1.25))}


pytestmark = pytest.mark.usefixtures("styled_app")


def cut_headings(window: MainWindow) -> list[str]:
    return [problem for problem in cut_off_texts(window.stack.currentWidget(), one_line_headings=True) if problem.startswith("heading")]


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_office_pages_headings_are_whole(qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(WINDOWS[scaling])
    found = []
    for kind in ("budget", "office_projects"):
        window.navigate(Location(kind))
        qtbot.wait(30)
        found += [f"{kind}: {problem}" for problem in cut_headings(window)]
    window.shutdown()
    assert not found, "\n".join(found)


def test_the_check_sees_a_cut_heading_of_one_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["ยอดรวมตามสังกัด", "จำนวนเงิน (บาท)"])
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setColumnWidth(0, 40)
    table.setColumnWidth(1, 300)
    table.resize(400, 200)
    table.show()
    qtbot.waitExposed(table)
    [problem] = cut_off_texts(table, one_line_headings=True)
    assert "ยอดรวมตามสังกัด" in problem
