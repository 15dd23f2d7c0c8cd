"""The closing sections of the visit view: follow-up actions (those carried from earlier visits
and those agreed now) and the signatures with the record's finalise/reopen history.

Like ``ui/visits/panels.py`` these only show things and report what the user did; the view calls
the core. Filling never emits the "changed" signals.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.follow_ups import STATUSES, FollowUp
from qualityschool_desktop.thai import format_date
from qualityschool_desktop.framework import Framework
from qualityschool_desktop.visit_records import Person, VisitEvent
from qualityschool_desktop.visit_revisions import Revision, change_text
from ui.common.columns import cell_width, fit_columns
from ui.common.date_fields import ThaiDateEdit
from ui.common.digits import day as shown_day
from ui.common.digits import follow as digits_follow
from ui.common.digits import local_moment
from ui.common.digits import shown as digits_shown
from ui.common.digits import styled
from ui.common.flow import header_layout
from ui.common.locked import show_locked
from ui.common.save_lines import FieldNote
from ui.common.tables import filled_item
from ui.common.widgets import section_label

from . import strings as text
from .panels import ID_ROLE, button, plain_table
from .scope_combo import ScopeCombo

OVERDUE_INK = "#a3261c"
DONE_INK = "#2e7d32"
DEFAULT_DUE_DAYS = 30  # a new due date starts a month after the visit: the usual coaching cycle


# A short date of every month in either digits: the day columns are measured on the widest.
DAY_SAMPLES = tuple(format_date(date(2026, month, 28), short=True, style=style)
                    for month in range(1, 13) for style in ("thai", "arabic"))


def due_text(follow_up: FollowUp, today: date) -> str:
    due = follow_up.due_date
    if due is None:
        return text.FOLLOW_UP_NO_DUE
    shown = shown_day(due, short=True)
    return f"{shown}  ({text.OVERDUE})" if follow_up.is_overdue(today) else shown


class FollowUpsPanel(QWidget):
    """What the school agreed to do: the open actions carried from earlier visits (mark them done
    or dropped here) and the actions agreed on this visit (add, edit, remove)."""

    status_requested = Signal(str, str)  # follow-up id, status
    add_requested = Signal()
    remove_requested = Signal(str)
    changed = Signal(str, dict)  # follow-up id, keyword arguments for follow_ups.update

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self._agreed: list[FollowUp] = []
        self.theirs: frozenset[str] = frozenset()  # carried follow-ups of visits another laptop made
        self.visit_day = date.today()
        self.today = date.today()
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 12, 8)
        column.setSpacing(4)

        # Each head's buttons wrap onto a second line where the section is narrow: at 150 % on a
        # confirmed visit "ยังไม่เสร็จ" and "ลบข้อตกลง" showed a sliver at its right edge (TEST34C C6).
        carried_head = header_layout([section_label(text.CARRIED, self)], [])
        self.done_button = button(text.MARK_DONE, text.MARK_DONE_TIP, "markDoneButton", self)
        self.dropped_button = button(text.MARK_DROPPED, text.MARK_DROPPED_TIP, "markDroppedButton", self)
        self.open_button = button(text.MARK_OPEN, text.MARK_OPEN_TIP, "markOpenButton", self)
        for widget, status in ((self.done_button, "done"), (self.dropped_button, "dropped"), (self.open_button, "open")):
            widget.clicked.connect(lambda _checked=False, status=status: self._status(status))
            carried_head.addWidget(widget)
        column.addLayout(carried_head)
        self.carried = plain_table(text.CARRIED_HEADERS, self)
        self.carried.setObjectName("carriedTable")
        # The other columns narrow before the action does, in a narrow pane (150 %: "สิ่" was left of it).
        # The agreed day and the status keep their whole text, the due day at least its date (TEST35 T7:
        # at 150 % "ดำเนินกา…", "๑๗ ส.ค. …"); the action gives way to them.
        day = cell_width(self.carried, *DAY_SAMPLES)
        # An overdue due day says so after its date: then its floor is the whole of that (RETEST35 R2: at
        # 150 % "๑๖ ก.ย. ๒๕๖…" in red, the suffix taken inside the floor of the date alone).
        self._due_floors = (day, cell_width(self.carried, *(f"{sample}  ({text.OVERDUE})" for sample in DAY_SAMPLES)))
        self._carried_fit = fit_columns(
            self.carried, 0, {1: 170, 2: 170, 3: day, 4: cell_width(self.carried, *STATUSES.values())},
            stretch_min=200, keep=frozenset({3, 4}), floors={2: day})
        self.carried.setFixedHeight(150)
        self.carried.itemSelectionChanged.connect(self._update_buttons)
        self.carried_empty = QLabel(text.CARRIED_EMPTY, self)
        self.carried_empty.setObjectName("fieldHint")
        column.addWidget(self.carried)
        column.addWidget(self.carried_empty)

        agreed_head = header_layout([section_label(text.AGREED, self)], [])
        self.add_button = button(text.ADD_FOLLOW_UP, text.ADD_FOLLOW_UP_TIP, "addFollowUpButton", self)
        self.remove_button = button(text.REMOVE_FOLLOW_UP, text.REMOVE_FOLLOW_UP_TIP, "removeFollowUpButton", self)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._remove)
        agreed_head.addWidget(self.add_button)
        agreed_head.addWidget(self.remove_button)
        column.addLayout(agreed_head)
        self.agreed = plain_table(text.AGREED_HEADERS, self)
        self.agreed.setObjectName("agreedTable")
        fit_columns(self.agreed, 0, {1: 170, 2: 150, 3: 200}, stretch_min=200)
        self.agreed.setFixedHeight(150)
        self.agreed.add_requested.connect(self.add_requested)
        self.agreed.itemSelectionChanged.connect(self._show_selected)
        self.agreed_empty = QLabel(text.FOLLOW_UPS_EMPTY, self)
        self.agreed_empty.setObjectName("fieldHint")
        column.addWidget(self.agreed)
        column.addWidget(self.agreed_empty)

        # The selected action, edited in ordinary fields (a date and a choice of component read
        # better in a form than squeezed into table cells).
        form = QFormLayout()
        form.setContentsMargins(0, 6, 0, 0)
        self.action_edit = QLineEdit(self)
        self.action_edit.setObjectName("followUpAction")
        self.action_edit.setPlaceholderText(text.FOLLOW_UP_ACTION_PLACEHOLDER)
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setObjectName("followUpOwner")
        self.owner_edit.setPlaceholderText(text.FOLLOW_UP_OWNER_PLACEHOLDER)
        self.due_check = QCheckBox(text.FOLLOW_UP_DUE, self)
        self.due_check.setObjectName("followUpHasDue")
        self.due_edit = styled(ThaiDateEdit(self))
        self.due_edit.setObjectName("followUpDue")
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_check, 0, Qt.AlignmentFlag.AlignTop)
        due_row.addWidget(self.due_edit, 1)
        self.scope_combo = ScopeCombo(framework, self)  # its codes in the window's digits, found by typing
        self.scope_combo.setObjectName("followUpScope")
        form.addRow(text.FOLLOW_UP_ACTION, self.action_edit)
        form.addRow(text.FOLLOW_UP_OWNER, self.owner_edit)
        form.addRow("", due_row)
        form.addRow(text.FOLLOW_UP_SCOPE, self.scope_combo)
        self.form_widgets = (self.action_edit, self.owner_edit, self.due_check, self.due_edit, self.scope_combo)
        column.addLayout(form)
        self.note = FieldNote("followUpsNote", self)
        column.addWidget(self.note)
        column.addStretch(1)

        self.action_edit.textChanged.connect(lambda value: self._changed(action=value))
        self.owner_edit.textChanged.connect(lambda value: self._changed(owner=value))
        self.due_check.toggled.connect(self._due_toggled)
        self.due_edit.committed.connect(self._due_changed)
        self.scope_combo.activated.connect(lambda _index: self._changed(scope_code=self.scope_combo.currentData()))
        self._editable = True
        self._show_selected()
        digits_follow(self._render_digits)

    def _render_digits(self) -> None:
        """The "เกี่ยวกับ" list and the agreed rows' scopes in the window's digits (TEST31 T5)."""
        self.scope_combo.render_digits()
        for row, follow_up in enumerate(self._agreed):
            self._fill_agreed_row(row, follow_up)

    # -- filling -----------------------------------------------------------------------------
    def fill_carried(self, follow_ups: list[FollowUp], agreed_on: dict[str, str],
                     theirs: frozenset[str] = frozenset()) -> None:
        """``agreed_on`` maps a visit id to the date it was agreed (ISO); ``theirs``: the ids of
        follow-ups whose visit another laptop made (their maker closes them; issue 10)."""
        keep = self.selected_carried_id()
        self.theirs = theirs
        self.carried.setRowCount(len(follow_ups))
        self._carried_fit.floors[2] = self._due_floors[any(item.is_overdue(self.visit_day) for item in follow_ups)]
        self._carried_fit.fit()
        for row, follow_up in enumerate(follow_ups):
            day = agreed_on.get(follow_up.visit_id, "")
            cells = [
                follow_up.action or text.UNTITLED, follow_up.owner, due_text(follow_up, self.visit_day),
                shown_day(date.fromisoformat(day), short=True) if day else "",
                STATUSES.get(follow_up.status, follow_up.status),
            ]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, follow_up.id)
                cell.setToolTip(follow_up.action)
                self.carried.setItem(row, column, cell)
            if follow_up.is_overdue(self.visit_day):
                filled_item(self.carried, row, 2).setForeground(QBrush(QColor(OVERDUE_INK)))
            if follow_up.status != "open":
                filled_item(self.carried, row, 4).setForeground(QBrush(QColor(DONE_INK)))
            if follow_up.id == keep:
                self.carried.selectRow(row)
        self.carried.setVisible(bool(follow_ups))
        self.carried_empty.setVisible(not follow_ups)
        self._update_buttons()

    def fill_agreed(self, follow_ups: list[FollowUp], select_id: str | None = None) -> None:
        keep = select_id or self.selected_agreed_id()
        self._agreed = list(follow_ups)
        self.agreed.blockSignals(True)
        try:
            self.agreed.setRowCount(len(follow_ups))
            target = -1
            for row, follow_up in enumerate(follow_ups):
                self._fill_agreed_row(row, follow_up)
                if follow_up.id == keep:
                    target = row
            if target < 0 and follow_ups:
                target = 0
            if target >= 0:
                self.agreed.selectRow(target)
        finally:
            self.agreed.blockSignals(False)
        self.agreed_empty.setVisible(not follow_ups)
        self._show_selected()

    def update_agreed(self, follow_up: FollowUp) -> None:
        """Redraw one row after a save, leaving the form (and the keyboard) where they are."""
        for row, known in enumerate(self._agreed):
            if known.id == follow_up.id:
                self._agreed[row] = follow_up
                self._fill_agreed_row(row, follow_up)

    def show_stored(self, follow_up: FollowUp) -> None:
        """After a refused change of the due date or scope: those as stored (typed text stays)."""
        self.update_agreed(follow_up)
        if self.selected_agreed_id() != follow_up.id:
            return
        self._filling = True
        try:
            due = follow_up.due_date
            self.due_check.setChecked(due is not None)
            if due is not None:
                self.due_edit.set_date(due)
            self.due_edit.setEnabled(due is not None and self._editable)
            self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(follow_up.scope_code), 0))
        finally:
            self._filling = False

    def show_unsaved(self, follow_up_id: str, field: str, value: str) -> None:
        """Typed action or owner the database has not taken yet stays in the form (emits nothing)."""
        if self.selected_agreed_id() != follow_up_id:
            return
        self._filling = True
        try:
            (self.action_edit if field == "action" else self.owner_edit).setText(value)
        finally:
            self._filling = False

    def _fill_agreed_row(self, row: int, follow_up: FollowUp) -> None:
        scope_index = self.scope_combo.findData(follow_up.scope_code)
        scope = self.scope_combo.itemText(scope_index).strip() if follow_up.scope_code and scope_index >= 0 else ""
        cells = [follow_up.action or text.UNTITLED, follow_up.owner, due_text(follow_up, self.visit_day), scope]
        for column, value in enumerate(cells):
            cell = self.agreed.item(row, column)
            if cell is None:
                cell = QTableWidgetItem()
                self.agreed.setItem(row, column, cell)
            cell.setText(value)
            cell.setData(ID_ROLE, follow_up.id)
            cell.setToolTip(value)

    # -- selection ---------------------------------------------------------------------------
    def selected_carried_id(self) -> str | None:
        row = self.carried.currentRow()
        if row < 0 or not self.carried.selectionModel().isRowSelected(row) or self.carried.item(row, 0) is None:
            return None
        return str(filled_item(self.carried, row, 0).data(ID_ROLE))

    def selected_agreed(self) -> FollowUp | None:
        row = self.agreed.currentRow()
        if 0 <= row < len(self._agreed) and self.agreed.selectionModel().isRowSelected(row):
            return self._agreed[row]
        return None

    def selected_agreed_id(self) -> str | None:
        selected = self.selected_agreed()
        return selected.id if selected else None

    def _show_selected(self) -> None:
        follow_up = self.selected_agreed()
        self._filling = True
        try:
            self.action_edit.setText(follow_up.action if follow_up else "")
            self.owner_edit.setText(follow_up.owner if follow_up else "")
            due = follow_up.due_date if follow_up else None
            self.due_check.setChecked(due is not None)
            self.due_edit.set_date(due or self.visit_day + timedelta(days=DEFAULT_DUE_DAYS))
            self.due_edit.setEnabled(due is not None and self._editable)
            index = self.scope_combo.findData(follow_up.scope_code if follow_up else "")
            self.scope_combo.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False
        # A confirmed visit's follow-up is shown as its values (locked); before "เพิ่มข้อตกลง" the form
        # waits, greyed (VERIFY32b V2).
        locked = follow_up is not None and not self._editable
        for widget in self.form_widgets:
            show_locked(locked, widget)
            if not locked:
                widget.setEnabled(follow_up is not None and self._editable and (widget is not self.due_edit or due is not None))
        self.action_edit.setPlaceholderText(text.FOLLOW_UP_ACTION_PLACEHOLDER if follow_up is not None or not self._editable
                                            else text.FOLLOW_UP_ACTION_FIRST)
        self.remove_button.setEnabled(follow_up is not None and self._editable)

    def _update_buttons(self) -> None:
        selected = self.selected_carried_id()
        chosen = selected is not None and self._editable and selected not in self.theirs
        for widget, tip in ((self.done_button, text.MARK_DONE_TIP), (self.dropped_button, text.MARK_DROPPED_TIP),
                            (self.open_button, text.MARK_OPEN_TIP)):
            widget.setEnabled(chosen)
            widget.setToolTip(text.CARRIED_ELSEWHERE_TIP if selected in self.theirs else tip)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.add_button.setEnabled(editable)
        self._update_buttons()
        self._show_selected()

    # -- user actions ------------------------------------------------------------------------
    def _status(self, status: str) -> None:
        chosen = self.selected_carried_id()
        if chosen:
            self.status_requested.emit(chosen, status)

    def _remove(self) -> None:
        chosen = self.selected_agreed_id()
        if chosen:
            self.remove_requested.emit(chosen)

    def _due_toggled(self, checked: bool) -> None:
        self.due_edit.setEnabled(checked and self._editable)
        if not checked:
            self.due_edit.revert()  # a date typed but not taken goes with the due date
        self._changed(due_on=self.due_edit.date() if checked else None)

    def _due_changed(self, day: date) -> None:
        if self.due_check.isChecked():
            self._changed(due_on=day)

    def _changed(self, **changes: object) -> None:
        chosen = self.selected_agreed_id()
        if not self._filling and chosen:
            self.changed.emit(chosen, changes)


class SignPanel(QWidget):
    """Who signs the record (from the people lists) and when it was finalised or reopened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 12, 8)
        column.setSpacing(6)
        heading = QLabel(text.SIGN_HEADING, self)
        heading.setObjectName("sectionTitle")
        hint = QLabel(text.SIGN_HINT, self)
        hint.setObjectName("fieldHint")
        hint.setWordWrap(True)
        column.addWidget(heading)
        column.addWidget(hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(40)
        grid.addWidget(section_label(text.SIGN_VISITORS, self), 0, 0)
        grid.addWidget(section_label(text.SIGN_SCHOOL, self), 0, 1)
        self.visitors = QLabel(self)
        self.visitors.setObjectName("signVisitors")
        self.school = QLabel(self)
        self.school.setObjectName("signSchool")
        for column_index, label in enumerate((self.visitors, self.school)):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, 1, column_index)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 10, 0, 0)
        self.finalise_button = button(text.FINALISE, text.FINALISE_TIP, "primaryButton", self)
        self.reopen_button = button(text.REOPEN, text.REOPEN_TIP, "signReopenButton", self)
        actions.addWidget(self.finalise_button)
        actions.addWidget(self.reopen_button)
        actions.addStretch(1)
        column.addLayout(actions)
        column.addWidget(section_label(text.EVENTS_HEADING, self))
        self.events = QLabel(self)
        self.events.setObjectName("visitEvents")
        self.events.setWordWrap(True)
        self.events.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.events)
        column.addStretch(1)

    def fill(self, visitors: list[Person], school: list[Person], events: list[VisitEvent],
             revision: Revision | None = None, levels: dict[int, str] | None = None) -> None:
        def lines(people: list[Person]) -> str:
            named = [p for p in people if p.name.strip() or p.position.strip()]
            if not named:
                return text.SIGN_NOBODY
            return "\n\n".join(text.SIGN_LINE.format(name=p.name or text.UNNAMED, position=p.position) for p in named)

        self.visitors.setText(lines(visitors))
        self.school.setText(lines(school))
        shown = [event_text(event) for event in events] or [text.EVENTS_EMPTY]
        if revision is not None and revision.changes:  # TEST34C C3: what differs from the paper signed before
            shown += ["", text.EVENTS_CHANGES, *("– " + change_text(c, digits_shown, levels) for c in revision.changes)]
        self.events.setText("\n".join(shown))


