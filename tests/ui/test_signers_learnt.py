"""The senders' dialog says how each key came to own a school here: from the school's own signed
statement (which travelled with its records) or bound by hand at this office (which stays here)."""

from __future__ import annotations

from typing import Any, Callable

from qualityschool_desktop import exchange
from qualityschool_desktop.thai import arabic_digits
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
        # The code in the window's digits, as the school list writes it (try10 F4).
        shown = dict(zip([f for f, _t in dialog.signers_shown()], map(arabic_digits, dialog.schools_shown())))
        assert shown[school.fingerprint] == f"{CODE_A}  {NAME_A} · คำรับรองของโรงเรียน"
        assert shown[spare_fingerprint] == f"{CODE_A}  {NAME_A} · ผูกที่เครื่องนี้ (ไม่ส่งต่อ)"
        dialog.grab().save("/tmp/ot/signers.png")


def test_a_binding_by_hand_at_the_schools_own_laptop_says_it_travels(qtbot: Any, laptops: Callable[[str], Laptop]) -> None:
    school, spare = laptops("school-a"), laptops("school-a-spare")
    spare_fingerprint = spare.fingerprint
    school.activate()
    with Workspace.open(school.db, create=True) as workspace:
        start_school(workspace)
        exchange.bind(workspace, spare_fingerprint, CODE_A)
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        # The code in the window's digits, as the school list writes it (try10 F4).
        shown = dict(zip([f for f, _t in dialog.signers_shown()], map(arabic_digits, dialog.schools_shown())))
        assert shown[spare_fingerprint] == f"{CODE_A}  {NAME_A} · ผูกที่เครื่องนี้ (ส่งต่อในคำรับรองของโรงเรียน)"
        dialog.grab().save("/tmp/ot/signers-school.png")


def test_the_import_preview_says_when_an_old_style_id_is_seen_first_and_names_a_second_key(
    qtbot: Any, laptops: Callable[[str], Laptop],
) -> None:
    from pathlib import Path

    from ui.exchange.import_dialog import FileCheck, ImportPreviewDialog

    from ..laptops import empty_claim

    school, mallory, district = laptops("school-a"), laptops("mallory"), laptops("district")
    school.use_legacy_id()
    with school.open() as workspace:
        start_school(workspace)
    first = school.export("a-1.qsx")
    claim = empty_claim(mallory, first, school.installation_id)
    district.import_(first)
    checks = [FileCheck(Path(first), preview=district.preview(first))]
    district.activate()
    with Workspace.open(district.db) as workspace:
        try:
            exchange.preview_import(workspace, claim)
        except exchange.ExchangeError as refused:
            checks.append(FileCheck(Path(claim), error=str(refused)))
    # A third laptop that meets school A for the first time: the preview says so.
    fresh = laptops("province")
    checks.insert(0, FileCheck(Path(first), preview=fresh.preview(first)))
    dialog = ImportPreviewDialog(checks)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    from PySide6.QtWidgets import QLabel

    text = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "เป็นครั้งแรก" in text and school.installation_id[:8] in text
    assert exchange.fingerprint_groups(mallory.fingerprint) in text and exchange.fingerprint_groups(school.fingerprint) in text
    dialog.grab().save("/tmp/ot/preview.png")
