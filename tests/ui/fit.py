"""What is cut off in a window: texts narrower than they need, windows larger than the screen.

Used by the layout tests (``tests/ui/test_scaling.py``) and by ``scripts/screenshots.py``, which
lists what it finds at each display scaling. A text is *cut off* when a shown button, label, check
box, radio button or tab is narrower (or, for a wrapped label, lower) than its text needs: Qt then
clips it ("ยละเอียดการประเมิน" for "รายละเอียดการประเมิน"); so is a list's heading (one line or
several) wider than its column; so is a list (table or tree) whose columns need more
than its width while it shows no horizontal scroll bar (the results table at 150 %: its กลุ่มสี
column cut at the right edge, nothing to scroll with). A label that shortens itself with "…" and
carries its whole text as its tooltip (``ui.common.elided_label.ElidedLabel``) is not cut off.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QHeaderView, QLabel, QScrollArea, QTableView, QTabBar,
    QTreeView, QWidget,
)

from ui.common.elided_label import ElidedLabel

SLACK = 1  # rounding of fractional widths at 125 % and 150 %


def _name(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {text.replace(chr(10), ' ')[:60]!r}"


def _clipped_by_scroll_area(widget: QWidget) -> bool:
    """Inside a scroll area a widget may reach beyond the viewport: the user scrolls to it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _elides_with_tooltip(label: QLabel) -> bool:
    return isinstance(label, ElidedLabel) and bool(label.toolTip())


