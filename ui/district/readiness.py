"""The district page's readiness card: per องค์ประกอบ a bar of how many schools are ready, meet the
standard or need urgent development (the groups and their colours come with the picture), with
a legend that wraps where the card is narrow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.common.digits import shown
from ui.common.flow import FlowLayout
from ui.common.elided_label import ElidedLabel
from ui.common.widgets import READINESS_COLOURS

from . import strings as text
from .widgets import ReadinessBar, TitledCard, short_title

if TYPE_CHECKING:
    from qualityschool_desktop.district import DistrictPicture


def group_colour(key: str, colour: str) -> str:
    """A readiness group's colour: its own, else the app's for its key, else grey."""
    return colour or READINESS_COLOURS.get(key, "#9e9e9e")


class ReadinessCard(TitledCard):
    """``readiness_bars`` by component code, made on the first picture shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(text.READINESS_TITLE, parent)
        self.legend = FlowLayout(spacing=12)  # under the title, wrapping where the card is narrow
        self.readiness_grid = QGridLayout()
        self.readiness_grid.setHorizontalSpacing(10)
        self.readiness_grid.setVerticalSpacing(4)
        self.readiness_bars: dict[str, ReadinessBar] = {}
        self.readiness_labels: dict[str, QLabel] = {}  # "ด้านที่ ๑" … beside each bar
        layout = self.column
        layout.addLayout(self.legend)
        layout.addLayout(self.readiness_grid)
        layout.addStretch(1)

    def show_picture(self, picture: DistrictPicture) -> None:
        """The bars (and, the first time, the legend and the components' names) for ``picture``."""
        if not self.readiness_bars:
            self._build(picture)
        for code, label in self.readiness_labels.items():  # again each time: the digit style may have changed
            label.setText(text.COMPONENT_SHORT.format(code=shown(code)))
        for component in picture.components:
            counts = picture.readiness_counts.get(component.code, {})
            found = self.readiness_bars.get(component.code)
            if found is None:
                continue
            bar = found
            bar.set_counts([(g.name, counts.get(g.key, 0), group_colour(g.key, g.colour)) for g in picture.groups])
            bar.setToolTip(text.READINESS_TIP.format(title=component.title, parts=bar.toolTip()))

    def _build(self, picture: DistrictPicture) -> None:
        for group in picture.groups:
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {group_colour(group.key, group.colour)}; border-radius: 2px;")
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
