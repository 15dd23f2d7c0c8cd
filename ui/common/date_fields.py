"""The one date field and the one time field of the window (issue 11, "Dates").

:class:`ThaiDateEdit` shows a date the Thai way (``10 ต.ค. 2561``: Thai month, Buddhist-Era year)
and reads whatever Thai users type (``10/10/2561``, ``๑๐/๑๐/๒๕๖๑``, ``10 ตุลาคม 2561``, ISO …,
``qualityschool_desktop.thai_dates.parse_date``), with a calendar that drops down in Thai months
and BE years (``ui/common/thai_calendar.py``). :class:`ThaiTimeEdit` does the same for clock times
(``0900``, ``9.00``, ``๙.๐๐ น.`` → ``09:00``).

A year typed in two digits (``10/10/61``) is read as BE 25xx and the field says so under it, in the
text's colour ('ปี "61" อ่านเป็น พ.ศ. 2561: 10 ต.ค. 2561', ``thai_dates.read_date``'s note, as the
command line says it) until the value changes again.

Both behave alike: Enter, Tab or leaving the field takes what is typed (in a dialog Enter then
goes on to the next field, never to the dialog's default button); a value that cannot be
read or does not exist is not taken: the field says why in red (under it, or where its owner put
:attr:`message`) and keeps the value it had, so nothing reaches the core; Esc puts the value it
had back. ``committed`` is emitted only for a new value the user gave; :meth:`set_value` (filling
from the database) emits nothing. The owner saves through the core and, if the core refuses,
calls :meth:`set_value` with what is stored.
"""

from __future__ import annotations

from datetime import date
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.thai import arabic_digits, digits, format_date
from qualityschool_desktop.thai_dates import read_date, parse_time

from . import digits as digits_module
from . import save_state
from . import strings_dates as text
from . import strings_save
from .save_lines import ERROR_COLOUR
from .thai_calendar import ThaiCalendarPopup
from .wrapping import plain, unbroken

Day = date  # the type, by a name ThaiDateEdit.date() does not hide


