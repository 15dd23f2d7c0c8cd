"""Comments on the item shown in the assessment view (issue 10): a supervisor or the office comments
on a school's self-assessment item, never changing the school's levels; the school reads them here.

:class:`ItemComments` follows the view's item tree by itself and sits at the end of the item panel,
so the view only makes it (``ui/assessment/view.py`` stays as small as it is).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.workspace import Workspace
from qualityschool_desktop.exchange.editors import editor_names
from ui.common import digits
from ui.common.comments_panel import ADD, CommentsPanel

from .tree import ROW_ROLE

SEE_COMMENTS = "มีความคิดเห็นต่อประเด็นนี้ {count} รายการ (ดูด้านล่าง ▾)"
SEE_COMMENTS_SHORT = "ความคิดเห็น {count} ▾"  # beside the statement in a folded panel (150 %)
SEE_COMMENTS_TIP = "เลื่อนไปที่ความคิดเห็นท้ายประเด็น"


class ItemComments(CommentsPanel):
    """The comments on the current item of ``assessment_id``; comments may be added to any round,
    submitted or not (a supervisor comments on what the school submitted), unless the database is
    read-only."""

    def __init__(self, workspace: Workspace, assessment_id: str, tree: QTreeWidget, panel: QWidget, *,
                 publish: Callable[[Changes], None] | None = None) -> None:
        super().__init__(panel, button=ADD, installation_id=workspace.installation_id, publish=publish,
                         names=partial(editor_names, workspace, digits.shown))
        self.setObjectName("itemComments")
        self._workspace = workspace
        self._assessment_id = assessment_id
        self.setMinimumHeight(200)
        self._panel = panel
        self._scroll: QScrollArea | None = getattr(panel, "scroll_area", None)
        body = self._scroll.widget() if self._scroll is not None else panel
        # Under the item's text, a line that says comments are there (the panel is at the end).
        self.see = QPushButton(body)
        self.see.setObjectName("seeCommentsButton")
        self.see.setFlat(True)
        self.see.setCursor(Qt.CursorShape.PointingHandCursor)
        self.see.setStyleSheet("QPushButton { color: #0d47a1; text-align: left; font-weight: bold; }")
        self.see.setToolTip(SEE_COMMENTS_TIP)
        self.see.clicked.connect(self.reveal)
        self.see.hide()
        column = body.layout()
        if isinstance(column, QVBoxLayout):
            column.insertWidget(min(3, column.count()), self.see)  # after heading, place and the item's text
            column.insertWidget(max(column.count() - 1, 0), self)  # before the closing stretch
        fold = getattr(panel, "fold_beside_statement", None)
        if fold is not None:  # where the panel is short still (150 %) the link goes beside the statement
            fold(self.see)
            getattr(panel, "folded_changed").connect(lambda _folded: self._label_see())
        tree.currentItemChanged.connect(self._item_changed)

    def _item_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        kind, code = current.data(0, ROW_ROLE)
        if kind == "item":
            self.show_item(code)

    def show_item(self, item_code: str) -> None:
        """Show the comments on ``item_code`` and let this laptop add one."""
        comments, assessment_id = self._workspace.comments, self._assessment_id
        add = None if self._workspace.read_only else (
            lambda body, name, role: comments.on_assessment(assessment_id, body, item_code=item_code,
                                                            author_name=name, author_role=role))
        self.show_for(lambda: comments.for_assessment(assessment_id, item_code), add)

    def _render(self) -> None:
        super()._render()
        if hasattr(self, "see"):
            count = len(self._comments)
            self._label_see()
            if self.see.isHidden() == (count > 0):
                self.see.setVisible(count > 0)
                refit = getattr(self._panel, "fit_to_height", None)
                if refit is not None:  # its line moved the levels: the item's panel fits itself again
                    refit()

    def _label_see(self) -> None:
        folded = bool(getattr(self._panel, "folded", False))
        self.see.setText((SEE_COMMENTS_SHORT if folded else SEE_COMMENTS).format(count=digits.shown(len(self._comments))))

    def reveal(self) -> None:
        """Scroll the item panel to the comments and put the keyboard on their list."""
        if self._scroll is not None:
            self._scroll.ensureWidgetVisible(self)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
