"""Reopening a confirmed visit record: why, and which member of the visiting team asks (TEST34C
C3, C9). An empty reason keeps the box open with the refusal under the field (the small input box
closed and the refusal went to the header in red); the team member is asked only when there are
several, the first chosen by default."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.common.save_lines import ERROR_COLOUR

from . import strings as text


class ReopenDialog(QDialog):
    """Asks the reason and, with several named visitors, who reopens. :attr:`reason` and
    :attr:`person` hold the answer once accepted."""

    def __init__(self, parent: QWidget | None, team: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(text.REOPEN_TITLE)
        self.setObjectName("reopenDialog")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.team = QComboBox(self)
        self.team.setObjectName("reopenWho")
        self.team.addItems(team)
        if len(team) > 1:
            form.addRow(text.REOPEN_WHO, self.team)
        else:
            self.team.hide()
        self.reason_field = QLineEdit(self)
        self.reason_field.setObjectName("reopenReason")
        self.reason_field.setMinimumWidth(420)
        form.addRow(text.REOPEN_PROMPT, self.reason_field)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("reopenMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text.REOPEN_OK)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(text.REOPEN_CANCEL)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason_field.textChanged.connect(lambda _text: self.message.hide())
        self.reason = ""
        self.person = ""

    def accept(self) -> None:
        reason = self.reason_field.text().strip()
        if not reason:  # C9: said under the field, the box stays open
            self.message.setText(text.REOPEN_NEEDS_REASON)
            self.message.show()
            self.reason_field.setFocus()
            return
        self.reason, self.person = reason, self.team.currentText()
        super().accept()


def ask_reopen(parent: QWidget, team: list[str]) -> tuple[str, str] | None:
    """(reason, team member: "" when the team has no name) or None when the user cancelled."""
    dialog = ReopenDialog(parent, team)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason, dialog.person


def ask_confirmer(parent: QWidget, team: list[str]) -> str | None:
    """Which member of the team confirms the record (TEST34C C3): asked only when there are several,
    the first offered; "" for a team of one (the core takes the first), None when cancelled."""
    if len(team) < 2:
        return ""
    from PySide6.QtWidgets import QInputDialog

    box = QInputDialog(parent)
    box.setWindowTitle(text.FINALISE_TITLE)
    box.setLabelText(text.FINALISE_BY)
    box.setComboBoxItems(team)
    box.setComboBoxEditable(False)
    box.setTextValue(team[0])
    box.setOkButtonText(text.FINALISE_BY_OK)
    box.setCancelButtonText(text.REOPEN_CANCEL)
    return box.textValue() if box.exec() == QDialog.DialogCode.Accepted else None


def ask_who(parent: QWidget, team: list[str], *, reopening: bool) -> tuple[str, str] | None:
    """(reason, team member) for a reopen (:func:`ask_reopen`), ("", team member) for a confirmation
    (:func:`ask_confirmer`); None when the user cancelled."""
    if reopening:
        return ask_reopen(parent, team)
    name = ask_confirmer(parent, team)
    return None if name is None else ("", name)
