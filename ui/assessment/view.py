"""The assessment view: a school director walks through every item of the checklist here.

Every change goes to the core the moment it is made (a level click, every keystroke of evidence),
so there is no Save button and nothing typed is lost when the laptop is shut. The view keeps a
copy of the answers it was handed back by the core, so marks and counts update without a query.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QLabel, QMessageBox, QProgressBar, QPushButton, QRadioButton,
    QSplitter, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.answers import TEXT_FIELDS, Answer, HistoryEntry
from qualityschool_desktop.assessment_warnings import Warning
from qualityschool_desktop.assessments import Assessment
from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.framework import Item
from qualityschool_desktop.review import status_label
from qualityschool_desktop.workspace import Workspace
from qualityschool_desktop.exchange.editors import editor_names
from ui.common import digits
from ui.common.locked import show_locked
from ui.common.date_fields import commit_focused_field, confirm_leave_fields, hold_refusals
from ui.common.record_status import RecordStatus, StatusLook, status_notice
from ui.common.edit_blocks import school_edit_block
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.common.widgets import ColourChip, focus_levels, title_row_widgets

from . import strings as text
from .charts import ComponentProgressStrip
from .header import OneRowHeader, side_column
from .history_dialog import HistoryDialog
from .item_attachments import ItemAttachments
from .panels import COMPACT_BELOW, ItemComments, ItemPanel, RoundDetailsForm
from .questions import confirm_reopen
from .review_bar import SAVED_ACCEPTED, SAVED_RETURNED, ReviewBar
from .tree import ROW_ROLE, ItemTree, mark_of

# The header's chip: the school's status, then the office's decision in the words the office's
# report and the school list use (review.status_label; RETEST13 F4: "ส่งแล้ว" stayed green over
# the red "ส่งกลับแก้ไข" bar).
STATUS_LOOK = StatusLook({**text.STATUS, **{key: status_label(key) for key in ("accepted", "returned", "correcting")}},
                         {"draft": "#78909c", "submitted": "#2e7d32", "accepted": "#2e7d32", "returned": "#c62828",
                          "correcting": "#e65100"}, text.SUBMITTED_NOTICE)
MAX_WARNINGS_LISTED = 12


class AssessmentView(QWidget):
    """Walk through the items of one assessment; every edit is saved at once through the core."""

    back_requested = Signal()
    results_requested = Signal(str)
    print_requested = Signal(str)  # the feature prints the report (ui/assessment/printing.py)
    noticed = Signal(object)  # a Notice for the window's notice bar (the feature passes it to shell.notify)

    def __init__(self, workspace: Workspace, assessment_id: str, parent: QWidget | None = None, *,
                 publish: Callable[[Changes], None] | None = None) -> None:
        """``publish``: the window's ``shell.ops.publish``; each stored change is announced there
        (the lists of rounds and schools show the scores the answers make)."""
        super().__init__(parent)
        self._workspace = workspace
        self._publish = publish
        self._assessment = workspace.assessments.get(assessment_id)
        self._framework = workspace.assessments.framework_of(self._assessment)
        self._school = workspace.schools.get(self._assessment.school_id)
        # Why this round cannot be edited here whatever its status, or "" (read-only, or the school's own).
        self._block = school_edit_block(workspace, self._school.id)
        self._answers: dict[str, Answer] = workspace.answers.for_assessment(assessment_id)
        self._items = self._framework.items
        self._position = {item.code: index for index, item in enumerate(self._items)}
        self._current: Item | None = None

        self._build()
        self._tree.fill(self._framework, self._answers)
        self._details.fill(self._assessment)
        self._bind_shortcuts()
        self._refresh_counts()
        self._apply_status()
        first = self._next_unanswered(-1) or self._items[0].code
        self.go_to(first)
        digits.follow(self.render_digits)

    # -- public ------------------------------------------------------------------------------
    @property
    def assessment_id(self) -> str:
        return self._assessment.id

    @property
    def current_item_code(self) -> str | None:
        return self._current.code if self._current else None

    def go_to(self, item_code: str) -> None:
        """Show an item (selecting its row in the tree)."""
        row = self._tree.rows.get(("item", item_code))
        if row is None:
            return
        self._tree.setCurrentItem(row)
        self._tree.scrollToItem(row)
        self._show_item(item_code)

    def go_next(self) -> None:
        self._step(1)

    def go_previous(self) -> None:
        self._step(-1)

    def go_next_unanswered(self) -> None:
        start = self._position[self._current.code] if self._current else -1
        code = self._next_unanswered(start)
        if code is None:
            # Keys 1–5 go to the levels here too; leaving the evidence saves it and shows
            # "บันทึกแล้ว", so the message comes after that and stays in view (issue 11 #15).
            self.focus_levels()
            self._saver.say(text.ALL_ANSWERED)
        else:
            self.go_to(code)
            self.focus_levels()

    def flush(self) -> None:
        """Turn bursts of typing into history now (the shell calls this before removing the view)."""
        try:
            self._workspace.answers.flush_pending()
        except QualitySchoolError:
            pass  # the text itself is stored; its burst becomes history at the next flush or opening

    def show_history(self) -> None:
        """Open the shown item's answer history (ends its burst of typing first, so it is listed)."""
        if self._current is None:
            return
        self.flush()
        item = self._current
        answers = self._workspace.answers
        entries: list[HistoryEntry] = self._saver.read(lambda: answers.history(self._assessment.id, item.code), [])
        for earlier in self.findChildren(HistoryDialog):  # one at a time, the current item's
            earlier.close()
            earlier.setParent(None)
            earlier.deleteLater()
        dialog = HistoryDialog(item, entries, self._saver.read(partial(editor_names, self._workspace, digits.shown), {}), self,
                               round_id=self._assessment.id)
        # After Esc the keys went nowhere until a click: the window again, the item's levels.
        dialog.finished.connect(lambda _result: self.window().activateWindow())
        dialog.finished.connect(lambda _result: self.focus_levels())
        dialog.open()

    def confirm_leave(self) -> bool:
        """Before the view goes: True when nothing waits to be saved, or the user let it go."""
        commit_focused_field(self)  # a date typed and left by a shortcut (no focus moved) is taken
        return confirm_leave_fields(self, self._saver)  # the saver first, then the fields

    def field_note(self, field: str) -> str:
        """What the red note by a part of the shown item says ("choice", "evidence", "note",
        "na_reason", "attachments"; "details" for the round's details); "" when all is stored."""
        note = self._details.note if field == "details" else self._panel.notes[field]
        return note.message()

    def level_buttons(self) -> dict[int, QRadioButton]:
        return {value: choice.radio for value, choice in self._panel.level_choices.items()}

    def tree_mark(self, item_code: str) -> str:
        """The completion mark shown in the tree for an item: answered / not_applicable / empty."""
        return self._tree.mark(item_code)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self._outer = layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)

        # The header: one row of where we are and what can be done with the whole round. Where
        # the window is narrow (125 %, 150 % scaling) the round and then the school's name give way
        # (the breadcrumb above says both): the buttons keep one row and the item's panel the room.
        self._back, self._school_label = title_row_widgets(
            self, text.BACK, text.BACK_TIP, self._school.name, "assessmentSchool"
        )
        self._back.clicked.connect(self.back_requested)
        self._round_label = QLabel(self._round_text(), self)
        self._status_chip = ColourChip(self)
        self._details_toggle = QPushButton(text.DETAILS_TOGGLE + " ▾", self)
        self._details_toggle.setCheckable(True)
        self._details_toggle.setObjectName("detailsToggle")
        self._details_toggle.setToolTip(text.DETAILS_TOGGLE_TIP)
        self._results_button = QPushButton(text.SHOW_RESULTS, self)
        self._results_button.setObjectName("resultsButton")
        self._results_button.setToolTip(text.SHOW_RESULTS_TIP)
        self._results_button.clicked.connect(self._request_results)
        self._print_button = QPushButton(text.PRINT_BUTTON, self)
        self._print_button.setObjectName("printReportButton")
        self._print_button.setToolTip(text.PRINT_TIP)
        self._print_button.clicked.connect(self._request_print)
        self._submit_button = QPushButton(text.SUBMIT, self)
        self._submit_button.setObjectName("submitButton")
        self._submit_button.setToolTip(text.SUBMIT_TIP)
        self._submit_button.clicked.connect(self.submit)
        self._reopen_button = QPushButton(text.REOPEN, self)
        self._reopen_button.setObjectName("reopenButton")
        self._reopen_button.setToolTip(text.REOPEN_TIP)
        self._reopen_button.clicked.connect(lambda _checked=False: self.reopen())
        self._header = OneRowHeader(
            self._back, self._school_label, self._round_label, self._status_chip,
            [self._details_toggle, self._results_button, self._print_button, self._submit_button, self._reopen_button],
        )
        layout.addLayout(self._header.layout)

        # Progress per component, under the header where the window is tall enough (the tree
        # beside the item counts each component's answers too).
        self._strip = ComponentProgressStrip(self)
        self._strip.set_components([(c.code, c.title) for c in self._framework.components])
        layout.addWidget(self._strip, 0, Qt.AlignmentFlag.AlignLeft)
        # Progress overall and the save state head the tree's column (compact.py: SideColumn).
        self._progress_label = QLabel(self)
        self._progress_bar = QProgressBar(self)
        self._progress_bar.setTextVisible(False)
        self._progress_bar.setFixedSize(110, 10)
        self._save_line = SaveStateLine(text.NOTHING_CHANGED_YET, self)
        # An answer's change by default; the round's details and status say so themselves.
        self._saver = Saver(self._save_line, self, publish=self._publish,
                            changes=Changes(answers=frozenset({self._assessment.id})))
        self._undo_button = QPushButton(text.UNDO, self)
        self._undo_button.setObjectName("undoButton")
        self._undo_button.setToolTip(text.UNDO_TIP)
        self._undo_button.hide()

        self._details = RoundDetailsForm(self)
        self._details.details_changed.connect(self._save_details)
        self._details.hide()
        self._details_toggle.toggled.connect(self._details.setVisible)
        layout.addWidget(self._details)

        self._submitted_notice = status_notice("submittedNotice", text.SUBMITTED_NOTICE, self)
        layout.addWidget(self._submitted_notice)
        self._review = ReviewBar(self.decide, partial(self.reopen, ask=False), self,  # the office's review (issue 13)
                                 school_steps=(self._reopen_button,))
        layout.addWidget(self._review)
        self._status = RecordStatus(self._saver, self._status_chip, self._submitted_notice, STATUS_LOOK,
                                    read_only=bool(self._block), read_only_notice=self._block, parent=self)
        self._status.add_buttons(self._submit_button, self._reopen_button)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._tree = ItemTree(splitter)
        self._tree.currentItemChanged.connect(self._tree_selection_changed)
        splitter.addWidget(side_column(self._tree, self._progress_label, self._progress_bar, self._save_line,
                                       self._undo_button))
        self._panel = panel = ItemPanel(splitter)
        self.comments = ItemComments(self._workspace, self._assessment.id, self._tree, panel, publish=self._publish)
        panel.level_clicked.connect(self._level_clicked)
        panel.not_applicable_clicked.connect(self._not_applicable_clicked)
        panel.text_edited.connect(self._save_text)
        self._attachments = ItemAttachments(self._workspace, self._assessment.id, panel, self._saver,
                                            self._undo_button, lambda: self.current_item_code, self.noticed.emit, self)
        panel.previous_button.clicked.connect(self.go_previous)
        panel.next_empty_button.clicked.connect(self.go_next_unanswered)
        panel.next_button.clicked.connect(self.go_next)
        panel.history_button.clicked.connect(self.show_history)
        splitter.addWidget(panel)
        for field in panel.notes:
            self._saver.bind_note(panel.notes[field], partial(self._shown_here, field))
        self._saver.bind_note(self._details.note, lambda key: isinstance(key, tuple) and key[0] == "details")
        self._saver.retry_on_focus_out(panel.na_reason, panel.evidence, panel.note)
        hold_refusals(self._saver, self._details.date_edit, ("details", "assessed_on"))  # the key of a date saved
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 940])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        panel.fitted.connect(self._fit_strip)  # after each item and resize, measured as laid out

    # -- fitting the window (125 %, 150 % scaling: header.py) --------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        margins = self._outer.contentsMargins()
        self._header.fit(event.size().width() - margins.left() - margins.right())
        super().resizeEvent(event)

    def _fit_strip(self) -> None:
        """The components' progress strip stays while the item's panel shows its levels and the
        "ไม่เกี่ยวข้อง" box without scrolling beside it (measured: a taller font is seen); where the
        window is shorter it gives its row to the panel (the tree counts each component), and the
        view's margins above and below narrow."""
        room = self._panel.scroll_area.viewport().height()
        layout = self._outer
        cost = self._strip.sizeHint().height() + layout.spacing()
        needs = COMPACT_BELOW if not self._panel.compact else self._panel.levels_bottom()
        shown = not self._strip.isHidden()
        keep = room >= needs if shown else room - cost >= needs
        if keep != shown:
            self._strip.setVisible(keep)
            layout.setContentsMargins(12, 8 if keep else 4, 12, 8 if keep else 4)

    def _round_text(self) -> str:
        return text.YEAR_ROUND.format(year=digits.shown(self._assessment.fiscal_year),
                                      round=digits.shown(self._assessment.round))

    def render_digits(self) -> None:
        """Write every number again in the window's digit style (it changed); what is typed stays."""
        self._round_label.setText(self._round_text())
        self._tree.relabel(self._framework)
        self._refresh_counts()
        item = self._current
        if item is not None:
            component = self._framework.component(item.component_code)
            indicator = next(i for i in component.indicators if i.code == item.indicator_code)
            self._panel.show_numbers(item, component, indicator, self._position[item.code], len(self._items))

    def _bind_shortcuts(self) -> None:
        # WidgetWithChildrenShortcut: the keys act only while this view has the focus. Text boxes
        # keep plain digits (Qt's shortcut override): "5" typed in evidence never changes the level.
        def bind(sequence: str | QKeySequence, slot: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        # Alt+Right is "next" (it changed a level), so Alt+Left is "previous", not the window's
        # "ย้อนกลับ" (try11a: Alt+Right then Alt+Left left the assessment); the page owns the key
        # (feature.py), the view's "‹ ย้อนกลับ" button goes back.
        for sequence in ("Ctrl+PgDown", "Alt+Down", "Alt+Right"):
            bind(sequence, self.go_next)
        for sequence in ("Ctrl+PgUp", "Alt+Up", "Alt+Left"):
            bind(sequence, self.go_previous)
        for sequence, slot in (("Ctrl+Shift+N", self.go_next_unanswered), ("Ctrl+H", self.show_history)):
            bind(sequence, slot)
        for value in range(1, 10):
            bind(str(value), partial(self._panel.click_level, value))

    # -- the tree ----------------------------------------------------------------------------
    def _refresh_mark(self, item_code: str) -> None:
        self._tree.show_mark(item_code, self._answers.get(item_code))

    def _refresh_counts(self) -> None:
        counts = self._tree.show_counts(self._framework, self._answers)
        for component in self._framework.components:
            self._strip.set_counts(component.code, component.title, *counts[component.code])
        answered_all = sum(answered for answered, _total in counts.values())
        total_all = len(self._items)
        self._progress_label.setText(text.PROGRESS.format(answered=digits.shown(answered_all),
                                                          total=digits.shown(total_all)))
        self._progress_bar.setRange(0, total_all)
        self._progress_bar.setValue(answered_all)

    def _tree_selection_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        kind, code = current.data(0, ROW_ROLE)
        if kind == "item":
            self._show_item(code)

    # -- showing an item ---------------------------------------------------------------------
    def _show_item(self, item_code: str) -> None:
        if self._current is not None and self._current.code == item_code:
            return
        if self._current is not None:
            # Leaving an item ends its burst of typing: it becomes one history row now.
            self.flush()
        item = self._framework.item(item_code)
        self._current = item
        self._attachments.shown(item_code)
        component = self._framework.component(item.component_code)
        indicator = next(i for i in component.indicators if i.code == item.indicator_code)
        self._panel.show_item(
            item, component, indicator, self._answers.get(item_code), self._attachments.of_item(item_code),
            self._position[item_code], len(self._items),
        )
        for field in TEXT_FIELDS:  # typed text the database has not taken yet is shown, not lost
            waiting = self._saver.waiting_value((field, item_code))
            if waiting is not None:
                self._panel.show_unsaved_text(field, waiting)
        self._panel.set_editable(self._editable)
        self._saver.refresh_notes()

    def _shown_here(self, field: str, key: Hashable) -> bool:
        """Does a save's key concern ``field`` of the item shown? (keys are (field, item code, …))"""
        return isinstance(key, tuple) and key[0] == field and self._current is not None and key[1] == self._current.code

    # -- navigation --------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        if self._current is None:
            return
        index = self._position[self._current.code] + delta
        if 0 <= index < len(self._items):
            self.go_to(self._items[index].code)
            self.focus_levels()

    def focus_levels(self) -> None:
        """After moving to another item (and once the view is opened) the keys 1–5 choose its
        level: the evidence box typed into just before must not keep the focus (it would take the
        digits as text)."""
        focus_levels((choice.radio for choice in self._panel.level_choices.values()), self._tree)

    def _next_unanswered(self, start: int) -> str | None:
        """The first unanswered item after position ``start``, wrapping round to the beginning."""
        count = len(self._items)
        for offset in range(1, count + 1):
            item = self._items[(start + offset) % count]
            if mark_of(self._answers.get(item.code)) == "empty":
                return item.code
        return None

    # -- saving ------------------------------------------------------------------------------
    # Keys name what a save changes: (field, item code, …) for an answer, so a newer click or
    # keystroke replaces one still waiting, and the note by that field shows its refusal.
    @property
    def _editable(self) -> bool:
        return self._assessment.is_draft and not self._block

    def _save_answer(self, key: tuple[str, ...], action: Callable[[], Answer], *, typed: bool = False,
                     value: str | None = None) -> Answer | None:
        code = key[1]
        return self._saver.run(
            action, key=key, typed=typed, value=value, on_saved=partial(self._answer_saved, choice=not typed),
            # A refused click puts the buttons back to what is stored; typed text stays as typed.
            on_failed=None if typed else lambda _error: self._show_stored(code),
        )

    def _answer_saved(self, answer: Answer, *, choice: bool) -> None:
        before = mark_of(self._answers.get(answer.item_code))
        self._answers[answer.item_code] = answer
        # Typing never changes a mark; only redraw marks and counts when one changed, so a
        # keystroke costs one database write and one label update.
        if mark_of(answer) != before:
            self._refresh_mark(answer.item_code)
            self._refresh_counts()
        if choice and self._current is not None and self._current.code == answer.item_code:
            self._panel.show_choice(answer)

    def _show_stored(self, item_code: str) -> None:
        """After a refused click: show what the database has (read again: another window may
        have changed it), so the screen never shows a level that was not stored."""
        cached = self._answers.get(item_code)
        stored = self._saver.read(lambda: self._workspace.answers.get(self._assessment.id, item_code), cached)
        if stored is None:
            self._answers.pop(item_code, None)
        else:
            self._answers[item_code] = stored
        self._refresh_mark(item_code)
        self._refresh_counts()
        if self._current is not None and self._current.code == item_code:
            self._panel.show_choice(stored)

    def progress_text(self) -> str:
        return self._progress_label.text()

    def save_state(self) -> str:
        """The save-state text as the user sees it."""
        return self._save_line.text()

    def _level_clicked(self, value: int) -> None:
        if self._current is None:
            return
        code = self._current.code
        self._save_answer(("choice", code), lambda: self._workspace.answers.set_level(self._assessment.id, code, value))

    def _not_applicable_clicked(self, checked: bool) -> None:
        if self._current is None:
            return
        code = self._current.code
        answers = self._workspace.answers
        if checked:
            reason = self._panel.na_reason.text()
            answer = self._save_answer(("choice", code), lambda: answers.set_not_applicable(self._assessment.id, code,
                                                                                           reason))
        else:
            answer = self._save_answer(("choice", code), lambda: answers.clear_not_applicable(self._assessment.id, code))
        if answer is not None and answer.not_applicable:
            self._panel.na_reason.setFocus()

    def _save_text(self, field: str, value: str) -> None:
        # Called on every keystroke: the core keeps one history row per burst of typing.
        if self._current is None or not self._editable:
            return
        code = self._current.code
        self._save_answer((field, code), lambda: self._workspace.answers.set_text(self._assessment.id, code, field, value),
                          typed=True, value=value)

    # -- attachments (item_attachments.py) ---------------------------------------------------
    def add_attachments(self, files: list[Path]) -> None:
        self._attachments.add(files)

    def open_attachment(self) -> None:
        self._attachments.open()

    def remove_attachment(self) -> None:
        self._attachments.remove()

    def undo_remove_attachment(self) -> None:
        self._attachments.undo_remove()

    # -- the round: details, submit, reopen --------------------------------------------------
    def _save_details(self, changes: dict[str, object]) -> None:
        if not self._editable:
            return
        # Typed like text: the form keeps what was typed while it waits to be stored.
        self._saver.run(lambda: self._workspace.assessments.update_details(self._assessment.id, **changes),
                        key=("details", *sorted(changes)), typed=True, value=changes, on_saved=self._round_saved,
                        changes=self._round_changed)

    @property
    def _round_changed(self) -> Changes:
        return Changes(assessments=frozenset({self._assessment.id}))

    def _round_saved(self, updated: Assessment) -> None:
        self._assessment = updated

    def _confirm_submit(self, warnings: list[Warning]) -> bool:
        """Ask before submitting a round that still has warnings (they never block it)."""
        lines = [f"• {digits.shown(warning.message)}" for warning in warnings[:MAX_WARNINGS_LISTED]]  # "ประเด็น ๔.๑.๒"
        if len(warnings) > MAX_WARNINGS_LISTED:
            lines.append(text.SUBMIT_CONFIRM_MORE.format(count=digits.shown(len(warnings) - MAX_WARNINGS_LISTED)))
        box = QMessageBox(QMessageBox.Icon.Warning, text.SUBMIT_CONFIRM_TITLE,
                          text.SUBMIT_CONFIRM_WARNINGS.format(count=digits.shown(len(warnings))), parent=self)
        box.setInformativeText("\n".join(lines) + "\n\n" + text.SUBMIT_CONFIRM_QUESTION)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(text.SUBMIT)
        box.button(QMessageBox.StandardButton.No).setText(text.NOT_YET)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _may_submit(self) -> bool:
        warnings = self._saver.read(lambda: self._workspace.assessments.warnings(self._assessment.id), None)
        return warnings is not None and (not warnings or self._confirm_submit(warnings))

    def submit(self) -> None:
        self.flush()
        self._status.close(lambda: self._workspace.assessments.submit(self._assessment.id), saved=text.SUBMITTED_DONE,
                           on_saved=self._status_saved, confirm=lambda: self._may_submit(),
                           changes=self._round_changed)

    def reopen(self, *, ask: bool = True) -> None:
        # Asked first (it sits where "ส่งแบบประเมิน" was; not from the office's review bar); no reason.
        self._status.reopen(lambda _reason: self._workspace.assessments.reopen(self._assessment.id),
                            reason=lambda: "" if not ask or self._confirm_reopen(self) else None,
                            saved=text.REOPENED_DONE, on_saved=self._status_saved, changes=self._round_changed)

    _confirm_reopen = staticmethod(confirm_reopen)

    def decide(self, decision: str, comment: str) -> None:
        """Record the office's review decision through the saver, then show it."""
        self._saver.run(lambda: self._workspace.reviews.decide(self._assessment.id, decision, comment),
                        saved=SAVED_ACCEPTED if decision == "accepted" else SAVED_RETURNED,
                        on_saved=lambda _d: self._apply_status(), changes=self._round_changed)

    def _status_saved(self, updated: Assessment) -> None:
        self._assessment = updated
        self._apply_status()

    def _request_results(self) -> None:
        self.flush()
        self.results_requested.emit(self._assessment.id)

    def _request_print(self) -> None:
        self.flush()  # the report's worker opens its own connection: end the burst of typing here
        self.print_requested.emit(self._assessment.id)

    def _apply_status(self) -> None:
        review = self._workspace.reviews.state(self._assessment)
        reviewed = review in ("accepted", "returned", "correcting")  # the chip says the office's step
        self._status.show(review if reviewed else self._assessment.status, closed=not self._assessment.is_draft)
        self._review.refresh(self._workspace, self._assessment)
        if not self._review.isHidden() and not self._block:
            # One state, one line: the review bar says it (with the office's comment and the way on),
            # not the yellow "ส่งแล้ว … กด เปิดแก้ไขอีกครั้ง" over it (TEST25 9, RETEST13 N5).
            self._submitted_notice.hide()
        if review == "returned" and not self._review.reopen_button.isHidden():
            self._reopen_button.hide()  # the bar's own "เปิดแก้ไข" beside the comment: not a second one
        margins = self._outer.contentsMargins()
        self._header.fit(self.width() - margins.left() - margins.right())  # "เปิดแก้ไขอีกครั้ง" for "ส่ง…"
        show_locked(not self._editable, self._details)  # a submitted round's details read as its values
        self._panel.set_editable(self._editable)
        if not self._editable:
            self._undo_button.hide()
