"""TEST30a B9/B14: a school's second laptop (or the school's laptop after a reinstall), whose key is
not bound to the school on itself, was refused an edit and sent to "the school's laptop", which it
is. The refusal says what works: bind this laptop's key to the school here (แฟ้ม › ผู้ส่งข้อมูล,
after the fingerprint is checked by phone); doing just that in the window lets the edit save."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop import exchange
from qualityschool_desktop.errors import OwnershipError
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.question import YES_BUTTON
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import CODE_A, Laptop, laptops, start_school  # noqa: F401 (laptops is a fixture)

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_second_laptop_is_told_to_bind_its_key_here_and_that_works(
        qtbot: Any, laptops: Callable[[str], Laptop]) -> None:  # noqa: F811
    school, second = laptops("school-a"), laptops("school-a-second")
    with school.open() as workspace:
        ids = start_school(workspace)
    second.import_(school.export("a-1.qsx", school_codes=[CODE_A]))

    second.activate()
    with Workspace.open(second.db) as workspace:
        with pytest.raises(OwnershipError) as refused:
            workspace.answers.set_level(ids["assessment"], ids["item"], 1)
            workspace.answers.flush_pending()
        said = str(refused.value)
        assert "ผู้ส่งข้อมูล" in said and "ผูก" in said and "ลายนิ้วมือ" in said, said

        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        choice = dialog.new_key.open()
        choice.key.setText(exchange.fingerprint_groups(second.fingerprint, full=True))  # its own, as shown above
        choice.choose(CODE_A)
        assert choice.confirm_button.isEnabled()
        choice.accept()
        # The school is bound to its first laptop's key: asked first, the bind adds this one (retest30 N2).
        assert dialog.new_key.question is not None
        dialog.new_key.question.findChild(QPushButton, YES_BUTTON).click()
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)  # saves now
        workspace.answers.flush_pending()
        assert workspace.answers.get(ids["assessment"], ids["item"]).level == 1
