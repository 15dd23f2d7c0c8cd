"""Issue 10 (s23): a supervisor who reinstalled re-binds her old visits to her new key in the window
(the signers dialog's "ผูกการนิเทศกับกุญแจใหม่…", as ``signers --bind NEW --visits-of OLD``): both
fingerprints shown to compare, a deliberate confirmation, the write path; cancelling binds nothing;
at an office another key seen in a file can be chosen as the new one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop import exchange
from qualityschool_desktop.errors import OwnershipError
from tests.laptops import Laptop, laptops, start_school, start_visit  # noqa: F401 (a fixture)
from tests.test_exchange_accept_owners import Laptops
from ui.exchange.signers_dialog import SignersDialog
from ui.exchange.visits_rebind import VisitsRebindDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog


pytestmark = pytest.mark.usefixtures("styled_app")


def reinstalled(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, str]:
    """The old laptop's final visit reaches the district, and from there the supervisor's new laptop."""
    school, old, new, district = laptops("school"), laptops("supervisor-old"), laptops("supervisor-new"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    start = school.export("a.qsx")
    old.import_(start)
    district.import_(start)
    with old.open() as workspace:
        visit_id = start_visit(workspace, ids["school"])
    district.import_(old.export("old.qsx"))
    new.import_(district.export("district.qsx"))
    return old, new, district, visit_id


def signers_dialog(qtbot: Any, laptop: Laptop, tmp_path: Path) -> tuple[Any, SignersDialog]:
    window = open_window(qtbot, laptop, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    return window, wait_for_dialog(qtbot, controller, SignersDialog)


def test_the_new_laptop_takes_over_its_old_keys_visits_from_the_signers_dialog(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    old, new, _district, visit_id = reinstalled(laptops)
    window, dialog = signers_dialog(qtbot, new, tmp_path)
    dialog.resize(1366, 768)
    dialog.select(old.fingerprint)
    dialog.grab().save(str(tmp_path / "signers.png"))
    with pytest.raises(OwnershipError):  # not hers yet here
        window.workspace.visits.reopen(visit_id, "แก้ผลการนิเทศ")

    dialog.select(old.fingerprint)
    assert dialog.rebind_visits.button.isEnabled()  # the old key's laptop made a visit here
    qtbot.mouseClick(dialog.rebind_visits.button, Qt.MouseButton.LeftButton)
    choice = dialog.rebind_visits.choice
    assert isinstance(choice, VisitsRebindDialog)
    assert "การนิเทศ ๑ ครั้ง" in choice.intro.text()  # the visits counted
    assert choice.old_key.text() == exchange.fingerprint_groups(old.fingerprint)  # compared by phone
    assert choice.new_key.text() == exchange.fingerprint_groups(new.fingerprint)  # this laptop's own first
    choice.reject()  # cancelling binds nothing
    with pytest.raises(OwnershipError):
        window.workspace.visits.reopen(visit_id, "แก้ผลการนิเทศ")

    qtbot.mouseClick(dialog.rebind_visits.button, Qt.MouseButton.LeftButton)
    choice = dialog.rebind_visits.choice
    assert choice is not None
    choice.resize(1366, 768)
    choice.grab().save(str(tmp_path / "rebind-visits.png"))
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ผูกการนิเทศ" in dialog.save_line.text(), timeout=60000)
    assert exchange.fingerprint_groups(new.fingerprint) in dialog.save_line.text()
    window.workspace.visits.reopen(visit_id, "แก้ผลการนิเทศ")  # hers now, here
    assert not window.workspace.visits.get(visit_id).is_final


def test_an_office_rebinds_the_old_keys_visits_to_the_new_key_it_got_a_file_from(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    old, new, district, visit_id = reinstalled(laptops)
    district.import_(new.export("new.qsx"))
    window, dialog = signers_dialog(qtbot, district, tmp_path)
    dialog.select(new.fingerprint)
    assert not dialog.rebind_visits.button.isEnabled()  # the new key made no visit here
    dialog.select(old.fingerprint)
    qtbot.mouseClick(dialog.rebind_visits.button, Qt.MouseButton.LeftButton)
    choice = dialog.rebind_visits.choice
    assert choice is not None
    choice.choose(new.fingerprint)
    assert choice.new_key.text() == exchange.fingerprint_groups(new.fingerprint)
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ผูกการนิเทศ" in dialog.save_line.text(), timeout=60000)
    counts = {signer.fingerprint: signer.visits for signer in exchange.list_signers(window.workspace)}
    assert counts[new.fingerprint] == 1


def test_the_key_replaced_notice_names_the_window_s_action() -> None:
    from qualityschool_desktop.workspace import KEY_REPLACED
    from ui.exchange import strings

    assert f'"{strings.REBIND}"' in KEY_REPLACED and "--visits-of" in KEY_REPLACED