def cut_off_texts(root: QWidget, *, one_line_headings: bool = False) -> list[str]:
    """Every shown text under ``root`` (``root`` included) that its widget cuts off, described.
    A list's one-line headings are checked too with ``one_line_headings`` (whole at 100, 125 and
    150 % on the pages ``test_headings_fit.py`` visits)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() + SLACK < widget.sizeHint().width():
                found.append(f"{_name(widget, widget.text())} is {widget.width()} wide, needs "
                             f"{widget.sizeHint().width()}")
        elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if _elides_with_tooltip(widget):
                continue
            if widget.wordWrap():
                needs = widget.heightForWidth(widget.width())
                if needs > widget.height() + SLACK and not _clipped_by_scroll_area(widget):
                    found.append(f"{_name(widget, widget.text())} is {widget.height()} high at width "
                                 f"{widget.width()}, needs {needs}")
            elif widget.width() + SLACK < widget.sizeHint().width():
                found.append(f"{_name(widget, widget.text())} is {widget.width()} wide, needs "
                             f"{widget.sizeHint().width()}")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            found += _cut_headings(widget, one_line=one_line_headings)
            found += _cut_columns(widget)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                rect = widget.tabRect(index)
                if rect.width() + SLACK < widget.tabSizeHint(index).width():
                    found.append(f"tab {widget.tabText(index)!r} is {rect.width()} wide, needs "
                                 f"{widget.tabSizeHint(index).width()}")
    return found


HEADING_PADDING = 8  # app.qss: QHeaderView::section's padding on each side


def _cut_columns(header: QHeaderView) -> list[str]:
    """A list whose columns together are wider than what it shows, with no horizontal scroll bar
    to reach the rest: the columns on the right are cut off."""
    view = header.parentWidget()
    while view is not None and not isinstance(view, QAbstractItemView):
        view = view.parentWidget()
    if view is None or header.count() == 0:
        return []
    room = view.viewport().width()
    needs = header.length()
    if needs <= room + SLACK or view.horizontalScrollBar().isVisible():
        return []
    model = header.model()
    last = next((column for column in reversed(range(header.count())) if not header.isSectionHidden(column)), 0)
    heading = str(model.headerData(last, Qt.Orientation.Horizontal) or "") if model is not None else ""
    return [f"{type(view).__name__} {view.objectName()!r} is {room} wide, its columns need {needs}, "
            f"no scroll bar: {heading.replace(chr(10), ' ')[:30]!r} cut"]


def _cut_headings(header: QHeaderView, *, one_line: bool = False) -> list[str]:
    """A list's headings wider than their column: Qt cuts a line of a heading mid-letter, on both
    sides when it is centred (the office budget's "ยอดรวมตามสังกัด" read "ดรวมตา"), one line or
    several."""
    model = header.model()
    if model is None:
        return []
    font = QFont(header.font())
    font.setBold(True)  # as app.qss draws a heading
    metrics = QFontMetrics(font)
    found = []
    for column in range(header.count()):
        if header.isSectionHidden(column) or header.sectionSize(column) <= 0:
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if not text or ("\n" not in text and not one_line):
            continue
        room = header.sectionSize(column) - 2 * HEADING_PADDING
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if widest > room + SLACK:
            found.append(f"heading {text.replace(chr(10), ' / ')[:60]!r} is {room} wide, needs {widest}")
    return found


def larger_than_screen(window: QWidget) -> list[str]:
    """``window`` (a top-level window) larger than the screen's available area, or unable to shrink to it."""
    screen = window.screen() or QApplication.primaryScreen()
    available = screen.availableGeometry()
    found = []
    smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
    if smallest.width() > available.width() or smallest.height() > available.height():
        found.append(f"{type(window).__name__} cannot be smaller than {smallest.width()}x{smallest.height()}, "
                     f"the screen has {available.width()}x{available.height()}")
    if window.width() > available.width() or window.height() > available.height():
        found.append(f"{type(window).__name__} is {window.width()}x{window.height()}, "
                     f"the screen has {available.width()}x{available.height()}")
    return found


def squeezed_widgets(root: QWidget) -> list[str]:
    """Shown widgets under ``root`` given less room than their layout's minimum (their contents
    then overlap or are cut), the innermost of each such chain only."""
    squeezed = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.layout() is None:
            continue
        hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        if widget.width() + SLACK < hint.width() or widget.height() + SLACK < hint.height():
            squeezed.append(widget)
    inner = [widget for widget in squeezed
             if not any(other is not widget and widget.isAncestorOf(other) for other in squeezed)]
    return [f"{type(widget).__name__} {widget.objectName()!r} is {widget.width()}x{widget.height()}, needs "
            f"{widget.minimumSizeHint().width()}x{widget.minimumSizeHint().height()}" for widget in inner]


def page_overflow(stack: QWidget) -> tuple[int, int]:
    """How much wider and taller than its scroll area's viewport the page shown in ``stack`` (the
    window's ``PageStack``) needs to be: (0, 0) when it fits."""
    viewport = stack.parentWidget()
    assert viewport is not None
    needs = stack.minimumSizeHint()
    wider = max(0, needs.width() - viewport.width())
    height = stack.heightForWidth(max(viewport.width(), needs.width()))
    return wider, max(0, max(height, needs.height()) - viewport.height())


# A Buddhist-Era year in a cell ("๒๕๖๙", "2569"): a date or a round, which must read whole.
BE_YEAR = re.compile(r"[๒2][๔๕45][๐-๙0-9]{2}")
CELL_PADDING = 12  # app.qss: an item's padding on each side, and the grid line


def cut_dates_in_lists(root: QWidget) -> list[str]:
    """Every cell of a shown list under ``root`` that holds a year (a date, a round) and is wider
    than its column so that Qt's "…" takes the year ("ปีงบฯ ๒๕๖…", "๒๓ พฤศจิกายน ๒…"), or that
    is shortened without its whole text as its tooltip."""
    found: list[str] = []
    for view in [*root.findChildren(QTableView), *root.findChildren(QTreeView)]:
        model = view.model()
        if model is None or not view.isVisibleTo(root) or view.width() <= 0:
            continue
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        if not view.isVisible():
            continue
        metrics = view.fontMetrics()
        for row in range(min(model.rowCount(view.rootIndex()), 60)):
            for column in range(model.columnCount(view.rootIndex())):
                if header.isSectionHidden(column):
                    continue
                index = model.index(row, column, view.rootIndex())
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                if not BE_YEAR.search(text) or "\n" in text:
                    continue
                room = header.sectionSize(column) - CELL_PADDING
                if isinstance(view, QTreeView) and column == 0:
                    room -= view.indentation()
                if metrics.horizontalAdvance(text) <= room + SLACK:
                    continue
                seen = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
                tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                if not all(year in seen for year in BE_YEAR.findall(text)) or tip.find(text) < 0:
                    found.append(f"{type(view).__name__} {view.objectName()!r} cell {text[:40]!r} is "
                                 f"{room} wide, needs {metrics.horizontalAdvance(text)}: shows {seen!r}")
    return found
