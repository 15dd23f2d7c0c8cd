"""การเปลี่ยนแปลงที่รอตรวจสอบ: what keys that do not own a record sent, kept for a person.

A list on the left (what, who sent it, when); on the right who sent the selected change (name and
the key's fingerprint as groups to read out), why it waits (the core's ``reason_text``), from
which file, and the record as it is here beside the version sent, field by field. "ยอมรับ" and
"ไม่ยอมรับ" ask first, then call the core through the save-state helper (the line says "ยอมรับแล้ว"
only after the core returned, or why not); the change notice that follows makes every page showing
the record re-read it, and this dialog too.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import number as count_text
from ui.common.digits import shown

from . import office_strings as o
from . import strings as s
from .compare import VersionsView, field_rows, version_heading
from .question import ask
from .record_names import record_name, told_apart
from .review import ReviewDialog, one_line_column, record_list, section_title
from . import budget_strings as b
from .budget_rows import approver_words, budget_rows, budget_said, is_budget_decision
from .verdict_rows import OFFICE_TABLES, is_verdict, verdict_rows
from .words import (SELECTABLE, braces, described, fingerprint_line, format_when, groups, key_font, muted,
                    office_kinds, sender_words)

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import PendingChange
    from qualityschool_desktop.workspace import Workspace

    from ui.common.ops import Ops

    from .api import ExchangeApi

COL_WHAT, COL_SENDER, COL_DECISION = range(3)


class PendingDialog(ReviewDialog):
    """The changes waiting for a person; ``workspace`` is read each time (the window's database)."""

    def __init__(self, workspace: Callable[[], Workspace], api: ExchangeApi, ops: Ops,
                 parent: QWidget | None = None) -> None:
        self.changes: list[PendingChange] = []
        self._names: dict[str, str] = {}
        self._totals = ("", "")
        changes = record_list(s.PENDING_HEADERS, "pendingList", COL_WHAT)
        one_line_column(changes, COL_SENDER)  # the whole sender in its tooltip and the detail (TEST35 T4)
        super().__init__(workspace, api, ops, parent, title=s.PENDING_TITLE, explain=s.PENDING_EXPLAIN,
                         list_=changes, empty=s.NO_PENDING, filter_=s.SHOW_DECIDED)
        self.show_decided = self.filter

        self.title = section_title()
        self.sender_name = QLabel()
        self.sender_name.setTextFormat(Qt.TextFormat.PlainText)  # texts from a file
        self.sender_name.setWordWrap(True)
        self.sender_name.setTextInteractionFlags(SELECTABLE)
        self.sender_key = QLabel()
        self.sender_key.setFont(key_font(self.sender_key.font(), bold=True))
        self.sender_key.setTextFormat(Qt.TextFormat.RichText)  # the caption in the window's face
        self.sender_key.setTextInteractionFlags(SELECTABLE)
        self.reason = QLabel()
        self.reason.setTextFormat(Qt.TextFormat.PlainText)  # texts from a file
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.source = QLabel()
        self.source.setTextFormat(Qt.TextFormat.PlainText)  # texts from a file
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(SELECTABLE)
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(3)
        # The fingerprint under the sender's name across both columns: read out whole, never cut.
        facts.addWidget(muted(s.SENT_BY), 0, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.sender_name, 0, 1)
        facts.addWidget(self.sender_key, 1, 0, 1, 2)
        for row, (caption, value) in enumerate(((s.WHY_PENDING, self.reason), (s.FROM_FILE, self.source)), start=2):
            facts.addWidget(muted(caption), row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
        facts.setColumnStretch(1, 1)
        # As tall as its heading and rows, in the side that scrolls: one scroll bar, never the side's
        # and the table's both, the table showing every row (RETEST34 D2: ~2 rows, the check box cut).
        self.versions = VersionsView(whole=True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addLayout(facts)
        right_layout.addWidget(self.versions, 1)
        # On a 150 % screen the reason and the comparison do not both fit: the side scrolls rather
        # than cut the reason mid-sentence or squeeze the comparison to its heading (try11b F4).
        side = QScrollArea()
        side.setObjectName("pendingDetails")
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setWidgetResizable(True)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(right)
        # The check box under the scrolled side, always in sight: at the side's foot it was cut at
        # the window's lower edge (RETEST34 D2).
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(side, 1)
        versions_layout = self.versions.layout()
        assert versions_layout is not None
        versions_layout.removeWidget(self.versions.all_fields)
        detail_layout.addWidget(self.versions.all_fields)
        self.versions.all_fields.setContentsMargins(6, 0, 0, 0)

        self.accept_button = QPushButton(s.ACCEPT)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(s.REJECT)
        self.reject_button.clicked.connect(self.reject_selected)
        # From the list straight to the decisions, then the details, the filter and close.
        self._lay_out(detail, [self.accept_button, self.reject_button], [self.versions.table, self.versions.all_fields])
        # The detail (the reason, the comparison) reads more than the list's short rows: the wider
        # side at 1366×768 holds the whole comparison without scrolling (RETEST34 D2).
        splitter = detail.parentWidget()
        if isinstance(splitter, QSplitter):
            splitter.setSizes([540, 720])  # the sender on one line leaves the names room (TEST35 T4)
        # How many wait, by kind as the import's command line counts them (TEST35 T4, T5).
        self.total = QLabel()
        self.total.setObjectName("pendingTotal")
        self.total.setWordWrap(True)
        # Across the window under the advice: one line at 1366×768, never taken from the list's rows.
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.total)
        self._count()

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again, keeping the selected change (or the one in its place)."""
        selected = self.selected()
        include = self.show_decided.isChecked()
        empty: list[PendingChange] = []
        self.changes = self._saver.read(
            lambda: self.api.list_pending(self._workspace(), include_decided=include), empty)
        names = told_apart([self._record_words(change) for change in self.changes],
                           [change.record_id for change in self.changes])
        self._names = {change.id: name for change, name in zip(self.changes, names)}
        rows = [(self.record_text(change),
                 approver_words(change.table, change.sender, change.signer_name, s.UNNAMED_SENDER, machine=False),
                 s.DECISIONS.get(change.decision, ""))
                for change in self.changes]
        self.fill_list(rows, [change.id for change in self.changes], selected.id if selected else None,
                       COL_WHAT, COL_DECISION)
        self._count()

    def _count(self) -> None:
        """The total over the list: how many wait, the office's decisions and the rest apart."""
        if not hasattr(self, "total"):
            return  # the first refresh, from the layout, comes before the label
        waiting = [change for change in self.changes if not change.decision]
        office = {table: sum(1 for change in waiting if change.table == table) for table in OFFICE_TABLES}
        office = {table: count for table, count in office.items() if count}
        text = short = s.PENDING_TOTAL.format(count=count_text(len(waiting)))
        if office:
            parts = [office_kinds(office, counted=True)]
            rest = len(waiting) - sum(office.values())
            parts += [s.PENDING_NOT_OWNER.format(count=count_text(rest))] if rest else []
            text = s.PENDING_TOTAL_PARTS.format(count=count_text(len(waiting)), parts=", ".join(parts))
            short = s.PENDING_TOTAL_SHORT.format(count=count_text(len(waiting)), office=count_text(sum(office.values())))
        decided = len(self.changes) - len(waiting)
        tail = s.PENDING_DECIDED_COUNT.format(count=count_text(decided)) if decided else ""
        self._totals = (text + tail, short + tail)
        self.total.setToolTip(text + tail)
        self.total.setVisible(bool(self.changes))
        self._fit_total()

    def _fit_total(self) -> None:
        """The whole total where it fits on one line, else its short form (a 150 % screen: two lines
        of it took two of the list's rows); the whole one in its tooltip."""
        whole, short = self._totals
        room = self.total.contentsRect().width()
        self.total.setText(whole if self.total.fontMetrics().horizontalAdvance(whole) <= room else short)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if hasattr(self, "total"):
            self._fit_total()

    def record_text(self, change: PendingChange) -> str:
        """Which record a row is: its kind and code, item or name, and under it the school it
        belongs to when the kind does not name it (an answer, a history row, a visit)."""
        school = self._school_of(change)
        what = self.name_of(change)
        return what if not school or school_named(what, school) else f"{what}\n{school}"

    def _school_of(self, change: PendingChange) -> str:
        workspace = self._workspace()
        row = change.current or change.row
        try:
            school_id = row.get("school_id")
            if not school_id and row.get("assessment_id"):
                school_id = workspace.assessments.get(str(row["assessment_id"])).school_id
            if not school_id and row.get("request_id"):  # an office's budget decision (B6)
                item = workspace.budget.get(str(row["request_id"]))
                school_id = item.school_id if item is not None else None
            if not school_id and row.get("plan_id"):  # a plan's goal, indicator or activity
                school_id = self._plan_school(str(row["plan_id"]))
            if not school_id and row.get("visit_id"):
                school_id = workspace.visits.get(str(row["visit_id"]), include_deleted=True).school_id
            if not school_id:
                return ""
            school = workspace.schools.get(str(school_id))
        except QualitySchoolError:
            return ""
        return f"{s.SCHOOL_WORD} {shown(school.code)} {school.name}"  # the code as the school list writes it

    def _plan_school(self, plan_id: str) -> str | None:
        """The school of the plan ``plan_id``: here, else as its own waiting change sent it."""
        try:
            return self._workspace().plans.get(plan_id).school_id
        except QualitySchoolError:
            sent = next((c.row for c in self.changes if c.table == "plans" and c.record_id == plan_id), None)
            return str(sent["school_id"]) if sent and sent.get("school_id") else None

    def _record_words(self, change: PendingChange) -> str:
        """:func:`record_name` of the record as it is here (:func:`record_here`: try10 F4); an
        office's budget decision as its detail says it (B6)."""
        if is_budget_decision(change.table, change.current):
            return budget_said(self._workspace(), change.row)
        return record_name(self._workspace(), change.table, change.current or change.row)

    def name_of(self, change: PendingChange) -> str:
        """The list's name of ``change`` (:func:`told_apart`: an id only where two are the same)."""
        return self._names.get(change.id) or self._record_words(change)

    def selected(self) -> PendingChange | None:
        row = self.list.currentRow()
        return self.changes[row] if 0 <= row < len(self.changes) else None

    def select(self, pending_id: str) -> None:
        row = next(i for i, change in enumerate(self.changes) if change.id == pending_id)
        self.list.setCurrentCell(row, COL_WHAT)

    def _show_selected(self) -> None:
        change = self.selected()
        # The header's advice fits the change: an office's decision waits for the office's key (s33 exC T2).
        office = (change.table in OFFICE_TABLES if change is not None
                  else bool(self.changes) and all(c.table in OFFICE_TABLES for c in self.changes))
        if office:  # the kind of the selected decision, else the kinds waiting (s34 exw34 T4)
            kinds = {change.table: 1} if change is not None else {c.table: 1 for c in self.changes}
            what = (o.PENDING_THIS if change is not None else o.PENDING_THESE).format(kinds=office_kinds(kinds))
            self.explain.setText(o.PENDING_EXPLAIN_OFFICE.format(what=what))
        else:
            self.explain.setText(s.PENDING_EXPLAIN)
        # A read-only database: the change can be read, not decided (a decision could not be saved).
        waiting = change is not None and not change.decision and not self._workspace().read_only
        self.accept_button.setEnabled(waiting and change is not None and not change.refusal)
        self.reject_button.setEnabled(waiting)
        if change is None:
            for label in (self.title, self.sender_name, self.sender_key, self.reason, self.source):
                label.clear()
            self.versions.clear()
            return
        self.title.setText(self.name_of(change).replace("\n", " · "))
        self.sender_name.setText(approver_words(change.table, change.sender, change.signer_name, s.UNNAMED_SENDER))
        self.sender_key.setText(fingerprint_line(groups(change.signer_fingerprint)))
        self.sender_key.setMinimumWidth(self.sender_key.sizeHint().width())  # read out whole, never cut
        self.sender_key.setToolTip(change.signer_fingerprint)
        reason = why_waiting(change)
        if change.decision:
            reason += f"  ({s.DECISIONS.get(change.decision, change.decision)} {format_when(change.decided_at)})"
        self.reason.setText(reason)
        self.source.setText(s.FROM_FILE_TEXT.format(file=change.source_file, when=format_when(change.received_at)))
        # What accepting makes (the fields the sender changed, onto the record here), else as sent.
        after, title = ((change.proposed, s.AFTER_ACCEPT)
                        if change.proposed is not None and change.current is not None and not change.decision
                        else (change.row, s.SENT_VERSION))
        if is_verdict(change.table, change.current):  # the office's verdict on a round here (s33 exC T1)
            rows, title = verdict_rows(self._workspace(), change.row), o.VERDICT_RECEIVED
        elif is_budget_decision(change.table, change.current):  # the office's budget decision (s34 exw34 T3)
            rows, title = budget_rows(self._workspace(), change.row), b.BUDGET_RECEIVED
        else:
            rows = field_rows(self._workspace(), change.table, change.current, after)
        self.versions.show_rows(rows, version_heading(s.CURRENT_VERSION, "", change.current),
                                version_heading(title, approver_words(  # the computer's name in ผู้ส่ง above (D2)
                                    change.table, change.sender, change.signer_name, "",
                                    machine=not is_budget_decision(change.table, change.current)), change.row))

    # -- deciding ------------------------------------------------------------------------------
    def accept_selected(self) -> None:
        self._ask(True)

    def reject_selected(self) -> None:
        self._ask(False)

    def _ask(self, accept: bool) -> None:
        change = self.selected()
        if change is None or change.decision or (accept and change.refusal):
            return  # decided, or not this laptop's to accept (the reason line says why)
        name = sender_words(change.sender, change.signer_name, s.UNNAMED_SENDER)
        if accept:
            question = s.ACCEPT_QUESTION.format(what=self.name_of(change), name=name,
                                                groups=groups(change.signer_fingerprint))
            self.question = ask(self, s.ACCEPT_TITLE, question, s.ACCEPT, partial(self._decide, change, True))
        else:
            question = s.REJECT_QUESTION.format(what=self.name_of(change), name=name)
            from qualityschool_desktop.exchange.pending import RECORDED_BY  # loaded by the list already

            if any(table == change.table for table, _column in RECORDED_BY.values()):
                question += s.REJECT_WITH_HISTORY  # its history of the same edit goes with it (RETEST31 R2)
            if change.reason == "not_owner":  # what a later binding of the sender's key does (retest30 N1)
                question += s.REJECT_UNLESS_BOUND
            self.question = ask(self, s.REJECT_TITLE, question, s.REJECT, partial(self._decide, change, False))

    def _decide(self, change: PendingChange, accept: bool) -> None:
        workspace = self._workspace()
        action = partial(self.api.accept_pending if accept else self.api.reject_pending, workspace, change.id)
        template = (s.ACCEPTED if accept else s.REJECTED).format(what=braces(self.name_of(change)), time="{time}")
        notice = Changes(pending=True) | (Changes.from_tables([change.table]) if accept else Changes())
        # The notice makes the pages showing the record re-read it, and this list too.
        self._saver.run(action, key=("decide", change.id), saved=template,
                        on_saved=lambda _result: self.ops.publish(notice))


def record_here(change: PendingChange) -> str:
    """Which record a change is about, as it is here (its code, round, name here): a change that
    renames a school or moves a round is not labelled with the sender's values (try10 F4); a
    record new here by what was sent."""
    return described(change.table, change.current or change.row)


def why_waiting(change: PendingChange) -> str:
    """The reason line: why the change waits, and, when this laptop may not accept it (not the
    record's owner here, ``PendingChange.refusal``), why "ยอมรับ" is off."""
    reason = f"{change.reason_text}\n{s.CANNOT_ACCEPT_HERE} {change.refusal}" if change.refusal else change.reason_text
    return reason + ("\n" + s.OWN_VERSION_MISSING if change.own_version_missing else "")  # retest30 N6


def school_named(what: str, school: str) -> bool:
    """Does the description ``what`` name ``school`` already (a school's own record), whatever
    digits either writes its code in?"""
    from qualityschool_desktop.thai import arabic_digits

    return arabic_digits(school) in arabic_digits(what)
