"""retest30 N3 in the window: after a stranger's key is forgotten, the card's "เป็นโรงเรียนเดียวกัน"
and the result say the record that gives way came in a file of another key, not "typed here"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from tests.laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_same_school_origin_words import STRANGER_NAME, TYPED_WORDS, _forgotten_stranger
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_card_and_the_result_say_the_record_came_in_a_file(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:
    school, district = _forgotten_stranger(laptops)
    real = school.root / "files" / "a.qsx"
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([real])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    card = preview.card_for(real.name)
    card.same_boxes[CODE_A].click()
    qtbot.waitUntil(lambda: preview.card_for(real.name) is not card, timeout=15000)
    card = preview.card_for(real.name)
    said = card.same_effects[CODE_A].text()
    assert "ที่พิมพ์ไว้ในเครื่องนี้" not in said, said
    assert "รายการที่พิมพ์ไว้" not in " ".join(label.text() for label in card.findChildren(QLabel))
    qtbot.wait(50)
    preview.grab().save(str(tmp_path / "same-school-filed-card.png"))
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    said = result.summary.text()
    assert STRANGER_NAME in said and "มาจากไฟล์ของกุญแจอื่น" in said, said
    assert not any(words in said for words in TYPED_WORDS), said
    result.grab().save(str(tmp_path / "same-school-filed-result.png"))
    result.accept()
    window.shutdown()
