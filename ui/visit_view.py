"""The visit view: a supervisor records a supervision visit (การนิเทศ ติดตาม) at the school.

Everything goes to the core the moment it is typed or clicked (``workspace.visits`` and
``workspace.follow_ups``), so there is no Save button. The sections are listed on the left:
purpose and notes, the people, one page per component, the comparison with the school's own
assessment, the follow-ups and the signatures; Ctrl+PgUp/PgDown steps through them.
A final visit is shown read-only; the core refuses changes to it until it is reopened.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QFrame, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSizePolicy, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.answers import Answer
from qualityschool_desktop.comparison import Comparison, compare
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.follow_ups import FollowUp
from qualityschool_desktop.scoring import level_label
from qualityschool_desktop.visits import Finding, Visit, VisitAttachment
from qualityschool_desktop.workspace import Workspace

from . import strings_visit as text
from .visit_header import GeneralPanel, VisitDetailsBar
from .visit_panels import AttachmentBox, ComparisonPanel, FindingPanel, PeopleEditor, school_levels
from .visit_sections import FollowUpsPanel, SignPanel, ask_yes_no, open_copy
from .widgets import ColourChip, title_row_widgets

T = TypeVar("T")

SAVED_COLOUR = "#2e7d32"
ERROR_COLOUR = "#c62828"
STATUS_COLOURS = {"draft": "#78909c", "final": "#2e7d32"}
SECTION_ROLE = Qt.ItemDataRole.UserRole


class VisitView(QWidget):
    """Record one visit; every edit is saved at once through the core."""

    back_requested = Signal()
    open_assessment = Signal(str)
    print_requested = Signal(str)  # the shell builds the PDF (ui.visit_print)

    def __init__(self, workspace: Workspace, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._visit = workspace.visits.get(visit_id)
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
        self._fill_people()
        self._fill_findings()
        self._fill_follow_ups()
        self._refresh_comparison()
        self._fill_sign()
        self._bind_shortcuts()
        self._apply_status()
        # A blank visit starts from what the school still has to do since the last one.
        blank = not (self._findings or self._visit.purpose or self._workspace.visits.people(visit_id))
        self.go_to_section("follow_ups" if blank and self.follow_ups.carried.rowCount() else "general")

    # -- public ------------------------------------------------------------------------------
    @property
    def visit_id(self) -> str:
        return self._visit.id

    @property
    def visit(self) -> Visit:
        return self._visit

    def flush(self) -> None:
        """Commit a table cell still being edited (the shell calls this before removing the view).
        Every keystroke is already saved; nothing else is held back."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit) and focused.parent() in (
            self.visitors.table.viewport(), self.school_people.table.viewport()
        ):
            focused.clearFocus()

    def save_state(self) -> str:
        return self._save_label.text()

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

        top = QHBoxLayout()
        self._back, self._school_label = title_row_widgets(
            self, text.BACK, text.BACK_TIP, self._school.name, "visitSchool"
        )
        self._back.clicked.connect(self._go_back)
        self._title_label = QLabel(text.TITLE, self)
        self._title_label.setObjectName("fieldHint")
        self._status_chip = ColourChip(self)
        self._save_label = QLabel(text.NOTHING_CHANGED_YET, self)
        self._save_label.setObjectName("saveState")
        self._save_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._save_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.undo_button = self._button(text.UNDO, text.UNDO_TIP, "undoButton", self.undo)
        self.undo_button.hide()
        self.print_button = self._button(text.PRINT, text.PRINT_TIP, "printVisitButton", self._request_print)
        self.finalise_button = self._button(text.FINALISE, text.FINALISE_TIP, "finaliseButton", self.finalise)
        self.finalise_button.setObjectName("primaryButton")
        self.reopen_button = self._button(text.REOPEN, text.REOPEN_TIP, "reopenButton", self.reopen)
        for widget in (self._back, self._school_label, self._title_label, self._status_chip):
            top.addWidget(widget)
        top.addWidget(self._save_label, 1)
        for widget in (self.undo_button, self.print_button, self.finalise_button, self.reopen_button):
            top.addWidget(widget)
        layout.addLayout(top)
        self.details = VisitDetailsBar(self)
        self.details.details_changed.connect(lambda changes: self._save_details(**changes))
        self.details.round_chosen.connect(self._round_chosen)
        self.details.open_round.connect(self._open_round)
        layout.addWidget(self.details)

        self._final_notice = QLabel(text.FINAL_NOTICE, self)
        self._final_notice.setObjectName("finalNotice")
        self._final_notice.setWordWrap(True)
        self._final_notice.setStyleSheet(
            "QLabel#finalNotice { background: #fff8e1; border: 1px solid #ffe082; padding: 4px 8px; }"
        )
        layout.addWidget(self._final_notice)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._section_list = QListWidget(splitter)
        self._section_list.setObjectName("visitSections")
        self._section_list.setToolTip(text.SECTIONS_TIP)
        self._section_list.setStyleSheet("QListWidget#visitSections::item { padding: 6px 8px; }")
        self._pages = QStackedWidget(splitter)
        self.general = GeneralPanel()
        self.general.details_changed.connect(lambda changes: self._save_details(**changes))
        self._wire_files(self.general.files, "")
        self._add_section("general", text.SECTION_GENERAL, self.general)
        self._add_section("people", text.SECTION_PEOPLE, self._build_people())
        self.finding_panels: dict[str, FindingPanel] = {}
        for component in self._framework.components:
            panel = FindingPanel(component, self._framework.levels)
            panel.level_chosen.connect(self._level_chosen)
            panel.text_edited.connect(self._save_text)
            self._wire_files(panel.files, component.code)
            self.finding_panels[component.code] = panel
            self._add_section(f"c{component.code}", text.SECTION_COMPONENT.format(code=component.code), panel,
                              tip=component.title)
        self.comparison = ComparisonPanel()
        self._add_section("comparison", text.SECTION_COMPARISON, self.comparison, scroll=False)
        self.follow_ups = FollowUpsPanel(self._framework)
        self.follow_ups.visit_day = self._visit.visited_date
        self.follow_ups.status_requested.connect(self._set_follow_up_status)
        self.follow_ups.add_requested.connect(self.add_follow_up)
        self.follow_ups.remove_requested.connect(self._remove_follow_up)
        self.follow_ups.changed.connect(self._change_follow_up)
        self._add_section("follow_ups", text.SECTION_FOLLOW_UPS, self.follow_ups)
        self.sign = SignPanel()
        self.sign.finalise_button.clicked.connect(lambda _checked=False: self.finalise())
        self.sign.reopen_button.clicked.connect(lambda _checked=False: self.reopen())
        self._add_section("sign", text.SECTION_SIGN, self.sign)
        self._section_list.currentRowChanged.connect(self._section_changed)
        self._section_list.setMinimumWidth(210)
        splitter.addWidget(self._section_list)
        splitter.addWidget(self._pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1100])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        nav = QHBoxLayout()
        self._previous = self._button(text.PREVIOUS, text.PREVIOUS_TIP, "previousSection", self.previous_section)
        self._next = self._button(text.NEXT, text.NEXT_TIP, "nextSection", self.next_section)
        nav.addStretch(1)
        nav.addWidget(self._previous)
        nav.addWidget(self._next)
        layout.addLayout(nav)

    def _wire_files(self, box: AttachmentBox, scope: str) -> None:
        box.attach_button.clicked.connect(partial(self._choose_files, scope))
        box.open_button.clicked.connect(partial(self._open_file, box))
        box.list.itemActivated.connect(lambda _row: self._open_file(box))
        box.remove_button.clicked.connect(partial(self._remove_file, box))

    def _build_people(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(4, 4, 12, 12)
        row.setSpacing(16)
        self.visitors = PeopleEditor(text.VISITORS, "visitors", page)
        self.school_people = PeopleEditor(text.SCHOOL_PEOPLE, "school", page)
        for editor, side in ((self.visitors, "visitor"), (self.school_people, "school")):
            editor.add_requested.connect(partial(self.add_person, side))
            editor.remove_requested.connect(self._remove_person)
            editor.edited.connect(self._person_edited)
            row.addWidget(editor, 1)
        return page

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

        bind("Ctrl+PgDown", self.next_section)
        bind("Ctrl+PgUp", self.previous_section)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            bind(sequence, self.add_row)
        for value in range(0, self._framework.max_level + 1):
            bind(str(value), partial(self._level_key, value))

    # -- filling -----------------------------------------------------------------------------
    def _school_answers(self) -> dict[str, Answer]:
        if self._visit.assessment_id is None:
            return {}
        return self._workspace.answers.for_assessment(self._visit.assessment_id)

    def _fill_header(self) -> None:
        from .school_page import round_title

        rounds = [(a.id, round_title(a)) for a in self._workspace.assessments.for_school(self._school.id)]
        self.details.fill(self._visit, rounds)
        self.general.fill(self._visit)

    def _fill_people(self, select_id: str | None = None) -> None:
        visits = self._workspace.visits
        self.visitors.fill(visits.people(self._visit.id, "visitor"), select_id)
        self.school_people.fill(visits.people(self._visit.id, "school"), select_id)
        editable = not self._visit.is_final
        self.visitors.set_editable(editable)
        self.school_people.set_editable(editable)

    def _fill_findings(self) -> None:
        attachments = self._attachments()
        levels = school_levels(self._comparison)
        for code, panel in self.finding_panels.items():
            panel.fill(self._findings, levels, [a for a in attachments if a.scope_code == code])
        self.general.files.fill([a for a in attachments if a.scope_code == ""])
        self._refresh_school_reference()

    def _refresh_school_reference(self) -> None:
        levels = school_levels(self._comparison)
        for code, panel in self.finding_panels.items():
            score = levels.get(code)
            panel.show_school(score, level_label(score, self._framework) if score is not None else "")
            for row, item in enumerate(panel.component.items):
                value = levels.get(item.code)
                panel.items_table.item(row, 1).setText("–" if value is None else f"{value:.0f}")

    def _fill_follow_ups(self, select_id: str | None = None) -> None:
        follow_ups = self._workspace.follow_ups
        carried = follow_ups.open_before(self._visit.id)
        agreed_on = {v.id: v.visited_on for v in self._workspace.visits.for_school(self._school.id)}
        self.follow_ups.visit_day = self._visit.visited_date
        self.follow_ups.fill_carried(carried, agreed_on)
        self.follow_ups.fill_agreed(follow_ups.agreed_in(self._visit.id), select_id)

    def _fill_sign(self) -> None:
        visits = self._workspace.visits
        self.sign.fill(visits.people(self._visit.id, "visitor"), visits.people(self._visit.id, "school"),
                       visits.events(self._visit.id))

    def _refresh_comparison(self) -> None:
        self._comparison = compare(self._framework, self._answers, self._findings)
        self.comparison.fill(self._comparison, self.details.round_title())
        for position, key in enumerate(self.sections):
            if key.startswith("c") and key[1:] in self.finding_panels:
                found = self._findings.get(key[1:])
                caption = text.SECTION_COMPONENT.format(code=key[1:])
                if found is not None and found.level:
                    caption += text.SECTION_LEVEL_MARK.format(level=found.level)
                self._section_list.item(position).setText(caption)

    def _attachments(self) -> list[VisitAttachment]:
        return self._run(lambda: self._workspace.visits.attachments(self._visit.id), quiet=True) or []

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
    def _run(self, action: Callable[[], T], *, quiet: bool = False) -> T | None:
        """Call the core; a core error is shown in the save state (in red) instead of raised."""
        try:
            result = action()
        except QualitySchoolError as error:
            self._show_message(text.SAVE_FAILED.format(message=error), ERROR_COLOUR)
            return None
        if not quiet:
            self._show_message(text.SAVED.format(time=time.strftime("%H:%M:%S")), SAVED_COLOUR)
        return result

    def _show_message(self, message: str, colour: str) -> None:
        self._save_label.setText(message)
        self._save_label.setToolTip(message)
        self._save_label.setStyleSheet(f"color: {colour};")

    def _save_details(self, **changes: object) -> None:
        if self._filling:
            return
        updated = self._run(lambda: self._workspace.visits.update(self._visit.id, **changes))
        if updated is not None:
            self._visit = updated
            self.follow_ups.visit_day = updated.visited_date  # "overdue" is judged on the visit's day
            self.details.show_saved(updated)

    def _round_chosen(self, assessment_id: str | None) -> None:
        updated = self._run(lambda: self._workspace.visits.update(self._visit.id, assessment_id=assessment_id))
        if updated is not None:
            self._visit = updated
            self._answers = self._school_answers()
            self._refresh_comparison()
            self._refresh_school_reference()
        self.details.show_saved(self._visit)  # on failure the box goes back to the stored round

    def _level_chosen(self, scope: str, value: int) -> None:
        level = value or None
        found = self._run(lambda: self._workspace.visits.set_level(self._visit.id, scope, level))
        if found is not None:
            self._findings[scope] = found
            self._refresh_comparison()
        else:
            # The screen never shows a level the database does not have.
            self._fill_findings()

    def _save_text(self, scope: str, field: str, value: str) -> None:
        found = self._run(lambda: self._workspace.visits.set_text(self._visit.id, scope, field, value))
        if found is not None:
            self._findings[scope] = found

    def _level_key(self, value: int) -> None:
        key = self.section_key()
        panel = self.finding_panels.get(key[1:]) if key.startswith("c") else None
        if panel is None or self._visit.is_final:
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
            self.add_person("school" if school_side else "visitor")
        elif key == "follow_ups":
            self.add_follow_up()

    def add_person(self, side: str) -> None:
        visits = self._workspace.visits
        existing = visits.people(self._visit.id, side)
        # The usual first names on each side: a supervisor, then the school's director.
        position = text.VISITOR_POSITION if side == "visitor" else ("" if existing else text.SCHOOL_POSITION)
        person = self._run(lambda: visits.add_person(self._visit.id, side, "", position))
        if person is not None:
            self._fill_people(person.id)
            editor = self.visitors if side == "visitor" else self.school_people
            editor.edit_row(person.id)

    def _person_edited(self, person_id: str, field: str, value: str) -> None:
        self._run(lambda: self._workspace.visits.update_person(person_id, **{field: value}))

    def _remove_person(self, person_id: str) -> None:
        visits = self._workspace.visits
        person = next((p for p in visits.people(self._visit.id) if p.id == person_id), None)
        if person is None or self._run(partial(_done, visits.remove_person, person_id), quiet=True) is None:
            return
        self._offer_undo(person.name or text.UNNAMED, partial(visits.restore_person, person_id), self._fill_people)
        self._fill_people()

    # -- files -------------------------------------------------------------------------------
    def _choose_files(self, scope: str) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, text.ATTACH_DIALOG)
        self.add_files(scope, [Path(name) for name in files])

    def add_files(self, scope: str, files: list[Path]) -> None:
        for path in files:
            if self._run(partial(self._workspace.visits.add_attachment, self._visit.id, scope, path)) is None:
                break
        self._fill_findings()

    def _open_file(self, box: AttachmentBox) -> None:
        attachment_id = box.selected_id()
        attachment = next((a for a in self._attachments() if a.id == attachment_id), None)
        if attachment is None:
            return
        if not open_copy(self._workspace.visits.path_of(attachment), attachment.sha256, attachment.file_name):
            self._show_message(text.OPEN_FILE_FAILED.format(name=attachment.file_name), ERROR_COLOUR)

    def _remove_file(self, box: AttachmentBox) -> None:
        attachment_id = box.selected_id()
        attachment = next((a for a in self._attachments() if a.id == attachment_id), None)
        visits = self._workspace.visits
        if attachment is None or self._run(partial(_done, visits.remove_attachment, attachment.id), quiet=True) is None:
            return
        self._offer_undo(attachment.file_name, partial(visits.restore_attachment, attachment.id), self._fill_findings)
        self._fill_findings()

    # -- undo (the last removal) ---------------------------------------------------------------
    def _offer_undo(self, name: str, restore: Callable[[], None], refresh: Callable[[], None]) -> None:
        def undo() -> None:
            self._run(restore)  # a failure shows in the save state; the lists show what is stored
            refresh()

        self._undo = undo
        self._show_message(text.REMOVED.format(name=name), SAVED_COLOUR)
        self.undo_button.show()

    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.undo_button.hide()
        if action is not None:
            action()

    # -- follow-ups ----------------------------------------------------------------------------
    def add_follow_up(self) -> None:
        created = self._run(lambda: self._workspace.follow_ups.add(self._visit.id, ""))
        if created is not None:
            self._fill_follow_ups(created.id)
            self.follow_ups.action_edit.setFocus()

    def _change_follow_up(self, follow_up_id: str, changes: dict[str, object]) -> None:
        updated = self._run(lambda: self._workspace.follow_ups.update(follow_up_id, **changes))
        if updated is not None:
            self.follow_ups.update_agreed(updated)

    def _remove_follow_up(self, follow_up_id: str) -> None:
        follow_up: FollowUp | None = self._run(lambda: self._workspace.follow_ups.get(follow_up_id), quiet=True)
        question = text.REMOVE_FOLLOW_UP_CONFIRM.format(name=follow_up.action if follow_up else "")
        if follow_up is None or not ask_yes_no(self, text.REMOVE_FOLLOW_UP, question):
            return
        if self._run(partial(_done, self._workspace.follow_ups.remove, follow_up_id)) is not None:
            self._fill_follow_ups()

    def _set_follow_up_status(self, follow_up_id: str, status: str) -> None:
        if self._visit.is_final:
            return  # the signed record stays as it was signed
        updated = self._run(lambda: self._workspace.follow_ups.set_status(
            follow_up_id, status, in_visit_id=self._visit.id, on=self._visit.visited_date))
        if updated is not None:
            self._fill_follow_ups()

    # -- finalise / reopen -------------------------------------------------------------------
    def _confirm_finalise(self) -> bool:
        return ask_yes_no(self, text.FINALISE_TITLE, text.FINALISE_QUESTION, text.FINALISE_YES, text.FINALISE_NO)

    def _ask_reason(self) -> str | None:
        reason, accepted = QInputDialog.getText(self, text.REOPEN_TITLE, text.REOPEN_PROMPT)
        return reason if accepted else None

    def finalise(self) -> None:
        self.flush()
        if self._visit.is_final or not self._confirm_finalise():
            return
        updated = self._run(lambda: self._workspace.visits.finalise(self._visit.id), quiet=True)
        if updated is not None:
            self._visit = updated
            self._show_message(text.FINALISED.format(time=time.strftime("%H:%M:%S")), SAVED_COLOUR)
            self._apply_status()

    def reopen(self) -> None:
        reason = self._ask_reason()
        if reason is None:
            return
        updated = self._run(lambda: self._workspace.visits.reopen(self._visit.id, reason), quiet=True)
        if updated is not None:
            self._visit = updated
            self._show_message(text.REOPENED.format(time=time.strftime("%H:%M:%S")), SAVED_COLOUR)
            self._apply_status()

    def _apply_status(self) -> None:
        status = self._visit.status
        self._status_chip.set_chip(text.STATUS.get(status, status), STATUS_COLOURS.get(status, "#78909c"))
        editable = not self._visit.is_final
        for finalise, reopen in ((self.finalise_button, self.reopen_button),
                                 (self.sign.finalise_button, self.sign.reopen_button)):
            finalise.setVisible(editable)
            reopen.setVisible(not editable)
        self._final_notice.setVisible(not editable)
        self.details.set_editable(editable)
        self.general.set_editable(editable)
        self.visitors.set_editable(editable)
        self.school_people.set_editable(editable)
        for panel in self.finding_panels.values():
            panel.set_editable(editable)
        self.follow_ups.set_editable(editable)
        if not editable:
            self._undo = None
            self.undo_button.hide()
        self._fill_sign()


def _done(action: Callable[[str], None], argument: str) -> bool:
    """Run a core call that returns nothing; True once it returned without raising."""
    action(argument)
    return True
