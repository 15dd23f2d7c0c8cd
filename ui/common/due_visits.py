"""The schools due for a visit this term (issue 15), shown by the follow-up list and the dashboard
beside their own figures: the count, the first schools in the coverage page's order (overdue
first) and a link to the whole list on the coverage page (ui/coverage/), so the three agree (the
tester's F10). The link emits ``open_list``; the feature that owns the page navigates."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QLabel

from qualityschool_desktop.coverage import STATUS_LABELS, due_list
from qualityschool_desktop.coverage.due import SchoolCoverage
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
# A school visited this term that the rules ask to visit again: the line named it minutes after its
# visit was confirmed, with no reason (TEST31 T6/T19).
VISITED = "นิเทศแล้ว {done}/{due}"  # short: five names share the line


def named(item: SchoolCoverage) -> str:
    """A school on the line: its name, "(เลยกำหนด)" when overdue, and the visits made of those due
    when some were made already ("(นิเทศแล้ว ๑/๒)")."""
    notes = [STATUS_LABELS["overdue"]] if item.status == "overdue" else []
    if 0 < item.visits_done < item.visits_due:
        notes.append(shown(VISITED.format(done=item.visits_done, due=item.visits_due)))
    return f"{item.name} ({', '.join(notes)})" if notes else item.name


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
        self._items: list[SchoolCoverage] | None = None  # as last read (None: the read failed)
        self.short = False  # the count and the link only, the schools named in the tooltip (a short window)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        """Reached by Tab (or Shift+Tab), the link is chosen at once, so Enter follows it and the
        next Tab leaves (Qt's label chose it only at a second press: TEST34B B14)."""
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            QLabel.focusNextPrevChild(self, event.reason() == Qt.FocusReason.TabFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.short and event.size().width() != event.oldSize().width():
            self._show()  # as many schools as the new width holds

    def set_short(self, short: bool) -> None:
        """Name the schools on the line, or (``short``) those that fit on one line and all of them
        in the tooltip: the follow-up list at 150 % gives its height to its rows (ui34 #1), and a
        count alone did not say which schools (fit35)."""
        if short != self.short:
            self.short = short
            self._show()

    def update_for(self, workspace: Workspace, today: date) -> None:
        """Show the schools due (and overdue) in the term ``today`` falls in."""
        try:
            self._items = due_list(workspace, today)
        except QualitySchoolError:
            self._items = None
        self._show()

    def _show(self) -> None:
        items = self._items
        self.setToolTip(TIP)
        # Tab reaches the link (TEST34B B14; Enter follows it); a line without one is skipped.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if items else Qt.FocusPolicy.NoFocus)
        if items is None:
            self.setText("")
            return
        if not items:
            self.setText(escape(NONE_DUE))
            return
        overdue = sum(1 for item in items if item.status == "overdue")
        names = [named(item) for item in items[:NAMED]]
        if len(items) > NAMED:
            names.append(shown(MORE.format(count=len(items) - NAMED)))
        due = escape(shown(DUE.format(due=len(items), overdue=overdue)))
        link = f"<a href=\"coverage\">{escape(shown_text(LINK))}</a>"
        if self.short:
            self.setText(self._one_line(items, due, link))
            self.setToolTip("\n".join([", ".join(names), TIP]))
            return
        self.setText(f"{due} {escape(', '.join(names))} — {link}")

    def _one_line(self, items: list[SchoolCoverage], due: str, link: str) -> str:
        """The line with as many schools named as fit on one line of the label's width (none: the
        count and the link)."""
        room = self.contentsRect().width() - 2 * self.margin() - 4
        metrics = self.fontMetrics()
        link_text = f" — {shown_text(LINK)}"
        overdue = sum(1 for item in items if item.status == "overdue")
        for count in range(min(len(items), NAMED), 0, -1):
            names = [named(item) for item in items[:count]]
            if len(items) > count:
                names.append(shown(MORE.format(count=len(items) - count)))
            plain = f"{shown(DUE.format(due=len(items), overdue=overdue))} {', '.join(names)}{link_text}"
            if metrics.horizontalAdvance(plain.replace("\u00a0", " ")) <= room:
                return f"{due} {escape(', '.join(names))} — {link}"
        return f"{due.rstrip(':')} — {link}"
