"""The inspection-rounds page (ui/rounds/): the rounds the office defined, defined and changed
from the window through the same core as ``rounds --define``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.rounds.page import RoundsPage
from ui.common.wrapping import plain

from .keyboard import type_text


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def show(qtbot, workspace: Workspace) -> RoundsPage:  # type: ignore[no-untyped-def]
    page = RoundsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_define_refuse_and_change_a_round_from_the_window(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = show(qtbot, memory_workspace)
    assert page.empty.isVisible() and not page.table.isVisible()
    page.year.setValue(2569)
    page.round.setValue(2)
    qtbot.mouseClick(page.define_button, Qt.MouseButton.LeftButton)
    defined = memory_workspace.inspection_rounds.get(2569, 2)
    assert defined.closes_on == "2026-09-30" and defined.layout == "round2"
    assert page.table.rowCount() == 1 and "บันทึกแล้ว" in page.message.text()
    assert page.table.item(0, 2).text() == "๑ เม.ย. ๒๕๖๙ ถึง ๓๐ ก.ย. ๒๕๖๙"
    assert not page.define_button.isEnabled() and page.replace_button.isEnabled()  # it exists now

    page.table.selectRow(0)
    assert page.closes.text() == "๓๐/๙/๒๕๖๙"
    page.closes.clear()
    type_text(page.closes, "15/10/2569")  # after the fiscal year: refused, nothing changed
    qtbot.mouseClick(page.replace_button, Qt.MouseButton.LeftButton)
    assert "นอกปีงบประมาณ ๒๕๖๙ (๑ ต.ค. ๒๕๖๘ ถึง ๓๐ ก.ย. ๒๕๖๙)" in plain(page.message.text())  # BE, the window's digits
    assert memory_workspace.inspection_rounds.get(2569, 2).closes_on == "2026-09-30"
    page.closes.clear()
    type_text(page.closes, "15/8/2569")
    qtbot.mouseClick(page.replace_button, Qt.MouseButton.LeftButton)
    assert memory_workspace.inspection_rounds.get(2569, 2).closes_on == "2026-08-15"
    assert page.table.item(0, 3).text() == "๑๕ ส.ค. ๒๕๖๙" and "บันทึกแล้ว" in page.message.text()
    qtbot.wait(50)
    page.grab().save("/tmp/rounds-page.png")


def test_an_overlapping_round_is_refused_and_the_typed_dates_stay(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    memory_workspace.inspection_rounds.define(2569, 1)  # 1 Oct 2568 - 31 Mar 2569
    page = show(qtbot, memory_workspace)
    page.year.setValue(2569)
    page.round.setValue(2)
    type_text(page.start, "1/3/2569")
    qtbot.mouseClick(page.define_button, Qt.MouseButton.LeftButton)
    said = plain(page.message.text())
    assert "ทับกับรอบที่ ๑ (๑ ต.ค. ๒๕๖๘ ถึง ๓๑ มี.ค. ๒๕๖๙) ของปีงบประมาณ ๒๕๖๙" in said, said
    assert memory_workspace.inspection_rounds.find(2569, 2) is None
    assert page.start.text() == "1/3/2569" and page.round.value() == 2  # what was refused stays to be corrected
    qtbot.wait(50)
    page.grab().save("/tmp/a13-rounds-overlap.png")


def test_the_main_window_offers_the_page(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    from ui.shell.main_window import MainWindow

    memory_workspace.inspection_rounds.define(2569, 1)
    window = MainWindow(memory_workspace)
    qtbot.addWidget(window)
    window.show()
    titles = [action.text() for action in window.findChildren(type(window.menuBar().actions()[0]))]
    assert "รอบการตรวจราชการ" in titles
    [action] = [a for a in window.findChildren(type(window.menuBar().actions()[0])) if a.text() == "รอบการตรวจราชการ"]
    action.trigger()
    assert window.location.kind == "inspection_rounds"
    page = window.page("inspection_rounds")
    assert page is not None and page.table.rowCount() == 1  # type: ignore[attr-defined]


def test_the_page_reads_as_a_finished_page(qtbot, memory_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """TEST32b B8: no bold title like the other pages, text at the window's edge, wide empty bands
    and a four-digit year in a box as wide as the window."""
    for number in (1, 2):
        memory_workspace.inspection_rounds.define(2570, number)
    page = show(qtbot, memory_workspace)
    assert page.title.text() == "รอบการตรวจราชการ" and page.title.font().bold()
    assert page.title.font().pointSizeF() > page.font().pointSizeF()
    margins = page.layout().contentsMargins()
    assert margins.left() >= 16 and margins.right() >= 16  # as the school pages keep
    for box in (page.year, page.round):
        assert box.width() < 200, box.objectName()  # "๒๕๗๐" needs a small box, not 1,050 px
    for field in (page.start, page.end, page.closes):
        assert field.width() < 700
    rows = sum(page.table.rowHeight(row) for row in range(page.table.rowCount()))
    empty = page.table.viewport().height() - rows
    assert empty < 3 * page.table.verticalHeader().defaultSectionSize(), empty  # no empty band under 2 rows
