"""Issue 10 (second adversary, findings 7 and 8): the signers, pending-changes and conflicts
dialogs show what a person reads out or decides on whole, at the size they open with (the test
screen leaves them 784 pixels wide, as a 1366×768 laptop at 150 % does) and at 1366×768.

Real files move between databases with separate data folders (separate keys)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop import exchange
from tests.laptops import CODE_A, Laptop, behind_owner_check, laptops  # noqa: F401 (fixture)
from ui.common import digits
from ui.exchange import strings as s
from ui.exchange.conflicts_dialog import ConflictsDialog
from ui.exchange.pending_dialog import COL_WHAT, PendingDialog
from ui.exchange.signers_dialog import SignersDialog

from .fit import CELL_PADDING, cut_off_texts
from .test_exchange_review import (
    controller_of, edited_by_another_key, open_window, school_and_district, wait_for_dialog,
)

Laptops = Callable[[str], Laptop]
SIZES = ("as opened", "1366x768")


pytestmark = pytest.mark.usefixtures("styled_app")


def _sized(qtbot: Any, dialog: Any, size: str) -> None:
    if size == "1366x768":
        dialog.resize(1366, 768)
    qtbot.wait(50)  # the layout settles (headings are fitted after a resize)


@pytest.mark.parametrize("size", SIZES)
def test_the_signers_dialog_shows_this_laptops_fingerprint_and_its_label_whole(
    qtbot: Any, laptops: Laptops, tmp_path: Path, size: str,
) -> None:
    _school, district, _ids = school_and_district(laptops)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, SignersDialog)
    _sized(qtbot, dialog, size)
    own = exchange.fingerprint_groups(exchange.own_signer(window.workspace).fingerprint)
    assert dialog.own_key.text() == own
    assert dialog.own_key.width() >= dialog.own_key.sizeHint().width()
    assert dialog.own_key.geometry().right() < dialog.own_key.parentWidget().width()
    cut = [line for line in cut_off_texts(dialog) if "ลายนิ้วมือ" in line or own[:4] in line]
    assert cut == []


@pytest.mark.parametrize("size", SIZES)
def test_the_signers_dialogs_buttons_read_whole(qtbot: Any, laptops: Laptops, tmp_path: Path, size: str) -> None:
    """s23: with visits re-binding and the office key's two buttons beside the school's two, one row
    of five cut every label ("…การนิเทศกับกุญแจใ", "นกุญแจของสำนักงาน") at the 784 pixels the dialog
    opens with; the labels are shorter (their tooltips say the rest) and wrap rather than cut."""
    _school, district, _ids = school_and_district(laptops)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, SignersDialog)
    _sized(qtbot, dialog, size)
    buttons = (dialog.bind_button, dialog.unbind_button, dialog.rebind_visits.button, dialog.office_button,
               dialog.unbind_office_button)
    assert [button.text() for button in buttons if button.width() < button.sizeHint().width()] == []


@pytest.mark.parametrize("size", SIZES)
def test_each_pending_row_says_which_record_under_a_thai_heading(
    qtbot: Any, laptops: Laptops, tmp_path: Path, size: str,
) -> None:
    school, district, ids = school_and_district(laptops)
    _mallory, suggestion = edited_by_another_key(laptops, school, ids)
    district.import_(suggestion)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    _sized(qtbot, dialog, size)
    table = dialog.list
    assert table.horizontalHeaderItem(COL_WHAT).text() == s.PENDING_HEADERS[COL_WHAT]
    metrics = table.fontMetrics()
    heading_room = table.columnWidth(COL_WHAT)
    assert heading_room >= metrics.horizontalAdvance(s.PENDING_HEADERS[COL_WHAT]) + 16
    for row in range(table.rowCount()):
        text = table.item(row, COL_WHAT).text()
        assert digits.shown(CODE_A) in text or "คำตอบ" in text or "ประวัติ" in text, text
        # Wrapped onto lines at most as wide as the column, never cut to a letter or two.
        widest_word = max(metrics.horizontalAdvance(word) for word in text.split())
        assert table.columnWidth(COL_WHAT) >= widest_word
        assert table.rowHeight(row) >= table.sizeHintForRow(row) - 1


@pytest.mark.parametrize("size", SIZES)
def test_the_conflicts_dialog_shows_when_each_version_was_edited_and_which_record(
    qtbot: Any, laptops: Laptops, tmp_path: Path, size: str,
) -> None:
    school, district, ids = school_and_district(laptops)
    with district.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=310)
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=320)
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.conflicts_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, ConflictsDialog)
    _sized(qtbot, dialog, size)
    for column in (1, 2):
        shown = dialog.versions.table.horizontalHeaderItem(column).text()
        assert "…" not in shown, shown
        assert shown.replace("\n", " ") == dialog.versions.heading(column).replace("\n", " ")
    table = dialog.list
    metrics = table.fontMetrics()
    text = table.item(0, 0).text()
    assert digits.shown(CODE_A) in text  # in the window's digits
    assert table.columnWidth(0) >= max(metrics.horizontalAdvance(word) for word in text.split())
    # Every shown cell whole: the found-at column's date and time wrapped onto as many lines as the
    # row gives ("๑ ธ.ค. ๒๕๖๙ เวลา ๐๔:๑๓…" at 150 % before).
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            if table.isColumnHidden(column):
                continue
            cell = table.item(row, column).text()
            room = table.columnWidth(column) - CELL_PADDING
            needed = metrics.boundingRect(0, 0, room, 10_000, int(Qt.TextFlag.TextWordWrap), cell).height()
            assert needed <= table.rowHeight(row), (cell, room, needed, table.rowHeight(row))
