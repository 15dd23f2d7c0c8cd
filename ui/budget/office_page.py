"""โรงเรียน › คำของบประมาณทุกโรงเรียน: the office's view of every school's budget requests of a
fiscal year (BE), of one area office or all: a row per school (its colour band, number of items,
amount asked and approved, whether it keeps to the rules), totals per area office, kind and colour
band, the grand total in figures and words; the selected school's items with what the office
approved (saved as typed through ``workspace.budget``). "พิมพ์ PDF" and "บันทึกเป็น Excel" write
the same files as ``report budget`` on a worker, with progress."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from qualityschool_desktop.budget import baht_words, format_baht, load_rules
from qualityschool_desktop.budget.commitment import in_total_note, whole_amount_note
from qualityschool_desktop.budget.decided import PENDING, PENDING_AGAIN, REFUSED, Decided, item_text
from qualityschool_desktop.budget.requests import OWN_APPROVAL
from qualityschool_desktop.errors import QualitySchoolError, ValidationError
from qualityschool_desktop.budget.office import BudgetPicture, SchoolRequest, budget_picture
from qualityschool_desktop.thai import fiscal_year_of
from qualityschool_desktop.workspace import Workspace
from ui.common.columns import cell_width, keep_rows
from ui.common.digits import follow, number, shown, shown_text, style as digit_style
from ui.common.ops import Ops
from ui.common.edit_blocks import shut_if_read_only
from ui.common.elided_label import keep_room
from ui.common.flow import FlowLayout
from ui.common.save_lines import SAVED_COLOUR, SaveStateLine
from ui.common.save_state import Saver, is_retryable, is_rule
from ui.common.tables import read_only_table

from . import strings as text
from .history import budget_history_dialog
from .office_fit import ListFit, SideBySide, whole_in_tooltip
from .waiting import mark_refused, mark_waiting
from .printing import BudgetPdfPrinter, BudgetXlsxPrinter
from .rules_line import RulesLine

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_HEADERS = ("รายการ", "ประเภทรายการ", "จำนวนเงิน (บาท)", "อนุมัติ (บาท)", "หมายเหตุของสำนักงาน")
COL_APPROVED, COL_NOTE = 3, 4
KIND_SQUEEZED = 110  # the kind where the list is narrow: "ครุภัณฑ์" whole, a longer one "…" (tooltip whole)
PENDING_COLOUR = "#6c757d"  # รอพิจารณา: greyed, not a figure


def money(satang: int) -> str:
    return format_baht(satang, digit_style())


def _table(headers: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    read_only_table(table)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _partly_samples() -> tuple[str, ...]:
    """An approved total with items still waiting ("๑,๒๓๔,๕๖๗ (รอ ๒)"), as wide as such a cell
    usually gets, in both digits: cut to "(รอ …" it read as nothing (TEST31 T15)."""
    # Two digits waiting: one ("รอ ๒") left a district's "(รอ ๑๓)" cut by 8 px.
    return tuple(Decided(1_234_567_00, 1, waiting).text(style, short=True)
                 for style in ("thai", "arabic") for waiting in (13, 88))


def _explain_approved(table: QTableWidget, column: int) -> None:
    """The approved column's heading says what "(รอ ๒)" in its cells means (TEST31 T15: cryptic)."""
    heading = table.horizontalHeaderItem(column)
    if heading is not None:
        heading.setToolTip(text.APPROVED_HEADING_TIP)


