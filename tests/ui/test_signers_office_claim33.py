"""s33 item 2 in the window: a school's signers window (แฟ้ม › ผู้ส่งข้อมูล…) names the district's
key, not yet bound, by the office its waiting verdict claims, not by its computer's name."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.exchange import signing
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import Laptops, laptops  # noqa: F401 (a fixture)
from ..test_office_words33 import MACHINE, _district_returns

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def test_the_signers_window_names_the_unbound_district_key_by_its_office(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    school, district, _ids, decided = _district_returns(laptops)
    school.import_(decided)
    groups = signing.fingerprint_groups(district.fingerprint)
    with school.open() as workspace:
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.resize(1366, 700)
        dialog.show()
        qtbot.wait(50)
        table = dialog.table
        rows = [" | ".join(table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount()))
                for r in range(table.rowCount())]
        (row,) = [r for r in rows if groups[:9] in r]
        assert "ผู้ตรวจในนาม สพป.ตาก เขต ๒" in row and MACHINE not in row, row
        dialog.grab().save(str((SHOTS or tmp_path) / "ex33-signers.png"))
