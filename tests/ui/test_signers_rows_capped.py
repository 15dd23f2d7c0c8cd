"""ui34 #3: in the signers window (ผู้ลงนาม / กุญแจ) a key bound to several schools with long names,
or named by a long school's name, made its row as tall as all of it: at 1366×768 one key took most
of the list. A row holds at most three lines of text; a cell with more shows its first lines and
"…" (never a line cut through its letters) and says the whole of it in its tooltip."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

import pytest
from qualityschool_desktop.exchange.signing import Signer
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.signer_rows import MAX_LINES, shown_lines
from ui.exchange.signers_dialog import COL_SCHOOLS, SignersDialog

from ..laptops import Laptop, laptops  # noqa: F401 (laptops is a fixture)
from .test_senders_many_keys import code_of, key_of

pytestmark = pytest.mark.usefixtures("styled_app")

LONG = "โรงเรียนชุมชนบ้านแม่ระมาดน้อยมิตรภาพที่สองร้อยสี่สิบเก้าเฉลิมพระเกียรติ"


@pytest.mark.parametrize("size", [(1280, 720), (1077, 542), (895, 445)])  # as it opens at 100, 125, 150 %
def test_a_key_of_many_schools_keeps_a_row_of_three_lines(qtbot: Any, laptops: Callable[[str], Laptop],  # noqa: F811
                                                           size: tuple[int, int]) -> None:
    district = laptops("district")
    district.activate()
    workspace = Workspace.open(district.db, create=True)
    for n in range(6):
        workspace.schools.add(code=code_of(n), name=f"{LONG}{n}", province="ตาก")
    many = Signer(key_of(0), f"{LONG}0", False, first_seen_at="2026-12-02T06:23:00Z",
                  schools=tuple(code_of(n) for n in range(6)), bindings=tuple((code_of(n), "statement") for n in range(6)))
    one = Signer(key_of(1), "vm", False, first_seen_at="2026-12-02T06:23:00Z",
                 schools=(code_of(1),), bindings=((code_of(1), "statement"),))
    api = dataclasses.replace(ExchangeApi.real(), list_signers=lambda _workspace: [many, one])
    dialog = SignersDialog(lambda: workspace, api, Ops())
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    qtbot.wait(50)
    table = dialog.table
    spacing = table.fontMetrics().lineSpacing()
    for row in range(table.rowCount()):
        assert table.rowHeight(row) <= MAX_LINES * spacing + 16, f"row {row}: {table.rowHeight(row)} px"
        for column in range(table.columnCount()):
            index = table.model().index(row, column)
            lines = shown_lines(table, index)
            assert len(lines) <= MAX_LINES, (row, column, lines)
            assert len(lines) * spacing <= table.rowHeight(row), f"row {row} column {column}: a line cut through"
    schools = table.item(0, COL_SCHOOLS)
    assert schools is not None and len(schools.text().split("\n")) == 6  # the item keeps the whole text
    lines = shown_lines(table, table.model().index(0, COL_SCHOOLS))
    assert lines[-1].endswith("…")
    tip = table.itemDelegate().tip(table, table.model().index(0, COL_SCHOOLS))  # type: ignore[attr-defined]
    assert all(f"{LONG}{n}" in tip for n in range(6)), tip
    workspace.close()
