"""The results page: scores per component and overall, the colour band, the readiness groups,
the weakest items, and the previous round beside this one.

Everything shown is computed by the core (``assessments.result``); this page only lays it out.
"""

from __future__ import annotations

import sqlite3
from typing import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QBoxLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTableWidget,
    QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.assessments import Assessment
from qualityschool_desktop.framework import Band
from qualityschool_desktop.plans.progress import goals_moved_in_round, moved_sentence
from qualityschool_desktop.scoring import AssessmentResult, ComponentResult, scale_gaps
from qualityschool_desktop.workspace import Workspace
from ui.common.digits import follow as follow_digits
from ui.common.digits import score, shown, shown_text
from ui.common.flow import FlowLayout, header_layout
from ui.common.elided_label import ElidedLabel
from ui.common.wrapping import plain, unbroken
from ui.common.widgets import NO_SCORE_COLOUR, ColourChip, readable_text_colour, readiness_colour
from ui.common.tables import read_only_table

from . import strings as text
from .charts import ChartBar, ComponentScoreChart

UP_COLOUR = "#2e7d32"
DOWN_COLOUR = "#c62828"
SAME_COLOUR = "#616161"
LEVEL_COLOUR = "#eceff1"  # the level words have no colour of their own: a quiet grey
# Table columns, in the order of text.TABLE_HEADERS.
COL_TITLE, COL_PREVIOUS, COL_CURRENT, COL_CHANGE, COL_LEVEL, COL_READINESS, COL_ANSWERED = range(7)
OVERALL_ROW_KEY = "overall"
TITLE_COLUMN_LEAST = 170  # the component column's least width beside the chart ("๑. ด้านโครงสร้…")


def change_text(current: float | None, previous: float | None) -> tuple[str, str]:
    """The change from the previous round as shown ("▲ +0.40") and its colour."""
    if current is None or previous is None:
        return text.CHANGE_NONE, SAME_COLOUR
    # Compare the values a reader sees (two decimals), so "4.20 → 4.20" is never an arrow.
    delta = round(current, 2) - round(previous, 2)
    if abs(delta) < 0.005:
        return shown(text.CHANGE_SAME), SAME_COLOUR
    if delta > 0:
        return text.CHANGE_UP.format(delta=shown(f"{delta:.2f}")), UP_COLOUR
    return text.CHANGE_DOWN.format(delta=shown(f"{-delta:.2f}")), DOWN_COLOUR


def year_round(assessment: Assessment) -> str:
    return text.YEAR_ROUND.format(year=shown(assessment.fiscal_year), round=shown(assessment.round))


