"""Issue 10 (fx30) in the window: a file claiming this laptop's own installation id but signed by
another key is refused in the import preview, saying so, each key once, with no way to forget a
key offered (this laptop's own key is never forgotten): ``signing.CLAIMED_OWN``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop import exchange
from tests.laptops import laptops  # noqa: F401 (a fixture)
from tests.test_exchange_accept_owners import Laptops
from tests.test_exchange_claimed_own import claiming_the_districts_own
from ui.exchange.import_dialog import ImportPreviewDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_preview_refuses_a_file_claiming_this_laptop_with_another_key(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    district, stranger, forged = claiming_the_districts_own(laptops)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([forged])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    card = preview.card_for(forged.name)
    assert card.check.refused and not card.include.isEnabled()
    reason = card.reason.text()
    assert "อ้างว่ามาจากเครื่องนี้เอง" in reason, reason
    theirs, ours = exchange.fingerprint_groups(stranger.fingerprint), exchange.fingerprint_groups(district.fingerprint)
    assert reason.count(theirs) == 1 and reason.count(ours) == 1, reason
    assert "ลืมกุญแจ" not in reason and "--forget" not in reason, reason
    qtbot.wait(50)
    preview.grab().save(str(tmp_path / "claimed-own.png"))
