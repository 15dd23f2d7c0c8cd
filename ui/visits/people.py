"""The people section of the visit view: the visiting team and the school's people met, edited in
place. Each keystroke of a name is saved through the core with the view's
:class:`~ui.common.save_state.Saver`; a name the database has not taken yet stays in its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from qualityschool_desktop.visit_records import Visit
from qualityschool_desktop.workspace import Workspace
from ui.common.save_lines import FieldNote
from ui.common.save_state import Saver, done

from . import strings as text
from .panels import PeopleEditor

# (name shown, key of the removal, restore, refresh): the view offers the removal's undo.
OfferUndo = Callable[[str, Hashable, Callable[[], None], Callable[[], None]], None]


class VisitPeople(QObject):
    """Keys of its saves start with "people"; ``page`` is the section's widget."""

    def __init__(self, workspace: Workspace, saver: Saver, visit: Callable[[], Visit], offer_undo: OfferUndo,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._saver = saver
        self._visit = visit
        self._offer_undo = offer_undo
        self.page = QWidget()
        column = QVBoxLayout(self.page)
        column.setContentsMargins(4, 4, 12, 12)
        self.note = FieldNote("peopleNote", self.page)  # in the visitors' heading: no line of its own
        row = QHBoxLayout()
        row.setSpacing(16)
        column.addLayout(row, 1)
        self.visitors = PeopleEditor(text.VISITORS, "visitors", self.page)
        self.school_people = PeopleEditor(text.SCHOOL_PEOPLE, "school", self.page)
        for editor, side in ((self.visitors, "visitor"), (self.school_people, "school")):
            editor.add_requested.connect(partial(self.add, side))
            editor.remove_requested.connect(self.remove)
            editor.edited.connect(self.edited)
            row.addWidget(editor, 1)
        self.visitors.put_note(self.note)
        saver.bind_note(self.note, lambda key: isinstance(key, tuple) and key[0] == "people")

    def fill(self, select_id: str | None = None) -> None:
        visits, visit_id = self._workspace.visits, self._visit().id
        self.visitors.fill(visits.people(visit_id, "visitor"), select_id)
        self.school_people.fill(visits.people(visit_id, "school"), select_id)
        for key in self._saver.waiting_keys():  # typed names not yet stored stay on screen
            if isinstance(key, tuple) and key[0] == "people" and key[2] in ("name", "position"):
                for editor in (self.visitors, self.school_people):
                    editor.show_unsaved(key[1], key[2], self._saver.waiting_value(key))

    def set_editable(self, editable: bool) -> None:
        self.visitors.set_editable(editable)
        self.school_people.set_editable(editable)

    def add(self, side: str) -> None:
        visits, visit_id = self._workspace.visits, self._visit().id
        existing = visits.people(visit_id, side)
        # The usual first names on each side: a supervisor, then the school's director.
        position = text.VISITOR_POSITION if side == "visitor" else ("" if existing else text.SCHOOL_POSITION)
        person = self._saver.run(lambda: visits.add_person(visit_id, side, "", position),
                                 key=("people", "add", side), on_saved=lambda added: self.fill(added.id))
        if person is not None:
            (self.visitors if side == "visitor" else self.school_people).edit_row(person.id)

    def edited(self, person_id: str, field: str, value: str) -> None:
        self._saver.run(lambda: self._workspace.visits.update_person(person_id, **{field: value}),
                        key=("people", person_id, field), typed=True, value=value)

    def remove(self, person_id: str) -> None:
        visits = self._workspace.visits
        person = next((p for p in visits.people(self._visit().id) if p.id == person_id), None)
        if person is None:
            return
        key = ("people", person_id, "remove")

        def removed(_done: bool) -> None:
            self._offer_undo(person.name or text.UNNAMED, key, partial(visits.restore_person, person_id), self.fill)
            self.fill()

        self._saver.run(partial(done, visits.remove_person, person_id), quiet=True, key=key, on_saved=removed)
