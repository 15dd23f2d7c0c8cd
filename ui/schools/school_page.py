"""One school: its profile, and below it the tabs the features contribute (its assessment rounds,
its supervision visits, its network schools, its timeline), in the order they ask for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.schools import LEVELS, School
from qualityschool_desktop.workspace import Workspace
from ui.common.digits import number, shown
from ui.common.edit_blocks import school_edit_block, shut_for, shut_if_read_only
from ui.shell.api import SchoolTab, SchoolTabSpec

from . import strings as text
from .tab_fit import SchoolPageFit

# The tabs holding a working list (their key) and the lists' attribute names (ui/schools/tab_fit.py).
WORKING = {"budget": ("table",), "plans": ("goals", "indicators", "activities")}


def profile_line(school: School) -> str:
    parts = [text.CODE.format(code=shown(school.code))]
    if school.district or school.province:
        parts.append(text.PLACE.format(district=school.district, province=school.province).strip())
    if school.area_office:
        parts.append(shown(school.area_office))  # "เขต 1" as stored, in the window's digits
    if school.level:
        parts.append(LEVELS.get(school.level, school.level))
    if school.pupils is not None:
        parts.append(text.PUPILS.format(pupils=number(school.pupils)))
    if school.teachers is not None:
        parts.append(text.TEACHERS.format(teachers=number(school.teachers)))
    return text.SEPARATOR.join(parts)




def _lists(names: tuple[str, ...]) -> Callable[[Any], list[Any]]:
    """A tab's working lists, by their attribute names."""
    return lambda tab: [getattr(tab, name) for name in names]


