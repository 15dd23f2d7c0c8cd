"""Records changed apart on two laptops (conflicts): both versions side by side, and "ใช้ฉบับนี้".

A list on the left (kind, record, the day found; resolved ones only with the filter ticked); on
the right, under the record's name, what to do with it (or why this laptop cannot choose), then
the version in use and the one kept, field by field, each with a "ใช้ฉบับนี้" button under it. Choosing asks first, then calls the core's ``use_version`` through the save-state helper: the
record takes that version as this laptop's change (it travels on as a plain update) and the
conflict is resolved, so it leaves the list. History rows are never rewritten: both stay to read.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable, Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.exchange.editors import editor_names
from ui.common.digits import day, local_moment, shown, shown_text
from ui.common.strings_save import READ_ONLY_NOTICE

from . import strings as s
from .compare import VersionsView, field_rows, maker_row, version_heading
from .question import ask
from .review import ReviewDialog, record_list, section_title
from .words import braces, described, format_when, muted

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import StoredConflict
    from qualityschool_desktop.workspace import Workspace

    from ui.common.ops import Ops

    from .api import ExchangeApi

COL_WHAT, COL_FOUND, COL_STATE = range(3)
APPEND_ONLY = ("answer_history", "visit_events")  # history: both versions stay, to read


def origins(conflict: StoredConflict) -> tuple[str, str]:
    """Where the version in use and the one kept came from."""
    theirs = s.VERSION_FROM_FILE.format(file=conflict.source_file)
    return (theirs, s.VERSION_OURS) if conflict.winner == "theirs" else (s.VERSION_OURS, theirs)


def record_text(conflict: StoredConflict) -> str:
    """Which record a row is: its kind and code, item or name, and under it its school when the
    description does not name it (an answer, a history row, a visit: try10 F6)."""
    what = described(conflict.table, conflict.losing)
    if not conflict.school:
        return what
    code, _space, name = conflict.school.partition(" ")
    return what if name in what and shown(code) in what else f"{what}\n{s.SCHOOL_WORD} {shown(code)} {name}"


def found_day(stamp: str) -> str:
    """The day a conflict was found, as the list shows it ("๒ ธ.ค. ๒๕๖๙"): one line in the narrow
    list at 150 % (the date and time wrapped over three, RETEST30 B8); the time is in its tooltip
    (:func:`format_when`). The stamp as stored when it is not one."""
    when = local_moment(stamp)
    return day(when.date(), short=True) if when is not None else str(stamp)


def reason_label() -> QLabel:
    """A bold amber line for why a choice is off (the pending window's reason line's look)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #8a5a00; font-weight: bold;")
    return label


