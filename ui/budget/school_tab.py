"""The คำของบประมาณ tab of a school page: the school's items of one fiscal year (BE), edited in the
table (each change saved at once through ``workspace.budget``), a line to add one, removal with
undo. The rules of seed 001 (at most 3 equipment, 2 land-and-building items) are messages under
the table, shown as soon as an item is added or its kind changed: the draft is saved all the same.
Amounts in figures with thousands separators (the window's digits) and in Thai words (bahttext).
Where this laptop does not own the school the tab is read-only with "แก้ไขได้ที่เครื่องของโรงเรียน"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.budget import MULTI_YEAR_KINDS, BudgetItem, baht_words, format_baht, load_rules
from qualityschool_desktop import clock
from qualityschool_desktop.budget.commitment import commitment_satang, in_total_note, whole_amount_note
from qualityschool_desktop.budget.decided import REFUSED
from qualityschool_desktop.budget.years import year_choice
from qualityschool_desktop.changes import Changes
from qualityschool_desktop.thai import fiscal_year_of
from qualityschool_desktop.workspace import Workspace
from ui.common.after_edit import AfterEdit
from ui.common.columns import fit_columns, widest_cell
from ui.common.digits import follow, number, shown, shown_text, style as digit_style
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.edit_blocks import school_edit_block
from ui.common.elided_combo import ElidedCombo
from ui.common.locked import show_locked
from ui.common.save_lines import ERROR_COLOUR, SAVED_COLOUR, SaveStateLine
from ui.common.save_state import Saver, is_retryable
from ui.common.ops import Ops
from ui.common.tables import read_only_table
from ui.common.undo_removal import UndoRemoval
from ui.shell.api import SchoolTab

from . import strings as text
from .history import budget_history_dialog
from .waiting import mark_waiting

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RULE_COLOUR = "#a15c00"  # amber: over the rules is a note, the draft is saved
# The table's columns: the field each edits (None: shown only).
COLUMNS = ("priority", "kind", "description", "quantity", "unit", "unit_price", None, "span_years", "scope_codes",
           "justification")
COL_KIND, COL_AMOUNT = 1, 6
STRETCH_MIN = 200  # the description's least width before the others narrow
STRETCH_LEAST = 150  # and before ลำดับ is left out (150 %)
KIND_LEAST = 110  # the kind's box: "ครุภัณฑ์" whole, the longer kinds' beginnings
KIND_SQUEEZED = 90  # and where the list has no room for that (150 %): "ครุภั…", whole in the tooltip
# The fixed columns' widths (pixels), the description stretching. Where the list is narrower
# (125 %, 150 % display scaling) they narrow, none below its heading, the money columns never below
# their widest figure (ui.common.columns); the texts (the kind, the description, the justification)
# end in "…", whole in their tooltips: the list never scrolls sideways (TEST25 a14, s32 bud32).
COLUMN_WIDTHS = {0: 60, 1: 180, 3: 70, 4: 80, 5: 110, 6: 110, 7: 70, 8: 100, 9: 150}
COL_PRIORITY, COL_JUSTIFICATION = 0, 9
NUMERIC = {0, 3, 5, 6, 7}
MONEY = (5, 6)
TEXTS = {1, 2, 4, 8, 9}  # shortened with "…" where narrow: whole in the tooltip


def money(satang: int) -> str:
    """Baht with thousands separators in the window's digits ("25,000" / "๒๕,๐๐๐")."""
    return format_baht(satang, digit_style())


def cell_text(item: BudgetItem, column: int) -> str:
    field = COLUMNS[column]
    if field is None:
        return money(item.amount_satang)
    if field == "unit_price":
        return money(item.unit_price_satang)
    if field in ("priority", "quantity", "span_years"):
        return number(getattr(item, field))
    if field == "scope_codes":
        return shown(item.scope_codes)
    return str(getattr(item, field))


def default_year(workspace: Workspace, school_id: str | None) -> int:
    """The latest fiscal year (BE) with items of the school, or next fiscal year (a request is made
    the year before; a clock that cannot be right does not count: :func:`year_choice`)."""
    return year_choice(workspace, school_id, clock.today()).default


