"""The questions the assessment view asks before changing a round's status (kept out of view.py's size)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from . import strings as text


def confirm_reopen(parent: QWidget) -> bool:
    """Ask before a submitted round is opened for changes again: "เปิดแก้ไขอีกครั้ง" sits where
    "ส่งแบบประเมิน" was, so a second click on the same spot must not undo the submission unasked."""
    box = QMessageBox(QMessageBox.Icon.Question, text.REOPEN_CONFIRM_TITLE, text.REOPEN_CONFIRM, parent=parent)
    box.setObjectName("reopenQuestion")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(text.REOPEN)
    box.button(QMessageBox.StandardButton.No).setText(text.KEEP_SUBMITTED)
    return box.exec() == QMessageBox.StandardButton.Yes
