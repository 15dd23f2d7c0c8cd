"""ผูกการนิเทศกับกุญแจใหม่: a supervisor who reinstalled carries on her visits, from the window.

The command line's ``signers --bind NEW --visits-of OLD`` (``exchange.bindings.bind_visits``) as a
deliberate act in the signers dialog (ผู้ส่งข้อมูล): choose the old key's row (the visits its laptop
made are counted there), press "ผูกการนิเทศกับกุญแจใหม่…", choose the new key (this laptop's own
key first: the reinstalled laptop itself; or another key seen in a file: an office), compare both
fingerprints, shown as groups to read out over the phone, and confirm. The write goes through the
save-state helper (the line says it is bound only after the core returned, or why not); the change
notice refreshes the signers and every page showing visits (the old visits turn editable here when
the new key is this laptop's own). It holds in this database only, as on the command line.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import number as count_text

from . import strings as s
from .words import groups, key_label, muted

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import Signer

    from .review import ExchangeDialog


class VisitsRebindDialog(QDialog):
    """The old key (its visits), the new key to choose among ``choices`` (shown as groups as the
    choice changes) and the Thai question; "ลายนิ้วมือตรงกัน ผูกการนิเทศ" confirms."""

    def __init__(self, old: Signer, choices: list[Signer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.REBIND_TITLE)
        self.setMinimumWidth(660)
        self.old = old
        self.choices = choices
        self.intro = intro = QLabel(s.REBIND_INTRO.format(count=count_text(old.visits)))
        intro.setWordWrap(True)
        self.old_key = key_label(old.fingerprint, scale=1.15, bold=True)
        self.old_key.setObjectName("rebindOldKey")
        self.combo = QComboBox()
        self.combo.setObjectName("rebindNewKey")
        for signer in choices:
            name = s.REBIND_OWN_KEY if signer.is_own else (signer.name or s.UNNAMED_SENDER)
            self.combo.addItem(f"{name}  ({signer.short_fingerprint})", signer.fingerprint)
        self.new_key = key_label(choices[0].fingerprint if choices else "", scale=1.15, bold=True)
        self.new_key.setObjectName("rebindNewFingerprint")
        self.combo.currentIndexChanged.connect(self._show_new_key)
        check = QLabel(s.REBIND_CHECK)
        check.setWordWrap(True)
        check.setStyleSheet("color: #8a5a00;")
        new_row = QHBoxLayout()
        new_row.addWidget(QLabel(s.REBIND_NEW))
        new_row.addWidget(self.combo, 1)
        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton(s.REBIND_CONFIRM, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(s.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.setAutoDefault(False)  # a deliberate act: Enter does not bind by accident
        self.confirm_button.setEnabled(bool(choices))
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(muted(s.REBIND_OLD.format(name=old.name or s.UNNAMED_SENDER)))
        layout.addWidget(self.old_key)
        layout.addSpacing(6)
        layout.addLayout(new_row)
        layout.addWidget(self.new_key)
        layout.addWidget(check)
        layout.addStretch(1)  # the whole question together at the top, however tall the dialog
        layout.addWidget(self.buttons)
        self.combo.setFocus()

    def chosen(self) -> Signer | None:
        index = self.combo.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def choose(self, fingerprint: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(fingerprint))

    def _show_new_key(self, _index: int) -> None:
        signer = self.chosen()
        self.new_key.setText(groups(signer.fingerprint) if signer else "")
        self.new_key.setToolTip(signer.fingerprint if signer else "")


class VisitsRebind:
    """The signers dialog's "ผูกการนิเทศกับกุญแจใหม่…" button (``button``) and what it does, for
    the key ``selected()`` returns (the old key); ``dialog`` gives the workspace, the core, the
    save line and the change notices."""

    def __init__(self, dialog: ExchangeDialog, selected: Callable[[], Signer | None]) -> None:
        self._dialog = dialog
        self._selected = selected
        self.choice: VisitsRebindDialog | None = None
        self.button = QPushButton(s.REBIND)
        self.button.setObjectName("rebindVisits")
        self.button.setToolTip(s.REBIND_TIP)
        self.button.clicked.connect(self.open)

    def update(self, writable: bool) -> None:
        """On only for a key whose laptop made visits here, in a database that can be written."""
        signer = self._selected()
        self.button.setEnabled(writable and signer is not None and signer.visits > 0)

    def open(self) -> VisitsRebindDialog | None:
        """Ask which key the selected key's visits pass to (this laptop's own first)."""
        old = self._selected()
        if old is None or not old.visits:
            return None
        dialog = self._dialog
        workspace = dialog._workspace()
        none: list[Signer] = []
        known = dialog._saver.read(lambda: dialog.api.list_signers(workspace), none)
        try:
            own = [dialog.api.own_signer(workspace)]
        except QualitySchoolError:
            own = []
        choices = own + [x for x in known if x.fingerprint != old.fingerprint and not x.is_own
                         and all(x.fingerprint != o.fingerprint for o in own)]
        self.choice = VisitsRebindDialog(old, choices, dialog)
        self.choice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.choice.accepted.connect(partial(self._bind, old, self.choice))
        self.choice.open()
        return self.choice

    def _bind(self, old: Signer, choice: VisitsRebindDialog) -> None:
        new = choice.chosen()
        if new is None:
            return
        dialog = self._dialog
        saved = s.REBOUND.format(count=count_text(old.visits), old=groups(old.fingerprint),
                                 new=groups(new.fingerprint), time="{time}")
        dialog._saver.run(partial(dialog.api.bind_visits, dialog._workspace(), new.fingerprint, old.fingerprint),
                          key=("rebind", old.fingerprint), saved=saved,
                          on_saved=lambda _signer: dialog.ops.publish(
                              Changes(signers=True) | Changes.from_tables(["visits", "follow_ups"])))
