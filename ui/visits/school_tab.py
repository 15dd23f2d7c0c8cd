"""A school's supervision visits, newest first: the "การนิเทศ ติดตาม" tab of the school page."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import day as shown_day
from ui.common.digits import shown
from qualityschool_desktop.visit_owners import owned_elsewhere
from qualityschool_desktop.visit_records import VISIT_TYPES, Visit
from qualityschool_desktop.workspace import Workspace
from ui.common.columns import fit_columns
from ui.common.edit_blocks import shut_if_read_only
from ui.common.tables import OpenOnEnterTable, set_up_list_table
from ui.shell.api import SchoolTab

from . import strings as text
from .sections import DONE_INK

ID_ROLE = Qt.ItemDataRole.UserRole
COL_DATE, COL_TYPE, COL_VISITORS, COL_STATUS, COL_OPEN = range(5)


class SchoolVisitsPanel(SchoolTab):
    """Lists the visits of the school shown; asks its feature to start or open one."""

    new_visit = Signal(str)  # school id
    open_visit = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school_id: str | None = None
        self.visits: list[Visit] = []
        title = QLabel(text.VISITS_TITLE, self)
        title.setObjectName("sectionTitle")
        self.new_button = QPushButton(text.NEW_VISIT, self)
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(text.NEW_VISIT_TIP)
        self.new_button.clicked.connect(lambda: self.school_id and self.new_visit.emit(self.school_id))
        shut_if_read_only(workspace.read_only, self.new_button)
        self.open_button = QPushButton(text.OPEN_VISIT, self)
        self.open_button.setToolTip(text.OPEN_VISIT_TIP)
        self.open_button.clicked.connect(self._open_selected)
        actions = QHBoxLayout()
        actions.addWidget(title)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.new_button)

        self.table = OpenOnEnterTable(0, len(text.VISIT_HEADERS), self)
        self.table.setObjectName("visitsTable")
        self.table.setHorizontalHeaderLabels(list(text.VISIT_HEADERS))
        set_up_list_table(self.table, self.fontMetrics().height() + 10)  # the font holds the marks
        self._columns = fit_columns(self.table, COL_VISITORS, {
            COL_DATE: 190, COL_TYPE: 170, COL_STATUS: 250, COL_OPEN: 190}, stretch_min=200)
        self.table.itemActivated.connect(lambda _item: self._open_selected())
        self.table.open_requested.connect(self._open_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(text.NO_VISITS, self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)

    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        keep = select_id or (self.selected_id() if school_id == self.school_id else None)
        self.school_id = school_id
        self.visits = self.workspace.visits.for_school(school_id)
        still_open = Counter(f.visit_id for f in self.workspace.follow_ups.for_school(school_id, open_only=True))
        self.table.setRowCount(len(self.visits))
        target = 0
        for row, visit in enumerate(self.visits):
            visitors = ", ".join(p.name for p in self.workspace.visits.people(visit.id, "visitor") if p.name)
            count = still_open.get(visit.id, 0)
            status = text.STATUS.get(visit.status, visit.status)
            elsewhere = owned_elsewhere(self.workspace.db, self.workspace.installation_id, visit)
            cells = {
                COL_DATE: shown_day(visit.visited_date),
                COL_TYPE: VISIT_TYPES.get(visit.visit_type, visit.visit_type),
                COL_VISITORS: visitors,
                COL_STATUS: text.STATUS_ELSEWHERE.format(status=status) if elsewhere else status,
                COL_OPEN: text.OPEN_COUNT.format(count=shown(count)) if count else text.NONE_OPEN,
            }
            for column, value in cells.items():
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, visit.id)
                if column == COL_STATUS and visit.is_final:
                    item.setForeground(QColor(DONE_INK))
                if elsewhere:  # another laptop recorded it: it opens read-only (issue 10)
                    item.setToolTip(text.MADE_ELSEWHERE_TIP)
                self.table.setItem(row, column, item)
            if visit.id == keep:
                target = row
        self.table.setVisible(bool(self.visits))
        self.empty_label.setVisible(not self.visits)
        if self.visits:
            self.table.selectRow(target)
        self._update_buttons()

    def holds(self, record_id: str | None) -> bool:
        """One of this school's visits, or one of them just deleted (its page then opens on this tab)."""
        if any(visit.id == record_id for visit in self.visits):
            return True
        try:
            found = self.workspace.visits.get(str(record_id), include_deleted=True) if record_id else None
            return found is not None and found.school_id == self.school_id
        except QualitySchoolError:  # a round's id, or a record gone
            return False

    def on_changes(self, school_id: str, changes: Changes) -> None:
        if changes.any_visits or changes.any_follow_ups:
            self.show_school(school_id)

    def focus_list(self) -> None:
        self.table.setFocus()

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.visits) or not self.table.selectionModel().isRowSelected(row):
            return None
        return self.visits[row].id

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def _open_selected(self) -> None:
        chosen = self.selected_id()
        if chosen:
            self.open_visit.emit(chosen)
