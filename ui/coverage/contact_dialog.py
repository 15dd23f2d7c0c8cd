"""The contact-log dialog: add a line (date, channel, topic, who) to a school's contact log, and see
the lines recorded before. A line is saved through ``workspace.contacts.add`` (the core's one write
path) when "บันทึก" is pressed; the save-state line says "บันทึกแล้ว" only after the core stored it,
and a refusal keeps what was typed with the core's Thai reason. Lines are append-only (never
edited): that is why this dialog saves on a button, not on every keystroke."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.clock import today
from qualityschool_desktop.coverage import CHANNELS, CoverageRules, load_rules
from qualityschool_desktop.coverage.contacts import Contact
from ui.common.date_fields import ThaiDateEdit
from ui.common.digits import day, shown_text, styled
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.common.screen import fit_to_screen
from ui.common.widgets import section_label
from ui.common.tables import read_only_table

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace


class ContactDialog(QDialog):
    """Add lines to ``school_id``'s contact log; ``publish`` gets the change notice of each stored line."""

    def __init__(self, workspace: Workspace, school_id: str, school_name: str, parent: QWidget | None = None, *,
                 publish: Callable[[Changes], None] | None = None, read_only: bool = False,
                 rules: CoverageRules | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school_id = school_id
        self.setWindowTitle(text.DIALOG_TITLE.format(school=school_name))
        # F16: the school named in the body too (a maximised dialog may hide its title bar).
        self.school_label = section_label(text.DIALOG_SCHOOL.format(school=school_name), self)
        self.school_label.setWordWrap(True)
        self.save_line = SaveStateLine(text.IDLE)
        self.saver = Saver(self.save_line, self, publish=publish, changes=Changes(contacts=True))
        self.day = styled(ThaiDateEdit())
        self.day.set_value(today())
        self.channel = QComboBox()
        for key, label in CHANNELS.items():
            self.channel.addItem(label, key)
        self.topic = QLineEdit()
        self.who = QLineEdit()
        self.who.setPlaceholderText(text.WHO_HINT)
        form = QFormLayout()
        form.addRow(text.DAY, self.day)
        form.addRow(text.CHANNEL, self.channel)
        rules = rules or load_rules()
        self.counts_as = QLabel(shown_text(text.COUNTS_AS.format(
            visit=" ".join(CHANNELS[c] for c in rules.contact_channels_counted) or "–",
            followed=" ".join(CHANNELS[c] for c in rules.contact_channels_followed) or "–")))  # which channel counts as a visit (the tester's F16/F2)
        self.counts_as.setObjectName("hint")
        self.counts_as.setWordWrap(True)
        form.addRow("", self.counts_as)
        form.addRow(text.TOPIC, self.topic)
        form.addRow(text.WHO, self.who)
        self.save_button = QPushButton(text.SAVE)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda _c=False: self.save())
        close = QPushButton(text.CLOSE)
        close.clicked.connect(lambda _c=False: self.accept())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        self.log = QTableWidget(0, len(text.LOG_HEADERS))
        self.log.setHorizontalHeaderLabels(list(text.LOG_HEADERS))
        self.log.verticalHeader().setVisible(False)
        read_only_table(self.log)
        self.log.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.school_label)
        layout.addLayout(form)
        layout.addWidget(self.save_line)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(text.EARLIER))
        layout.addWidget(self.log, 1)
        for control in (self.day, self.channel, self.topic, self.who, self.save_button):
            control.setEnabled(not read_only)
        self.log.setMinimumHeight(self.fontMetrics().height() * 4)  # fits a 1366×768 screen at 150 %
        fit_to_screen(self, QSize(720, 520))
        self.fill()

    def save(self) -> bool:
        """Store the line as typed; True when the core stored it (the topic is then cleared for the next)."""
        if not self.day.commit():
            return False
        on = self.day.value()
        if on is None:
            return False

        def saved(_contact: object) -> None:
            self.topic.clear()
            self.fill()

        stored = self.saver.run(lambda: self.workspace.contacts.add(
            self.school_id, on, str(self.channel.currentData()), self.topic.text(), self.who.text()),
            saved=text.SAVED, on_saved=saved)
        return stored is not None

    def fill(self) -> None:
        """The lines recorded for the school, newest first."""
        none: list[Contact] = []
        contacts = self.saver.read(lambda: self.workspace.contacts.for_school(self.school_id), none)
        self.log.setRowCount(len(contacts))
        for row, contact in enumerate(contacts):
            values = (day(date.fromisoformat(contact.contacted_on), short=True), CHANNELS[contact.channel],
                      shown_text(contact.topic), contact.who)
            for column, value in enumerate(values):
                self.log.setItem(row, column, QTableWidgetItem(value))
        self.log.resizeColumnToContents(0)
