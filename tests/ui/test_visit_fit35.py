"""fit35 (TEST34C C6) on the demo data at 100/125/150 % of 1366×768.

- เทียบกับการประเมินตนเอง: the comparison's five component rows (องค์ประกอบ / โรงเรียน / ศึกษานิเทศก์ /
  ผลต่าง / ความเห็น) are all in sight once the window's page is scrolled to the table: the section
  does not scroll a box of its own (it gave the table 1–2 rows at 150 %, in a box 120 px high).
- ข้อตกลงและการติดตาม on a confirmed visit at 150 %: "ยังไม่เสร็จ" and "ลบข้อตกลง" showed a sliver at the
  right edge; every button is whole (they wrap onto a second row).
"""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QScrollArea, QWidget

from ui.common.screen import FRAME
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS

pytestmark = pytest.mark.usefixtures("styled_app")


def _open_section(qtbot, window: MainWindow, final: bool, section: str) -> QWidget:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    visits = [v for s in workspace.schools.list() for v in workspace.visits.for_school(s.id)]
    visit = next(v for v in visits if v.is_final == final)
    window.navigate(Location("visit", visit.id))
    view = window.stack.currentWidget()
    view.go_to_section(section)
    QApplication.processEvents()
    qtbot.wait(50)
    return view


def _page_scroll(window: MainWindow) -> QScrollArea:
    area = window.stack.parentWidget()
    assert area is not None and isinstance(area.parentWidget(), QScrollArea)
    return area.parentWidget()  # type: ignore[return-value]


def _own_scrolls(widget: QWidget, page: QScrollArea) -> list[str]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea) and parent.verticalScrollBar().isVisible():
            found.append(f"{type(parent).__name__} {parent.objectName()!r} around it scrolls on its own")
        parent = parent.parentWidget()
    return found


def _comparison_out_of_sight(window: MainWindow) -> list[str]:
    view = window.stack.currentWidget()
    tree = view.comparison.tree
    page = _page_scroll(window)
    found = _own_scrolls(tree, page)
    if tree.verticalScrollBar().isVisible():
        found.append("the table scrolls on its own")
    seen = page.viewport()
    bar = page.verticalScrollBar()
    bar.setValue(bar.value() + tree.mapTo(seen, tree.rect().topLeft()).y())  # the table's top at the window's
    QApplication.processEvents()
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        rect = tree.visualItemRect(item)
        top = tree.viewport().mapTo(seen, rect.topLeft()).y()
        if rect.isEmpty() or rect.bottom() > tree.viewport().height() or top < 0 or top + rect.height() > seen.height():
            found.append(f"{item.text(0)[:20]!r} at {top}-{top + rect.height()} of {seen.height()}")
        metrics = QFontMetrics(item.font(0))
        room = tree.columnWidth(0) - tree.indentation() - 8
        lines = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, item.text(0)).height()
        if rect.height() < lines:
            found.append(f"{item.text(0)[:20]!r} cut: {rect.height()} px for {lines}")
    return found


@pytest.mark.parametrize("scaling", list(WINDOWS))
@pytest.mark.parametrize("final", [False, True], ids=["draft", "confirmed"])
def test_the_comparison_rows_are_in_sight_after_scrolling_the_page(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str, final: bool) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(WINDOWS[scaling] - FRAME)
    view = _open_section(qtbot, window, final, "comparison")
    assert view.comparison.tree.topLevelItemCount() == 5
    found: list[str] = []
    try:
        qtbot.waitUntil(lambda: _comparison_out_of_sight(window) == [], timeout=3000)
    except Exception:  # noqa: BLE001 — pytest-qt's TimeoutError: what is still wrong is said below
        found = _comparison_out_of_sight(window)
    window.shutdown()
    assert found == [], f"at {scaling}: {found}"


