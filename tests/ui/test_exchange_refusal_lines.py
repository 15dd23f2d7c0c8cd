"""Issue 10 (fx30 B6) in the window: a file refused over its keys is explained in short lines on its
card: what happened first, each key once on a line of its own (never cut across two lines at
1366×768), then what to do, with the senders' window's action rather than a command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop import exchange
from tests.laptops import laptops  # noqa: F401 (a fixture)
from tests.test_exchange_accept_owners import Laptops
from tests.test_exchange_refusal_words import _claimed_first, assert_readable
from ui.exchange.import_dialog import ImportPreviewDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_refused_files_card_says_it_in_short_lines_each_key_once(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:
    school, district, mallory, first = _claimed_first(laptops)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([first])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    card = preview.card_for(first.name)
    assert card.check.refused
    keys = [exchange.fingerprint_groups(school.fingerprint), exchange.fingerprint_groups(mallory.fingerprint)]
    reason = card.reason.text()
    assert_readable(reason, keys)
    assert "“ลืมกุญแจนี้…”" in reason and "--forget" not in reason, reason
    qtbot.wait(50)
    label = card.reason
    metrics = label.fontMetrics()
    for key in keys:  # each key's line fits the card's width: the groups are never cut across two lines
        [line] = [line for line in reason.splitlines() if key in line]
        assert metrics.horizontalAdvance(line) <= label.contentsRect().width(), (line, label.width())
    preview.grab().save(str(tmp_path / "refused-claimed-before.png"))
