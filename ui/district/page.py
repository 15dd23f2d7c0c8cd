"""The district dashboard: every school of the database for one fiscal year and round.

All numbers come from :func:`qualityschool_desktop.district.district_picture` (a batch read); this
page only lays them out: colour-band chips with counts and the change since the previous round,
per component a bar of ready / meets the standard / needs urgent development, the schools by band
with their weakest component, who has not reported, and the band counts against the previous round.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.columns import fit_columns
from ui.common.digits import score, shown, shown_text
from ui.common.flow import FlowLayout
from ui.common.ops import Op, Ops, add_detail, error_message
from ui.common.save_state import ElidedLabel
from ui.common.tables import CHIP_ROLE, ID_ROLE, band_chip
from ui.common.widgets import READINESS_COLOURS, readable_text_colour

from . import strings as text
from .widgets import (
    DOWN_COLOUR,
    UP_COLOUR,
    ReadinessBar,
    SchoolTable,
    change_text,
    short_title,
    signed_delta,
    table_item,
    trend_colour,
    trend_tip,
)
from .printing import DistrictReports

if TYPE_CHECKING:
    from qualityschool_desktop.changes import Changes
    from qualityschool_desktop.district import DistrictPicture, Filters
    from qualityschool_desktop.workspace import Workspace

# A refresh slower than this moves to a worker thread with a busy indicator from then on.
SLOW_SECONDS = 0.2
COL_BAND, COL_SCHOOL, COL_DISTRICT, COL_OFFICE, COL_SCORE, COL_WEAKEST, COL_CHANGE = range(7)


class DistrictPage(QWidget):
    """Asks its feature to open a school (``open_school``); everything else stays on the page."""

    open_school = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, ops: Ops | None = None) -> None:
        """``ops``: the window's operations helper; the page re-reads on its change notices."""
        super().__init__(parent)
        self.workspace = workspace
        self.ops = ops or Ops(self)
        self.ops.notifier.changed.connect(self.on_changes)
        self.picture: DistrictPicture | None = None
        self.filters: Filters | None = None
        self.last_duration = 0.0
        self._loaded = False
        self._filling = False  # combo boxes being refilled: their signals are not the user's
        self._generation = 0  # a worker's answer to an older question is dropped
        self.operation: Op | None = None
        self.setObjectName("districtPage")
        self._build()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    # -- building ----------------------------------------------------------------------------
    def _combo(self, label: str, width: int, row: FlowLayout) -> QComboBox:
        combo = QComboBox()
        combo.setMinimumWidth(width)
        combo.setAccessibleName(label)
        caption = QLabel(label)
        caption.setBuddy(combo)
        pair = QWidget()  # a caption stays with its chooser when the row wraps
        pair_layout = QHBoxLayout(pair)
        pair_layout.setContentsMargins(0, 0, 10, 0)
        pair_layout.addWidget(caption)
        pair_layout.addWidget(combo)
        row.addWidget(pair)
        combo.currentIndexChanged.connect(lambda _i: self._choice_changed(combo))
        return combo

    def _build(self) -> None:
        title = QLabel(text.TITLE)
        title.setObjectName("pageTitle")
        # Two rows, so the page still fits a 1366×768 laptop: the title with the outputs, then the choosers.
        heading = QHBoxLayout()
        heading.setSpacing(6)
        heading.addWidget(title)
        heading.addStretch(1)
        self.reports = DistrictReports(self, self.workspace, self.choice, self.ops)
        heading.addWidget(self.reports.print_button)
        heading.addWidget(self.reports.export_button)
        choosers = FlowLayout()  # wraps in a narrow window (125 %, 150 % scaling)
        self.year_combo = self._combo(text.YEAR, 90, choosers)
        self.round_combo = self._combo(text.ROUND, 56, choosers)
        self.office_combo = self._combo(text.AREA_OFFICE, 150, choosers)
        self.province_combo = self._combo(text.PROVINCE, 110, choosers)
        self.level_combo = self._combo(text.LEVEL, 110, choosers)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # an indeterminate bar: it moves while the worker counts
        self.busy.setFixedWidth(90)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(text.BUSY)
        self.busy.hide()
        choosers.addWidget(self.busy)

        # Colour bands: one chip per band with its count, and the change since the previous round.
        bands_card = QFrame()
        bands_card.setObjectName("profileCard")
        bands_title = QLabel(text.BANDS_TITLE)
        bands_title.setObjectName("sectionTitle")
        self.reported_label = QLabel()
        self.reported_label.setObjectName("hint")
        self.reported_label.setWordWrap(True)
        self.band_grid = QGridLayout()
        self.band_grid.setHorizontalSpacing(8)
        self.band_grid.setVerticalSpacing(2)
        self.band_chips: dict[str, QLabel] = {}
        self.band_deltas: dict[str, QLabel] = {}
        bands_layout = QVBoxLayout(bands_card)
        bands_layout.setContentsMargins(16, 10, 16, 10)
        bands_layout.addWidget(bands_title)
        bands_layout.addWidget(self.reported_label)
        bands_layout.addLayout(self.band_grid)
        bands_layout.addStretch(1)
        self.moves_label = QLabel()
        self.moves_label.setWordWrap(True)
        bands_layout.addWidget(self.moves_label)

        # Readiness per component.
        readiness_card = QFrame()
        readiness_card.setObjectName("profileCard")
        readiness_title = QLabel(text.READINESS_TITLE)
        readiness_title.setObjectName("sectionTitle")
        self.legend = FlowLayout(spacing=12)  # under the title, wrapping where the card is narrow
        self.readiness_grid = QGridLayout()
        self.readiness_grid.setHorizontalSpacing(10)
        self.readiness_grid.setVerticalSpacing(4)
        self.readiness_bars: dict[str, ReadinessBar] = {}
        self.readiness_labels: dict[str, QLabel] = {}  # "ด้านที่ ๑" … beside each bar
        readiness_layout = QVBoxLayout(readiness_card)
        readiness_layout.setContentsMargins(16, 10, 16, 10)
        readiness_layout.addWidget(readiness_title)
        readiness_layout.addLayout(self.legend)
        readiness_layout.addLayout(self.readiness_grid)
        readiness_layout.addStretch(1)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        cards.addWidget(bands_card, 5)
        cards.addWidget(readiness_card, 6)

        # The lists, on tabs so the page fits a 1366×768 laptop.
        self.band_table = SchoolTable(text.BAND_HEADERS)
        self._band_columns = fit_columns(self.band_table, COL_SCHOOL, {
            COL_BAND: 90, COL_DISTRICT: 105, COL_OFFICE: 125, COL_SCORE: 65, COL_WEAKEST: 350, COL_CHANGE: 115},
            keep=frozenset({COL_SCORE}))
        self.band_table.open_requested.connect(self.open_school)
        self.band_empty = QLabel(text.NONE_REPORTED)
        self.band_empty.setObjectName("emptyState")
        self.band_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(text.OPEN_SCHOOL)
        self.open_button.setToolTip(text.OPEN_SCHOOL_TIP)
        self.open_button.clicked.connect(self._open_selected)
        band_page = QWidget()
        band_layout = QVBoxLayout(band_page)
        band_layout.setContentsMargins(0, 6, 0, 0)
        band_layout.addWidget(self.band_table, 1)
        band_layout.addWidget(self.band_empty, 1)

        self.missing_table = SchoolTable(text.NOT_REPORTED_HEADERS)
        self._missing_columns = fit_columns(self.missing_table, 0, {1: 130, 2: 160, 3: 380})
        self.missing_table.open_requested.connect(self.open_school)
        self.missing_empty = QLabel(text.ALL_REPORTED)
        self.missing_empty.setObjectName("emptyState")
        self.missing_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        missing_page = QWidget()
        missing_layout = QVBoxLayout(missing_page)
        missing_layout.setContentsMargins(0, 6, 0, 0)
        missing_layout.addWidget(self.missing_table, 1)
        missing_layout.addWidget(self.missing_empty, 1)

        self.previous_label = QLabel()
        self.previous_label.setObjectName("hint")
        self.progress_table = SchoolTable(text.PROGRESS_HEADERS)
        self.progress_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.progress_table.setColumnWidth(column, 160)
        progress_page = QWidget()
        progress_layout = QVBoxLayout(progress_page)
        progress_layout.setContentsMargins(0, 6, 0, 0)
        progress_layout.addWidget(self.previous_label)
        progress_layout.addWidget(self.progress_table, 1)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(band_page, "")
        self.tabs.addTab(missing_page, "")
        self.tabs.addTab(progress_page, text.TAB_PROGRESS)
        self.tabs.setCornerWidget(self.open_button)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.band_table.itemSelectionChanged.connect(self._update_buttons)
        self.missing_table.itemSelectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel(text.NO_ROUNDS)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(10)
        body_layout.addLayout(cards)
        body_layout.addWidget(self.tabs, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 10)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addLayout(choosers)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.empty_label, 1)

        order = [self.reports.print_button, self.reports.export_button, self.year_combo, self.round_combo,
                 self.office_combo, self.province_combo, self.level_combo, self.tabs, self.band_table, self.open_button]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.band_table)
        self._update_buttons()

    # -- choosing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the filters on offer and the picture for the current choice (the latest round
        with submitted results the first time)."""
        from qualityschool_desktop import district

        self._loaded = True
        self.filters = district.filters_available(self.workspace)
        self.reports.set_enabled(bool(self.filters.rounds))
        if not self.filters.rounds:
            self.body.hide()
            self.empty_label.show()
            return
        self.body.show()
        self.empty_label.hide()
        chosen = self.choice()
        self._filling = True
        try:
            self._fill(self.office_combo, text.ALL_AREA_OFFICES, [(o, o) for o in self.filters.area_offices],
                       chosen["area_office"])
            self._fill(self.province_combo, text.ALL_PROVINCES, [(p, p) for p in self.filters.provinces],
                       chosen["province"])
            self._fill(self.level_combo, text.ALL_LEVELS,
                       [(district.level_name(level), level) for level in self.filters.levels], chosen["level"])
            years = sorted({year for year, _round in self.filters.rounds}, reverse=True)
            year = chosen["fiscal_year"]
            if year is None:
                year, round_ = self._default_round()
            else:
                round_ = chosen["round"]
            self._fill(self.year_combo, None, [(shown(y), y) for y in years], year)
            self._fill_rounds(round_)
        finally:
            self._filling = False
        self.recompute()

    def _default_round(self) -> tuple[int, int]:
        """The latest (year, round) some school has submitted; the latest of all when none has."""
        from qualityschool_desktop.district import district_picture

        assert self.filters is not None
        for year, round_ in self.filters.rounds[:6]:  # a few reads at most, each one batched
            if district_picture(self.workspace, year, round_).reported:
                return year, round_
        return self.filters.rounds[0]

    @staticmethod
    def _fill(combo: QComboBox, everything: str | None, entries: list[tuple[str, Any]], keep: Any) -> None:
        combo.clear()
        if everything is not None:
            combo.addItem(everything, None)
        for label, value in entries:
            combo.addItem(label, value)
        index = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _fill_rounds(self, keep: int | None) -> None:
        assert self.filters is not None
        year = self.year_combo.currentData()
        rounds = sorted(r for y, r in self.filters.rounds if y == year)
        self._fill(self.round_combo, None, [(shown(r), r) for r in rounds], keep if keep in rounds else
                   (rounds[-1] if rounds else None))

    def choice(self) -> dict[str, Any]:
        return {
            "fiscal_year": self.year_combo.currentData(),
            "round": self.round_combo.currentData(),
            "area_office": self.office_combo.currentData(),
            "province": self.province_combo.currentData(),
            "level": self.level_combo.currentData(),
        }

    def choose(self, **values: Any) -> None:
        """Set choosers by value (fiscal_year, round, area_office, province, level) and recompute."""
        combos = {"fiscal_year": self.year_combo, "round": self.round_combo, "area_office": self.office_combo,
                  "province": self.province_combo, "level": self.level_combo}
        self._filling = True
        try:
            for key, value in values.items():
                combo = combos[key]
                combo.setCurrentIndex(max(combo.findData(value), 0))
                if key == "fiscal_year":
                    self._fill_rounds(values.get("round"))
        finally:
            self._filling = False
        self.recompute()

    def _choice_changed(self, combo: QComboBox) -> None:
        if self._filling:
            return
        if combo is self.year_combo:
            self._filling = True
            try:
                self._fill_rounds(self.round_combo.currentData())
            finally:
                self._filling = False
        self.recompute()

    # -- computing ---------------------------------------------------------------------------
    def recompute(self) -> None:
        """Read the picture for the choice shown: here, or on a worker once reads proved slow."""
        from qualityschool_desktop.district import district_picture

        chosen = self.choice()
        if chosen["fiscal_year"] is None or chosen["round"] is None:
            return
        self._generation += 1
        generation = self._generation
        arguments = dict(
            area_office=chosen["area_office"], province=chosen["province"], level=chosen["level"],
        )
        path = self.workspace.path
        if path is None or self.last_duration <= SLOW_SECONDS:
            started = time.perf_counter()
            try:
                picture = district_picture(self.workspace, chosen["fiscal_year"], chosen["round"], **arguments)
            except QualitySchoolError as exc:
                QMessageBox.warning(self, text.FAILED, shown_text(exc))
                return
            self.last_duration = time.perf_counter() - started
            self.show_picture(picture)
            return

        def work(workspace: Any, _progress: Any, _cancelled: Any) -> DistrictPicture:  # worker thread
            return district_picture(workspace, chosen["fiscal_year"], chosen["round"], **arguments)

        self.busy.show()
        started = time.perf_counter()

        def done(picture: object) -> None:
            if generation != self._generation:
                return  # the user chose something else meanwhile
            self.busy.hide()
            self.last_duration = time.perf_counter() - started
            self.show_picture(picture)  # type: ignore[arg-type]

        def failed(error: object) -> None:
            if generation == self._generation:
                self.busy.hide()
                box = QMessageBox(QMessageBox.Icon.Warning, text.FAILED, error_message(error),
                                  QMessageBox.StandardButton.Ok, self)
                add_detail(box, error)
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()

        self.operation = self.ops.run(work, database=path, read_only=True, on_success=done, on_failure=failed)

    def on_changes(self, changes: Changes) -> None:
        if self._loaded and self.isVisible() and (changes.any_schools or changes.any_assessments):
            self.refresh()

    # -- showing -----------------------------------------------------------------------------
    def show_picture(self, picture: DistrictPicture) -> None:
        self.picture = picture
        self._show_bands(picture)
        self._show_readiness(picture)
        self._show_band_table(picture)
        self._show_not_reported(picture)
        self._show_progress(picture)
        self._update_buttons()

    def _show_bands(self, picture: DistrictPicture) -> None:
        previous = picture.previous
        reported = text.REPORTED.format(reported=shown(picture.reported), total=shown(len(picture.schools)))
        if previous is not None:
            reported += text.ARROWS_AGAINST.format(year=shown(previous.fiscal_year),
                                                   round=shown(previous.round))
        self.reported_label.setText(reported)
        for column, band in enumerate(picture.bands):
            chip = self.band_chips.get(band.key)
            if chip is None:
                chip = QLabel()
                chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
                chip.setMinimumWidth(60)
                fg = readable_text_colour(QColor(band.colour)).name()
                chip.setStyleSheet(f"QLabel {{ background: {band.colour}; color: {fg}; border-radius: 8px;"
                                   f" padding: 4px 6px; }}")
                delta = QLabel()
                delta.setAlignment(Qt.AlignmentFlag.AlignCenter)
                delta.setObjectName("hint")
                self.band_grid.addWidget(chip, 0, column)
                self.band_grid.addWidget(delta, 1, column)
                self.band_chips[band.key] = chip
                self.band_deltas[band.key] = delta
            count = picture.band_counts.get(band.key, 0)
            chip.setText(f"{band.name}<br><span style='font-size:17pt; font-weight:bold'>{shown(count)}</span>")
            tip = text.BAND_CHIP_TIP.format(band=band.name, count=shown(count))
            chip.setToolTip(tip)
            chip.setAccessibleName(tip)
            before = previous.band_counts.get(band.key, 0) if previous else None
            delta_label = self.band_deltas[band.key]
            delta_label.setText(signed_delta(count, before))
            trend = picture.band_trend(band.key)  # fewer in the red is good news (issue 11)
            delta_label.setStyleSheet(f"color: {trend_colour(trend)};" if trend else "")
            delta_label.setToolTip(trend_tip(band.name, count, before, trend))

    def _show_readiness(self, picture: DistrictPicture) -> None:
        if not self.readiness_bars:
            for group in picture.groups:
                swatch = QLabel()
                swatch.setFixedSize(12, 12)
                swatch.setStyleSheet(f"background: {self._group_colour(group.key, group.colour)}; border-radius: 2px;")
                entry = QWidget()  # a swatch stays with its name when the legend wraps
                entry_layout = QHBoxLayout(entry)
                entry_layout.setContentsMargins(0, 0, 0, 0)
                entry_layout.addWidget(swatch)
                entry_layout.addWidget(QLabel(group.name))
                self.legend.addWidget(entry)
            for row, component in enumerate(picture.components):
                label = QLabel()
                label.setToolTip(component.title)
                self.readiness_labels[component.code] = label
                title = ElidedLabel(short_title(component.title))  # "…" where the card is narrow
                title.setObjectName("hint")
                title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                title.setMinimumWidth(min(110, title.sizeHint().width()))
                title.setToolTip(component.title)
                bar = ReadinessBar()
                self.readiness_grid.addWidget(label, row, 0)
                self.readiness_grid.addWidget(title, row, 1)
                self.readiness_grid.addWidget(bar, row, 2)
                self.readiness_bars[component.code] = bar
            self.readiness_grid.setColumnStretch(2, 1)  # titles keep their width, bars take the rest
        for code, label in self.readiness_labels.items():  # again each time: the digit style may have changed
            label.setText(text.COMPONENT_SHORT.format(code=shown(code)))
        for component in picture.components:
            counts = picture.readiness_counts.get(component.code, {})
            found = self.readiness_bars.get(component.code)
            if found is None:
                continue
            bar = found
            bar.set_counts([(g.name, counts.get(g.key, 0), self._group_colour(g.key, g.colour)) for g in picture.groups])
            bar.setToolTip(text.READINESS_TIP.format(title=component.title, parts=bar.toolTip()))

    @staticmethod
    def _group_colour(key: str, colour: str) -> str:
        return colour or READINESS_COLOURS.get(key, "#9e9e9e")

    def _show_band_table(self, picture: DistrictPicture) -> None:
        keep = self.band_table.selected_id()
        standings = [s for band in picture.bands for s in picture.schools_by_band.get(band.key, [])]
        self.band_table.setRowCount(len(standings))
        for row, standing in enumerate(standings):
            school_id = standing.school.id
            band = self._item_with_chip(band_chip(standing.band), school_id)
            weakest = ""
            if standing.weakest is not None:
                weakest = text.WEAKEST.format(code=shown(standing.weakest_code), title=short_title(standing.weakest_title),
                                              score=score(standing.weakest_score))
            change = table_item(change_text(standing.change), school_id)
            if standing.change is not None:
                change.setToolTip(text.CHANGE_TIP.format(before=score(standing.previous_score),
                                                         now=score(standing.score)))
                if round(standing.change, 2):
                    change.setForeground(QColor(UP_COLOUR if standing.change > 0 else DOWN_COLOUR))
            cells = [
                band,
                table_item(standing.school.name, school_id, tip=standing.school.name),
                table_item(standing.school.district, school_id),
                table_item(standing.school.area_office, school_id, tip=standing.school.area_office),
                table_item(score(standing.score), school_id, right=True),
                table_item(weakest, school_id, tip=weakest),
                change,
            ]
            for column, item in enumerate(cells):
                self.band_table.setItem(row, column, item)
        self.tabs.setTabText(0, text.TAB_BY_BAND.format(count=shown(len(standings))))
        self.band_table.setVisible(bool(standings))
        self.band_empty.setVisible(not standings)
        self._reselect(self.band_table, keep)

    @staticmethod
    def _item_with_chip(chip: tuple[str, str] | None, school_id: str) -> QTableWidgetItem:
        item = table_item("", school_id)
        item.setData(CHIP_ROLE, chip)
        if chip:
            item.setToolTip(chip[0])
        return item

    def _show_not_reported(self, picture: DistrictPicture) -> None:
        keep = self.missing_table.selected_id()
        rows = picture.not_reported
        self.missing_table.setRowCount(len(rows))
        for row, missing in enumerate(rows):
            school_id = missing.school.id
            status = text.NOT_STARTED if missing.draft is None else text.DRAFT.format(
                answered=shown(missing.answered), total=shown(missing.total))
            for column, value in enumerate((missing.school.name, missing.school.district,
                                            missing.school.area_office, status)):
                self.missing_table.setItem(row, column, table_item(value, school_id, tip=value))
        self.tabs.setTabText(1, text.TAB_NOT_REPORTED.format(count=shown(len(rows))))
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
        moves = picture.change_counts()
        self.moves_label.setText(text.MOVES.format(**{k: shown(v) for k, v in moves.items()}))
        self.moves_label.setVisible(previous is not None)
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
            first = self._item_with_chip(chip, "") if chip else table_item(name)
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

    def _current_table(self) -> SchoolTable | None:
        return {0: self.band_table, 1: self.missing_table}.get(self.tabs.currentIndex())

    def _update_buttons(self) -> None:
        table = self._current_table()
        self.open_button.setEnabled(table is not None and table.selected_id() is not None)

    def _open_selected(self) -> None:
        table = self._current_table()
        school_id = table.selected_id() if table else None
        if school_id:
            self.open_school.emit(school_id)

