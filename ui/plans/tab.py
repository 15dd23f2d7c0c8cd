"""The school's development plan (แผนพัฒนาคุณภาพการศึกษา, issue 14): the "แผนพัฒนา" tab of the
school page.

Goals per component with the items they mean to raise (picked from the suggestions: the weakest
items of the latest submitted round and the latest final visit's recommendations), indicators with
unit, baseline, a target and an actual per BE year and who is responsible, activities with owner,
dates (BE), budget in figures and in words, and status; a progress column for goals and indicators.
Every cell is saved when its edit ends, through ``workspace.plans`` (the core's one write path),
with the honest save state of ``ui/common/save_state.py``: a refused edit keeps what was typed in
its cell, marked, and the line says why. Where this laptop does not own the school nothing is
editable and the hint says "แก้ไขได้ที่เครื่องของโรงเรียน".
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QPushButton,
    QScrollArea, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.plans.progress import PlanProgress, Suggestion, latest_submitted, plan_progress, suggestions
from qualityschool_desktop.plans.rules import STATUSES
from qualityschool_desktop.plans.store import Plan, PlanParts
from qualityschool_desktop.workspace import Workspace
from ui.common.after_edit import AfterEdit
from ui.common.columns import fit_columns
from ui.common.digits import follow, shown, shown_text
from ui.common.flow import FlowLayout, header_layout
from ui.common.edit_blocks import school_edit_block
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.shell.api import SchoolTab

from . import cells, filling, indicator_columns
from . import strings as text
from .fit import ShortContent, ShortWindowFit
from . import plan_commands
from .plan_commands import done
from .edits import (
    A_BUDGET, A_END, A_NAME, A_OWNER, A_START, A_STATUS, A_WORDS, G_COMPONENT, G_ITEMS, G_LEVEL, G_NAME, G_PROGRESS, TABLES,
    cell_of, edit_of, stored_of,
)
from .tables import PartTable, YearSpin, lock_plan



class PlanPanel(SchoolTab):
    """The plan of the school shown (the newest, or the one picked); edits saved as they end."""

    print_requested = Signal(str)  # plan id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 publish: Callable[[Changes], None] | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school_id: str | None = None
        self.plans: list[Plan] = []
        self.parts: PlanParts | None = None
        self.progress: PlanProgress | None = None
        self.offered: list[Suggestion] = []
        self.removed: tuple[str, str, str] | None = None  # (table, id, name) of the last removal
        self._block = ""
        self._filling = False
        self._build(publish)
        follow(self._restyle)  # the digit style changed: every number again in the new one

    def _restyle(self) -> None:
        self.title_edit.setPlaceholderText(shown_text(text.PLAN_TITLE_PLACEHOLDER))
        for spin in (self.first_year, self.last_year):
            spin.lineEdit().setText(spin.textFromValue(spin.value()))
        self.refresh()

    # -- building ----------------------------------------------------------------------------
    def _button(self, label: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(label, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build(self, publish: Callable[[Changes], None] | None) -> None:
        self.plan_pick = QComboBox(self)
        self.plan_pick.setAccessibleName(text.PLAN_PICK)
        self.plan_pick.activated.connect(lambda index: self._show_plan(self.plan_pick.itemData(index)))
        self.new_button = self._button(text.NEW_PLAN, text.NEW_PLAN_TIP, self.new_plan)
        self.remove_plan_button = self._button(text.REMOVE_PLAN, text.REMOVE_PLAN_TIP,
                                               lambda: plan_commands.remove_plan(self))
        self.plan_undo_button = self._button(text.UNDO, "", lambda: plan_commands.undo_remove_plan(self))
        self.plan_undo_button.hide()
        self.history_button = self._button(text.HISTORY, text.HISTORY_TIP, self.show_history)
        self.print_button = self._button(text.PRINT, text.PRINT_TIP, self._print)
        self.print_button.setObjectName("primaryButton")
        self.print_with(self.print_button)  # แฟ้ม › พิมพ์รายงาน (Ctrl+P) too
        self.hint = QLabel(text.HINT, self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(shown_text(text.PLAN_TITLE_PLACEHOLDER))
        self.title_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("แผนพัฒนาคุณภาพ"))
        self.title_edit.setAccessibleName(text.PLAN_TITLE)
        self.title_edit.editingFinished.connect(self._title_edited)
        self.first_year = YearSpin(self)
        self.last_year = YearSpin(self)
        for spin, label in ((self.first_year, text.FIRST_YEAR), (self.last_year, text.LAST_YEAR)):
            spin.setRange(2500, 2700)
            spin.setAccessibleName(label)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _value: self._years_edited())
        self.base_label = QLabel(self)
        self.base_label.setObjectName("hint")
        self.plan_fields = QWidget(self)
        plan_row = QHBoxLayout(self.plan_fields)
        plan_row.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((text.PLAN_TITLE, self.title_edit), (text.FIRST_YEAR, self.first_year),
                              (text.LAST_YEAR, self.last_year)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            plan_row.addWidget(caption)
            plan_row.addWidget(widget, 1 if widget is self.title_edit else 0)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("hint")

        self.goals = PartTable(text.GOAL_HEADERS, "planGoals", self)
        self.indicators = PartTable((), "planIndicators", self)
        self.activities = PartTable(text.ACTIVITY_HEADERS, "planActivities", self)
        indicator_columns.prepare(self.indicators)
        for table in (self.goals, self.indicators, self.activities):
            table.itemChanged.connect(self._cell_edited)
            table.remove_requested.connect(self.remove_selected)
        framework = self.workspace.frameworks.latest()
        self.component_choices = cells.ChoiceDelegate([(c.code, cells.component_text(framework, c.code))
                                                       for c in framework.components], self.goals)
        self.level_choices = cells.ChoiceDelegate(
            [(None, text.LEVEL_DEFAULT), *((lv.value, cells.level_text(framework, lv.value))
                                           for lv in sorted(framework.levels, key=lambda lv: lv.value))], self.goals)
        self.goals.setItemDelegateForColumn(G_COMPONENT, self.component_choices)
        self.goals.setItemDelegateForColumn(G_LEVEL, self.level_choices)
        self.status_choices = cells.ChoiceDelegate(list(STATUSES.items()), self.activities)
        self.activities.setItemDelegateForColumn(A_STATUS, self.status_choices)
        # Narrowed in proportion in a narrow window (125 %: "ความก้าวหน้า" ran past the list's edge).
        self._goal_columns = fit_columns(self.goals, G_NAME, {G_COMPONENT: 200, G_ITEMS: 170, G_LEVEL: 120,
                                                              G_PROGRESS: 320}, stretch_min=120)
        self.activities.horizontalHeader().setSectionResizeMode(A_NAME, QHeaderView.ResizeMode.Stretch)
        wide = self.activities.fontMetrics().horizontalAdvance
        for column, width in ((A_OWNER, 150), (A_START, wide("๓๐ พ.ย. ๒๕๖๙") + 32), (A_END, wide("๓๐ พ.ย. ๒๕๖๙") + 32),
                              (A_BUDGET, wide(text.ACTIVITY_HEADERS[A_BUDGET]) + 32), (A_WORDS, 250),
                              (A_STATUS, wide(STATUSES["doing"]) + 32)):
            self.activities.setColumnWidth(column, width)

        self.suggestion_list = QListWidget(self)
        self.suggestion_list.setObjectName("planSuggestions")
        self.suggestion_list.setAccessibleName(text.SUGGESTIONS)
        self.suggestion_list.setWordWrap(True)
        self.suggestion_list.setMinimumHeight(self.fontMetrics().height() * 3)
        self.suggestion_list.itemActivated.connect(lambda _item: self.pick_suggestion())
        self.pick_button = self._button(text.PICK, text.PICK_TIP, self.pick_suggestion)
        self.pick_new_button = self._button(text.PICK_NEW, text.PICK_NEW_TIP, lambda: self.pick_suggestion(new=True))
        suggestions_title = QLabel(text.SUGGESTIONS, self)
        suggestions_title.setObjectName("sectionTitle")
        suggestions_title.setBuddy(self.suggestion_list)
        suggestions_title.setToolTip(text.SUGGESTIONS_HINT)
        self.suggestion_list.setToolTip(text.SUGGESTIONS_HINT)
        side = QVBoxLayout()
        side.addWidget(suggestions_title)
        side.addWidget(self.suggestion_list, 1)
        picks = FlowLayout()
        picks.addWidget(self.pick_button)
        picks.addWidget(self.pick_new_button)
        side.addLayout(picks)

        self.add_buttons = {
            "plan_goals": self._button(text.ADD_GOAL, "", lambda: self.add_part("plan_goals")),
            "plan_indicators": self._button(text.ADD_INDICATOR, "", lambda: self.add_part("plan_indicators")),
            "plan_activities": self._button(text.ADD_ACTIVITY, "", lambda: self.add_part("plan_activities")),
        }
        self.total_label = QLabel(self)
        self.total_label.setObjectName("sectionTitle")
        self.total_label.setWordWrap(True)
        self.parts_tabs = QTabWidget(self)
        self.parts_tabs.setObjectName("planParts")
        goals_page = QWidget(self)
        goals_row = QHBoxLayout(goals_page)
        goals_row.setContentsMargins(0, 6, 0, 0)
        goals_column = QVBoxLayout()
        goals_column.addWidget(self.goals, 1)
        goals_column.addLayout(self._row_of(self.add_buttons["plan_goals"]))
        goals_row.addLayout(goals_column, 3)
        goals_row.addLayout(side, 1)
        self.parts_tabs.addTab(goals_page, text.PART_GOALS)
        for table, key, label, extra in ((self.indicators, "plan_indicators", text.PART_INDICATORS, None),
                                         (self.activities, "plan_activities", text.PART_ACTIVITIES, self.total_label)):
            page = QWidget(self)
            stack = QVBoxLayout(page)
            stack.setContentsMargins(0, 6, 0, 0)
            stack.addWidget(table, 1)
            if extra is not None:
                stack.addWidget(extra)
            stack.addLayout(self._row_of(self.add_buttons[key]))
            self.parts_tabs.addTab(page, label)
        self._parts_shown = 0  # the part's tab shown before a switch: asked before it is left
        self.parts_tabs.currentChanged.connect(self._parts_changed)

        self.empty_label = QLabel(text.NO_PLAN, self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.save_line = SaveStateLine("", self)
        self.message = self.save_line.label
        self._saver = Saver(self.save_line, self, publish=publish, changes=Changes(plans=True))
        self.remove_button = self._button(text.REMOVE, text.REMOVE_TIP, self.remove_selected)
        self.undo_button = self._button(text.UNDO, "", self.undo)
        self.undo_button.hide()
        for button in (self.undo_button, self.remove_button):
            button.setObjectName("cornerButton")  # app.qss: low enough for the tab bar's height
        corner = QWidget(self)
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 0, 2)
        corner_row.addWidget(self.undo_button)
        corner_row.addWidget(self.remove_button)
        self.parts_tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        # Lines that wrap where the window is narrow (display scaling at 150 %).
        top = header_layout([self.plan_pick], [self.new_button, self.remove_plan_button, self.plan_undo_button,
                                               self.history_button, self.print_button],
                            stretch=self.plan_fields)
        # Where the plan started, how far it got, and the save state of the last edit.
        status = FlowLayout(spacing=16, centred=True)
        status.addWidget(self.base_label)
        status.addWidget(self.progress_label)
        status.add_fill(self.save_line)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.parts_tabs, 1)
        # The tab scrolls on its own where the window is short (display scaling), so the school
        # page's other tabs keep their size.
        content = ShortContent(self, self.body)
        scroll = QScrollArea(self)
        scroll.setObjectName("planScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(status)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.empty_label, 1)
        undo = QShortcut(QKeySequence("Ctrl+Z"), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self.setFocusProxy(self.goals)
        # The plan read again after a save waits while a cell is open for typing (TEST34 T1).
        self._after_edit = AfterEdit(self, self.goals, self.indicators, self.activities)
        self.short_fit = ShortWindowFit(self, self.hint, self.parts_tabs, (self.save_line, status, corner_row),
                                        (self.base_label, self.progress_label))

    @staticmethod
    def _row_of(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # -- the school and its plans ------------------------------------------------------------
    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        if school_id != self.school_id:
            self.removed = None
            self.undo_button.hide()
            self.plan_undo_button.hide()
            self.parts = None
            self._saver.say("")
        self.school_id = school_id
        self._block = school_edit_block(self.workspace, school_id)
        self.refresh()

    def on_changes(self, school_id: str, changes: Changes) -> None:
        if changes.any_plans or changes.any_assessments or changes.any_visits:
            self._after_edit.run(self.refresh)

    def focus_list(self) -> None:
        self.goals.setFocus()

    def holds(self, record_id: str | None) -> bool:
        return any(plan.id == record_id for plan in self.plans)

    def refresh(self) -> None:
        """Read the school's plans again and show the one shown before (else the newest)."""
        if self.school_id is None:
            return
        self.plans = self._saver.read(lambda: self.workspace.plans.for_school(self.school_id or ""), [])
        keep = self.parts.plan.id if self.parts is not None else None
        chosen = next((p for p in self.plans if p.id == keep), self.plans[0] if self.plans else None)
        self.plan_pick.clear()
        for plan in self.plans:
            self.plan_pick.addItem(shown(text.PLAN_SPAN.format(span=plan.span_text)), plan.id)
        self.plan_pick.setVisible(len(self.plans) > 1)
        self._show_plan(chosen.id if chosen else None)

    def _show_plan(self, plan_id: str | None) -> None:
        plans = self.workspace.plans
        self.parts = self._saver.read(lambda: plans.parts(plan_id), None) if plan_id else None
        self.progress = self._saver.read(lambda: plan_progress(self.workspace, plan_id), None) if plan_id else None
        self.offered = self._saver.read(lambda: suggestions(self.workspace, self.school_id or ""), [])
        self.body.setVisible(self.parts is not None)
        self.plan_fields.setVisible(self.parts is not None)
        if self.parts is None:
            self.base_label.clear()
            self.progress_label.clear()
        self.empty_label.setVisible(self.parts is None)
        self._filling = True
        try:
            if self.parts is not None:
                self.plan_pick.setCurrentIndex(max(self.plan_pick.findData(self.parts.plan.id), 0))
                filling.fill_plan(self, self.parts)
        finally:
            self._filling = False
        self._show_held()
        self._shut_if_blocked()

    def _show_held(self) -> None:
        """Cells the core refused stay as typed, marked, with why: a refill (after another cell
        was stored) reads the database, which does not have them."""
        if self.parts is None:
            return
        tables = dict(zip(TABLES, (self.goals, self.indicators, self.activities)))
        self._filling = True
        try:
            for key in self._saver.waiting_keys():
                found, error, typed = cell_of(self.parts, key), self._saver.error_for(key), self._saver.waiting_value(key)
                if found is not None and error is not None and isinstance(typed, str):
                    tables[found[0]].show_refused(found[1], found[2], typed, shown_text(error))
                    if found[0] == "plan_activities" and found[2] == A_BUDGET:
                        # Not the stored amount's words beside the refused figure (TEST34 T3).
                        self.activities.show_refused(found[1], A_WORDS, text.WORDS_WAITING, shown_text(error))
                elif key == ("plans", self.parts.plan.id, "title") and isinstance(typed, str):
                    self.title_edit.setText(typed)
        finally:
            self._filling = False

    def confirm_leave(self) -> bool:
        """Before the school page is left: a refused cell is not dropped without a word."""
        return self._saver.confirm_leave(self)

    def _parts_changed(self, index: int) -> None:
        """A part's tab holding a refused cell is left as the school's tab is: asked first, and
        staying brings it back (TEST34B B11: the refused cell went out of sight without a word)."""
        left = self._parts_shown
        held = {key[0] for key in self._saver.waiting_keys() if isinstance(key, tuple) and key}
        if 0 <= left < len(TABLES) and left != index and TABLES[left] in held and not self.confirm_leave():
            blocker = QSignalBlocker(self.parts_tabs)
            self.parts_tabs.setCurrentIndex(left)
            del blocker
            return
        self._parts_shown = index

    def _shut_if_blocked(self) -> None:
        """Shut every edit, with the reason as the hint, where this laptop may not change the plan."""
        editable = not self._block
        for widget in (self.new_button, self.pick_button, self.pick_new_button, self.remove_button,
                       *self.add_buttons.values()):
            widget.setEnabled(editable)
        lock_plan(editable, (self.goals, self.indicators, self.activities), (self.title_edit, self.first_year, self.last_year))
        self.title_edit.setReadOnly(not editable)
        # The school page says the whole of why above the tabs: one line here.
        short = text.OWNED_ELSEWHERE if self._block.startswith(text.OWNED_MARK) else self._block
        self.hint.setText(short or text.HINT)
        self.hint.setToolTip(self._block)
        has_plan = self.parts is not None
        self.print_button.setEnabled(has_plan)
        self.history_button.setEnabled(has_plan)
        self.remove_plan_button.setEnabled(has_plan and editable)

    def hint_text(self) -> str:
        """The line under the heading: how to use the tab, or why it cannot be edited here."""
        return self.hint.text()

    # -- saving ------------------------------------------------------------------------------
    def _save(self, key: Any, action: Callable[[], Any], value: Any = None) -> None:
        # A refused cell keeps what was typed (held by the saver until a related cell makes it
        # valid, e.g. the end date of its start); let go, the stored value comes back.
        self._saver.run(action, key=key, typed=True, value=value, on_saved=lambda _result: self._after_edit.run(self.refresh),
                        on_failed=lambda _error: self._show_held(), on_dropped=self.refresh,
                        stored=lambda result: stored_of(key, result))

    def _title_edited(self) -> None:
        if self.parts is None or self._block or self.title_edit.text() == self.parts.plan.title:
            return
        plan_id, title = self.parts.plan.id, self.title_edit.text()
        self._save(("plans", plan_id, "title"), lambda: self.workspace.plans.update_plan(plan_id, title=title),
                   value=title)

    def _years_edited(self) -> None:
        if self.parts is None or self._block or self._filling:
            return
        plan_id, first, last = self.parts.plan.id, self.first_year.value(), self.last_year.value()
        self._save(("plans", plan_id, "years"),
                   lambda: self.workspace.plans.update_plan(plan_id, first_year=first, last_year=last))

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self.parts is None or self._block:
            return
        table = item.tableWidget()
        kind = TABLES[(self.goals, self.indicators, self.activities).index(table)] if isinstance(table, PartTable) \
            else ""
        found = edit_of(self.workspace.plans, self.parts, kind, item)
        if found is not None:
            self._save(found[0], found[1], item.text())

    # -- commands ----------------------------------------------------------------------------
    def new_plan(self) -> None:
        """A plan for the next fiscal year, or the school's plan of it (:func:`.plan_commands.new_plan`)."""
        plan_commands.new_plan(self)

    def add_part(self, table: str, component: str | None = None, name: str | None = None,
                 items: tuple[str, ...] = ()) -> str | None:
        """Add a goal, indicator or activity with a name to type over; the new row's name cell is
        opened for typing. Returns its id (None when refused)."""
        if self.parts is None or self._block:
            return None
        plans, plan_id = self.workspace.plans, self.parts.plan.id
        adders: dict[str, Callable[[], Any]] = {
            "plan_goals": lambda: plans.add_goal(plan_id, component or self._component_for_new_goal(),
                                                 name or text.NEW_GOAL_NAME, items),
            "plan_indicators": lambda: plans.add_indicator(plan_id, text.NEW_INDICATOR_NAME),
            "plan_activities": lambda: plans.add_activity(plan_id, text.NEW_ACTIVITY_NAME),
        }
        made = self._saver.run(adders[table])
        if made is None:
            return None
        self.refresh()
        target = {"plan_goals": (self.goals, G_NAME), "plan_indicators": (self.indicators, 0),
                  "plan_activities": (self.activities, A_NAME)}[table]
        self.parts_tabs.setCurrentIndex(TABLES.index(table))
        target[0].select_id(made.id)
        target[0].setFocus()
        opened = target[0].item(target[0].currentRow(), target[1])
        if name is None and opened is not None:
            target[0].editItem(opened)
        return str(made.id)

    def _component_for_new_goal(self) -> str:
        row = self.suggestion_list.currentRow()
        if 0 <= row < len(self.offered):
            return self.offered[row].component_code.split(".")[0]
        return "1"

    def pick_suggestion(self, *, new: bool = False) -> None:
        """Add the suggested item to the goal selected (a new goal of its component when none is
        selected, or with ``new``); a recommendation on a whole component makes a goal of it."""
        row = self.suggestion_list.currentRow()
        if self.parts is None or self._block or not 0 <= row < len(self.offered):
            return
        offer = self.offered[row]
        whole_component = offer.item_code == offer.component_code
        goal_id = None if new or whole_component else self.goals.selected_id()
        goal = self.parts.goal_by_id.get(goal_id or "")
        if goal is None:
            self.add_part("plan_goals", offer.component_code, offer.title,
                          () if whole_component else (offer.item_code,))
            return
        codes = (*goal.item_codes, offer.item_code)
        self._saver.run(lambda: self.workspace.plans.update_part("plan_goals", goal.id, item_codes=codes),
                        saved=shown(text.PICKED.format(code=offer.item_code)))
        self.refresh()
        self.goals.select_id(goal.id)

    def _current(self) -> tuple[str, PartTable]:
        table = TABLES[self.parts_tabs.currentIndex()]
        return table, (self.goals, self.indicators, self.activities)[self.parts_tabs.currentIndex()]

    def remove_selected(self) -> None:
        table, widget = self._current()
        record_id = widget.selected_id()
        if record_id is None or self._block:
            return
        name = widget.text_at(widget.currentRow(), 1 if table == "plan_goals" else 0)
        if self._saver.run(done(lambda: self.workspace.plans.remove(table, record_id)),
                           saved=text.REMOVED.format(name=name)) is not None:
            self.removed = (table, record_id, name)
            self.undo_button.show()
            self.plan_undo_button.hide()
            self.refresh()

    def undo(self) -> None:
        if self.removed is None or self._block:
            return
        table, record_id, name = self.removed
        if table == "plans":
            return plan_commands.undo_remove_plan(self)
        if self._saver.run(done(lambda: self.workspace.plans.restore(table, record_id)),
                           saved=text.RESTORED.format(name=name)) is not None:
            self.removed = None
            self.undo_button.hide()
            self.refresh()

    def show_history(self) -> None:
        """The edit history of the selected row of the part shown, else of the plan."""
        if self.parts is None:
            return
        from .history_dialog import PlanHistoryDialog

        table, widget = self._current()
        record_id = widget.selected_id()
        if record_id is None:
            table, record_id, kind, name = "plans", self.parts.plan.id, text.HISTORY_PLAN, self.parts.plan.title
        else:
            kind = self.parts_tabs.tabText(self.parts_tabs.currentIndex())
            name = widget.text_at(widget.currentRow(), 1 if table == "plan_goals" else 0)
        dialog = PlanHistoryDialog(self.workspace, table, record_id, f"{kind}: {name}",
                                   {g.id: g.name for g in self.parts.goals}, self)
        dialog.open()
        self.history_dialog = dialog

    def _print(self) -> None:
        if self.parts is not None:
            self.print_requested.emit(self.parts.plan.id)

    def flush(self) -> None:
        """End an edit in progress (before printing)."""
        focused = self.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
