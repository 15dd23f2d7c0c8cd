"""TEST31b U11: the senders' window (ผู้ส่งข้อมูล) as a 1366×768 screen leaves it, after binding a new
laptop by its 8 groups: the buttons on one row, the green result line whole (not cut at "(…"),
and the list of keys shows more than two rows."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.common.screen import FRAME
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.question import YES_BUTTON
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import CODE_A, Laptop, laptops, start_school  # noqa: F401 (laptops is a fixture)

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None
GROUPS = "BCF7-7D0A-3BFA-23CA-DB77-ED6D-568D-5C53"
SCREEN = QSize(1366, 768)  # the tester's screen, no taskbar (Xvfb)


def test_the_senders_window_fits_after_a_bind(qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Any) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    district.import_(school.export("a.qsx"))  # a school's key in the list, as the tester had
    district.activate()
    with Workspace.open(district.db) as workspace:
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.resize(SignersDialog.SIZE.boundedTo(SCREEN - FRAME))  # what fit_to_screen gives on that screen
        dialog.show()
        choice = dialog.new_key.open()
        choice.key.setText(GROUPS)
        choice.choose(CODE_A)
        choice.accept()
        dialog.new_key.question.findChild(QPushButton, YES_BUTTON).click()  # the school has a key: asked first
        qtbot.wait(50)
        dialog.grab().save(str((SHOTS or tmp_path) / "fxUa-signers.png"))
        assert "รอไฟล์แรก" in dialog.save_line.label.text()
        buttons = [b for b in (dialog.bind_button, dialog.unbind_button, dialog.rebind_visits.button,
                               dialog.new_key.button, dialog.office_button, dialog.unbind_office_button,
                               dialog.forget.button) if b.isVisible()]
        assert len({b.mapTo(dialog, b.rect().topLeft()).y() for b in buttons}) == 1, [b.text() for b in buttons]
        assert dialog.save_line.label.shown_text() == dialog.save_line.label.text(), dialog.save_line.label.shown_text()
        rows = dialog.table.viewport().height() // max(1, dialog.table.rowHeight(0))
        assert rows >= 4, rows
