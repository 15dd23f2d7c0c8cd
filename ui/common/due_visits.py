"""The one-line count of schools due for a visit this term (issue 15), shown by the follow-up list
and the dashboard beside their own figures; the coverage page (ui/coverage/) lists them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from qualityschool_desktop.coverage import due_now
from qualityschool_desktop.errors import QualitySchoolError

from .digits import shown

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

DUE = "ถึงกำหนดนิเทศภาคเรียนนี้ {due} โรงเรียน (เลยกำหนด {overdue})"
NONE_DUE = "ภาคเรียนนี้ไม่มีโรงเรียนที่ถึงกำหนดนิเทศ"
TIP = "ดูรายชื่อที่ เมนูโรงเรียน › โรงเรียนที่ถึงกำหนดนิเทศ (Ctrl+Shift+T)"


class DueVisitsLabel(QLabel):
    """``update_for(workspace, today)`` reads the count again; a read that fails leaves the line empty."""

    def __init__(self) -> None:
        super().__init__("")
        self.setObjectName("hint")
        self.setToolTip(TIP)
        self.setWordWrap(True)  # at 150 % a page narrower than the sentence wraps it (it widened the page)

    def update_for(self, workspace: Workspace, today: date) -> None:
        """Show how many schools are due (and overdue) in the term ``today`` falls in."""
        try:
            due, overdue = due_now(workspace, today)
        except QualitySchoolError:
            self.setText("")
            return
        self.setText(shown(DUE.format(due=due, overdue=overdue)) if due else NONE_DUE)
