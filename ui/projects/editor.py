"""The projects of one owner — an area office or a school — of a fiscal year, with their money
(issue 15): the part the office's page (``page.py``) and the school page's tab (``school_tab.py``)
share, so both edit projects the same way.

The list on the left (status, money planned and disbursed over the year); the chosen project's
fields on the right (``fields.py``: the widgets and how values go in and out), each saved through ``workspace.projects`` (the core's one write path) when its
edit ends, and its budget lines by quarter in a grid saved as a whole when a cell's edit ends. The
save-state line says "บันทึกแล้ว" only after the core stored it; a refused cell keeps what was typed,
in red, with the core's reason. Disbursement behind plan without a reason is the core's message,
shown under the grid: the draft is saved. พิมพ์ prints seed 004's progress report for the period
chosen. Where the owner's records cannot be edited here (a read-only database, a school owned by
its own laptop) :meth:`ProjectsEditor.set_block` shows why and nothing can be changed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.budget.money import format_baht
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.projects import STATUSES, Project
from qualityschool_desktop import clock
from qualityschool_desktop.projects.progress import VERDICTS, ProjectGroup, project_line, status_groups
from qualityschool_desktop.projects.rules import BEHIND_NEEDS_REASON, OVER_NEEDS_REASON, quarters_begun, quarters_of
from qualityschool_desktop.projects.store import check_rows
from qualityschool_desktop.thai import fiscal_year_of
from ui.common.columns import StretchKeeper
from ui.common.digit_spin import DigitSpinBox
from ui.common.digits import follow, shown, shown_text, style as digit_style
from ui.common.ops import Op, Ops
from ui.common.save_lines import ERROR_COLOUR, SaveStateLine
from ui.common.save_state import Saver
from ui.common.strings_save import READ_ONLY_NOTICE
from ui.common.tables import read_only_table

from . import strings as text
from .fields import PART_KEYS, ProjectFields, clear_mark, line_from_cells, mark_refused
from .printing import ProgressPrinter, ProgressXlsxPrinter

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace


LIST_LEAST = 520  # pixels the projects' list keeps beside the fields



def paid_while_not_started(project: Project) -> bool:
    """Money disbursed on a project whose status still says it has not started (TEST31 T15)."""
    return project.status == "not_started" and any(
        any(amount for amount in line.get("disbursed", ()) or ()) for line in project.budget_lines)


def status_tip(project: Project) -> str:
    """The status cell's tooltip: the status in full, and the hint when money was paid out."""
    full = STATUSES[project.status]
    return f"{full}\n{text.PAID_NOT_STARTED}" if paid_while_not_started(project) else full

class _Column(QVBoxLayout):
    """The editor's column: its height does not follow its width (its wrapped lines would otherwise
    make a scroll area holding it as tall as the whole form, hiding the save line below the fold)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        """Qt's question: no."""
        return False


