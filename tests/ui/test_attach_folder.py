"""TEST32b B14: the first "แนบไฟล์…" dialog opened in the program's own folder, and every one
after it there again; the PDF dialog remembered its folder. Attaching now starts in the user's
home folder, then where the last attached file came from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QFileDialog

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def test_attaching_starts_at_home_then_in_the_last_folder(  # type: ignore[no-untyped-def]
        qtbot, memory_workspace: Workspace, school, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    photo = folder / "p.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    started: list[str] = []

    def ask(_parent, _title, start="", *_a, **_k):  # noqa: ANN001, ANN202
        started.append(start)
        return [str(photo)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(ask))
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 12, 1), start_time="09:00")
    window = MainWindow(memory_workspace)
    window.show()
    window.navigate(Location("school", school.id))
    window.navigate(Location("visit", visit.id))
    window.view._choose_files("")
    window.view._choose_files("")
    shiboken6.delete(window)
    assert started == [str(Path.home()), str(folder)]