class BudgetPanel(SchoolTab):
    """The school's budget requests of the year chosen; every edit is saved as soon as it is made."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, ops: Ops | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ops = ops
        self.rules = load_rules()
        self.school_id: str | None = None
        self.fiscal_year = fiscal_year_of(clock.today()) + 1
        self.rows: list[BudgetItem] = []
        # (item id, field) -> (the text typed, why it waits): a save waiting for the database.
        self._typed: dict[tuple[str, str | None], tuple[str, QualitySchoolError]] = {}
        self._filling = False
        self._block = school_edit_block(workspace, None)
        self.printer: Any = None  # made at the first print (ui/budget/printing.py)
        self._build()
        follow(self._restyle)  # the digit style changed: figures in the new one

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(text.YEAR)
        self.year_box.activated.connect(self._year_chosen)
        self.hint = QLabel(text.HINT)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.remove_button = QPushButton(text.REMOVE)
        self.remove_button.clicked.connect(self.remove_selected)
        self.history_button = QPushButton(text.HISTORY)
        self.history_button.setToolTip(text.HISTORY_TIP)
        self.history_button.clicked.connect(self.show_history)
        self.history_dialog: QDialog | None = None
        # This school's request as the office prints every school's (TEST34 T10); Ctrl+P too.
        self.print_button = QPushButton(text.PRINT_SCHOOL)
        self.print_button.setToolTip(text.PRINT_SCHOOL_TIP)
        self.print_button.clicked.connect(self.print_pdf)
        self.print_with(self.print_button)
        top = QHBoxLayout()
        top.addWidget(QLabel(text.YEAR))
        top.addWidget(self.year_box)
        top.addSpacing(12)
        top.addWidget(self.hint, 1)
        top.addWidget(self.history_button)
        top.addWidget(self.remove_button)
        top.addWidget(self.print_button)

        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.clock_label.setStyleSheet(f"color: {RULE_COLOUR}; font-weight: bold;")
        self.clock_label.hide()

        self.table = QTableWidget(0, len(text.HEADERS))
        self.table.setHorizontalHeaderLabels([text.TWO_LINE_HEADINGS.get(h, h) for h in text.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._columns = fit_columns(self.table, 2, COLUMN_WIDTHS, stretch_min=STRETCH_MIN,
                                    headings=[text.TWO_LINE_HEADINGS.get(h, h) for h in text.HEADERS])
        # Every column the school edits shows (s32 bud32b: at 125 % องค์ประกอบ/ประเด็น was left
        # out, and the codes could not be set). Where the list is narrow the justification narrows
        # to its heading and the kind's box to KIND_SQUEEZED ("…", whole in the tooltips), the
        # description to STRETCH_LEAST; only if that is not room enough (150 %) is ลำดับ left out:
        # the rows are in its order and the line under the list says the selected one's
        # ("รายการที่ ๒: …"). Numbered at the left instead, the rows' numbers took the room
        # the description needs (31 px at 150 %).
        self._columns.squeeze = {COL_JUSTIFICATION: 0, COL_KIND: KIND_SQUEEZED}
        self._columns.squeeze_room = self._columns.drop_room = STRETCH_LEAST
        self._columns.droppable, self._columns.drop_last = (COL_PRIORITY,), True
        # No column is narrower than its heading's widest line; Qt's "…" would take a two-line
        # heading as one line and cut it ("ราคาต่อหน่ว…").
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setMinimumHeight(self.fontMetrics().height() * 3)  # the page stays short at 150 %
        self.table.itemChanged.connect(self._cell_edited)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.empty_label = QLabel(text.EMPTY)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.rules_label.setStyleSheet(f"color: {RULE_COLOUR}; font-weight: bold;")
        self.rules_label.hide()

        self.new_kind = QComboBox()
        self.new_kind.setAccessibleName(text.HEADERS[1])
        # The kinds' names are long: the box is as wide as a short one, its list as wide as they are.
        self.new_kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_kind.setMinimumContentsLength(16)
        for kind in self.rules.kinds:
            self.new_kind.addItem(self.rules.kind_labels[kind], kind)
        self.new_fields: dict[str, QLineEdit] = {}
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_kind)
        for field, placeholder, width in (("description", text.NEW_DESCRIPTION, 0), ("quantity", text.NEW_QUANTITY, 70),
                                          ("unit", text.NEW_UNIT, 90), ("unit_price", text.NEW_PRICE, 150),
                                          ("span_years", text.NEW_YEARS, 110)):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(placeholder)
            if width:
                edit.setFixedWidth(width)
            edit.returnPressed.connect(self.add_from_fields)
            add_row.addWidget(edit, 0 if width else 1)
            self.new_fields[field] = edit
        # The years of งบผูกพัน (2 or more); every other kind is one year (try14e f06).
        self.new_kind.currentIndexChanged.connect(self._new_kind_chosen)
        self._new_kind_chosen()
        self.add_button = QPushButton(text.ADD)
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add_from_fields)
        add_row.addWidget(self.add_button)

        self.selected_label = QLabel()
        self.selected_label.setWordWrap(True)
        self.selected_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_label = QLabel()
        self.total_label.setObjectName("sectionTitle")
        self.total_label.setWordWrap(True)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.save_line = SaveStateLine("", self)
        self._saver = Saver(self.save_line, self)
        self._after_edit = AfterEdit(self, self.table)  # a save's re-read waits while a cell is open (TEST34 T1)
        self._saved_id: str | None = None
        self.undo_button = QPushButton(text.UNDO)
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.removal: UndoRemoval[BudgetItem] = UndoRemoval(self._saver, self.undo_button, "budget")
        # One line under the add line (the page stays short at 150 %): save state, undo, the
        # selected item's amount and the total, in figures and in words.
        amounts = QVBoxLayout()
        amounts.setSpacing(0)
        amounts.addWidget(self.selected_label)
        amounts.addWidget(self.total_label)
        footer = QHBoxLayout()
        footer.addWidget(self.save_line, 1)
        footer.addWidget(self.undo_button)
        footer.addSpacing(12)
        footer.addLayout(amounts, 2)

        # In a scroll area of its own: at 150 % on a laptop the school page is short, and the tab
        # scrolls down rather than make the whole page taller (and narrower by a scroll bar).
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 8, 0, 0)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout.addLayout(top)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.rules_label)
        layout.addLayout(add_row)
        layout.addLayout(footer)
        undo = QShortcut(QKeySequence("Ctrl+Z"), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self.setFocusProxy(self.table)

    def _shut_if_blocked(self) -> None:
        editable = not self._block
        read_only_table(self.table, not editable)  # Tab leaves it while its records are locked …
        self.table.setTabKeyNavigation(False)  # … and while they are not: the new item's fields come next
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
        # The items' kinds read locked with them (refresh, _kind_box). The new item's form holds no record: it waits, greyed, as a field that takes nothing now.
        for widget in (self.add_button, self.new_kind, *self.new_fields.values()):
            widget.setEnabled(editable)
        self.hint.setText(shown_text(self._block or text.HINT))
        self.hint.setStyleSheet(f"color: {ERROR_COLOUR};" if self._block else "")
        self._update_buttons()

    def hint_text(self) -> str:
        """The line above the table: how to use it, or why it cannot be edited here."""
        return self.hint.text()

    def _fit_columns(self) -> None:
        """The columns fitted to the list's width, each at least as wide as its heading in the style
        the window gives it (TEST14 finding 16: "ราคาต่อหน่วย (บาท)" read "าคาต่อหน่วย (บาท"), the
        money columns as their widest figure ("๑,๔๓๖,๖๐๐" never cut)."""
        header = self.table.horizontalHeader()
        floors = {column: header.sectionSizeHint(column) for column in COLUMN_WIDTHS}  # the style's own measure
        floors[COL_KIND] = max(floors[COL_KIND], KIND_LEAST)
        floors.update({column: max(floors[column], widest_cell(self.table, column)) for column in MONEY})
        self._columns.floors = floors
        self._columns.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_columns()  # the window's style sheet and font are known once shown

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_columns()

    # -- data ----------------------------------------------------------------------------------
    def _restyle(self) -> None:
        """Rewrite the figures in the digit style chosen, if shown (the school page shows the
        school again when it comes back; its database may be closed meanwhile)."""
        if self.isVisible():
            self.refresh()

    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        if school_id != self.school_id:
            self.removal.forget()
            self._saver.say("")
            self.fiscal_year = default_year(self.workspace, school_id)
        self.school_id = school_id
        self._block = school_edit_block(self.workspace, school_id)
        self._shut_if_blocked()
        self.refresh()

    def holds(self, record_id: str | None) -> bool:
        return record_id is not None and any(item.id == record_id for item in self.rows)

    def on_changes(self, school_id: str, changes: Changes) -> None:
        if changes.any_budget:
            self.refresh()

    def _fill_years(self) -> None:
        choice = year_choice(self.workspace, self.school_id, clock.today(), self.fiscal_year)
        years = list(choice.years)
        self.clock_label.setText(choice.clock_note)  # the laptop's date looks wrong (try14e f07)
        self.clock_label.setVisible(bool(choice.clock_note))
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(shown(year), year)
        self.year_box.setCurrentIndex(years.index(self.fiscal_year))
        self.year_box.blockSignals(False)

    def _year_chosen(self, index: int) -> None:
        self.fiscal_year = int(self.year_box.itemData(index))
        self.removal.forget()
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        if self.school_id is None:
            return
        keep = select_id or self.selected_id()
        self._fill_years()
        self.rows = self.workspace.budget.items(self.school_id, self.fiscal_year)
        self._filling = True
        try:
            self.table.setRowCount(len(self.rows))
            for row, item in enumerate(self.rows):
                self._fill_row(row, item)
        finally:
            self._filling = False
        self.table.setVisible(bool(self.rows))
        self.empty_label.setVisible(not self.rows)
        self._fit_columns()  # the figures' widths
        messages = self.workspace.budget.messages(self.school_id, self.fiscal_year)
        self.rules_label.setText(shown_text("\n".join(messages)))
        self.rules_label.setVisible(bool(messages))
        total = sum(item.amount_satang for item in self.rows)
        commitment = in_total_note(commitment_satang(self.rows), digit_style(), short=True)  # งบผูกพัน counted whole (F11)
        self.total_label.setText(text.TOTAL.format(amount=money(total), words=baht_words(total))
                                 + (text.COMMITMENT.format(note=commitment) if commitment else ""))
        for row, item in enumerate(self.rows):
            if item.id == keep:
                self.table.selectRow(row)
                # The row just added or edited in view, not below the visible rows (TEST26b F9).
                self.table.scrollTo(self.table.model().index(row, 0))
        self._selection_changed()
        if select_id is not None:  # and the total under it, once the rule messages took their room
            QTimer.singleShot(0, self.keep_in_view)

    def keep_in_view(self) -> None:
        """Scroll the tab to the selected row's total line (at 1366×768 it needed a page scroll)."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.scrollTo(self.table.model().index(row, 0))
        if self.isVisible():  # the tab's own area, and the page's: on the school page the page scrolls (s34 T9)
            area: QWidget | None = self.scroll_area
            while area is not None:
                if isinstance(area, QScrollArea):
                    area.ensureWidgetVisible(self.total_label, 0, 4)
                area = area.parentWidget()

    def _fill_row(self, row: int, item: BudgetItem) -> None:
        for column in range(len(COLUMNS)):
            cell = self.table.item(row, column)
            if cell is None:  # updated in place: this may run inside the table's own itemChanged
                cell = QTableWidgetItem()
                if column in NUMERIC:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
            typed = self._typed.get((item.id, COLUMNS[column]))
            if typed is not None:  # waiting for the database: what was typed, marked (C14 item 10)
                cell.setText(typed[0])
                mark_waiting(self.table, cell, typed[1])
            else:
                cell.setText(cell_text(item, column) if column != COL_KIND else self.rules.kind_labels.get(item.kind, ""))
                if column != COL_AMOUNT:
                    cell.setBackground(QBrush())
                    cell.setToolTip("")
            cell.setData(ID_ROLE, item.id)
            flags = cell.flags()
            editable = column not in (COL_AMOUNT, COL_KIND) and not self._block
            cell.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags & ~Qt.ItemFlag.ItemIsEditable)
            if column in TEXTS and typed is None:  # shortened in its column: whole in the tooltip
                cell.setToolTip(cell.text())
            if column == COL_AMOUNT:  # in words; a งบผูกพัน item's is the whole commitment (try14 F11)
                cell.setToolTip("\n".join(filter(None, (baht_words(item.amount_satang),
                                                         whole_amount_note(item, digit_style())))))
        self._kind_box(row, item)

    def _kind_box(self, row: int, item: BudgetItem) -> None:
        box = self.table.cellWidget(row, COL_KIND)
        if not isinstance(box, QComboBox):
            box = ElidedCombo()  # a long kind ends in "…" in a narrow column
            box.setAccessibleName(text.HEADERS[1])
            for kind in self.rules.kinds:
                box.addItem(self.rules.kind_labels[kind], kind)
            box.activated.connect(lambda index, b=box: self._kind_chosen(b, index))
            self.table.setCellWidget(row, COL_KIND, box)
        box.setProperty("item_id", item.id)
        box.setCurrentIndex(max(0, box.findData(item.kind)))
        box.setToolTip(box.currentText())  # a long kind's whole name
        show_locked(bool(self._block), box)  # the item's kind, read as a value: not greyed as if empty (ui34)

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectionModel().isRowSelected(row):
            return None
        return self.rows[row].id

    def visible_rows(self) -> list[list[str]]:
        """The table as shown (the kind as its box shows it): for tests and for reading aloud."""
        rows = []
        for r in range(self.table.rowCount()):
            box = self.table.cellWidget(r, COL_KIND)
            rows.append([box.currentText() if c == COL_KIND and isinstance(box, QComboBox) else
                         (cell.text() if (cell := self.table.item(r, c)) is not None else "")
                         for c in range(self.table.columnCount())])
        return rows

    # -- editing -------------------------------------------------------------------------------
    def _saved(self, item: BudgetItem, message: str) -> None:
        self._saved_id = item.id
        self._after_edit.run(self._show_saved)
        self._saver.say(message.format(name=item.description or text.UNNAMED), SAVED_COLOUR)

    def _show_saved(self) -> None:
        self.refresh(select_id=self._saved_id)

    def _cell_edited(self, cell: QTableWidgetItem) -> None:
        field = COLUMNS[cell.column()]
        if self._filling or field is None:
            return
        item_id, value = str(cell.data(ID_ROLE)), cell.text()

        def failed(error: QualitySchoolError) -> None:
            if is_retryable(error):  # waiting for the database: what was typed stays, marked (C14 item 10)
                self._typed[(item_id, field)] = (value, error)
                mark_waiting(self.table, cell, error)
            else:  # refused: what is stored, the line says why
                self._typed.pop((item_id, field), None)
                self.refresh(select_id=item_id)

        def saved(item: BudgetItem) -> None:
            self._typed.pop((item_id, field), None)
            self._saved(item, text.SAVED)

        self._saver.run(lambda: self.workspace.budget.update(item_id, **{field: value}), quiet=True, typed=True,
                        value=value, key=("budget", item_id, field), on_saved=saved, on_failed=failed)

    def _kind_chosen(self, box: QComboBox, index: int) -> None:
        item_id, kind = str(box.property("item_id")), str(box.itemData(index))
        self._saver.run(lambda: self.workspace.budget.update(item_id, kind=kind), quiet=True,
                        key=("budget", item_id, "kind"), on_saved=lambda item: self._saved(item, text.SAVED),
                        on_failed=lambda _error: self.refresh(select_id=item_id))

    def _new_kind_chosen(self, _index: int = 0) -> None:
        self.new_fields["span_years"].setVisible(str(self.new_kind.currentData()) in MULTI_YEAR_KINDS)

    def add_from_fields(self) -> None:
        if self.school_id is None or self._block:
            return
        school_id, year, kind = self.school_id, self.fiscal_year, str(self.new_kind.currentData())
        values: dict[str, Any] = {field: edit.text() for field, edit in self.new_fields.items()}
        if not values["quantity"].strip():
            values.pop("quantity")  # blank: one
        if kind not in MULTI_YEAR_KINDS:
            values.pop("span_years")  # one year (the field is hidden)

        def added(item: BudgetItem) -> None:
            for edit in self.new_fields.values():
                edit.clear()
            self.new_fields["description"].setFocus()
            self._saved(item, text.ADDED)

        # What was typed stays in the fields until it is stored.
        self._saver.run(lambda: self.workspace.budget.add(school_id, year, kind, **values), quiet=True,
                        key=("budget", "add"), on_saved=added)

    def remove_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None or self._block:
            return

        def removed(item: BudgetItem) -> None:
            self.refresh()
            self._saver.say(text.REMOVED.format(name=item.description or text.UNNAMED), SAVED_COLOUR)

        self.removal.remove(item_id, lambda: self.workspace.budget.remove(item_id), removed)

    def undo(self) -> None:
        self.removal.undo(self.workspace.budget.restore, lambda item: self._saved(item, text.RESTORED))

    # -- feedback ------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        item_id = self.selected_id()
        chosen = next((row for row, item in enumerate(self.rows) if item.id == item_id), None)
        if chosen is None:
            self.selected_label.clear()
        else:
            item = self.rows[chosen]
            line = text.SELECTED.format(number=shown(chosen + 1), amount=money(item.amount_satang),
                                        words=baht_words(item.amount_satang))
            whole = whole_amount_note(item, digit_style())  # "วงเงินทั้งโครงการ (ผูกพัน ๓ ปี)" (try14 F11)
            line += text.COMMITMENT.format(note=whole) if whole else ""
            approval = self.workspace.budget.approval(item.id)
            if approval is not None and approval.approved_satang is not None:
                satang = approval.approved_satang  # 0 is a refusal: "ไม่อนุมัติ", never "อนุมัติ ๐ บาท"
                decision = REFUSED if satang == 0 else text.DECIDED.format(amount=money(satang))
                if not approval.current:
                    line += text.APPROVED_BEFORE_CHANGE.format(decision=decision)
                else:
                    line += text.APPROVED.format(decision=decision)
                    line += text.APPROVED_NOTE.format(note=approval.note) if approval.note else ""
            self.selected_label.setText(line)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_id() is not None and not self._block)
        self.history_button.setEnabled(self.selected_id() is not None)  # read-only too: looking is no edit
        self.print_button.setEnabled(bool(self.rows))

    def print_pdf(self) -> None:
        """พิมพ์คำขอ (PDF): this school's request of the year shown, the office's printout of one school."""
        if self.school_id is None or not self.rows:
            return
        from .printing import BudgetPdfPrinter

        if self.printer is None:
            self.printer = BudgetPdfPrinter(self, ops=self.ops)
            self.printer.noticed.connect(self.noticed)
        school = self.workspace.schools.get(self.school_id)
        self.printer.print_choice(self.workspace, {"fiscal_year": self.fiscal_year, "school_id": school.id,
                                                   "school_name": school.name})

    def show_history(self) -> None:
        """The edit history of the selected item (try14 F16: as the plan's rows and answers have)."""
        item_id = self.selected_id()
        if item_id is None:
            return
        item = next(row for row in self.rows if row.id == item_id)
        dialog = budget_history_dialog(self.workspace, item, self.rules.kind_labels, self)
        dialog.open()
        self.history_dialog = dialog

    def rules_text(self) -> str:
        """The rules' messages under the table ("" when the items keep to them)."""
        return self.rules_label.text() if self.rules_label.isVisibleTo(self) else ""
