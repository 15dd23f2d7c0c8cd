"""At 150 % on a 1366x768 laptop (911x485 logical pixels for a dialog, try11b F4) the pending-changes
dialog cut its reason mid-sentence and squeezed the comparison table to its heading, and the signers
dialog showed its key table as a strip half a row high above an empty area. What a person decides on
must be readable whole: the reason's every line, at least one whole row of each table."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from tests.laptops import Laptop, laptops  # noqa: F401 (fixture)
from ui.exchange.pending_dialog import PendingDialog
from ui.exchange.signers_dialog import SignersDialog

from .test_exchange_review import (
    controller_of, edited_by_another_key, open_window, school_and_district, wait_for_dialog,
)

Laptops = Callable[[str], Laptop]
AT_150 = (895, 445)  # what fit_to_screen gives a dialog on 910x485 (scripts/screenshots.py --scale 1.5)

pytestmark = pytest.mark.usefixtures("styled_app")


def whole_rows(table: QTableWidget) -> int:
    """How many rows the table shows from top to bottom, whole."""
    room = table.viewport().height()
    shown, used = 0, 0
    for row in range(table.rowCount()):
        used += table.rowHeight(row)
        if used > room:
            break
        shown += 1
    return shown


def label_whole(label: QLabel) -> bool:
    return label.height() >= label.heightForWidth(label.width()) - 1


def test_the_pending_dialog_at_150_percent_shows_the_whole_reason_and_a_row_to_compare(
    qtbot: Any, laptops: Laptops, tmp_path: Path,  # noqa: F811
) -> None:
    school, district, ids = school_and_district(laptops)
    _mallory, suggestion = edited_by_another_key(laptops, school, ids)
    district.import_(suggestion)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    dialog.resize(*AT_150)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "pending.png"))
    assert dialog.reason.text()
    assert label_whole(dialog.reason), (dialog.reason.height(), dialog.reason.heightForWidth(dialog.reason.width()))
    assert whole_rows(dialog.versions.table) >= 1
    assert whole_rows(dialog.list) >= 1


def test_the_fingerprint_s_caption_is_in_the_window_s_face_not_the_key_font(
    qtbot: Any, laptops: Laptops, tmp_path: Path,  # noqa: F811
) -> None:
    """try11b F21: "ลายนิ้วมือกุญแจ" was drawn in the fixed-width key font's spaced-out fallback."""
    school, district, ids = school_and_district(laptops)
    _mallory, suggestion = edited_by_another_key(laptops, school, ids)
    district.import_(suggestion)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    key = dialog.sender_key
    document = QTextDocument()
    document.setDefaultFont(key.font())
    document.setHtml(key.text())
    block = document.begin()
    fragment = next(iter(block)).fragment()
    assert fragment.text().startswith("ลายนิ้วมือกุญแจ")
    assert QApplication.font().family() in fragment.charFormat().fontFamilies()
    assert key.font().family() not in fragment.charFormat().fontFamilies()


def test_the_signers_dialog_at_150_percent_shows_a_whole_row_of_keys(
    qtbot: Any, laptops: Laptops, tmp_path: Path,  # noqa: F811
) -> None:
    _school, district, _ids = school_and_district(laptops)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, SignersDialog)
    dialog.resize(*AT_150)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "signers.png"))
    assert dialog.table.rowCount() >= 1
    assert whole_rows(dialog.table) >= 1
