"""Lists of records as every page shows them: one row per record, whole rows selected, Enter
opens; a colour band drawn as a chip with its Thai name, never by colour alone.

Shared by the school list, a school's rounds and visits, and the district dashboard's tables.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QTableWidget,
    QTableWidgetItem,
)

from qualityschool_desktop.framework import Band

# Roles the chip delegate reads, and the record id of a row.
CHIP_ROLE = Qt.ItemDataRole.UserRole + 1  # (text, background colour) drawn as a chip
# A small label after the text: its words (pale yellow), or (words, text colour, background).
TAG_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 4


def readable_text_on(colour: str) -> QColor:
    """Black or white, whichever reads better on the chip colour (yellow needs black)."""
    c = QColor(colour)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return QColor("#1b1b1b") if luminance > 150 else QColor("#ffffff")


def band_chip(band: Band | None) -> tuple[str, str] | None:
    return (band.name, band.colour or "#9e9e9e") if band else None


TAG_PADDING = 16  # inside a tag, both sides
TAG_GAP = 8  # between the cell's text and its tag


def tag_full(metrics: QFontMetrics, tag: str) -> int:
    """The width of ``tag`` drawn whole by :class:`ChipDelegate`, in pixels."""
    return metrics.horizontalAdvance(tag) + TAG_PADDING


def tag_least(metrics: QFontMetrics, tag: str) -> int:
    """The narrowest width to leave for ``tag`` when sizing a column: its first letters and "…"
    (or the tag whole when that is shorter), in pixels."""
    return min(tag_full(metrics, tag), metrics.horizontalAdvance("…") + 3 * metrics.averageCharWidth() + TAG_PADDING)


def tagged_width(metrics: QFontMetrics, text: str, tag: str | tuple[str, str, str] | None, *, whole: bool) -> int:
    """The width of ``text`` and its ``tag`` (TAG_ROLE's value) in a cell, without the cell's
    padding: the tag whole, or (``whole`` False) at its narrowest (:func:`tag_least`)."""
    width = metrics.horizontalAdvance(text)
    if tag:
        words = tag[0] if isinstance(tag, tuple) else tag
        width += TAG_GAP + (tag_full(metrics, words) if whole else tag_least(metrics, words))
    return width


class ChipDelegate(QStyledItemDelegate):
    """Draws CHIP_ROLE as a rounded colour chip with its Thai name, and TAG_ROLE as a grey label
    after the cell text, so a colour band is never told by colour alone."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        chip = index.data(CHIP_ROLE)
        tag = index.data(TAG_ROLE)
        if not chip and not tag:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = opt.fontMetrics
        rect = opt.rect.adjusted(6, 0, -6, 0)
        if chip:
            label, colour = chip
            width = metrics.horizontalAdvance(label) + 20
            height = min(rect.height() - 6, metrics.height() + 4)
            box = QRect(rect.left(), rect.center().y() - height // 2, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(box, height / 2, height / 2)
            painter.setPen(readable_text_on(colour))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        else:
            tag, pen, fill = tag if isinstance(tag, tuple) else (tag, "#8d6e00", "#fff4c2")
            # The text first: the tag takes what is left, cut to its first letters and "…" (the
            # cell's tooltip says it whole), or not drawn when not even "…" fits (TEST26a #2). It
            # never reaches past the cell (at 150 % it covered the school code beside it).
            used = min(metrics.horizontalAdvance(text), rect.width())
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
            painter.drawText(
                rect.adjusted(0, 0, used - rect.width(), 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                text if used >= metrics.horizontalAdvance(text) else  # elidedText may cut an exact fit
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, used),
            )
            tag_width = min(tag_full(metrics, tag), rect.width() - used - TAG_GAP)
            if tag_width >= TAG_PADDING + metrics.horizontalAdvance("…"):
                height = metrics.height()
                box = QRect(rect.left() + used + TAG_GAP, rect.center().y() - height // 2, tag_width, height)
                painter.setPen(QColor(pen))
                painter.setBrush(QColor(fill))
                painter.drawRoundedRect(box, 4, 4)
                whole = tag_width >= tag_full(metrics, tag)  # elidedText may cut an exact fit ("รอตร…", RETEST26 N8)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter,
                                 tag if whole else metrics.elidedText(tag, Qt.TextElideMode.ElideRight,
                                                                      tag_width - TAG_PADDING))
        painter.restore()


def set_up_list_table(table: QTableView, row_height: int) -> QHeaderView:
    """What every list of records shares: whole rows selected one at a time, read-only, striped,
    no grid, one line per row, column names on the left; returns the header for per-list sizing."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    heading = table.horizontalHeader()
    heading.setHighlightSections(False)
    heading.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return heading


def filled_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell the list has filled (Qt's ``item`` may answer None for an empty one)."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


class OpenOnEnterTable(QTableWidget):
    """A list of records where Enter on a row asks to open it (``open_requested``): Qt's
    ``itemActivated`` is not emitted for Enter everywhere."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.open_requested.emit()
            return
        super().keyPressEvent(event)