class ProjectsEditor(QWidget):
    """One owner's projects; ``noticed`` carries what a print did (the window's notice bar).
    ``owner``: the core's keyword naming the owner (``{"area_office": name}`` or
    ``{"school_id": id}``), ``printed``: the report's (``{"office": name}`` or ``{"school": code}``)."""

    noticed = Signal(object)

    def __init__(self, workspace: Workspace, *, ops: Ops | None = None, read_only: bool = False,
                 empty: str = text.EMPTY, no_owner: str = text.NO_OFFICE) -> None:
        super().__init__()
        self.workspace = workspace
        self.read_only = read_only
        self.block = READ_ONLY_NOTICE if read_only else ""
        self.empty_text, self.no_owner_text = empty, no_owner
        self.ops = ops or Ops(self)
        self.owner: dict[str, Any] | None = None
        self.printed: dict[str, Any] = {}
        self.projects: list[Project] = []
        self.current: Project | None = None
        self.confirm: Callable[[str], bool] = self._ask
        self.save_line = SaveStateLine(text.IDLE)
        self.saver = Saver(self.save_line, self)
        self.printer = ProgressPrinter(self, ops=self.ops)
        self.printer.noticed.connect(self.noticed)
        self.xlsx_printer = ProgressXlsxPrinter(self, ops=self.ops)
        self.xlsx_printer.noticed.connect(self.noticed)

        self.year_box = DigitSpinBox()
        self.year_box.setRange(2500, 2700)
        self.year_box.setValue(fiscal_year_of(date.today()))
        self.year_box.valueChanged.connect(lambda _v: self.fill())
        self.period_box = QComboBox()
        self.period_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period_box.setMinimumContentsLength(14)  # the list shows the whole name (150 %: F14)
        for key, label in text.PERIODS.items():
            self.period_box.addItem(shown_text(label), key)
        self.period_box.currentIndexChanged.connect(lambda _i: self._show_money())
        self.add_button = QPushButton(text.ADD)
        self.add_button.clicked.connect(lambda _c=False: self.add_project())
        self.remove_button = QPushButton(text.REMOVE)
        self.remove_button.clicked.connect(lambda _c=False: self.remove_current())
        self.pdf_button = QPushButton(text.PRINT_PDF)
        self.pdf_button.setToolTip(text.PDF_TITLE)
        self.pdf_button.clicked.connect(lambda _c=False: self.print_pdf())
        self.xlsx_button = QPushButton(text.SAVE_XLSX)  # as report progress --xlsx (TEST34 T11)
        self.xlsx_button.setToolTip(text.XLSX_TITLE)
        self.xlsx_button.clicked.connect(lambda _c=False: self.save_xlsx())
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hint.hide()
        tools = QHBoxLayout()
        year_label = QLabel(text.YEAR_LABEL)
        year_label.setBuddy(self.year_box)
        tools.addWidget(year_label)
        tools.addWidget(self.year_box)
        tools.addSpacing(12)
        tools.addWidget(self.add_button)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        period_label = QLabel(text.PERIOD_LABEL)
        period_label.setBuddy(self.period_box)
        tools.addWidget(period_label)
        tools.addWidget(self.period_box)
        tools.addWidget(self.pdf_button)
        tools.addWidget(self.xlsx_button)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)

        self.table = QTableWidget(0, len(text.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(text.COLUMNS))
        self.table.verticalHeader().setVisible(False)
        read_only_table(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, _column, before, _b: self._switch(row, before))
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 36), (3, 96), (4, 96)):
            self.table.setColumnWidth(column, width)
        StretchKeeper(self.table, 1)  # "ชื่อโครงการ" whole in a narrow window (150 %): it scrolls sideways
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)  # the status whole
        # A name in two lines, the rest "…" and whole in its tooltip: one line read "โครงการพัฒนา…"
        # (TEST34 T11, 125 %).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)

        self.fields = fields = ProjectFields()
        # the fields' widgets as the editor's own: the page's callers and tests reach them so
        self.name_edit, self.responsible_edit = fields.name_edit, fields.responsible_edit
        self.goal_box, self.components_edit, self.status_box = fields.goal_box, fields.components_edit, fields.status_box
        self.texts, self.lines, self.parts, self.message = fields.texts, fields.lines, fields.parts, fields.message
        self.add_line_button, self.add_row_buttons = fields.add_line_button, fields.add_row_buttons
        self.details, self.form, self.notes = fields.details, fields.form, fields.notes
        self.fields_scroll = fields.scroll_area
        self.name_edit.editingFinished.connect(lambda: self._save("name", self.name_edit.text()))
        self.responsible_edit.editingFinished.connect(
            lambda: self._save("responsible", self.responsible_edit.text()))
        self.goal_box.activated.connect(lambda _i: self._save("plan_goal_id", self.goal_box.currentData()))
        self.components_edit.editingFinished.connect(
            lambda: self._save("component_codes", self.components_edit.text()))
        self.status_box.activated.connect(lambda _i: self._save("status", self.status_box.currentData()))
        for field, box in self.texts.items():
            box.left.connect(lambda f=field, b=box: self._save(f, b.toPlainText()))
        self.lines.itemChanged.connect(self._line_changed)
        self.add_line_button.clicked.connect(lambda _c=False: self._add_line())
        for part, grid in self.parts.items():
            grid.itemChanged.connect(lambda item, p=part: self._part_changed(p, item))
            self.add_row_buttons[part].clicked.connect(lambda _c=False, p=part: self._add_part_row(p))
        self.splitter = splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(fields)
        splitter.setStretchFactor(0, 3)  # the list wider: names read at 150 % (try15 F14)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([660, 440])
        self.split_moved = False  # moved by hand: kept as it is
        splitter.splitterMoved.connect(lambda _p, _i: setattr(self, "split_moved", True))

        layout = _Column(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(tools)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.save_line)
        for button in (self.add_button, self.remove_button, self.add_line_button, *self.add_row_buttons.values()):
            button.setEnabled(not read_only)
        self.hint.setText(self.block)
        self.hint.setVisible(bool(self.block))
        follow(self.fill)
        follow(self._relabel)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Qt's call: :meth:`fit_split`."""
        super().resizeEvent(event)
        self.fit_split()

    def fit_split(self) -> None:
        """The fields as wide as their grids need (no sideways scroll at 1366×768: TEST25 #5) while
        the list keeps :data:`LIST_LEAST` pixels; in a narrower window the list keeps its share
        (names read at 150 %: try15 F14). A split moved by hand stays."""
        total = self.splitter.width()
        if self.split_moved or total <= 0:
            return
        need = self.fields.needed_width()
        if total - need >= LIST_LEAST:
            self.splitter.setSizes([total - need, need])
        elif total >= 2 * LIST_LEAST:  # the grids as wide as the list lets them
            self.splitter.setSizes([LIST_LEAST, total - LIST_LEAST])
        else:
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])

    # -- showing -----------------------------------------------------------------------------
    def show_owner(self, owner: dict[str, Any] | None, printed: dict[str, Any] | None = None) -> None:
        """Show the projects of ``owner`` (None: nobody's yet: the page says so)."""
        if owner != self.owner:
            self.current = None
        self.owner, self.printed = owner, dict(printed or {})
        self.fill()

    def set_block(self, reason: str, *, refill: bool = True) -> None:
        """Why nothing can be changed here ("" : it can): shown above the list; every control
        that would change the database is off while there is one."""
        self.block = reason
        self.read_only = bool(reason)
        self.hint.setText(shown_text(reason))
        self.hint.setVisible(bool(reason))
        for button in (self.add_line_button, *self.add_row_buttons.values()):
            button.setEnabled(not reason)
        if refill:
            self.fill()

    def _relabel(self) -> None:
        """The period names and the grids' headings in the window's digits."""
        for index, label in enumerate(text.PERIODS.values()):
            self.period_box.setItemText(index, shown_text(label))
        self.fields.relabel()
        self._show_money()

    def fill(self) -> None:
        """Re-read the owner's projects of the year and lay out the list and the summary."""
        keep = self.current.id if self.current else None
        owner, year = self.owner, self.year_box.value()
        self.projects = self.saver.read(lambda: self.workspace.projects.of_year(year, **owner), []) if (
            owner) else []
        total = len(self.projects)
        self._summarise()
        with QSignalBlocker(self.table):
            self.table.setRowCount(total)
            for row, project in enumerate(self.projects):
                values = (shown(row + 1), project.name, text.SHORT_STATUSES[project.status], "", "")
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value if column == 1 else status_tip(project) if column == 2 else "")
                    if column >= 3:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
        self._show_money()
        ids = [p.id for p in self.projects]
        row = ids.index(keep) if keep in ids else 0 if ids else -1
        if row >= 0:
            self.table.setCurrentCell(row, 1)
        self._show(row)
        self.remove_button.setEnabled(bool(ids) and not self.read_only)
        self.pdf_button.setEnabled(bool(ids))
        self.xlsx_button.setEnabled(bool(ids))
        self.add_button.setEnabled(owner is not None and not self.read_only)

    def _show_money(self) -> None:
        """The list's money over the period chosen (the printout's figures, test26b F13), the headings
        naming the period, each cell's tooltip the money due so far and the report's verdict."""
        period = self.period_box.currentData() or "H1"
        shown_period = text.COLUMN_PERIODS[period]
        for column, heading in zip((3, 4), text.MONEY_COLUMNS):
            self.table.setHorizontalHeaderItem(column, QTableWidgetItem(shown_text(heading.format(period=shown_period))))
        begun = quarters_begun(self.year_box.value(), clock.today())
        with QSignalBlocker(self.table):
            for row, project in enumerate(self.projects):
                line = project_line(project, quarters_of(period), begun)
                planned, due, disbursed = (format_baht(v, digit_style())
                                           for v in (line.planned_satang, line.due_planned, line.disbursed_satang))
                tip = shown_text(text.MONEY_TIP.format(period=text.PERIODS[period], planned=planned, due=due,
                                                       disbursed=disbursed, verdict=VERDICTS[line.verdict]))
                for column, value in ((3, planned), (4, disbursed)):
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setText(value)
                        item.setToolTip(tip)

    def _summarise(self) -> None:
        """The counts by status with their shares above the list, grouped as the printed report
        groups them (the plan's own, those allocated by OBEC, those funded by other agencies: try15 F20)."""
        total = len(self.projects)
        groups = dict(zip(("own", "obec", "others"), status_groups(self.projects)))

        def parts(group: ProjectGroup) -> str:
            return " · ".join(text.SUMMARY_PART.format(label=STATUSES[c.status], count=c.count, share=c.share)
                              for c in group.counts)
        if not (groups["obec"].projects or groups["others"].projects):
            line = text.SUMMARY.format(total=total, parts=parts(groups["own"]))
        else:
            line = text.SUMMARY_GROUPS.format(total=total, groups=" · ".join(
                text.SUMMARY_GROUP.format(title=text.GROUP_TITLES[key], count=len(group.projects), parts=parts(group))
                for key, group in groups.items() if group.projects))
        self.summary.setText(self.no_owner_text if self.owner is None else self.empty_text if not total else shown(
            line))

    def _fill_goals(self, project: Project) -> None:
        """The goals of the school's plans to choose from (an office's project has none to offer)."""
        school_id = (self.owner or {}).get("school_id")
        none: list[tuple[str, str]] = []
        choices = self.saver.read(lambda: self.workspace.projects.goal_choices(school_id), none) if school_id else none
        with QSignalBlocker(self.goal_box):
            self.goal_box.clear()
            self.goal_box.addItem(text.NO_GOAL, None)
            for goal_id, label in choices:
                self.goal_box.addItem(shown(label), goal_id)
            index = self.goal_box.findData(project.plan_goal_id) if project.plan_goal_id else 0
            self.goal_box.setCurrentIndex(max(index, 0))
        self.goal_box.setEnabled(bool(choices) and not self.read_only)
        self.goal_box.setToolTip(text.GOAL_OFFICE_TIP if not school_id else text.GOAL_TIP if choices
                                 else text.GOAL_NONE_TIP)

    def _switch(self, row: int, before: int) -> None:
        """Another project chosen: a refused value of the one shown is not dropped without a word
        (try15 F9): asked first, and staying keeps it in view."""
        if row != before and before >= 0 and self.saver.has_waiting() and not self.saver.confirm_leave(self):
            with QSignalBlocker(self.table):
                self.table.setCurrentCell(before, 1)
            return
        self._show(row)

    def _show_held(self, project: Project) -> None:
        """What the core refused stays as typed, in red, when the project is shown again."""
        for key in self.saver.waiting_keys():
            typed, error = self.saver.waiting_value(key), self.saver.error_for(key)
            if isinstance(key, tuple) and key[0] == project.id and error is not None:
                self.fields.show_typed(key[1], typed, str(error))
                if key[1] in self.notes and isinstance(typed, list):
                    self._refused_note(key[1], error, self._typed_rows(key[1], typed))

    def _show(self, row: int) -> None:
        self.current = self.projects[row] if 0 <= row < len(self.projects) else None
        project = self.current
        self.details.setEnabled(project is not None and not self.read_only)
        if project is None:
            return
        self.fields.show_project(project)
        self.fit_split()
        for grid in (*self.parts.values(), self.lines):
            grid.fit_height()  # at the width the split gave
        self._fill_goals(project)
        self._messages(project)
        self._show_held(project)

    def _part_changed(self, part: str, item: QTableWidgetItem) -> None:
        project = self.current
        if project is None or self.read_only:
            return
        rows = self.fields.part_rows(part)
        grid = self.parts[part]

        def saved(stored: Project) -> None:
            self._stored(stored)
            self.fields.fill_part(part, stored)

        def failed(error: QualitySchoolError) -> None:
            self._refused_cell(part, grid, item, error, rows)

        self.saver.run(lambda: self.workspace.projects.update(project.id, **{part: rows}), key=(project.id, part),
                       on_saved=saved, on_failed=failed, **self._held([list(r.values()) for r in rows]))

    def _add_part_row(self, part: str) -> None:
        project = self.current
        if project is None or self.read_only:
            return
        empty = {"name": "", "target": "", "actual": ""} if part == "indicators" else {"name": "", "quarter": 1}
        rows = [*self.fields.part_rows(part), empty]
        stored = self.saver.run(lambda: self.workspace.projects.update(project.id, **{part: rows}))
        if stored is not None:
            self._stored(stored)
            self.fields.fill_part(part, stored)
            self.parts[part].setCurrentCell(len(rows) - 1, 0)

    def _messages(self, project: Project) -> None:
        """The core's words on the stored project, each under the grid it is about (TEST25 #3): money
        behind or over plan under the budget, an activity outside its quarter under the activities;
        a grid with a refused value keeps its own note (:meth:`_refused_note`)."""
        found = self.workspace.projects.messages(project)
        money = [m for m in found if m in (BEHIND_NEEDS_REASON, OVER_NEEDS_REASON)]
        if paid_while_not_started(project):
            money.append(text.PAID_NOT_STARTED)
        by_part = {"indicators": [], "activities": [m for m in found if m not in money], "budget_lines": money}
        for part, lines in by_part.items():
            if self.saver.error_for((project.id, part)) is None or (project.id, part) not in self.saver.waiting_keys():
                self._set_note(part, lines)

    def _set_note(self, part: str, lines: list[str]) -> None:
        self.fields.set_note(part, [shown_text(line) for line in lines])

    def _typed_rows(self, part: str, typed: list[list[str]]) -> list[dict[str, Any]]:
        """A held grid's typed cells as the core takes its rows."""
        if part == "budget_lines":
            return [line_from_cells(cells) for cells in typed]
        return [dict(zip(PART_KEYS[part], cells)) for cells in typed]

    def _refused_note(self, part: str, error: QualitySchoolError, rows: list[dict[str, Any]]) -> dict[int, str]:
        """Under the grid: each refused row with its own reason (a later refusal elsewhere does not
        replace it: TEST25 #4), then what the other rows will be warned about once stored (an
        activity outside its quarter, TEST25 #3); returns row (from 0) -> its reason."""
        project = self.current
        checked = check_rows(project.fiscal_year, part, rows) if project is not None else []
        faulty = {row: why for row, (why, _w) in enumerate(checked) if why}
        lines = [text.NOT_SAVED_ROW.format(row=shown(row + 1), reason=why) for row, why in faulty.items()] or [
            text.NOT_SAVED_CELL.format(reason=str(error))]
        lines += [warning for _why, warnings in checked for warning in warnings]
        self._set_note(part, lines)
        return faulty

    def _refused_cell(self, part: str, grid: QTableWidget, item: QTableWidgetItem, error: QualitySchoolError,
                      rows: list[dict[str, Any]]) -> None:
        """The edited cell in red with the reason of its own row; a cell of a good row waits for the
        refused row to be put right (the grid is saved as a whole), and says so."""
        faulty = self._refused_note(part, error, rows)
        row = item.row()
        if row in faulty or not faulty:
            mark_refused(grid, item, faulty.get(row, str(error)))
        else:
            mark_refused(grid, item, text.WAITS_FOR_ROW.format(rows=", ".join(str(r + 1) for r in faulty)))

    # -- saving ------------------------------------------------------------------------------
    def _stored(self, stored: Project) -> None:
        self.projects = [stored if p.id == stored.id else p for p in self.projects]
        self.current = stored
        self._messages(stored)
        self._summarise()  # a status changed: the counts follow
        row = next((r for r, p in enumerate(self.projects) if p.id == stored.id), -1)
        if row >= 0:
            with QSignalBlocker(self.table):
                for column, value in ((1, stored.name), (2, text.SHORT_STATUSES[stored.status])):
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setText(value)
                        item.setToolTip(value if column == 1 else status_tip(stored))
            self._show_money()

    def _save(self, field: str, value: Any) -> None:
        project = self.current
        if project is None or self.read_only or getattr(project, field) == value:
            return
        self.saver.run(lambda: self.workspace.projects.update(project.id, **{field: value}), key=(project.id, field),
                       on_saved=self._stored, **self._held(value) if field != "status" else {})

    def _line_changed(self, item: QTableWidgetItem) -> None:
        project = self.current
        if project is None or self.read_only:
            return
        typed = self.fields.line_cells()
        lines = [line_from_cells(cells) for cells in typed]

        def saved(stored: Project) -> None:
            clear_mark(self.lines, item)
            self._stored(stored)
            self.fields.fill_lines(stored)  # the source as understood, and the report's group (test26b F12)

        def failed(error: QualitySchoolError) -> None:
            self._refused_cell("budget_lines", self.lines, item, error, lines)

        self.saver.run(lambda: self.workspace.projects.update(project.id, budget_lines=lines),
                       key=(project.id, "budget_lines"), on_saved=saved, on_failed=failed, **self._held(typed))

    def _held(self, typed: Any) -> dict[str, Any]:
        """A typed value refused by the rules is held by the saver (shown until stored or let go)."""
        return {"typed": True, "value": typed,
                "on_dropped": lambda: self._show(self.table.currentRow())}  # let go: the stored values

    def _add_line(self) -> None:
        project = self.current
        if project is None or self.read_only:
            return
        lines = [*project.budget_lines, {"source": "own", "agency": "", "planned": [0] * 4, "disbursed": [0] * 4}]
        stored = self.saver.run(lambda: self.workspace.projects.update(project.id, budget_lines=lines))
        if stored is not None:
            self._stored(stored)
            self._show(self.projects.index(stored))

    def add_project(self) -> Project | None:
        """Add a project to the owner and year shown, and show it."""
        if self.owner is None or self.read_only:
            return None
        owner, year = self.owner, self.year_box.value()
        added = self.saver.run(lambda: self.workspace.projects.add(year, text.NEW_NAME, **owner))
        if added is not None:
            self.current = added
            self.fill()
            self.name_edit.setFocus()
            self.name_edit.selectAll()
        return added

    def remove_current(self) -> None:
        """Remove the project shown, after asking."""
        project = self.current
        if project is None or self.read_only or not self.confirm(text.CONFIRM_REMOVE.format(name=project.name)):
            return
        if self.saver.run(lambda: self.workspace.projects.remove(project.id),
                          saved=text.REMOVED.format(name=project.name)) is not None:
            self.current = None
            self.fill()

    def _ask(self, question: str) -> bool:
        return QMessageBox.question(self, text.REMOVE, question) == QMessageBox.StandardButton.Yes

    # -- the page's other duties ----------------------------------------------------------------
    def print_pdf(self) -> None:
        """พิมพ์ (the button, and แฟ้ม › พิมพ์รายงาน on this page): :meth:`print_progress`."""
        self.print_progress()

    def print_progress(self) -> Op | None:
        """The progress report of the owner, year and period shown, as ``report progress``."""
        if self.owner is None or not self.projects:
            return None
        return self.printer.print_progress(self.workspace, {**self.printed, "year": self.year_box.value(),
                                                            "period": self.period_box.currentData()})

    def save_xlsx(self) -> Op | None:
        """บันทึกเป็น Excel: the same report's tables, the file ``report progress --xlsx`` writes."""
        if self.owner is None or not self.projects:
            return None
        return self.xlsx_printer.print_progress(self.workspace, {**self.printed, "year": self.year_box.value(),
                                                                 "period": self.period_box.currentData()})

    def confirm_leave(self) -> bool:
        """Ask before leaving with a refused change still waiting (save_state's question)."""
        return self.saver.confirm_leave(self)