def event_text(event: VisitEvent) -> str:
    moment = local_moment(event.happened_at)  # None for a stamp local time cannot hold: shown as stored
    when = event.happened_at if moment is None else f"{shown_day(moment.date())} {digits_shown(f'{moment:%H:%M}')} น."
    by = text.EVENT_BY.format(name=event.person_name) if event.person_name else ""  # TEST34C C3: who, not the laptop
    if event.event == "reopened":
        return text.EVENT_REOPENED.format(when=when, by=by, reason=event.reason)
    return text.EVENT_FINALISED.format(when=when, by=by)


def open_in_viewer(copy: Path) -> bool:
    """Hand a copy the core made for viewing (``visits.copy_attachment_to_open``: a name the app
    made, inside its own folder) to the system's viewer; False if that failed. The stored file
    name is only a label: it came from whoever sent the file and is never used as a path."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))


def tell(parent: QWidget, title: str, message: str) -> None:
    """A refusal the user reads and closes (one OK button)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask_yes_no(parent: QWidget, title: str, question: str, yes: str | None = None, no: str | None = None) -> bool:
    """A question answered "no" by default (Enter does not finalise or delete by accident)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if yes and no:
        for which, words in ((QMessageBox.StandardButton.Yes, yes), (QMessageBox.StandardButton.No, no)):
            button = box.button(which)
            button.setText(words)
            # As wide as its words in bold (app.qss: the default button's): sized for the plain
            # font, "กลับไปกรอกให้ครบ" lost a letter at each end.
            bold = QFont(button.font())
            bold.setBold(True)
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(words) + 34)
    return box.exec() == QMessageBox.StandardButton.Yes
