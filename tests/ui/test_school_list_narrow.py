"""The school list on a small screen (TEST30b B4): on an 800x800 screen the window is 784x720 and
the list's กลุ่มสี column was off its right edge, with a second scroll bar under the page; one long
อำเภอ made its column wide for every row while every school's name was cut. Now the page fits,
กลุ่มสี is whole on the list, and a long district is cut rather than the names."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize

from ui.schools.schools_page import COL_BAND, COL_DISTRICT, COL_NAME, COL_PROVINCE, DISTRICT_MOST, NAME_LEAST, SchoolsPage
from ui.shell.main_window import MainWindow

from .fit import page_overflow
from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")

SCREEN_800 = QSize(784, 720)  # an 800x800 screen less the window's frame and a taskbar
LONG_DISTRICT = "อำเภอที่มีชื่อยาวมากจริงๆ เพื่อทดสอบความกว้าง"


def band_seen_whole(page: SchoolsPage) -> bool:
    table = page.table
    right = table.columnViewportPosition(COL_BAND) + table.columnWidth(COL_BAND)
    return table.columnViewportPosition(COL_BAND) >= 0 and right <= table.viewport().width()


@pytest.mark.parametrize("long_district", [False, True])
@pytest.mark.parametrize("size", [SCREEN_800, WINDOWS["150 %"]], ids=["800x800", "150 %"])
def test_the_colour_band_stays_on_a_narrow_list(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], size: QSize, long_district: bool) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(size)
    if long_district:
        workspace = window.workspace
        school = workspace.schools.list()[0]
        workspace.schools.update(school.id, district=LONG_DISTRICT)
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    page.refresh()
    qtbot.wait(50)  # the columns are fitted again after a refill
    wider, _taller = page_overflow(window.stack)
    assert wider == 0, f"the page is {wider} px wider than the window"
    assert page.table.horizontalScrollBar().maximum() == 0 and band_seen_whole(page), "กลุ่มสี is off the list"
    metrics = page.table.fontMetrics()
    assert page.table.columnWidth(COL_NAME) >= metrics.horizontalAdvance(NAME_LEAST)
    # A long district is cut (its tooltip says it whole), not every school's name.
    assert page.table.columnWidth(COL_DISTRICT) < metrics.horizontalAdvance(DISTRICT_MOST) + 30
    window.shutdown()


def test_a_second_province_brings_its_column_back(qtbot, demo_window: Callable[[QSize | None], MainWindow]) -> None:  # type: ignore[no-untyped-def]
    """At 800 px จังหวัด is left out while every school is in one province (it tells none apart);
    a school of another province brings it back, กลุ่มสี still on the list."""
    window = demo_window(SCREEN_800)
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    qtbot.wait(50)
    assert page.table.isColumnHidden(COL_PROVINCE) and band_seen_whole(page)
    workspace = window.workspace
    workspace.schools.update(workspace.schools.list()[0].id, province="แม่ฮ่องสอน")
    page.refresh()
    qtbot.wait(50)
    assert not page.table.isColumnHidden(COL_PROVINCE) and page.table.columnWidth(COL_PROVINCE) > 0
    assert page.table.horizontalScrollBar().maximum() == 0 and band_seen_whole(page)
    window.shutdown()


def test_sizing_the_list_shapes_each_different_text_once(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: Thai is shaped anew at every measure, so sizing the columns measures each
    different text once (one cache of widths, ``MeasuredFont``), and the widths are as before."""
    from ui.common import tables
    from ui.schools import schools_page

    window = demo_window(SCREEN_800)
    page = window.stack.currentWidget()
    assert isinstance(page, SchoolsPage)
    qtbot.wait(50)
    before = [page.table.columnWidth(column) for column in range(page.table.model().columnCount())]
    shaped: list[str] = []

    class Counting(tables.MeasuredFont):
        def __init__(self, metrics) -> None:  # type: ignore[no-untyped-def]
            class Counted:
                def horizontalAdvance(self, text: str) -> int:  # noqa: N802
                    shaped.append(text)
                    return metrics.horizontalAdvance(text)

                def averageCharWidth(self) -> int:  # noqa: N802
                    return metrics.averageCharWidth()
            super().__init__(Counted())  # type: ignore[arg-type]

    monkeypatch.setattr(schools_page, "MeasuredFont", Counting)
    page.refresh()
    qtbot.wait(50)
    assert shaped and len(shaped) == len(set(shaped))
    assert [page.table.columnWidth(column) for column in range(page.table.model().columnCount())] == before
    window.shutdown()
