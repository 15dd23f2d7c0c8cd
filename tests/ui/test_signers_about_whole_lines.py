"""The signers window's explanations at 150 % (TEST34B B15): the box at the top was a small scroll
area whose second paragraph was cut through the middle of a line of text ("“ยืนยันแล้ว” คือ…")
while ~90 px stayed empty under the buttons. The box shows whole lines: it takes the room the list
leaves, and where it still has to scroll its visible height ends between two lines."""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Callable

import pytest
from PySide6.QtWidgets import QLabel

from qualityschool_desktop.exchange.signing import Signer
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import Laptop, laptops  # noqa: F401 (laptops is a fixture)
from .test_senders_many_keys import code_of, key_of

pytestmark = pytest.mark.usefixtures("styled_app")


def cut_lines(dialog: SignersDialog) -> list[str]:
    """The labels in the explanations whose text the box's lower edge cuts through a line."""
    area = dialog.about
    content = area.widget()
    assert content is not None
    bottom = area.viewport().height() + area.verticalScrollBar().value()  # in the content's pixels
    cut = []
    for label in content.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        rect = label.contentsRect()
        top = label.mapTo(content, rect.topLeft()).y()
        spacing = label.fontMetrics().lineSpacing()
        lines = max(1, round(rect.height() / spacing))
        for line in range(lines):
            start = top + line * spacing
            if start < bottom < start + label.fontMetrics().height():
                cut.append(f"{label.text()[:30]} (line {line + 1})")
    return cut


@pytest.mark.parametrize("size", [(1280, 720), (1077, 542), (895, 445), (895, 480)])
def test_the_explanations_show_whole_lines(qtbot: Any, laptops: Callable[[str], Laptop],  # noqa: F811
                                           size: tuple[int, int]) -> None:
    district = laptops("district")
    district.activate()
    workspace = Workspace.open(district.db, create=True)
    for n in range(2):
        workspace.schools.add(code=code_of(n), name=f"โรงเรียนบ้านแม่สอด{n}", province="ตาก")
    signers = [Signer(key_of(n), f"โรงเรียนบ้านแม่สอด{n}", False, first_seen_at="2026-12-02T06:23:00Z",
                      schools=(code_of(n),), bindings=((code_of(n), "statement"),)) for n in range(2)]
    api = dataclasses.replace(ExchangeApi.real(), list_signers=lambda _workspace: signers)
    dialog = SignersDialog(lambda: workspace, api, Ops())
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    qtbot.wait(50)
    if os.environ.get("SHOTS"):
        dialog.grab().save(f"{os.environ['SHOTS']}/signers-{size[0]}x{size[1]}.png")
    assert cut_lines(dialog) == []
    workspace.close()
