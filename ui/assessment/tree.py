"""The checklist tree of the assessment view: components, indicators and items, each item with
its completion mark and each heading with its count of answered items.

It only shows things; the view (``ui/assessment/view.py``) hands it the stored answers.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from qualityschool_desktop.answers import Answer
from qualityschool_desktop.framework import Framework, Item
from ui.common.digits import shown

from . import strings as text

# What a tree row stands for: (kind, code) in Qt.UserRole.
ROW_ROLE = Qt.ItemDataRole.UserRole
# The item row's completion state ("answered", "not_applicable", "empty"), for tests and tools.
MARK_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_COLOURS = {"answered": "#2e7d32", "not_applicable": "#6d4c41", "empty": "#9e9e9e"}


def mark_of(answer: Answer | None) -> str:
    if answer is None or not answer.is_answered:
        return "empty"
    return "not_applicable" if answer.not_applicable else "answered"


def _row_text(template: str, code: str, title: str) -> str:
    """A row's text: its number in the window's digit style, the official wording as written."""
    return template.format(code=shown(code), title=title)


def _item_tip(item: Item) -> str:
    """An item row's tooltip: its title and the official form's number (in the window's digits)."""
    official = text.OFFICIAL_NUMBER.format(number=shown(item.official_number)) if item.official_number else ""
    return f"{item.title}\n{official}".strip()


class ItemTree(QTreeWidget):
    """``rows`` maps (kind, code) to the row: kind is component, indicator or item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.setObjectName("itemTree")
        self.setColumnCount(2)
        self.setHeaderLabels(list(text.TREE_HEADER))
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumWidth(300)

    def fill(self, framework: Framework, answers: Mapping[str, Answer]) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        for component in framework.components:
            component_row = QTreeWidgetItem(self, [_row_text(text.COMPONENT_ROW, component.code, component.title), ""])
            component_row.setData(0, ROW_ROLE, ("component", component.code))
            component_row.setToolTip(0, component.title)
            component_row.setFont(0, bold)
            component_row.setFont(1, bold)
            self.rows[("component", component.code)] = component_row
            for indicator in component.indicators:
                indicator_row = QTreeWidgetItem(
                    component_row, [_row_text(text.INDICATOR_ROW, indicator.code, indicator.title), ""]
                )
                indicator_row.setData(0, ROW_ROLE, ("indicator", indicator.code))
                indicator_row.setToolTip(0, f"{indicator.title}\n{indicator.description}".strip())
                self.rows[("indicator", indicator.code)] = indicator_row
                for item in indicator.items:
                    item_row = QTreeWidgetItem(indicator_row, [_row_text(text.ITEM_ROW, item.code, item.title)])
                    item_row.setData(0, ROW_ROLE, ("item", item.code))
                    item_row.setToolTip(0, _item_tip(item))
                    item_row.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                    self.rows[("item", item.code)] = item_row
                    self.show_mark(item.code, answers.get(item.code))
        self.expandAll()

    def relabel(self, framework: Framework) -> None:
        """Write the rows' numbers again in the window's digit style (after it changed)."""
        for component in framework.components:
            self.rows[("component", component.code)].setText(
                0, _row_text(text.COMPONENT_ROW, component.code, component.title))
            for indicator in component.indicators:
                self.rows[("indicator", indicator.code)].setText(
                    0, _row_text(text.INDICATOR_ROW, indicator.code, indicator.title))
                for item in indicator.items:
                    self.rows[("item", item.code)].setText(0, _row_text(text.ITEM_ROW, item.code, item.title))
                    self.rows[("item", item.code)].setToolTip(0, _item_tip(item))

    def show_mark(self, item_code: str, answer: Answer | None) -> None:
        row = self.rows[("item", item_code)]
        mark = mark_of(answer)
        symbol = {"answered": text.MARK_ANSWERED, "not_applicable": text.MARK_NOT_APPLICABLE}.get(
            mark, text.MARK_EMPTY
        )
        row.setText(1, symbol)
        row.setData(0, MARK_ROLE, mark)
        row.setForeground(1, QColor(MARK_COLOURS[mark]))
        row.setToolTip(1, text.MARK_TIPS[mark])

    def mark(self, item_code: str) -> str:
        return str(self.rows[("item", item_code)].data(0, MARK_ROLE))

    def show_counts(self, framework: Framework, answers: Mapping[str, Answer]) -> dict[str, tuple[int, int]]:
        """Write "answered/total" on the headings; returns (answered, total) per component code."""
        counts: dict[str, tuple[int, int]] = {}
        for component in framework.components:
            answered = sum(1 for item in component.items if mark_of(answers.get(item.code)) != "empty")
            counts[component.code] = (answered, len(component.items))
            self._show_count(self.rows[("component", component.code)], answered, len(component.items))
            for indicator in component.indicators:
                found = sum(1 for item in indicator.items if mark_of(answers.get(item.code)) != "empty")
                self._show_count(self.rows[("indicator", indicator.code)], found, len(indicator.items))
        return counts

    @staticmethod
    def _show_count(row: QTreeWidgetItem, answered: int, total: int) -> None:
        row.setText(1, text.TREE_COUNT.format(answered=shown(answered), total=shown(total)))
        row.setForeground(1, QColor(MARK_COLOURS["answered" if answered == total else "empty"]))
