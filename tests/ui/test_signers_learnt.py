"""The senders' dialog says how each key came to own a school here: from the school's own signed
statement (which travelled with its records) or bound by hand at this office (which stays here)."""

from __future__ import annotations

from typing import Any, Callable

from qualityschool_desktop import exchange
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import CODE_A, NAME_A, Laptop, laptops, start_school  # noqa: F401 (laptops is a fixture)


def test_the_signers_dialog_says_how_each_binding_was_learnt(qtbot: Any, laptops: Callable[[str], Laptop]) -> None:
    school, spare, district = laptops("school-a"), laptops("school-a-spare"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    spare_fingerprint = spare.fingerprint
    district.activate()
    with Workspace.open(district.db) as workspace:
        exchange.bind(workspace, spare_fingerprint, CODE_A)
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        shown = dict(zip([f for f, _t in dialog.signers_shown()], dialog.schools_shown()))
        assert shown[school.fingerprint] == f"{CODE_A}  {NAME_A} · คำรับรองของโรงเรียน"
        assert shown[spare_fingerprint] == f"{CODE_A}  {NAME_A} · ผูกที่เครื่องนี้ (ไม่ส่งต่อ)"
        dialog.grab().save("/tmp/ot/signers.png")
