"""Issue 10, test28 N3 (c): forgetting a key is a deliberate act in the window too. In the senders'
window (แฟ้ม › ผู้ส่งข้อมูล) "ลืมกุญแจนี้…" on a key a person vouched for, whose "same school" word was
false, says what will happen, and once confirmed does what ``signers --forget`` does: the word goes,
the rows it moved leave the school, and a notice counts them. This laptop's own key cannot be
forgotten (the action beside it is off and says why); nor can anything in a read-only database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import same_school
from qualityschool_desktop.workspace import Workspace
from tests.laptops import CODE_B, NAME_B, laptops, read_members, write_members  # noqa: F401 (a fixture)
from tests.test_exchange_accept_owners import Laptops
from tests.test_exchange_same_school_relay import MAPPINGS, _relayed_by, _typed_round_commented
from ui.common.digits import shown
from ui.exchange.forget_key import ForgetKeyDialog
from ui.exchange.signers_dialog import SignersDialog

from .test_visits_rebind import signers_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_vouched_keys_false_word_is_forgotten_from_the_senders_window(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    district, supervisor, _typed_file, ids = _typed_round_commented(laptops)
    relay = district.export("relay.qsx")
    province = laptops("province")
    with province.open() as workspace:
        other = workspace.schools.add(code=CODE_B, name=NAME_B)
        other_round = workspace.assessments.start(other.id, 2568).id
    with supervisor._briefly():  # the supervisor's key says the district's typed school is school B
        onto_b = same_school.make(ids["typed"], CODE_B, other.id, [(ids["typed_round"], other_round)],
                                  supervisor.installation_id)
    forged = write_members(relay.with_name("forged.qsx"), _relayed_by(supervisor, read_members(relay), **{
        MAPPINGS: (json.dumps(onto_b, ensure_ascii=False) + "\n").encode("utf-8")}))
    province.import_(forged, same_schools=[CODE_B])  # a person vouched for the supervisor's key

    window, dialog = signers_dialog(qtbot, province, tmp_path)
    dialog.resize(1366, 768)
    assert [c.id for c in window.workspace.comments.for_assessment(other_round)] == [ids["comment"]]
    own = dialog.forget.own_button  # this laptop's own key: off, and it says why
    assert not own.isEnabled() and "กุญแจของเครื่องนี้ลืมไม่ได้" in own.toolTip()

    dialog.select(supervisor.fingerprint)
    assert dialog.forget.button.isEnabled()
    dialog.grab().save(str(tmp_path / "senders.png"))
    # test29b B2: at 150 % (the dialog as small as the screen) the column naming the key's "same
    # school" word stays readable: the other columns give way, the word wraps ("คำ / ยืน… / ว่า" before)
    from tests.ui.test_scaling import SMALL_WINDOW
    from ui.exchange.signers_dialog import COL_SCHOOLS

    dialog.resize(SMALL_WINDOW)
    qtbot.waitUntil(lambda: dialog.table.viewport().width() <= SMALL_WINDOW.width())
    qtbot.wait(20)
    room = dialog.table.viewport().width()
    # 0.30, not 0.35, since senders are named by their school ("โรงเรียนบ้านแม่สอด (รหัส …)", s32 A3): the name
    # column wraps at Thai word breaks yet keeps its widest word; before the fix the column had 30 px
    # whole pixels: 254 of 847 is the share (s34 rehearsal: 254 < 254.1 failed once in the full suite)
    assert dialog.table.columnWidth(COL_SCHOOLS) >= int(room * 0.30), (dialog.table.columnWidth(COL_SCHOOLS), room)
    dialog.grab().save(str(tmp_path / "senders-150.png"))
    dialog.resize(1366, 768)  # wide again: the fingerprint back on one line
    qtbot.waitUntil(lambda: "\n" not in dialog.table.item(0, COL_SCHOOLS - 1).text())  # type: ignore[union-attr]
    dialog.grab().save(str(tmp_path / "senders-100.png"))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # from the keyboard
    choice = dialog.forget.choice
    assert isinstance(choice, ForgetKeyDialog) and choice.isVisible()
    assert choice.key.text() == exchange.fingerprint_groups(supervisor.fingerprint)  # to compare by phone
    happens = choice.happens.text()
    assert shown(CODE_B) in happens and "นำข้อมูลที่คำยืนยันนั้นย้ายมาออกไป" in happens, happens
    assert "ผู้ส่งที่ไม่เคยรู้จัก" in happens  # its later files
    choice.reject()  # cancelling forgets nothing
    assert [c.id for c in window.workspace.comments.for_assessment(other_round)] == [ids["comment"]]

    qtbot.mouseClick(dialog.forget.button, Qt.MouseButton.LeftButton)
    choice = dialog.forget.choice
    assert choice is not None
    choice.resize(1366, 768)
    choice.grab().save(str(tmp_path / "forget-confirm.png"))
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.forget.notice is not None and dialog.forget.notice.isVisible(), timeout=60000)
    dialog.forget.notice.grab().save(str(tmp_path / "forgotten-notice.png"))  # type: ignore[union-attr]
    notice = dialog.forget.notice.text()  # type: ignore[union-attr]
    assert exchange.fingerprint_groups(supervisor.fingerprint) in notice
    assert shown(f"ข้อมูล 1 รายการที่ย้ายมาอยู่กับโรงเรียนรหัส {CODE_B}") in notice, notice  # counted
    assert window.workspace.comments.for_assessment(other_round) == []  # the row the word moved is back off B
    assert same_school.all_kept(window.workspace.db.conn) == []  # the word is gone
    assert supervisor.fingerprint not in [fp for fp, _ticked in dialog.signers_shown()]  # refreshed

    read_only = Workspace.open(province.db, read_only=True)  # nothing to forget in a read-only database
    try:
        viewer = SignersDialog(lambda: read_only, dialog.api, dialog.ops, window)
        qtbot.addWidget(viewer)
        assert viewer.signers and not viewer.forget.button.isEnabled()
        assert "อ่านอย่างเดียว" in viewer.forget.button.toolTip()
    finally:
        read_only.close()


def test_the_import_card_gives_the_windows_way_to_forget_a_key_not_the_command() -> None:
    """retest28 R1: in the window the refusal's advice names the senders' window's action."""
    from types import SimpleNamespace

    from qualityschool_desktop.exchange import advice
    from ui.exchange.import_dialog import FileCheck

    refusal = advice.forget_refusal(same_school.HELD_BY_KEY, SimpleNamespace(path=Path("/tmp/p.sqlite3")),
                                    source="b.qsx", code="6301000001", relay="", held="0E01-AAAA", new="9D37-BBBB")
    assert "signers --db /tmp/p.sqlite3 --forget 0E01-AAAA" in str(refusal)
    card = FileCheck.refusal(Path("b.qsx"), refusal)
    assert "“ลืมกุญแจนี้…”" in card.error and "--forget" not in card.error and "9D37-BBBB" in card.error


