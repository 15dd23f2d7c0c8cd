"""A yes/no question before a decision that travels to other laptops (accept, reject, use a
version, unbind): window-modal but not blocking (``open``, not ``exec``), "no" by default, so Enter
never decides by accident and tests press the buttons a person would."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from . import strings as s

YES_BUTTON = "questionYes"  # the object name of the button that says yes


def ask(parent: QWidget, title: str, question: str, yes: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Ask ``question``; ``on_yes`` runs when the ``yes`` button is pressed. Returns the box (open)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    yes_button.setObjectName(YES_BUTTON)
    no_button = box.addButton(s.CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    yes_button.clicked.connect(on_yes)
    box.open()
    return box

