"""The district dashboard: every school of the database for one fiscal year and round.

All numbers come from :func:`qualityschool_desktop.inspection.picture.round_picture` (a batch read: the
one selection the printed summary and its tables read too; the choosers offer the inspection rounds
defined); this
page only lays them out: colour-band chips with counts and the change since the previous round,
per component a bar of ready / meets the standard / needs urgent development, the schools by band
with their weakest component, who has not reported, and the band counts against the previous round.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from qualityschool_desktop.clock import today
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import follow, shown_text
from ui.common.due_visits import DueVisitsLabel
from ui.common.ops import Op, Ops, add_detail, error_message

from . import strings as text
from .bands import BandsCard
from .filters import Choosers
from .printing import DistrictReports
from .readiness import ReadinessCard
from .reviews import ReviewChips
from .tables import DistrictTables

if TYPE_CHECKING:
    from qualityschool_desktop.changes import Changes
    from qualityschool_desktop.district import DistrictPicture, Filters
    from qualityschool_desktop.workspace import Workspace

# A refresh slower than this moves to a worker thread with a busy indicator from then on.
SLOW_SECONDS = 0.2


class DistrictPage(QWidget):
    """Asks its feature to open a school (``open_school``); everything else stays on the page.
    Its parts: the choosers (``filters.py``), the band and readiness cards (``bands.py``,
    ``readiness.py``) and the lists on tabs (``tables.py``); their widgets are reachable from the
    page by the names they have there (``year_combo``, ``band_chips``, ``band_table`` …)."""

    open_school = Signal(str)
    # "เขียนรายงานผลการตรวจราชการ": the office-report page of the round chosen ("<year>-<round>").
    open_report = Signal(str)
    # No round defined yet: the button under the empty state opens โรงเรียน › รอบการตรวจราชการ (TEST26a F3).
    open_rounds = Signal()

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
        self._generation = 0  # a worker's answer to an older question is dropped
        self.operation: Op | None = None
        self.setObjectName("districtPage")
        self._build()

    def _write_report_tip(self) -> None:
        self.report_button.setToolTip(shown_text(text.WRITE_REPORT_TIP))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(text.TITLE)
        title.setObjectName("pageTitle")
        # Two rows, so the page still fits a 1366×768 laptop: the title with the outputs, then the choosers.
        heading = QHBoxLayout()
        heading.setSpacing(6)
        self.due_visits = DueVisitsLabel()  # issue 15: schools due for a visit this term
        # Under the title, not beside it: beside it the page was wider than a laptop at 125 %.
        title_column = QVBoxLayout()
        title_column.setSpacing(0)
        title_column.addWidget(title)
        self.due_visits.setWordWrap(True)  # two lines at 150 %
        title_column.addWidget(self.due_visits)
        heading.addLayout(title_column, 1)  # the room left: the line wraps only when it must
        self.reports = DistrictReports(self, self.workspace, self.choice, self.ops)
        heading.addWidget(self.reports.print_button)
        heading.addWidget(self.reports.export_button)
        self.report_button = QPushButton(text.WRITE_REPORT)
        self._write_report_tip()
        follow(self._write_report_tip)  # the digit style changed: the tip in the new one
        self.report_button.clicked.connect(self._open_report)
        heading.addWidget(self.report_button)
        self.choosers = Choosers(self)
        self.choosers.changed.connect(self.recompute)
        self.year_combo, self.round_combo, self.office_combo, self.province_combo, self.level_combo = (
            self.choosers.combos())
        self.busy = self.choosers.busy

        self.bands = BandsCard()
        self.reported_label = self.bands.reported_label
        self.band_chips = self.bands.band_chips
        self.band_deltas = self.bands.band_deltas
        self.moves_label = self.bands.moves_label
        self.reviews = ReviewChips()  # รอตรวจ / ผ่าน / ส่งกลับ (issue 13), under who reported
        self.bands.column.insertWidget(1, self.reviews)
        self.readiness = ReadinessCard()
        self.readiness_bars = self.readiness.readiness_bars
        cards = QHBoxLayout()
        cards.setSpacing(12)
        cards.addWidget(self.bands, 5)
        cards.addWidget(self.readiness, 6)

        self.tabs = DistrictTables()
        self.tabs.open_school.connect(self.open_school)
        self.band_table, self.missing_table, self.progress_table = (
            self.tabs.band_table, self.tabs.missing_table, self.tabs.progress_table)
        self.band_empty, self.missing_empty = self.tabs.band_empty, self.tabs.missing_empty
        self.previous_label = self.tabs.previous_label
        self.open_button = self.tabs.open_button

        self.empty_label = QLabel(text.NO_ROUNDS)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.rounds_button = QPushButton(text.DEFINE_ROUNDS)
        self.rounds_button.clicked.connect(self.open_rounds)
        self.rounds_button.hide()

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
        layout.addLayout(self.choosers.row)
        layout.addWidget(self.body, 1)
        empty = QVBoxLayout()  # the empty state in the middle, its button under its words
        empty.addStretch(1)
        empty.addWidget(self.empty_label)
        empty.addWidget(self.rounds_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addStretch(1)
        layout.addLayout(empty, 1)

        order = [self.reports.print_button, self.reports.export_button, self.report_button, *self.choosers.combos(),
                 self.tabs,
                 self.band_table, self.open_button]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.band_table)
        self.tabs.update_buttons()

    # -- choosing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the filters on offer (the inspection rounds defined) and the picture for the
        current choice (the latest round some school reported, the first time); without a round
        defined, the line that says how to define one."""
        from qualityschool_desktop import district

        self._loaded = True
        self.due_visits.update_for(self.workspace, today())
        self.filters = district.filters_available(self.workspace)
        self.reports.set_enabled(bool(self.filters.rounds))
        self.report_button.setEnabled(bool(self.filters.rounds))  # its page needs a round too
        if not self.filters.rounds:
            self.body.hide()
            self.empty_label.setText(shown_text(text.NO_ROUNDS))  # the window's digits (TEST26a F3)
            self.empty_label.show()
            self.rounds_button.show()
            return
        self.body.show()
        self.empty_label.hide()
        self.rounds_button.hide()
        self.choosers.offer(self.filters, district.level_name, self._default_round)
        self.recompute()

    def _default_round(self) -> tuple[int, int]:
        """The latest inspection round some school has reported; the latest of all when none has."""
        from qualityschool_desktop.inspection.picture import round_picture

        assert self.filters is not None
        for year, round_ in self.filters.rounds[:6]:  # a few reads at most, each one batched
            if round_picture(self.workspace, year, round_)[1].reported:
                return year, round_
        return self.filters.rounds[0]

    def choice(self) -> dict[str, Any]:
        """What the choosers show: fiscal_year, round, area_office, province, level (None: all)."""
        return self.choosers.choice()

    def _open_report(self, _checked: bool = False) -> None:
        choice = self.choice()
        if choice["fiscal_year"] is not None and choice["round"] is not None:
            self.open_report.emit(f"{choice['fiscal_year']}-{choice['round']}")

    def choose(self, **values: Any) -> None:
        """Set choosers by value (fiscal_year, round, area_office, province, level) and recompute."""
        self.choosers.choose(**values)
        self.recompute()

    # -- computing ---------------------------------------------------------------------------
    def recompute(self) -> None:
        """Read the picture for the choice shown: kept from an earlier read while the database is
        unchanged (:mod:`qualityschool_desktop.picture_cache`), else read here, or on a worker
        once reads proved slow (the worker's picture is then kept for this page's workspace)."""
        from qualityschool_desktop import picture_cache
        from qualityschool_desktop.inspection.picture import picture_key, read_round_picture, round_picture

        chosen = self.choice()
        if chosen["fiscal_year"] is None or chosen["round"] is None:
            return
        self._generation += 1
        generation = self._generation
        arguments = dict(
            area_office=chosen["area_office"], province=chosen["province"], level=chosen["level"],
        )
        key = picture_key(chosen["fiscal_year"], chosen["round"], **arguments)
        kept = picture_cache.recall(self.workspace, key)
        path = self.workspace.path
        if kept is not None or path is None or self.last_duration <= SLOW_SECONDS:
            started = time.perf_counter()
            try:
                _, picture = kept or round_picture(self.workspace, chosen["fiscal_year"], chosen["round"], **arguments)
            except QualitySchoolError as exc:
                QMessageBox.warning(self, text.FAILED, shown_text(exc))
                return
            if kept is None:
                self.last_duration = time.perf_counter() - started
            self.busy.hide()  # a slower read still running on the worker is dropped when it ends
            self.show_picture(picture)
            return

        def work(workspace: Any, _progress: Any, _cancelled: Any) -> Any:  # worker thread
            return read_round_picture(workspace, chosen["fiscal_year"], chosen["round"], **arguments)

        self.busy.show()
        started = time.perf_counter()
        taken = picture_cache.stamp(self.workspace)  # before the worker reads: a change meanwhile moves it

        def done(pair: object) -> None:
            if generation != self._generation:
                return  # the user chose something else meanwhile
            self.busy.hide()
            self.last_duration = time.perf_counter() - started
            picture_cache.remember(self.workspace, key, taken, pair)
            self.show_picture(pair[1])  # type: ignore[index]

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
        self.bands.show_picture(picture)
        self.readiness.show_picture(picture)
        self.tabs.show_picture(picture)
        self.reviews.show_picture(self.workspace, picture)