class _NameHeading(QLabel):
    """The school's name: asks for one line's width, and wraps when the window has less room
    (it never makes the page wider than the window)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(120, self.fontMetrics().height())


class SchoolPage(QWidget):
    """The profile card (asks its feature to edit the school) and the school's tabs, made from
    ``tabs`` (``ui/shell/api.py``: each feature's own, laid out by their order)."""

    edit_school = Signal(str)
    noticed = Signal(object)  # a tab's Notice, for the window's notice bar
    print_changed = Signal()  # the tab shown, or what it can print, changed (แฟ้ม › พิมพ์รายงาน)

    def __init__(self, workspace: Workspace, tabs: Sequence[SchoolTabSpec], parent: QWidget | None = None, *,
                 notifier: Any = None) -> None:
        """``notifier``: the window's ``ChangeNotifier`` (ui.common.ops); the school shown is re-read
        when its records change while the page is shown."""
        super().__init__(parent)
        self.workspace = workspace
        if notifier is not None:
            notifier.changed.connect(self.on_changes)
        self.school: School | None = None

        card = QFrame()
        card.setObjectName("profileCard")
        self.name_label = _NameHeading()
        self.name_label.setObjectName("pageTitle")
        # A real name runs to 100+ characters (royal patronage): it wraps rather than make the
        # page wider than the window and push แก้ไขข้อมูลโรงเรียน off-screen (try11b F13).
        self.name_label.setWordWrap(True)
        self.demo_label = QLabel(text.DEMO_TAG)
        self.demo_label.setObjectName("demoTag")
        self.profile_label = QLabel()
        self.profile_label.setObjectName("profileLine")
        self.profile_label.setWordWrap(True)
        self.profile_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Why the school's own records are not editable here (a school that came by exchange).
        self.owned_notice = QLabel()
        self.owned_notice.setObjectName("ownedNotice")
        self.owned_notice.setWordWrap(True)
        self.owned_notice.hide()
        self.edit_button = QPushButton(text.EDIT_SCHOOL)
        self.edit_button.clicked.connect(lambda: self.school and self.edit_school.emit(self.school.id))
        shut_if_read_only(workspace.read_only, self.edit_button)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.demo_label, 0, Qt.AlignmentFlag.AlignTop)
        name_row.addStretch(1)
        name_row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(18, 14, 18, 14)
        card_layout.addLayout(name_row)
        card_layout.addWidget(self.profile_label)
        card_layout.addWidget(self.owned_notice)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("schoolTabs")
        self.tabs.setDocumentMode(True)
        self._specs = sorted(tabs, key=lambda spec: spec.order)
        self._tabs: list[SchoolTab] = []
        for spec in self._specs:
            tab = spec.make(workspace)
            self._tabs.append(tab)
            tab.noticed.connect(self.noticed)
            tab.print_changed.connect(self.print_changed)
            self.tabs.addTab(tab, spec.title)
        self._shown_tab = -1  # the tab shown before a switch: asked before it is left
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.currentChanged.connect(lambda _index: self.print_changed.emit())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        layout.addWidget(card)
        layout.addWidget(self.tabs, 1)
        working: dict[QWidget, Callable[[Any], list[Any]]] = {
            tab: _lists(WORKING[spec.key]) for spec, tab in zip(self._specs, self._tabs) if spec.key in WORKING}
        self.fit = SchoolPageFit(self, self.tabs, card, self.profile_label, self.name_label, working)

    def tab(self, key: str) -> SchoolTab:
        """The tab a feature contributed under ``key`` ("rounds", "visits", "network", "timeline")."""
        return self._tabs[[spec.key for spec in self._specs].index(key)]

    # -- data --------------------------------------------------------------------------------
    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        """Show a school; ``select_id`` (a round or a visit, the one just left) is selected, on its tab."""
        self.school = self.workspace.schools.get(school_id)
        self.refresh()
        for spec, tab in zip(self._specs, self._tabs):
            if spec.follows_page:
                tab.show_school(school_id, select_id)
        holding = [index for index, tab in enumerate(self._tabs) if tab.holds(select_id)]
        self.tabs.setCurrentIndex(holding[0] if holding else 0)
        self._tab_changed(self.tabs.currentIndex())

    def confirm_leave(self) -> bool:
        """Each tab asks about what it could not store (a refused plan cell, a project's amount)."""
        return all(tab.confirm_leave() for tab in self._tabs)

    def _tab_shown(self) -> SchoolTab | None:
        index = self.tabs.currentIndex()
        return self._tabs[index] if 0 <= index < len(self._tabs) else None

    def can_print(self) -> bool:
        """แฟ้ม › พิมพ์รายงาน (Ctrl+P) is on where the tab shown has something to print (TEST34 T10:
        it was greyed on every tab, though the rounds and plan tabs have print buttons)."""
        tab = self._tab_shown()
        return tab is not None and tab.can_print()

    def print_shown(self) -> None:
        """Print what the tab shown prints with its own button."""
        tab = self._tab_shown()
        if tab is not None and tab.can_print():
            tab.print_shown()

    def focus_list(self) -> None:
        """The keyboard goes to the list on the tab shown."""
        if self._tabs:
            self._tabs[max(0, self.tabs.currentIndex())].focus_list()

    def _tab_changed(self, index: int) -> None:
        left = self._shown_tab
        if 0 <= left < len(self._tabs) and left != index and not self._tabs[left].confirm_leave():
            # A refused plan cell (or any change the tab could not store) is not left behind
            # unasked (TEST34 T3): staying brings the tab back.
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(left)
            self.tabs.blockSignals(False)
            return
        self._shown_tab = index
        if 0 <= index < len(self._tabs) and not self._specs[index].follows_page and self.school is not None:
            self._tabs[index].show_school(self.school.id)

    def on_changes(self, changes: Changes) -> None:
        if self.school is None or not self.isVisible():
            return
        if changes.any_schools:
            self.refresh()
        for tab in self._tabs:
            tab.on_changes(self.school.id, changes)

    def refresh(self) -> None:
        """Read the school's profile again."""
        if self.school is None:
            return
        school = self.school = self.workspace.schools.get(self.school.id)
        self.name_label.setText(school.name)
        self.name_label.setToolTip(school.name)
        self.demo_label.setVisible(school.is_demo)
        self.profile_label.setText(profile_line(school))
        self.fit.name_tip()  # with the profile line where the card is compact
        block = school_edit_block(self.workspace, school.id)
        shut_for(block, self.edit_button)
        owned_elsewhere = bool(block) and not self.workspace.read_only
        self.owned_notice.setText(block if owned_elsewhere else "")
        self.owned_notice.setVisible(owned_elsewhere)
