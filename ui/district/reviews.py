"""The district page's review chips (issue 13): how many of the round's self-assessments wait for
the office's review (รอตรวจ), were accepted (ผ่าน) or returned (ส่งกลับ), read through the core
(``workspace.reviews.counts``) for the rounds the picture holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import shown
from ui.common.flow import FlowLayout

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.district import DistrictPicture
    from qualityschool_desktop.workspace import Workspace

COLOURS = {"waiting": "#fff3e0", "accepted": "#e8f5e9", "returned": "#ffebee"}


class ReviewChips(QWidget):
    """``review_chips`` by state key (``waiting``, ``accepted``, ``returned``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewChips")
        self.setToolTip(text.REVIEW_TIP)
        row = FlowLayout(self, spacing=6)  # wraps where the card is narrow (150 % scaling)
        row.setContentsMargins(0, 0, 0, 0)
        self.review_chips: dict[str, QLabel] = {}
        for key, colour in COLOURS.items():
            chip = QLabel(self)
            chip.setObjectName(f"review_{key}")
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            chip.setStyleSheet(f"QLabel {{ background: {colour}; border: 1px solid #bdbdbd; border-radius: 8px;"
                               " padding: 2px 10px; }")
            row.addWidget(chip)
            self.review_chips[key] = chip

    def show_picture(self, workspace: Workspace, picture: DistrictPicture) -> None:
        """The counts for the picture's rounds: its schools' submitted rounds and their open
        drafts (a returned round the school reopened counts as returned)."""
        rounds = [standing.assessment for standing in picture.standings]
        rounds += list(picture.open_drafts)
        rounds += [item.draft for item in picture.not_reported if item.state == "returned" and item.draft]
        try:
            counts = workspace.reviews.counts(rounds)
        except QualitySchoolError:
            self.hide()
            return
        for key, chip in self.review_chips.items():
            chip.setText(text.REVIEW_CHIPS[key].format(count=shown(counts[key])))
        self.show()