class _Field(QWidget):
    """A line edit that takes a value only when it is complete and real (see the module's notes)."""

    committed = Signal(object)
    refused = Signal(str)  # what is typed cannot be taken (the reason, as shown under the field)
    reverted = Signal()  # Esc (or the user letting the refused value go): the value taken is shown

    def __init__(self, empty: Any, parent: QWidget | None, *, allow_empty: bool, message_below: bool) -> None:
        super().__init__(parent)
        self._empty = empty
        self._value: Any = empty
        self.digit_style = "arabic"  # how the value is shown (set_digit_style); any digits are read
        self._tip = ""  # the examples of what to type, shown in the field's digits
        self._placeholder = ""  # an example value in the empty field, in the field's digits too
        self.allow_empty = allow_empty
        self.line_edit = QLineEdit(self)
        self.line_edit.installEventFilter(self)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.row.addWidget(self.line_edit)
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        self._noting = False  # the message says how a value was read, not why it was refused
        self._message_below = message_below
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(self.row)
        if message_below:
            column.addWidget(self.message)
        self.setFocusProxy(self.line_edit)
        self.line_edit.editingFinished.connect(self.commit)

    # -- what the owner uses -----------------------------------------------------------------
    def value(self) -> Any:
        """The value taken (the stored one, or the last one the user gave)."""
        return self._value

    def set_value(self, value: Any) -> None:
        """Show ``value`` (from the database): no signal, and any error cleared; a note of how
        the same value was read stays (the database confirms what the field took)."""
        kept = self.note() if value == self._value else ""
        self._value = value
        self._show(value)
        if kept:
            self._tell(kept)

    def text(self) -> str:
        return self.line_edit.text()

    def error(self) -> str:
        """Why what is typed was not taken; "" when it was."""
        return plain(self.message.text()) if not self.message.isHidden() and not self._noting else ""

    def note(self) -> str:
        """How the value just taken was read, when the field says so (a two-digit year); else ""."""
        return plain(self.message.text()) if not self.message.isHidden() and self._noting else ""

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 (as QLineEdit)
        self.line_edit.setReadOnly(read_only)

    def set_digit_style(self, style: str) -> None:
        """Show the value in ``style``'s digits ("thai" ๐–๙, else Arabic) from now on; what is
        being typed, or was refused and says why, stays as it is. Any digits are read either way."""
        if style == self.digit_style:
            return
        typing = self._has_edits()
        self.digit_style = style
        if self._tip:  # the examples of what to type, in the same digits
            self.line_edit.setToolTip(digits(self._tip, style))
        if self._placeholder:
            self.line_edit.setPlaceholderText(digits(self._placeholder, style))
        if not typing:
            self._show(self._value)

    def commit(self) -> bool:
        """Take what is typed (Enter and leaving the field do this): True when it was taken (or
        was the value already); False, saying why, when it cannot be, and the value stays."""
        if self.line_edit.isReadOnly() or not self.isEnabled():
            return True
        if self._noting and not self._has_edits():
            return True  # the value taken, shown with how it was read: leaving the field keeps both
        try:
            value = self._parse(self.line_edit.text())
        except ValidationError as error:
            self._say(digits(str(error), self.digit_style))  # the numbers in it as the field shows them
            self.refused.emit(self.error())
            return False
        if value == self._empty and not self.allow_empty:
            self._say(self._required_text())
            self.refused.emit(self.error())
            return False
        changed, was_refused = value != self._value, bool(self.error())
        self.set_value(value)
        if self._reading_note:
            self._tell(self._reading_note)
        if changed:
            self.committed.emit(value)
        elif was_refused:
            # The stored value typed again after a refusal: nothing to save, and nothing is held
            # any more (VERIFY31 V1: the header kept "ยังไม่ได้บันทึก" until another save).
            self.reverted.emit()
        return True

    def refuse(self, message: str, stored: Any) -> None:
        """The core refused the value just committed (``message``, its Thai reason): say why below
        the field as for a value that cannot be read; the typed text stays, and ``stored`` (what
        the database has) is the field's value again, so typing the same value tries once more."""
        self._value = stored
        self._say(digits(message, self.digit_style))

    def revert(self) -> None:
        """Esc: the value the field had, typed text and error gone."""
        self._show(self._value)
        self.reverted.emit()

    # -- inside ------------------------------------------------------------------------------
    _reading_note = ""  # how the last text parsed was read, when worth saying (a two-digit year)

    def _parse(self, typed: str) -> Any:
        raise NotImplementedError

    def _format(self, value: Any) -> str:
        raise NotImplementedError

    def _required_text(self) -> str:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        self.line_edit.setText(self._format(value) if value != self._empty else "")
        self.line_edit.setModified(False)
        self.line_edit.setStyleSheet("")
        self.message.clear()
        self.message.hide()
        self.message.setMinimumHeight(0)
        self.setMinimumHeight(0)

    def _say(self, message: str) -> None:
        self._noting = False
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setText(unbroken(message))  # a date echoed in Thai digits stays on one line
        # The field itself red too: the save line points to "ช่องสีแดง" (VERIFY31 V1).
        self.line_edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; border-radius: 2px; }}")
        self.message.show()
        self._fit_message()

    def _tell(self, note: str) -> None:
        """Say how the value was read, in the text's colour (not an error: the value was taken)."""
        self._noting = True
        self.line_edit.setStyleSheet("")
        self.message.setStyleSheet("")
        self.message.setText(digits(arabic_digits(note), self.digit_style))
        self.message.show()
        self._fit_message()

    def _fit_message(self) -> None:
        """Give the message the height of its wrapped lines: a form layout or a dialog at its own
        size otherwise squeezes a two-line message into one line's room, cut top and bottom."""
        if self.message.isHidden():
            return
        width = self.width() if self._message_below else self.message.width()
        self.message.setMinimumHeight(self.message.heightForWidth(max(width, 1)))
        own = self.layout()
        if self._message_below and own is not None:
            self.setMinimumHeight(own.minimumSize().height())
        # A dialog keeps the height it opened with: Qt grows a window to its layout's minimum,
        # which leaves out wrapped lines, so the message's second line lay under the note below
        # the field (try11a #6). The dialog grows to the height its width needs.
        window = self.window()
        layout = window.layout() if isinstance(window, QDialog) else None
        if layout is not None and layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(window.width())
            if need > window.height():
                window.resize(window.width(), need)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_message()

    def _has_edits(self) -> bool:
        return self.line_edit.text() != (self._format(self._value) if self._value != self._empty else "") or bool(
            self.error()
        )

    def _key(self, event: QKeyEvent) -> bool:
        """A key the field itself answers (a key press); True when it did."""
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if (watched is self.line_edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and self._key(event)):
            return True
        if (watched is self.line_edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(self.window(), QDialog)):
            # In a dialog Enter takes the date and goes on to the next field; it never presses the
            # dialog's default button (a new round was started by the Enter that ended its date).
            if self.commit():
                self.line_edit.focusNextChild()
            return True
        if watched is self.line_edit and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            # Esc with something typed puts the value back and goes no further (a dialog stays
            # open); with nothing typed it is left to the dialog or page around.
            if self._has_edits() and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # no shortcut of the window takes it
                return True
            if self._has_edits() and event.type() == QEvent.Type.KeyPress:
                self.revert()
                return True
        return super().eventFilter(watched, event)


