"""The follow-up list's rows as the page fills them (ui/follow_ups/page.py): a heading per bucket
and one row per follow-up under it, each cell with its sort key and tooltip, the scope's title
read from the visit's framework (kept per visit while the page lives).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTreeWidgetItem

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.follow_ups import BUCKETS, DueItem, FollowUp
from qualityschool_desktop.framework import Framework
from qualityschool_desktop.workspace import Workspace
from ui.common.digits import shown as digits_shown
from ui.common.digits import shown_text

from . import strings as text
from .rows import (
    BUCKET_COLOURS, BUCKET_ROLE, COL_ACTION, COL_DUE, COL_OWNER, COL_SCHOOL, COL_SCOPE, COL_STATUS, COL_SUPERVISOR,
    COL_VISITED, ID_ROLE, SHORTER_ROLE, SORT_ROLE, FollowUpItem, FollowUpTree, due_shorter, due_text, iso_to_thai,
    status_text,
)


ANSWERED_INK = "#0d47a1"  # the action of a follow-up with answers: the mark in the colour of a link


def answered_mark(count: int) -> str:
    """What leads the action of a follow-up with ``count`` comments ("ความเห็น ๑ · ")."""
    return text.ANSWERED_MARK.format(count=digits_shown(count))


class ListFiller:
    """Fills ``tree`` with the follow-ups shown, rows ``row_height`` pixels tall."""

    def __init__(self, workspace: Workspace, tree: FollowUpTree, row_height: int) -> None:
        self.workspace = workspace
        self.tree = tree
        self._row_height = row_height
        self._frameworks: dict[str, Framework | None] = {}  # visit id → its framework (scope titles)

    def fill(self, shown: list[DueItem], counts: dict[str, int], today: date, answered: dict[str, int]) -> None:
        """The rows of ``shown`` under their buckets' headings (``counts`` per bucket), sorted as
        the header says; ``answered``: follow-up id → how many comments answer it."""
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for item in shown:
            group = groups.get(item.bucket)
            if group is None:
                group = FollowUpItem(self.tree)
                group.setData(0, BUCKET_ROLE, item.bucket)
                group.setText(0, text.GROUP.format(label=shown_text(BUCKETS[item.bucket]),
                                                   count=digits_shown(counts[item.bucket])))
                group.setFirstColumnSpanned(True)
                group.setFont(0, bold)
                fg, bg = BUCKET_COLOURS[item.bucket]
                group.setForeground(0, QBrush(QColor(fg)))
                for column in range(self.tree.columnCount()):
                    group.setBackground(column, QBrush(QColor(bg)))
                group.setSizeHint(0, QSize(0, self._row_height))
                groups[item.bucket] = group
            self._add_row(group, item, today, answered.get(item.follow_up.id, 0))
        for group in groups.values():
            group.setExpanded(True)
        self.tree.sortItems(self.tree.sortColumn(), self.tree.header().sortIndicatorOrder())
        self.tree.setUpdatesEnabled(True)

    def _add_row(self, group: QTreeWidgetItem, item: DueItem, today: date, answers: int = 0) -> None:
        follow_up = item.follow_up
        row = FollowUpItem(group)
        row.setData(0, ID_ROLE, follow_up.id)
        row.setData(0, BUCKET_ROLE, item.bucket)
        scope, scope_title = self._scope(follow_up)
        cells = {
            COL_DUE: (due_text(item, today), (follow_up.due_on or "9999-99-99", follow_up.action)),
            COL_ACTION: (answered_mark(answers) + follow_up.action if answers else follow_up.action,
                         follow_up.action),
            COL_OWNER: (follow_up.owner, follow_up.owner),
            COL_SCHOOL: (item.school_name, item.school_name),
            COL_SUPERVISOR: (item.supervisor, item.supervisor),
            COL_VISITED: (iso_to_thai(item.visited_on), item.visited_on),
            COL_SCOPE: (scope, tuple(int(p) if p.isdigit() else 0 for p in follow_up.scope_code.split(".") if p)),
            COL_STATUS: (status_text(follow_up), (follow_up.status, follow_up.closed_on)),
        }
        for column, (shown, key) in cells.items():
            row.setText(column, shown)
            row.setData(column, SORT_ROLE, key)
            row.setToolTip(column, shown)
        # The visit's supervisor and day too: a narrow list leaves their columns out (LEFT_OUT_FIRST).
        visit = text.ACTION_TIP_VISIT.format(supervisor=item.supervisor or text.NO_SUPERVISOR,
                                             visited=iso_to_thai(item.visited_on))
        answered = text.ANSWERED_TIP.format(count=digits_shown(answers)) if answers else ""
        row.setToolTip(COL_ACTION, "\n".join(part for part in (follow_up.action, follow_up.note, visit, answered)
                                             if part))
        row.setData(COL_DUE, SHORTER_ROLE, due_shorter(item, today))
        if scope_title:
            row.setToolTip(COL_SCOPE, scope_title)
        row.setSizeHint(0, QSize(0, self._row_height))
        if item.bucket in ("overdue", "this_week"):
            row.setForeground(COL_DUE, QBrush(QColor(BUCKET_COLOURS[item.bucket][0])))
        elif item.bucket == "no_date":
            row.setForeground(COL_DUE, QBrush(QColor("#6b7680")))
        if answers:
            row.setForeground(COL_ACTION, QBrush(QColor(ANSWERED_INK)))
        if item.bucket == "closed":
            muted = QBrush(QColor("#6b7680"))
            for column in range(self.tree.columnCount()):
                row.setForeground(column, muted)

    def _scope(self, follow_up: FollowUp) -> tuple[str, str]:
        """("ด้านที่ 2" or "ประเด็น 2.1.5", its title from the visit's framework)."""
        code = follow_up.scope_code
        if not code:
            return "", ""
        label = (text.SCOPE_ITEM if "." in code else text.SCOPE_COMPONENT).format(code=digits_shown(code))
        if follow_up.visit_id not in self._frameworks:
            try:
                visit = self.workspace.visits.get(follow_up.visit_id)
                self._frameworks[follow_up.visit_id] = self.workspace.visits.framework_of(visit)
            except QualitySchoolError:
                self._frameworks[follow_up.visit_id] = None  # the label alone is still useful
        framework = self._frameworks[follow_up.visit_id]
        title = ""
        if framework is not None:
            try:
                title = framework.item(code).title if "." in code else framework.component(code).title
            except QualitySchoolError:
                title = ""
        return label, title
