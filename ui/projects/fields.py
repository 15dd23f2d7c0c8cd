"""The chosen project's fields — the projects editor's right-hand panel (issue 15): its widgets and
layout, and how a project's stored values go into them and typed values come back out. Saving is the
editor's (``editor.py``); this module knows no workspace.

The panel scrolls as a whole; its grids (indicators, activities, the budget by quarter) show every
row and every column without a scroll bar of their own (TEST25 #5), their headings in two lines so
the columns stay narrow. What the core says about a grid (a refusal, a date outside its quarter,
money behind plan) is shown right under that grid (TEST25 #3).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QTableWidget, QTableWidgetItem, QWidget,
)

from qualityschool_desktop.budget.money import format_baht
from qualityschool_desktop.projects import STATUSES, Project
from qualityschool_desktop.thai_dates import format_date_numeric
from ui.common.digits import shown, shown_text, style as digit_style

from . import strings as text
from .sources import SourceDelegate, line_tip, project_group_note, source_cell, source_of

REFUSED = QColor("#fde2e1")
WARNING_COLOUR = "#b3261e"
COLUMN_LEAST = 44  # pixels of any grid column
FIRST_COLUMN_LEAST = 150  # pixels of a grid's first column (the activity's or the indicator's name)
NARROW_PADDING = 24  # pixels a narrow column adds to half its text: the cell's margins, a word's slack
WRAP_BELOW = 440  # pixels of the fields' panel under which each label goes above its field
TEXTS = (("output_goals", text.OUTPUT), ("outcome_goals", text.OUTCOME), ("behind_reason", text.REASON),
         ("results_summary", text.RESULTS), ("problems", text.PROBLEMS), ("suggestions", text.SUGGESTIONS))
PART_KEYS = {"indicators": ("name", "target", "actual"),
             "activities": ("name", "quarter", "planned_start", "planned_end", "actual_start", "actual_end", "status")}


class TextBox(QPlainTextEdit):
    """A multi-line field that says when its edit ends (focus leaves it)."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        """Qt's call: the edit ended."""
        super().focusOutEvent(event)
        self.left.emit()


