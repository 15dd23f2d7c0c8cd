"""The visit view: a supervisor records a supervision visit (การนิเทศ ติดตาม) at the school.

Everything goes to the core the moment it is typed or clicked (``workspace.visits`` and
``workspace.follow_ups``), so there is no Save button. The sections are listed on the left:
purpose and notes, the people, one page per component, the comparison with the school's own
assessment, the follow-ups and the signatures; Ctrl+PgUp/PgDown steps through them.
A final visit is shown read-only; the core refuses changes to it until it is reopened. A visit
another laptop recorded (it came by exchange) is shown read-only with the reason: only its maker
changes, finalises or reopens it (issue 10).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.answers import Answer
from qualityschool_desktop.changes import Changes
from qualityschool_desktop.comparison import Comparison, compare
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.scoring import level_label
from qualityschool_desktop import clock
from qualityschool_desktop.visit_basis import basis_of
from qualityschool_desktop.visit_dates import future_question
from qualityschool_desktop.visit_owners import owned_elsewhere
from qualityschool_desktop.visit_records import Finding, Visit, VisitAttachment
from qualityschool_desktop.workspace import Workspace
from ui.common import digits
from ui.common.date_fields import commit_focused_field, confirm_leave_fields, hold_refusals
from ui.common.labels import round_title
from ui.common.record_status import RecordStatus, StatusLook, status_notice
from ui.common.save_lines import FieldNote, SaveStateLine
from ui.common.save_state import Saver, done
from ui.common.tables import filled_item
from ui.common.flow import header_layout
from ui.common.widgets import ColourChip, focus_levels, title_row_widgets

from . import strings as text
from .comparison import ComparisonPanel, basis_text, school_levels
from .confirm_guard import confirm_question, nothing_refused_left
from .delete import VisitDeletion
from .follow_up_comments import FollowUpComments, made_elsewhere_notice
from .follow_ups import VisitFollowUps
from .header import GeneralPanel, VisitDetailsBar
from .files import VisitFiles
from .panels import FindingPanel
from .people import VisitPeople
from .reopen_dialog import ask_who
from .sections import FollowUpsPanel, SignPanel, ask_yes_no

STATUS_LOOK = StatusLook(text.STATUS, {"draft": "#78909c", "final": "#2e7d32"}, text.FINAL_NOTICE)
SECTION_ROLE = Qt.ItemDataRole.UserRole
# Visit fields typed as text: kept on screen while they wait to be saved. The others (date, type,
# round) show the stored value again when the database refuses them.
TYPED_DETAILS = ("purpose", "notes", "start_time", "end_time")


class VisitView(QWidget):
    """Record one visit; every edit is saved at once through the core."""

    back_requested = Signal()
    open_assessment = Signal(str)
    print_requested = Signal(str)  # the feature prints the record (ui/visits/printing.py)
    noticed = Signal(object)  # a Notice for the window's notice bar (the feature passes it to shell.notify)

    def __init__(self, workspace: Workspace, visit_id: str, parent: QWidget | None = None, *,
                 publish: Callable[[Changes], None] | None = None) -> None:
        """``publish``: the window's ``shell.ops.publish``; each stored change is announced there
        (the breadcrumb names the visit by its date, the school's lists of visits and follow-ups)."""
        super().__init__(parent)
        self._workspace = workspace
        self._publish = publish
        self._visit = workspace.visits.get(visit_id)
        # Another installation's visit (issue 10): read here, its follow-ups answered, never changed.
        self._elsewhere = owned_elsewhere(workspace.db, workspace.installation_id, self._visit)
        self._school = workspace.schools.get(self._visit.school_id)
        self._framework = workspace.visits.framework_of(self._visit)
        self._findings: dict[str, Finding] = workspace.visits.findings(visit_id)
        self._answers = self._school_answers()
        self._comparison: Comparison = compare(self._framework, self._answers, self._findings)
        self._undo: Callable[[], None] | None = None
        self._filling = False
        self.sections: list[str] = []  # section keys in list order: general, people, c1…c5, …

        self._build()
        self._fill_header()
        self.people.fill()
        self._fill_findings()
        self.follow_up_saves.fill()
        self._refresh_comparison()
        self._fill_sign()
        self._bind_shortcuts()
        self._apply_status()
        # Every visit opens on its first section, วัตถุประสงค์ (TEST32b B4: a blank one with follow-ups
        # still open opened on ข้อตกลงและการติดตาม); coming back to it the feature goes where it was left.
        self.go_to_section("general")
        digits.follow(self.render_digits)

    def render_digits(self) -> None:
        """Write the numbers again in the window's digit style (it changed); what is typed stays."""
        self.details.fill(self._visit, self._rounds())
        self._refresh_school_reference()
        self._refresh_comparison()

    # -- public ------------------------------------------------------------------------------
    @property
    def visit_id(self) -> str:
        return self._visit.id

    @property
    def visit(self) -> Visit:
        return self._visit

    def flush(self) -> None:
        """Commit a table cell still being edited (the shell calls this before removing the view).
        and a date or time typed but not yet taken (a shortcut moves no focus). Every other
        keystroke is already saved; nothing else is held back."""
        commit_focused_field(self)
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit) and focused.parent() in (
            self.visitors.table.viewport(), self.school_people.table.viewport()
        ):
            focused.clearFocus()

    def save_state(self) -> str:
        return self._save_line.text()

    def confirm_leave(self) -> bool:
        """Before the view goes: True when nothing waits to be saved, or the user let it go."""
        self.flush()
        return confirm_leave_fields(self, self._saver)  # the saver first, then the fields

    def field_note(self, section: str) -> str:
        """What the red note of a section says: "details", "general", "people", "follow_ups" or
        "c<component code>"; "" when all of it is stored."""
        return self._notes[section].message()

    def section_key(self) -> str:
        return self.sections[self._section_list.currentRow()]

    def go_to_section(self, key: str) -> None:
        if key in self.sections:
            self._section_list.setCurrentRow(self.sections.index(key))

    def next_section(self) -> None:
        self._step(1)

    def previous_section(self) -> None:
        self._step(-1)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)

        self._back, self._school_label = title_row_widgets(
            self, text.BACK, text.BACK_TIP, self._school.name, "visitSchool"
        )
        self._back.clicked.connect(self._go_back)
        self._title_label = QLabel(text.TITLE, self)
        self._title_label.setObjectName("fieldHint")
        self._status_chip = ColourChip(self)
        self._save_line = SaveStateLine(text.NOTHING_CHANGED_YET, self, right=True)
        self._saver = Saver(self._save_line, self, publish=self._publish,
                            changes=Changes(visits=frozenset({self._visit.id})))
        self.files = VisitFiles(self._workspace, self._saver, lambda: self._visit, self._fill_findings,
                                self._offer_undo, self)
        self.files.noticed.connect(self.noticed)
        self.undo_button = self._button(text.UNDO, text.UNDO_TIP, "undoButton", self.undo)
        self.undo_button.hide()
        self.print_button = self._button(text.PRINT, text.PRINT_TIP, "printVisitButton", self._request_print)
        self.finalise_button = self._button(text.FINALISE, text.FINALISE_TIP, "finaliseButton", self.finalise)
        self.finalise_button.setObjectName("primaryButton")
        self.reopen_button = self._button(text.REOPEN, text.REOPEN_TIP, "reopenButton", self.reopen)
        self.deletion = VisitDeletion(self._workspace, lambda: self._visit, self.confirm_leave, self)  # C12
        top = header_layout([self._back, self._school_label, self._title_label, self._status_chip],
                            [self.undo_button, self.print_button, self.finalise_button, self.reopen_button],
                            stretch=self._save_line)
        layout.addLayout(top)
        self.details = VisitDetailsBar(self)
        self.details.details_changed.connect(lambda changes: self._save_details(**changes))
        self.details.round_chosen.connect(self._round_chosen)
        self.details.open_round.connect(self._open_round)
        layout.addWidget(self.details)

        self._final_notice = status_notice("finalNotice", text.FINAL_NOTICE, self)
        layout.addWidget(self._final_notice)
        self._status = RecordStatus(self._saver, self._status_chip, self._final_notice, STATUS_LOOK,
                                    read_only=self._workspace.read_only or self._elsewhere, parent=self,
                                    read_only_notice=made_elsewhere_notice() if self._elsewhere else "")
        self._status.add_buttons(self.finalise_button, self.reopen_button)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._section_list = QListWidget(splitter)
        self._section_list.setObjectName("visitSections")
        self._section_list.setToolTip(text.SECTIONS_TIP)
        self._section_list.setStyleSheet("QListWidget#visitSections::item { padding: 6px 8px; }")
        self._pages = QStackedWidget(splitter)
        self.general = GeneralPanel()
        self.general.details_changed.connect(lambda changes: self._save_details(**changes))
        self.files.wire(self.general.files, "")
        self._add_section("general", text.SECTION_GENERAL, self.general)
        self.people = VisitPeople(self._workspace, self._saver, lambda: self._visit, self._offer_undo, self)
        self.visitors, self.school_people = self.people.visitors, self.people.school_people
        self._add_section("people", text.SECTION_PEOPLE, self.people.page)
        self.finding_panels: dict[str, FindingPanel] = {}
        for component in self._framework.components:
            panel = FindingPanel(component, self._framework.levels)
            panel.level_chosen.connect(self._level_chosen)
            panel.text_edited.connect(self._save_text)
            self.files.wire(panel.files, component.code)
            self.finding_panels[component.code] = panel
            caption = text.SECTION_COMPONENT.format(code=digits.shown(component.code))
            self._add_section(f"c{component.code}", caption, panel,
                              tip=component.title)
        self.comparison = ComparisonPanel()
        self._add_section("comparison", text.SECTION_COMPARISON, self.comparison)  # scrolls at 150 % (TEST34C C6)
        self.follow_ups = FollowUpsPanel(self._framework)
        self.follow_ups.visit_day = self._visit.visited_date
        self.follow_up_saves = VisitFollowUps(self._workspace, self.follow_ups, self._saver, lambda: self._visit, self)
        self.follow_up_comments = FollowUpComments(self._workspace, self.follow_ups, answering=self._elsewhere,
                                                   publish=self._publish)
        self.follow_up_saves.filled.connect(self.follow_up_comments.refresh)
        self._add_section("follow_ups", text.SECTION_FOLLOW_UPS, self.follow_ups)
        self.sign = SignPanel()
        self.sign.finalise_button.clicked.connect(lambda _checked=False: self.finalise())
        self.sign.reopen_button.clicked.connect(lambda _checked=False: self.reopen())
        self._status.add_buttons(self.sign.finalise_button, self.sign.reopen_button)
        self._add_section("sign", text.SECTION_SIGN, self.sign)
        self._section_list.currentRowChanged.connect(self._section_changed)
        self._section_list.setMinimumWidth(210)
        splitter.addWidget(self._section_list)
        splitter.addWidget(self._pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1100])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._bind_notes()

        nav = QHBoxLayout()
        nav.addWidget(self.deletion.button)  # C12: at the foot, left, away from ยืนยันบันทึก (one row at 1366)
        self._previous = self._button(text.PREVIOUS, text.PREVIOUS_TIP, "previousSection", self.previous_section)
        self._next = self._button(text.NEXT, text.NEXT_TIP, "nextSection", self.next_section)
        nav.addStretch(1)
        nav.addWidget(self._previous)
        nav.addWidget(self._next)
        layout.addLayout(nav)

    def _bind_notes(self) -> None:
        """Keys of saves start with their section ("details", "general", "people", "follow_ups") or
        with ("finding", component code); each section's red note shows its refusals."""
        self._notes: dict[str, FieldNote] = {"details": self.details.note, "general": self.general.note,
                                             "people": self.people.note, "follow_ups": self.follow_ups.note}
        for section in ("details", "general"):
            self._saver.bind_note(self._notes[section], partial(_starts, (section,)))
        for code, panel in self.finding_panels.items():
            self._notes[f"c{code}"] = panel.note
            self._saver.bind_note(panel.note, partial(_starts, ("finding", code)))
            self._saver.retry_on_focus_out(*panel.texts.values())
        self._saver.retry_on_focus_out(self.general.purpose_edit, self.general.notes_edit, self.details.start_edit,
                                       self.details.end_edit)
        for name, field in zip(("visited_on", "start_time", "end_time"), self.details.fields()):
            hold_refusals(self._saver, field, ("details", name))

    def _add_section(self, key: str, caption: str, page: QWidget, *, tip: str = "", scroll: bool = True) -> None:
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(page)
            page = area
        self._pages.addWidget(page)
        row = QListWidgetItem(caption, self._section_list)
        row.setData(SECTION_ROLE, key)
        row.setToolTip(tip or caption)
        self.sections.append(key)

    def _button(self, caption: str, tip: str, name: str, slot: Callable[[], None]) -> QPushButton:
        widget = QPushButton(caption, self)
        widget.setObjectName(name)
        widget.setToolTip(tip)
        widget.clicked.connect(lambda _checked=False: slot())
        return widget

    def _bind_shortcuts(self) -> None:
        # WidgetWithChildrenShortcut: the keys act only while this view has the focus. Text boxes
        # keep plain digits for themselves (Qt's shortcut override), so typing "3" in a note never
        # changes a level.
        def bind(sequence: str, slot: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        for sequence, slot in (("Ctrl+PgDown", self.next_section), ("Alt+Right", self.next_section),
                               ("Ctrl+PgUp", self.previous_section), ("Alt+Left", self.previous_section)):
            bind(sequence, slot)  # as in the assessment view (the page owns Alt+Left, feature.py)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            bind(sequence, self.add_row)
        for value in range(0, self._framework.max_level + 1):
            bind(str(value), partial(self._level_key, value))

    # -- filling -----------------------------------------------------------------------------
    def _school_answers(self) -> dict[str, Answer]:
        """The school's answers compared: a confirmed visit's as they stood when confirmed (C11)."""
        self._basis = basis_of(self._workspace, self._visit)
        return dict(self._basis.answers)

    def _fill_header(self) -> None:
        self.details.fill(self._visit, self._rounds())
        self.general.fill(self._visit)

    def _rounds(self) -> list[tuple[str, str]]:
        return [(a.id, round_title(a)) for a in self._workspace.assessments.for_school(self._school.id)]

    def _fill_findings(self) -> None:
        attachments = self._attachments()
        levels = school_levels(self._comparison)
        for code, panel in self.finding_panels.items():
            panel.fill(self._findings, levels, [a for a in attachments if a.scope_code == code])
            for field in panel.texts:  # typed text not yet stored stays in its box
                waiting = self._saver.waiting_value(("finding", code, code, field))
                if waiting is not None:
                    panel.show_unsaved(field, waiting)
        self.general.files.fill([a for a in attachments if a.scope_code == ""])
        self._refresh_school_reference()

    def _refresh_school_reference(self) -> None:
        levels = school_levels(self._comparison)
        for code, panel in self.finding_panels.items():
            score = levels.get(code)
            panel.show_school(score, level_label(score, self._framework) if score is not None else "")
            for row, item in enumerate(panel.component.items):
                value = levels.get(item.code)
                filled_item(panel.items_table, row, 1).setText("–" if value is None else digits.shown(f"{value:.0f}"))

    def _fill_sign(self) -> None:
        visits = self._workspace.visits
        self.sign.fill(visits.people(self._visit.id, "visitor"), visits.people(self._visit.id, "school"),
                       visits.events(self._visit.id), visits.revision(self._visit.id),
                       {level.value: level.label for level in self._framework.levels})  # "๔ ดีเลิศ" (TEST35 T9)

    def _refresh_comparison(self) -> None:
        self._comparison = compare(self._framework, self._answers, self._findings)
        self.comparison.fill(self._comparison, self.details.round_title(),
                             basis_text(self._basis, self._framework, self._findings, self._comparison))
        for position, key in enumerate(self.sections):
            if key.startswith("c") and key[1:] in self.finding_panels:
                found = self._findings.get(key[1:])
                caption = text.SECTION_COMPONENT.format(code=digits.shown(key[1:]))
                if found is not None and found.level:
                    caption += text.SECTION_LEVEL_MARK.format(level=digits.shown(found.level))
                self._section_list.item(position).setText(caption)

    def _attachments(self) -> list[VisitAttachment]:
        return self.files.attachments()

    # -- navigation --------------------------------------------------------------------------
    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self._pages.setCurrentIndex(row)
        key = self.sections[row]
        if key == "sign":
            self._fill_sign()
        self._previous.setEnabled(row > 0)
        self._next.setEnabled(row < len(self.sections) - 1)

    def _step(self, delta: int) -> None:
        row = self._section_list.currentRow() + delta
        if 0 <= row < len(self.sections):
            self._section_list.setCurrentRow(row)
            key = self.sections[row]
            panel = self.finding_panels.get(key[1:]) if key.startswith("c") else None
            if panel is not None:  # the keys 1–5 choose the component's level (as in the assessment view)
                focus_levels(panel.picker.radios.values(), self._section_list)

    def _go_back(self) -> None:
        self.flush()
        self.back_requested.emit()

    def _open_round(self) -> None:
        if self._visit.assessment_id:
            self.flush()
            self.open_assessment.emit(self._visit.assessment_id)

    def _request_print(self) -> None:
        self.flush()
        self.print_requested.emit(self._visit.id)

    # -- saving ------------------------------------------------------------------------------
    # Keys name what a save changes (see _bind_notes): a newer edit replaces one still waiting.
    @property
    def _editable(self) -> bool:
        return not self._visit.is_final and not self._workspace.read_only and not self._elsewhere

    def _save_details(self, **changes: object) -> None:
        if self._filling:
            return
        field = next(iter(changes))
        day = changes.get("visited_on")
        question = future_question(day, clock.today()) if isinstance(day, date) else None
        if question and not ask_yes_no(self, text.FUTURE_TITLE, question, text.FUTURE_YES, text.FUTURE_NO):
            self._show_stored_visit()  # C7: a year typed wrong is put back, not kept
            return
        typed, timed = field in TYPED_DETAILS, field in ("start_time", "end_time")
        edit = self.details.start_edit if field == "start_time" else self.details.end_edit

        def refused(error: object) -> None:
            """A time refused by the core's rules (an end before the start) says why below its
            field, as one that cannot be read; a refusal by the disk stays on the save line."""
            if isinstance(error, ValidationError):
                edit.refuse(str(error), getattr(self._visit, field))

        def saved(updated: Visit) -> None:
            if timed:  # also stored by a later try (the start moved): the field's red line goes
                edit.set_value(getattr(updated, field))
            self._visit_saved(updated)

        self._saver.run(
            lambda: self._workspace.visits.update(self._visit.id, **changes),
            key=("general" if field in ("purpose", "notes") else "details", field), typed=typed, value=changes[field],
            on_saved=saved, on_failed=refused if timed else None if typed else self._show_stored_visit,
            on_dropped=edit.revert if timed else None)

    def _visit_saved(self, updated: Visit) -> None:
        moved = (updated.visited_on, updated.start_time) != (self._visit.visited_on, self._visit.start_time)
        self._visit = updated
        if moved:  # which visits came before this one, and so what it carries, follows its date
            self.follow_up_saves.fill(self.follow_ups.selected_agreed_id())
        self.follow_ups.visit_day = updated.visited_date  # "overdue" is judged on the visit's day
        self.details.show_saved(updated)

    def _show_stored_visit(self, _error: object = None) -> None:
        """After a refused change: the date, type and round the database has."""
        self._visit = self._saver.read(lambda: self._workspace.visits.get(self._visit.id), self._visit)
        self.details.show_saved(self._visit)

    def _round_chosen(self, assessment_id: str | None) -> None:
        def saved(updated: Visit) -> None:
            self._visit_saved(updated)
            self._answers = self._school_answers()
            self._refresh_comparison()
            self._refresh_school_reference()

        self._saver.run(lambda: self._workspace.visits.update(self._visit.id, assessment_id=assessment_id),
                        key=("details", "assessment_id"), on_saved=saved, on_failed=self._show_stored_visit)

    def _level_chosen(self, scope: str, value: int) -> None:
        level = value or None
        self._saver.run(lambda: self._workspace.visits.set_level(self._visit.id, scope, level),
                        key=("finding", scope.split(".")[0], scope, "level"),
                        on_saved=partial(self._show_level, scope), on_failed=lambda _e: self._show_level(scope, None))

    def _show_level(self, scope: str, found: Finding | None) -> None:
        """The level as saved, or after a refusal as stored (read back): never one the database lacks."""
        if found is None:
            self._findings = self._saver.read(lambda: self._workspace.visits.findings(self._visit.id), self._findings)
        else:
            self._findings[scope] = found
        stored = self._findings.get(scope)
        self.finding_panels[scope.split(".")[0]].show_level(scope, stored.level if stored else None)
        self._refresh_comparison()

    def _save_text(self, scope: str, field: str, value: str) -> None:
        self._saver.run(lambda: self._workspace.visits.set_text(self._visit.id, scope, field, value),
                        key=("finding", scope, scope, field), typed=True, value=value, on_saved=self._text_saved)

    def _text_saved(self, found: Finding) -> None:
        self._findings[found.scope_code] = found

    def _level_key(self, value: int) -> None:
        key = self.section_key()
        panel = self.finding_panels.get(key[1:]) if key.startswith("c") else None
        if panel is None or not self._editable:
            return
        focused = QApplication.focusWidget()
        for item_code, combo in panel.item_combos.items():
            if combo is focused:  # a digit on an item's level box sets that item
                combo.setCurrentIndex(max(0, combo.findData(value)))
                self._level_chosen(item_code, value)
                return
        panel.picker.radios[value].click()

    # -- people ------------------------------------------------------------------------------
    def add_row(self) -> None:
        """Ctrl+Enter: a new person, or a new follow-up, where that makes sense."""
        key = self.section_key()
        if key == "people":
            focused = QApplication.focusWidget()
            school_side = focused is not None and self.school_people.isAncestorOf(focused)
            self.people.add("school" if school_side else "visitor")
        elif key == "follow_ups":
            self.add_follow_up()

    # -- files (ui/visits/files.py) -----------------------------------------------------------
    def _choose_files(self, scope: str) -> None:
        self.files.choose(scope)

    def add_files(self, scope: str, files: list[Path]) -> None:
        self.files.add(scope, files)

    # -- undo (the last removal) ---------------------------------------------------------------
    def _offer_undo(self, name: str, key: Hashable, restore: Callable[[], None], refresh: Callable[[], None]) -> None:
        def undo() -> None:
            # A refusal shows in the save state (and is retried); the lists show what is stored.
            self._saver.run(partial(done, restore), key=key, on_saved=lambda _done: refresh())

        self._undo = undo
        self._saver.say(text.REMOVED.format(name=name))
        self.undo_button.show()

    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.undo_button.hide()
        if action is not None:
            action()

    def add_follow_up(self) -> None:
        self.follow_up_saves.add()

    # -- finalise / reopen -------------------------------------------------------------------
    def _confirm_finalise(self) -> bool:
        return confirm_question(self, self._workspace.visits, self._visit.id, self._framework, self._findings,
                                self._attachments(), self.go_to_section)

    def _ask(self, who: list[str], reopening: bool) -> Any:
        """C3: who of the team confirms or reopens (``who`` gets the name); a reopen's reason (C9)."""
        asked = ask_who(self, self._workspace.visits.team_names(self._visit.id), reopening=reopening)
        who.extend(asked[1:] if asked is not None else ())
        return asked[0] if reopening and asked is not None else asked is not None

    def finalise(self) -> None:
        self.flush()
        if self._visit.is_final or not nothing_refused_left(self, self._saver, self._notes, self.go_to_section):
            return
        who: list[str] = []
        self._status.close(lambda: self._workspace.visits.finalise(self._visit.id, by=who[0]), saved=text.FINALISED,
                           on_saved=self._status_saved, confirm=lambda: self._confirm_finalise() and self._ask(who, False))

    def reopen(self) -> None:
        # The reason is required and recorded with the reopening and who asked (reopen_dialog: C3, C9).
        who: list[str] = []
        self._status.reopen(lambda reason: self._workspace.visits.reopen(self._visit.id, reason, by=who[0]),
                            saved=text.REOPENED, on_saved=self._status_saved, reason=lambda: self._ask(who, True))

    def _status_saved(self, updated: Visit) -> None:
        self._visit = updated
        self._answers = self._school_answers()  # confirmed: the results signed; a draft: the current ones
        self._refresh_comparison()
        self._refresh_school_reference()
        self._apply_status()

    def _apply_status(self) -> None:
        self._status.show(self._visit.status, closed=self._visit.is_final)
        editable = self._editable
        parts: list[Any] = [self.details, self.general, self.people, self.follow_ups, *self.finding_panels.values()]
        for part in parts:
            part.set_editable(editable)
        self.deletion.offer(editable)
        if not editable:
            self._undo = None
            self.undo_button.hide()
            if self._save_line.text() == text.NOTHING_CHANGED_YET:  # read-only: nothing is saved here (RETEST34 D4)
                self._save_line.show_message("")
        self._fill_sign()


def _starts(prefix: tuple[str, ...], key: Hashable) -> bool:
    """Does a save's key begin with ``prefix``? (keys are tuples: section first)"""
    return isinstance(key, tuple) and key[:len(prefix)] == prefix
