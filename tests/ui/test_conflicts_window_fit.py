"""TEST30a B8/B11: at 150 % on a 1366x768 laptop the conflict window's comparison was a strip under
its four-line heading (no value visible; with "แสดงทุกช่องข้อมูล" the heading itself cut), and neither
side said which laptop made it. What a person chooses between must be readable: whole rows of values
under a whole heading, and each side's maker named as the history dialog names it (name · กุญแจ …)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from tests.laptops import Laptop, laptops, two_laptops_of_the_school  # noqa: F401 (fixture)
from ui.exchange.conflicts_dialog import ConflictsDialog

from .test_exchange_dialogs_150 import AT_150, whole_rows
from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")


def conflict_window(qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> tuple[Any, ConflictsDialog, Laptop, Laptop]:  # noqa: F811
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop, level in ((a1, 4), (a2, 2)):  # both of the school's laptops change 1.1.1, not knowing
        with laptop.open() as workspace:
            workspace.answers.set_level(ids["assessment"], ids["item"], level)
            workspace.answers.flush_pending()
    district.import_(a2.export("a2-1.qsx"))
    district.import_(a1.export("a1-1.qsx"))
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.conflicts_action.trigger()  # type: ignore[union-attr]
    return window, wait_for_dialog(qtbot, controller, ConflictsDialog), a1, a2


@pytest.mark.parametrize("size", [AT_150, (1093, 534), (1300, 680)])  # 150 %, 125 %, 100 %
def test_the_comparison_shows_whole_rows_under_a_whole_heading(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path, size: tuple[int, int]) -> None:  # noqa: F811
    window, dialog, _a1, _a2 = conflict_window(qtbot, laptops, tmp_path)
    dialog.resize(*size)
    qtbot.wait(50)
    table = dialog.versions.table
    header = table.horizontalHeader()
    dialog.grab().save(str(tmp_path / f"conflicts-{size[0]}.png"))
    assert table.rowCount() >= 1
    assert whole_rows(table) >= 1, (table.viewport().height(), table.rowHeight(0))
    assert header.height() >= header.sizeHint().height()
    dialog.versions.all_fields.setChecked(True)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / f"conflicts-all-{size[0]}.png"))
    assert header.height() >= header.sizeHint().height()  # the heading whole, not cut
    assert whole_rows(table) >= min(2, table.rowCount())
    window.shutdown()


def test_each_side_names_the_laptop_that_made_it(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:  # noqa: F811
    window, dialog, a1, a2 = conflict_window(qtbot, laptops, tmp_path)
    [(_label, in_use, kept)] = [row for row in dialog.versions.rows_shown() if row[0] == "แก้ไขที่เครื่อง"]
    for laptop in (a1, a2):  # one side each (which is in use: the rule every laptop applies alike)
        key = laptop.fingerprint.upper()
        assert f"กุญแจ {key[:4]}-{key[4:8]}" in {in_use, kept} or any(
            f"กุญแจ {key[:4]}-{key[4:8]}" in side for side in (in_use, kept)), (in_use, kept, laptop.name)
    assert in_use != kept
    window.shutdown()
