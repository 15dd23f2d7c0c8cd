"""Choosing what a key is bound to, with the key's fingerprint shown to compare first (the
signers dialog's "ผูกกับโรงเรียน…", "ยกเลิกการผูก…" and the office key's bind and unbind)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from . import strings as s
from .words import key_label, muted

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import Signer


class SchoolChoiceDialog(QDialog):
    """Choose a school for a key, with the key's fingerprint shown to compare before confirming
    (binding), or one of the schools bound to it (unbinding). ``schools``: (code, shown text);
    ``label`` and ``none`` name what is chosen (an area office for an office key)."""

    def __init__(self, title: str, intro: str, signer: Signer, schools: list[tuple[str, str]], check: str,
                 confirm: str, parent: QWidget | None = None, *, label: str = s.BIND_SCHOOL,
                 none: str = s.BIND_NO_SCHOOLS) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        whose = muted(s.BIND_KEY_OF.format(name=signer.name or s.UNNAMED_SENDER))
        self.key = key_label(signer.fingerprint, scale=1.3, bold=True)
        self.key.setObjectName("bindFingerprint")
        check_label = QLabel(check)
        check_label.setWordWrap(True)
        check_label.setStyleSheet("color: #8a5a00;")
        self.combo = QComboBox()
        self.combo.setObjectName("bindSchool")
        for code, text in schools:
            self.combo.addItem(text, code)
        if len(schools) > 8:  # a district's list: type part of a name or code to find it
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.combo.completer()
            assert completer is not None  # an editable combo box has one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.combo.editTextChanged.connect(lambda _text: self._update())
        school_row = QHBoxLayout()
        school_row.addWidget(QLabel(label))
        school_row.addWidget(self.combo, 1)
        self.none_label = muted(none)
        self.none_label.setVisible(not schools)
        self.combo.setVisible(bool(schools))
        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton(confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(s.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        # A deliberate act: Enter (in the school's box) does not bind or unbind by accident.
        self.confirm_button.setAutoDefault(False)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addSpacing(6)
        layout.addWidget(whose)
        layout.addWidget(self.key)
        layout.addWidget(check_label)
        layout.addSpacing(6)
        layout.addLayout(school_row)
        layout.addWidget(self.none_label)
        layout.addWidget(self.buttons)
        self._update()
        self.combo.setFocus()

    def choose(self, code: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(code))

    def chosen_code(self) -> str | None:
        index = self.combo.currentIndex()
        if index < 0 or (self.combo.isEditable() and self.combo.currentText() != self.combo.itemText(index)):
            return None
        return str(self.combo.itemData(index))

    def chosen_text(self) -> str:
        return self.combo.currentText()

    def _update(self) -> None:
        self.confirm_button.setEnabled(self.chosen_code() is not None)

    def accept(self) -> None:
        if self.chosen_code() is not None:
            super().accept()
