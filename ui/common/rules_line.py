"""The line under a page whose rules an office may change (coverage, budget requests): a hint
naming the rules file in force and a button that gives the office its own copy to edit
(``qualityschool_desktop.office_rules``). Each feature says which file is in force and in what
words (``RuleWords``); the button, the copy and its message are the same for both."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.save_lines import ERROR_COLOUR, SaveStateLine


class RuleWords(NamedTuple):
    """A feature's words: the button and its tip, the message once the copy is made ({path}), and
    the hint naming the office's copy in force ({path})."""

    button: str
    tip: str
    made: str
    office: str


class OfficeRulesLine(QWidget):
    """A hint naming the rules file in force (``where``, set by the feature) and the button that
    makes the office's copy with ``make_copy_of`` (the core's ``make_office_rules``)."""

    def __init__(self, save_line: SaveStateLine, make_copy_of: Callable[[], Path], words: RuleWords,
                 *, read_only: bool = False) -> None:
        super().__init__()
        self.save_line = save_line
        self.words = words
        self._make_copy_of = make_copy_of
        self.where = QLabel("")
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path, to copy
        self.button = QPushButton(words.button)
        self.button.setToolTip(words.tip)
        self.button.setEnabled(not read_only)
        self.button.clicked.connect(lambda _c=False: self.make_copy())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.where, 1)
        row.addWidget(self.button)

    def make_copy(self) -> None:
        """Give the office its own copy to edit (an existing one is kept) and say where it is."""
        try:
            path = self._make_copy_of()
        except QualitySchoolError as error:
            self.save_line.show_message(str(error), ERROR_COLOUR)
            return
        self.save_line.show_message(self.words.made.format(path=path))
        self.where.setText(self.words.office.format(path=path))
