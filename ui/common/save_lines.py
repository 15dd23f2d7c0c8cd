"""The lines that say whether a change is stored (issue 8): a view's save-state line
(:class:`SaveStateLine`: "บันทึกแล้ว ✓ 10:42:05", or "ยังไม่ได้บันทึก: <reason>" with "ลองอีกครั้ง")
and the red note by a field or section (:class:`FieldNote`). What they say is decided by the
:class:`~ui.common.save_state.Saver` that runs the view's core calls."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSizePolicy, QWidget

from . import strings_save as text
from .digits import follow, shown, shown_text
from .elided_label import ElidedLabel, line_height

SAVED_COLOUR = "#2e7d32"
ERROR_COLOUR = "#c62828"


def now_text() -> str:
    """The time of a save, "16:30:10", in the window's digit style."""
    return shown(time.strftime("%H:%M:%S"))


def not_saved_text(error: BaseException) -> str:
    return text.NOT_SAVED.format(reason=shown_text(error))  # a core reason's ๐–๙ follow the window


def style_label(label: QLabel, colour: str, *, banner: bool = False) -> None:
    background = " background: #fdecea; border: 1px solid #f5c2bd; border-radius: 4px; padding: 2px 6px;"
    label.setStyleSheet(f"color: {colour};" + (background if banner else ""))


def show_details(parent: QWidget | None, message: str) -> None:
    """The whole of a message shown cut short on a line (looked up each time: tests answer it)."""
    QMessageBox.information(parent, text.DETAILS_TITLE, message)


class SaveStateLine(QWidget):
    """A view's save-state line, with a "ลองอีกครั้ง" button shown while a change waits.

    One line high, always (an ``ElidedLabel``): a long reason ends in "…" and "รายละเอียด" shows
    all of it. Its size hints do not depend on what it says or which buttons show, so the widgets
    beside it stay where they are."""

    def __init__(self, idle: str = "", parent: QWidget | None = None, *, right: bool = False) -> None:
        super().__init__(parent)
        self.label = ElidedLabel(idle, self)
        self.label.setObjectName("saveState")
        if right:
            self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.details_button = QPushButton(text.DETAILS, self)
        self.details_button.setObjectName("saveStateDetailsButton")
        self.details_button.setToolTip(text.DETAILS_TIP)
        self.details_button.clicked.connect(lambda _checked=False: show_details(self, self.label.text()))
        self.details_button.hide()
        self.retry_button = QPushButton(text.RETRY, self)
        self.retry_button.setObjectName("retrySaveButton")
        self.retry_button.setToolTip(text.RETRY_TIP)
        self.retry_button.hide()
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.label, 1)
        self._row.addWidget(self.details_button)
        self._row.addWidget(self.retry_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # What is shown, written again in the digit style chosen later ("บันทึกแล้ว ✓ ๒๐:๐๐:๐๒"
        # kept its Thai digits after Arabic was chosen).
        self._again: Callable[[], str] | None = None
        follow(self._restyle)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self._height())

    words = 80  # pixels kept for the text beside both buttons at least (a short page keeps less)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Room for both buttons and a word or two, whatever is shown now.
        buttons = self.details_button.sizeHint().width() + self.retry_button.sizeHint().width()
        return QSize(buttons + self.words, self._height())

    def keep_for_words(self, pixels: int) -> None:
        """Keep ``pixels`` for the text beside the buttons at least (its least width changes)."""
        if pixels != self.words:
            self.words = pixels
            self.updateGeometry()

    def _height(self) -> int:
        return max(line_height(self.label), self.retry_button.sizeHint().height(),
                   self.details_button.sizeHint().height())

    def text(self) -> str:
        return self.label.text()

    def _tip(self, tip: str) -> None:
        """The label's tooltip: its whole message, and ``tip`` under it (the codes of the characters
        the cleaning changed: TEST34B B13)."""
        if tip:
            self.label.setToolTip(f"{self.label.text()}\n{tip}")

    def show_message(self, message: str, colour: str = SAVED_COLOUR, *, tip: str = "") -> None:
        self.label.set_message(message)
        self._tip(tip)
        style_label(self.label, colour)
        self.retry_button.hide()
        self._again = lambda: shown_text(message)  # our texts write Thai digits
        self._fit()

    def show_saved(self, template: str | None = None, *, tip: str = "") -> None:
        """``template`` may hold ``{time}``; the default is "บันทึกแล้ว ✓ {time}"."""
        moment = time.strftime("%H:%M:%S")
        self.show_message((template or text.SAVED).format(time=shown(moment)), tip=tip)
        self._again = lambda: (template or text.SAVED).format(time=shown(moment))

    def show_failed(self, error: BaseException, *, retrying: bool = False, can_retry: bool = False,
                    also: str = "", tip: str = "") -> None:
        """The refusal (``also``: what a later save did, said after it: TEST34B B12)."""
        message = not_saved_text(error) + (text.RETRYING if retrying else "") + (f" · {also}" if also else "")
        self.label.set_message(message)
        self._tip(tip)
        style_label(self.label, ERROR_COLOUR, banner=True)
        self.retry_button.setVisible(can_retry)
        self._again = lambda: shown_text(message)
        self._fit()

    def _restyle(self, _style: str = "") -> None:
        if self._again is not None:
            self.label.set_message(self._again())
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """"รายละเอียด" only when the message does not fit beside the buttons that must show."""
        room = self.width()
        if self.retry_button.isVisibleTo(self):
            room -= self.retry_button.sizeHint().width() + self._row.spacing()
        self.details_button.setVisible(not self.label.fits(room))


class FieldNote(ElidedLabel):
    """A red line by a field or section: "ยังไม่ได้บันทึก: <reason>", hidden while all is stored.

    One line high and keeping its room while hidden (see :class:`ElidedLabel`): place it where a
    line is free anyway, beside a heading. A click on it shows the whole reason."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName(name)
        style_label(self, ERROR_COLOUR, banner=True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()

    def show_error(self, error: BaseException | None) -> None:
        self.set_message("" if error is None else not_saved_text(error))
        self.setVisible(error is not None)

    def message(self) -> str:
        return "" if self.isHidden() else self.text()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.text():
            show_details(self, self.text())
        super().mousePressEvent(event)


def beside(heading: QWidget, note: FieldNote) -> QHBoxLayout:
    """A heading with its note on the same line: the note's room costs no extra line."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(heading)
    row.addSpacing(12)
    row.addWidget(note, 1, Qt.AlignmentFlag.AlignBottom)
    return row
