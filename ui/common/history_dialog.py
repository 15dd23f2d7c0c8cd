"""A record's edit history (ประวัติการแก้ไข), newest first: when (BE date and local time), on which
laptop, which field, from what to what. Read only; the feature gives the core's
``edit_history.RecordHistory`` (or the reason it could not be read), the field names and how a
stored value reads, as answers' history shows them (ui/assessment/history_dialog.py)."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.edit_history import RecordHistory
from ui.common import digits
from .tables import read_only_table

COLUMNS = ("เมื่อ", "เครื่อง", "ช่อง", "ค่าเดิม", "ค่าใหม่")
THIS_LAPTOP = "เครื่องนี้"
LAPTOP = "เครื่อง {id}"
CREATED = "สร้างรายการ"
OLDER_GONE = "(การแก้ไขที่ทำก่อนปรับรุ่นโปรแกรมเก็บไว้เฉพาะครั้งล่าสุด ๆ ของรายการนี้)"
NONE = "ยังไม่มีการแก้ไข"
CLOSE = "ปิด"


class EditHistoryDialog(QDialog):
    """The history of one record (Esc or ปิด closes it). ``problem``: why it could not be read
    (shown instead); ``names``: installation id → editor's name ("" for this laptop);
    ``field_names``: column → Thai name; ``value_text(field, value)``: a stored value as shown."""

    def __init__(self, title: str, heading: str, history: RecordHistory | None, problem: str,
                 names: dict[str, str], field_names: dict[str, str], value_text: Callable[[str, Any], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 460)
        history = history or RecordHistory((), True)
        lines = [heading]
        if problem or not history.changes:
            lines.append(problem or NONE)
        elif not history.complete:
            lines.append(OLDER_GONE)
        self._heading = QLabel("\n".join(lines), self)
        self._heading.setWordWrap(True)
        self._heading.setObjectName("historyHeading")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        read_only_table(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # Wrapped values need their rows refitted whenever the columns settle or change width
        # (at opening they settle after showEvent: long texts were cut to "…").
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        for change in reversed(history.changes):
            who = names.get(change.changed_by)
            created = change.field == "created"
            row_cells = (
                digits.moment(change.changed_at),
                THIS_LAPTOP if who == "" else who or LAPTOP.format(id=change.changed_by[:8]),
                CREATED if created else field_names.get(change.field, change.field),
                "" if created else value_text(change.field, change.old_value),
                "" if created else value_text(change.field, change.new_value),
            )
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate(row_cells):
                cell = QTableWidgetItem(value)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(history.changes))
        close = QPushButton(CLOSE, self)
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