def _cut_buttons(window: MainWindow) -> list[str]:
    view = window.stack.currentWidget()
    panel = view.follow_ups
    area = panel.parentWidget()  # the section's viewport
    assert area is not None
    cut = []
    for button in panel.findChildren(QPushButton):
        if not button.isVisibleTo(panel):
            continue
        left = button.mapTo(area, button.rect().topLeft()).x()
        if left < 0 or left + button.width() > area.width() or button.width() < button.sizeHint().width():
            cut.append(f"{button.text()} at {left}-{left + button.width()} of {area.width()}")
    return cut


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_follow_up_buttons_of_a_confirmed_visit_are_whole(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(WINDOWS[scaling] - FRAME)
    _open_section(qtbot, window, True, "follow_ups")
    found: list[str] = []
    try:
        qtbot.waitUntil(lambda: _cut_buttons(window) == [], timeout=3000)
    except Exception:  # noqa: BLE001
        found = _cut_buttons(window)
    window.shutdown()
    assert found == [], f"at {scaling}: {found}"


def _cut_cells(window: MainWindow) -> list[str]:
    from ui.common.columns import cell_width

    table = window.stack.currentWidget().follow_ups.carried
    cut = []
    for row in range(table.rowCount()):
        for column in (2, 3, 4):  # กำหนดเสร็จ, ตกลงเมื่อ, สถานะ
            cell = table.item(row, column)
            if cell is not None and cell_width(table, cell.text()) > table.columnWidth(column):
                cut.append(f"{cell.text()!r}: {table.columnWidth(column)} px for {cell_width(table, cell.text())}")
    return cut


@pytest.mark.parametrize("scaling", list(WINDOWS))
def test_the_earlier_follow_ups_keep_their_dates_and_status_whole(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str) -> None:  # type: ignore[no-untyped-def]
    """fit35c (TEST35 T7): at 150 % the table of earlier follow-ups read "ดำเนินกา…" and "๑๗ ส.ค. …":
    the dates and the status keep their whole text, the action gives way."""
    window = demo_window(WINDOWS[scaling] - FRAME)
    view = _open_section(qtbot, window, False, "follow_ups")
    table = view.follow_ups.carried
    assert table.rowCount() > 0
    found: list[str] = []
    try:
        qtbot.waitUntil(lambda: _cut_cells(window) == [], timeout=3000)
    except Exception:  # noqa: BLE001 — pytest-qt's TimeoutError: what is still cut is said below
        found = _cut_cells(window)
    window.shutdown()
    assert found == [], f"at {scaling}: {found}"


def test_an_overdue_due_day_keeps_its_date_and_words_whole_at_150(
        qtbot, demo_window: Callable[[QSize | None], MainWindow]) -> None:  # type: ignore[no-untyped-def]
    """RETEST35 R2: at 150 % an overdue due cell ("๑๖ ก.ย. ๒๕๖๙  (เลยกำหนด)", in red) was cut inside its
    date ("๑๖ ก.ย. ๒๕๖…"): the column's floor was the date alone."""
    from datetime import date, timedelta

    window = demo_window(WINDOWS["150 %"] - FRAME)
    workspace = window.workspace
    visits = [v for s in workspace.schools.list() for v in workspace.visits.for_school(s.id)]
    draft = next(v for v in visits if not v.is_final)
    earlier = next(v for v in visits if v.school_id == draft.school_id and v.visited_on < draft.visited_on)
    if earlier.is_final:
        workspace.visits.reopen(earlier.id, "เพิ่มข้อตกลงที่ลืม")
    workspace.follow_ups.add(earlier.id, "ส่งแผนนิเทศภายในที่ปรับแล้ว",
                             due_on=date.fromisoformat(draft.visited_on) - timedelta(days=3))
    workspace.visits.finalise(earlier.id)
    view = _open_section(qtbot, window, False, "follow_ups")
    table = view.follow_ups.carried
    overdue = [table.item(row, 2).text() for row in range(table.rowCount()) if "เลยกำหนด" in table.item(row, 2).text()]
    assert overdue
    found: list[str] = []
    try:
        qtbot.waitUntil(lambda: _cut_cells(window) == [], timeout=3000)
    except Exception:  # noqa: BLE001 — pytest-qt's TimeoutError: what is still cut is said below
        found = _cut_cells(window)
    window.shutdown()
    assert found == []
