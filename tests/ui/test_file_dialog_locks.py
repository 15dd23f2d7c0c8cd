"""RETEST14 N1: after the office page's "บันทึกเป็น Excel" (Qt's own save dialog showing the folder
of the open database), the next other program to close its connection deleted the window's
``-wal``/``-shm``; the window went on writing into the deleted log ("บันทึกแล้ว" that no other
program saw and a crash lost). Qt's dialog had guessed the database file's type from its content:
it opened and closed the file, and on POSIX closing any handle on a file drops every lock the
process holds on it (``qualityschool_desktop/database.py``). While a file dialog runs, it names
types and icons from file names alone, so the window keeps its hold on its database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from qualityschool_desktop.workspace import Workspace
from ui.common import save_dialog
from ui.common.file_dialogs import NATIVE_PLATFORMS

from . import answering

pytestmark = [
    pytest.mark.usefixtures("styled_app"),
    pytest.mark.skipif(sys.platform in NATIVE_PLATFORMS, reason="the system's own file dialog here"),
]

OTHER_PROGRAM = (  # another program reads the file and closes: the last user to close folds the WAL away
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "print(c.execute('SELECT count(*) FROM saved_here').fetchone()[0])\n"
    "c.close()\n"
)


def other_program_reads(path: Path) -> int:
    done = subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout)


@pytest.mark.parametrize("name", ["งบประมาณ.db", "demo.sqlite3"])
def test_a_save_dialog_over_the_database_s_folder_leaves_the_window_s_hold_on_it(qtbot, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    workspace = Workspace.open(path, create=True)
    try:
        workspace.db.execute("CREATE TABLE saved_here (x INTEGER)")
        workspace.db.execute("INSERT INTO saved_here VALUES (1)")
        listed: list[str] = []

        def look() -> bool:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                return False
            try:
                files = dialog.findChild(QFileSystemModel)  # it reads the folder's files, shown or not
                assert files is not None
                qtbot.waitUntil(lambda: files.index(str(path)).isValid(), timeout=5000)
                qtbot.wait(300)  # ... and fills in each file's type and icon
                listed.append(name)
            finally:
                dialog.reject()
            return True

        answering.keep_looking(look)
        assert save_dialog.ask_save_path(None, "บันทึกเป็น Excel", tmp_path / "งบ.xlsx", {"Excel (*.xlsx)": (".xlsx",)}) is None
        assert listed == [name]

        assert other_program_reads(path) == 1
        assert path.with_name(name + "-wal").exists(), "another program's close deleted the window's WAL"
        workspace.db.execute("INSERT INTO saved_here VALUES (2)")  # "บันทึกแล้ว" after the dialog ...
        assert other_program_reads(path) == 2  # ... is what every other program reads
    finally:
        workspace.close()
