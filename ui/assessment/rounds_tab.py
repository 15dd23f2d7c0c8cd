"""A school's self-assessment rounds, newest first: the first tab of the school page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from qualityschool_desktop.assessments import Assessment
from qualityschool_desktop.changes import Changes
from qualityschool_desktop.scoring import AssessmentResult
from ui.common.digits import day as shown_day
from ui.common.digits import score, shown
from qualityschool_desktop.workspace import Workspace
from ui.common.columns import cell_width, fit_columns
from ui.common.edit_blocks import school_edit_block, shut_for, shut_if_read_only
from ui.common.tables import CHIP_ROLE, ID_ROLE, ChipDelegate, OpenOnEnterTable, band_chip, set_up_list_table
from ui.shell.api import SchoolTab

from . import strings as text

# -- Thai strings ----------------------------------------------------------------------------
ROUNDS_TITLE = "การประเมินตนเอง"
NEW_ROUND = "เริ่มประเมินรอบใหม่"
CONTINUE = "ทำแบบประเมินต่อ"
OPEN_SUBMITTED = "เปิดแบบประเมิน"
RESULTS = "ดูผลการประเมิน"
HEADERS = ("ปีงบประมาณ", "รอบที่", "วันที่ประเมิน", "ผู้ประเมิน", "สถานะ", "ความคืบหน้า", "คะแนน", "กลุ่มสี")
PROGRESS = "{answered}/{total} ประเด็น ({percent}%)"
PROVISIONAL = "ผลเบื้องต้น: ตอบแล้ว {answered} จาก {total} ประเด็น"
NO_ROUNDS = "ยังไม่มีการประเมิน กด “เริ่มประเมินรอบใหม่” เพื่อเริ่มประเมินตนเองรอบแรก"

COL_YEAR, COL_ROUND, COL_DATE, COL_ASSESSOR, COL_STATUS, COL_PROGRESS, COL_SCORE, COL_BAND = range(8)


class RoundsTab(SchoolTab):
    """Lists the rounds of the school shown; asks its feature to start a round, open one, show
    its results or print its report."""

    new_round = Signal(str)  # school id
    open_assessment = Signal(str)
    open_results = Signal(str)
    print_report = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school_id: str | None = None
        self.rounds: list[Assessment] = []
        self.results: dict[str, AssessmentResult] = {}

        rounds_title = QLabel(ROUNDS_TITLE)
        rounds_title.setObjectName("sectionTitle")
        self.new_button = QPushButton(NEW_ROUND)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(lambda: self.school_id and self.new_round.emit(self.school_id))
        shut_if_read_only(workspace.read_only, self.new_button)
        self.open_button = QPushButton(CONTINUE)
        self.open_button.clicked.connect(self._open_selected)
        self.results_button = QPushButton(RESULTS)
        self.results_button.clicked.connect(self._results_selected)
        self.print_button = QPushButton(text.PRINT_BUTTON)
        self.print_button.setToolTip(text.PRINT_TIP)
        self.print_button.clicked.connect(self._print_selected)
        self.print_with(self.print_button)  # แฟ้ม › พิมพ์รายงาน (Ctrl+P) too
        actions = QHBoxLayout()
        actions.addWidget(rounds_title)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.results_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.new_button)

        self.table = OpenOnEnterTable(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setItemDelegate(ChipDelegate(self.table))
        set_up_list_table(self.table, self.fontMetrics().height() + 14)
        self._columns = fit_columns(self.table, COL_ASSESSOR, {
            COL_YEAR: 110, COL_ROUND: 70, COL_DATE: 170, COL_STATUS: 100,
            COL_PROGRESS: 190, COL_SCORE: 80, COL_BAND: 100,
        }, stretch_min=160, keep=frozenset({COL_PROGRESS}),  # "(100%)" whole at 150 %
            stretch_least=self._names_width)
        # The assessor's name whole, the role beside it only where it fits (VERIFY32b B11: 125 %
        # "นายบุญเลิศ ทองดี (ผู้อำนวยกา…", 150 % "(…"); the tooltip says both.
        self.table.horizontalHeader().sectionResized.connect(self._assessor_resized)
        self.table.itemActivated.connect(lambda _item: self._open_selected())
        self.table.open_requested.connect(self._open_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel(NO_ROUNDS)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)

    # -- the tab -----------------------------------------------------------------------------
    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        self.school_id = school_id
        shut_for(school_edit_block(self.workspace, school_id), self.new_button)
        self.refresh(select_id)

    def holds(self, record_id: str | None) -> bool:
        return any(assessment.id == record_id for assessment in self.rounds)

    def on_changes(self, school_id: str, changes: Changes) -> None:
        if changes.any_schools or changes.any_assessments:
            self.refresh()

    def focus_list(self) -> None:
        self.table.setFocus()

    # -- data --------------------------------------------------------------------------------
    def refresh(self, select_id: str | None = None) -> None:
        if self.school_id is None:
            return
        keep = select_id or self.selected_id()
        self.rounds = self.workspace.assessments.for_school(self.school_id)
        self.results = {a.id: self.workspace.assessments.result(a.id) for a in self.rounds}
        self.table.setRowCount(len(self.rounds))
        for row, assessment in enumerate(self.rounds):
            self._fill_row(row, assessment, self.results[assessment.id])
        self._assessor_resized(COL_ASSESSOR, 0, self.table.columnWidth(COL_ASSESSOR))
        has_rounds = bool(self.rounds)
        self.table.setVisible(has_rounds)
        self.empty_label.setVisible(not has_rounds)
        target = 0
        for row, assessment in enumerate(self.rounds):
            if assessment.id == keep:
                target = row
        if has_rounds:
            self.table.selectRow(target)
        self._update_buttons()

    def _status(self, assessment: Assessment) -> str:
        """ฉบับร่าง, ส่งแล้ว, ผ่านการตรวจ, ส่งกลับแก้ไข or กำลังแก้ไขตามที่ส่งกลับ: the words of the
        school list, the header and the office's report (review.status_label; seen without opening it: F4);
        at the office a round sent and not yet reviewed is "รอตรวจ" (TEST26a F3)."""
        return self.workspace.reviews.label(assessment)  # as schools --json says it (TEST35 T5)

    def _fill_row(self, row: int, assessment: Assessment, result: AssessmentResult) -> None:
        day = assessment.assessed_date
        percent = round(result.percent_done)
        cells = {
            COL_YEAR: shown(assessment.fiscal_year),
            COL_ROUND: shown(assessment.round),
            COL_DATE: shown_day(day, short=True) if day else "",  # "๒๓ พ.ย. ๒๕๖๙": whole at 150 %
            COL_ASSESSOR: _assessor(assessment),
            COL_STATUS: self._status(assessment),
            COL_PROGRESS: shown(PROGRESS.format(answered=result.answered, total=result.total, percent=percent)),
            COL_SCORE: score(result.overall),
            COL_BAND: "",
        }
        for column, value in cells.items():
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, assessment.id)
            if column == COL_DATE and day:
                item.setToolTip(shown_day(day))  # the month written out
            if column == COL_ASSESSOR:
                item.setToolTip(value)
            if column == COL_BAND:
                item.setData(CHIP_ROLE, band_chip(result.band))
                item.setToolTip(result.band.name if result.band else "")
            if column == COL_SCORE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in (COL_SCORE, COL_BAND) and not result.complete:
                # Unfinished round: the score and band are provisional, shown paler with the reason.
                item.setForeground(QColor("#8a8a8a"))
                item.setToolTip(PROVISIONAL.format(answered=shown(result.answered), total=shown(result.total)))
            self.table.setItem(row, column, item)

    def _names_width(self) -> int:
        """The assessor column's least width: each assessor's name whole."""
        metrics = self.table.fontMetrics()
        return cell_width(self.table) + max((metrics.horizontalAdvance(a.assessor_name) for a in self.rounds), default=0)

    def _assessor_resized(self, column: int, _old: int, width: int) -> None:
        if column != COL_ASSESSOR:
            return
        metrics, room = self.table.fontMetrics(), width - cell_width(self.table)
        for row, assessment in enumerate(self.rounds):
            item = self.table.item(row, COL_ASSESSOR)
            if item is None:
                continue
            whole = _assessor(assessment)
            shown = whole if metrics.horizontalAdvance(whole) <= room else assessment.assessor_name or whole
            if item.text() != shown:
                item.setText(shown)

    def selected(self) -> Assessment | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rounds) or not self.table.selectionModel().isRowSelected(row):
            return None
        return self.rounds[row]

    def selected_id(self) -> str | None:
        assessment = self.selected()
        return assessment.id if assessment else None

    def _update_buttons(self) -> None:
        assessment = self.selected()
        self.open_button.setEnabled(assessment is not None)
        self.results_button.setEnabled(assessment is not None)
        self.print_button.setEnabled(assessment is not None)
        self.open_button.setText(CONTINUE if assessment is None or assessment.is_draft else OPEN_SUBMITTED)

    def _open_selected(self) -> None:
        assessment = self.selected()
        if assessment:
            self.open_assessment.emit(assessment.id)

    def _print_selected(self) -> None:
        assessment = self.selected()
        if assessment:
            self.print_report.emit(assessment.id)

    def _results_selected(self) -> None:
        assessment = self.selected()
        if assessment:
            self.open_results.emit(assessment.id)


def _assessor(assessment: Assessment) -> str:
    """"นายบุญเลิศ ทองดี (ผู้อำนวยการโรงเรียน)": the name, and the role in brackets when there is one."""
    role = f"({assessment.assessor_role})" if assessment.assessor_role else ""
    return " ".join(part for part in (assessment.assessor_name, role) if part)
