"""A record's status in its view, shared by the assessment view (ฉบับร่าง → ส่งแล้ว) and the visit
view (ฉบับร่าง → ยืนยันแล้ว).

:class:`RecordStatus` shows the status: a chip with its name and colour, the close button (submit,
finalise) or the reopen button, and the notice over a closed record, or over every record of a
database opened read-only (then the buttons are off too). It closes a record after the view's
question and reopens one, asking for a reason where the record needs one, through the view's
:class:`~ui.common.save_state.Saver` under one key, so the save-state line says "saved" only after
the core stored the change and a refusal shows its reason there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QWidget

from qualityschool_desktop.changes import Changes

from . import strings_save
from .save_state import Saver
from .widgets import ColourChip

T = TypeVar("T")

STATUS_KEY = ("status",)  # what a status change is saved under (a newer one replaces one waiting)
DEFAULT_COLOUR = "#78909c"


@dataclass(frozen=True)
class StatusLook:
    """How a kind of record shows its status: the Thai name and chip colour of each status, and
    the notice over a closed record."""

    names: Mapping[str, str]
    colours: Mapping[str, str]
    closed_notice: str


def status_notice(name: str, message: str, parent: QWidget) -> QLabel:
    """The pale yellow notice over a closed or read-only record (object name ``name``)."""
    notice = QLabel(message, parent)
    notice.setObjectName(name)
    notice.setWordWrap(True)
    notice.setStyleSheet(f"QLabel#{name} {{ background: #fff8e1; border: 1px solid #ffe082; padding: 4px 8px; }}")
    return notice


def ask_reason(parent: QWidget, title: str, prompt: str) -> str | None:
    """A line of text, or None when the user cancelled."""
    reason, accepted = QInputDialog.getText(parent, title, prompt)
    return reason if accepted else None


class RecordStatus(QObject):
    """The status part of one record view (see the module's notes). ``read_only``: the database
    was opened read-only; nothing can be closed or reopened. ``read_only_notice``: why, when it is
    another reason than the database's (a school's record owned by the school's keys)."""

    def __init__(self, saver: Saver, chip: ColourChip, notice: QLabel, look: StatusLook, *, read_only: bool,
                 parent: QObject, read_only_notice: str = "") -> None:
        super().__init__(parent)
        self._saver = saver
        self._chip = chip
        self._notice = notice
        self._look = look
        self._read_only = read_only
        self._read_only_notice = read_only_notice or strings_save.READ_ONLY_NOTICE
        self._buttons: list[tuple[QPushButton, QPushButton]] = []

    def add_buttons(self, close: QPushButton, reopen: QPushButton) -> None:
        """A pair of buttons that close and reopen the record (a view may have more than one pair)."""
        self._buttons.append((close, reopen))

    def show(self, status: str, *, closed: bool) -> None:
        """The chip, the buttons and the notice for ``status``; ``closed``: submitted, final."""
        self._chip.set_chip(self._look.names.get(status, status), self._look.colours.get(status, DEFAULT_COLOUR))
        for close, reopen in self._buttons:
            close.setVisible(not closed)
            reopen.setVisible(closed)
            for button in (close, reopen):
                button.setEnabled(not self._read_only)
        # Read-only: the editors are shut with a note, rather than failing on every keystroke.
        self._notice.setText(self._read_only_notice if self._read_only else self._look.closed_notice)
        self._notice.setVisible(self._read_only or closed)

    def close(self, action: Callable[[], T], *, saved: str, on_saved: Callable[[T], None],
              confirm: Callable[[], bool] | None = None, changes: Changes | None = None) -> T | None:
        """Close the record with ``action`` (the core's submit or finalise) once ``confirm()``
        agreed; ``saved`` is the save-state message, ``on_saved`` gets the updated record."""
        if confirm is not None and not confirm():
            return None
        return self._saver.run(action, key=STATUS_KEY, saved=saved, on_saved=on_saved, changes=changes)

    def reopen(self, action: Callable[[str], T], *, saved: str, on_saved: Callable[[T], None],
               reason: Callable[[], str | None] | None = None, changes: Changes | None = None) -> T | None:
        """Open the record for changes again with ``action(reason)``; ``reason()`` asks why (None:
        the user cancelled, nothing happens). Without it the reason is empty. The core refuses a
        reason it requires and finds empty: the save-state line then says so."""
        given = "" if reason is None else reason()
        if given is None:
            return None
        return self._saver.run(lambda: action(given), key=STATUS_KEY, saved=saved, on_saved=on_saved,
                               changes=changes)
