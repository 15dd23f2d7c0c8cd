"""The schools due for a visit this term (issue 15), shown by the follow-up list and the dashboard
beside their own figures: the count, the first schools in the coverage page's order (overdue
first) and a link to the whole list on the coverage page (ui/coverage/), so the three agree (the
tester's F10). The link emits ``open_list``; the feature that owns the page navigates."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel

from qualityschool_desktop.coverage import STATUS_LABELS, due_list
from qualityschool_desktop.errors import QualitySchoolError

from .digits import shown, shown_text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

# A no-break space inside "(เลยกำหนด ๑)": the line wrapped between the word and its number at 1366×768.
DUE = "ถึงกำหนดนิเทศภาคเรียนนี้ {due}\u00a0โรงเรียน (เลยกำหนด\u00a0{overdue}):"
MORE = "และอีก {count} โรงเรียน"
LINK = "ดูรายชื่อทั้งหมด"
NONE_DUE = "ภาคเรียนนี้ไม่มีโรงเรียนที่ถึงกำหนดนิเทศ"
TIP = "รายชื่อทั้งหมดพร้อมเหตุผลอยู่ที่ เมนูโรงเรียน › โรงเรียนที่ถึงกำหนดนิเทศ (Ctrl+Shift+T)"
NAMED = 5  # schools named on the line; the link shows the rest


class DueVisitsLabel(QLabel):
    """``update_for(workspace, today)`` reads the list again; a read that fails leaves the line empty.
    ``open_list`` is emitted when the link to the coverage page is followed."""

    open_list = Signal()

    def __init__(self) -> None:
        super().__init__("")
        self.setObjectName("hint")
        self.setToolTip(TIP)
        self.setWordWrap(True)  # at 150 % a page narrower than the sentence wraps it (it widened the page)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(lambda _href: self.open_list.emit())

    def update_for(self, workspace: Workspace, today: date) -> None:
        """Show the schools due (and overdue) in the term ``today`` falls in."""
        try:
            items = due_list(workspace, today)
        except QualitySchoolError:
            self.setText("")
            return
        if not items:
            self.setText(escape(NONE_DUE))
            return
        overdue = sum(1 for item in items if item.status == "overdue")
        names = [f"{escape(item.name)} ({STATUS_LABELS[item.status]})" if item.status == "overdue"
                 else escape(item.name) for item in items[:NAMED]]
        if len(items) > NAMED:
            names.append(shown(MORE.format(count=len(items) - NAMED)))
        self.setText(f"{escape(shown(DUE.format(due=len(items), overdue=overdue)))} {escape(', ').join(names)}"
                     f" — <a href=\"coverage\">{escape(shown_text(LINK))}</a>")