def _cell(value: str, *, right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(value)
    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def _commitment(satang: int) -> str:
    """" · ในจำนวนนี้เป็นงบผูกพันหลายปี … บาท" after a total holding some (try14 F11); "" without."""
    note = in_total_note(satang, digit_style(), short=True)
    return text.COMMITMENT.format(note=note) if note else ""


def _approved_cell(decided: Decided) -> QTableWidgetItem:
    """An approved total in a table: short, its tooltip saying what it counts (RETEST14 N4, N5)."""
    cell = _cell(decided.text(digit_style(), short=True), right=True)
    if decided.items:
        cell.setToolTip(decided.note(digit_style()))
    if not decided.decided:
        cell.setForeground(QBrush(QColor(PENDING_COLOUR)))
    return cell


class BudgetOfficePage(QWidget):
    """The page; ``open_school`` asks the window to show a school (a double-click on its row),
    ``noticed`` carries what a print did."""

    open_school = Signal(str)
    noticed = Signal(object)

    def __init__(self, workspace: Workspace, *, ops: Ops | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.rules = load_rules()
        self.fiscal_year = fiscal_year_of(date.today()) + 1
        self.area_office: str | None = None
        self.picture: BudgetPicture | None = None
        self._filling = False
        self.pdf_printer = BudgetPdfPrinter(self, ops=ops)
        self.xlsx_printer = BudgetXlsxPrinter(self, ops=ops)
        for printer in (self.pdf_printer, self.xlsx_printer):
            printer.noticed.connect(self.noticed)
        self._build()
        follow(self._restyle)  # the digit style changed: figures in the new one

    def _build(self) -> None:
        self.title = QLabel(text.OFFICE_TITLE)
        self.title.setObjectName("pageTitle")
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(text.YEAR)
        self.year_box.activated.connect(lambda index: self.refresh(int(self.year_box.itemData(index))))
        self.office_box = QComboBox()
        self.office_box.setAccessibleName(text.AREA_OFFICE)
        self.office_box.setMinimumWidth(260)
        self.office_box.activated.connect(self._office_chosen)
        self.pdf_button = QPushButton(text.PRINT_PDF)
        self.pdf_button.setObjectName("primaryButton")
        self.pdf_button.clicked.connect(self.print_pdf)
        self.xlsx_button = QPushButton(text.SAVE_XLSX)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        choosers = QWidget()  # with the buttons wrapping onto a line of their own at 150 % (the page was 1000 px wide)
        top_row = QHBoxLayout(choosers)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(QLabel(text.YEAR))
        top_row.addWidget(self.year_box)
        top_row.addSpacing(12)
        top_row.addWidget(QLabel(text.AREA_OFFICE))
        top_row.addWidget(self.office_box)
        top_row.addStretch(1)
        self.history_button = QPushButton(text.HISTORY)
        self.history_button.setToolTip(text.HISTORY_TIP)
        self.history_button.clicked.connect(self.show_history)
        self.history_button.setEnabled(False)
        self.history_dialog: Any = None
        top = FlowLayout()
        top.add_fill(choosers)
        for button in (self.history_button, self.pdf_button, self.xlsx_button):
            top.addWidget(button)

        # Fitted to the page's width (s33 bud33): no list scrolls sideways at 125 % or 150 %, the
        # amounts are whole, a text that gives way ends in "…", whole in its tooltip (office_fit).
        self.schools_table = _table(text.SCHOOL_HEADERS, 0)
        self.schools_fit = ListFit(self.schools_table, 0, squeeze={1: 0, 2: 0}, floors=lambda: {  # amounts whole
                                       4: cell_width(self.schools_table, money(22_222_222_00)),
                                       5: cell_width(self.schools_table, *_partly_samples())})  # "(รอ ๑๓)" whole (TEST31 T15)
        _explain_approved(self.schools_table, 5)
        self.schools_table.itemSelectionChanged.connect(self._show_items)
        self.schools_table.itemDoubleClicked.connect(self._open_school)
        self.totals_table = _table(text.TOTALS_HEADERS, 1)
        self.totals_fit = ListFit(self.totals_table, 1, squeeze={0: 0}, floors=lambda: {
            3: cell_width(self.totals_table, *_partly_samples())})
        _explain_approved(self.totals_table, 3)
        self.items_table = _table(ITEM_HEADERS, 0)
        self.items_fit = ListFit(self.items_table, 0, squeeze={1: KIND_SQUEEZED, COL_NOTE: 0})
        self.items_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.items_table.itemChanged.connect(self._approval_edited)
        self.items_table.itemSelectionChanged.connect(
            lambda: self.history_button.setEnabled(self.selected_item() is not None))
        self.school_total = QLabel()  # the selected school's asked and approved totals (RETEST14 N4)
        self.school_total.setObjectName("schoolBudgetTotal")
        self.school_total.setWordWrap(True)
        keep_room(self.school_total, 2)
        self.empty_label = QLabel(text.OFFICE_EMPTY)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.total_label = QLabel()
        self.total_label.setObjectName("sectionTitle")
        self.total_label.setWordWrap(True)
        keep_room(self.total_label, 2)
        self.save_line = SaveStateLine("", self)
        self._saver = Saver(self.save_line, self)
        self.rules_line = RulesLine(self.save_line, read_only=workspace_read_only(self.workspace))

        # Whole rows at 150 %: the page scrolls rather than cut a row through its middle (try11b F15).
        for table in (self.schools_table, self.totals_table):
            keep_rows(table, rows=3)  # rows of their own height, not a guess from the font (fit34b)
        keep_rows(self.items_table)  # the approvals: five rows, scrolled to (s34 T9)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.schools_table)
        upper.addWidget(self.totals_table)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        upper.setChildrenCollapsible(False)
        shared = QTabWidget()
        shared.setDocumentMode(True)
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(upper)
        lists_layout.addWidget(shared)
        # Side by side at 1366 px (the totals' asked and approved columns whole, N4; the schools' all);
        # two tabs where that would cut the names (1280 px, 125 %, 150 %): one list's height above
        # the approvals, not two (fit34b).
        self.lists = SideBySide(lists, upper, shared, (text.SCHOOLS_TAB, text.TOTALS_TAB),
                                (self.schools_fit.need, self.totals_fit.need))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.school_total)
        # Right above the approvals it tells of, not at the page's foot where a print's notice bar
        # lies over it (TEST25 g08_printed.png).
        lower_layout.addWidget(self.save_line)
        lower_layout.addWidget(self.items_table, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(lists)
        body.addWidget(lower)
        body.setSizes([330, 200])
        self.body = body

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.rules_line)
        shut_if_read_only(workspace_read_only(self.workspace), self.items_table)

    # -- data ----------------------------------------------------------------------------------
    def _restyle(self) -> None:
        """Rewrite the figures in the digit style chosen, if shown (a hidden page is refreshed when
        it is shown again; its database may be closed meanwhile)."""
        if self.isVisible():
            self.refresh(self.fiscal_year)

    def refresh(self, fiscal_year: int | None = None) -> None:
        """Show ``fiscal_year`` (BE; None: the latest with requests, else next year)."""
        years = self.workspace.budget.years()
        if fiscal_year is None:
            fiscal_year = years[0] if years else fiscal_year_of(date.today()) + 1
        self.fiscal_year = fiscal_year
        self._fill_boxes(years)
        self.rules = load_rules()  # the office's copy, edited meanwhile (TEST26b F11)
        self.rules_line.show_source()
        keep = self.selected_school()
        self.picture = picture = budget_picture(self.workspace, fiscal_year, area_office=self.area_office)
        self.schools_table.setRowCount(len(picture.requests))
        for row, request in enumerate(picture.requests):
            cells = [_cell(request.school.name), _cell(shown(request.school.area_office)), _cell(request.band),
                     _cell(number(len(request.items)), right=True), _cell(money(request.total_satang), right=True),
                     _approved_cell(request.decisions),  # never ๐ for undecided (N5)
                     _cell(text.OVER_RULES if request.messages else "")]
            cells[-1].setToolTip(shown_text("\n".join(request.messages)))
            for column, cell in enumerate(cells):
                cell.setData(ID_ROLE, request.school.id)
                self.schools_table.setItem(row, column, cell)
            if request.school.id == keep:
                self.schools_table.selectRow(row)
        totals = [(text.BY_OFFICE, shown(name), amount, picture.decided_by_area_office.get(name, Decided()),
                   picture.commitment_by_area_office.get(name, 0)) for name, amount in picture.by_area_office.items()]
        totals += [(text.BY_GROUP, label, amount, picture.decided_by_group.get(label, Decided()),
                    picture.commitment_by_group.get(label, 0)) for label, amount in picture.by_group.items()]
        totals += [(text.BY_BAND, band, amount, picture.decided_by_band.get(band, Decided()),
                    picture.commitment_by_band.get(band, 0))
                   for band, amount in picture.by_band.items()]  # the checklist's order
        self.totals_table.setRowCount(len(totals))
        for row, (kind, name, amount, decided, commitment) in enumerate(totals):
            asked = _cell(money(amount), right=True)
            asked.setToolTip(in_total_note(commitment, digit_style()))  # งบผูกพัน counted whole (try14 F11)
            for column, cell in enumerate((_cell(kind), _cell(name), asked, _approved_cell(decided))):
                self.totals_table.setItem(row, column, cell)
        whole_in_tooltip(self.schools_table, (0, 1, 2))
        whole_in_tooltip(self.totals_table, (0, 1))
        self.schools_fit.refit()
        self.totals_fit.refit()
        self.lists.arrange()
        self.body.setVisible(bool(picture.requests))
        self.empty_label.setVisible(not picture.requests)
        decided = picture.decisions
        self.total_label.setText((text.GRAND_TOTAL if decided.decided else text.GRAND_PENDING).format(
            amount=money(picture.total_satang), words=baht_words(picture.total_satang),
            approved=money(decided.satang), counted=decided.note(digit_style()), items=number(decided.items),
            commitment=_commitment(picture.commitment_satang)))
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(bool(picture.requests))
        if self.schools_table.rowCount() and self.selected_school() is None:
            self.schools_table.selectRow(0)
        self._show_items()

    def _fill_boxes(self, years: list[int]) -> None:
        current = fiscal_year_of(date.today())
        choices = sorted({*years, current, current + 1, self.fiscal_year}, reverse=True)
        self.year_box.clear()
        for year in choices:
            self.year_box.addItem(shown(year), year)
        self.year_box.setCurrentIndex(choices.index(self.fiscal_year))
        self.office_box.clear()
        self.office_box.addItem(text.ALL_OFFICES, None)
        for office in self.workspace.schools.area_offices():
            self.office_box.addItem(shown(office), office)
        if self.office_box.findData(self.area_office) < 0:  # its schools are gone: all offices
            self.area_office = None
        self.office_box.setCurrentIndex(max(0, self.office_box.findData(self.area_office)))

    def _office_chosen(self, index: int) -> None:
        data = self.office_box.itemData(index)
        self.area_office = str(data) if data else None
        self.refresh(self.fiscal_year)

    def selected_school(self) -> str | None:
        row = self.schools_table.currentRow()
        cell = self.schools_table.item(row, 0) if row >= 0 else None
        if cell is None or not self.schools_table.selectionModel().isRowSelected(row):
            return None
        return str(cell.data(ID_ROLE))

    def _request(self) -> SchoolRequest | None:
        school_id = self.selected_school()
        return next((r for r in self.picture.requests if r.school.id == school_id), None) if self.picture else None

    def _show_school_total(self, request: SchoolRequest | None) -> None:
        """The selected school's asked and approved totals for the year, in the user's digits."""
        self.school_total.setVisible(request is not None)
        if request is None:
            return
        decided = request.decisions
        values = {"name": request.school.name, "year": shown(self.fiscal_year), "asked": money(request.total_satang),
                  "approved": money(decided.satang), "items": number(decided.items),
                  "counted": decided.note(digit_style()), "commitment": _commitment(request.commitment_satang)}
        self.school_total.setText((text.SCHOOL_TOTAL if decided.decided else text.SCHOOL_PENDING).format(**values))

    def _show_items(self) -> None:
        request = self._request()
        self._show_school_total(request)
        items = request.items if request else ()
        office = request is not None and self.workspace.reviews.office_here(request.school.id)
        self._filling = True
        try:
            self.items_table.setRowCount(len(items))
            for row, item in enumerate(items):
                approval = request.approvals.get(item.id) if request else None
                whole = whole_amount_note(item, digit_style())  # งบผูกพัน: the whole commitment (try14 F11)
                cells = [_cell(item.description + (text.COMMITMENT.format(note=whole) if whole else "")),
                         _cell(self.rules.kind_labels.get(item.kind, item.kind)),
                         _cell(money(item.amount_satang), right=True),
                         QTableWidgetItem(item_text(approval, digit_style())),  # รอพิจารณา, never ๐ (N5)
                         QTableWidgetItem(approval.note if approval else "")]
                cells[2].setToolTip(baht_words(item.amount_satang))
                if not office:  # the school's own laptop shows the office's decisions, never makes one
                    for column in (COL_APPROVED, COL_NOTE):
                        cells[column].setFlags(cells[column].flags() & ~Qt.ItemFlag.ItemIsEditable)
                        cells[column].setToolTip(OWN_APPROVAL)
                if approval is not None and not approval.current:  # changed since: decide again
                    before = approval.approved_satang  # 0 a refusal, None no amount: never "อนุมัติ ๐ บาท"
                    tip = text.NEW_DECISION_TIP.format(decision=PENDING if before is None else REFUSED if before == 0
                                                       else text.DECIDED.format(amount=money(before)))
                    cells[COL_APPROVED].setToolTip(tip + (text.NEW_DECISION_TYPE if office else "\n" + OWN_APPROVAL))
                    cells[COL_APPROVED].setBackground(QBrush(QColor("#fff3cd")))
                if cells[COL_APPROVED].text() in (PENDING, PENDING_AGAIN):
                    cells[COL_APPROVED].setForeground(QBrush(QColor(PENDING_COLOUR)))
                cells[COL_APPROVED].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                for column, cell in enumerate(cells):
                    cell.setData(ID_ROLE, item.id)
                    self.items_table.setItem(row, column, cell)
                self._show_refused(row, item.id)
            whole_in_tooltip(self.items_table, (0, 1, COL_NOTE))
        finally:
            self._filling = False
        self.items_fit.refit()

    def _show_refused(self, row: int, item_id: str) -> None:
        """An approval the core refused stays as typed, marked with why, when its school's items are
        shown again (TEST25 #6: it went back to รอพิจารณา at once; the projects editor keeps it)."""
        key = ("approval", item_id)
        typed, error = self._saver.waiting_value(key), self._saver.error_for(key)
        if not isinstance(typed, dict) or error is None or not is_rule(error):
            return
        for column, field in ((COL_APPROVED, "shown"), (COL_NOTE, "note")):
            cell = self.items_table.item(row, column)
            if cell is not None and cell.text() != typed[field]:
                cell.setText(typed[field])
                mark_refused(self.items_table, cell, error)

    def confirm_leave(self) -> bool:
        """Before the page goes: an approval still typed but not stored (refused by the rules, or
        waiting for the database) is tried again, then the user is asked to stay, try again or let
        it go (TEST31b U8: ‹ ย้อนกลับ left without the question the README promises). True: may go."""
        return self._saver.confirm_leave(self)

    def selected_item(self) -> Any:
        """The budget item of the selected row of the items table, None when none is selected."""
        request, row = self._request(), self.items_table.currentRow()
        if request is None or not 0 <= row < len(request.items) or not self.items_table.selectedItems():
            return None
        return request.items[row]

    def show_history(self) -> None:
        """The selected item's edit history (try14 F16), as the school's tab shows it."""
        item = self.selected_item()
        if item is not None:
            self.history_dialog = budget_history_dialog(self.workspace, item, self.rules.kind_labels, self)
            self.history_dialog.open()

    def _open_school(self, cell: QTableWidgetItem) -> None:
        self.open_school.emit(str(cell.data(ID_ROLE)))

    def _cell_of(self, item_id: str, column: int) -> QTableWidgetItem | None:
        """The cell in ``column`` of the item ``item_id`` as the table shows it now, if it does."""
        for row in range(self.items_table.rowCount()):
            cell = self.items_table.item(row, column)
            if cell is not None and cell.data(ID_ROLE) == item_id:
                return cell
        return None

    def _approval_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() not in (COL_APPROVED, COL_NOTE):
            return
        row, column, item_id = cell.row(), cell.column(), str(cell.data(ID_ROLE))
        amount = self.items_table.item(row, COL_APPROVED)
        note = self.items_table.item(row, COL_NOTE)
        typed = amount.text().strip() if amount else ""
        # The cell's own words: รอพิจารณา (…) is no decision, ไม่อนุมัติ a refusal (0).
        typed = "" if typed in (PENDING, PENDING_AGAIN) else "0" if typed == REFUSED else typed
        values: dict[str, Any] = {"approved_baht": typed, "note": note.text() if note else ""}
        held = {"shown": amount.text() if amount else "", "note": values["note"]}  # as typed, if refused
        request = self._request()
        item = next((each for each in request.items if each.id == item_id), None) if request else None

        def approve() -> Any:
            try:
                return self.workspace.budget.set_approval(item_id, **values)
            except ValidationError as error:
                if request is None or item is None:
                    raise
                # Which school and item: the line stays while another school's items are shown (TEST26b F8).
                raise ValidationError(text.REFUSED_FOR.format(school=request.school.name, item=item.description,
                                                              reason=error), detail=error.detail) from error

        def saved(_approval: Any) -> None:
            self.refresh(self.fiscal_year)
            self._saver.say(text.APPROVAL_SAVED, SAVED_COLOUR)

        def failed(error: QualitySchoolError) -> None:
            # The cell as shown now: a later try comes after the table was filled again.
            shown_cell = self._cell_of(item_id, column)
            if shown_cell is None:  # another school's items are shown: kept by the saver meanwhile
                return
            if is_retryable(error):  # waiting for the database: the typed amount stays, marked (C14 item 10)
                mark_waiting(self.items_table, shown_cell, error)
            elif is_rule(error):  # refused: kept as typed with why until corrected (TEST25 #6)
                mark_refused(self.items_table, shown_cell, error)
            else:
                self._show_items()

        self._saver.run(approve, quiet=True, typed=True,
                        value=held, key=("approval", item_id), on_saved=saved, on_failed=failed,
                        on_dropped=self._show_items)

    # -- printing ------------------------------------------------------------------------------
    def _choice(self) -> dict[str, Any]:
        return {"fiscal_year": self.fiscal_year, "area_office": self.area_office}

    def print_pdf(self) -> None:
        """พิมพ์ PDF (also แฟ้ม › พิมพ์รายงาน on this page)."""
        self.pdf_printer.print_choice(self.workspace, self._choice())

    def save_xlsx(self) -> None:
        """บันทึกเป็น Excel."""
        self.xlsx_printer.print_choice(self.workspace, self._choice())

    def visible_totals(self) -> list[list[str]]:
        """The totals table as shown (by, name, asked, approved): for tests."""
        return [[cell.text() if (cell := self.totals_table.item(r, c)) is not None else ""
                 for c in range(self.totals_table.columnCount())] for r in range(self.totals_table.rowCount())]

    def school_total_text(self) -> str:
        return self.school_total.text() if self.school_total.isVisibleTo(self) else ""

    def visible_schools(self) -> list[list[str]]:
        """The schools' table as shown: for tests."""
        return [[cell.text() if (cell := self.schools_table.item(r, c)) is not None else ""
                 for c in range(self.schools_table.columnCount())] for r in range(self.schools_table.rowCount())]


def workspace_read_only(workspace: Workspace) -> bool:
    return bool(workspace.read_only)
