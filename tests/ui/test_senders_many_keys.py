"""TEST30a B5: at a district with 80 school keys the senders' window (แฟ้ม › ผู้ส่งข้อมูล) showed three
rows of keys under empty space, could not be searched, and after "ลืมกุญแจนี้" the selection went back
to the top. The list takes the room the dialog has, a search field finds a school's key (code in
either digits, name, fingerprint groups), and forgetting a key leaves the selection where it was."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any, Callable

import pytest

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.exchange.signing import Signer
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import Laptop, laptops  # noqa: F401 (laptops is a fixture)
from .test_exchange_dialogs_150 import whole_rows

pytestmark = pytest.mark.usefixtures("styled_app")


def key_of(n: int) -> str:
    return hashlib.sha256(f"school-{n}".encode()).hexdigest()


def code_of(n: int) -> str:
    return f"63200000{n:02d}"


def many_keys(qtbot: Any, laptops: Callable[[str], Laptop]) -> tuple[Workspace, SignersDialog, list[Signer]]:  # noqa: F811
    district = laptops("district")
    district.activate()
    workspace = Workspace.open(district.db, create=True)
    for n in range(80):
        workspace.schools.add(code=code_of(n), name=f"โรงเรียนบ้านหมายเลข{n}", province="ตาก")
    signers = [Signer(key_of(n), "vm", False, first_seen_at="2026-12-02T06:23:00Z",
                      schools=(code_of(n),), bindings=((code_of(n), "statement"),)) for n in range(80)]
    held = list(signers)
    api = dataclasses.replace(ExchangeApi.real(), list_signers=lambda _workspace: list(held))
    dialog = SignersDialog(lambda: workspace, api, Ops())
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)  # as the window opens it on a 1366x768 screen
    dialog.show()
    qtbot.wait(50)
    return workspace, dialog, held


def test_the_list_takes_the_room_and_a_search_finds_a_school_s_key(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Any) -> None:  # noqa: F811
    workspace, dialog, _held = many_keys(qtbot, laptops)
    dialog.grab().save(str(tmp_path / "senders-80.png"))
    assert whole_rows(dialog.table) >= 6, whole_rows(dialog.table)

    def shown() -> list[str]:
        return [signer.fingerprint for row, signer in enumerate(dialog.signers) if not dialog.table.isRowHidden(row)]

    dialog.search.setText("๖๓๒๐๐๐๐๐๔๗")  # the code as the school list writes it
    assert shown() == [key_of(47)]
    assert dialog.selected() is not None and dialog.selected().fingerprint == key_of(47)  # type: ignore[union-attr]
    dialog.search.setText("หมายเลข12")
    assert shown() == [key_of(12)]
    groups = key_of(33).upper()
    dialog.search.setText(f"{groups[:4]}-{groups[4:8]}")  # the groups read out over the phone
    assert key_of(33) in shown() and len(shown()) < 5
    qtbot.wait(20)
    assert dialog.found.text() == "พบ ๑ จาก ๘๐ กุญแจ" or "1 จาก 80" in dialog.found.text(), dialog.found.text()
    dialog.grab().save(str(tmp_path / "senders-search.png"))
    dialog.search.clear()
    assert len(shown()) == 80
    workspace.close()


def test_forgetting_a_key_keeps_the_selection_near_where_it_was(
        qtbot: Any, laptops: Callable[[str], Laptop]) -> None:  # noqa: F811
    workspace, dialog, held = many_keys(qtbot, laptops)
    dialog.select(held[30].fingerprint)
    del held[30]  # as "ลืมกุญแจนี้" does; its notice refreshes the dialog
    dialog.on_changes(Changes(signers=True))
    selected = dialog.selected()
    assert selected is not None and selected.fingerprint in (held[29].fingerprint, held[30].fingerprint)
    workspace.close()
