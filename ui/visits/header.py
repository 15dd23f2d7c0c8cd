"""The visit's own details: the bar under the view's title (date in the Buddhist Era, in the
window's digits, start and end time, type, the self-assessment round it reviews) and the first section
(purpose, notes, photos of the whole visit).

They never call the core: ``details_changed`` carries keyword arguments for ``visits.update`` and
``round_chosen`` the chosen round's id (None for "no round"); filling emits nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qualityschool_desktop.visit_records import VISIT_TYPES, Visit
from ui.common.date_fields import ThaiDateEdit, ThaiTimeEdit
from ui.common.digits import styled
from ui.common.flow import FlowLayout
from ui.common.locked import show_locked
from ui.common.save_lines import FieldNote, beside
from ui.common.widgets import section_label

from . import strings as text
from .panels import AttachmentBox, QuietCombo, text_box


class VisitDetailsBar(QFrame):
    details_changed = Signal(dict)
    round_chosen = Signal(object)
    open_round = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.setObjectName("profileCard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 4, 10, 4)
        row = FlowLayout(spacing=14)  # wraps in a narrow window (125 %, 150 % scaling)
        outer.addLayout(row)
        # "ยังไม่ได้บันทึก" at the end of the row, in room the row has anyway (cut short with "…",
        # the whole on a click): a line under the row would push the page down under the pointer.
        self.note = FieldNote("detailsNote", self)
        # Date and times are taken on Enter, Tab or leaving the field; what cannot be taken is
        # said on a line under the row, only while it is there (typed just then, in that place).
        self.date_edit = styled(ThaiDateEdit(self, message_below=False))  # in the window's digits
        self.date_edit.setObjectName("visitDate")
        self.start_edit = self._time_edit("visitStart")
        self.end_edit = self._time_edit("visitEnd")
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("visitType")
        for key, label in VISIT_TYPES.items():
            self.type_combo.addItem(label, key)
        self.round_combo = QuietCombo(self)
        self.round_combo.setObjectName("visitRound")
        self.round_combo.setMinimumWidth(210)
        self.open_round_button = QPushButton(text.OPEN_ROUND, self)
        self.open_round_button.setObjectName("openRoundButton")
        self.open_round_button.setToolTip(text.OPEN_ROUND_TIP)
        self.open_round_button.clicked.connect(self.open_round)
        for caption, widgets in (
            (text.DATE, (self.date_edit,)),
            (text.TIME, (self.start_edit, QLabel(text.TIME_TO, self), self.end_edit)),
            (text.TYPE, (self.type_combo,)),
            (text.ROUND, (self.round_combo, self.open_round_button)),
        ):
            group = QWidget(self)  # a caption stays with its fields when the row wraps
            group_layout = QHBoxLayout(group)
            group_layout.setContentsMargins(0, 0, 0, 0)
            group_layout.addWidget(QLabel(caption, self))
            for widget in widgets:
                group_layout.addWidget(widget)
            row.addWidget(group)
        row.add_fill(self.note)
        messages = QHBoxLayout()
        for field in (self.date_edit, self.start_edit, self.end_edit):
            messages.addWidget(field.message, 1)  # the one shown has the whole line
        outer.addLayout(messages)
        self.date_edit.committed.connect(lambda day: self._changed(visited_on=day))
        for edit, name in ((self.start_edit, "start_time"), (self.end_edit, "end_time")):
            edit.committed.connect(lambda value, name=name: self._changed(**{name: value}))
        self.type_combo.activated.connect(lambda _i: self._changed(visit_type=self.type_combo.currentData()))
        self.round_combo.activated.connect(lambda _i: self.round_chosen.emit(self.round_combo.currentData()))

    def _time_edit(self, name: str) -> ThaiTimeEdit:
        edit = styled(ThaiTimeEdit(self, message_below=False))
        edit.setObjectName(name)
        edit.line_edit.setFixedWidth(70)
        return edit

    def fill(self, visit: Visit, rounds: list[tuple[str, str]]) -> None:
        """``rounds`` is (assessment id, title) of the school's rounds, newest first."""
        self._filling = True
        try:
            self.round_combo.clear()
            self.round_combo.addItem(text.NO_ROUND, None)
            for assessment_id, title in rounds:
                self.round_combo.addItem(title, assessment_id)
        finally:
            self._filling = False
        self.show_saved(visit)

    def show_saved(self, visit: Visit) -> None:
        """The date, type, times and round as stored; a date or time being typed, or refused and
        saying why, stays as typed."""
        self._filling = True
        try:
            for field, value in ((self.date_edit, visit.visited_date), (self.start_edit, visit.start_time),
                                 (self.end_edit, visit.end_time)):
                if not field.line_edit.isModified() and not field.error():
                    field.set_value(value)
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(visit.visit_type)))
            self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(visit.assessment_id)))
        finally:
            self._filling = False
        self.open_round_button.setEnabled(visit.assessment_id is not None)

    def fields(self) -> tuple[ThaiDateEdit, ThaiTimeEdit, ThaiTimeEdit]:
        """The date, start and end fields (what cannot be taken there is held as not saved)."""
        return self.date_edit, self.start_edit, self.end_edit

    def round_title(self) -> str | None:
        return self.round_combo.currentText() if self.round_combo.currentData() else None

    def set_editable(self, editable: bool) -> None:
        # The times greyed as the date beside them: read-only but white, they took the keyboard
        # like editable fields on a confirmed visit (TEST31 T16).
        # Off as a locked record's values (dark, no frame), not as fields waiting (VERIFY32b V2).
        show_locked(not editable, self.date_edit, self.start_edit, self.end_edit, self.type_combo, self.round_combo)
        for edit in (self.start_edit, self.end_edit):
            edit.setReadOnly(not editable)

    def _changed(self, **changes: object) -> None:
        if not self._filling:
            self.details_changed.emit(changes)


class GeneralPanel(QWidget):
    """Purpose and free notes (saved as typed), and photos or files of the visit as a whole."""

    details_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 12, 12)
        self.note = FieldNote("generalNote", self)  # for the whole section, beside its first heading
        column.addLayout(beside(section_label(text.PURPOSE, self), self.note))
        self.purpose_edit = text_box(text.PURPOSE_PLACEHOLDER, "purposeEdit", self, height=90)
        column.addWidget(self.purpose_edit)
        column.addWidget(section_label(text.NOTES, self))
        self.notes_edit = text_box(text.NOTES_PLACEHOLDER, "notesEdit", self, height=150)
        column.addWidget(self.notes_edit)
        column.addWidget(section_label(text.VISIT_FILES, self))
        self.files = AttachmentBox("visit", self)
        column.addWidget(self.files)
        column.addStretch(1)
        self.purpose_edit.textChanged.connect(lambda: self._changed(purpose=self.purpose_edit.toPlainText()))
        self.notes_edit.textChanged.connect(lambda: self._changed(notes=self.notes_edit.toPlainText()))

    def fill(self, visit: Visit) -> None:
        self._filling = True
        try:
            self.purpose_edit.setPlainText(visit.purpose)
            self.notes_edit.setPlainText(visit.notes)
        finally:
            self._filling = False

    def set_editable(self, editable: bool) -> None:
        # Read-only rather than disabled: a signed record's text can still be selected and copied.
        for box in (self.purpose_edit, self.notes_edit):
            box.setReadOnly(not editable)
        self.files.set_editable(editable)

    def _changed(self, **changes: object) -> None:
        if not self._filling:
            self.details_changed.emit(changes)
