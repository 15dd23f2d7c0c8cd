"""What the exchange's review dialogs share: the pending changes, the conflicts and the signers.

:class:`ExchangeDialog` holds what all three start with (the window's database read each time, the
core's API, the operations helper for change notices, a sized window with its title, a save line
with the save-state helper). :func:`record_list` makes their list of records (read-only rows, one
selected at a time, Tab leaving the list). :class:`ReviewDialog` is the list-and-detail layout of
the pending changes and the conflicts: the list with its empty note and filter on the left, the
selected record on the right, the save line and the buttons under them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.columns import cell_width, fit_rows
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.common.screen import fit_to_screen
from ui.common.tables import read_only_table

from . import strings as s
from .words import muted

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from ui.common.ops import Ops

    from .api import ExchangeApi

SMALLEST = QSize(760, 420)  # fits a 1366×768 laptop at 150 % scaling


def record_list(headers: Sequence[str], name: str, stretch: int, *, wrap: bool = False) -> QTableWidget:
    """A read-only list of records, a row selected at a time, ``stretch`` taking the room left;
    Tab leaves it. ``wrap``: rows of several lines (no alternating colours then)."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    read_only_table(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(not wrap)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setProperty("stretch", stretch)
    return table


class OneLineDelegate(QStyledItemDelegate):
    """A column's cells on one line, cut with "…" where the column is too narrow (the whole text in
    the item's tooltip): a list of supervisors wrapped over five lines made each row of the pending
    list as tall, three rows in sight (TEST35 T4)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideRight


def one_line_column(table: QTableWidget, column: int) -> None:
    """Draw ``column`` of ``table`` on one line (:class:`OneLineDelegate`); ``fit_rows`` leaves it out."""
    table.setItemDelegateForColumn(column, OneLineDelegate(table))
    table.setProperty("oneLineColumns", [*(table.property("oneLineColumns") or ()), column])


OTHER_SHARE = 0.3  # at most this share of a narrow list for each column beside the record's


def share_columns(table: QTableWidget) -> None:
    """Keep the record's column (``stretch`` of :func:`record_list`) readable in a narrow list:
    every other shown column takes its contents' width but at most :data:`OTHER_SHARE` of the
    list (its text wraps), the record's column the rest; rows as high as their wrapped text."""
    stretch = int(table.property("stretch") or 0)
    header = table.horizontalHeader()
    cap = int(table.viewport().width() * OTHER_SHARE)
    for column in range(table.columnCount()):
        if column == stretch or table.isColumnHidden(column):
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        texts = [item.text() for row in range(table.rowCount()) if (item := table.item(row, column)) is not None]
        wanted = max(cell_width(table, *texts), header.sectionSizeHint(column))
        table.setColumnWidth(column, min(wanted, max(cap, header.sectionSizeHint(column))))
    fit_rows(table)


def section_title() -> QLabel:
    """The selected record's name over its details (texts from a file: shown as plain text)."""
    title = QLabel()
    title.setTextFormat(Qt.TextFormat.PlainText)
    title.setObjectName("sectionTitle")
    title.setWordWrap(True)
    return title


class ExchangeDialog(QDialog):
    """``workspace`` is read each time (the window's database); writes go through ``_saver``, whose
    line is ``save_line``; ``question`` is the confirmation open, if any."""

    def __init__(self, workspace: Callable[[], Workspace], api: ExchangeApi, ops: Ops, parent: QWidget | None,
                 *, title: str, size: QSize) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.api = api
        self.ops = ops
        self.question: QMessageBox | None = None
        self.setWindowTitle(title)
        fit_to_screen(self, size, SMALLEST)
        self.save_line = SaveStateLine("", self)
        self._saver = Saver(self.save_line, self)


class ReviewDialog(ExchangeDialog):
    """The list (``list``, ``empty``, ``filter``) on the left, ``right`` on the right, the save line
    and ``actions`` … close under them. Subclasses fill the list in ``refresh`` (with
    :meth:`fill_list`) and show the selected record in ``_show_selected``."""

    def __init__(self, workspace: Callable[[], Workspace], api: ExchangeApi, ops: Ops, parent: QWidget | None,
                 *, title: str, explain: str, list_: QTableWidget, empty: str, filter_: str) -> None:
        super().__init__(workspace, api, ops, parent, title=title, size=QSize(1300, 680))
        self.explain = muted(explain, wrap=True)
        self.list = list_
        self.list.setWordWrap(True)  # a long record's name goes on two lines rather than cut
        self.list.viewport().installEventFilter(self)
        self.list.horizontalHeader().sectionResized.connect(lambda *_sizes: fit_rows(self.list))
        self.list.currentCellChanged.connect(lambda *_cells: self._show_selected())
        self.filter = QCheckBox(filter_)
        self.filter.toggled.connect(lambda _on: self.refresh())
        self.empty = muted(empty)
        self.close_button = QPushButton(s.CLOSE)
        self.close_button.clicked.connect(self.reject)

    def _lay_out(self, right: QWidget, actions: Sequence[QPushButton], details: Sequence[QWidget | None]) -> None:
        """Place everything; Tab goes from the list to ``actions``, then ``details``, the filter and close."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.filter)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 740])

        # The save line shares the buttons' row (as the senders' window's does): at 150 % a line of
        # its own was taken from the comparison, left its heading and no row (TEST30a B8).
        buttons = QHBoxLayout()
        for button in actions:
            buttons.addWidget(button)
        buttons.addWidget(self.save_line, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.explain)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        chain = [self.list, *actions, *details, self.filter, self.close_button]
        for first, second in zip(chain, chain[1:]):
            if first is not None and second is not None:
                QWidget.setTabOrder(first, second)
        self.ops.notifier.changed.connect(self.on_changes)
        self.refresh()
        self.list.setFocus()

    def fill_list(self, rows: Sequence[Sequence[str]], ids: list[Any], keep: Any, first: int, hidden: int) -> None:
        """Show ``rows`` (texts per column; ``ids`` the records' ids), column ``hidden`` only with the
        filter ticked; select the record ``keep`` again, else the row where the selection was
        (``first`` column current)."""
        row_before = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.list.setItem(row, column, item)
        self.list.blockSignals(False)
        self.list.setColumnHidden(hidden, not self.filter.isChecked())
        share_columns(self.list)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            row = ids.index(keep) if keep in ids else min(row_before, len(ids) - 1)
            self.list.setCurrentCell(row, first)
        self._show_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            share_columns(self.list)
            QTimer.singleShot(0, self.list, lambda: fit_rows(self.list))  # once the record's column has its width
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        raise NotImplementedError

    def on_changes(self, _changes: Any) -> None:
        # Any notice: the list, and the record as it is here now, may have changed.
        self.refresh()

    def _show_selected(self) -> None:
        raise NotImplementedError
