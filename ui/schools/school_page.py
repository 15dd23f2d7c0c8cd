"""One school: its profile and its assessment rounds, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.assessments import STATUSES, Assessment
from qualityschool_desktop.changes import Changes
from qualityschool_desktop.schools import LEVELS, School
from qualityschool_desktop.scoring import AssessmentResult
from qualityschool_desktop.thai import format_date, format_number, format_score, thai_digits
from qualityschool_desktop.workspace import Workspace

from ui.district import strings as strings_district
from ui.visits import strings as strings_visit
from .network_schools import NetworkSchoolsPanel
from ui.common.report_printer import PRINT_BUTTON, PRINT_TIP
from ui.visits.school_tab import SchoolVisitsPanel
from .schools_page import CHIP_ROLE, ID_ROLE, ChipDelegate, band_chip, set_up_list_table

# -- Thai strings ----------------------------------------------------------------------------
CODE = "รหัส {code}"
PLACE = "อำเภอ{district} จังหวัด{province}"
PUPILS = "นักเรียน {pupils} คน"
TEACHERS = "ครู {teachers} คน"
DEMO_TAG = "ข้อมูลตัวอย่าง"
ROUNDS_TITLE = "การประเมินตนเอง"
NEW_ROUND = "เริ่มประเมินรอบใหม่"
CONTINUE = "ทำแบบประเมินต่อ"
OPEN_SUBMITTED = "เปิดแบบประเมิน"
RESULTS = "ดูผลการประเมิน"
EDIT_SCHOOL = "แก้ไขข้อมูลโรงเรียน"
HEADERS = ("ปีงบประมาณ", "รอบที่", "วันที่ประเมิน", "ผู้ประเมิน", "สถานะ", "ความคืบหน้า", "คะแนน", "ระดับสี")
PROGRESS = "{answered}/{total} ประเด็น ({percent}%)"
PROVISIONAL = "ผลเบื้องต้น: ตอบแล้ว {answered} จาก {total} ประเด็น"
NO_ROUNDS = "ยังไม่มีการประเมิน กด “เริ่มประเมินรอบใหม่” เพื่อเริ่มประเมินตนเองรอบแรก"
SEPARATOR = "  ·  "

COL_YEAR, COL_ROUND, COL_DATE, COL_ASSESSOR, COL_STATUS, COL_PROGRESS, COL_SCORE, COL_BAND = range(8)


def round_title(assessment: Assessment) -> str:
    """ปีงบประมาณ ๒๕๖๙ รอบที่ ๑ — as the breadcrumb and headings show it."""
    return f"ปีงบประมาณ {thai_digits(assessment.fiscal_year)} รอบที่ {thai_digits(assessment.round)}"


def profile_line(school: School) -> str:
    parts = [CODE.format(code=school.code)]
    if school.district or school.province:
        parts.append(PLACE.format(district=school.district, province=school.province).strip())
    if school.area_office:
        parts.append(school.area_office)
    if school.level:
        parts.append(LEVELS.get(school.level, school.level))
    if school.pupils is not None:
        parts.append(PUPILS.format(pupils=format_number(school.pupils)))
    if school.teachers is not None:
        parts.append(TEACHERS.format(teachers=format_number(school.teachers)))
    return SEPARATOR.join(parts)


class RoundsTable(QTableWidget):
    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class SchoolPage(QWidget):
    """Asks the main window to start a round, open one, show its results or edit the school;
    and to start or open a supervision visit (the second tab)."""

    new_round = Signal()
    new_visit = Signal()
    open_visit = Signal(str)
    open_assessment = Signal(str)
    open_results = Signal(str)
    edit_school = Signal(str)
    print_report = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, notifier: Any = None) -> None:
        """``notifier``: the window's ``ChangeNotifier`` (ui.common.ops); the school shown is re-read when
        its records change while the page is shown."""
        super().__init__(parent)
        self.workspace = workspace
        if notifier is not None:
            notifier.changed.connect(self.on_changes)
        self.school: School | None = None
        self.rounds: list[Assessment] = []
        self.results: dict[str, AssessmentResult] = {}

        card = QFrame()
        card.setObjectName("profileCard")
        self.name_label = QLabel()
        self.name_label.setObjectName("pageTitle")
        self.demo_label = QLabel(DEMO_TAG)
        self.demo_label.setObjectName("demoTag")
        self.profile_label = QLabel()
        self.profile_label.setObjectName("profileLine")
        self.profile_label.setWordWrap(True)
        self.profile_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(EDIT_SCHOOL)
        self.edit_button.clicked.connect(lambda: self.school and self.edit_school.emit(self.school.id))
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.demo_label)
        name_row.addStretch(1)
        name_row.addWidget(self.edit_button)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(18, 14, 18, 14)
        card_layout.addLayout(name_row)
        card_layout.addWidget(self.profile_label)

        rounds_title = QLabel(ROUNDS_TITLE)
        rounds_title.setObjectName("sectionTitle")
        self.new_button = QPushButton(NEW_ROUND)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_round)
        self.open_button = QPushButton(CONTINUE)
        self.open_button.clicked.connect(self._open_selected)
        self.results_button = QPushButton(RESULTS)
        self.results_button.clicked.connect(self._results_selected)
        self.print_button = QPushButton(PRINT_BUTTON)
        self.print_button.setToolTip(PRINT_TIP)
        self.print_button.clicked.connect(self._print_selected)
        actions = QHBoxLayout()
        actions.addWidget(rounds_title)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.results_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.new_button)

        self.table = RoundsTable(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setItemDelegate(ChipDelegate(self.table))
        heading = set_up_list_table(self.table, self.fontMetrics().height() + 14)
        heading.setSectionResizeMode(COL_ASSESSOR, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_YEAR, 110), (COL_ROUND, 70), (COL_DATE, 170), (COL_STATUS, 100),
            (COL_PROGRESS, 190), (COL_SCORE, 80), (COL_BAND, 100),
        ):
            self.table.setColumnWidth(column, width)
        self.table.itemActivated.connect(lambda _item: self._open_selected())
        self.table.open_requested.connect(self._open_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel(NO_ROUNDS)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        rounds_page = QWidget()
        rounds_layout = QVBoxLayout(rounds_page)
        rounds_layout.setContentsMargins(0, 8, 0, 0)
        rounds_layout.addLayout(actions)
        rounds_layout.addWidget(self.table, 1)
        rounds_layout.addWidget(self.empty_label, 1)
        self.visits_panel = SchoolVisitsPanel(workspace)
        self.visits_panel.new_visit.connect(self.new_visit)
        self.visits_panel.open_visit.connect(self.open_visit)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("schoolTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(rounds_page, strings_visit.TAB_ROUNDS)
        self.tabs.addTab(self.visits_panel, strings_visit.TAB_VISITS)
        self.network_panel = NetworkSchoolsPanel(workspace)
        self.tabs.addTab(self.network_panel, strings_district.NETWORK_TAB)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.timeline: QWidget | None = None  # added once ui/schools/timeline.py is there

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        layout.addWidget(card)
        layout.addWidget(self.tabs, 1)

    # -- data --------------------------------------------------------------------------------
    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        """Show a school; ``select_id`` (a round or a visit, the one just left) is selected, on its tab."""
        self.school = self.workspace.schools.get(school_id)
        self.refresh(select_id)
        self.visits_panel.show_school(school_id, select_id)
        self.network_panel.show_school(school_id)
        self.tabs.setCurrentIndex(1 if self.visits_panel.has_visit(select_id) else 0)
        self._tab_changed(self.tabs.currentIndex())

    def focus_list(self) -> None:
        """The keyboard goes to the list on the tab shown."""
        (self.visits_panel.table if self.tabs.currentIndex() == 1 else self.table).setFocus()

    def _tab_changed(self, index: int) -> None:
        self._ensure_timeline()
        if self.timeline is not None and index == self.tabs.indexOf(self.timeline) and self.school is not None:
            self.timeline.show_school(self.school.id)  # type: ignore[attr-defined]

    def _ensure_timeline(self) -> None:
        if self.timeline is not None:
            return
        try:
            from .timeline import TimelineWidget
        except ImportError:
            return  # built alongside this page; until it exists the school has two tabs
        self.timeline = TimelineWidget(self.workspace)
        self.timeline.open_record.connect(self._open_record)
        self.tabs.addTab(self.timeline, strings_visit.TAB_TIMELINE)

    def _open_record(self, kind: str, record_id: str) -> None:
        (self.open_visit if kind == "visit" else self.open_results).emit(record_id)

    def on_changes(self, changes: Changes) -> None:
        if self.school is None or not self.isVisible():
            return
        if changes.any_schools or changes.any_assessments:
            self.refresh()
        if changes.any_visits or changes.any_follow_ups:
            self.visits_panel.show_school(self.school.id)
        if changes.any_network_schools:
            self.network_panel.refresh()
        if self.timeline is not None and self.timeline.isVisible() and (
                changes.any_assessments or changes.any_visits or changes.any_follow_ups):
            self.timeline.show_school(self.school.id)  # type: ignore[attr-defined]

    def refresh(self, select_id: str | None = None) -> None:
        if self.school is None:
            return
        keep = select_id or self.selected_id()
        school = self.school = self.workspace.schools.get(self.school.id)
        self.name_label.setText(school.name)
        self.demo_label.setVisible(school.is_demo)
        self.profile_label.setText(profile_line(school))
        self.rounds = self.workspace.assessments.for_school(school.id)
        self.results = {a.id: self.workspace.assessments.result(a.id) for a in self.rounds}
        self.table.setRowCount(len(self.rounds))
        for row, assessment in enumerate(self.rounds):
            self._fill_row(row, assessment, self.results[assessment.id])
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

    def _fill_row(self, row: int, assessment: Assessment, result: AssessmentResult) -> None:
        day = assessment.assessed_date
        percent = round(result.percent_done)
        cells = {
            COL_YEAR: thai_digits(assessment.fiscal_year),
            COL_ROUND: thai_digits(assessment.round),
            COL_DATE: format_date(day, style="thai") if day else "",
            COL_ASSESSOR: " ".join(p for p in (assessment.assessor_name, f"({assessment.assessor_role})"
                                               if assessment.assessor_role else "") if p),
            COL_STATUS: STATUSES.get(assessment.status, assessment.status),
            COL_PROGRESS: PROGRESS.format(answered=result.answered, total=result.total, percent=percent),
            COL_SCORE: format_score(result.overall),
            COL_BAND: "",
        }
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, assessment.id)
            if column == COL_BAND:
                item.setData(CHIP_ROLE, band_chip(result.band))
                item.setToolTip(result.band.name if result.band else "")
            if column == COL_SCORE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in (COL_SCORE, COL_BAND) and not result.complete:
                # Unfinished round: the score and band are provisional, shown paler with the reason.
                item.setForeground(QColor("#8a8a8a"))
                item.setToolTip(PROVISIONAL.format(answered=result.answered, total=result.total))
            self.table.setItem(row, column, item)

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
