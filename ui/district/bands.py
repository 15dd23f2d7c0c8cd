"""The district page's colour-band card: a chip per กลุ่มสี with its count of schools, under it the
change since the previous round (coloured by whether it is good news: fewer in the red is, issue
11), how many schools reported, and how many moved up or down a band."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ui.common.digits import shown
from ui.common.widgets import readable_text_colour

from . import strings as text
from .widgets import TitledCard, signed_delta, trend_colour, trend_tip

if TYPE_CHECKING:
    from qualityschool_desktop.district import DistrictPicture


class BandsCard(TitledCard):
    """``band_chips`` and ``band_deltas`` by band key, made on the first picture shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(text.BANDS_TITLE, parent)
        self.reported_label = QLabel()
        self.reported_label.setObjectName("hint")
        self.reported_label.setWordWrap(True)
        self.band_grid = QGridLayout()
        self.band_grid.setHorizontalSpacing(8)
        self.band_grid.setVerticalSpacing(2)
        self.band_chips: dict[str, QLabel] = {}
        self.band_deltas: dict[str, QLabel] = {}
        layout = self.column
        layout.addWidget(self.reported_label)
        layout.addLayout(self.band_grid)
        layout.addStretch(1)
        self.moves_label = QLabel()
        self.moves_label.setWordWrap(True)
        layout.addWidget(self.moves_label)

    def show_picture(self, picture: DistrictPicture) -> None:
        """The chips, their changes, who reported and the moves between bands for ``picture``."""
        previous = picture.previous
        total, carried = len(picture.schools), picture.reported - picture.reported_this_round
        reported = (text.REPORTED_WITH_CARRIED.format(sent=shown(picture.reported_this_round), total=shown(total),
                                                      carried=shown(carried)) if carried
                    else text.REPORTED.format(reported=shown(picture.reported), total=shown(total)))
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
        moves = picture.change_counts()
        words = {k: shown(v) for k, v in moves.items()}
        self.moves_label.setText(text.MOVES.format(**words) + (text.MOVES_CARRIED.format(**words)
                                                               if moves["carried"] else ""))
        self.moves_label.setVisible(previous is not None)
