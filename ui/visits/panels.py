"""The parts of the visit view that only show things and report what the user did: the people
lists and a component's findings (level, texts, files, per-item levels). The comparison table is
in ``ui/visits/comparison.py``.

They never call the core. The view (``ui/visits/view.py``) fills them, listens to their signals
and decides what is saved. Filling never emits the "edited" signals.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton, QStyledItemDelegate,
    QStyleOptionViewItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.framework import Component, Level
from ui.common import digits
from ui.common.clean_paste import show_pasted_clean
from ui.common.digits import score as shown_score
from ui.common.digits import shown
from qualityschool_desktop.visit_records import Finding, Person, VisitAttachment
from ui.common.level_keys import LevelKeys
from ui.common.save_lines import FieldNote, beside
from ui.common.locked import show_locked
from ui.common.tables import filled_item
from ui.common.widgets import section_label, size_text

from . import strings as text

ID_ROLE = Qt.ItemDataRole.UserRole


def button(caption: str, tip: str, name: str, parent: QWidget) -> QPushButton:
    widget = QPushButton(caption, parent)
    widget.setObjectName(name)
    widget.setToolTip(tip)
    return widget


def text_box(placeholder: str, name: str, parent: QWidget, *, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)  # Tab walks on to the next box, as a form should
    return show_pasted_clean(box)  # a paste from Word shows as it is saved


def level_text(value: float | None, *, whole: bool) -> str:
    if value is None:
        return text.NOT_RATED
    return shown(f"{value:.0f}") if whole else shown_score(value)


class QuietCombo(QComboBox):
    """A combo box inside a scrolling page: the wheel scrolls the page unless the box has focus,
    so scrolling past a list of items never changes a level by accident."""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class AddRowTable(QTableWidget):
    """A table whose Ctrl+Enter asks for a new row (the people lists, the follow-ups)."""

    add_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add_requested.emit()
            return
        super().keyPressEvent(event)


def plain_table(headers: Sequence[str], parent: QWidget, *, editable: bool = False) -> AddRowTable:
    table = AddRowTable(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.AllEditTriggers if editable else QAbstractItemView.EditTrigger.NoEditTriggers
    )
    table.setTabKeyNavigation(False)  # Tab leaves the table: the keyboard reaches the buttons
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    table.setWordWrap(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.horizontalHeader().setHighlightSections(False)
    return table


class TypingDelegate(QStyledItemDelegate):
    """Cell editors that hand every keystroke to the model, so a name is saved as it is typed,
    not only when the cell is left."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: object) -> QWidget:  # noqa: N802
        editor = super().createEditor(parent, option, index)  # type: ignore[arg-type]
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _value, editor=editor: self.commitData.emit(editor))
        return editor


