"""RETEST30 B8 (the rest): at 150 % on a 1366x768 laptop the conflict window showed its comparison
as ~1½ rows (the "แก้ไขที่เครื่อง" row cut mid-line); with "แสดงทุกช่องข้อมูล" the table had its
own scroll bar inside the scrolled side (two scroll bars, one in the other); why both "ใช้ฉบับนี้"
were greyed was below the fold while the text at the top said to press them; the list's "พบเมื่อ"
wrapped over three lines. A person must read every row whole with one scroll bar at most, see
why the buttons are off without scrolling, never be told to press a greyed button, and read the
list's date on one line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from qualityschool_desktop.exchange import signing
from tests.laptops import Laptop, laptops, two_laptops_of_the_school  # noqa: F401 (fixture)
from ui.common.columns import cell_width
from ui.exchange.conflicts_dialog import COL_FOUND, ConflictsDialog

from .test_conflicts_window_fit import conflict_window
from .test_exchange_dialogs_150 import AT_150, whole_rows
from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")

Laptops = Callable[[str], Laptop]
SIZES = [AT_150, (1093, 534), (1300, 680)]  # 150 %, 125 %, 100 %


def scrolling(dialog: QWidget) -> list[QAbstractScrollArea]:
    """The dialog's scroll areas that show a vertical scroll bar (something to scroll)."""
    return [area for area in dialog.findChildren(QAbstractScrollArea)
            if area.isVisible() and area.verticalScrollBar().isVisible() and area.verticalScrollBar().maximum() > 0]


def nested(areas: list[QAbstractScrollArea]) -> list[tuple[str, str]]:
    """Pairs of scrolling areas one inside the other."""
    return [(outer.objectName(), inner.objectName()) for outer in areas for inner in areas
            if inner is not outer and outer.isAncestorOf(inner)]


def seen_whole(widget: QWidget, dialog: QWidget) -> bool:
    """``widget`` lies whole inside every scroll area around it (no scrolling needed to read it)
    and inside the dialog."""
    rect = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
    if not dialog.rect().contains(rect):
        return False
    for area in dialog.findChildren(QAbstractScrollArea):
        if area.isAncestorOf(widget):
            port = area.viewport()
            if not QRect(port.mapTo(dialog, QPoint(0, 0)), port.size()).contains(rect):
                return False
    return True


def named_laptops_conflict(qtbot: Any, laptops: Laptops, tmp_path: Path) -> tuple[Any, ConflictsDialog]:  # noqa: F811
    """The district's conflict window on an answer both of a school's laptops changed, each laptop
    named as a person names it (the "แก้ไขที่เครื่อง" row wraps in a narrow column)."""
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop, level, name in ((a1, 4, "ห้องธุรการ โรงเรียนบ้านแม่สอด"), (a2, 2, "โน้ตบุ๊กครูวิชาการ")):
        with laptop.open() as workspace:
            signing.set_own_name(name)
            workspace.answers.set_level(ids["assessment"], ids["item"], level)
            workspace.answers.flush_pending()
    district.import_(a2.export("a2-1.qsx"))
    district.import_(a1.export("a1-1.qsx"))
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.conflicts_action.trigger()  # type: ignore[union-attr]
    return window, wait_for_dialog(qtbot, controller, ConflictsDialog)


def rows_cut(table: Any) -> list[tuple[str, int, int]]:
    """Cells whose text, wrapped in its column, needs more height than its row has."""
    metrics = table.fontMetrics()
    padding = cell_width(table)
    cut = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            text = table.item(row, column).text()
            needed = metrics.boundingRect(0, 0, table.columnWidth(column) - padding, 100_000,
                                          0x1000, text).height()  # Qt.TextFlag.TextWordWrap
            if needed > table.rowHeight(row):
                cut.append((text, needed, table.rowHeight(row)))
    return cut


