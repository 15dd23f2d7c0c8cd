"""Rows of the signers window (signers_dialog.py) at most :data:`MAX_LINES` lines high (ui34 #3: a
key bound to several schools with long names, or named by a long school's name, made its row as
tall as all of it, and at 1366×768 one key took most of the list).

A cell whose text wraps onto more lines shows its first lines, the last ending in "…", never a
line cut through its letters (the row is cut at a line's end); its tooltip says the whole text,
then what the cell's own tooltip says (how each school was bound). The items keep their whole
text: the search, the tests and a screen reader read it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QFont, QHelpEvent, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QToolTip, QWidget,
)

from ui.common.columns import cell_width

MAX_LINES = 3
ROW_PADDING = 16  # app.qss: a cell's padding and grid line (as ui.common.columns.keep_rows_in_view)

Index = QModelIndex | QPersistentModelIndex


def wrapped_lines(text: str, font: QFont, room: int) -> list[str]:
    """``text`` as Qt wraps it at its word boundaries in ``room`` pixels, line by line."""
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(room, 1))
            lines.append(paragraph[line.textStart():line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
    return lines


def _room(table: QTableView, index: Index) -> int:
    return table.columnWidth(index.column()) - cell_width(table)


def _cut(table: QTableView, index: Index) -> bool:
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    return bool(text) and len(wrapped_lines(text, table.font(), _room(table, index))) > MAX_LINES


def shown_lines(table: QTableView, index: Index) -> list[str]:
    """The lines the cell at ``index`` shows: all of its wrapped text, or its first
    :data:`MAX_LINES` lines with "…" ending the last."""
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    metrics = table.fontMetrics()
    room = _room(table, index)
    lines = wrapped_lines(text, table.font(), room) if text else []
    if len(lines) <= MAX_LINES:
        return lines
    rest = " ".join(lines[MAX_LINES - 1:])
    last = metrics.elidedText(rest + "…", Qt.TextElideMode.ElideRight, max(room, 1))
    if not last.endswith("…"):
        last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, max(room - metrics.horizontalAdvance("…"), 1)) + "…"
    return [*lines[:MAX_LINES - 1], last]


class AtMostLines(QStyledItemDelegate):
    """Draws a cell's text as :func:`shown_lines` gives it; the whole text is its tooltip."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        lines = shown_lines(self._table, index)
        if not _cut(self._table, index):
            super().paint(painter, option, index)
            return
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.text = ""  # the cell as Qt draws it (background, selection, focus), its lines drawn here
        widget = shown.widget
        style = widget.style() if isinstance(widget, QWidget) else self._table.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)
        metrics = self._table.fontMetrics()
        padding = cell_width(self._table)
        box = QRect(option.rect).adjusted(padding // 2, 0, -(padding - padding // 2), 0)
        top = box.top() + max(0, (box.height() - len(lines) * metrics.lineSpacing()) // 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = index.data(Qt.ItemDataRole.ForegroundRole)
        colour = (option.palette.highlightedText() if selected else ink if isinstance(ink, QBrush)
                  else option.palette.text()).color()
        painter.save()
        painter.setFont(self._table.font())
        painter.setPen(colour)
        for number, line in enumerate(lines):
            painter.drawText(QRect(box.left(), top + number * metrics.lineSpacing(), box.width(), metrics.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
        painter.restore()

    def tip(self, table: QTableView, index: Index) -> str:
        """The cell's tooltip: its whole text first when the cell shows part of it."""
        own = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not _cut(table, index):
            return own
        return "\n\n".join([text, own] if own and own != text else [text])

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: Index) -> bool:
        if event is None or view is None or not index.isValid():
            return super().helpEvent(event, view, option, index)
        tip = self.tip(self._table, index)
        if not tip:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), tip, view)
        return True


def cap_rows(table: QTableView) -> None:
    """Rows no higher than :data:`MAX_LINES` lines (after ``fit_rows``)."""
    most = MAX_LINES * table.fontMetrics().lineSpacing() + ROW_PADDING
    for row in range(table.model().rowCount()):
        if table.rowHeight(row) > most:
            table.setRowHeight(row, most)