class PeopleEditor(QWidget):
    """One side's people (the visiting team, or the school's people met), edited in place.

    ``edited`` is (person id, "name"|"position", value) on every keystroke of a cell editor."""

    add_requested = Signal()
    remove_requested = Signal(str)
    edited = Signal(str, str, str)

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(section_label(title, self))
        heading.addSpacing(12)
        self._heading_room = QHBoxLayout()  # free room of the heading: a note may go there (put_note)
        heading.addLayout(self._heading_room, 1)
        self.add_button = button(text.ADD_PERSON, text.ADD_PERSON_TIP, f"{name}AddButton", self)
        self.remove_button = button(text.REMOVE_PERSON, text.REMOVE_PERSON_TIP, f"{name}RemoveButton", self)
        heading.addWidget(self.add_button)
        heading.addWidget(self.remove_button)
        layout.addLayout(heading)
        self._heading_room.addStretch(0)  # takes the room until a note does (stretch 1)
        self.table = plain_table(text.PEOPLE_HEADERS, self, editable=True)
        self.table.setObjectName(f"{name}Table")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.setItemDelegate(TypingDelegate(self.table))
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_requested)
        self.table.add_requested.connect(self.add_requested)
        self.remove_button.clicked.connect(self._remove)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_remove)
        self.table.currentCellChanged.connect(lambda *_cells: self._update_remove())

    def put_note(self, note: QWidget) -> None:
        """Show ``note`` in the heading's free room (beside the title, before the buttons)."""
        self._heading_room.insertWidget(0, note, 1)

    def fill(self, people: list[Person], select_id: str | None = None) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(people))
            for row, person in enumerate(people):
                for column, value in enumerate((person.name, person.position)):
                    cell = QTableWidgetItem(value)
                    cell.setData(ID_ROLE, person.id)
                    self.table.setItem(row, column, cell)
                if person.id == select_id:
                    self.table.setCurrentCell(row, 0)
        finally:
            self._filling = False
        self._update_remove()

    def _update_remove(self) -> None:
        """"นำออก" removes the chosen person: off while no one is chosen (or nothing can change)."""
        self.remove_button.setEnabled(self.add_button.isEnabled() and self.table.currentRow() >= 0
                                      and bool(self.table.selectedItems()))

    def show_unsaved(self, person_id: str, field: str, value: str) -> None:
        """A typed name or position the database has not taken yet stays on screen."""
        self._filling = True
        try:
            for row in range(self.table.rowCount()):
                cell = self.table.item(row, ("name", "position").index(field))
                if cell is not None and cell.data(ID_ROLE) == person_id:
                    cell.setText(value)
        finally:
            self._filling = False

    def edit_row(self, person_id: str) -> None:
        """Put the keyboard in the name cell of a (new) person, ready to type."""
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.data(ID_ROLE) == person_id:
                self.table.setFocus()
                self.table.setCurrentCell(row, 0)
                self.table.editItem(cell)
                return

    def names(self) -> list[tuple[str, str]]:
        return [
            (filled_item(self.table, row, 0).text(), filled_item(self.table, row, 1).text())
            for row in range(self.table.rowCount())
        ]

    def set_editable(self, editable: bool) -> None:
        self.add_button.setEnabled(editable)
        self._update_remove()
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers if editable else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def _remove(self) -> None:
        cell = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        if cell is not None:
            self.remove_requested.emit(str(cell.data(ID_ROLE)))

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if not self._filling:
            self.edited.emit(str(cell.data(ID_ROLE)), ("name", "position")[cell.column()], cell.text())


