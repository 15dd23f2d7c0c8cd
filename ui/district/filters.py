"""The district page's choosers: fiscal year, round, area office, province and level, in a row that
wraps in a narrow window (125 %, 150 % scaling), with the busy bar a slow count shows beside them.

The choices on offer come from :func:`qualityschool_desktop.district.filters_available`; the
rounds offered follow the year chosen. ``changed`` tells of the user's choices only: refilling the
choosers (a re-read, :meth:`Choosers.choose`) says nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QWidget

from ui.common.digits import shown
from ui.common.flow import FlowLayout

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.district import Filters


class Choosers(QObject):
    """The choosers in ``row`` (a layout for the page to place); ``choice()`` is what they show."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.filters: Filters | None = None
        self._filling = False  # combo boxes being refilled: their signals are not the user's
        self.row = FlowLayout()
        self.year_combo = self._combo(text.YEAR, 90)
        self.round_combo = self._combo(text.ROUND, 56)
        self.office_combo = self._combo(text.AREA_OFFICE, 150)
        self.province_combo = self._combo(text.PROVINCE, 110)
        self.level_combo = self._combo(text.LEVEL, 110)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # an indeterminate bar: it moves while the worker counts
        self.busy.setFixedWidth(90)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(text.BUSY)
        self.busy.hide()
        self.row.addWidget(self.busy)

    def _combo(self, label: str, width: int) -> QComboBox:
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
        self.row.addWidget(pair)
        combo.currentIndexChanged.connect(lambda _i: self._choice_changed(combo))
        return combo

    def combos(self) -> list[QComboBox]:
        """In the order they stand (and Tab goes)."""
        return [self.year_combo, self.round_combo, self.office_combo, self.province_combo, self.level_combo]

    def offer(self, filters: Filters, level_name: Callable[[str], str],
              default_round: Callable[[], tuple[int, int]]) -> None:
        """Refill the choosers from ``filters``, keeping what was chosen where it is still offered;
        the first time, the year and round ``default_round`` gives."""
        self.filters = filters
        chosen = self.choice()
        self._filling = True
        try:
            self._fill(self.office_combo, text.ALL_AREA_OFFICES, [(shown(o), o) for o in filters.area_offices],
                       chosen["area_office"])
            self._fill(self.province_combo, text.ALL_PROVINCES, [(p, p) for p in filters.provinces],
                       chosen["province"])
            self._fill(self.level_combo, text.ALL_LEVELS,
                       [(level_name(level), level) for level in filters.levels], chosen["level"])
            years = sorted({year for year, _round in filters.rounds}, reverse=True)
            year = chosen["fiscal_year"]
            if year is None:
                year, round_ = default_round()
            else:
                round_ = chosen["round"]
            self._fill(self.year_combo, None, [(shown(y), y) for y in years], year)
            self._fill_rounds(round_)
        finally:
            self._filling = False

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
        """Set choosers by value (fiscal_year, round, area_office, province, level), quietly."""
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

    def _choice_changed(self, combo: QComboBox) -> None:
        if self._filling:
            return
        if combo is self.year_combo:
            self._filling = True
            try:
                self._fill_rounds(self.round_combo.currentData())
            finally:
                self._filling = False
        self.changed.emit()
