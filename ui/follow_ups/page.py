"""The follow-up list across all schools: what is overdue, what is due this week, by school and by
supervisor. A supervisor works through it between visits, marking actions done or dropped.

Everything comes from ``workspace.follow_ups.across_schools``; this page groups, filters and lays it
out, and changes a status through ``set_status`` (saved at once, with one step of undo).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.follow_ups import BUCKETS, STATUSES, DueItem, FollowUp
from qualityschool_desktop.thai import arabic_digits
from ui.common.columns import keep_rows_in_view
from ui.common.digits import shown as digits_shown
from ui.common.digits import shown_text
from qualityschool_desktop.workspace import Workspace
from qualityschool_desktop.visit_owners import owned_elsewhere
from qualityschool_desktop.exchange.editors import editor_names
from ui.common.comments_panel import REPLY, CommentsPanel
from ui.common.due_visits import DueVisitsLabel
from ui.common.flow import FlowLayout, header_layout
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver

from . import strings as text
from .comments_place import CommentsInPlace
from .fit import PageParts, ShortPageFit
from .listing import ListFiller, answered_mark
from .rows import (
    BUCKET_COLOURS, BUCKET_ORDER, BUCKET_ROLE, COL_ACTION, COL_DUE, COL_OWNER, COL_SCHOOL, COL_SCOPE, COL_STATUS,
    COL_SUPERVISOR, COL_VISITED, ID_ROLE, SAMPLE_DATE, SAMPLE_DUE, SAMPLE_SCOPE, SAMPLE_STATUS, THAI_ORDER,
    FollowUpTree, StatusChange,
)


class FollowUpsPage(QWidget):
    """Every follow-up of every school, most urgent first, with its status buttons."""

    answered_mark = staticmethod(answered_mark)  # what leads the action of an answered follow-up
    open_visit = Signal(str)  # visit id
    open_school = Signal(str)  # school id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, today: date | None = None, *,
                 notifier: Any = None) -> None:  # the window's ChangeNotifier (ui.common.ops)
        super().__init__(parent)
        self.workspace = workspace
        self._notifier = notifier
        if notifier is not None:
            notifier.changed.connect(self.on_changes)
        self._fixed_today = today
        self._items: list[DueItem] = []
        self._bucket_filter: str | None = None
        self._last_change: StatusChange | None = None
        self._loaded = False
        self.setObjectName("followUpsPage")
        self._build()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Shown before anyone asked for a refresh: fill it rather than show an empty list.
        if not self._loaded:
            self.refresh()
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def _order_tabs(self) -> None:
        """Tab in reading order, the link after the list where a short window puts it (TEST34B B14)."""
        layout = self.layout()
        below = layout is not None and layout.indexOf(self.due_visits) > layout.indexOf(self.tree)
        chain: list[QWidget] = [*self.chips.values(), self.comments_in_place.button, self.short_fit.toggle, self.school_filter,
                                self.supervisor_filter, self.show_closed, self.done_button, self.drop_button,
                                self.reopen_button, self.undo_button, self.open_school_button,
                                self.open_visit_button, self.tree, self.comments.list, self.comments.box]
        chain.insert(chain.index(self.comments.list) if below else 0, self.due_visits)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802,A002 (Qt's names)
        self._order_tabs()  # as the page is laid out now (fit.py moves the link in a short window)
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        """Whoever focuses the page lands in the list (a focus proxy kept Tab from the chips: B14)."""
        self.tree.setFocus(event.reason())

    def on_changes(self, changes: Changes) -> None:  # re-read only while shown: showing reads anyway
        if self._loaded and self.isVisible() and (changes.any_follow_ups or changes.any_visits or changes.any_schools
                                                  or changes.any_comments):
            self.refresh()

    @property
    def today(self) -> date:
        # Read afresh each refresh: a window left open overnight moves items into "overdue".
        return self._fixed_today or date.today()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(text.TITLE)
        title.setObjectName("pageTitle")
        subtitle = QLabel(text.SUBTITLE)
        subtitle.setObjectName("hint")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(subtitle, 1, Qt.AlignmentFlag.AlignBottom)
        self.due_visits = DueVisitsLabel()  # issue 15: schools due for a visit this term
        # Both hints wrap rather than make the page wider than a laptop at 125 or 150 %.
        subtitle.setWordWrap(True)
        self.due_visits.setWordWrap(True)

        chips = QHBoxLayout()
        chips.setSpacing(8)
        # The chips wrap onto a second line where they do not fit beside the buttons ending their
        # row (at 150 % with ปิดแล้ว shown the page grew wider than the window: fit35).
        chip_box = QWidget()
        chip_flow = FlowLayout(chip_box, spacing=8, line_spacing=6)
        self.chips: dict[str, QPushButton] = {}
        for bucket in BUCKET_ORDER:
            chip = QPushButton()
            chip.setCheckable(True)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            fg, bg = BUCKET_COLOURS[bucket]
            chip.setStyleSheet(
                f"QPushButton {{ color: {fg}; background: {bg}; border: 1px solid {bg}; border-radius: 14px;"
                f" padding: 4px 11px; font-weight: bold; }}"  # 14 px left no room for ความเห็น at 150 %
                f" QPushButton:checked {{ border: 2px solid {fg}; }}"
                f" QPushButton:focus {{ border: 2px solid #1565c0; }}"
            )
            chip.clicked.connect(lambda _checked=False, b=bucket: self._toggle_bucket(b))
            chip_flow.addWidget(chip)
            self.chips[bucket] = chip
        chips.addWidget(chip_box, 1)

        self.school_filter = QComboBox()
        self.school_filter.setMinimumWidth(240)
        self.school_filter.setAccessibleName(text.SCHOOL_FILTER)
        self.supervisor_filter = QComboBox()
        self.supervisor_filter.setMinimumWidth(200)
        self.supervisor_filter.setAccessibleName(text.SUPERVISOR_FILTER)
        self.show_closed = QCheckBox(text.SHOW_CLOSED)
        school_label = QLabel(text.SCHOOL_FILTER)
        school_label.setBuddy(self.school_filter)
        supervisor_label = QLabel(text.SUPERVISOR_FILTER)
        supervisor_label.setBuddy(self.supervisor_filter)
        self.filters_row = QWidget()  # folds behind a button in a short window (fit.py)
        filters = QHBoxLayout(self.filters_row)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(school_label)
        filters.addWidget(self.school_filter)
        filters.addSpacing(16)
        filters.addWidget(supervisor_label)
        filters.addWidget(self.supervisor_filter)
        filters.addSpacing(16)
        filters.addWidget(self.show_closed)
        filters.addStretch(1)
        self.school_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.supervisor_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.show_closed.toggled.connect(lambda _on: self.refresh())

        self.tree = FollowUpTree()
        self.tree.setColumnCount(len(text.HEADERS))
        self.tree.setHeaderLabels(list(text.HEADERS))
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        # Dates, codes and statuses get the width their longest usual text needs, measured in the
        # font in use; names get fixed shares and the action takes what is left. In a narrow
        # window some give way to the action (FollowUpTree.fit_columns, TEST31b U10).
        metrics = self.tree.fontMetrics()
        self.tree.preferred = {
            COL_DUE: metrics.horizontalAdvance(SAMPLE_DUE) + self.tree.indentation() + 20,
            COL_OWNER: 118, COL_SCHOOL: 172, COL_SUPERVISOR: 128,
            COL_VISITED: metrics.horizontalAdvance(SAMPLE_DATE) + 20,
            COL_SCOPE: metrics.horizontalAdvance(SAMPLE_SCOPE) + 20,
            COL_STATUS: metrics.horizontalAdvance(SAMPLE_STATUS) + 20,
        }
        for column, width in self.tree.preferred.items():
            self.tree.setColumnWidth(column, width)
        # Thai needs room above and below the line for its vowels and tone marks.
        self._row_height = self.tree.fontMetrics().height() + 4  # +8 left six rows out of sight at 150 % (ui34)
        self.tree.setSortingEnabled(True)
        self._rows_filler = ListFiller(self.workspace, self.tree, self._row_height)
        self.tree.open_requested.connect(self._open_visit)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._open_visit() if item.parent() else None)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        # A mouse press makes the row current before it is selected (TEST34C C1): follow both.
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMinimumHeight(120)
        self.empty_label.hide()

        self.done_button = self._button(text.MARK_DONE, text.MARK_DONE_TIP, lambda: self._set_status("done"))
        self.drop_button = self._button(text.MARK_DROPPED, text.MARK_DROPPED_TIP, lambda: self._set_status("dropped"))
        self.reopen_button = self._button(text.REOPEN, text.REOPEN_TIP, lambda: self._set_status("open"))
        self.open_visit_button = self._button(text.OPEN_VISIT, text.OPEN_VISIT_TIP, self._open_visit)
        self.open_visit_button.setObjectName("primaryButton")
        self.open_school_button = self._button(text.OPEN_SCHOOL, "", self._open_school)

        # What the last change did, or why it is not saved yet (with "ลองอีกครั้ง").
        self.save_line = SaveStateLine("", self)
        self.message = self.save_line.label
        # A status changed here is announced (a school's visits tab counts the open ones).
        self._saver = Saver(self.save_line, self, publish=self._notifier.publish if self._notifier else None,
                            changes=Changes(follow_ups=True))
        self.undo_button = self._button(text.UNDO, text.UNDO_TIP, self.undo)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        # One row for the status buttons, what the last change did and the ways out: a row of its
        # own cut the buttons by the window's bottom edge at 1366×768 (TEST31 T6).
        # At 150 % the buttons after the save line wrap onto a second line (ui/common/flow.py).
        footer = header_layout([self.done_button, self.drop_button, self.reopen_button],
                               [self.undo_button, self.open_school_button, self.open_visit_button],
                               stretch=self.save_line)
        # How many are shown ends the chips' row: the buttons' row then fits one line at 125 %.
        chips.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 8)  # tighter than other pages: its buttons fit 1366×768 (TEST31 T6)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.due_visits)  # its own row: it names schools now (F10), beside the title it squeezed it
        layout.addLayout(chips)
        layout.addWidget(self.filters_row)
        # The status buttons above the list, not under it and the answers: at 125 % they were
        # below the fold of a 1366×768 laptop, the page scrolled to them (s32 U10).
        layout.addLayout(footer)
        # Whole rows at 150 %: the page scrolls (try11b F15). One line a row (the rows do not wrap):
        # two left no room for the action buttons at 1366×768 (TEST31 T6).
        # Six rows at least (VERIFY32b: at 150 % it showed about three, the page's other parts
        # took the height): the answers below then come by scrolling the page.
        keep_rows_in_view(self.tree, rows=6, lines=1)
        layout.addWidget(self.tree, 1)
        # At 125 and 150 % the page gives that height to the list's rows (ui34 #1).
        self.short_fit = ShortPageFit(self, PageParts(
            layout=layout, heading=(title, subtitle), due=self.due_visits, chips=chips, count=self.count_label,
            filters=self.filters_row, combos=(self.school_filter, self.supervisor_filter), closed=self.show_closed,
            tree=self.tree, row_height=self._row_height, save_line=self.save_line))
        # Tab from outside the page (ย้อนกลับ) follows the order as laid out, too (RETEST34 D5).
        self.short_fit.laid_out.connect(self._order_tabs)
        layout.addWidget(self.empty_label, 1)
        # The answers to the chosen follow-up (issue 10): the school answers here instead of
        # changing a follow-up that belongs to the visit's maker; the supervisor reads them here.
        self.comments = CommentsPanel(self, button=REPLY, installation_id=self.workspace.installation_id,
                                      publish=self._notifier.publish if self._notifier else None,
                                      names=partial(editor_names, self.workspace, digits_shown))
        # Its list, box and button whole (190 px cut the button's frame: it needs 198 with app.qss).
        self.comments.setFixedHeight(max(190, self.comments.minimumSizeHint().height()))
        layout.addWidget(self.comments)
        # At 125/150 % a button puts them in the list's place, no scrolling to find them (fit35).
        self.comments_in_place = CommentsInPlace(layout, chips, self.short_fit, self.tree, self.comments,
                                                 self._subject)

        for keys, slot in (("Ctrl+D", lambda: self._set_status("done")), ("Ctrl+Z", self.undo)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._order_tabs()
        self._update_buttons()
        self.undo_button.hide()

    def _button(self, label: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(label)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- data --------------------------------------------------------------------------------
    def refresh(self, select_id: str | None = None) -> None:
        """Reload from the core, keeping the filters and the selected follow-up."""
        keep = select_id or self.selected_follow_up_id()
        self._loaded = True
        self._items = self.workspace.follow_ups.across_schools(self.today, include_closed=self.show_closed.isChecked())
        self.due_visits.update_for(self.workspace, self.today)
        if not self.show_closed.isChecked() and self._bucket_filter == "closed":
            self._bucket_filter = None
        schools = {i.follow_up.school_id: i.school_name for i in self._items}
        self._fill_combo(
            self.school_filter, text.ALL_SCHOOLS,
            sorted(((name, school_id) for school_id, name in schools.items()), key=lambda e: THAI_ORDER.sortKey(e[0])),
        )
        supervisors = sorted({i.supervisor for i in self._items}, key=THAI_ORDER.sortKey)
        self._fill_combo(
            self.supervisor_filter, text.ALL_SUPERVISORS,
            [(name or text.NO_SUPERVISOR, name) for name in supervisors],
        )
        self._apply_filters(keep)

    @staticmethod
    def _fill_combo(combo: QComboBox, everyone: str, entries: list[tuple[str, str]]) -> None:
        """Replace the entries, keeping the chosen one if it is still there."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, None)
        for label, value in entries:
            combo.addItem(label, value)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _matches_filters(self, item: DueItem) -> bool:
        school_id = self.school_filter.currentData()
        supervisor = self.supervisor_filter.currentData()
        return (school_id is None or item.follow_up.school_id == school_id) and (
            supervisor is None or item.supervisor == supervisor
        )

    def _apply_filters(self, keep: str | None = None) -> None:
        keep = keep or self.selected_follow_up_id()
        today = self.today
        filtered = [i for i in self._items if self._matches_filters(i)]
        counts = {bucket: 0 for bucket in BUCKET_ORDER}
        for item in filtered:
            counts[item.bucket] += 1
        for bucket, chip in self.chips.items():
            chip.setText(text.CHIP.format(label=shown_text(BUCKETS[bucket]), count=digits_shown(counts[bucket])))
            chip.setToolTip(shown_text(text.CHIP_TIP.format(label=BUCKETS[bucket])))
            chip.setChecked(self._bucket_filter == bucket)
            chip.setVisible(bucket != "closed" or self.show_closed.isChecked())
        shown = [i for i in filtered if self._bucket_filter in (None, i.bucket)]

        # Without the closed ones every row would say "ยังไม่เสร็จ": give the room to the action.
        if self.tree.isColumnHidden(COL_STATUS) == self.show_closed.isChecked():
            self.tree.setColumnHidden(COL_STATUS, not self.show_closed.isChecked())
            self.tree.refit_columns()
        answered = self.workspace.comments.counts_for_follow_ups(i.follow_up.id for i in shown)
        self._rows_filler.fill(shown, counts, today, answered)

        if not self._items:
            anything_closed = not self.show_closed.isChecked() and bool(
                self.workspace.follow_ups.across_schools(today, include_closed=True)
            )
            self.empty_label.setText(text.EMPTY_ALL_CLOSED if anything_closed else text.EMPTY)
        else:
            self.empty_label.setText(text.NO_MATCH)
        self.empty_label.setVisible(not shown)
        self.comments_in_place.has_rows = bool(shown)
        self.comments_in_place.apply()
        self.count_label.setText(text.COUNT.format(shown=digits_shown(len(shown)),
                                                   total=digits_shown(len(self._items))))
        self.short_fit.name_filters()  # the count is its tooltip when short
        if keep is None or not self.select_follow_up(keep):
            self._select_first()
        self._update_buttons()

    # -- selection ---------------------------------------------------------------------------
    def _rows(self) -> list[QTreeWidgetItem]:
        rows: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is not None:
                rows.extend(child for c in range(group.childCount()) if (child := group.child(c)) is not None)
        return rows

    def selected_follow_up_id(self) -> str | None:
        current = self.tree.currentItem()
        if current is None or current.parent() is None or not current.isSelected():
            return None
        return str(current.data(0, ID_ROLE))

    def select_follow_up(self, follow_up_id: str) -> bool:
        for row in self._rows():
            if row.data(0, ID_ROLE) == follow_up_id:
                self.tree.setCurrentItem(row)
                row.setSelected(True)
                self.tree.scrollToItem(row)
                return True
        return False

    def _select_first(self) -> None:
        rows = self._rows()
        if rows:
            self.tree.setCurrentItem(rows[0])
            rows[0].setSelected(True)

    def _selected_item(self) -> DueItem | None:
        follow_up_id = self.selected_follow_up_id()
        return next((i for i in self._items if i.follow_up.id == follow_up_id), None)

    # -- what a user reads (for tests and accessibility) -------------------------------------
    def bucket_counts(self) -> dict[str, int]:
        """The count on each visible chip, as read off the chip."""
        return {
            bucket: int(arabic_digits(chip.text().rsplit(" ", 1)[-1]))
            for bucket, chip in self.chips.items() if chip.isVisibleTo(self)
        }

    def visible_rows(self) -> list[dict[str, str]]:
        """Each follow-up row as shown, keyed by the column headers, plus its bucket heading."""
        rows = []
        for row in self._rows():
            shown = {
                header: row.text(column)
                for column, header in enumerate(text.HEADERS) if not self.tree.isColumnHidden(column)
            }
            shown["กลุ่ม"] = BUCKETS[row.data(0, BUCKET_ROLE)]
            rows.append(shown)
        return rows

    # -- reactions ---------------------------------------------------------------------------
    def _toggle_bucket(self, bucket: str) -> None:
        self._bucket_filter = None if self._bucket_filter == bucket else bucket
        self._apply_filters()

    def _update_buttons(self) -> None:
        item = self._selected_item()
        writable = not self.workspace.read_only  # read-only: shut, rather than refused on each click
        is_open = item is not None and item.follow_up.status == "open"
        # A follow-up of a visit another laptop made is its maker's: answered, not closed, here.
        theirs = item is not None and self._made_elsewhere(item.follow_up.visit_id)
        self.done_button.setEnabled(is_open and writable and not theirs)
        self.drop_button.setEnabled(is_open and writable and not theirs)
        self.reopen_button.setEnabled(item is not None and not is_open and writable and not theirs)
        for button, tip in ((self.done_button, text.MARK_DONE_TIP), (self.drop_button, text.MARK_DROPPED_TIP),
                            (self.reopen_button, text.REOPEN_TIP)):
            button.setToolTip(text.ANSWER_INSTEAD if theirs else tip)
        if item is None:
            self.comments.show_for(None, None)
        else:
            follow_up_id = item.follow_up.id
            comments = self.workspace.comments
            self.comments.show_for(lambda: comments.for_follow_up(follow_up_id), None if not writable else (
                lambda body, name, role: comments.on_follow_up(follow_up_id, body, author_name=name, author_role=role)))
        self.open_visit_button.setEnabled(item is not None)
        self.open_school_button.setEnabled(item is not None)
        if hasattr(self, "comments_in_place"):  # made after the first call, in _build
            self.comments_in_place.name()

    def _subject(self) -> tuple[str, str] | None:
        """(action, school) of the chosen follow-up, named over its comments in a short window."""
        item = self._selected_item()
        return (item.follow_up.action, item.school_name) if item is not None else None

    def _made_elsewhere(self, visit_id: str) -> bool:
        try:
            return owned_elsewhere(self.workspace.db, self.workspace.installation_id, self.workspace.visits.get(visit_id))
        except QualitySchoolError:
            return False

    def _set_status(self, status: str) -> None:
        item = self._selected_item()
        if item is None or item.follow_up.status == status or self.workspace.read_only:
            return
        if self._made_elsewhere(item.follow_up.visit_id):  # Ctrl+D too: the maker closes it
            self._saver.say(text.ANSWER_INSTEAD, "#455a64")
            return
        # Move on to the next row afterwards, so a list can be worked through from the keyboard.
        ids = [str(row.data(0, ID_ROLE)) for row in self._rows()]
        position = ids.index(item.follow_up.id)
        following = ids[position + 1] if position + 1 < len(ids) else (ids[position - 1] if position else None)
        before = item.follow_up

        def saved(_follow_up: FollowUp) -> None:
            self._last_change = StatusChange(before, status)
            self._saver.say(text.CHANGED.format(action=before.action, status=STATUSES[status]))
            self.undo_button.show()
            still_listed = status == "open" or self.show_closed.isChecked()
            self.refresh(select_id=before.id if still_listed or following is None else following)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

        self._saver.run(lambda: self.workspace.follow_ups.set_status(before.id, status, on=self.today),
                        key=("status", before.id), quiet=True, on_saved=saved,
                        on_failed=lambda _error: self.refresh(select_id=before.id))  # as stored

    def undo(self) -> None:
        """Put back the status (and its closing date and visit) the last change replaced."""
        change = self._last_change
        if change is None:
            return
        before = change.before

        def restored(_follow_up: FollowUp) -> None:
            self._last_change = None
            self.undo_button.hide()
            self._saver.say(text.UNDONE.format(action=before.action, status=STATUSES[before.status]))
            self.refresh(select_id=before.id)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

        self._saver.run(
            lambda: self.workspace.follow_ups.set_status(
                before.id, before.status, in_visit_id=before.closed_in_visit_id,
                on=date.fromisoformat(before.closed_on) if before.closed_on else None,
            ),
            key=("status", before.id), quiet=True, on_saved=restored,
            on_failed=lambda _error: self.refresh(select_id=before.id),
        )

    def save_state(self) -> str:
        """The line under the list as the user reads it."""
        return self.save_line.text()

    def _open_visit(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.open_visit.emit(item.follow_up.visit_id)

    def _open_school(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.open_school.emit(item.follow_up.school_id)