class ConflictsDialog(ReviewDialog):
    """The conflicts kept; ``sources`` (file names) narrows the list to an import's files."""

    def __init__(self, workspace: Callable[[], Workspace], api: ExchangeApi, ops: Ops,
                 parent: QWidget | None = None, *, sources: Collection[str] | None = None) -> None:
        self.sources = set(sources) if sources is not None else None
        self.conflicts: list[StoredConflict] = []
        super().__init__(workspace, api, ops, parent, title=s.CONFLICTS_TITLE, explain=s.CONFLICTS_EXPLAIN,
                         list_=record_list(s.CONFLICT_HEADERS, "conflictList", COL_WHAT),
                         empty=s.NO_CONFLICTS, filter_=s.SHOW_RESOLVED)
        self.table = self.list
        self.show_resolved = self.filter

        self.versions = VersionsView(buttons=True, names=(s.USE_IN_USE_NAME, s.USE_KEPT_NAME), whole=True)
        self.versions.use_left.connect(lambda: self.use("winning"))
        self.versions.use_right.connect(lambda: self.use("losing"))
        self.title = section_title()
        # Under the record's name, one of: what to do (compare, press "ใช้ฉบับนี้"), or why the
        # buttons are greyed: a history row, another's record (try10 F5: shown before any click, as
        # the pending window shows why "ยอมรับ" is off), a choice made, a read-only database. Over
        # the comparison, so it is read without scrolling however many rows follow (RETEST30 B8).
        self.choose_note = muted(s.CONFLICT_CHOOSE, wrap=True)
        self.history_note = muted(s.HISTORY_NOTE, wrap=True)
        self.refusal_note = reason_label()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.title)
        for note in (self.choose_note, self.history_note, self.refusal_note):
            note.hide()
            right_layout.addWidget(note)
        right_layout.addWidget(self.versions, 1)
        # At 150 % the explanation, the heading of four lines and the rows do not fit: the side
        # scrolls, the table in it as high as its rows, with no scroll bar of its own (RETEST30 B8:
        # it had one inside the side's, and cut its last row mid-line).
        side = QScrollArea()
        side.setObjectName("conflictDetails")
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setWidgetResizable(True)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(right)
        # From the list straight to the two choices, then the details, the filter and close.
        self._lay_out(side, [], [self.versions.left_button, self.versions.right_button, self.versions.table,
                                  self.versions.all_fields])

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        include = self.show_resolved.isChecked()
        empty: list[StoredConflict] = []
        found = self._saver.read(lambda: self.api.list_conflicts(self._workspace(), include_resolved=include), empty)
        if self.sources is not None:
            found = [conflict for conflict in found if conflict.source_file in self.sources]
        self.conflicts = found
        rows = [(record_text(conflict), found_day(conflict.detected_at), s.RESOLVED if conflict.resolved else s.OPEN)
                for conflict in found]
        self.fill_list(rows, [conflict.id for conflict in found], selected.id if selected else None,
                       COL_WHAT, COL_STATE)
        for row, conflict in enumerate(found):
            item = self.table.item(row, COL_FOUND)
            if item is not None:
                item.setToolTip(format_when(conflict.detected_at))  # the time too

    def rows(self) -> list[list[str]]:
        """The list as it reads."""
        return [[self._text(row, column) for column in range(self.table.columnCount())]
                for row in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def selected(self) -> StoredConflict | None:
        row = self.table.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def headings(self) -> tuple[str, str]:
        """The two versions' column headings (what each is, where from, when edited)."""
        return self.versions.heading(1), self.versions.heading(2)

    def _show_selected(self) -> None:
        conflict = self.selected()
        if conflict is None:
            self.title.clear()
            self.versions.clear()
            for note in (self.choose_note, self.history_note, self.refusal_note):
                note.hide()
            return
        self.title.setText(described(conflict.table, conflict.losing))
        in_use, kept = origins(conflict)
        rows = field_rows(self._workspace(), conflict.table, conflict.winning, conflict.losing)
        nobody: dict[str, str] = {}
        names = self._saver.read(partial(editor_names, self._workspace(), shown), nobody)
        maker = maker_row(conflict.winning, conflict.losing, names)  # which laptop made each side (B11)
        self.versions.show_rows(rows + ([maker] if maker else []),
                                version_heading(s.VERSION_IN_USE, in_use, conflict.winning),
                                version_heading(s.VERSION_KEPT, kept, conflict.losing))
        history = conflict.table in APPEND_ONLY
        refused = bool(conflict.refusal) and not history and not conflict.resolved
        writable = not self._workspace().read_only  # a read-only database: compare, not choose
        choosable = not conflict.resolved and not history and writable and not refused
        why = ""  # in amber: this laptop may not choose (another's record), or cannot (read-only)
        if refused:
            why = f"{s.CANNOT_CHOOSE_HERE} {shown_text(conflict.refusal)}"
        elif not writable and not history and not conflict.resolved:
            why = READ_ONLY_NOTICE
        self.refusal_note.setText(why)
        self.refusal_note.setVisible(bool(why))
        self.history_note.setVisible(history)
        self.choose_note.setText(s.CONFLICT_CHOOSE if choosable else s.CONFLICT_SETTLED)
        self.choose_note.setVisible(choosable or (conflict.resolved and not history))
        for button in (self.versions.left_button, self.versions.right_button):
            if button is not None:
                button.setEnabled(choosable)

    # -- choosing ------------------------------------------------------------------------------
    def use(self, side: str) -> None:
        """"ใช้ฉบับนี้" under a version: ``side`` is ``"winning"`` (in use) or ``"losing"`` (kept)."""
        conflict = self.selected()
        if conflict is None or conflict.resolved or conflict.refusal or self._workspace().read_only:
            return  # settled, not this laptop's to choose (the note says why), or read-only
        name = s.VERSION_IN_USE if side == "winning" else s.VERSION_KEPT
        question = s.USE_QUESTION.format(side=name, what=described(conflict.table, conflict.losing))
        self.question = ask(self, s.USE_TITLE, question, s.USE_THIS, partial(self._use, conflict, side, name))

    def _use(self, conflict: StoredConflict, side: str, name: str) -> None:
        action = partial(self.api.use_version, self._workspace(), conflict.id, side)
        template = s.USED.format(side=name, what=braces(described(conflict.table, conflict.losing)), time="{time}")
        notice = Changes(conflicts=True) | Changes.from_tables([conflict.table])
        self._saver.run(action, key=("use", conflict.id), saved=template,
                        on_saved=lambda _result: self.ops.publish(notice))
