"""The follow-ups section of the visit view at work: what ``FollowUpsPanel`` asks for (add, edit,
remove an agreed action; mark one carried from an earlier visit done or dropped), done through the
core with the view's :class:`~ui.common.save_state.Saver`, so a refused change shows what is stored and
typed text waits in the form until it is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.follow_ups import FollowUp
from qualityschool_desktop.visit_owners import owned_elsewhere
from qualityschool_desktop.visit_records import Visit
from qualityschool_desktop.workspace import Workspace
from ui.common.save_state import Saver, done

from . import strings as text
from .sections import FollowUpsPanel, ask_yes_no

TYPED = ("action", "owner")  # typed text: kept on screen while it waits; the rest shows the stored value


class VisitFollowUps(QObject):
    """Keys of its saves start with "follow_ups" (the panel's note shows their refusals)."""

    filled = Signal()  # the tables were filled again (the follow-up comments show the chosen one's)

    def __init__(self, workspace: Workspace, panel: FollowUpsPanel, saver: Saver, visit: Callable[[], Visit],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._panel = panel
        self._saver = saver
        self._visit = visit
        self._parent = parent
        panel.status_requested.connect(self.set_status)
        panel.add_requested.connect(self.add)
        panel.remove_requested.connect(self.remove)
        panel.changed.connect(self.change)
        panel.agreed.itemSelectionChanged.connect(self._show_waiting_text)
        saver.bind_note(panel.note, lambda key: isinstance(key, tuple) and key[0] == "follow_ups")
        saver.retry_on_focus_out(panel.action_edit, panel.owner_edit)

    def _changes(self) -> Changes:
        """What a save here changes: the follow-ups (the list of every school's) and this visit."""
        return Changes(follow_ups=True, visits=frozenset({self._visit().id}))

    def fill(self, select_id: str | None = None) -> None:
        visit = self._visit()
        follow_ups = self._workspace.follow_ups
        school_visits = self._workspace.visits.for_school(visit.school_id)
        self._panel.visit_day = visit.visited_date
        theirs = {v.id for v in school_visits if owned_elsewhere(self._workspace.db, self._workspace.installation_id, v)}
        carried = follow_ups.open_before(visit.id)
        self._panel.fill_carried(carried, {v.id: v.visited_on for v in school_visits},
                                 frozenset(f.id for f in carried if f.visit_id in theirs))
        self._panel.fill_agreed(follow_ups.agreed_in(visit.id), select_id)
        self._show_waiting_text()
        self.filled.emit()

    def _show_waiting_text(self) -> None:
        chosen = self._panel.selected_agreed_id()
        for field in TYPED:
            waiting = self._saver.waiting_value(("follow_ups", chosen, field))
            if chosen is not None and waiting is not None:
                self._panel.show_unsaved(chosen, field, waiting)

    def add(self) -> None:
        visit_id = self._visit().id
        created = self._saver.run(lambda: self._workspace.follow_ups.add(visit_id, ""), key=("follow_ups", "add"),
                                  on_saved=lambda added: self.fill(added.id), changes=self._changes())
        if created is not None:
            self._panel.action_edit.setFocus()

    def change(self, follow_up_id: str, changes: dict[str, object]) -> None:
        field = next(iter(changes))
        typed = field in TYPED
        self._saver.run(
            lambda: self._workspace.follow_ups.update(follow_up_id, **changes),
            key=("follow_ups", follow_up_id, field), typed=typed, value=changes[field],
            on_saved=self._panel.update_agreed, on_failed=None if typed else lambda _e: self._show_stored(follow_up_id),
            changes=self._changes(),
        )

    def _show_stored(self, follow_up_id: str) -> None:
        stored: FollowUp | None = self._saver.read(lambda: self._workspace.follow_ups.get(follow_up_id), None)
        if stored is not None:
            self._panel.show_stored(stored)

    def remove(self, follow_up_id: str) -> None:
        follow_up = self._saver.read(lambda: self._workspace.follow_ups.get(follow_up_id), None)
        question = text.REMOVE_FOLLOW_UP_CONFIRM.format(name=follow_up.action if follow_up else "")
        if follow_up is None or not ask_yes_no(self._parent, text.REMOVE_FOLLOW_UP, question):
            return
        self._saver.run(lambda: done(self._workspace.follow_ups.remove, follow_up_id),
                        key=("follow_ups", follow_up_id, "remove"), on_saved=lambda _done: self.fill(),
                        changes=self._changes())

    def set_status(self, follow_up_id: str, status: str) -> None:
        visit = self._visit()
        if visit.is_final:
            return  # the signed record stays as it was signed
        self._saver.run(
            lambda: self._workspace.follow_ups.set_status(follow_up_id, status, in_visit_id=visit.id,
                                                          on=visit.visited_date),
            key=("follow_ups", follow_up_id, "status"), on_saved=lambda _saved: self.fill(),
            on_failed=lambda _error: self.fill(),  # the table shows the stored status
            changes=self._changes(),
        )
