"""VERIFY31 V4: a file whose office project this laptop does not take ("ไม่รับ ๑" in the preview)
was imported; the result window and the notice bar then said "ใหม่ ๐ ปรับปรุง ๐ เหมือนเดิม …"
only, as if every change had been taken. They say the refusal too."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog

from .test_exchange_ui import controller_of, open_window

pytestmark = pytest.mark.usefixtures("styled_app")


def a_file_with_a_refused_project() -> Any:
    projects = SimpleNamespace(new=0, updated=0, unchanged=15, conflicting=0, pending=0, older=0, refused=1)
    return SimpleNamespace(counts={"projects": projects}, conflicts=[], schools=[])


def test_the_result_and_the_notice_say_a_refused_change(qtbot: Any, tmp_path: Path) -> None:
    outcome = ApplyOutcome(results=[(tmp_path / "เขต1.qsx", a_file_with_a_refused_project())])
    dialog = ImportResultDialog(outcome, 1)
    qtbot.addWidget(dialog)
    assert "ไม่รับการแก้ไข ๑ รายการ (โครงการ)" in dialog.summary.text()
    dialog.reject()
    window = open_window(qtbot, tmp_path / "office.sqlite3", tmp_path)
    controller_of(window).show_outcome(outcome, 1).reject()
    assert "ไม่รับ ๑ รายการ" in window.notices.text()
    window.shutdown()
