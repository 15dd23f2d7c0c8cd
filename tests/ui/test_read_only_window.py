"""A window on a database opened read-only (another window on it does not answer, or the file or
its folder cannot be written) offers no command that would change it: the editing commands and
buttons are off, with the reason as their tooltip, rather than failing with "ยังไม่ได้บันทึก" and a
"ลองอีกครั้ง" that can never succeed. Reading, exporting, printing and backing up still work."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace
from ui.common.strings_save import READ_ONLY_NOTICE
from ui.shell import app as app_module
from ui.shell import database_lock, single_instance
from ui.shell.api import ADD_SCHOOL_ACTION, Location
from ui.shell.main_window import MainWindow
from ui.shell.database_lock import Outcome
from ui.shell.single_instance import InstanceGuard

from .keyboard import show_active

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "school.sqlite3"
    with Workspace.open(path, create=True) as writer:
        school = writer.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา")
        writer.assessments.start(school.id, 2569)
        writer.visits.start(school.id, visited_on=date(2026, 2, 3))
    return path


def window_on(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace)
    window.resize(1366, 768)
    show_active(qtbot, window)
    return window


def action(window: MainWindow, name: str) -> QAction:
    return next(each for each in window.actions() if each.objectName() == name)


def editing_commands(window: MainWindow) -> dict[str, QAction]:
    exchange = window.features["exchange"]
    return {"add school": action(window, ADD_SCHOOL_ACTION), "import": exchange.import_action,
            "import folder": exchange.import_folder_action}


def test_a_read_only_window_offers_no_edits(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    window = window_on(qtbot, Workspace.open(filled, read_only=True))
    assert window.shell.read_only
    assert not any(each.isEnabled() for each in editing_commands(window).values())
    exchange = window.features["exchange"]
    # Reading is fine: export, and the dialogs of waiting changes, conflicts and senders' keys show
    # what they show (their decisions and ticks shut); a backup.
    for reading in (exchange.export_action, exchange.pending_action, exchange.conflicts_action,
                    exchange.signers_action, window.features["backup"].action):
        assert reading.isEnabled()
    signers = exchange.manage_signers()
    assert signers.copy_button.isEnabled() and not signers.bind_button.isEnabled()
    signers.close()

    schools = window.page("schools")
    school_id = schools.selected_id()
    assert school_id is not None and schools.open_button.isEnabled()
    assert not schools.add_button.isEnabled() and not schools.edit_button.isEnabled()
    assert schools.add_button.toolTip() == READ_ONLY_NOTICE
    schools.add_school.emit()  # a way round the button (the signal) still opens nothing
    assert window.active_dialog is None

    window.navigate(Location("school", school_id))
    page = window.page("school")
    assert not page.edit_button.isEnabled()
    rounds, visits = page.tab("rounds"), page.tab("visits")
    assert not rounds.new_button.isEnabled() and not visits.new_button.isEnabled()
    assert rounds.new_button.toolTip() == READ_ONLY_NOTICE
    before = window.workspace.visits.for_school(school_id)
    visits.new_visit.emit(school_id)
    rounds.new_round.emit(school_id)
    assert window.workspace.visits.for_school(school_id) == before and window.active_dialog is None
    # Off in the record views too, and still off on the way back.
    window.navigate(Location("visit", before[0].id))
    window.go_back()
    assert not any(each.isEnabled() for each in editing_commands(window).values())
    window.close()


def test_switching_to_a_writable_database_offers_the_edits_again(qtbot, filled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = window_on(qtbot, Workspace.open(filled, read_only=True))
    own = tmp_path / "own.sqlite3"
    Workspace.open(own, create=True).close()
    assert window.switch_workspace(own)
    assert not window.shell.read_only
    assert all(each.isEnabled() for each in editing_commands(window).values())
    welcome = window.page("welcome")
    assert welcome.add_button.isEnabled()
    window.close()
    window.instance.release()


def test_an_empty_read_only_database_does_not_offer_to_add_the_first_school(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.sqlite3"
    Workspace.open(path, create=True).close()
    window = window_on(qtbot, Workspace.open(path, read_only=True))
    welcome = window.page("welcome")
    assert window.stack.currentWidget() is welcome
    assert not welcome.add_button.isEnabled() and welcome.demo_button.isEnabled()
    window.close()


# -- a file on read-only media ---------------------------------------------------------------------
def deny_writing(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """``os.access`` says ``denied`` cannot be written (as root everything can, so the test says so)."""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK and Path(p) in denied
                        else real_access(p, mode))


@pytest.mark.parametrize("denied", ["file", "folder"])
def test_a_file_on_read_only_media_opens_read_only_and_says_what_to_do(qtbot, filled, tmp_path, monkeypatch,
                                                                        denied) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    own = tmp_path / "own" / "own.sqlite3"
    Workspace.open(own, create=True).close()
    guard = InstanceGuard()
    assert guard.claim(own) is Outcome.OWNER
    window = MainWindow(Workspace.open(own), instance=guard)
    guard.settle()
    show_active(qtbot, window)
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message: errors.append(message))
    deny_writing(monkeypatch, filled if denied == "file" else filled.parent)

    assert window.switch_workspace(filled) and errors == []
    assert window.workspace.path == filled and window.workspace.read_only
    assert window.workspace.schools.count() == 1  # its data is there to read
    assert window.windowTitle() == "school.sqlite3 (อ่านอย่างเดียว) — โรงเรียนคุณภาพ"
    banner = window.instance._banner
    assert banner is not None and banner.isVisible() and banner.text() == single_instance.NOT_WRITABLE_BANNER
    assert "คัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้เพื่อแก้ไข" in banner.text()
    assert not any(each.isEnabled() for each in editing_commands(window).values())
    window.close()
    window.instance.release()


def test_an_old_file_on_read_only_media_says_to_copy_it_not_to_open_it_again(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """try28b #3: it said "open this file in the program once", which is what the user had just done."""
    from qualityschool_desktop.database import open_database
    from qualityschool_desktop.errors import DatabaseOpenError
    from qualityschool_desktop.migrations import known_migrations

    old = tmp_path / "media" / "old.sqlite3"
    old.parent.mkdir()
    open_database(old, create=True, stop_before=known_migrations()[-1]).conn.close()
    content = old.read_bytes()
    deny_writing(monkeypatch, old.parent)
    with pytest.raises(DatabaseOpenError) as refused:
        MainWindow.open_workspace(old, checks_later=True)
    said = str(refused.value)
    assert "รุ่นเก่า" in said and str(old.parent) in said and "คัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้" in said
    assert "--db" not in said
    assert old.read_bytes() == content


ON_READ_ONLY_MEDIA = """
import os, runpy, sys
from pathlib import Path
denied = Path(sys.argv[1]).parent
real_access = os.access
os.access = lambda p, mode: False if mode & os.W_OK and Path(p) == denied else real_access(p, mode)
sys.argv = ["main.py", "--db", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
"""


def test_launching_on_a_file_in_a_read_only_folder_opens_it_read_only(filled, data_dir) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", DATA_DIR_ENV: str(data_dir), "PYTHONIOENCODING": "utf-8",
           database_lock.REPORT_ENV: "1", app_module.BENCH_FIRST_PAINT_ENV: "1"}
    launched = subprocess.run([sys.executable, "-c", ON_READ_ONLY_MEDIA, str(filled)], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert launched.returncode == 0, launched.stderr[-2000:]  # not "ไม่มีสิทธิ์เขียน …" and exit 2
    # Second launches are answered once the first page has painted (issue 16), not before.
    assert launched.stdout.split() == ["first-paint", "read-only", "ready", "listening"]
