"""Issue 8: the assessment view is honest about saving while another program holds the write lock.

A real second process takes SQLite's write lock on the same file (``BEGIN IMMEDIATE``) and keeps
it for a while; the view must wait for a short lock, and for a long one show the stored value,
say "ยังไม่ได้บันทึก" with the reason, and store the change once the lock is gone. What is in the
database is always checked through a fresh read-only workspace, never through the view.

The view works on the window's own workspace (``MainWindow.open_workspace``): its saves run on
the GUI thread, so it waits for a lock for less time than a command does (the window freezes
while it waits), and the save state's retries make up for the shorter wait.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPushButton

from qualityschool_desktop import storage
from qualityschool_desktop.answers import Answer
from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.common import save_state
from ui.shell.main_window import MainWindow

from .keyboard import type_text
from .test_assessment_view import SCHOOL, click, evidence_box, make_view

# Holds the write lock on a database file for argv[2] seconds, saying "locked" once it has it.
HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


@contextmanager
def write_lock_held(db_path: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holds the write lock from entry until it commits or the block ends (killed)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), str(seconds)], stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.kill()  # the OS drops its locks with it; the 10 s cases need not wait
        holder.wait()


def stored(db_path: Path, assessment_id: str, item_code: str) -> Answer | None:
    with Workspace.open(db_path, read_only=True) as fresh:
        return fresh.answers.get(assessment_id, item_code)


@pytest.fixture
def window_workspace(db_path: Path) -> Iterator[Workspace]:
    """The database as the window opens it (its shorter wait for another process's lock)."""
    workspace = MainWindow.open_workspace(db_path, create=True)
    yield workspace
    workspace.close()


@pytest.fixture
def started(window_workspace: Workspace):  # type: ignore[no-untyped-def]
    school = window_workspace.schools.add(**SCHOOL)
    return window_workspace.assessments.start(school.id, 2569)


def test_the_window_waits_seconds_for_a_lock_but_less_than_a_command(
    qtbot, window_workspace, db_path, started  # type: ignore[no-untyped-def]
) -> None:
    wait = save_state.WINDOW_WRITE_WAIT_SECONDS
    assert 1.0 <= wait <= storage.WRITE_WAIT_SECONDS / 2  # seconds, yet the window is not frozen for long
    view = make_view(qtbot, window_workspace, started.id)
    view.go_to("1.1.1")
    with write_lock_held(db_path, 10):
        began = time.monotonic()
        click(qtbot, view.level_buttons()[3])
        waited = time.monotonic() - began
        assert view.save_state().startswith("ยังไม่ได้บันทึก")
    assert wait - 0.2 < waited < wait + 1.0


def test_a_short_lock_is_waited_for_and_the_level_is_saved(qtbot, window_workspace, db_path, started) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, window_workspace, started.id)
    view.go_to("1.1.1")
    with write_lock_held(db_path, 0.5):
        click(qtbot, view.level_buttons()[4])
        assert view.save_state().startswith("บันทึกแล้ว ✓")
    assert view.level_buttons()[4].isChecked()
    assert stored(db_path, started.id, "1.1.1").level == 4
    assert view.field_note("choice") == ""


def test_a_long_lock_leaves_the_stored_level_on_screen_until_a_retry_saves_it(
    qtbot, window_workspace, db_path, started  # type: ignore[no-untyped-def]
) -> None:
    window_workspace.answers.set_level(started.id, "1.1.1", 2)
    view = make_view(qtbot, window_workspace, started.id)
    view.go_to("1.1.1")
    buttons = view.level_buttons()
    assert buttons[2].isChecked()

    with write_lock_held(db_path, 10):
        click(qtbot, buttons[5])  # waits the window's WINDOW_WRITE_WAIT_SECONDS, then gives up
        assert buttons[2].isChecked() and not buttons[5].isChecked()  # what the database has
        state = view.save_state()
        assert state.startswith("ยังไม่ได้บันทึก") and storage.BUSY in state
        assert "บันทึกแล้ว" not in state
        note = view.field_note("choice")
        assert note.startswith("ยังไม่ได้บันทึก") and storage.BUSY in note
        assert stored(db_path, started.id, "1.1.1").level == 2
        # the view's line (the item's comments have a save line of their own, hidden)
        [retry] = [button for button in view.findChildren(QPushButton, "retrySaveButton") if button.isVisible()]
        assert retry.text() == "ลองอีกครั้ง"
    # The lock is gone: the user's retry stores the level, and only now the view says so.
    click(qtbot, retry)
    assert stored(db_path, started.id, "1.1.1").level == 5
    assert buttons[5].isChecked() and not buttons[2].isChecked()
    assert view.save_state().startswith("บันทึกแล้ว ✓")
    assert view.field_note("choice") == "" and not retry.isVisible()


def test_typed_evidence_stays_in_the_editor_and_lands_once_the_lock_goes(
    qtbot, window_workspace, db_path, started  # type: ignore[no-untyped-def]
) -> None:
    view = make_view(qtbot, window_workspace, started.id)
    view.go_to("2.1.1")
    box = evidence_box(view)
    with write_lock_held(db_path, 10):
        type_text(box, "ภาพกิจกรรม")
        assert box.toPlainText() == "ภาพกิจกรรม"  # nothing typed is thrown away
        note = view.field_note("evidence")
        assert note.startswith("ยังไม่ได้บันทึก") and storage.BUSY in note
        assert view.save_state().startswith("ยังไม่ได้บันทึก")
        answer = stored(db_path, started.id, "2.1.1")
        assert answer is None or answer.evidence == ""
    # Retried on a timer with back-off: no click needed.
    qtbot.waitUntil(lambda: view.save_state().startswith("บันทึกแล้ว ✓"), timeout=15000)
    assert stored(db_path, started.id, "2.1.1").evidence == "ภาพกิจกรรม"
    assert box.toPlainText() == "ภาพกิจกรรม" and view.field_note("evidence") == ""
