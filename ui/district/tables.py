"""The district page's lists, on tabs so the page fits a 1366×768 laptop: the schools by กลุ่มสี
(score, weakest องค์ประกอบ, change since the previous round), the schools that have not reported
(not started, or a draft with how much is answered), and the band counts against the previous
round. Enter, a double click or "เปิดโรงเรียน" opens the selected school (``open_school``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget

from qualityschool_desktop.district import CARRIED_FROM
from ui.common.columns import fit_columns
from ui.common.digits import score, shown
from ui.common.tables import CHIP_ROLE, ID_ROLE, band_chip

from . import strings as text
from .widgets import (
    DOWN_COLOUR,
    UP_COLOUR,
    SchoolTable,
    change_text,
    short_title,
    signed_delta,
    table_item,
    trend_colour,
    trend_tip,
)

if TYPE_CHECKING:
    from qualityschool_desktop.district import DistrictPicture

COL_BAND, COL_SCHOOL, COL_DISTRICT, COL_OFFICE, COL_SCORE, COL_WEAKEST, COL_CHANGE = range(7)


def item_with_chip(chip: tuple[str, str] | None, school_id: str) -> QTableWidgetItem:
    """A cell drawn as a band's chip (name, colour), or empty."""
    item = table_item("", school_id)
    item.setData(CHIP_ROLE, chip)
    if chip:
        item.setToolTip(chip[0])
    return item


def _page(*widgets: tuple[QWidget, int]) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 6, 0, 0)
    for widget, stretch in widgets:
        layout.addWidget(widget, stretch)
    return page


