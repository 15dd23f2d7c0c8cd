"""retest30 B1 nit: in the import's result the files not imported (refused, not reached, left
unticked) come first, as in the preview, so four refused files are seen without scrolling past 28
good ones; the good files and their schools follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog

from ..laptops import CODE_A, Laptops, laptops, start_school  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("styled_app")


def test_refused_files_come_before_the_imported_ones(qtbot: Any, laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    good = school.export("good.qsx")
    result = district.import_(good)
    outcome = ApplyOutcome(results=[(good, result)], refused=[(Path("bad.qsx"), "ไฟล์เสีย")],
                           not_chosen=[Path("left.qsx")])
    dialog = ImportResultDialog(outcome, 3)
    qtbot.addWidget(dialog)
    lines = dialog.summary.text().split("\n")
    first_good = next(i for i, line in enumerate(lines) if line.startswith("good.qsx"))
    assert lines[0].startswith("bad.qsx: นำเข้าไม่ได้"), lines
    assert any(line.startswith("left.qsx") for line in lines[:first_good]), lines
