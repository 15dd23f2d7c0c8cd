"""The inspection-rounds page (see the package's docstring): the rounds defined, and a form that
defines one or changes one through ``workspace.inspection_rounds.define`` (the core refuses, in
Thai, a date outside the fiscal year or a round already defined unless the change is asked for)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.inspection.layouts import layout_ids
from qualityschool_desktop.inspection.rounds import InspectionRound
from qualityschool_desktop.workspace import Workspace
from ui.common import digits
from ui.common.columns import keep_rows_in_view
from ui.common.digit_spin import DigitSpinBox
from ui.common.widgets import page_title
from ui.common.tables import read_only_table

from . import strings as text

ERROR_STYLE = "color: #b71c1c;"
SAVED_STYLE = "color: #2e7d32;"
MOST_ROWS = 4  # rounds shown before the list scrolls (two a year: two years; the form stays in view)


def _state(item: InspectionRound, today: date) -> str:
    start, _end = item.period
    if today < start:
        return text.STATE_NOT_YET
    return text.STATE_OPEN if today <= item.closing_date else text.STATE_CLOSED


class RoundsPage(QWidget):
    """The rounds in a table, newest first, and the form below it (a row chosen fills it)."""

    def __init__(self, workspace: Workspace, *, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundsPage")
        self.workspace = workspace
        self.read_only = read_only
        self.rounds: list[InspectionRound] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)  # the school pages' margins (TEST32b B8)
        self.title = page_title(text.TITLE)
        self.title.setParent(self)
        layout.addWidget(self.title)
        intro = QLabel(text.INTRO, self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #616161;")
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(text.HEADERS), self)
        self.table.setObjectName("roundsTable")
        self.table.setHorizontalHeaderLabels(list(text.HEADERS))
        read_only_table(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._chosen)
        keep_rows_in_view(self.table, rows=3)  # whole rows at 150 %: the page scrolls (try11b F15)
        layout.addWidget(self.table)  # as tall as its rows (fit_table), not a band of empty rows
        self.empty = QLabel(text.NONE, self)
        self.empty.setObjectName("roundsEmpty")
        layout.addWidget(self.empty)

        box = QGroupBox(text.FORM_TITLE, self)
        form = QFormLayout(box)
        # Each field as wide as what it holds: a four-digit year in a small box (TEST32b B8).
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.year = DigitSpinBox(box)
        self.year.setObjectName("roundYear")
        self.year.setRange(2500, 2700)
        self.year.setValue(date.today().year + 543 + (1 if date.today().month >= 10 else 0))
        self.round = DigitSpinBox(box)
        self.round.setObjectName("roundNumber")
        self.round.setRange(1, 12)
        self.start, self.end, self.closes = (self._date_field(box, name) for name in ("roundStart", "roundEnd",
                                                                                      "roundCloses"))
        self.layout_combo = QComboBox(box)
        self.layout_combo.setObjectName("roundLayout")
        for key in layout_ids():
            self.layout_combo.addItem(digits.shown_text(text.LAYOUTS.get(key, key)), key)
        self._usual_layout(self.round.value())
        number_width = self.fontMetrics().horizontalAdvance("๒๕๗๐๐") + 48  # the digits and the arrows
        for spin in (self.year, self.round):
            spin.setFixedWidth(number_width)
        for field in (self.start, self.end, self.closes):
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 24)
        self.layout_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        which = QHBoxLayout()  # the year and the round on one line: they name one round together
        which.addWidget(self.year)
        round_label = QLabel(text.ROUND, box)
        round_label.setBuddy(self.round)
        which.addSpacing(16)
        which.addWidget(round_label)
        which.addWidget(self.round)
        which.addStretch(1)
        form.addRow(text.YEAR, which)
        form.addRow(text.START, self.start)
        form.addRow(text.END, self.end)
        form.addRow(text.CLOSES, self.closes)
        form.addRow(text.LAYOUT, self.layout_combo)
        buttons = QHBoxLayout()
        self.define_button = self._button(box, "defineRoundButton", text.DEFINE, text.DEFINE_TIP, False)
        self.replace_button = self._button(box, "replaceRoundButton", text.REPLACE, text.REPLACE_TIP, True)
        buttons.addWidget(self.define_button)
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.message = QLabel(box)
        self.message.setObjectName("roundsMessage")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        layout.addWidget(box)
        layout.addStretch(1)
        self.year.valueChanged.connect(self._form_changed)
        self.round.valueChanged.connect(self._form_changed)
        self.round.valueChanged.connect(self._usual_layout)
        digits.follow(self._restyle)
        self.refresh()

    def _restyle(self) -> None:
        """The digit style changed: a page on screen writes itself again; a hidden one does when
        shown (it may belong to a closed window whose database is closed)."""
        if self.isVisible():
            self.refresh()

    def _date_field(self, parent: QWidget, name: str) -> QLineEdit:
        field = QLineEdit(parent)
        field.setObjectName(name)
        field.setPlaceholderText(digits.shown_text(text.DATE_HINT))
        return field

    def _button(self, parent: QWidget, name: str, label: str, tip: str, replace: bool) -> QPushButton:
        button = QPushButton(label, parent)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self.define(replace=replace))
        return button

    def refresh(self) -> None:
        """Read the rounds again and show them (a failed read shows its Thai message)."""
        try:
            self.rounds = sorted(self.workspace.inspection_rounds.all(), key=lambda r: (-r.fiscal_year, -r.round))
        except QualitySchoolError as exc:
            self._say(str(exc), ok=False)
            self.rounds = []
        self._relabel()
        today = date.today()
        self.table.setRowCount(len(self.rounds))
        for row, item in enumerate(self.rounds):
            start, end = item.period
            cells = (digits.shown(item.fiscal_year), digits.shown(item.round),
                     text.PERIOD.format(start=digits.day(start, short=True), end=digits.day(end, short=True)),
                     digits.day(item.closing_date, short=True),
                     digits.shown_text(text.LAYOUTS.get(item.layout, item.layout)),
                     _state(item, today))
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setVisible(bool(self.rounds))
        self._fit_table()
        self.empty.setVisible(not self.rounds)
        self._form_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_table()  # the style sheet's row height is known once shown

    def _fit_table(self) -> None:
        """The list as tall as its rows, up to :data:`MOST_ROWS` (then it scrolls); never lower
        than :func:`keep_rows_in_view`'s floor."""
        rows = sum(self.table.rowHeight(row) for row in range(min(self.table.rowCount(), MOST_ROWS)))
        header = self.table.horizontalHeader()
        head = max(header.height(), header.sizeHint().height())
        self.table.setMaximumHeight(max(self.table.minimumHeight(), head + rows + 2 * self.table.frameWidth() + 2))

    def _relabel(self) -> None:
        """The form's fixed texts in the window's digits (they follow a switch of style)."""
        for index in range(self.layout_combo.count()):
            key = self.layout_combo.itemData(index)
            self.layout_combo.setItemText(index, digits.shown_text(text.LAYOUTS.get(key, key)))
        for field in (self.start, self.end, self.closes):
            field.setPlaceholderText(digits.shown_text(text.DATE_HINT))

    def _chosen(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return
        item = self.rounds[rows.pop()]
        start, end = item.period
        self.year.setValue(item.fiscal_year)
        self.round.setValue(item.round)
        for field, day in ((self.start, start), (self.end, end), (self.closes, item.closing_date)):
            field.setText(digits.shown(f"{day.day}/{day.month}/{day.year + 543}"))  # as typed: BE
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(item.layout)))

    def _usual_layout(self, number: int) -> None:
        """Round 1 prints seed 000's form, the others round 2's (as the core's default)."""
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData("round1" if number == 1 else "round2")))

    def _form_changed(self) -> None:
        exists = any(r.fiscal_year == self.year.value() and r.round == self.round.value() for r in self.rounds)
        self.define_button.setEnabled(not self.read_only and not exists)
        self.replace_button.setEnabled(not self.read_only and exists)

    def define(self, *, replace: bool = False) -> None:
        """Define the round the form holds (``replace``: change the one already defined); says
        "saved" only once the database holds it, else the core's Thai reason (nothing changed)."""
        if self.read_only:
            return
        try:
            item = self.workspace.inspection_rounds.define(
                self.year.value(), self.round.value(), starts_on=self.start.text().strip() or None,
                ends_on=self.end.text().strip() or None, closes_on=self.closes.text().strip() or None,
                layout=self.layout_combo.currentData(), replace=replace)
        except QualitySchoolError as exc:
            self._say(str(exc), ok=False)
            return
        self.refresh()
        self._say(text.SAVED.format(year=digits.shown(item.fiscal_year), round=digits.shown(item.round)), ok=True)

    def _say(self, message: str, *, ok: bool) -> None:
        self.message.setText(digits.shown_text(message))
        self.message.setStyleSheet(SAVED_STYLE if ok else ERROR_STYLE)
