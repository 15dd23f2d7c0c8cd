"""RETEST30 N1 in the senders' dialog: binding the school's second laptop by its fingerprint applies
the change of that laptop that waited here, and the message says so."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop import exchange
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.question import YES_BUTTON
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import CODE_A, Laptop, laptops  # noqa: F401 (laptops is a fixture)
from ..test_exchange_rejudge import _two_laptops

pytestmark = pytest.mark.usefixtures("styled_app")


def test_binding_the_second_laptop_applies_its_waiting_change_and_says_so(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Any) -> None:
    ids, _x, y, _l1, l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    district.activate()
    with Workspace.open(district.db) as workspace:
        assert len(exchange.list_pending(workspace)) == 2
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        choice = dialog.new_key.open()
        choice.key.setText(exchange.fingerprint_groups(l2.fingerprint, full=True))
        choice.choose(CODE_A)
        choice.accept()
        # The school is bound to its first laptop's key here: the bind asks first, adding a laptop (retest30 N2).
        assert dialog.new_key.question is not None
        dialog.new_key.question.findChild(QPushButton, YES_BUTTON).click()
        said = dialog.save_line.label.text()
        assert "ใช้การแก้ไขที่รอตรวจสอบ ๒ รายการแล้ว" in said, said
        assert exchange.list_pending(workspace) == []
        answer = workspace.answers.get(ids["assessment"], ids["item2"])
        assert answer is not None and answer.level == 1
        dialog.resize(1366, 700)
        dialog.grab().save(str(tmp_path / "bind-rejudged.png"))


def test_the_rejection_question_says_what_a_later_binding_of_the_senders_key_does(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Any) -> None:
    from ui.exchange.pending_dialog import PendingDialog

    from .test_exchange_review import controller_of, open_window, wait_for_dialog

    _ids, _x, y, _l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    district.activate()
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    [change] = [c for c in dialog.changes if c.table == "answers"]
    dialog.select(change.id)
    dialog.reject_button.click()
    assert dialog.question is not None
    asked = dialog.question.text() if hasattr(dialog.question, "text") else str(dialog.question)
    assert "จะไม่ถามเรื่องนี้อีก" in asked
    # RETEST31 R6: not only that file: any file imported after the binding that carries the change
    # (the school's main laptop's, which took it in) applies it; the question says so.
    assert "กุญแจของผู้ส่งผูกกับโรงเรียนนี้" in asked and "ไฟล์ใดก็ตามที่มีการแก้ไขนี้" in asked
    assert "เครื่องอื่นของโรงเรียน" in asked
    assert "ประวัติการแก้ไขที่มากับการเปลี่ยนแปลงนี้" in asked  # RETEST31 R2: it goes with the answer
    dialog.question.grab().save(str(tmp_path / "reject-question.png"))
    dialog.question.close()
    window.close()
