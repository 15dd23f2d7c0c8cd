"""The page's two tables: 6.3's rows (problem | solution | expected result, the office's order,
add / remove / move) and 6.2 2)'s model schools (one row per quality school: a tick and the
reason). A cell is saved when its editor closes (Enter, Tab, a click elsewhere); the saver keeps
the save state honest and shows the stored table again when a save is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.collation import thai_key
from qualityschool_desktop.inspection.office_texts import PROBLEM_COLUMNS
from qualityschool_desktop.inspection.texts import ModelSchool, ProblemText

from ui.common.digits import shown
from ui.common.tables import read_only_table

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.schools import School

ID_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(True)
    table.setWordWrap(True)
    table.setTabKeyNavigation(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.setMinimumHeight(150)
    return table


def _number_rows(table: QTableWidget) -> None:
    """The rows' numbers in the window's digits (Qt's own are Arabic: RETEST13 N5)."""
    table.setVerticalHeaderLabels([shown(number) for number in range(1, table.rowCount() + 1)])


class ProblemsTable(QWidget):
    """6.3: ``cell_edited(row, column key, text)``, ``add``, ``remove(row)``, ``move(row, to)``."""

    cell_edited = Signal(int, str, str)
    add_requested = Signal()
    remove_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.table = _table(text.PROBLEMS_HEADER)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._changed)
        self.add_button = QPushButton(text.ADD_ROW)
        self.remove_button = QPushButton(text.REMOVE_ROW)
        self.up_button = QPushButton(text.UP)
        self.down_button = QPushButton(text.DOWN)
        self.add_button.clicked.connect(lambda _c=False: self.add_requested.emit())
        self.remove_button.clicked.connect(lambda _c=False: self._on_row(self.remove_requested.emit))
        self.up_button.clicked.connect(lambda _c=False: self._on_row(lambda row: self.move_requested.emit(row, row - 1)))
        self.down_button.clicked.connect(
            lambda _c=False: self._on_row(lambda row: self.move_requested.emit(row, row + 1)))
        buttons = self.buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_button_row(self, button: QPushButton) -> None:
        """Add ``button`` after the row buttons ("เลิกทำ")."""
        self.buttons.insertWidget(4, button)

    def _on_row(self, action: Callable[[int], None]) -> None:
        row = self.table.currentRow()
        if row >= 0:
            action(row)

    def show_rows(self, rows: list[ProblemText], current: int | None = None) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(rows))
            _number_rows(self.table)
            for index, row in enumerate(rows):
                for column, key in enumerate(PROBLEM_COLUMNS):
                    self.table.setItem(index, column, QTableWidgetItem(getattr(row, key)))
            self.table.resizeRowsToContents()
        finally:
            self._filling = False
        if current is not None and 0 <= current < len(rows):
            self.table.setCurrentCell(current, 0)

    def _changed(self, item: QTableWidgetItem) -> None:
        if not self._filling:
            self.cell_edited.emit(item.row(), PROBLEM_COLUMNS[item.column()], item.text())

    def set_editable(self, editable: bool) -> None:
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(editable)
        if not editable:
            read_only_table(self.table)


class ModelsTable(QWidget):
    """6.2 2): ``changed(school id, marked, reason)`` when a tick or a reason changes."""

    changed = Signal(str, bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.table = _table(text.MODELS_HEADER)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def show_schools(self, schools: list[School], models: list[ModelSchool]) -> None:
        marked = {model.school_id: model.reason for model in models}
        ordered = sorted(schools, key=lambda s: (thai_key(s.area_office), thai_key(s.district), thai_key(s.name)))
        self._filling = True
        try:
            self.table.setRowCount(len(ordered))
            _number_rows(self.table)
            for index, school in enumerate(ordered):
                tick = QTableWidgetItem("")
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                tick.setCheckState(Qt.CheckState.Checked if school.id in marked else Qt.CheckState.Unchecked)
                tick.setData(ID_ROLE, school.id)
                district = QTableWidgetItem(school.district)
                name = QTableWidgetItem(school.name)
                for item in (district, name):
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(index, 0, tick)
                self.table.setItem(index, 1, district)
                self.table.setItem(index, 2, name)
                self.table.setItem(index, 3, QTableWidgetItem(marked.get(school.id, "")))
            self.table.resizeRowsToContents()
        finally:
            self._filling = False

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row = item.row()
        tick, reason = self.table.item(row, 0), self.table.item(row, 3)
        if tick is None or reason is None:
            return
        marked = tick.checkState() == Qt.CheckState.Checked
        if item.column() == 3 and not marked:
            return  # a reason for a school not ticked is kept in the cell until it is ticked
        self.changed.emit(str(tick.data(ID_ROLE)), marked, reason.text())

    def set_editable(self, editable: bool) -> None:
        if not editable:
            self.table.setEnabled(False)
