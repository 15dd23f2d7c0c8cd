"""test33 T8 in the window: on a laptop that only received the school (a supervisor's), binding
this laptop's own key to it (ผู้ส่งข้อมูล › "ผูกเครื่องใหม่ด้วยลายนิ้วมือ…") asks first, saying "เครื่องนี้ไม่ใช่เครื่องของโรงเรียน…";
"no" is the default (Esc binds nothing), the yes button binds."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from qualityschool_desktop import exchange
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.question import YES_BUTTON
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import CODE_A, Laptops, laptops  # noqa: F401
from ..test_bind_not_the_school import supervisor_with_a_visit

pytestmark = pytest.mark.usefixtures("styled_app")


def _bind_own_key(dialog: SignersDialog, fingerprint: str) -> QMessageBox:
    """"ผูกเครื่องใหม่ด้วยลายนิ้วมือ…" with this laptop's own 8 groups (as copied from the dialog's top)."""
    choice = dialog.new_key.open()
    choice.key.setText(exchange.fingerprint_groups(fingerprint))
    choice.choose(CODE_A)
    choice.accept()
    question = dialog.new_key.question
    assert isinstance(question, QMessageBox) and question.isVisible()
    return question


def test_binding_this_laptops_own_key_to_a_received_school_asks_first(
    qtbot: Any, laptops: Laptops, tmp_path: Any,
) -> None:
    _school, _district, supervisor, ids = supervisor_with_a_visit(laptops)
    supervisor.activate()
    with Workspace.open(supervisor.db) as workspace:
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        question = _bind_own_key(dialog, supervisor.fingerprint)
        text = question.text()
        assert text.startswith("เครื่องนี้ไม่ใช่เครื่องของโรงเรียน") and "การนิเทศ" in text, text
        question.grab().save(str(tmp_path / "bind-doubt.png"))
        qtbot.keyClick(question, Qt.Key.Key_Escape)  # no by default: nothing bound
        assert workspace.schools.owned_elsewhere(ids["school"])

        question = _bind_own_key(dialog, supervisor.fingerprint)
        question.findChild(QPushButton, YES_BUTTON).click()
        assert not workspace.schools.owned_elsewhere(ids["school"])  # said deliberately: bound
