"""s32 B20 in the window: the school's import preview of the district's file offers "this key is my
district office's" (the key's groups shown, off until a person ticks it and confirms); ticked, the
import binds the key and the district's "ส่งกลับแก้ไข" reaches the school in that same import."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_review_offices import COMMENT, returned_at_district, state_at
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog
from ui.exchange.office_tick import OfficeTick

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def test_the_office_tick_binds_the_key_and_the_return_reaches_the_school(
        qtbot: Any, laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    school, ids, district = returned_at_district(laptops)
    decided = district.export("district.qsx", school_codes=[CODE_A])
    window = open_window(qtbot, school, tmp_path)
    controller = controller_of(window)
    controller.preview([decided])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    card = preview.card_for(decided.name)
    tick = card.office_tick
    assert tick is not None
    (box,) = tick.boxes.values()
    assert not box.isChecked()  # off until a person says so
    assert "สพป.ตาก เขต ๒" in box.text()
    asked: list[str] = []
    monkeypatch.setattr(OfficeTick, "confirm", lambda self, area: asked.append(area) or True)
    box.click()
    assert asked and box.isChecked()
    qtbot.wait(50)
    preview.grab().save(str((SHOTS or tmp_path) / "ex32-office-tick.png"))
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    said = result.summary.text()
    assert "เป็นกุญแจของ สพป.ตาก เขต ๒ แล้ว" in said, said
    result.grab().save(str((SHOTS or tmp_path) / "ex32-office-result.png"))
    result.close()
    window.close()
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])
