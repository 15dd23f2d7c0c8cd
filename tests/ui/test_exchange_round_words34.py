"""s34 exw34 T5: one term for one thing. A self-assessment's round is "รอบที่" (the model ties it to
the inspection round; the PDFs and the other screens say รอบที่): the exchange's comparison named it
"ปีงบประมาณ 2568 ครั้งที่ 1" and its field "ครั้งที่". ครั้งที่ stays for visits (การนิเทศครั้งที่)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.exchange.compare import field_rows, value_text

from ..laptops import start_school

pytestmark = pytest.mark.usefixtures("styled_app")


def test_an_assessment_s_round_reads_รอบที่_in_the_exchange_s_comparison(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALITYSCHOOL_DATA_DIR", str(tmp_path / "data"))
    with Workspace.open(tmp_path / "db.sqlite3", create=True) as workspace:
        ids = start_school(workspace)
        referred = value_text(workspace, "review_decisions", "assessment_id", ids["assessment"])
        assert "รอบที่" in referred and "ครั้งที่" not in referred, referred
        (row,) = workspace.db.query("SELECT * FROM assessments WHERE id = ?", [ids["assessment"]])
        labels = {r.column: r.label for r in field_rows(workspace, "assessments", row, row)}
        assert labels["round"] == "รอบที่", labels
