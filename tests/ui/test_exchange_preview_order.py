"""TEST30a B2: with 30 files the preview's refused cards sat among the good ones in file-name order,
the officer scrolling through tall cards to find them. The files that cannot be imported come
first (then those waiting for a tick), the rest after them; the import order stays the files'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ui.exchange.import_dialog import ImportPreviewDialog

from .test_exchange_ui import (  # noqa: F401 (fixtures)
    OpenDialogs, controller_of, dialogs, laptops, open_window, two_files, wait_for_dialog,
)

pytestmark = pytest.mark.usefixtures("styled_app")


def test_refused_files_come_first_in_the_preview(
    qtbot: Any, db_path: Path, tmp_path: Path, dialogs: OpenDialogs, two_files: tuple[Path, Path],  # noqa: F811
) -> None:
    broken = two_files[0].parent / "๙๙-เสีย.qsx"  # sorts after the good files
    broken.write_bytes(b"this is not a zip file at all")
    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    dialogs.folder = broken.parent
    controller.import_folder_action.trigger()  # type: ignore[union-attr]
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    shown = preview.cards_shown()
    assert shown[0].check.path.name == "๙๙-เสีย.qsx" and shown[0].check.refused
    assert [card.check.path.name for card in shown[1:]] == sorted(path.name for path in two_files)
    preview.grab().save(str(tmp_path / "preview-order.png"))
    assert [check.path.name for check in preview.chosen()] == sorted(path.name for path in two_files)
    preview.reject()
    window.shutdown()
