"""The senders an office trusts: every signer seen in imported files, with a tick to trust it,
and this installation's own key fingerprint to read out over the phone.

Each tick is saved at once through the exchange core's ``set_trusted`` (no Save button); a tick
the database refuses goes back to what is stored, with "ยังไม่ได้บันทึก" and the reason
(ui/common/save_state.py), and is tried again (or at once with "ลองอีกครั้ง").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.save_state import SaveStateLine, Saver

from . import strings as s
from .import_dialog import format_when, short_fingerprint

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from .api import ExchangeApi

COL_TRUSTED, COL_NAME, COL_KEY, COL_SEEN = range(4)
FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole + 1


class SignersDialog(QDialog):
    def __init__(self, workspace: Workspace, api: ExchangeApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.api = api
        self.setWindowTitle(s.SIGNERS_TITLE)
        self.setMinimumSize(720, 420)
        intro = QLabel(s.SIGNERS_INTRO)
        intro.setWordWrap(True)

        own_row = QHBoxLayout()
        own_row.addWidget(QLabel(s.OWN_KEY))
        self.own_key = QLabel()
        self.own_key.setObjectName("ownFingerprint")
        self.own_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.own_key.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.own_key.setFont(font)
        own_row.addWidget(self.own_key)
        self.copy_button = QPushButton(s.COPY)
        self.copy_button.clicked.connect(self._copy_own)
        own_row.addWidget(self.copy_button)
        own_row.addStretch(1)
        self.own_fingerprint = ""
        try:
            self.own_fingerprint = str(api.own_signer(workspace).fingerprint)
            self.own_key.setText(short_fingerprint(self.own_fingerprint))
        except QualitySchoolError as error:
            self.own_key.setText(str(error))
            self.copy_button.setEnabled(False)

        self.table = QTableWidget(0, len(s.SIGNER_HEADERS))
        self.table.setHorizontalHeaderLabels(list(s.SIGNER_HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.empty = QLabel(s.NO_SIGNERS)
        self.empty.setObjectName("hint")
        self.save_line = SaveStateLine("", self)
        self.error_label = self.save_line.label
        self._saver = Saver(self.save_line, self)
        self.status = QLabel()
        self.status.setObjectName("hint")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(s.CLOSE)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(own_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.save_line)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        signers = [x for x in self.api.list_signers(self.workspace) if x.fingerprint != self.own_fingerprint]
        self.table.blockSignals(True)
        self.table.setRowCount(len(signers))
        for row, signer in enumerate(signers):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if signer.trusted else Qt.CheckState.Unchecked)
            check.setData(FINGERPRINT_ROLE, signer.fingerprint)
            check.setData(FINGERPRINT_ROLE + 1, signer.name)
            self.table.setItem(row, COL_TRUSTED, check)
            self.table.setItem(row, COL_NAME, QTableWidgetItem(signer.name or "—"))
            key = QTableWidgetItem(short_fingerprint(signer.fingerprint))
            key.setToolTip(signer.fingerprint)
            self.table.setItem(row, COL_KEY, key)
            self.table.setItem(row, COL_SEEN, QTableWidgetItem(format_when(getattr(signer, "first_seen_at", ""))))
        self.table.blockSignals(False)
        self.table.setVisible(bool(signers))
        self.empty.setVisible(not signers)
        if signers and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, COL_TRUSTED)

    def signers_shown(self) -> list[tuple[str, bool]]:
        """(fingerprint, trusted) per row, as ticked."""
        return [
            (str(self._tick(row).data(FINGERPRINT_ROLE)), self._tick(row).checkState() == Qt.CheckState.Checked)
            for row in range(self.table.rowCount())
        ]

    def _tick(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, COL_TRUSTED)
        assert item is not None
        return item

    def set_row_trusted(self, row: int, trusted: bool) -> None:
        """As a click on the row's tick does."""
        self._tick(row).setCheckState(Qt.CheckState.Checked if trusted else Qt.CheckState.Unchecked)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        # Space on a row toggles its tick wherever the cursor is in the row.
        row = self.table.currentRow()
        if event.key() == Qt.Key.Key_Space and self.table.hasFocus() and row >= 0:
            self.set_row_trusted(row, self._tick(row).checkState() != Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_TRUSTED:
            return
        trusted = item.checkState() == Qt.CheckState.Checked
        fingerprint = str(item.data(FINGERPRINT_ROLE))
        name = str(item.data(FINGERPRINT_ROLE + 1) or "")
        self._saver.run(lambda: self.api.set_trusted(self.workspace, fingerprint, trusted, name=name),
                        key=("trust", fingerprint), on_saved=lambda _result: self.refresh(),
                        on_failed=lambda _error: self.refresh())  # back to what the database says

    def _copy_own(self) -> None:
        QGuiApplication.clipboard().setText(self.own_key.text())
        self.status.setText(s.COPIED)
