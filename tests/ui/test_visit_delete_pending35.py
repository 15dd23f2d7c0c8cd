"""TEST34C C12 in the window: a deletion of a supervisor's visit that the school's laptop made
(behind the owner check) waits at the district as any non-owner edit: the waiting change names the
deletion's moment in Thai ("ลบบันทึกเมื่อ", a Buddhist-Era moment) and cannot be accepted
there (the district is not the visit's maker); the visit stays in the school's list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.laptops import CODE_A, behind_owner_check, laptops  # noqa: F401 (a fixture)
from tests.test_visit_delete_exchange35 import Laptops, _supervisors_draft
from ui.exchange.pending_dialog import PendingDialog
from ui.exchange.strings import EMPTY_VALUE

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_deletion_by_the_schools_laptop_waits_at_the_district_and_says_what_it_is(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, district, _supervisor, ids, visit_id = _supervisors_draft(laptops)
    with school.open() as workspace, behind_owner_check(workspace):
        workspace.visits.delete(visit_id)
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    [change] = [c for c in dialog.changes if c.table == "visits"]
    dialog.select(change.id)
    rows = {label: (left, right) for label, left, right in dialog.versions.rows_shown()}
    here, theirs = rows["ลบบันทึกเมื่อ"]
    assert here == EMPTY_VALUE  # not deleted here
    assert "25" in theirs or "๒๕" in theirs  # a moment in the Buddhist Era, not an ISO stamp
    assert "T" not in theirs and "Z" not in theirs
    assert not dialog.accept_button.isEnabled()
    assert [v.id for v in window.workspace.visits.for_school(ids["school"])] == [visit_id]
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "pending-visit-deleted.png"))
    window.close()
