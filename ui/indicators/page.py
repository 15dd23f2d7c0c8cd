"""ตัวชี้วัดของสำนักงานเขตพื้นที่: an area office's indicators in seed 003's table form.

Per indicator, a row of targets (ค่าเป้าหมาย) and a row of the actuals the office types
(ผลการดำเนินงาน) under it, each year in its column, the name, unit and owner beside them; for an
indicator the program computes (``indicators/computed.py``) a third, read-only row of the computed
actuals. A cell is saved through ``workspace.indicators`` (the core's one write path) when its edit
ends; the save-state line says "บันทึกแล้ว" only after the core stored it, and a refused cell keeps
what was typed, in red, with the core's reason, until it is corrected (``ui/common/save_state.py``).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.indicators import COMPUTED, COMPUTED_UNITS, DEFAULT_SPAN, OfficeIndicator, format_number
from qualityschool_desktop.indicators.computed import computed_actuals
from ui.common.digits import follow, shown, shown_text, style as digit_style
from ui.common.ops import Op, Ops
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.common.widgets import page_title
from ui.common.tables import read_only_table

from . import strings as text
from .printing import IndicatorsPrinter

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

FIXED = 4  # ที่, ตัวชี้วัด, หน่วยนับ, the row's label; then a column per year, then ผู้รับผิดชอบ
REFUSED = QColor("#fde2e1")
COMPUTED_SHADE = QColor("#ecf6ec")
ACTUAL_SHADE = QColor("#eaf1f8")
ROW_LABELS = {"targets": text.TARGET, "actuals": text.ACTUAL, "computed": text.COMPUTED}


class IndicatorsPage(QWidget):
    """The page; ``noticed`` carries what a print did (the window's notice bar)."""

    noticed = Signal(object)

    def __init__(self, workspace: Workspace, *, ops: Ops | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.workspace = workspace
        self.read_only = read_only
        self.ops = ops or Ops(self)
        self.office: str | None = None
        self.years: tuple[int, ...] = tuple(range(DEFAULT_SPAN[0], DEFAULT_SPAN[1] + 1))
        self.rows: list[tuple[OfficeIndicator, str]] = []  # per table row: its indicator and kind
        self._filling = False
        self.confirm: Callable[[str], bool] = self._ask
        self.save_line = SaveStateLine(text.IDLE)
        self.saver = Saver(self.save_line, self)
        self.printer = IndicatorsPrinter(self, ops=self.ops)
        self.printer.noticed.connect(self.noticed)

        self.title = page_title(text.TITLE)
        self.office_box = QComboBox()
        self.office_box.currentIndexChanged.connect(self._office_chosen)
        office_label = QLabel(text.OFFICE_LABEL)
        office_label.setBuddy(self.office_box)
        self.span_label = QLabel("")
        self.add_button = QPushButton(text.ADD)
        menu = QMenu(self.add_button)
        for kind, label in {"": text.ADD_TYPED, **COMPUTED}.items():
            menu.addAction(label, self._adder(kind))
        self.add_button.setMenu(menu)
        self.remove_button = QPushButton(text.REMOVE)
        self.remove_button.clicked.connect(lambda _c=False: self.remove_selected())
        self.pdf_button = QPushButton(text.PRINT_PDF)
        self.pdf_button.clicked.connect(lambda _c=False: self.print_pdf())
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(office_label)
        header.addWidget(self.office_box)
        header.addWidget(self.add_button)
        header.addWidget(self.remove_button)
        header.addWidget(self.pdf_button)

        self.table = QTableWidget()
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._cell_changed)
        if read_only:
            read_only_table(self.table)
        self.empty = QLabel("")
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.span_label)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.save_line)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not read_only)
        follow(self.fill)
        follow(self._relabel)

    # -- showing -----------------------------------------------------------------------------
    def offices(self) -> list[str]:
        """The area offices to choose from: the schools' and those with indicators here."""
        none: tuple[str, ...] = ()
        found = set(self.saver.read(self.workspace.schools.area_offices, none))
        found |= set(self.saver.read(self.workspace.indicators.offices, none))
        from qualityschool_desktop.collation import thai_key

        return sorted(found, key=thai_key)

    def refresh(self, office: str | None = None) -> None:
        """Show ``office``'s indicators (None: the one shown, else the first office)."""
        offices = self.offices()
        wanted = office if office in offices else self.office if self.office in offices else (
            offices[0] if offices else None)
        self._filling = True
        self.office_box.clear()
        for name in offices:
            self.office_box.addItem(shown(name), name)  # "เขต 1" as stored, in the window's digits
        if wanted is not None:
            self.office_box.setCurrentIndex(offices.index(wanted))
        self._filling = False
        self.office = wanted
        self.fill()

    def _relabel(self) -> None:
        """The offices' names in the window's digits ("เขต 1" as stored, "เขต ๑" shown)."""
        for index in range(self.office_box.count()):
            self.office_box.setItemText(index, shown(str(self.office_box.itemData(index))))

    def _office_chosen(self, _index: int) -> None:
        if not self._filling and self.office_box.currentData():
            self.office = str(self.office_box.currentData())
            self.fill()

    def fill(self) -> None:
        """Re-read the office's indicators and lay out the table."""
        office = self.office
        found: list[OfficeIndicator] = self.saver.read(
            lambda: self.workspace.indicators.for_office(office), []) if office else []
        first = min((i.first_year for i in found), default=DEFAULT_SPAN[0])
        last = max((i.last_year for i in found), default=DEFAULT_SPAN[1])
        self.years = tuple(range(first, last + 1))
        self.span_label.setText(shown(text.SPAN.format(span=f"{first}–{last}")))
        self.empty.setText(text.NO_OFFICE if self.office is None else text.EMPTY if not found else "")
        self.empty.setVisible(self.office is None or not found)
        self.remove_button.setEnabled(bool(found) and not self.read_only)
        self.pdf_button.setEnabled(bool(found))
        self.rows = []
        computed: dict[str, dict[int, float]] = {}
        for indicator in found:
            self.rows += [(indicator, "targets"), (indicator, "actuals")]
            if indicator.computed:
                self.rows.append((indicator, "computed"))
                nothing: dict[int, float] = {}
                computed[indicator.id] = self.saver.read(partial(computed_actuals, self.workspace, indicator), nothing)
        self._filling = True
        table = self.table
        table.clearSpans()
        table.clear()
        headers = [text.NUMBER, text.NAME, text.UNIT, text.ROW, *(shown(str(y)) for y in self.years), text.OWNER]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(self.rows))
        number = 0
        for row, (indicator, kind) in enumerate(self.rows):
            top = kind == "targets"
            if top:
                number += 1
                height = 3 if indicator.computed else 2
                for column in (0, 1, 2, len(headers) - 1):
                    table.setSpan(row, column, height, 1)
                table.setItem(row, 0, self._item(shown(str(number)), editable=False))
                table.setItem(row, 1, self._item(indicator.name))
                table.setItem(row, 2, self._item(indicator.unit))
                table.setItem(row, len(headers) - 1, self._item(indicator.responsible))
            table.setItem(row, 3, self._item(ROW_LABELS[kind], editable=False))
            values = computed.get(indicator.id, {}) if kind == "computed" else getattr(indicator, kind)
            for index, year in enumerate(self.years):
                inside = indicator.first_year <= year <= indicator.last_year
                no_data = kind == "computed" and inside and values.get(year) is None
                item = self._item(text.NO_DATA if no_data else format_number(values.get(year), digit_style()),
                                  editable=inside and kind != "computed", centred=True)
                if not inside:
                    item.setToolTip(text.OUTSIDE_SPAN)
                self._shade(item, kind)
                if no_data:
                    item.setToolTip(text.NO_DATA_TIP)
                table.setItem(row, FIXED + index, item)
            self._shade(table.item(row, 3), kind)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 40), (2, 90), (3, 170), (len(headers) - 1, 200)):
            table.setColumnWidth(column, width)
        for index in range(len(self.years)):
            table.setColumnWidth(FIXED + index, 76)
        table.resizeRowsToContents()
        self._filling = False

    @staticmethod
    def _item(value: str, *, editable: bool = True, centred: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(value)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
        if centred:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item

    @staticmethod
    def _shade(item: QTableWidgetItem | None, kind: str) -> None:
        if item is not None and kind != "targets":
            item.setBackground(QBrush(COMPUTED_SHADE if kind == "computed" else ACTUAL_SHADE))
            if kind == "computed":
                item.setToolTip(text.COMPUTED_TIP)

    # -- saving ------------------------------------------------------------------------------
    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.read_only:
            return
        row, column = item.row(), item.column()
        indicator, kind = self.rows[row]
        store = self.workspace.indicators
        value = item.text()
        call: Callable[[], OfficeIndicator]
        if column in (1, 2, self.table.columnCount() - 1):
            field = {1: "name", 2: "unit"}.get(column, "responsible")
            call = lambda: store.update(indicator.id, **{field: value})  # noqa: E731
            shown_value: Callable[[OfficeIndicator], str] = lambda i: str(getattr(i, field))  # noqa: E731
            key: Any = (indicator.id, field)
        else:
            year = self.years[column - FIXED]
            call = lambda: store.set_yearly(indicator.id, kind, year, value)  # noqa: E731
            shown_value = lambda i: format_number(getattr(i, kind).get(year), digit_style())  # noqa: E731
            key = (indicator.id, kind, year)

        def saved(stored: OfficeIndicator) -> None:
            self._filling = True
            item.setText(shown_value(stored))
            item.setToolTip("")
            item.setBackground(QBrush())
            self._shade(item, kind)
            self.rows = [(stored if i.id == stored.id else i, k) for i, k in self.rows]
            self._filling = False

        def failed(error: QualitySchoolError) -> None:
            self._filling = True
            item.setBackground(QBrush(REFUSED))
            item.setToolTip(text.NOT_SAVED_CELL.format(reason=shown_text(error)))
            self._filling = False

        self.saver.run(call, key=key, on_saved=saved, on_failed=failed)

    def _adder(self, kind: str) -> Callable[[], None]:
        def add() -> None:  # no arguments: a menu's triggered(checked) passes none to it
            self.add_indicator(kind)

        return add

    def add_indicator(self, kind: str) -> OfficeIndicator | None:
        """Add an indicator to the office shown: typed (``kind`` '') or one the program computes."""
        if self.office is None or self.read_only:
            return None
        office = self.office
        name = COMPUTED[kind].split(" (")[0] if kind else text.NEW_NAME
        added = self.saver.run(lambda: self.workspace.indicators.add(
            office, name, unit=COMPUTED_UNITS.get(kind, ""), computed=kind, first_year=self.years[0],
            last_year=self.years[-1] if len(self.years) <= 10 else self.years[0] + 9))
        if added is not None:
            self.fill()
            row = next(r for r, (i, k) in enumerate(self.rows) if i.id == added.id and k == "targets")
            self.table.setCurrentCell(row, 1)
        return added

    def selected(self) -> OfficeIndicator | None:
        """The indicator of the current cell, if any."""
        row = self.table.currentRow()
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def remove_selected(self) -> None:
        """Remove the indicator of the current cell, after asking."""
        indicator = self.selected()
        if indicator is None or self.read_only or not self.confirm(text.CONFIRM_REMOVE.format(name=indicator.name)):
            return
        if self.saver.run(lambda: self.workspace.indicators.remove(indicator.id),
                          saved=text.REMOVED.format(name=indicator.name)) is not None:
            self.fill()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, text.REMOVE, question)
        return answer == QMessageBox.StandardButton.Yes

    # -- the page's other duties ----------------------------------------------------------------
    def print_pdf(self) -> None:
        """พิมพ์ PDF (the button, and แฟ้ม › พิมพ์รายงาน on this page)."""
        self.print_office()

    def print_office(self) -> Op | None:
        """พิมพ์ PDF: the office's indicators over the page's years, as ``report indicators``."""
        if self.office is None or not self.rows:
            return None
        return self.printer.print_office(self.workspace, {"area_office": self.office,
                                                          "years": (self.years[0], min(self.years[-1],
                                                                                       self.years[0] + 9))})

    def confirm_leave(self) -> bool:
        """Ask before leaving with a refused change still waiting (save_state's question)."""
        return self.saver.confirm_leave(self)
