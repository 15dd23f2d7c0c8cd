"""The three tables of the plan tab (goals, indicators, activities): an editable table whose
Delete key asks to remove the row, and the one way their cells are filled (items updated in
place: a fill runs inside the table's own ``itemChanged`` after an edit)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ui.common.digit_spin import DigitSpinBox
from ui.common.digits import shown
from ui.common.locked import show_locked
from ui.common.tables import read_only_table

from .cells import KEY_ROLE

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_BACKGROUND = "#fdecea"
READ_ONLY_INK = "#37474f"
EDITING = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
           | QAbstractItemView.EditTrigger.AnyKeyPressed)


def lock_plan(editable: bool, tables: tuple[QTableWidget, ...], values: tuple[QWidget, ...]) -> None:
    """Open a plan's ``tables`` for editing, or shut them (Tab leaves them either way); its own
    ``values`` (title, years) read locked, dark and unframed, not greyed as if empty (ui34)."""
    for table in tables:
        read_only_table(table, not editable)
        table.setTabKeyNavigation(False)  # PartTable's own: Tab leaves, edited or not
        table.setEditTriggers(EDITING if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
    show_locked(not editable, *values)


class YearSpin(DigitSpinBox):
    """A BE year in the window's digit style; Thai or Arabic digits typed."""


class PartTable(QTableWidget):
    """A plan part's rows, edited in place; Delete (outside an edit) asks to remove the row."""

    remove_requested = Signal()

    def __init__(self, headers: tuple[str, ...], name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(EDITING)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(self.fontMetrics().height() * 4)

    def set_headers(self, headers: list[str]) -> None:
        if self.columnCount() != len(headers):
            self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)

    def fill(self, row: int, column: int, shown: str, record_id: str, *, editable: bool = True,
             key: Any = None, tip: str = "") -> QTableWidgetItem:
        """Set a cell's text (and choice key) in place; read-only cells are not editable."""
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.setItem(row, column, item)
        item.setData(ID_ROLE, record_id)
        item.setData(KEY_ROLE, key)
        item.setText(shown)
        item.setToolTip(tip or shown)
        item.setBackground(QColor(0, 0, 0, 0))
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
        if not editable:
            item.setForeground(QColor(READ_ONLY_INK))
        return item

    def selected_id(self) -> str | None:
        row = self.currentRow()
        if row < 0 or not self.selectionModel().isRowSelected(row):
            return None
        item = self.item(row, 0)
        return None if item is None else item.data(ID_ROLE)

    def select_id(self, record_id: str | None) -> None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(ID_ROLE) == record_id:
                self.selectRow(row)
                return

    def text_at(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return "" if item is None else item.text()

    def rows_shown(self) -> list[list[str]]:
        """Each row's cells as shown."""
        return [[(cell.text() if (cell := self.item(row, column)) is not None else "")
                 for column in range(self.columnCount())] for row in range(self.rowCount())]

    def show_refused(self, record_id: str, column: int, typed: str, reason: str) -> None:
        """Show what was typed in the record's cell, refused: marked, the reason as its tooltip."""
        for row in range(self.rowCount()):
            first = self.item(row, 0)
            item = self.item(row, column)
            if first is not None and first.data(ID_ROLE) == record_id and item is not None:
                item.setText(typed)
                self.mark_refused(item, reason)

    def mark_refused(self, item: QTableWidgetItem, reason: str) -> None:
        """The cell keeps what was typed, marked, with the reason as its tooltip."""
        item.setBackground(QColor(PROBLEM_BACKGROUND))
        item.setToolTip(reason)