def test_forgetting_a_schools_own_key_says_first_that_the_school_is_unbound(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    """test29b B1: the school bound to the key loses it; its later files wait as pending until the
    key is bound again. The confirmation says so first (and how to bind it back), and the notice
    says which school was unbound."""
    from tests.laptops import CODE_A, school_and_district

    school, district, _ids, _first = school_and_district(laptops)
    _window, dialog = signers_dialog(qtbot, district, tmp_path)
    dialog.select(school.fingerprint)
    choice = dialog.forget.open()
    assert choice is not None
    happens = choice.happens.text()
    assert happens.index(shown(CODE_A)) < happens.index("คำยืนยัน"), happens  # the school first
    assert "รอตรวจสอบ" in happens and "“ผูกเครื่องใหม่ด้วยลายนิ้วมือ…”" in happens, happens
    assert "ผู้ส่งที่ไม่เคยรู้จัก" not in happens  # not what happens to the school's files
    assert "กุญแจของโรงเรียน" in choice.warning.text()  # not the way to undo a "same school" word alone
    choice.resize(1366, 768)
    choice.grab().save(str(tmp_path / "forget-school-key.png"))
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.forget.notice is not None and dialog.forget.notice.isVisible(), timeout=60000)
    notice = dialog.forget.notice.text()  # type: ignore[union-attr]
    assert shown(f"เลิกผูกกุญแจนี้กับโรงเรียนรหัส {CODE_A}") in notice and "รอตรวจสอบ" in notice, notice
    assert "ผูกเครื่องใหม่ด้วยลายนิ้วมือ" in notice
    dialog.forget.notice.grab().save(str(tmp_path / "school-key-forgotten.png"))  # type: ignore[union-attr]


def test_a_key_forgotten_elsewhere_is_said_to_be_forgotten_already_not_forgotten_now(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    """fx30 B7b: the senders' window still lists a key that ``signers --forget`` (or another
    window) forgot meanwhile. "ลืมกุญแจนี้…" on it says it was forgotten already, with no "forgotten
    ✓" on the save line, and the list no longer shows the key."""
    from tests.laptops import school_and_district

    school, district, _ids, _first = school_and_district(laptops)
    _window, dialog = signers_dialog(qtbot, district, tmp_path)
    dialog.resize(1366, 768)
    dialog.select(school.fingerprint)
    exchange.forget(dialog._workspace(), school.fingerprint)  # as the command line would, meanwhile
    choice = dialog.forget.open()
    assert choice is not None
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.forget.notice is not None and dialog.forget.notice.isVisible(), timeout=60000)
    notice = dialog.forget.notice.text()  # type: ignore[union-attr]
    key = exchange.fingerprint_groups(school.fingerprint)
    assert "ถูกลืมไปแล้ว" in notice and key in notice, notice
    line = dialog.save_line.label.text()
    assert "✓" not in line and f"ลืมกุญแจ {key} แล้ว" not in line, line  # no false success
    assert "ถูกลืมไปแล้ว" in line, line
    assert school.fingerprint not in [fp for fp, _ticked in dialog.signers_shown()]  # refreshed
    dialog.grab().save(str(tmp_path / "forgotten-already.png"))
    dialog.forget.notice.grab().save(str(tmp_path / "forgotten-already-notice.png"))  # type: ignore[union-attr]
