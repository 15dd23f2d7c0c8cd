"""Issue 10 in the window, "Files pass through hands": a district relays its signed word that the
school it typed is the school's own (``exchange/same_school.py``); a province that never saw the
typed school and does not know the district's key refuses the file (``same_school.STRANGER``) until
a person who checked the key's fingerprint by phone vouches for it — on the command line with
``import --same-school CODE``, here with a tick under the refusal.

The relay file is made once for the module (four laptops with their own keys, as
``tests/test_exchange_same_school_relay.py`` makes it); each test gives it to a new province.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import same_school
from qualityschool_desktop.thai import thai_digits
from tests.laptops import CODE_A, NAME_A, Laptop
from tests.test_exchange_same_school_relay import _comment_at, _typed_round_commented
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


@dataclass(frozen=True)
class Relay:
    path: Path  # the district's file: the supervisor's comment, re-pointed, and the district's word
    ids: dict[str, str]
    district_fingerprint: str
    supervisor: str  # the supervisor's installation id


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Relay:
    root = tmp_path_factory.mktemp("relay")
    with pytest.MonkeyPatch.context() as monkeypatch:
        made: dict[str, Laptop] = {}

        def laptops(name: str) -> Laptop:
            return made.setdefault(name, Laptop(name, root, monkeypatch))

        district, supervisor, _typed_file, ids = _typed_round_commented(laptops)
        path = district.export("relay.qsx", school_codes=[CODE_A])
        return Relay(path, ids, district.fingerprint, supervisor.installation_id)


def _province_preview(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relay: Relay,
                      *others: Path) -> tuple[Laptop, Any, Any]:
    """A province that never saw the typed school, previewing the relay (and ``others``) in its window."""
    province = Laptop("province", tmp_path, monkeypatch)
    window = open_window(qtbot, province, tmp_path)
    controller = controller_of(window)
    controller.preview([relay.path, *others])
    return province, window, wait_for_dialog(qtbot, controller, ImportPreviewDialog)


def _read_again(qtbot: Any, preview: ImportPreviewDialog, card: Any) -> Any:
    qtbot.waitUntil(lambda: preview.card_for("relay.qsx") is not card, timeout=15000)
    return preview.card_for("relay.qsx")


def test_vouching_for_a_relayed_same_school_word_imports_the_supervisors_comment_with_its_seal(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relay: Relay,
) -> None:
    broken = tmp_path / "broken.qsx"
    broken.write_bytes(b"not an exchange file")
    province, window, preview = _province_preview(qtbot, tmp_path, monkeypatch, relay, broken)

    card = preview.card_for("relay.qsx")
    assert card.check.refused and "ซึ่งเครื่องนี้ยังไม่รู้จัก" in card.reason.text()
    assert not card.include.isEnabled() and not preview.import_button.isEnabled()
    # retest27 N5, try27 F9: the window says what to do here, not which command to run, and the
    # button points at the tick rather than saying no file can be imported.
    assert "--same-school" not in card.reason.text() and "ช่องด้านล่าง" in card.reason.text()
    assert preview.import_button.text() == "ทำเครื่องหมายยืนยันในไฟล์ด้านบนก่อนนำเข้า"
    box = card.vouch_boxes[CODE_A]
    assert not box.isChecked()  # off until a person says so
    assert exchange.fingerprint_groups(relay.district_fingerprint) in card.vouch_keys[CODE_A].text()
    said = card.vouch_names[CODE_A].text()
    assert thai_digits(CODE_A) in said and CODE_A not in said  # the window's digits
    assert "ที่พิมพ์ไว้ที่อื่น" in said and said in box.accessibleName()
    assert f"“{NAME_A}”" in said  # the school's name, not only its code (N5)
    assert preview.card_for("broken.qsx").vouch_boxes == {}  # every other refusal stays as it was

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # from the keyboard
    card = _read_again(qtbot, preview, card)
    assert not card.check.refused and card.include.isChecked()
    assert card.vouch_boxes[CODE_A].isChecked()
    assert preview.focusWidget() is card.vouch_boxes[CODE_A]  # the keyboard stays on the tick
    assert card.counts_shown()["ความคิดเห็น"]["ใหม่"] == "๑"
    assert [check.same_codes for check in preview.chosen()] == [frozenset({CODE_A})]
    # retest27 N2: the tick vouches for the key shown beside it, not for whoever signs a word of the code
    assert preview.chosen()[0].same_schools() == [same_school.Vouch(CODE_A, relay.district_fingerprint)]
    # retest27 N7: the card says what the vouched word does here (names the school and the key)
    assert card.warning_list is not None and f"“{NAME_A}”" in card.warning_list.text()
    assert exchange.fingerprint_groups(relay.district_fingerprint) in card.warning_list.text()
    # retest27 N7: the file's signer is the key just checked by phone: no second confirmation asked
    assert card.trust_row.isHidden() and "โทรตรวจลายนิ้วมือแล้ว" in card.signer_name.text()

    preview.import_button.click()
    result = wait_for_dialog(qtbot, window.features["exchange"], ImportResultDialog)
    assert "นำเข้าเสร็จ ๑ จาก ๒ ไฟล์" in result.heading.text()  # broken.qsx, refused, is counted (test30a B1)
    comment, sealer = _comment_at(province, relay.ids)
    assert comment is not None and comment.written_by == relay.supervisor
    assert sealer == relay.supervisor  # the supervisor's own seal, not the district's
    with province.open() as workspace:  # the phone call is remembered as the signer's check
        assert {s.fingerprint: s.trusted for s in exchange.list_signers(workspace)}[relay.district_fingerprint]


def test_without_the_tick_the_relay_stays_refused_and_nothing_changes(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relay: Relay,
) -> None:
    province, window, preview = _province_preview(qtbot, tmp_path, monkeypatch, relay)
    card = preview.card_for("relay.qsx")
    card.vouch_boxes[CODE_A].click()
    card = _read_again(qtbot, preview, card)
    assert card.include.isEnabled()
    card.vouch_boxes[CODE_A].click()  # changed their mind
    card = _read_again(qtbot, preview, card)
    assert card.check.refused and not card.vouch_boxes[CODE_A].isChecked()
    assert not card.include.isEnabled() and card.check.same_codes == frozenset()
    preview.accept()  # Enter on the dialog: nothing to import
    assert preview.isVisible() and window.workspace.schools.list() == []
    assert _comment_at(province, relay.ids) == (None, "")


def test_a_word_forwarded_by_a_third_key_names_the_sender_and_sends_the_call_to_the_keys_owner(
    qtbot: Any, tmp_path: Path,
) -> None:
    """test29b B8: the district's genuine word, in a file whose manifest a third key signed. Before
    any tick the card names who sent the file (name and key) beside the key to vouch for, and says
    the sender is not that key's owner: the phone call goes to the owner, not to the sender."""
    from ui.exchange.file_card import FileCard, FileCheck

    owner, sender = "ab" * 32, "cd" * 32
    refusal = same_school.UnknownSigner("forwarded.qsx", CODE_A, owner, name=NAME_A, sender="adversary",
                                        sender_fingerprint=sender, db="/tmp/p.sqlite3", file="/tmp/forwarded.qsx")
    card = FileCard(FileCheck.refusal(tmp_path / "forwarded.qsx", refusal), lambda _card: None, lambda _card, _codes: None)
    qtbot.addWidget(card)
    owner_groups, sender_groups = exchange.fingerprint_groups(owner), exchange.fingerprint_groups(sender)
    reason = card.reason.text()
    assert f"“adversary” (กุญแจ {sender_groups})" in reason and "ไม่ใช่เจ้าของกุญแจที่ลงนามคำยืนยัน" in reason
    assert reason.count(owner_groups) == 1 and reason.count(sender_groups) == 1, reason  # each key once (fx30 B6)
    assert "กับผู้ส่งแล้ว" not in reason  # not "once you phoned the sender"
    box = card.vouch_boxes[CODE_A]
    assert "เจ้าของกุญแจ" in box.text() and "ผู้ส่ง" not in box.text(), box.text()
    forwarded = card.vouch_senders[CODE_A].text()  # beside the key to vouch for: who sent the file
    assert "adversary" in forwarded and sender_groups in forwarded and "ไม่ใช่เจ้าของกุญแจ" in forwarded, forwarded
    card.resize(1366, card.heightForWidth(1366) if card.hasHeightForWidth() else 600)
    card.grab().save(str(tmp_path / "forwarded-card.png"))
