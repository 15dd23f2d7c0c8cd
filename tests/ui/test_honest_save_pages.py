"""Issue 8 on the pages and dialogs: the follow-up list, network schools, the school and new-round
dialogs and the trusted senders. A refused save (the core method made to raise "busy") leaves the
stored value on screen, says "ยังไม่ได้บันทึก" with the reason, keeps what was typed, and a retry
stores it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.assessment.new_round_dialog import NewRoundDialog
from ui.common.ops import Ops
from ui.exchange.signers_dialog import SignersDialog
from ui.schools.network_schools import NetworkSchoolsPanel
from ui.schools.school_dialog import SchoolDialog

from .keyboard import show_active, type_text
from .test_follow_ups_page import agreed, show  # noqa: F401 (agreed is a fixture)
from .test_honest_save_views import (  # noqa: F401 (the fixtures too)
    busy, keystrokes_retry_at_once, refused, retry_button, says_not_saved_because_busy,
)

pytestmark = pytest.mark.usefixtures("styled_app")


# -- the follow-ups page ------------------------------------------------------------------------
def test_a_follow_up_status_that_cannot_be_saved(qtbot, memory_workspace, agreed, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ws = memory_workspace
    page = show(qtbot, ws)
    late = agreed["ids"]["late_plan"]
    assert page.select_follow_up(late)
    with refused(monkeypatch, ws.follow_ups, "set_status"):
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
        assert ws.follow_ups.get(late).status == "open"
        row = next(r for r in page.visible_rows() if r["สิ่งที่ต้องทำ"] == "จัดทำแผนพัฒนาการอ่าน")
        assert row["กลุ่ม"] == "เลยกำหนด"  # still shown where the database has it
        assert says_not_saved_because_busy(page.save_state())
        assert not page.undo_button.isVisible()  # nothing happened that could be undone
    qtbot.mouseClick(retry_button(page), Qt.MouseButton.LeftButton)
    assert ws.follow_ups.get(late).status == "done"
    assert page.save_state().startswith("เปลี่ยน “จัดทำแผนพัฒนาการอ่าน” เป็น")
    assert page.undo_button.isVisible()


# -- network schools ------------------------------------------------------------------------------
def test_a_network_school_edit_that_cannot_be_saved(qtbot, memory_workspace, school, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    saved = network.add(school.id, code="6301000011", name="โรงเรียนบ้านป่าไม้", pupils=85)
    panel = NetworkSchoolsPanel(memory_workspace)
    panel.resize(1200, 500)
    show_active(qtbot, panel)
    panel.show_school(school.id)
    with refused(monkeypatch, network, "update"):
        panel.table.item(0, 2).setText("90")
        assert panel.visible_rows()[0][2] == "๘๕"  # the stored value (in the window's digits)
        assert says_not_saved_because_busy(panel.message.text())
        assert network.get(saved.id).pupils == 85
    qtbot.mouseClick(retry_button(panel), Qt.MouseButton.LeftButton)
    assert network.get(saved.id).pupils == 90
    assert panel.visible_rows()[0][2] == "๙๐"
    assert panel.message.text() == "บันทึก โรงเรียนบ้านป่าไม้ แล้ว"


# -- dialogs --------------------------------------------------------------------------------------
def test_the_school_dialog_keeps_what_was_typed_and_offers_to_try_again(
    qtbot, memory_workspace, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("6301000009")
    type_text(dialog.name, "โรงเรียนบ้านใหม่")
    with refused(monkeypatch, memory_workspace.schools, "add"):
        dialog.save()
        assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved is None and dialog.isVisible()
        assert says_not_saved_because_busy(dialog.error.text()) and dialog.error.isVisible()
        assert dialog.name.text() == "โรงเรียนบ้านใหม่"
        assert dialog.ok_button.text() == "ลองอีกครั้ง"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved is not None
    assert memory_workspace.schools.get(dialog.saved.id).name == "โรงเรียนบ้านใหม่"


def test_the_school_dialog_offers_no_retry_on_a_damaged_file(qtbot, memory_workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """test28 N5: "ลองอีกครั้ง" on a damaged file can never succeed: only "ปิด" is offered."""
    from qualityschool_desktop.errors import StorageError

    def damaged(*_args: object, **_kwargs: object) -> None:
        raise StorageError("ไฟล์ฐานข้อมูล demo.sqlite3 เสียหาย", "damaged")

    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("6301000009")
    type_text(dialog.name, "โรงเรียนบ้านใหม่")
    monkeypatch.setattr(memory_workspace.schools, "add", damaged)
    dialog.save()
    assert "เสียหาย" in dialog.error.text() and dialog.isVisible()
    shown = [button.text() for button in dialog.buttons.buttons() if button.isVisible()]
    assert shown == ["ปิด"]
    type_text(dialog.name, "ๆ")  # typing again does not bring a save back
    assert [button.text() for button in dialog.buttons.buttons() if button.isVisible()] == ["ปิด"]


def test_the_new_round_dialog_says_the_round_was_not_started(
    qtbot, memory_workspace, school, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    dialog = NewRoundDialog(memory_workspace, school)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.assessor, "นางสาวทดสอบ")
    with refused(monkeypatch, memory_workspace.assessments, "start"):
        dialog.save()
        assert dialog.created is None and dialog.isVisible()
        assert says_not_saved_because_busy(dialog.error.text())
        assert dialog.ok_button.text() == "ลองอีกครั้ง"
    dialog.save()
    assert dialog.created is not None and dialog.created.assessor_name == "นางสาวทดสอบ"


def test_a_trust_tick_that_cannot_be_saved_goes_back(qtbot, memory_workspace) -> None:  # type: ignore[no-untyped-def]
    signer = SimpleNamespace(fingerprint="ab" * 32, name="สพป.ตาก เขต 2", trusted=False, first_seen_at="",
                             schools=(), visits=0, bindings=(), same_school=(), is_own=False)
    stored = {"trusted": False}
    fail = {"on": True}

    def set_trusted(_workspace, _fingerprint, trusted, name=""):  # type: ignore[no-untyped-def]
        if fail["on"]:
            busy()
        stored["trusted"] = trusted
        signer.trusted = trusted

    api = SimpleNamespace(
        own_signer=lambda _workspace: SimpleNamespace(fingerprint="cd" * 32),
        list_signers=lambda _workspace: [signer], set_trusted=set_trusted,
        office_bindings=lambda _workspace, _fingerprint: [],  # bound as no area office's key
        list_waiting=lambda _workspace: [],  # no binding by the 8 groups waits
    )
    dialog = SignersDialog(lambda: memory_workspace, api, Ops())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_row_trusted(0, True)
    assert dialog.signers_shown() == [(signer.fingerprint, False)]  # the stored tick
    assert says_not_saved_because_busy(dialog.error_label.text())
    fail["on"] = False
    qtbot.mouseClick(retry_button(dialog), Qt.MouseButton.LeftButton)
    assert stored["trusted"] and dialog.signers_shown() == [(signer.fingerprint, True)]
    assert dialog.error_label.text().startswith("บันทึกแล้ว ✓")


def test_read_only_pages_shut_their_edits(qtbot, db_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from qualityschool_desktop.workspace import Workspace
    from ui.follow_ups.page import FollowUpsPage

    with Workspace.open(db_path, create=True) as writer:
        school = writer.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
        visit = writer.visits.start(school.id, visited_on=date(2026, 2, 3))
        writer.follow_ups.add(visit.id, "จัดทำแผน", due_on=date(2026, 3, 1))
        writer.network_schools.add(school.id, code="6301000011", name="โรงเรียนบ้านป่าไม้")
    reader = Workspace.open(db_path, read_only=True)
    try:
        page = FollowUpsPage(reader, today=date(2026, 3, 13))
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        assert page.selected_follow_up_id() is not None
        assert not page.done_button.isEnabled() and not page.drop_button.isEnabled()
        assert page.open_visit_button.isEnabled()  # reading is still fine

        panel = NetworkSchoolsPanel(reader)
        qtbot.addWidget(panel)
        panel.show()
        panel.show_school(school.id)
        assert panel.visible_rows()[0][1] == "โรงเรียนบ้านป่าไม้"
        assert not panel.add_button.isEnabled() and not panel.import_button.isEnabled()
        panel.table.selectRow(0)
        assert not panel.remove_button.isEnabled()
        page.close()
        panel.close()
    finally:
        reader.close()
