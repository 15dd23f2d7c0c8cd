"""The parts of the assessment view that only show things: the item panel (text, levels,
evidence, attachments, previous/next) and the round's details form.

They never call the core. The view (``ui/assessment/view.py``) fills them and listens to their
signals, and decides what is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget,
)

from qualityschool_desktop.answers import Answer
from qualityschool_desktop.assessments import ROLES, Assessment
from qualityschool_desktop.attachments import Attachment
from qualityschool_desktop.framework import Component, Indicator, Item
from qualityschool_desktop.text import clean_text
from ui.common.date_fields import ThaiDateEdit
from ui.common.locked import show_locked
from ui.common.digits import shown, styled
from ui.common.level_keys import LevelKeys
from ui.common.save_lines import FieldNote, beside
from ui.common.widgets import section_label, size_text

from . import strings as text
from .compact import ClampedLabel, shared_starts
from .item_comments import ItemComments  # re-exported: the view makes it beside the panel

__all__ = ["ItemComments", "ItemPanel", "LevelChoice", "RoundDetailsForm"]

# A panel lower than this (125 %, 150 % on 1366×768) is short: its texts give up lines (compact.py).
COMPACT_BELOW = 420
STATEMENT_LINES = 1
# The attachment id of a row in the attachment list.
ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole


class LevelChoice(QFrame):
    """One level: a radio button with the value and label, and the level's descriptor beside it.
    A click anywhere on the row chooses the level, since the descriptor is what people read."""

    def __init__(self, value: int, label: str, descriptor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelChoice")
        self.value = value
        self.radio = QRadioButton(text.LEVEL_CHOICE.format(value=value, label=label), self)
        self.radio.setMinimumWidth(150)
        # Wrapped (a height-for-width size policy, left alone: replacing it would clip long
        # descriptors); one line and "…" in a short panel (compact.py).
        self.descriptor = ClampedLabel(descriptor, self)
        self.row = layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.descriptor, 1)
        self.radio.toggled.connect(self._restyle)

    def _restyle(self, checked: bool) -> None:
        self.setProperty("checked", checked)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.radio.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.radio.click()
        super().mousePressEvent(event)


class ItemPanel(QWidget):
    """One item: its text, the levels to choose from, "not applicable", evidence, note and
    attachments (scrolling), with previous/next below that stay in view.

    ``level_clicked`` and ``not_applicable_clicked`` come from the user only; ``text_edited``
    (field, value) is not emitted while :meth:`show_item` fills the boxes.
    """

    level_clicked = Signal(int)
    not_applicable_clicked = Signal(bool)
    text_edited = Signal(str, str)
    fitted = Signal()  # the panel fitted its texts to its height (:meth:`levels_bottom` is new)
    folded_changed = Signal(bool)  # :attr:`folded` changed (a line beside the statement may say less)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self._shown: dict[str, str] = {}  # each text box's text after its last change
        self.level_choices: dict[int, LevelChoice] = {}
        # Digit-row keys in the Thai layout choose a level; an arrow with a modifier never moves it.
        self._level_keys = LevelKeys(self.click_level, self)
        # "ยังไม่ได้บันทึก: <reason>" by each part of the answer; the view decides what they say.
        self.notes: dict[str, FieldNote] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 0, 0)
        outer.setSpacing(4)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self._body = body = QWidget(self.scroll_area)
        body.setObjectName("itemPanel")
        # Local look of the level rows: the chosen one stands out without reading the radio dot.
        body.setStyleSheet(
            "QFrame#levelChoice { border: 1px solid transparent; border-radius: 6px; }"
            "QFrame#levelChoice:hover:enabled { border-color: #bbdefb; }"
            'QFrame#levelChoice[checked="true"] { background: #e3f2fd; border-color: #64b5f6; }'
            # A round that cannot be edited here: its levels grey, the chosen one still marked (TEST29b B7).
            'QFrame#levelChoice[checked="true"]:disabled { background: #eef1f4; border-color: #c5ced8; }'
            "QLabel#itemText { background: palette(base); border: 1px solid #d7d7d7; border-radius: 6px; }"
            # A link-like button on the levels' line, no higher than the heading beside it.
            "QPushButton#wholeTextButton { padding: 0px 6px; min-height: 0px; border: none; color: #1565c0; }"
        )
        self._column = column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 12, 12)
        column.setSpacing(6)

        self.heading = ClampedLabel("", body)
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        self.heading.setFont(heading_font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.place = ClampedLabel("", body)
        self.place.setStyleSheet("color: #616161;")
        self.item_text = ClampedLabel("", body)
        self.item_text.setObjectName("itemText")
        self.item_text.setContentsMargins(9, 8, 9, 8)  # inside its border (as margins: the "…" counts them)
        self.item_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # In a short panel the statement shows two lines; this shows the whole (and back).
        self.whole_text_button = QPushButton(text.WHOLE_TEXT, body)
        self.whole_text_button.setObjectName("wholeTextButton")
        self.whole_text_button.setCheckable(True)
        self.whole_text_button.setFlat(True)
        self.whole_text_button.toggled.connect(lambda _on: self.fit_to_height())
        self.whole_text_button.hide()
        column.addWidget(self.heading)
        column.addWidget(self.place)
        # The statement, and where the panel is shorter still (150 %) its button beside it.
        self._statement_row = QHBoxLayout()
        self._statement_row.addWidget(self.item_text, 1)
        column.addLayout(self._statement_row)

        # Each part's "ยังไม่ได้บันทึก" note sits beside its heading, in room it always keeps:
        # a note coming or going never moves the levels or boxes under the pointer.
        self.levels_heading = section_label(text.LEVELS_HEADING, body)
        self._levels_row = levels_row = beside(self.levels_heading, self._note("choice", body))
        levels_row.addWidget(self.whole_text_button)  # on the levels' line: it costs no line of its own
        # Where the panel is shorter still, the "ไม่เกี่ยวข้อง" box and its note come here (folded).
        self._na_beside = QHBoxLayout()
        levels_row.addLayout(self._na_beside)
        column.addLayout(levels_row)
        self._levels_box = QVBoxLayout()
        self._levels_box.setSpacing(2)
        column.addLayout(self._levels_box)
        self._level_group = QButtonGroup(self)
        self._level_group.idClicked.connect(self._level_clicked)

        self.na_check = QCheckBox(text.NOT_APPLICABLE, body)
        self.na_check.setObjectName("notApplicableCheck")
        self.na_check.setToolTip(text.NOT_APPLICABLE_TIP)
        self.na_check.clicked.connect(self._not_applicable_clicked)
        self.na_reason = QLineEdit(body)
        self.na_reason.setObjectName("naReasonEdit")
        self.na_reason.setPlaceholderText(text.NA_REASON_PLACEHOLDER)
        self.na_reason.textChanged.connect(lambda value: self._edited("na_reason", value))
        self._na_row = beside(self.na_check, self._note("na_reason", body))
        column.addLayout(self._na_row)
        self._folded = False
        self._statement_links: list[QWidget] = []  # lines under the statement, beside it when folded
        column.addWidget(self.na_reason)

        column.addLayout(beside(section_label(text.EVIDENCE_HEADING, body), self._note("evidence", body)))
        self.evidence = QPlainTextEdit(body)
        self.evidence.setObjectName("evidenceEdit")
        self.evidence.setPlaceholderText(text.EVIDENCE_PLACEHOLDER)
        self.evidence.setMinimumHeight(110)
        self.evidence.setTabChangesFocus(True)
        self.evidence.textChanged.connect(lambda: self._edited("evidence", self.evidence.toPlainText()))
        column.addWidget(self.evidence)

        column.addLayout(beside(section_label(text.NOTE_HEADING, body), self._note("note", body)))
        self.note = QPlainTextEdit(body)
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(text.NOTE_PLACEHOLDER)
        self.note.setFixedHeight(64)
        self.note.setTabChangesFocus(True)
        self.note.textChanged.connect(lambda: self._edited("note", self.note.toPlainText()))
        column.addWidget(self.note)

        column.addLayout(beside(section_label(text.ATTACHMENTS_HEADING, body), self._note("attachments", body)))
        attachments = QHBoxLayout()
        self.attachment_list = QListWidget(body)
        self.attachment_list.setObjectName("attachmentList")
        self.attachment_list.setFixedHeight(84)
        buttons = QVBoxLayout()
        self.attach_button = self._button(text.ATTACH, text.ATTACH_TIP, "attachButton", body)
        self.open_button = self._button(text.OPEN_ATTACHMENT, text.OPEN_ATTACHMENT_TIP, "openAttachmentButton", body)
        self.remove_button = self._button(
            text.REMOVE_ATTACHMENT, text.REMOVE_ATTACHMENT_TIP, "removeAttachmentButton", body
        )
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.attachment_list.currentItemChanged.connect(lambda *_rows: self._update_attachment_buttons())
        self._editable = True
        attachments.addWidget(self.attachment_list, 1)
        attachments.addLayout(buttons)
        column.addLayout(attachments)
        column.addStretch(1)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self.scroll_area.viewport().installEventFilter(self)

        # Navigation stays visible below the scrolling item.
        nav = QHBoxLayout()
        self.previous_button = self._button(text.PREVIOUS, text.PREVIOUS_TIP, "previousButton", self)
        self.position_label = QLabel(self)
        self.next_empty_button = self._button(text.NEXT_EMPTY, text.NEXT_EMPTY_TIP, "nextEmptyButton", self)
        self.next_button = self._button(text.NEXT, text.NEXT_TIP, "nextButton", self)
        self.history_button = self._button(text.HISTORY_BUTTON, text.HISTORY_TIP, "historyButton", self)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.history_button)
        nav.addStretch(1)
        nav.addWidget(self.position_label)
        nav.addStretch(1)
        nav.addWidget(self.next_empty_button)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)

    @staticmethod
    def _button(caption: str, tip: str, name: str, parent: QWidget) -> QPushButton:
        button = QPushButton(caption, parent)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    def _note(self, field: str, parent: QWidget) -> FieldNote:
        self.notes[field] = FieldNote(f"{field}Note", parent)
        return self.notes[field]

    # -- filling -----------------------------------------------------------------------------
    def show_item(
        self, item: Item, component: Component, indicator: Indicator, answer: Answer | None,
        attachments: list[Attachment], index: int, total: int,
    ) -> None:
        """Show an item and its stored answer (emits nothing)."""
        self._filling = True
        try:
            self.item_text.setText(item.text)
            self._fill_levels(item)
            self.show_choice(answer)
            self.na_reason.setText(answer.na_reason if answer else "")
            self.evidence.setPlainText(answer.evidence if answer else "")
            self.note.setPlainText(answer.note if answer else "")
            self.show_attachments(attachments)
        finally:
            self._filling = False
            self._remember_texts()
        self.show_numbers(item, component, indicator, index, total)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < total - 1)
        self.whole_text_button.setChecked(False)
        self.fit_to_height()
        self.scroll_area.verticalScrollBar().setValue(0)

    def show_numbers(self, item: Item, component: Component, indicator: Indicator, index: int, total: int) -> None:
        """The item's heading, place, position and level numbers in the window's digit style
        (again after it changed; what was typed is left alone)."""
        if item.official_number:  # the form's own number beside ours, in the same digits
            official = text.OFFICIAL_NUMBER.format(number=shown(item.official_number))
            self.heading.setText(text.ITEM_HEADING_OFFICIAL.format(code=shown(item.code), official=official,
                                                                   title=item.title))
        else:
            self.heading.setText(text.ITEM_HEADING.format(code=shown(item.code), title=item.title))
        self.place.setText(
            text.ITEM_PLACE.format(
                component_code=shown(component.code), component=component.title,
                indicator_code=shown(indicator.code), indicator=indicator.title,
            )
        )
        self.position_label.setText(text.POSITION.format(index=shown(index + 1), total=shown(total)))
        for level in item.levels:
            choice = self.level_choices.get(level.value)
            if choice is not None:
                choice.radio.setText(text.LEVEL_CHOICE.format(value=shown(level.value), label=level.label))

    @property
    def compact(self) -> bool:
        """Whether the panel is short (125 %, 150 %): texts above the levels give up lines."""
        return self.scroll_area.viewport().height() < COMPACT_BELOW

    def fit_to_height(self) -> None:
        """A short panel: heading, place and levels' descriptors on one line each, the statement
        on two (whole in their tooltips; the statement whole again by its button), so the levels
        come into view without scrolling (TEST11 item 11). A tall one shows everything."""
        short = self.compact
        whole = self.whole_text_button.isChecked()
        self.heading.set_lines(1 if short else 0)
        self.place.setVisible(not short)  # the tree beside shows the component and indicator
        self.heading.setToolTip("\n".join(filter(None, [self.heading.text(), self.place.text()])) if short else "")
        self._column.setSpacing(3 if short else 6)
        self._levels_box.setSpacing(0 if short else 2)
        self.item_text.setContentsMargins(*((7, 3, 7, 3) if short else (9, 8, 9, 8)))
        self.item_text.set_lines(STATEMENT_LINES if short and not whole else 0)
        choices = list(self.level_choices.values())
        skips = shared_starts([choice.descriptor.text() for choice in choices])
        for choice, skip in zip(choices, skips):
            choice.descriptor.set_skip(skip)  # levels 5 and 3 that begin alike: what differs (try11b F14)
            choice.descriptor.set_lines(1 if short else 0)
            choice.row.setContentsMargins(8, 0 if short else 4, 8, 0 if short else 4)
        self.whole_text_button.setText(text.SHORT_TEXT if whole else text.WHOLE_TEXT)
        self._fold(False)
        self._show_whole_text_button(short, whole)
        if short and self._laid_out_bottom() > self.scroll_area.viewport().height():
            self._fold(True)
            self._show_whole_text_button(short, whole)
        self.fitted.emit()

    def _show_whole_text_button(self, short: bool, whole: bool) -> None:
        """The statement's button where the statement is cut (measured at the statement's line's
        whole width: beside the statement the button narrows it)."""
        self._laid_out_bottom()
        cut = self.item_text.is_clamped_at(self._statement_row.geometry().width())
        self.whole_text_button.setVisible(short and (whole or cut))
        self._laid_out_bottom()

    @property
    def folded(self) -> bool:
        """Whether the panel is shorter still (150 %): see :meth:`_fold`."""
        return self._folded

    def _fold(self, folded: bool) -> None:
        """Where a short panel still cannot show the levels and the "ไม่เกี่ยวข้อง" box (150 % on a
        1366×768 laptop, with the taller font that holds Thai marks): the statement's button goes
        beside the statement, the box (and its note) beside the levels' heading, whose keys' hint
        becomes its tooltip. Two lines given back, no text made smaller."""
        if folded == self._folded:
            return
        self._folded = folded
        button, note = self.whole_text_button, self.notes["na_reason"]
        for layout in (self._levels_row, self._statement_row, self._na_row, self._na_beside):
            for widget in (button, self.na_check, note):
                layout.removeWidget(widget)
        if folded:
            self._statement_row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self._na_beside.addWidget(self.na_check, 0, Qt.AlignmentFlag.AlignBottom)  # on the heading's line
            self._na_beside.addWidget(note, 1, Qt.AlignmentFlag.AlignBottom)
        else:
            self._levels_row.insertWidget(self._levels_row.indexOf(self._na_beside), button)
            self._na_row.insertWidget(0, self.na_check)
            self._na_row.addWidget(note, 1, Qt.AlignmentFlag.AlignBottom)
        for link in self._statement_links:
            self._column.removeWidget(link)
            self._statement_row.removeWidget(link)
            if folded:
                self._statement_row.addWidget(link, 0, Qt.AlignmentFlag.AlignVCenter)
            else:
                self._column.insertWidget(self._column.indexOf(self._statement_row) + 1, link)
        self.levels_heading.setText(text.LEVELS_HEADING_SHORT if folded else text.LEVELS_HEADING)
        self.levels_heading.setToolTip(text.LEVELS_HINT if folded else "")
        self.folded_changed.emit(folded)

    def fold_beside_statement(self, link: QWidget) -> None:
        """A line of the column just under the statement (the comments' "ดูด้านล่าง" link) that
        goes beside the statement where the panel is folded; it should say less then
        (:attr:`folded_changed`)."""
        self._statement_links.append(link)

    def _laid_out_bottom(self) -> int:
        """:meth:`levels_bottom` once the panel's column is laid out again (now, not later)."""
        self._column.activate()
        return self.levels_bottom()

    def levels_bottom(self) -> int:
        """How far down the scrolling part the levels and the "ไม่เกี่ยวข้อง" box reach, in pixels
        (as laid out now): the room the panel needs to show them without scrolling."""
        bottoms = [widget.mapTo(self._body, QPoint(0, 0)).y() + widget.height()
                   for widget in (self.na_check, *self.level_choices.values())]
        return max(bottoms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_to_height()
        elif event.type() == QEvent.Type.FocusIn and isinstance(watched, QRadioButton):
            choice = watched.parentWidget()
            if choice is not None:  # a level reached by Tab, an arrow or its key is in view
                self.scroll_area.ensureWidgetVisible(choice, 0, 8)
        return super().eventFilter(watched, event)

    def show_unsaved_text(self, field: str, value: str) -> None:
        """Put typed text the database has not taken yet back in its box (emits nothing)."""
        self._filling = True
        try:
            if field == "na_reason":
                self.na_reason.setText(value)
            else:
                (self.evidence if field == "evidence" else self.note).setPlainText(value)
        finally:
            self._filling = False
            self._remember_texts()

    def _remember_texts(self) -> None:
        self._shown = {"na_reason": self.na_reason.text(), "evidence": self.evidence.toPlainText(),
                       "note": self.note.toPlainText()}

    def _fill_levels(self, item: Item) -> None:
        values = tuple(level.value for level in item.levels)
        if tuple(self.level_choices) != values:
            for choice in self.level_choices.values():
                self._level_group.removeButton(choice.radio)
                choice.deleteLater()
            self.level_choices = {}
            for level in item.levels:
                choice = LevelChoice(level.value, level.label, level.descriptor, self._body)
                self._levels_box.addWidget(choice)
                self._level_group.addButton(choice.radio, level.value)
                self._level_keys.watch([choice.radio])
                choice.radio.installEventFilter(self)  # focused: scrolled into view
                self.level_choices[level.value] = choice
        for level in item.levels:
            choice = self.level_choices[level.value]
            choice.radio.setText(text.LEVEL_CHOICE.format(value=shown(level.value), label=level.label))
            choice.descriptor.setText(level.descriptor)

    def click_level(self, value: int) -> None:
        """A level chosen by its key (1–5, or the Thai layout's): as a click on its button."""
        choice = self.level_choices.get(value)
        if choice is not None and choice.radio.isEnabled():
            choice.radio.click()

    def show_choice(self, answer: Answer | None) -> None:
        """Put the radio buttons and the "not applicable" box in line with a stored answer."""
        self._level_group.setExclusive(False)  # an exclusive group cannot show "nothing chosen"
        for value, choice in self.level_choices.items():
            choice.radio.setChecked(answer is not None and answer.level == value)
        self._level_group.setExclusive(True)
        not_applicable = bool(answer and answer.not_applicable)
        self.na_check.setChecked(not_applicable)
        self.na_reason.setVisible(not_applicable)

    def show_attachments(self, attachments: list[Attachment]) -> None:
        self.attachment_list.clear()
        for attachment in attachments:
            row = QListWidgetItem(
                text.ATTACHMENT_ROW.format(name=attachment.file_name, size=size_text(attachment.size))
            )
            row.setData(ATTACHMENT_ROLE, attachment.id)
            self.attachment_list.addItem(row)
        if not attachments:
            placeholder = QListWidgetItem(text.ATTACHMENTS_EMPTY)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.attachment_list.addItem(placeholder)
        self.attachment_list.setCurrentRow(-1)  # nothing chosen until the user picks a file
        self._update_attachment_buttons()

    def selected_attachment_id(self) -> str | None:
        row = self.attachment_list.currentItem()
        value = row.data(ATTACHMENT_ROLE) if row is not None else None
        return str(value) if value else None

    def set_editable(self, editable: bool) -> None:
        # The row: its descriptor goes off with the radio (TEST29b B7), as a submitted round's
        # answer (dark), not as a field waiting for an action (VERIFY32b V2).
        show_locked(not editable, *self.level_choices.values(), self.na_check)
        for box in (self.na_reason, self.evidence, self.note):
            # Read-only rather than disabled: a submitted round's text can still be selected and copied.
            box.setReadOnly(not editable)
        self.attach_button.setEnabled(editable)
        self._editable = editable
        self._update_attachment_buttons()

    def _update_attachment_buttons(self) -> None:
        """"เปิด" and "นำออก" act on the chosen file: off while none is chosen."""
        chosen = self.selected_attachment_id() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self._editable)

    # -- user actions ------------------------------------------------------------------------
    def _level_clicked(self, value: int) -> None:
        if not self._filling:
            self.level_clicked.emit(value)

    def _not_applicable_clicked(self, checked: bool) -> None:
        if not self._filling:
            self.not_applicable_clicked.emit(checked)

    def _edited(self, field: str, value: str) -> None:
        if self._filling:
            return
        self.text_edited.emit(field, value)  # as typed: the history keeps it beside what is stored
        box = self.na_reason if field == "na_reason" else getattr(self, field)
        before, self._shown[field] = self._shown.get(field, ""), value
        cleaned = clean_text(value)
        # A paste (more than one character at once) from Word or a PDF: the box shows what is saved
        # (no □ for a vertical tab, sara am whole). Keystrokes stay as typed, for the history's
        # "พิมพ์ว่า" (what was typed, beside what was stored).
        if cleaned != value and len(value) - len(before) > 1:
            self._show_cleaned(box, value, cleaned)
            self._shown[field] = cleaned

    def _show_cleaned(self, box: QLineEdit | QPlainTextEdit, typed: str, cleaned: str) -> None:
        position = box.cursorPosition() if isinstance(box, QLineEdit) else box.textCursor().position()
        position = min(len(cleaned), len(clean_text(typed[:position])))
        self._filling = True
        try:
            if isinstance(box, QLineEdit):
                box.setText(cleaned)
                box.setCursorPosition(position)
            else:
                cursor = box.textCursor()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(cleaned)  # one undo step, not setPlainText's reset
                cursor.setPosition(position)
                box.setTextCursor(cursor)
        finally:
            self._filling = False


class RoundDetailsForm(QFrame):
    """Date, assessor's name and role of a round. ``details_changed`` carries the changed field
    as keyword arguments for ``assessments.update_details``; filling it emits nothing."""

    details_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = True  # building fires change signals (the combo box's first entry)
        self.setObjectName("assessmentDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(self)
        form.setContentsMargins(10, 6, 10, 6)
        self.date_edit = styled(ThaiDateEdit(self, allow_empty=True, placeholder=text.DETAILS_DATE_UNSET))
        self.date_edit.setObjectName("assessedOn")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("assessorNameEdit")
        self.name_edit.setPlaceholderText(text.DETAILS_NAME_PLACEHOLDER)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("assessorRoleCombo")
        self.role_combo.setEditable(True)
        self.role_combo.addItems(list(ROLES))
        form.addRow(text.DETAILS_DATE, self.date_edit)
        form.addRow(text.DETAILS_NAME, self.name_edit)
        form.addRow(text.DETAILS_ROLE, self.role_combo)
        self.note = FieldNote("detailsNote", self)
        form.addRow(self.note)
        self.date_edit.committed.connect(lambda day: self._changed(assessed_on=day))
        self.name_edit.textChanged.connect(lambda value: self._changed(assessor_name=value))
        self.role_combo.currentTextChanged.connect(lambda value: self._changed(assessor_role=value))
        self._filling = False

    def fill(self, assessment: Assessment) -> None:
        self._filling = True
        try:
            self.date_edit.set_date(assessment.assessed_date)
            self.name_edit.setText(assessment.assessor_name)
            self.role_combo.setCurrentText(assessment.assessor_role)
        finally:
            self._filling = False

    def _changed(self, **changes: object) -> None:
        if not self._filling:
            self.details_changed.emit(changes)
