"""try10 F2 in the window: the senders' dialog binds a school's new laptop, never seen here, by the
8 groups read out over the phone; the binding waits for that laptop's first file, is listed until
then, and can be cancelled."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import CODE_A, NAME_A, Laptop, laptops  # noqa: F401 (laptops is a fixture)

pytestmark = pytest.mark.usefixtures("styled_app")

GROUPS = "BCF7-7D0A-3BFA-23CA-DB77-ED6D-568D-5C53"


def test_a_new_laptop_is_bound_by_its_8_groups_waits_and_can_be_cancelled(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Any) -> None:
    district = laptops("district")
    district.activate()
    with Workspace.open(district.db, create=True) as workspace:
        workspace.schools.add(code=CODE_A, name=NAME_A, province="ตาก")
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.new_key.button.isEnabled() and not dialog.new_key.label.isVisible()

        choice = dialog.new_key.open()
        choice.key.setText(GROUPS[:-5])  # 7 groups: not enough
        assert not choice.confirm_button.isEnabled()
        choice.key.setText(GROUPS.lower().replace("-", " "))  # as typed while listening: any case, spaces
        choice.choose(CODE_A)
        assert choice.confirm_button.isEnabled()
        # What was typed, shown in the groups the new laptop shows, to read back over the phone (B15).
        assert choice.read_back.text() == GROUPS and choice.read_back.isVisible()
        choice.grab().save(str(tmp_path / "bind-new.png"))
        choice.accept()

        assert [(w.groups, w.school_code) for w in exchange.list_waiting(workspace)] == [(GROUPS, CODE_A)]
        assert "รอไฟล์แรก" in dialog.save_line.label.text()
        assert dialog.new_key.label.isVisible() and GROUPS in dialog.new_key.label.text()
        assert NAME_A in dialog.new_key.label.text()
        dialog.grab().save(str(tmp_path / "signers-waiting.png"))

        cancel = dialog.new_key.open_cancel()
        assert cancel is not None
        cancel.accept()
        assert exchange.list_waiting(workspace) == []
        assert not dialog.new_key.label.isVisible() and not dialog.new_key.cancel_button.isVisible()
