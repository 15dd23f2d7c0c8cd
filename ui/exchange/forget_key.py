"""ลืมกุญแจนี้: forgetting a key from the senders' window, as ``signers --forget`` does.

The command line's ``signers --forget FINGERPRINT`` (``exchange.bindings.forget``: one write, one
transaction) as a deliberate act in the signers dialog (ผู้ส่งข้อมูล): select the key's row, press
"ลืมกุญแจนี้…" (or Delete in the list), read what will happen (the schools it is bound to lose it,
said first: their later changes from it wait as pending until it is bound again; its same-school
words go and the rows they moved are taken back; a key bound to no school: its later files are
treated as from a stranger) with the fingerprint to compare, and confirm. The write goes through the
save-state helper; then the change notice refreshes the dialog (and every page showing what the
words had moved), and a notice counts what was taken back, in the command line's words
(``forgotten.TakenBack.sentences``). This laptop's own key cannot be forgotten: its twin button
beside the key is off and says why; so is the action in a read-only database.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from qualityschool_desktop.changes import Changes
from ui.common.digits import shown_text

from . import strings as s
from .words import format_when, groups, key_label, muted

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import Signer

    from .review import ExchangeDialog

NOTE_COLOUR = "#8a5a00"  # amber, as the import card's notes: neither done nor failed


class ForgetKeyDialog(QDialog):
    """The key (name, fingerprint as groups), what forgetting it does here (``schools``: the
    schools bound to it, ``words``: those its same-school words name, as the window writes them),
    and the confirmation "ลืมกุญแจนี้" (not the default button: Enter cancels)."""

    def __init__(self, signer: Signer, schools: list[str], words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.FORGET_TITLE)
        self.setMinimumWidth(660)
        self.signer = signer
        self.key = key_label(signer.fingerprint, scale=1.15, bold=True)
        self.key.setObjectName("forgetKey")
        # A school's own key: the school loses it first and foremost (test29b B1), said first.
        lines = [s.FORGET_SCHOOLS.format(schools=", ".join(schools), bind_again=s.BIND_AGAIN)] if schools else []
        lines.append(s.FORGET_WORDS.format(codes=", ".join(words)) if words else s.FORGET_NO_WORDS)
        lines.append(s.FORGET_KEPT if schools else s.FORGET_STRANGER)
        self.happens = QLabel("\n".join([s.FORGET_HAPPENS, *lines]))
        self.happens.setObjectName("forgetHappens")
        self.happens.setWordWrap(True)
        self.happens.setTextFormat(Qt.TextFormat.PlainText)
        check = QLabel("\n".join([s.FORGET_SCHOOL_KEY, s.FORGET_CHECK] if schools else [s.FORGET_CHECK]))
        check.setWordWrap(True)
        check.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.warning = check
        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton(s.FORGET_CONFIRM, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("confirmForget")
        cancel = self.buttons.addButton(s.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.setAutoDefault(False)  # a deliberate act: Enter does not forget by accident
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        name = QLabel(s.FORGET_INTRO.format(name=signer.name or s.UNNAMED_SENDER))
        name.setTextFormat(Qt.TextFormat.PlainText)  # a name from a file
        layout.addWidget(name)
        layout.addWidget(self.key)
        layout.addSpacing(6)
        layout.addWidget(self.happens)
        layout.addSpacing(6)
        layout.addWidget(check)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        cancel.setFocus()


class ForgetKey:
    """The signers dialog's "ลืมกุญแจนี้…" button (``button``) for the key ``selected()`` returns,
    and ``own_button``, off, beside this laptop's own key; ``dialog`` gives the workspace, the core,
    the save line and the change notices. ``notice``: the message box that said what was taken back."""

    def __init__(self, dialog: ExchangeDialog, selected: Callable[[], Signer | None],
                 school_text: Callable[[str], str]) -> None:
        self._dialog = dialog
        self._selected = selected
        self._school_text = school_text
        self.choice: ForgetKeyDialog | None = None
        self.notice: QMessageBox | None = None
        self.button = QPushButton(s.FORGET)
        self.button.setObjectName("forgetKey")
        self.button.clicked.connect(self.open)
        # This laptop's own key is never forgotten (bindings.forget refuses it): the same action
        # beside it, off, says why where a person would look for it.
        self.own_button = QPushButton(s.FORGET)
        self.own_button.setObjectName("forgetOwnKey")
        self.own_button.setEnabled(False)
        self.own_button.setToolTip(s.FORGET_OWN_TIP)

    def update(self, writable: bool) -> None:
        """On for a key of another laptop selected in a database that can be written; off with
        a tooltip saying why otherwise."""
        signer = self._selected()
        own = signer is not None and signer.is_own
        self.button.setEnabled(writable and signer is not None and not own)
        self.button.setToolTip(s.FORGET_READ_ONLY_TIP if not writable else s.FORGET_OWN_TIP if own
                               else s.FORGET_NONE_TIP if signer is None else s.FORGET_TIP)

    def open(self) -> ForgetKeyDialog | None:
        """Ask to confirm forgetting the selected key, saying what that does here."""
        signer = self._selected()
        if signer is None or signer.is_own or not self.button.isEnabled():
            return None
        self.choice = ForgetKeyDialog(signer, [self._school_text(code) for code in signer.schools],
                                      [self._school_text(code) for code in signer.same_school], self._dialog)
        self.choice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.choice.accepted.connect(partial(self._forget, signer))
        self.choice.open()
        return self.choice

    def _forget(self, signer: Signer) -> None:
        dialog = self._dialog
        saved = s.FORGOTTEN.format(groups=groups(signer.fingerprint), time="{time}")
        dialog._saver.run(partial(dialog.api.forget, dialog._workspace(), signer.fingerprint),
                          key=("forget", signer.fingerprint), saved=saved,
                          on_saved=partial(self._taken, signer))

    def _taken(self, signer: Signer, taken: Any) -> None:
        """Say what was taken back (counted, as the command line does), then refresh every view."""
        key = groups(signer.fingerprint)
        if taken.already:  # forgotten elsewhere meanwhile (signers --forget, another window): no "✓" (fx30 B7b)
            text = s.FORGOTTEN_ALREADY.format(groups=key, when=format_when(taken.already))
            self._dialog._saver.say(s.FORGOTTEN_ALREADY_LINE.format(groups=key), NOTE_COLOUR)
        else:
            said = [shown_text(sentence) for sentence in taken.sentences()]
            if taken.unbound:  # the school(s) first, with the way to bind the key back (test29b B1)
                said[0] = f"{said[0]} {s.BIND_AGAIN}"
            head = (s.FORGOTTEN_BOUND_NOTICE if taken.unbound else s.FORGOTTEN_NOTICE).format(groups=key)
            text = "\n\n".join([head, *(said or [s.FORGOTTEN_NOTHING_MOVED])])
        self.notice = QMessageBox(QMessageBox.Icon.Information, s.FORGOTTEN_TITLE, text,
                                  QMessageBox.StandardButton.Ok, self._dialog)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("QLabel#qt_msgbox_label { min-width: 560px; }")  # the key's line whole
        self.notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice.open()
        from qualityschool_desktop.exchange import forgotten, same_school  # loaded by the dialog already

        # the rows a same-school word had moved, wherever they show
        moved = (*same_school.REPOINTED, *forgotten.VISIT_PARTS, "follow_ups")
        self._dialog.ops.publish(Changes(signers=True) | Changes.from_tables(moved))
