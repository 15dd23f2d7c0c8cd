"""Issue 10 (fx30 B7a) in the window: after importing with "เป็นโรงเรียนเดียวกัน" ticked, the result
window says what the card said before: which school typed here became the school's own, what moved
onto it (counted, in the window's digits) and whose key the school is bound to now; the notice
under the window names the school made one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.thai import thai_digits
from tests.laptops import CODE_A, NAME_A, laptops  # noqa: F401 (a fixture)
from tests.test_exchange_accept_owners import Laptops
from tests.test_same_school_result import TYPED_NAME, typed_then_own
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_result_window_says_what_moved_with_the_same_school_and_whose_key(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, district, own_file = typed_then_own(laptops)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([own_file])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    card = preview.card_for(own_file.name)
    card.same_boxes[CODE_A].click()
    qtbot.waitUntil(lambda: preview.card_for(own_file.name) is not card, timeout=15000)
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    result.resize(1366, 768)
    said = result.summary.text()
    assert thai_digits(CODE_A) in said and TYPED_NAME in said and NAME_A in said, said
    assert f"{exchange.KIND_LABELS['comments']} ๑ รายการ" in said, said
    assert f"{exchange.KIND_LABELS['contacts']} ๑ รายการ" in said, said
    assert exchange.fingerprint_groups(school.fingerprint) in said, said
    qtbot.wait(50)
    result.grab().save(str(tmp_path / "same-school-result.png"))
    result.accept()
    notice = window.notices.text()
    assert "เป็นโรงเรียนเดียวกัน" in notice and thai_digits(CODE_A) in notice, notice
