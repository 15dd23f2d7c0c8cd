"""ผูกเครื่องใหม่ด้วยลายนิ้วมือ: bind a school's new laptop by the groups read out over the phone.

The signers dialog binds a key it lists; a school's new laptop (a second one, or one that replaced
the old) has sent no file here yet, so it is not listed. This button asks for its fingerprint as
the new laptop shows it (แฟ้ม › ผู้ส่งข้อมูล: 8 groups, or all 16) and the school, and calls the
core's ``bind`` exactly as ``signers --bind GROUPS --school CODE`` does: a key seen here is bound
now; otherwise the binding waits for that laptop's first file (``exchange/waiting.py``), and the
dialog lists it under the keys until then. "ยกเลิกการผูกที่รอ…" removes one (``signers --unbind``).
Every write goes through the save-state helper; the change notice refreshes the dialog.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import moment, shown

from . import strings as s
from .question import ask
from .words import bound, braces, key_font, muted, said

if TYPE_CHECKING:
    from qualityschool_desktop.schools import School

    from .review import ExchangeDialog

GROUP_DIGITS = 32  # the 8 groups: the least the core takes (bindings.MIN_DIGITS)
_SEPARATORS = re.compile(r"[\s\-:]")
_HEX = re.compile(r"^[0-9A-Fa-f]*$")


def typed_digits(text: str) -> str:
    """The hex digits typed (dashes, spaces and colons dropped), upper case; "" when anything else
    is in the text."""
    digits = _SEPARATORS.sub("", text)
    return digits.upper() if _HEX.match(digits) else ""


def as_groups(digits: str) -> str:
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


class NewKeyDialog(QDialog):
    """The new laptop's fingerprint (typed, with a line saying how much of it is there) and the
    school (``schools``: (code, shown text)); the confirm button is on once 8 groups and a school are."""

    def __init__(self, schools: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.NEW_KEY_TITLE)
        self.setMinimumWidth(640)
        intro = QLabel(s.NEW_KEY_INTRO)
        intro.setWordWrap(True)
        self.key = QLineEdit()
        self.key.setObjectName("newKeyFingerprint")
        self.key.setPlaceholderText("ABCD-EF12-…")
        self.key.setFont(key_font(self.key.font(), scale=1.15))
        self.key.textChanged.connect(lambda _text: self._update())
        self.count = muted("")
        self.count.setObjectName("newKeyCount")
        # What was typed, in the groups the new laptop shows: read back to its user (test30a B15).
        self.read_back = QLabel()
        self.read_back.setObjectName("newKeyReadBack")
        self.read_back.setFont(key_font(self.read_back.font(), scale=1.15))
        self.read_back.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.combo = QComboBox()
        self.combo.setObjectName("newKeySchool")
        for code, text in schools:
            self.combo.addItem(text, code)
        school_row = QHBoxLayout()
        school_row.addWidget(QLabel(s.BIND_SCHOOL))
        school_row.addWidget(self.combo, 1)
        check = QLabel(s.NEW_KEY_CHECK)
        check.setWordWrap(True)
        check.setStyleSheet("color: #8a5a00;")
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(s.NEW_KEY_CONFIRM, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(s.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.setAutoDefault(False)  # a deliberate act: Enter does not bind by accident
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(QLabel(s.NEW_KEY_LABEL))
        layout.addWidget(self.key)
        layout.addWidget(self.count)
        layout.addWidget(self.read_back)
        layout.addSpacing(6)
        layout.addLayout(school_row)
        layout.addWidget(check)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._update()
        self.key.setFocus()

    def digits(self) -> str:
        return typed_digits(self.key.text())

    def chosen_code(self) -> str | None:
        index = self.combo.currentIndex()
        return str(self.combo.itemData(index)) if index >= 0 else None

    def choose(self, code: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(code))

    def _update(self) -> None:
        text, digits = self.key.text(), self.digits()
        if text.strip() and not digits:
            said = s.NEW_KEY_NOT_HEX
        elif len(digits) < GROUP_DIGITS:
            said = s.NEW_KEY_MORE.format(typed=shown(len(digits)), need=shown(GROUP_DIGITS))
        elif len(digits) > 64:
            said = s.NEW_KEY_TOO_LONG
        else:
            said = s.NEW_KEY_ENOUGH.format(groups=shown((len(digits) + 3) // 4))
        self.count.setText(said)
        self.read_back.setText(as_groups(digits[:64]))
        self.read_back.setVisible(bool(digits))
        self.confirm_button.setEnabled(GROUP_DIGITS <= len(digits) <= 64 and self.chosen_code() is not None)

    def accept(self) -> None:
        if self.confirm_button.isEnabled():
            super().accept()


class WaitingChoiceDialog(QDialog):
    """Choose one of the bindings still waiting for their key (``waiting``: core ``WaitingBinding``s)."""

    def __init__(self, waiting: list[Any], describe: Callable[[Any], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.WAITING_CANCEL_TITLE)
        self.setMinimumWidth(620)
        self.waiting = waiting
        self.combo = QComboBox()
        self.combo.setObjectName("waitingBinding")
        for entry in waiting:
            self.combo.addItem(describe(entry))
        buttons = QDialogButtonBox()
        confirm = buttons.addButton(s.WAITING_CANCEL_CONFIRM, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(s.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        confirm.setAutoDefault(False)
        confirm.setEnabled(bool(waiting))
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        question = QLabel(s.WAITING_CANCEL_QUESTION)
        question.setWordWrap(True)
        layout.addWidget(question)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def chosen(self) -> Any:
        index = self.combo.currentIndex()
        return self.waiting[index] if 0 <= index < len(self.waiting) else None


def bind_after_asking(dialog: "ExchangeDialog", fingerprint: str, code: str, school: str, groups: str,
                      bind: Callable[[], None]) -> QMessageBox | None:
    """Run ``bind`` at once when the school ``code`` (shown as ``school``) is bound to no other
    key and the bind raises no doubt; on a doubt (``bind_doubt``: this laptop is not the school's,
    or the key is a visitor's) ask whether to bind all the same; else first ask, naming those keys and saying the bind adds a laptop, replacing none
    (retest30 N2; "no" by default: Enter and Esc cancel). Returns the question when asked."""
    # test33 T8: this laptop's own key for a school it only received, or a visitor's key: ask first.
    nothing: list[Any] = []
    doubt = dialog._saver.read(lambda: dialog.api.bind_doubt(dialog._workspace(), fingerprint, code), nothing)
    if doubt:
        reasons = "\n\n".join(said(sentence) for sentence in doubt)
        box = ask(dialog, s.BIND_DOUBT_TITLE, s.BIND_DOUBT_QUESTION.format(doubt=reasons, groups=groups),
                  s.BIND_DOUBT_YES, bind)
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:  # paragraphs wrap at a width that reads well and keeps the groups whole
            label.setFixedWidth(label.fontMetrics().horizontalAdvance("0") * 64)
            box.setText(box.text())  # the box measures itself again around the label
        return box
    none: list[Any] = []
    keys = dialog._saver.read(lambda: dialog.api.bound_already(dialog._workspace(), fingerprint, code), none)
    if not keys:
        bind()
        return None
    from qualityschool_desktop.exchange import bindings  # loaded already: the api read the keys

    lines = [(s.BIND_ALREADY_KEY if key.name else s.BIND_ALREADY_KEY_UNNAMED).format(groups=key.groups, name=key.name)
             for key in keys]
    question = s.BIND_ALREADY_QUESTION.format(
        school=school, keys="\n".join(lines), groups=groups,
        which=bindings.ALREADY_WHICH.get(len(keys), bindings.ALREADY_WHICH_MORE))
    box = ask(dialog, s.BIND_ALREADY_TITLE, question, s.BIND_ALREADY_YES, bind)
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 34em; }")  # the groups stay whole on their lines
    box.adjustSize()
    return box


class NewKeyBinding:
    """The signers dialog's "ผูกเครื่องใหม่ด้วยลายนิ้วมือ…" and "ยกเลิกการผูกที่รอ…" buttons
    (``button``, ``cancel_button``), the waiting bindings' lines (``label``) and what they do;
    ``dialog`` gives the workspace, the core, the save line and the change notices, ``known()``
    the fingerprints of the keys it lists (this laptop's own included)."""

    def __init__(self, dialog: ExchangeDialog, known: Callable[[], list[str]]) -> None:
        self._dialog = dialog
        self._known = known
        self.choice: NewKeyDialog | WaitingChoiceDialog | None = None
        self.question: QMessageBox | None = None  # "bound to another key already: bind one more?" (N2)
        self.waiting: list[Any] = []
        self.button = QPushButton(s.NEW_KEY)
        self.button.setObjectName("bindNewKey")
        self.button.setToolTip(s.NEW_KEY_TIP)
        self.button.clicked.connect(self.open)
        self.cancel_button = QPushButton(s.WAITING_CANCEL)
        self.cancel_button.setObjectName("cancelWaitingBinding")
        self.cancel_button.clicked.connect(self.open_cancel)
        self.label = muted("", wrap=True)
        self.label.setObjectName("waitingBindings")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def describe(self, entry: Any) -> str:
        school = entry.school_code or "—"
        try:
            school = f"{shown(entry.school_code)}  {self._dialog._workspace().schools.by_code(entry.school_code).name}"
        except QualitySchoolError:  # a school gone since: its code is enough
            pass
        return s.WAITING_LINE.format(groups=entry.groups, school=school, by=entry.bound_by_name or entry.bound_by[:8],
                                     when=moment(entry.bound_at))

    def refresh(self, writable: bool) -> None:
        """Read the waiting bindings again and show them; the buttons on where the database can be written."""
        none: list[Any] = []
        workspace = self._dialog._workspace()
        self.waiting = self._dialog._saver.read(lambda: self._dialog.api.list_waiting(workspace), none)
        lines = [self.describe(entry) for entry in self.waiting]
        self.label.setText("\n".join([s.WAITING_HEADER, *lines, s.WAITING_ADVICE]) if lines else "")
        self.label.setVisible(bool(lines))
        self.button.setEnabled(writable)
        self.cancel_button.setVisible(bool(lines))
        self.cancel_button.setEnabled(writable and bool(lines))

    def open(self) -> NewKeyDialog:
        dialog = self._dialog
        none: list[School] = []
        schools = dialog._saver.read(lambda: dialog._workspace().schools.list(), none)
        self.choice = choice = NewKeyDialog([(x.code, f"{shown(x.code)}  {x.name}") for x in schools], dialog)
        choice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choice.accepted.connect(partial(self._bind, choice))
        choice.open()
        return choice

    def _bind(self, choice: NewKeyDialog) -> None:
        digits, code = choice.digits(), choice.chosen_code()
        if code is None:
            return
        # Known here (a file of it, or a school's statement naming it): bound now; else it waits.
        known = any(fp.upper().startswith(digits) for fp in self._known())
        said = s.BOUND if known or len(digits) == 64 else s.NEW_KEY_WAITING_SAID  # its advice: under the list (U11)
        saved = said.format(groups=as_groups(digits[:GROUP_DIGITS]), school=braces(choice.combo.currentText()),
                            time="{time}")
        dialog = self._dialog
        self.question = bind_after_asking(dialog, digits, code, choice.combo.currentText(),
                                          as_groups(digits[:GROUP_DIGITS]), partial(
            dialog._saver.run, partial(dialog.api.bind, dialog._workspace(), digits, code),
            key=("bind-new", digits, code), saved=saved,
            on_saved=lambda result: bound(dialog._saver, dialog.ops, saved, result)))

    def open_cancel(self) -> WaitingChoiceDialog | None:
        if not self.waiting:
            return None
        self.choice = choice = WaitingChoiceDialog(list(self.waiting), self.describe, self._dialog)
        choice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choice.accepted.connect(partial(self._cancel, choice))
        choice.open()
        return choice

    def _cancel(self, choice: WaitingChoiceDialog) -> None:
        entry = choice.chosen()
        if entry is None:
            return
        dialog = self._dialog
        saved = s.WAITING_CANCELLED.format(groups=entry.groups, school=braces(shown(entry.school_code)), time="{time}")
        dialog._saver.run(partial(dialog.api.unbind, dialog._workspace(), entry.prefix, entry.school_code),
                          key=("bind-new", entry.prefix, entry.school_code), saved=saved,
                          on_saved=lambda _result: dialog.ops.publish(Changes(signers=True)))