class WholeGrid(QTableWidget):
    """A grid as tall as its rows: the panel around it scrolls, not the grid (TEST25 #5: the
    activities showed two rows at 1366×768)."""

    def __init__(self, columns: tuple[str, ...], minimum_rows: int = 1, narrow: tuple[int, ...] = ()) -> None:
        super().__init__(0, len(columns))
        self.minimum_rows = minimum_rows
        # Columns of words (the activity's status) in about two lines, not one long one: the name
        # has that room (TEST34 T11: activity names read "ประชุม..." at 1366×768).
        self.narrow = narrow
        self.setHorizontalHeaderLabels([shown_text(c) for c in columns])
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in narrow:
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # The first column takes the room the others leave (resizeEvent), never less than its heading:
        # stretched it fell to 28 px at 125 % ("แหล่ง/งบประมาณ" unreadable).
        # Not ui.common.columns.keep_stretch_heading: its least width is every column's, and a
        # money column as wide as "แหล่งงบประมาณ" made the budget scroll sideways (TEST25 #5).
        self.horizontalHeader().setMinimumSectionSize(COLUMN_LEAST)
        self.model().rowsInserted.connect(lambda *_a: self.fit_height())
        self.model().rowsRemoved.connect(lambda *_a: self.fit_height())
        self.model().dataChanged.connect(lambda *_a: self.fit_first_column())
        self.fit_height()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        """The first column gets what the others leave, at least its heading's width; the rows
        as tall as their wrapped names, the grid as tall as its rows."""
        super().resizeEvent(event)
        self.fit_height()

    def fit_first_column(self) -> None:
        """Size the first column: the viewport's width less the other columns', at least its heading;
        a :attr:`narrow` column about half its longest text (two lines), never under its heading.
        A long name wraps (rows as tall as their text), whole in its tooltip too."""
        head = self.horizontalHeader()
        for column in self.narrow:
            content = self.sizeHintForColumn(column)
            half = max(head.sectionSizeHint(column), content // 2 + NARROW_PADDING)
            head.resizeSection(column, min(max(content, head.sectionSizeHint(column)), half))
        others = sum(head.sectionSize(c) for c in range(1, self.columnCount()))
        least = max(head.sectionSizeHint(0), COLUMN_LEAST)  # a long name wraps; its heading stays whole
        head.resizeSection(0, max(least, self.viewport().width() - others))
        self.resizeRowsToContents()

    def needed_width(self) -> int:
        """Pixels to show every column whole: each column's heading or widest cell, the stretching
        first one :data:`FIRST_COLUMN_LEAST`."""
        head = self.horizontalHeader()
        columns = sum(max(head.sectionSizeHint(c), self.sizeHintForColumn(c)) for c in range(1, self.columnCount()))
        return columns + max(FIRST_COLUMN_LEAST, head.sectionSizeHint(0)) + 2 * self.frameWidth()

    def fit_height(self) -> None:
        """As tall as the heading, every row and the sideways scroll bar when one shows."""
        self.fit_first_column()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        empty = self.verticalHeader().defaultSectionSize() * max(0, self.minimum_rows - self.rowCount())
        # the sideways bar (a narrow window) takes its height from the rows unless counted here
        sideways = self.horizontalScrollBar().isVisible() or self.needed_width() > self.width()
        bar = self.horizontalScrollBar().sizeHint().height() if sideways else 0
        self.setFixedHeight(self.horizontalHeader().height() + rows + empty + bar + 2 * self.frameWidth())


def _note() -> QLabel:
    label = QLabel("")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {WARNING_COLOUR};")
    label.hide()
    return label


class ProjectFields(QWidget):
    """The fields of one project. ``name_edit``, ``responsible_edit``, ``goal_box``,
    ``components_edit``, ``status_box``, ``texts`` (field -> box), ``parts`` ("indicators",
    "activities" -> grid), ``lines`` (the budget by quarter), ``add_row_buttons``,
    ``add_line_button``; ``notes`` (part -> the line under its grid), ``message`` the budget's."""

    def __init__(self) -> None:
        super().__init__()
        self.name_edit = QLineEdit()
        self.responsible_edit = QLineEdit()
        self.goal_box = QComboBox()  # the plan goal it serves (a school's plans; issue 15, try15 F1)
        self.goal_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.goal_box.setMinimumContentsLength(12)
        self.components_edit = QLineEdit()
        self.components_edit.setToolTip(shown_text(text.COMPONENTS_TIP))
        self.components_edit.setPlaceholderText(shown_text(text.COMPONENTS_PLACEHOLDER))
        self.status_box = QComboBox()
        for key, label in STATUSES.items():
            self.status_box.addItem(label, key)
        self.texts: dict[str, TextBox] = {}
        for field, _label in TEXTS:
            box = TextBox()
            box.setTabChangesFocus(True)
            box.setFixedHeight(64)
            self.texts[field] = box
        self.texts["results_summary"].setToolTip(text.RESULTS_TIP)
        self.texts["results_summary"].setPlaceholderText(text.RESULTS_TIP)
        self.lines = WholeGrid(text.LINE_COLUMNS)
        self.lines.horizontalHeaderItem(0).setToolTip(text.SOURCE_TIP)  # type: ignore[union-attr]
        self.source_delegate = SourceDelegate(self.lines)  # a choice, not free text (test26b F12)
        self.lines.setItemDelegateForColumn(0, self.source_delegate)
        self.group_note = QLabel("")  # the report's group the project falls in
        self.group_note.setWordWrap(True)
        self.add_line_button = QPushButton(text.ADD_LINE)
        self.parts: dict[str, WholeGrid] = {}
        self.add_row_buttons: dict[str, QPushButton] = {}
        self.notes: dict[str, QLabel] = {}
        for part, columns in (("indicators", text.INDICATOR_COLUMNS), ("activities", text.ACTIVITY_COLUMNS)):
            grid = WholeGrid(columns, narrow=(len(columns) - 1,) if part == "activities" else ())  # the status
            self.parts[part] = grid
            self.add_row_buttons[part] = QPushButton(text.ADD_ROW[part])
            self.notes[part] = _note()
        self.notes["budget_lines"] = self.message = _note()

        form = QFormLayout()
        form.addRow(text.NAME, self.name_edit)
        form.addRow(text.GOAL, self.goal_box)
        form.addRow(text.COMPONENTS, self.components_edit)
        form.addRow(text.RESPONSIBLE, self.responsible_edit)
        form.addRow(text.STATUS, self.status_box)
        for field, label in TEXTS[:2]:
            form.addRow(label, self.texts[field])
        for part, label in (("indicators", text.INDICATORS), ("activities", text.ACTIVITIES)):
            row = QHBoxLayout()
            row.addWidget(QLabel(label))
            row.addWidget(self.add_row_buttons[part])
            row.addStretch(1)
            form.addRow(row)
            form.addRow(self.parts[part])
            form.addRow(self.notes[part])  # its refusals and warnings right under it (TEST25 #3)
        row = QHBoxLayout()
        row.addWidget(QLabel(text.BUDGET))
        row.addWidget(self.add_line_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.lines)
        form.addRow(self.group_note)
        form.addRow(self.message)
        for field, label in TEXTS[2:]:
            form.addRow(label, self.texts[field])
        self.form = form
        self.details = QWidget()
        self.details.setLayout(form)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.details)
        self.scroll_area.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Qt's call: the panel resized: labels above the fields where it is narrow (150 %: try15 F14)."""
        if event.type() == QEvent.Type.Resize:
            wrap = self.scroll_area.width() < WRAP_BELOW
            policy = QFormLayout.RowWrapPolicy.WrapAllRows if wrap else QFormLayout.RowWrapPolicy.DontWrapRows
            if self.form.rowWrapPolicy() != policy:
                self.form.setRowWrapPolicy(policy)
            for grid in (*self.parts.values(), self.lines):
                grid.fit_height()
            for note in (*self.notes.values(), self.group_note):
                self.fit_note(note)
        return False

    def set_note(self, part: str, lines: list[str]) -> None:
        """``lines`` under ``part``'s grid (none: the note hides)."""
        note = self.notes[part]
        note.setText("\n".join(lines))
        note.setVisible(bool(lines))
        self.fit_note(note)

    def fit_note(self, note: QLabel) -> None:
        """A note as tall as its wrapped lines at the panel's width: the form in the scroll area
        otherwise drew it over the grid above it."""
        margins = self.form.contentsMargins()
        width = self.scroll_area.viewport().width() - margins.left() - margins.right()
        note.setMinimumHeight(note.heightForWidth(max(width, 200)) if note.text() else 0)

    def needed_width(self) -> int:
        """Pixels the panel needs to show its grids without a sideways scroll bar (TEST25 #5)."""
        margins = self.form.contentsMargins()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        return (max(grid.needed_width() for grid in (*self.parts.values(), self.lines)) + margins.left()
                + margins.right() + bar + 2 * self.scroll_area.frameWidth())

    def relabel(self) -> None:
        """Headings and tooltips in the window's digits."""
        for grid, columns in ((self.lines, text.LINE_COLUMNS), (self.parts["indicators"], text.INDICATOR_COLUMNS),
                              (self.parts["activities"], text.ACTIVITY_COLUMNS)):
            grid.setHorizontalHeaderLabels([shown_text(c) for c in columns])
        self.lines.horizontalHeaderItem(0).setToolTip(text.SOURCE_TIP)  # type: ignore[union-attr]
        self.components_edit.setToolTip(shown_text(text.COMPONENTS_TIP))  # its example in the window's digits
        self.components_edit.setPlaceholderText(shown_text(text.COMPONENTS_PLACEHOLDER))

    # -- a project into the fields -------------------------------------------------------------------
    def show_project(self, project: Project) -> None:
        """Every field but the plan goal (the editor reads its choices) as ``project`` holds it."""
        self.name_edit.setText(project.name)
        self.responsible_edit.setText(project.responsible)
        for edit in (self.name_edit, self.responsible_edit):
            edit.setCursorPosition(0)  # a long name shows its start, not its end (try11b F11)
        self.components_edit.setText(shown(project.component_codes))
        self.status_box.setCurrentIndex(list(STATUSES).index(project.status))
        for field, box in self.texts.items():
            box.setPlainText(str(getattr(project, field)))
        self.fill_lines(project)
        for part in self.parts:
            self.fill_part(part, project)

    def fill_lines(self, project: Project) -> None:
        """The budget lines, one row each: the source as the window words it, then the money by quarter."""
        school = self.source_delegate.school = project.school_id is not None
        with QSignalBlocker(self.lines):
            self.lines.setRowCount(len(project.budget_lines))
            for row, line in enumerate(project.budget_lines):
                cells = [source_cell(line, school), *(format_baht(v, digit_style()) for v in line["planned"]),
                         *(format_baht(v, digit_style()) for v in line["disbursed"])]
                for column, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setToolTip(line_tip(cells[0]))  # which of the report's groups it counts in
                    self.lines.setItem(row, column, item)
        self.group_note.setText(project_group_note(project) if project.budget_lines else "")
        self.group_note.setVisible(bool(project.budget_lines))
        self.fit_note(self.group_note)
        self.lines.fit_height()

    def fill_part(self, part: str, project: Project) -> None:
        """The indicators or activities of ``project`` in their grid (figures and dates in the window's digits)."""
        rows: list[list[str]] = []
        for entry in getattr(project, part):
            if part == "indicators":
                rows.append([entry["name"], shown(entry["target"]), shown(entry["actual"])])
            else:
                dates = [format_date_numeric(date.fromisoformat(entry[k]), style=digit_style()) if entry[k] else ""
                         for k in PART_KEYS["activities"][2:6]]
                rows.append([entry["name"], shown(entry["quarter"]), *dates, STATUSES[entry["status"]]])
        grid = self.parts[part]
        with QSignalBlocker(grid):
            grid.setRowCount(len(rows))
            for row, cells in enumerate(rows):
                for column, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value if column in (0, len(cells) - 1) else "")  # the name, the status whole
                    grid.setItem(row, column, item)
        grid.fit_height()

    def show_typed(self, field: str, typed: Any, reason: str) -> None:
        """A value the core refused, as typed, in red with its reason (cells) where ``field`` is shown."""
        grid = self.lines if field == "budget_lines" else self.parts.get(field)
        if grid is not None and isinstance(typed, list):
            with QSignalBlocker(grid):
                for row, cells in enumerate(typed):
                    for column, value in enumerate(cells):
                        item = grid.item(row, column) if row < grid.rowCount() else None
                        if item is not None and item.text() != value:  # the cell typed, not stored
                            item.setText(value)
                            mark_refused(grid, item, reason)
        elif field in ("name", "responsible") and isinstance(typed, str):
            getattr(self, f"{field}_edit").setText(typed)
        elif field in self.texts and isinstance(typed, str):
            self.texts[field].setPlainText(typed)

    # -- typed values out of the fields ----------------------------------------------------------------
    def part_rows(self, part: str) -> list[dict[str, str]]:
        """The rows of the indicators' or activities' grid as typed, keyed as the core takes them."""
        grid, keys = self.parts[part], PART_KEYS[part]
        return [dict(zip(keys, (cell_text(grid, row, c) for c in range(len(keys))))) for row in range(grid.rowCount())]

    def line_cells(self) -> list[list[str]]:
        """The budget grid's cells as typed, row by row."""
        return [[cell_text(self.lines, row, c) for c in range(len(text.LINE_COLUMNS))]
                for row in range(self.lines.rowCount())]


