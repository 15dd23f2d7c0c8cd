"""Issue 10 (s23): in the window, a waiting change this laptop may not accept (not the record's
owner here: a follow-up of a visit another laptop made, a school's record at an office) says why
and its "ยอมรับ" is off; the visit's maker, or the school's laptop, accepts the same change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.laptops import CODE_A, behind_owner_check, laptops  # noqa: F401 (a fixture)
from tests.test_exchange_accept_owners import Laptops, school_supervisor_district
from ui.exchange.pending_dialog import PendingDialog

from .test_exchange_review import answer_yes, controller_of, open_window, wait_for_dialog


pytestmark = pytest.mark.usefixtures("styled_app")


def follow_up_dialog(qtbot: Any, laptop: Any, tmp_path: Path) -> tuple[Any, PendingDialog]:
    window = open_window(qtbot, laptop, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    [change] = [c for c in dialog.changes if c.table == "follow_ups"]
    dialog.select(change.id)
    return window, dialog


def test_a_follow_up_change_from_the_school_cannot_be_accepted_at_the_district(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, supervisor, district, ids = school_supervisor_district(laptops)
    with school.open() as workspace, behind_owner_check(workspace):
        workspace.follow_ups.set_status(ids["follow_up"], "done")
    changed = school.export("a-2.qsx", school_codes=[CODE_A])
    district.import_(changed)
    supervisor.import_(changed)

    window, dialog = follow_up_dialog(qtbot, district, tmp_path)
    assert "ยอมรับที่เครื่องนี้ไม่ได้" in dialog.reason.text()
    assert "ไม่ใช่เจ้าของบันทึกการนิเทศนี้" in dialog.reason.text()
    assert not dialog.accept_button.isEnabled() and dialog.reject_button.isEnabled()
    dialog.accept_selected()  # even when asked another way: nothing is asked, nothing changes
    assert dialog.question is None or not dialog.question.isVisible()
    assert window.workspace.follow_ups.get(ids["follow_up"]).status == "open"
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "pending-not-ours.png"))
    window.close()

    window, dialog = follow_up_dialog(qtbot, supervisor, tmp_path)  # the visit's maker decides
    assert "ยอมรับที่เครื่องนี้ไม่ได้" not in dialog.reason.text()
    assert dialog.accept_button.isEnabled()
    dialog.accept_button.click()
    answer_yes(qtbot, dialog.question)
    qtbot.waitUntil(lambda: window.workspace.follow_ups.get(ids["follow_up"]).status == "done", timeout=60000)
    assert "ยอมรับแล้ว" in dialog.save_line.text()


def test_a_change_to_a_schools_record_cannot_be_accepted_at_the_district(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    """A school's records change only by the school's key (s23): at the district the supervisor's
    levels for the school say why they cannot be accepted there, "ยอมรับ" is off and "ไม่ยอมรับ"
    on; the school's laptop accepts the same change."""
    school, supervisor, district, ids = school_supervisor_district(laptops)
    with supervisor.open() as workspace, behind_owner_check(workspace):
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    changed = supervisor.export("s-2.qsx", school_codes=[CODE_A])
    district.import_(changed)
    school.import_(changed)

    def answers_dialog(laptop: Any) -> tuple[Any, PendingDialog]:
        window = open_window(qtbot, laptop, tmp_path)
        controller = controller_of(window)
        controller.pending_action.trigger()  # type: ignore[union-attr]
        dialog = wait_for_dialog(qtbot, controller, PendingDialog)
        [change] = [c for c in dialog.changes if c.table == "answers"]
        dialog.select(change.id)
        return window, dialog

    def level(window: Any) -> int:
        return int(window.workspace.answers.get(ids["assessment"], ids["item"]).level)

    window, dialog = answers_dialog(district)
    assert "ยอมรับที่เครื่องนี้ไม่ได้" in dialog.reason.text()
    assert "ข้อมูลของโรงเรียนแก้ได้เฉพาะที่เครื่องของโรงเรียน" in dialog.reason.text()
    assert not dialog.accept_button.isEnabled() and dialog.reject_button.isEnabled()
    dialog.accept_selected()  # even when asked another way: nothing is asked, nothing changes
    assert dialog.question is None or not dialog.question.isVisible()
    assert level(window) == 3
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "pending-school-not-ours.png"))
    window.close()

    window, dialog = answers_dialog(school)  # the school's own laptop decides
    assert "ยอมรับที่เครื่องนี้ไม่ได้" not in dialog.reason.text()
    assert dialog.accept_button.isEnabled()
    dialog.accept_button.click()
    answer_yes(qtbot, dialog.question)
    qtbot.waitUntil(lambda: level(window) == 1, timeout=60000)
