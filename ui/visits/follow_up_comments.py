"""Comments on the follow-ups shown in the visit view (issue 10): the school answers a follow-up of
the supervisor's visit here ("ตอบกลับ": what it did, when), and the supervisor reads the answers,
without anyone changing the visit maker's record.

:class:`FollowUpComments` sits under the follow-up form of :class:`~ui.visits.sections.FollowUpsPanel`
and shows the comments on the follow-up chosen last, in either table (agreed in this visit, or
carried from an earlier one), so ``ui/visits/view.py`` only makes it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QTableWidget, QVBoxLayout

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.workspace import Workspace
from qualityschool_desktop.exchange.editors import editor_names
from ui.common import digits
from ui.common.comments_panel import ADD, COUNT, REPLY, CommentsPanel

from . import strings as text
from .sections import FollowUpsPanel

TITLE_ON = "ความคิดเห็นต่อข้อตกลง “{action}”"


def made_elsewhere_notice() -> str:
    """The notice over a visit another installation made (read-only here; its follow-ups answered)."""
    return text.MADE_ELSEWHERE_NOTICE.format(section=text.SECTION_FOLLOW_UPS)


class FollowUpComments(CommentsPanel):
    """The comments on the chosen follow-up of ``panel``. ``answering``: the visit is another
    installation's (the button says "ตอบกลับ"); comments can be added unless the database is read-only."""

    def __init__(self, workspace: Workspace, panel: FollowUpsPanel, *, answering: bool,
                 publish: Callable[[Changes], None] | None = None) -> None:
        super().__init__(panel, button=REPLY if answering else ADD, installation_id=workspace.installation_id,
                         publish=publish, names=partial(editor_names, workspace))
        self.setObjectName("followUpComments")
        self.title.setWordWrap(True)  # "ความคิดเห็นต่อข้อตกลง “…”" wraps rather than widen the section (C6)
        self.setMinimumHeight(200)
        self._workspace = workspace
        self._panel = panel
        self._action = ""
        column = panel.layout()
        if isinstance(column, QVBoxLayout):
            column.insertWidget(max(column.count() - 1, 0), self)  # before the closing stretch
        panel.agreed.itemSelectionChanged.connect(lambda: self._chosen_in(panel.agreed))
        panel.carried.itemSelectionChanged.connect(lambda: self._chosen_in(panel.carried))

    def _chosen_in(self, table: QTableWidget) -> None:
        chosen = self._panel.selected_agreed_id() if table is self._panel.agreed else self._panel.selected_carried_id()
        if chosen is not None:
            self.show_follow_up(chosen)

    def refresh(self) -> None:
        """After the tables were filled again (signals blocked): the agreed follow-up chosen, if any."""
        chosen = self._panel.selected_agreed_id() or self._panel.selected_carried_id()
        self.show_follow_up(chosen)

    def show_follow_up(self, follow_up_id: str | None) -> None:
        """Show the comments on ``follow_up_id`` (None: none chosen) and let this laptop add one."""
        comments, follow_ups = self._workspace.comments, self._workspace.follow_ups
        if follow_up_id is None:
            self._action = ""
            self.show_for(None, None)
            return
        follow_up = self._saver.read(lambda: follow_ups.get(follow_up_id), None)
        self._action = follow_up.action if follow_up is not None else ""
        add = None if self._workspace.read_only else (
            lambda body, name, role: comments.on_follow_up(follow_up_id, body, author_name=name, author_role=role))
        self.show_for(lambda: comments.for_follow_up(follow_up_id), add)

    def _render(self) -> None:
        super()._render()
        if getattr(self, "_action", ""):
            title = TITLE_ON.format(action=self._action)
            count = len(self._comments)
            self.title.setText(COUNT.format(title=title, count=digits.shown(count)) if count else title)
