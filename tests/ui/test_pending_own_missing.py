"""RETEST30 N6 in the pending window: a relay's change to an answer this district has no version of
says that the school's own answer is missing here and its results are incomplete until its file comes
(a relay's file of format 6 or older: one of format 7 carries the school's own version beside it)."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from qualityschool_desktop import exchange
from ui.exchange.pending_dialog import PendingDialog

from ..laptops import (  # noqa: F401 (a fixture)
    CODE_A, Laptop, laptops, read_members, resign_manifest, start_school, write_members,
)
from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_waiting_change_says_the_schools_own_answer_is_missing_here(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Any) -> None:
    school, stranger, district = laptops("school"), laptops("stranger"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    stranger.import_(school.export("own.qsx"))
    with stranger.open() as workspace:
        exchange.bind(workspace, stranger.fingerprint, CODE_A)
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    current = stranger.export("s-selfbound.qsx")
    older = {name: data for name, data in read_members(current).items() if not name.startswith("relayed/")}
    stranger.activate()  # an older program's file: without the school's own version beside the stranger's
    district.import_(write_members(current.with_name("s-older.qsx"), resign_manifest(older)))
    district.activate()
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    [change] = [c for c in dialog.changes if c.table == "answers"]
    dialog.select(change.id)
    assert "ยังไม่มีข้อมูลนี้ฉบับของโรงเรียนเอง" in dialog.reason.text()
    assert "ยังไม่ครบ" in dialog.reason.text()
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "pending-own-missing.png"))
    window.close()
