"""The answer history of one item (ประวัติการแก้ไข, issue 11): every recorded change, newest first,
with when (Buddhist-Era date and local time), on which laptop, which part of the answer and its new
value; when the stored text was cleaned from what the person typed (Thai marks in a wrong but
common order), the typed text shows below it as "พิมพ์ว่า …". Read only: the core's
``Answers.history`` and ``exchange.editors.editor_names``; numbers in the window's digit style."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.answers import HistoryEntry
from qualityschool_desktop.framework import Item
from ui.common import digits
from ui.common.columns import cell_width
from ui.common.tables import read_only_table

from . import strings as text


def _attachment_name(value: str) -> str:
    """An attachment's history value is "name (sha256)": the name a person knows."""
    return value.rsplit(" (", 1)[0]


def value_text(item: Item, entry: HistoryEntry) -> str:
    """What the change made the answer, as the history shows it (several lines for typed text)."""
    new = entry.new_value
    if entry.field == "level":
        if new is None:
            return text.HISTORY_LEVEL_CLEARED
        level = item.level(int(new)) if new.isdigit() else None
        return text.WEAKEST_LEVEL.format(level=digits.shown(new), label=level.label if level else "").strip()
    if entry.field == "not_applicable":
        return text.HISTORY_NA_ON if new == "1" else text.HISTORY_NA_OFF
    if entry.field == "attachment":
        if new is not None:
            return text.HISTORY_ATTACHED.format(name=_attachment_name(new))
        return text.HISTORY_DETACHED.format(name=_attachment_name(entry.old_value or ""))
    shown = new if new else text.HISTORY_TEXT_CLEARED
    if entry.typed is not None and entry.typed != new:
        shown += "\n" + text.HISTORY_TYPED.format(typed=entry.typed)
    return shown


class HistoryDialog(QDialog):
    """The history of ``item`` in one assessment (``round_id``), newest first (Esc or ปิด closes it);
    rows of a round typed for the school that gave way to it say so."""

    def __init__(self, item: Item, entries: list[HistoryEntry], names: dict[str, str],
                 parent: QWidget | None = None, *, round_id: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(text.HISTORY_TITLE)
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        number = digits.shown(item.code)
        if item.official_number:
            number += " " + text.OFFICIAL_NUMBER.format(number=digits.shown(item.official_number))
        heading = text.HISTORY_HEADING.format(number=number, title=item.title)
        if not entries:
            heading += "\n" + text.HISTORY_NONE
        self._heading = QLabel(heading, self)
        self._heading.setWordWrap(True)
        self._heading.setObjectName("historyHeading")
        layout.addWidget(self._heading)

        self.table = QTableWidget(0, len(text.HISTORY_COLUMNS), self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(list(text.HISTORY_COLUMNS))
        read_only_table(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(text.HISTORY_COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for entry in reversed(entries):
            who = names.get(entry.changed_by)
            cells = (
                digits.moment(entry.changed_at),
                text.HISTORY_THIS_LAPTOP if who == "" else who or text.HISTORY_LAPTOP.format(id=entry.changed_by[:8]),
                text.HISTORY_FIELDS.get(entry.field, entry.field),
                value_text(item, entry) + (  # a typed round's row, kept after it gave way (try27 F5)
                    "\n" + text.HISTORY_TYPED_ROUND if round_id and entry.assessment_id != round_id else ""),
            )
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, cell)
        # Qt's "to contents" leaves out app.qss's cell padding, so a laptop's "vm · กุญแจ C2B8-BC71…"
        # lost its last letters to a second "…" (TEST29b B7): each column as wide as its widest cell.
        for column in range(len(text.HISTORY_COLUMNS) - 1):
            shown = [found.text() for row in range(self.table.rowCount()) if (found := self.table.item(row, column))]
            width = max(header.sectionSize(column), max((cell_width(self.table, *lines.split("\n")) for lines in shown),
                                                         default=0))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # Rows as tall as their text at the width the table has now (the value column stretches).
        header.sectionResized.connect(lambda *_sizes: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(entries))
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(text.HISTORY_CLOSE, self)
        close.setObjectName("historyCloseButton")
        close.clicked.connect(self.accept)
        close.setDefault(True)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        (self.table if entries else close).setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Fit the rows to the width the dialog opened at."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Fit the rows again to the value column's new width."""
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def heading_text(self) -> str:
        """The heading as shown: the item's number and title (and that it has no history yet)."""
        return self._heading.text()

    def rows_shown(self) -> list[tuple[str, ...]]:
        """Each row's cells as shown (when, laptop, part of the answer, new value), newest first."""
        return [tuple((cell.text() if (cell := self.table.item(row, column)) is not None else "")
                      for column in range(self.table.columnCount()))
                for row in range(self.table.rowCount())]
