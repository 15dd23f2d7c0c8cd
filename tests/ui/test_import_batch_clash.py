"""test30a B10 in the window: two files chosen together claim the same new school code with
different keys. The preview flags both (naming the other file and both keys) and ticks neither,
whatever the order of their names, as the command line refuses both (``exchange.batch``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from ui.exchange.import_dialog import ImportPreviewDialog

from qualityschool_desktop import exchange

from ..laptops import Laptop, laptops  # noqa: F401 (a fixture)
from ..test_exchange_batch_clash import _two_claims
from .test_exchange_ui import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_preview_flags_two_files_claiming_one_new_school_and_ticks_neither(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    stranger, school = _two_claims(laptops, folder, "001.qsx", "school.qsx")
    district = laptops("district")
    district.activate()
    window = open_window(qtbot, district.db, tmp_path)
    controller = controller_of(window)
    controller.preview(sorted(folder.iterdir()))
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 740)
    for name in ("001.qsx", "school.qsx"):
        card = preview.card_for(name)
        assert card.check.refused and not card.include.isChecked()
        for key in (stranger.fingerprint, school.fingerprint):
            assert exchange.fingerprint_groups(key) in card.check.error
        assert "001.qsx" in card.check.error and "school.qsx" in card.check.error
    assert not preview.import_button.isEnabled()
    preview.grab().save(str(tmp_path / "b10-preview.png"))
    preview.reject()
    window.close()
