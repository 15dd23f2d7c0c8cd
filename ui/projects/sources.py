"""A budget line's source in the projects editor: a choice, not free text (test26b F12).

The first cell of the budget grid used to be typed: blank meant the owner's own budget, "สพฐ."
money allocated by OBEC, anything else another agency, so a typo ("สพ.") moved the project into
the report's "other agencies" section without a word. Now the cell opens an editable list with the
owner's own budget and OBEC's allocation named, an agency's name still typed; each row's tooltip and
the line under the grid say in which of the report's groups the line and the project fall.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from qualityschool_desktop.projects import Project
from qualityschool_desktop.projects.progress import group_of

from . import strings as text


def own_cell(school: bool) -> str:
    """The words for the owner's own budget: the school's, or the area office's."""
    return text.OWN_SCHOOL_CELL if school else text.OWN_OFFICE_CELL


def source_cell(line: dict[str, Any], school: bool = False) -> str:
    """A budget line's first cell: the owner's own budget named (a school's or an office's),
    "จัดสรรจาก สพฐ." for money allocated by OBEC, else the other agency's name."""
    if line["source"] == "obec":
        return text.OBEC_CELL
    return line["agency"] if line["source"] == "agency" else own_cell(school)


def source_of(first: str) -> str:
    """The core's source ("own", "obec", "agency") of a typed or chosen first cell."""
    first = " ".join(first.split())
    return "obec" if first in text.OBEC_WORDS else "own" if first in text.OWN_WORDS else "agency"


def line_tip(first: str) -> str:
    """A row's tooltip: which of the report's groups a line with this source counts in."""
    source = source_of(first)
    return text.LINE_GROUP_TIPS[source].format(agency=" ".join(first.split()))


def project_group_note(project: Project) -> str:
    """The line under the budget grid: the report's group the project falls in, and why."""
    key = group_of(project)
    return text.PROJECT_GROUP.format(group=text.GROUP_TITLES[key], why=text.GROUP_WHY[key].format(
        agencies=", ".join(project.agencies)))


class SourceDelegate(QStyledItemDelegate):
    """The budget grid's source column: an editable list (own budget, OBEC's allocation, or an
    agency's name typed), with a hint in its empty field. ``school`` picks the own budget's words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.school = False

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        """Qt's call: the list to choose the source from."""
        box = QComboBox(parent)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems([own_cell(self.school), text.OBEC_CELL])
        box.setToolTip(text.SOURCE_TIP)
        box.lineEdit().setPlaceholderText(text.SOURCE_HINT)  # type: ignore[union-attr]
        box.activated.connect(lambda _i: self._chosen(box))  # a choice from the list ends the edit
        return box

    def _chosen(self, box: QComboBox) -> None:
        if box.property("ended"):
            return
        box.setProperty("ended", True)
        self.commitData.emit(box)
        self.closeEditor.emit(box, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        """Qt's call: the cell's text into the list's field, selected so typing replaces it."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        editor.lineEdit().selectAll()  # type: ignore[union-attr]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802 (Qt's name)
                     index: QModelIndex | QPersistentModelIndex) -> None:
        """Qt's call: the chosen or typed source back into the cell (blank: the own budget)."""
        assert isinstance(editor, QComboBox)
        typed = " ".join(editor.currentText().split())
        model.setData(index, typed or own_cell(self.school), Qt.ItemDataRole.EditRole)


__all__ = ["SourceDelegate", "line_tip", "own_cell", "project_group_note", "source_cell", "source_of"]
