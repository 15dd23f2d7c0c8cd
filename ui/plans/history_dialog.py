"""The edit history of a plan or one of its goals, indicators or activities (ประวัติการแก้ไข),
newest first: when (BE date and local time), on which laptop, which field, from what to what.
Read only: the core's ``plans.history.part_history`` and ``Answers.editor_names``, as the answers'
history shows them (ui/assessment/history_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.plans.history import PartHistory, part_history
from qualityschool_desktop.workspace import Workspace
from ui.common import digits

from . import cells
from . import strings as text


class PlanHistoryDialog(QDialog):
    """The history of one record of ``table`` (Esc or ปิด closes it)."""

    def __init__(self, workspace: Workspace, table: str, record_id: str, heading: str, goal_names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planHistoryDialog")
        self.setWindowTitle(text.HISTORY_TITLE)
        self.resize(900, 460)
        try:
            history = part_history(workspace.db, table, record_id)
            names = workspace.answers.editor_names()
            problem = ""
        except QualitySchoolError as error:
            history, names, problem = PartHistory((), True), {}, digits.shown_text(error)
        lines = [heading]
        if problem or not history.changes:
            lines.append(problem or text.HISTORY_NONE)
        elif not history.complete:
            lines.append(text.HISTORY_OLDER_GONE)
        self._heading = QLabel("\n".join(lines), self)
        self._heading.setWordWrap(True)
        self._heading.setObjectName("historyHeading")
        self.table = QTableWidget(0, len(text.HISTORY_COLUMNS), self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(list(text.HISTORY_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for change in reversed(history.changes):
            who = names.get(change.changed_by)
            created = change.field == "created"
            row_cells = (
                digits.moment(change.changed_at),
                text.HISTORY_THIS_LAPTOP if who == "" else who or text.HISTORY_LAPTOP.format(id=change.changed_by[:8]),
                text.HISTORY_CREATED if created else text.FIELD_NAMES.get(change.field, change.field),
                "" if created else cells.history_value(change.field, change.old_value, goal_names),
                "" if created else cells.history_value(change.field, change.new_value, goal_names),
            )
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate(row_cells):
                cell = QTableWidgetItem(value)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(history.changes))
        close = QPushButton(text.HISTORY_CLOSE, self)
        close.clicked.connect(self.accept)
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        (self.table if history.changes else close).setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Fit the rows to the width the dialog opened at."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def heading_text(self) -> str:
        return self._heading.text()

    def rows_shown(self) -> list[tuple[str, ...]]:
        """Each row's cells as shown (when, laptop, field, old value, new value), newest first."""
        return [tuple((cell.text() if (cell := self.table.item(row, column)) is not None else "")
                      for column in range(self.table.columnCount())) for row in range(self.table.rowCount())]