class ResultsView(QWidget):
    """One assessment's results beside the previous round's."""

    back_requested = Signal()
    edit_requested = Signal(str)
    # (assessment id, item code): a weak item was chosen; the shell may open it directly.
    item_requested = Signal(str, str)
    print_requested = Signal(str)  # the feature prints the report (ui/assessment/printing.py)

    def __init__(self, workspace: Workspace, assessment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._assessment_id = assessment_id
        self._build()
        self.refresh()
        follow_digits(self.render_digits)

    @property
    def assessment_id(self) -> str:
        return self._assessment_id

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)

        back = QPushButton(text.BACK, self)
        back.setObjectName("viewBackButton")
        back.clicked.connect(self.back_requested)
        self._title = ElidedLabel("", self)  # "…" in a narrow window; the whole in its tooltip
        title_font = QFont(self._title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self._title.setFont(title_font)
        self._round_label = QLabel(self)
        edit = QPushButton(text.EDIT_ANSWERS, self)
        edit.setObjectName("editAnswersButton")
        edit.setToolTip(text.EDIT_ANSWERS_TIP)
        edit.clicked.connect(lambda: self.edit_requested.emit(self._assessment_id))
        print_button = QPushButton(text.PRINT_BUTTON, self)
        print_button.setObjectName("printReportButton")
        print_button.setToolTip(text.PRINT_TIP)
        print_button.clicked.connect(lambda: self.print_requested.emit(self._assessment_id))
        outer.addLayout(header_layout([back, self._title, self._round_label], [print_button, edit]))

        self._provisional = QLabel(self)
        self._provisional.setObjectName("provisionalNotice")
        self._provisional.setWordWrap(True)
        self._provisional.setStyleSheet(
            "QLabel#provisionalNotice { background: #fff8e1; border: 1px solid #ffca28; padding: 4px 8px; }"
        )
        outer.addWidget(self._provisional)

        # Below the header everything scrolls vertically if the window is shorter than 768 px.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.setSpacing(16)
        left = QVBoxLayout()
        right = QVBoxLayout()
        self._columns.addLayout(left, 3)
        self._columns.addLayout(right, 2)
        body.installEventFilter(self)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        left.addWidget(self._build_summary(body))
        # Which goals of the school's development plan moved by this round (issue 14).
        self._plan_label = QLabel(body)
        self._plan_label.setObjectName("planMovedNotice")
        self._plan_label.setWordWrap(True)
        self._plan_label.hide()
        left.addWidget(self._plan_label)
        self._table = QTableWidget(0, len(text.TABLE_HEADERS), body)
        self._table.setHorizontalHeaderLabels(list(text.TABLE_HEADERS))
        self._table.verticalHeader().hide()
        read_only_table(self._table)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._table.setWordWrap(False)
        # One line per row, tall enough for Thai marks above and below the line.
        self._table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._table.verticalHeader().setDefaultSectionSize(int(self._table.fontMetrics().height() * 1.9))
        self._table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        head = self._table.horizontalHeader()
        head.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(text.TABLE_HEADERS)):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        left.addWidget(self._table)
        self._criteria = QFrame(body)
        self._criteria.setObjectName("resultsCriteria")
        left.addWidget(self._criteria)
        left.addStretch(1)

        right.addWidget(self._heading(text.CHART_HEADING, body))
        self._chart = ComponentScoreChart(body)
        right.addWidget(self._chart, 1)
        right.addWidget(self._heading(text.WEAKEST_HEADING, body))
        hint = QLabel(text.WEAKEST_HINT, body)
        hint.setStyleSheet("color: #616161;")
        right.addWidget(hint)
        self._weakest = QTreeWidget(body)
        self._weakest.setObjectName("weakestItems")
        self._weakest.setRootIsDecorated(False)
        self._weakest.setColumnCount(3)
        self._weakest.setHeaderLabels(list(text.WEAKEST_HEADERS))
        self._weakest.header().setStretchLastSection(False)
        self._weakest.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._weakest.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._weakest.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._weakest.setMinimumHeight(150)
        self._weakest.itemClicked.connect(lambda row, _column: self._weak_item_chosen(row))
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self._weakest)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._weak_item_chosen(self._weakest.currentItem()))
        right.addWidget(self._weakest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self._columns.parentWidget():
            self._arrange_columns()
        return super().eventFilter(watched, event)

    def _arrange_columns(self) -> None:
        """The table beside the chart when both fit the width, else the chart under the table:
        at 150 % on 1366×768 the table's right columns (กลุ่มสี, ตอบแล้ว) were cut off beside it."""
        body = self._columns.parentWidget()
        if body is None:
            return
        head = self._table.horizontalHeader()
        table_needs = (head.length() - head.sectionSize(COL_TITLE) + TITLE_COLUMN_LEAST
                       + 2 * self._table.frameWidth())
        left_gets = (body.width() - self._columns.spacing()) * 3 // 5
        fits = left_gets >= table_needs and body.width() - left_gets >= self._chart.minimumWidth()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)

    @property
    def side_by_side(self) -> bool:
        """Whether the chart stands beside the table (a wide window) or under it (a narrow one)."""
        return self._columns.direction() == QBoxLayout.Direction.LeftToRight

    def _build_summary(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("resultsSummary")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.addWidget(self._heading(text.OVERALL_HEADING, card))
        row = QHBoxLayout()
        self._overall_score = QLabel(card)
        self._overall_score.setToolTip(shown(text.OVERALL_SCORE_TIP))
        big = QFont(self._overall_score.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 2.4)
        self._overall_score.setFont(big)
        self._overall_label = QLabel(card)
        medium = QFont(self._overall_label.font())
        medium.setPointSizeF(medium.pointSizeF() * 1.4)
        medium.setBold(True)
        self._overall_label.setFont(medium)
        self._band_chip = ColourChip(card, large=True)
        self._provisional_chip = QLabel(text.PROVISIONAL_CHIP, card)
        self._provisional_chip.setStyleSheet("color: #8d6e00;")
        row.addWidget(self._overall_score)
        row.addSpacing(8)
        row.addWidget(self._overall_label)
        row.addSpacing(20)
        row.addWidget(self._band_chip)
        row.addWidget(self._provisional_chip)
        row.addStretch(1)
        layout.addLayout(row)
        self._answered_label = QLabel(card)
        self._previous_label = QLabel(card)
        self._previous_label.setWordWrap(True)
        layout.addWidget(self._answered_label)
        layout.addWidget(self._previous_label)
        return card

    @staticmethod
    def _heading(caption: str, parent: QWidget) -> QLabel:
        label = QLabel(caption, parent)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        return label

    # -- filling -----------------------------------------------------------------------------
    def render_digits(self) -> None:
        """Write every number again in the window's digit style (it changed); nothing for a view
        left over from a database that was closed."""
        old = self._criteria.layout()
        if old is not None:
            for child in self._criteria.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                child.deleteLater()
            QWidget().setLayout(old)  # a widget's layout cannot be replaced: hand it to a throwaway one
        try:
            self.refresh()
        except sqlite3.ProgrammingError:  # "Cannot operate on a closed database": nothing to show
            return

    def refresh(self) -> None:
        """Read the results again from the core (after answers changed elsewhere)."""
        assessments = self._workspace.assessments
        assessment = assessments.get(self._assessment_id)
        school = self._workspace.schools.get(assessment.school_id)
        result = assessments.result(assessment.id)
        previous = assessments.previous(assessment)
        previous_result = assessments.result(previous.id) if previous is not None else None
        self._result = result
        self._previous_result = previous_result

        self._title.set_message(f"{text.RESULTS_TITLE} · {school.name}")
        self._round_label.setText(year_round(assessment))
        self._provisional.setText(text.PROVISIONAL.format(answered=shown(result.answered), total=shown(result.total)))
        self._provisional.setVisible(not result.complete)

        self._overall_score.setText(score(result.overall))
        self._overall_label.setText(result.overall_label or text.BAND_NONE)
        if result.band is not None:
            self._band_chip.set_chip(
                text.BAND_CHIP.format(name=result.band.name), result.band.colour or NO_SCORE_COLOUR,
                provisional=not result.complete,
            )
        else:
            self._band_chip.set_chip(text.BAND_NONE, NO_SCORE_COLOUR, provisional=True)
        self._provisional_chip.setVisible(not result.complete)
        self._answered_label.setText(
            text.COMPLETE.format(total=shown(result.total)) if result.complete
            else text.PROGRESS.format(answered=shown(result.answered), total=shown(result.total))
        )
        if previous is not None and previous_result is not None:
            summary = text.PREVIOUS_ROUND_SUMMARY.format(
                year=shown(previous.fiscal_year), round=shown(previous.round),
                score=score(previous_result.overall), label=previous_result.overall_label,
            )
            if previous_result.band is not None:
                summary += " · " + text.BAND_CHIP.format(name=previous_result.band.name)
            change, colour = change_text(result.overall, previous_result.overall)
            self._previous_label.setText(f'{summary}  <span style="color:{colour}">{change}</span>')
            self._previous_label.setToolTip(text.PREVIOUS_ROUND.format(
                year=shown(previous.fiscal_year), round=shown(previous.round)))
        else:
            self._previous_label.setText(text.NO_PREVIOUS_ROUND)

        plans = goals_moved_in_round(self._workspace, assessment.id)
        self._plan_label.setText(unbroken("\n".join(moved_sentence(found, shown) for found in plans)))  # "๑/๒๕๖๘"
        self._plan_label.setVisible(bool(plans))
        self._fill_table(result, previous_result)
        self._chart.set_bars(
            [
                ChartBar(
                    label=text.COMPONENT_SHORT.format(code=shown(component.code)),
                    tooltip=component.title,
                    current=component.score,
                    previous=_previous_component(previous_result, component.code),
                )
                for component in result.components
            ],
            has_previous=previous_result is not None,
        )
        self._fill_weakest(result)
        if self._criteria.layout() is None:
            self._fill_criteria(result)

    def _fill_table(self, result: AssessmentResult, previous: AssessmentResult | None) -> None:
        rows: list[tuple[str, str, ComponentResult | None]] = [
            (component.code, f"{shown(component.code)}. {component.title}", component)
            for component in result.components
        ]
        rows.append((OVERALL_ROW_KEY, text.TABLE_OVERALL, None))
        self._table.setRowCount(len(rows))
        bold = QFont(self._table.font())
        bold.setBold(True)
        for index, (key, title, component) in enumerate(rows):
            if component is None:
                current, previous_score = result.overall, previous.overall if previous else None
                label, band, answered, total = result.overall_label, None, result.answered, result.total
            else:
                current, previous_score = component.score, _previous_component(previous, component.code)
                label, band = component.level_label, component.readiness
                answered, total = component.answered, component.total
            change, change_colour = change_text(current, previous_score)
            cells = {
                COL_TITLE: title,
                COL_PREVIOUS: score(previous_score) if previous else text.CHANGE_NONE,
                COL_CURRENT: score(current),
                COL_CHANGE: change if previous else text.CHANGE_NONE,
                COL_LEVEL: label or text.CHANGE_NONE,
                COL_READINESS: band.name if band else (text.CHANGE_NONE if component else ""),
                COL_ANSWERED: text.ANSWERED_OF.format(answered=shown(answered), total=shown(total)),
            }
            row_cells: dict[int, QTableWidgetItem] = {}
            for column, value in cells.items():
                cell = row_cells[column] = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, key)
                if column != COL_TITLE:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if component is None:
                    cell.setFont(bold)
                self._table.setItem(index, column, cell)
            row_cells[COL_CHANGE].setForeground(QColor(change_colour))
            if component is not None:
                self._colour_readiness(row_cells[COL_READINESS], band)
        # The table shows all six rows without its own scroll bar.
        height = self._table.horizontalHeader().height() + sum(
            self._table.rowHeight(row) for row in range(self._table.rowCount())
        )
        self._table.setFixedHeight(height + 2 * self._table.frameWidth() + 2)
        self._arrange_columns()

    @staticmethod
    def _colour_readiness(cell: QTableWidgetItem, band: Band | None) -> None:
        if band is None:
            return
        colour = readiness_colour(band)
        cell.setBackground(colour)
        cell.setForeground(readable_text_colour(colour))

    def _fill_criteria(self, result: AssessmentResult) -> None:
        """How a score becomes a band and a group: a director asks "why are we yellow?"."""
        framework = result.framework
        layout = QVBoxLayout(self._criteria)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self._heading(text.CRITERIA_HEADING, self._criteria))
        rows = (
            (text.CRITERIA_BANDS, framework.colour_bands, lambda band: band.colour or NO_SCORE_COLOUR),
            (text.CRITERIA_LEVELS, framework.score_levels, lambda band: LEVEL_COLOUR),
            (text.CRITERIA_READINESS, framework.readiness_groups, readiness_colour),
        )
        for caption, bands, colour_of in rows:
            layout.addWidget(QLabel(shown_text(caption), self._criteria))  # "๕ ระดับ" in the window's digits
            line = FlowLayout()  # wraps in a narrow window
            for label, band in zip(_ranges(bands), bands):
                chip = ColourChip(self._criteria)
                chip.set_chip(label, colour_of(band))
                line.addWidget(chip)
            layout.addLayout(line)
        gaps = scale_gaps(framework)
        if gaps:  # "ดี" beside "ต้องเร่งพัฒนา" for one score: say why (TEST32b B15)
            two = QLabel(text.CRITERIA_GAPS.format(gaps="".join("\n• " +
                text.CRITERIA_GAP.format(low=shown(f"{gap.low:.2f}"), high=shown(f"{gap.high:.2f}"), level=gap.level,
                                         group=gap.group, next=gap.next_group, min=shown(f"{gap.next_min:.2f}"))
                for gap in gaps)), self._criteria)
            two.setObjectName("criteriaScaleGaps")
            two.setWordWrap(True)
            layout.addWidget(two)
        for column, tip, bands in ((COL_LEVEL, text.LEVEL_HEADER_TIP, framework.score_levels),
                                   (COL_READINESS, text.READINESS_HEADER_TIP, framework.readiness_groups)):
            header = self._table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(shown_text(tip).format(ranges=", ".join(_ranges(bands))))
        note = QLabel(text.CRITERIA_NOTE.format(title=shown_text(framework.title), version=shown(framework.version)),
                      self._criteria)
        note.setWordWrap(True)
        note.setStyleSheet("color: #616161;")
        layout.addWidget(note)

    def _fill_weakest(self, result: AssessmentResult) -> None:
        self._weakest.clear()
        if not result.weakest:
            row = QTreeWidgetItem(self._weakest, ["", text.WEAKEST_EMPTY, ""])
            row.setFlags(Qt.ItemFlag.NoItemFlags)
            return
        for weak in result.weakest:
            level = weak.item.level(weak.level)
            title = weak.item.title
            if weak.item.official_number:  # the form's own number, as the main tables show it
                official = text.OFFICIAL_NUMBER.format(number=shown(weak.item.official_number))
                title = f"{title} ({official})"
            row = QTreeWidgetItem(
                self._weakest,
                [shown(weak.item.code), title,
                 text.WEAKEST_LEVEL.format(level=shown(weak.level), label=level.label if level else "")],
            )
            row.setData(0, Qt.ItemDataRole.UserRole, weak.item.code)
            row.setToolTip(1, title)

    def _weak_item_chosen(self, row: QTreeWidgetItem | None) -> None:
        code = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        if not code:
            return
        self.item_requested.emit(self._assessment_id, code)
        self.edit_requested.emit(self._assessment_id)

    # -- for tests and tools -----------------------------------------------------------------
    def criteria_text(self) -> str:
        """Every caption, chip and note of the criteria section, one a line."""
        parts = [w.text() for w in self._criteria.findChildren(QLabel)]
        parts += [chip.label for chip in self._criteria.findChildren(ColourChip)]
        return "\n".join(parts)

    def header_tip(self, header: str) -> str:
        """The tooltip of the table's column headed ``header``."""
        item = self._table.horizontalHeaderItem(text.TABLE_HEADERS.index(header))
        return item.toolTip() if item is not None else ""

    def table_row(self, key: str) -> dict[str, str]:
        """What the table shows for a component code (or "overall"), by column header."""
        for row in range(self._table.rowCount()):
            cells = [self._table.item(row, column) for column in range(len(text.TABLE_HEADERS))]
            if cells[0] is not None and cells[0].data(Qt.ItemDataRole.UserRole) == key:
                return {header: cell.text() if cell else "" for header, cell in zip(text.TABLE_HEADERS, cells)}
        raise KeyError(key)

    def band_chip(self) -> ColourChip:
        return self._band_chip

    def weakest_codes(self) -> list[str]:
        rows = (self._weakest.topLevelItem(i) for i in range(self._weakest.topLevelItemCount()))
        return [str(row.data(0, Qt.ItemDataRole.UserRole)) for row in rows if row and row.data(0, Qt.ItemDataRole.UserRole)]

    def plan_notice(self) -> str:
        """What the view says of the plan's goals that moved ("" when no plan follows this round)."""
        return plain(self._plan_label.text()) if self._plan_label.isVisibleTo(self) else ""

    def provisional_notice_shown(self) -> bool:
        return not self._provisional.isHidden()


def _ranges(bands: Sequence[Band]) -> list[str]:
    """Each band as "name ≥ min", the last (which starts at 0) as "below the one before"."""
    labels = []
    for index, band in enumerate(bands):
        if index == len(bands) - 1 and index > 0:
            labels.append(text.CRITERIA_BELOW.format(name=band.name, min=shown(f"{bands[index - 1].min:.2f}")))
        else:
            labels.append(text.CRITERIA_AT_LEAST.format(name=band.name, min=shown(f"{band.min:.2f}")))
    return labels


def _previous_component(previous: AssessmentResult | None, code: str) -> float | None:
    if previous is None:
        return None
    try:
        return previous.component(code).score
    except KeyError:  # the previous round used a framework without this component
        return None