def _empty_state(words: str) -> QLabel:
    label = QLabel(words)
    label.setObjectName("emptyState")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class DistrictTables(QTabWidget):
    """``band_table``, ``missing_table`` and ``progress_table`` on three tabs, "เปิดโรงเรียน"
    (``open_button``) in the corner."""

    open_school = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.band_table = SchoolTable(text.BAND_HEADERS)
        self._band_columns = fit_columns(self.band_table, COL_SCHOOL, {
            COL_BAND: 90, COL_DISTRICT: 105, COL_OFFICE: 125, COL_SCORE: 65, COL_WEAKEST: 350, COL_CHANGE: 115},
            keep=frozenset({COL_SCORE}))
        self.band_table.open_requested.connect(self.open_school)
        self.band_empty = _empty_state(text.NONE_REPORTED)
        self.open_button = QPushButton(text.OPEN_SCHOOL)
        self.open_button.setToolTip(text.OPEN_SCHOOL_TIP)
        self.open_button.clicked.connect(self._open_selected)

        self.missing_table = SchoolTable(text.NOT_REPORTED_HEADERS)
        self._missing_columns = fit_columns(self.missing_table, 0, {1: 130, 2: 160, 3: 380})
        self.missing_table.open_requested.connect(self.open_school)
        self.missing_empty = _empty_state(text.ALL_REPORTED)

        self.previous_label = QLabel()
        self.previous_label.setObjectName("hint")
        self.progress_table = SchoolTable(text.PROGRESS_HEADERS)
        self.progress_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.progress_table.setColumnWidth(column, 160)

        self.setDocumentMode(True)
        self.addTab(_page((self.band_table, 1), (self.band_empty, 1)), "")
        self.addTab(_page((self.missing_table, 1), (self.missing_empty, 1)), "")
        self.addTab(_page((self.previous_label, 0), (self.progress_table, 1)), text.TAB_PROGRESS)
        self.setCornerWidget(self.open_button)
        self.currentChanged.connect(lambda _i: self.update_buttons())
        self.band_table.itemSelectionChanged.connect(self.update_buttons)
        self.missing_table.itemSelectionChanged.connect(self.update_buttons)

    def show_picture(self, picture: DistrictPicture) -> None:
        """The three lists for ``picture``, each keeping its selected school where it still is."""
        self._show_band_table(picture)
        self._show_not_reported(picture)
        self._show_progress(picture)
        self.update_buttons()

    def _show_band_table(self, picture: DistrictPicture) -> None:
        keep = self.band_table.selected_id()
        standings = [s for band in picture.bands for s in picture.schools_by_band.get(band.key, [])]
        self.band_table.setRowCount(len(standings))
        for row, standing in enumerate(standings):
            school_id = standing.school.id
            band = item_with_chip(band_chip(standing.band), school_id)
            weakest = ""
            if standing.weakest is not None:
                weakest = text.WEAKEST.format(code=shown(standing.weakest_code), title=short_title(standing.weakest_title),
                                              score=score(standing.weakest_score))
            if standing.carried_from is not None:  # nothing new since that round: say so, not "= 0.00"
                change = table_item(CARRIED_FROM.format(round=shown(standing.carried_from[1])), school_id)
                change.setToolTip(text.CARRIED_TIP.format(round=shown(standing.carried_from[1]),
                                                          score=score(standing.score)))
            else:
                change = table_item(change_text(standing.change), school_id)
            if standing.change is not None and standing.carried_from is None:
                change.setToolTip(text.CHANGE_TIP.format(before=score(standing.previous_score),
                                                         now=score(standing.score)))
                if round(standing.change, 2):
                    change.setForeground(QColor(UP_COLOUR if standing.change > 0 else DOWN_COLOUR))
            cells = [
                band,
                table_item(standing.school.name, school_id, tip=standing.school.name),
                table_item(standing.school.district, school_id),
                table_item(shown(standing.school.area_office), school_id, tip=shown(standing.school.area_office)),
                table_item(score(standing.score), school_id, right=True),
                table_item(weakest, school_id, tip=weakest),
                change,
            ]
            for column, item in enumerate(cells):
                self.band_table.setItem(row, column, item)
        self.setTabText(0, text.TAB_BY_BAND.format(count=shown(len(standings))))
        self.band_table.setVisible(bool(standings))
        self.band_empty.setVisible(not standings)
        self._reselect(self.band_table, keep)

    def _show_not_reported(self, picture: DistrictPicture) -> None:
        keep = self.missing_table.selected_id()
        rows = picture.not_this_round  # as the summary lists them (tester findings 7 and 8)
        self.missing_table.setRowCount(len(rows))
        for row, missing in enumerate(rows):
            school_id = missing.school.id
            status = text.NOT_STARTED if missing.draft is None else text.DRAFT.format(
                answered=shown(missing.answered), total=shown(missing.total))
            if missing.state:
                status = text.RETURNED if missing.state == "returned" else text.CARRIED.format(
                    round=shown(missing.carried_from[1] if missing.carried_from else ""))
            for column, value in enumerate((missing.school.name, missing.school.district,
                                            shown(missing.school.area_office), status)):
                self.missing_table.setItem(row, column, table_item(value, school_id, tip=value))
        self.setTabText(1, text.TAB_NOT_REPORTED.format(count=shown(len(rows))))
        self.missing_table.setVisible(bool(rows))
        self.missing_empty.setVisible(not rows)
        self._reselect(self.missing_table, keep)

    def _show_progress(self, picture: DistrictPicture) -> None:
        previous = picture.previous
        if previous is None:
            self.previous_label.setText(text.NO_PREVIOUS)
        else:
            self.previous_label.setText(text.PREVIOUS_ROUND.format(
                year=shown(previous.fiscal_year), round=shown(previous.round)))
        entries: list[tuple[tuple[str, str] | None, str, int, int | None, int]] = [
            (band_chip(band), band.name, picture.band_counts.get(band.key, 0),
             previous.band_counts.get(band.key, 0) if previous else None, picture.band_trend(band.key))
            for band in picture.bands
        ]
        reported_before = previous.reported if previous else None
        entries.append((None, text.PROGRESS_REPORTED, picture.reported, reported_before,
                        0 if reported_before is None else (picture.reported > reported_before)
                        - (picture.reported < reported_before)))
        table = self.progress_table
        table.setRowCount(len(entries))
        for row, (chip, name, now, before, trend) in enumerate(entries):
            first = item_with_chip(chip, "") if chip else table_item(name)
            delta = table_item(signed_delta(now, before), right=True)
            if trend:
                delta.setForeground(QColor(trend_colour(trend)))
            delta.setToolTip(trend_tip(name, now, before, trend))
            cells = [first, table_item("–" if before is None else shown(before), right=True),
                     table_item(shown(now), right=True), delta]
            for column, item in enumerate(cells):
                table.setItem(row, column, item)

    @staticmethod
    def _reselect(table: SchoolTable, school_id: str | None) -> None:
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == school_id:
                table.selectRow(row)
                return
        if table.rowCount():
            table.setCurrentCell(0, 0)

    def current_table(self) -> SchoolTable | None:
        """The list of schools on the tab shown (the band counts' tab has none)."""
        return {0: self.band_table, 1: self.missing_table}.get(self.currentIndex())

    def update_buttons(self) -> None:
        table = self.current_table()
        self.open_button.setEnabled(table is not None and table.selected_id() is not None)

    def _open_selected(self) -> None:
        table = self.current_table()
        school_id = table.selected_id() if table else None
        if school_id:
            self.open_school.emit(school_id)