class ThaiDateEdit(_Field):
    """A date in BE with Thai month names, typed or picked from the calendar; ``committed``
    carries a ``date`` (or None when ``allow_empty`` and emptied)."""

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = False, message_below: bool = True,
                 digit_style: str = "arabic", placeholder: str = "") -> None:
        super().__init__(None, parent, allow_empty=allow_empty, message_below=message_below)
        self.digit_style = digit_style
        self.line_edit.setPlaceholderText(placeholder or (text.DATE_UNSET if allow_empty else text.DATE_PLACEHOLDER))
        self._tip = text.DATE_TIP
        self.line_edit.setToolTip(digits(self._tip, self.digit_style))
        self.line_edit.setMinimumWidth(self.line_edit.fontMetrics().horizontalAdvance("30 พ.ย. 2569") + 24)
        self.line_edit.setMaximumWidth(self.line_edit.fontMetrics().horizontalAdvance("30 พ.ย. 2569") * 2)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(text.CALENDAR_BUTTON_TIP)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side = self.line_edit.sizeHint().height()
        self.calendar_button.setFixedSize(side, side)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.row.addWidget(self.calendar_button)
        self.row.addStretch(1)
        self.popup: ThaiCalendarPopup | None = None

    def date(self) -> Day | None:
        """The date taken (see :meth:`value`)."""
        return self._value

    def set_date(self, day: Day | None) -> None:
        self.set_value(day)

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 (as QLineEdit)
        super().setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)

    def open_calendar(self) -> ThaiCalendarPopup:
        """Drop the calendar down at the month of the date typed (or taken, or today's)."""
        if self.popup is None:
            self.popup = ThaiCalendarPopup(self)
            self.popup.chosen.connect(self._picked)
        try:
            shown = self._parse(self.line_edit.text()) or self._value
        except ValidationError:
            shown = self._value
        self.popup.open_at(self.line_edit, shown)
        return self.popup

    def _key(self, event: QKeyEvent) -> bool:
        # Alt+Down or F4 drops the calendar down, as they open a combo box's list.
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (alt_down or event.key() == Qt.Key.Key_F4) and not self.line_edit.isReadOnly():
            self.open_calendar()
            return True
        return False

    def _picked(self, day: Day) -> None:
        self.line_edit.setText(self._format(day))
        self.line_edit.setFocus()
        self.commit()

    def _parse(self, typed: str) -> Day | None:
        day, self._reading_note = read_date(typed)
        return day

    def _format(self, value: Day | None) -> str:
        return format_date(value, short=True, style=self.digit_style) if value else ""

    def _required_text(self) -> str:
        return text.DATE_REQUIRED


