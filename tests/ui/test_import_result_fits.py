"""TEST30a B4: the result of importing 50 school files grew a line per file past the bottom of a
1366x768 screen, its "ปิด" button and last lines out of reach. The result fits its screen: the
lines scroll, the buttons stay in view."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ui.common.screen import open_fitted, room
from ui.exchange.controller import ApplyOutcome
from ui.exchange.import_dialog import ImportResultDialog

pytestmark = pytest.mark.usefixtures("styled_app")


def a_school_file() -> Any:
    counts = SimpleNamespace(new=12, updated=0, unchanged=0, conflicting=0, pending=0, older=0)
    return SimpleNamespace(counts={"schools": counts}, conflicts=[])


def test_fifty_files_fit_the_screen_with_the_close_button_in_view(qtbot: Any, tmp_path: Path) -> None:
    outcome = ApplyOutcome(results=[(tmp_path / f"t{n:02d}.qsx", a_school_file()) for n in range(40, 90)])
    dialog = ImportResultDialog(outcome, 50)
    qtbot.addWidget(dialog)
    open_fitted(dialog)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "result-50.png"))
    assert dialog.height() <= room(dialog).height()
    close = dialog.close_button
    assert close.isVisible()
    bottom = close.mapTo(dialog, close.rect().bottomLeft()).y()
    assert bottom <= dialog.height(), (bottom, dialog.height())
    assert "t89.qsx" in dialog.summary.text()  # the last file still listed (the lines scroll)
    dialog.reject()
