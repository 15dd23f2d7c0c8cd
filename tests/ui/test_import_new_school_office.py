"""s33 exB T9 in the window: a new province previews a district's file that brings the school and the
office's verdict on its round: the card names the office, offers its tick, and no placeholder office."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from tests.laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_review_offices import returned_at_district
from ui.exchange.import_dialog import ImportPreviewDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def test_a_new_province_s_card_names_the_office_and_offers_its_tick(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    school, ids, district = returned_at_district(laptops)
    decided = district.export("d7.qsx", school_codes=[CODE_A])
    window = open_window(qtbot, laptops("province"), tmp_path)
    controller = controller_of(window)
    controller.preview([decided])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    card = preview.card_for(decided.name)
    assert card.office_tick is not None and "สพป.ตาก เขต ๒" in next(iter(card.office_tick.boxes.values())).text()
    texts = [label.text() for label in card.findChildren(QLabel)]
    assert not any("ไม่ระบุเขตพื้นที่" in text or "เครื่อง vm" == text for text in texts), texts
    qtbot.wait(50)
    preview.grab().save(str((SHOTS or tmp_path) / "exB33-province-card.png"))
    window.close()
