"""โรงเรียนที่ถึงกำหนดนิเทศ: every school's visits and re-assessments due this term (the rules of
``resources/coverage/rules.json``: seed 004's two visits a term, seed 001's re-assessments per band),
overdue first, then due, then done (remaining on top), with the last visit, self-assessment and
contact in BE dates and the window's digit style. "บันทึกการติดต่อ…" opens the contact-log dialog
for the chosen school; a double click opens the school."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.clock import today
from qualityschool_desktop.coverage import CHANNELS, STATUS_LABELS, CoverageRules, SchoolCoverage, Term, coverage
from ui.common.columns import fit_rows, keep_rows_in_view, widest_cell
from ui.common.digits import day, follow, shown, shown_text
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.common.widgets import page_title
from ui.common.tables import read_only_table

from . import strings as text
from .rules_line import RulesLine

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

STATUS_SHADES = {"overdue": QColor("#fde2e1"), "due": QColor("#fff4d6"), "done": QColor("#e6f4e6"), "none": QColor()}
BAND_NAMES = {"purple": "ม่วง", "blue": "ฟ้า", "green": "เขียว", "yellow": "เหลือง", "orange": "ส้ม", "red": "แดง"}
TERMS_SHOWN = 4  # the term today falls in (or the last) and the three before it


def recent_terms(rules: CoverageRules, on: date, count: int = TERMS_SHOWN) -> list[Term]:
    """The term ``on`` falls in (or the last one before it) and the ``count - 1`` before, newest first."""
    term = rules.current_or_last_term(on)
    found = [term]
    while len(found) < count:
        year, number = (term.year, 1) if term.number == 2 else (term.year - 1, 2)
        term = rules.term(year, number)
        found.append(term)
    return found


def _date(iso: str) -> str:
    return day(date.fromisoformat(iso), short=True) if iso else text.NEVER


class CoveragePage(QWidget):
    """The page; ``open_school`` carries a school's id (double click)."""

    open_school = Signal(str)

    def __init__(self, workspace: Workspace, *, read_only: bool = False,
                 publish: Callable[[Changes], None] | None = None, rules: CoverageRules | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.read_only = read_only
        self.publish = publish
        self.items: list[SchoolCoverage] = []
        self.save_line = SaveStateLine("")
        self.saver = Saver(self.save_line, self)
        self.rules_line = RulesLine(self.save_line, read_only=read_only)
        self.fixed_rules = rules  # given (tests): never read again
        self.rules = rules or self.rules_line.read()
        self.title = page_title(text.TITLE)
        self.term_box = QComboBox()
        self.terms = recent_terms(self.rules, today())
        self.term_box.currentIndexChanged.connect(lambda _i: self.refresh())
        term_label = QLabel(text.TERM_LABEL)
        term_label.setBuddy(self.term_box)
        self.contact_button = QPushButton(text.ADD_CONTACT)
        self.contact_button.clicked.connect(lambda _c=False: self.add_contact())
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(term_label)
        header.addWidget(self.term_box)
        header.addWidget(self.contact_button)
        self.summary = QLabel("")
        self.rules_note = QLabel("")
        self.rules_note.setWordWrap(True)
        self.table = QTableWidget(0, len(text.HEADERS))
        self.table.setHorizontalHeaderLabels(list(text.HEADERS))
        for column, tip in text.HEADER_TIPS.items():
            heading = self.table.horizontalHeaderItem(column)
            if heading is not None:
                heading.setToolTip(tip)
        self.table.setWordWrap(True)  # the reason wraps in its column rather than end in "…" (test26b F6)
        self.table.verticalHeader().setVisible(False)
        read_only_table(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open(row))
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.rules_note)
        layout.addWidget(self.rules_line)
        layout.addWidget(self.table, 1)
        self.detail = QLabel("")  # the chosen school and its whole reason (the column may be cut)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.itemSelectionChanged.connect(self._show_detail)
        layout.addWidget(self.detail)
        self.detail.hide()  # shown with a chosen school: empty, a wrapped label still takes lines
        layout.addWidget(self.save_line)
        keep_rows_in_view(self.table, rows=4)  # whole rows at 150 %: the page scrolls (RETEST15 F14)
        self.contact_button.setEnabled(not read_only)
        follow(self.fill)

    def term(self) -> Term:
        """The term chosen (the newest by default)."""
        index = max(0, self.term_box.currentIndex())
        return self.terms[index]

    def changed(self, changes: Changes) -> None:
        """A change published elsewhere: read again when it touches what the page shows."""
        if changes.any_visits or changes.any_assessments or changes.any_contacts or changes.any_schools:
            self.refresh()

    def refresh(self) -> None:
        """Read the chosen term's coverage again and show it."""
        # F16: the list re-sorts after a visit or a contact; the selection follows the school (by id),
        # never the row number, or the next contact would go to whichever school moved into that row.
        chosen = self.selected()
        if self.fixed_rules is None:  # the office may have edited its file since (F17)
            self.rules = self.rules_line.read()
        self.items = self.saver.read(lambda: coverage(self.workspace, self.rules, self.term(), today()), [])
        self.fill()
        self.select_school(chosen.school_id if chosen else None)
        self._show_detail()  # the same row selected again emits nothing: the line under it was stale (F6b)

    def fill(self) -> None:
        """Show what was read, in the window's digit style."""
        keep = self.term_box.currentIndex()
        self.term_box.blockSignals(True)
        self.term_box.clear()
        for term in self.terms:
            self.term_box.addItem(shown(text.TERM_ITEM.format(term=term.number, year=term.year, starts=_date(
                term.starts.isoformat()), ends=_date(term.ends.isoformat()))))
        self.term_box.setCurrentIndex(max(0, keep))
        self.term_box.blockSignals(False)
        again = ", ".join(text.AGAIN_ITEM.format(band=BAND_NAMES.get(band, band), count=count)
                          for band, count in self.rules.reassessments.items())
        channels = CHANNELS
        self.rules_note.setText(shown(text.RULES_NOTE.format(
            visits=self.rules.visits_per_term, again=again,
            bands=" ".join(BAND_NAMES.get(band, band) for band in self.rules.visit_bands)) + " " + text.CONTACTS_NOTE.format(
            visit=" ".join(channels[c] for c in self.rules.contact_channels_counted) or "–",
            followed=" ".join(channels[c] for c in self.rules.contact_channels_followed) or "–",
            days=self.rules.max_days_untouched)))
        due = sum(1 for item in self.items if item.status in ("due", "overdue"))
        overdue = sum(1 for item in self.items if item.status == "overdue")
        self.summary.setText(shown(text.SUMMARY.format(due=due, overdue=overdue, total=len(self.items),
                                                       today=_date(today().isoformat())))
                             if self.items else text.EMPTY)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = (STATUS_LABELS[item.status], item.name, shown(item.reason), item.band_name or text.NOT_ASSESSED,
                      shown(f"{item.visits_done}/{item.visits_due}"),
                      shown(f"{item.reassessments_done}/{item.reassessments_due}"), shown(item.followups_done),
                      _date(item.last_visit), _date(item.last_assessment), _date(item.last_contact), item.district)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(shown(item.reason))  # the whole reason on every cell of the row
                if column in text.CENTRED:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if item.status != "none":
                    cell.setBackground(QBrush(STATUS_SHADES[item.status]))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self._fit_reason()

    def _fit_reason(self) -> None:
        """The reason column takes the width the other columns leave (a long school name wraps), but
        never less than about 30 characters: at 100 % on 1366×768 everything is in view and the
        reason wraps in its cell (test26b F6a); at 150 % the table scrolls sideways rather than cut it."""
        table = self.table
        if table.columnCount() <= text.REASON_COLUMN:
            return
        table.setColumnWidth(text.NAME_COLUMN, widest_cell(table, text.NAME_COLUMN, text.NAME_CHARACTERS))
        others = sum(table.columnWidth(c) for c in range(table.columnCount()) if c != text.REASON_COLUMN)
        floor = table.fontMetrics().averageCharWidth() * 30
        table.setColumnWidth(text.REASON_COLUMN, max(floor, table.viewport().width() - others - 2))  # 2: the grid line
        fit_rows(table)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_reason()

    def _show_detail(self) -> None:
        item = self.selected()
        if item is not None and self.save_line.text() == shown_text(text.PICK_SCHOOL):  # chosen now (F6c)
            self.save_line.show_message("")
        self.detail.setText(shown(text.DETAIL.format(school=item.name, reason=item.reason or text.NOTHING_DUE))
                            if item else "")
        self.detail.setVisible(item is not None)

    def select_school(self, school_id: str | None) -> None:
        """Select ``school_id``'s row (none selected when it is not listed or None)."""
        ids = [item.school_id for item in self.items]
        if school_id in ids:
            self.table.selectRow(ids.index(school_id))
        else:
            self.table.clearSelection()

    def selected(self) -> SchoolCoverage | None:
        """The school of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def add_contact(self) -> None:
        """Open the contact-log dialog for the selected school (the page reads again after)."""
        item = self.selected()
        if item is None:
            self.save_line.show_message(text.PICK_SCHOOL)
            return
        from .contact_dialog import ContactDialog

        def both(changes: Changes) -> None:
            if self.publish is not None:
                self.publish(changes)

        dialog = ContactDialog(self.workspace, item.school_id, item.name, self, publish=both, read_only=self.read_only,
                               rules=self.rules)
        dialog.exec()
        self.refresh()

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.open_school.emit(self.items[row].school_id)