class ThaiTimeEdit(_Field):
    """A clock time, typed as people do; ``committed`` carries ``"HH:MM"`` (or ``""`` emptied)."""

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = True, message_below: bool = True,
                 digit_style: str = "arabic") -> None:
        super().__init__("", parent, allow_empty=allow_empty, message_below=message_below)
        self.digit_style = digit_style
        self._placeholder = text.TIME_PLACEHOLDER
        self.line_edit.setPlaceholderText(digits(self._placeholder, self.digit_style))
        self._tip = text.TIME_TIP
        self.line_edit.setToolTip(digits(self._tip, self.digit_style))

    def _parse(self, typed: str) -> str:
        return parse_time(typed)

    def _format(self, value: str) -> str:
        return digits(value, self.digit_style)

    def _required_text(self) -> str:
        return text.TIME_REQUIRED


def hold_refusals(saver: save_state.Saver, field: _Field, key: Hashable) -> None:
    """What ``field`` cannot take is held by ``saver`` under ``key`` (the key the view saves the
    field's value under): the view's line says "ยังไม่ได้บันทึก" while the field is red, never
    "บันทึกแล้ว" from an earlier save, and points to the field, which alone says why (TEST31b U3);
    leaving asks; Esc lets it go. A refusal by the core
    under the same key (an end before the start) is the saver's already; Esc lets that go too."""

    def retry() -> None:
        if not field.commit():
            raise ValidationError(field.error())

    field.refused.connect(lambda reason: saver.hold(key, ValidationError(reason), retry=retry,
                                                    on_dropped=field.revert, at_field=True))
    field.reverted.connect(lambda: saver.drop(key))


def commit_focused_field(within: QWidget) -> None:
    """Take what is typed in the date or time field of ``within`` that has the keyboard focus, if
    any: a view calls this before it is left by a shortcut, which moves no focus (a click on a
    button does, and leaving a field takes what it holds)."""
    focused: Any = QApplication.focusWidget()
    while focused is not None and not isinstance(focused, _Field):
        focused = focused.parentWidget()
    if focused is not None and within.isAncestorOf(focused):
        focused.commit()


def confirm_leave_fields(within: QWidget, saver: save_state.Saver | None = None) -> bool:
    """Before a view goes: a date or time of ``within`` that was refused (red under the field, so
    not saved, the typed text still shown) is not dropped without a word. Asks as for any change
    not yet stored (``save_state.ask_unsaved``): let it go (each field shows its stored value
    again) or stay (the first such field gets the focus). No try is offered: taking the same text
    again meets the same refusal (TEST32b B13: the default "ลองบันทึกอีกครั้ง" asked again for ever).
    True when the view may go. ``saver``: the view's, asked first (it holds the refusals its
    fields said, ``hold_refusals``); staying there too puts the focus on the field to fix."""
    refused = [field for field in within.findChildren(_Field) if field.error()]
    if saver is not None and not saver.confirm_leave(within):
        if refused:
            refused[0].line_edit.setFocus()
        return False
    refused = [field for field in refused if field.error()]  # the saver's "discard" showed them stored
    if not refused:
        return True
    message = strings_save.LEAVE_QUESTION_FIX.format(count=digits_module.number(len(refused)), reason=refused[0].error())
    # looked up each time: tests answer for the user
    choice = save_state.ask_unsaved(within, message, can_retry=False)
    if choice == "discard":
        for field in refused:
            field.revert()
        return True
    refused[0].line_edit.setFocus()
    return False