class AttachmentBox(QWidget):
    """Photos and files with attach / open / remove; the view does the work."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}Files")
        self.list.setFixedHeight(78)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        self.attach_button = button(text.ATTACH, text.ATTACH_TIP, f"{name}AttachButton", self)
        self.open_button = button(text.OPEN_FILE, text.OPEN_FILE_TIP, f"{name}OpenButton", self)
        self.remove_button = button(text.REMOVE_FILE, text.REMOVE_FILE_TIP, f"{name}RemoveFileButton", self)
        for widget in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(widget)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._editable = True
        # Open and remove act on a chosen file: only offered when there is one.
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())

    def fill(self, attachments: list[VisitAttachment]) -> None:
        self.list.clear()
        for attachment in attachments:
            row = QListWidgetItem(text.FILE_ROW.format(name=attachment.file_name, size=size_text(attachment.size)))
            row.setData(ID_ROLE, attachment.id)
            self.list.addItem(row)
        if not attachments:
            placeholder = QListWidgetItem(text.FILES_EMPTY)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        elif self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected_id(self) -> str | None:
        row = self.list.currentItem()
        value = row.data(ID_ROLE) if row is not None else None
        return str(value) if value else None

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.attach_button.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(self._editable and chosen)


class LevelPicker(QWidget):
    """"ไม่ระบุ" and the framework's levels as radio buttons in one row. ``chosen`` carries the
    level, 0 for "not given"; it comes from the user only."""

    chosen = Signal(int)

    def __init__(self, levels: Sequence[Level], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.group = QButtonGroup(self)
        self.radios: dict[int, QRadioButton] = {}
        self._labels = {level.value: level.label for level in levels}
        for value in [0] + sorted(self._labels):
            radio = QRadioButton(self._caption(value), self)
            radio.setObjectName(f"{name}Level{value}")
            if value:
                radio.setToolTip(next(lv.descriptor for lv in levels if lv.value == value))
            self.group.addButton(radio, value)
            self.radios[value] = radio
            layout.addWidget(radio)
        layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)
        # Digit-row keys in the Thai layout choose a level; an arrow with a modifier never moves it.
        self._keys = LevelKeys(self._key_level, self)
        self._keys.watch(self.radios.values())

    def _caption(self, value: int) -> str:
        """"ไม่ระบุ", or the level's number in the window's digits and its name (TEST31 T5)."""
        return text.LEVEL_CHOICE.format(value=shown(value), label=self._labels[value]) if value else text.NO_LEVEL

    def render_digits(self) -> None:
        for value, radio in self.radios.items():
            radio.setText(self._caption(value))

    def _key_level(self, value: int) -> None:
        radio = self.radios.get(value)
        if radio is not None and radio.isEnabled():
            radio.click()

    def show_level(self, level: int | None) -> None:
        self.radios[level or 0].setChecked(True)

    def level(self) -> int | None:
        return self.group.checkedId() or None

    def _clicked(self, value: int) -> None:
        self.chosen.emit(value)

    def set_editable(self, editable: bool) -> None:
        show_locked(not editable, *self.radios.values())  # the level given reads as the record's (V2)


class FindingPanel(QWidget):
    """One component: the school's own result for reference, the supervisor's level, the five
    texts, photos/files, and optionally a level per item.

    Signals carry the scope code (the component's, or an item's for per-item levels)."""

    level_chosen = Signal(str, int)  # scope, level (0 = not given)
    text_edited = Signal(str, str, str)  # scope, field, value

    def __init__(self, component: Component, levels: Sequence[Level], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.component = component
        self._filling = False
        self._levels = tuple(sorted(levels, key=lambda lv: lv.value))
        code = component.code
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 12, 12)
        column.setSpacing(4)
        self.heading = heading = QLabel(self)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        self.school_label = QLabel(self)
        self.school_label.setObjectName("fieldHint")
        column.addWidget(heading)
        column.addWidget(self.school_label)
        self.note = FieldNote(f"component{code}Note", self)  # "ยังไม่ได้บันทึก" for this component
        column.addLayout(beside(section_label(text.SUPERVISOR_LEVEL, self), self.note))
        self.picker = LevelPicker(levels, f"component{code}", self)
        self.picker.chosen.connect(lambda value: self.level_chosen.emit(code, value))
        column.addWidget(self.picker)

        # The five texts two by two: at 1366×768 the files and per-item levels stay within reach.
        self.texts: dict[str, QPlainTextEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for index, (field, (caption, placeholder)) in enumerate(text.FINDING_FIELDS.items()):
            box = text_box(placeholder, f"{field}Edit", self, height=74)
            box.textChanged.connect(lambda box=box, field=field: self._edited(field, box.toPlainText()))
            self.texts[field] = box
            row, col = divmod(index, 2)
            span = 2 if field == "recommendations" else 1
            grid.addWidget(section_label(caption, self), row * 2, col, 1, span)
            grid.addWidget(box, row * 2 + 1, col, 1, span)
        column.addLayout(grid)

        column.addWidget(section_label(text.FILES, self))
        self.files = AttachmentBox(f"component{code}", self)
        column.addWidget(self.files)

        self.items_toggle = QPushButton(text.ITEMS_TOGGLE + " ▸", self)
        self.items_toggle.setObjectName("itemsToggle")
        self.items_toggle.setCheckable(True)
        self.items_toggle.setToolTip(text.ITEMS_TOGGLE_TIP)
        self.items_toggle.toggled.connect(self._toggle_items)
        toggle_row = QHBoxLayout()
        toggle_row.setContentsMargins(0, 8, 0, 0)
        toggle_row.addWidget(self.items_toggle)
        toggle_row.addStretch(1)
        column.addLayout(toggle_row)
        self.items_table = plain_table(text.ITEMS_HEADERS, self)
        self.items_table.setObjectName("itemLevels")
        heading_view = self.items_table.horizontalHeader()
        heading_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items_table.setColumnWidth(1, 110)
        self.items_table.setColumnWidth(2, 190)
        self.items_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item_combos: dict[str, QuietCombo] = {}
        items = component.items
        self.items_table.setRowCount(len(items))
        for row, item in enumerate(items):
            cell = QTableWidgetItem()
            cell.setToolTip(item.text or item.title)
            self.items_table.setItem(row, 0, cell)
            self.items_table.setItem(row, 1, QTableWidgetItem(text.NOT_RATED))
            combo = QuietCombo(self.items_table)
            combo.setObjectName(f"itemLevel{item.code}")
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.addItem(text.NO_LEVEL, 0)
            for level in self._levels:
                combo.addItem("", level.value)  # its caption: render_digits
            combo.activated.connect(lambda _index, combo=combo, code=item.code: self._item_level(code, combo))
            self.items_table.setCellWidget(row, 2, combo)
            self.item_combos[item.code] = combo
        # The outer page scrolls; the table shows all its rows at once.
        rows_height = sum(self.items_table.rowHeight(r) for r in range(len(items)))
        self.items_table.setFixedHeight(rows_height + self.items_table.horizontalHeader().sizeHint().height() + 4)
        self.items_table.hide()
        column.addWidget(self.items_table)
        column.addStretch(1)
        self.render_digits()
        digits.follow(self.render_digits)

    def render_digits(self) -> None:
        """The component's and items' codes and the levels in the window's digits, as the section
        list beside them and the assessment write them (TEST31 T5); again when the style changes."""
        component = self.component
        self.heading.setText(text.COMPONENT_HEADING.format(code=shown(component.code), title=component.title))
        self.picker.render_digits()
        for row, item in enumerate(component.items):
            filled_item(self.items_table, row, 0).setText(text.ITEM_ROW.format(code=shown(item.code), title=item.title))
            combo = self.item_combos[item.code]
            for index, level in enumerate(self._levels, start=1):
                combo.setItemText(index, text.LEVEL_CHOICE.format(value=shown(level.value), label=level.label))

    def fill(self, findings: dict[str, Finding], school: dict[str, float | None],
             attachments: list[VisitAttachment]) -> None:
        """Show stored findings; ``school`` maps the component and item codes to the school's
        own (mean) level, for reference."""
        code = self.component.code
        self._filling = True
        try:
            own = findings.get(code)
            self.picker.show_level(own.level if own else None)
            for field, box in self.texts.items():
                value = getattr(own, field) if own else ""
                if box.toPlainText() != value:
                    box.setPlainText(value)
            for item_code, combo in self.item_combos.items():
                found = findings.get(item_code)
                combo.setCurrentIndex(combo.findData(found.level if found and found.level else 0))
            for row, item in enumerate(self.component.items):
                filled_item(self.items_table, row, 1).setText(level_text(school.get(item.code), whole=True))
            if any(findings.get(item.code) and findings[item.code].level for item in self.component.items):
                self.items_toggle.setChecked(True)  # per-item levels given: show them
        finally:
            self._filling = False
        self.files.fill(attachments)

    def show_unsaved(self, field: str, value: str) -> None:
        """Typed text the database has not taken yet stays in its box (emits nothing)."""
        self._filling = True
        try:
            self.texts[field].setPlainText(value)
        finally:
            self._filling = False

    def show_level(self, scope: str, level: int | None) -> None:
        """The stored level of the component (its own code) or of one of its items."""
        if scope == self.component.code:
            self.picker.show_level(level)
            return
        combo = self.item_combos.get(scope)
        if combo is not None:
            combo.setCurrentIndex(max(0, combo.findData(level or 0)))

    def show_school(self, score: float | None, label: str) -> None:
        self.school_label.setText(
            text.SCHOOL_SAYS.format(score=shown_score(score), label=label) if score is not None
            else text.SCHOOL_SAYS_NONE
        )

    def set_editable(self, editable: bool) -> None:
        self.picker.set_editable(editable)
        for box in self.texts.values():
            box.setReadOnly(not editable)
        show_locked(not editable, *self.item_combos.values())
        self.files.set_editable(editable)

    def _toggle_items(self, shown: bool) -> None:
        self.items_table.setVisible(shown)
        self.items_toggle.setText(text.ITEMS_TOGGLE + (" ▾" if shown else " ▸"))

    def _item_level(self, item_code: str, combo: QComboBox) -> None:
        if not self._filling:
            self.level_chosen.emit(item_code, int(combo.currentData() or 0))

    def _edited(self, field: str, value: str) -> None:
        if not self._filling:
            self.text_edited.emit(self.component.code, field, value)
