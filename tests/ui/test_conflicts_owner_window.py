"""Issue 10 in the window (try10 F5, F6): at the district, a conflict on a school's record names its
school in the list, and "ใช้ฉบับนี้" is off with the reason shown before any click (as the pending
window does), never a refusal after a confirmation pointing to a button this window lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from tests.laptops import CODE_A, NAME_A, Laptop, laptops, two_laptops_of_the_school  # noqa: F401
from ui.exchange.conflicts_dialog import ConflictsDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_district_sees_the_school_and_why_it_cannot_choose(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:  # noqa: F811
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop, level in ((a1, 4), (a2, 2)):  # both of the school's laptops change 1.1.1, not knowing
        with laptop.open() as workspace:
            workspace.answers.set_level(ids["assessment"], ids["item"], level)
            workspace.answers.flush_pending()
    district.import_(a1.export("a1-1.qsx"))
    district.import_(a2.export("a2-1.qsx"))

    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.conflicts_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, ConflictsDialog)
    [row] = dialog.rows()
    assert NAME_A in row[0] and "๖๓๐๑๐๐๐๐๐๑" in row[0]  # the school, as the school list writes its code
    for button in (dialog.versions.left_button, dialog.versions.right_button):
        assert button is not None and not button.isEnabled()
    assert dialog.refusal_note.isVisible()
    assert "เครื่องของโรงเรียน" in dialog.refusal_note.text() and "ไม่ยอมรับ" not in dialog.refusal_note.text()
    dialog.use("losing")  # even if asked: no question, nothing changed
    assert getattr(dialog, "question", None) is None
    window.shutdown()


def test_the_signers_window_shows_and_copies_the_full_fingerprint_that_binds_an_unseen_laptop(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:  # noqa: F811
    from PySide6.QtGui import QGuiApplication

    from qualityschool_desktop import exchange
    from ui.exchange.signers_dialog import SignersDialog

    spare = laptops("school-a-spare")
    window = open_window(qtbot, spare, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, SignersDialog)
    full = exchange.fingerprint_groups(spare.fingerprint, full=True)
    assert full in dialog.own_full.text() and dialog.own_full.isVisible()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == full
    dialog.grab().save(str(tmp_path / "signers.png"))
    window.shutdown()


def test_exchange_texts_write_school_codes_as_the_school_list_does() -> None:
    from ui.exchange.words import scope_text

    assert scope_text({"kind": "schools", "school_codes": [CODE_A]}) == "ข้อมูลของโรงเรียนรหัส ๖๓๐๑๐๐๐๐๐๑"