@pytest.mark.parametrize("size", SIZES)
def test_every_row_whole_with_one_scroll_bar_at_most(
        qtbot: Any, laptops: Laptops, tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: F811
    window, dialog = named_laptops_conflict(qtbot, laptops, tmp_path)
    dialog.resize(*size)
    qtbot.wait(50)
    table = dialog.versions.table
    for all_fields in (False, True):
        dialog.versions.all_fields.setChecked(all_fields)
        qtbot.wait(50)
        dialog.grab().save(str(tmp_path / f"conflicts-{size[0]}-{all_fields}.png"))
        assert table.rowCount() >= (3 if all_fields else 2)
        assert rows_cut(table) == [], all_fields  # each row as high as its text
        assert whole_rows(table) == table.rowCount(), (all_fields, table.viewport().height())
        assert nested(scrolling(dialog)) == [], all_fields
    window.shutdown()


@pytest.mark.parametrize("size", SIZES)
def test_why_the_buttons_are_off_is_seen_without_scrolling_and_nothing_says_press_them(
        qtbot: Any, laptops: Laptops, tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: F811
    window, dialog, _a1, _a2 = conflict_window(qtbot, laptops, tmp_path)  # at the district: the school chooses
    dialog.resize(*size)
    qtbot.wait(50)
    buttons = [dialog.versions.left_button, dialog.versions.right_button]
    assert all(button is not None and not button.isEnabled() for button in buttons)
    for all_fields in (False, True):
        dialog.versions.all_fields.setChecked(all_fields)
        qtbot.wait(50)
        note = dialog.refusal_note
        assert note.isVisible() and "เลือกฉบับที่เครื่องนี้ไม่ได้" in note.text()
        assert seen_whole(note, dialog), (all_fields, note.geometry())
        said = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        assert not [text for text in said if "ใช้ฉบับนี้" in text], said
    window.shutdown()


@pytest.mark.parametrize("size", SIZES)
def test_the_list_s_found_date_reads_on_one_line(
        qtbot: Any, laptops: Laptops, tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: F811
    window, dialog, _a1, _a2 = conflict_window(qtbot, laptops, tmp_path)
    dialog.resize(*size)
    qtbot.wait(50)
    table = dialog.list
    metrics = QFontMetricsF(table.font())  # not rounded: a date 83.2 pixels wide wraps in 83
    for resolved_too in (False, True):  # the state's column beside it
        dialog.show_resolved.setChecked(resolved_too)
        qtbot.wait(50)
        item = table.item(0, COL_FOUND)
        assert "๒๕๖" in item.text() or "256" in item.text(), item.text()  # a Buddhist-Era date
        assert "\n" not in item.text()
        room = table.columnWidth(COL_FOUND) - cell_width(table)  # less the padding and margins
        assert metrics.horizontalAdvance(item.text()) <= room, (item.text(), room)
        assert "เวลา" in item.toolTip()  # the moment whole, on pointing at it
    window.shutdown()


def test_at_150_percent_on_a_1366x768_laptop_every_row_is_whole_and_the_reason_seen(tmp_path: Path) -> None:
    """As a person opens it at 150 % (Qt scaled in a process of its own): the maker row kept one
    line's height there while its text wrapped onto two, and the reason was below the fold."""
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    done = subprocess.run([sys.executable, "-m", "tests.ui.conflicts_at_150", str(tmp_path)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["size"][0] <= 911 and found["size"][1] <= 485, found["size"]  # fitted to the screen at 150 %
    for shown in ("differing", "all"):
        seen = found[shown]
        assert seen["cut"] == [], (shown, seen)
        assert seen["whole_rows"] == seen["rows"] >= 2, (shown, seen)
        assert seen["nested"] == [], (shown, seen)
        assert seen["reason_seen"] and seen["buttons_on"] == [False, False], (shown, seen)


def test_the_wheel_over_the_comparison_scrolls_the_side(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    """The table has no scroll bar of its own now: the wheel over it moves the one scroll bar."""
    from PySide6.QtWidgets import QScrollArea
    from PySide6.QtTest import QTest

    window, dialog = named_laptops_conflict(qtbot, laptops, tmp_path)
    dialog.resize(*AT_150)
    dialog.versions.all_fields.setChecked(True)
    qtbot.wait(50)
    side = dialog.findChild(QScrollArea, "conflictDetails")
    bar = side.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    port = dialog.versions.table.viewport()
    at = port.mapTo(dialog, QPoint(port.width() // 2, 10))  # on its first row
    assert dialog.childAt(at) is port
    QTest.wheelEvent(dialog.windowHandle(), QPointF(at), QPoint(0, -120))  # as the system sends it
    qtbot.wait(20)
    assert bar.value() > 0
    window.shutdown()