def cell_text(grid: QTableWidget, row: int, column: int) -> str:
    """A cell's text, "" for an empty cell."""
    item = grid.item(row, column)
    return item.text() if item is not None else ""


def mark_refused(grid: QTableWidget, item: QTableWidgetItem, reason: str) -> None:
    """``item`` in red with the core's reason as its tooltip (its own: TEST25 #4)."""
    with QSignalBlocker(grid):
        item.setBackground(QBrush(REFUSED))
        item.setToolTip(text.NOT_SAVED_CELL.format(reason=shown_text(reason)))


def clear_mark(grid: QTableWidget, item: QTableWidgetItem) -> None:
    """``item`` as a stored cell again."""
    with QSignalBlocker(grid):
        item.setBackground(QBrush())
        item.setToolTip("")


def line_from_cells(cells: list[str]) -> dict[str, Any]:
    """A budget line as the core takes it from the grid's typed cells: the first cell empty: the
    owner's own budget (empty or named: :data:`~.strings.OWN_WORDS`); "จัดสรรจาก สพฐ." (or "สพฐ."):
    allocated by OBEC; anything else: the agency's name."""
    first = " ".join(cells[0].split())
    source = source_of(first)
    return {"source": source, "agency": first if source == "agency" else "", "planned_baht": cells[1:5],
            "disbursed_baht": cells[5:9]}


__all__ = ["ProjectFields", "TEXTS", "TextBox", "WholeGrid", "line_from_cells", "mark_refused", "source_cell"]
