"""The indicators table of the plan tab, readable with five yearly targets at 1366×768 (test26b
F2: a 5-year plan had ten year columns of 90 pixels, the table scrolled sideways and the
indicator's name shrank to "ร้อ…"). The year columns are as narrow as their two-line headings
("เป้า" / "๒๕๖๖") and numbers; unit, owner and progress are narrow and end in "…" (the whole text
is the cell's tooltip); the name takes the rest, never less than :data:`NAME_LEAST` pixels, and
wraps (each row as tall as its name). Beyond five years the table scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget

from ui.common.columns import StretchKeeper, heading_width

NAME = 0  # the indicator's name: wraps, takes the room the others leave
NAME_LEAST = 240  # pixels: a name such as "ร้อยละของนักเรียนที่อ่านออกเขียนได้" in two lines
NUMBER_SAMPLE = "๑๐๐.๐"  # a target or an actual (a share in per cent, a count) as wide as they usually are
CELL_PADDING = 12
# Narrow columns whose text ends in "…" (fixed: unit, baseline; tail: owner, progress), in pixels.
UNIT_WIDTH, OWNER_WIDTH, PROGRESS_WIDTH = 72, 110, 150


class OneLine(QStyledItemDelegate):
    """A cell on one line, ending in "…" where it is longer (the table wraps only the name)."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


def prepare(table: QTableWidget) -> None:
    """Once, when the table is made: the name wraps and sets its row's height, other cells one line."""
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setItemDelegate(OneLine(table))
    table.setItemDelegateForColumn(NAME, QStyledItemDelegate(table))
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.name_keeper = StretchKeeper(table, NAME, NAME_LEAST)  # type: ignore[attr-defined]


def fit(table: QTableWidget, years: int) -> None:
    """Column widths for a plan of ``years`` years (headings: 3 fixed, targets, actuals, 2 tail)."""
    number = table.fontMetrics().horizontalAdvance(NUMBER_SAMPLE) + CELL_PADDING
    model = table.model()
    count = table.columnCount()
    for column in range(1, count):
        heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        least = heading_width(table, heading)
        if column == 1:
            width = max(least, UNIT_WIDTH)
        elif column == count - 2:
            width = max(least, OWNER_WIDTH)
        elif column == count - 1:
            width = max(least, PROGRESS_WIDTH)
        else:  # baseline, targets and actuals: numbers
            width = max(least, number)
        table.setColumnWidth(column, width)
    table.name_keeper.fit()  # type: ignore[attr-defined]
