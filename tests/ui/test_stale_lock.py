"""A lock left by a crash must not leave the window read-only for good (issue 12, try12c finding 3).

Under Wine the crashed window's pid (32) was given to the next launch, so Qt's QLockFile took the
dead owner for alive; the window opened read-only "in another window that does not respond", with
no other window and no way out. Now a lock naming this very process is taken over at once, and the
read-only banner names the holder and offers "ปิดโปรแกรมอื่นแล้ว — เปิดแก้ไข", which opens the file
for editing when no live process holds the lock, and never takes it from one that does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QLabel, QPushButton

from qualityschool_desktop.workspace import Workspace
from ui.shell import single_instance
from ui.shell.main_window import MainWindow
from ui.shell.database_lock import DatabaseLock, Outcome, claim
from ui.shell.single_instance import InstanceGuard

ROOT = Path(__file__).resolve().parents[2]
SLEEPER = "import time; print('up', flush=True); time.sleep(60)"
HOLDER_SCRIPT = """
import sys, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ui.shell.database_lock import DatabaseLock
lock = DatabaseLock(sys.argv[1])
assert lock.try_take()
print("locked", flush=True)
time.sleep(60)
"""


pytestmark = pytest.mark.usefixtures("styled_app")


def fake_stale_lock(database: Path, pid: int) -> Path:
    """The lock file a crashed window leaves: Qt's own contents (its pid, app name, host), naming
    ``pid``, with nobody holding it."""
    lock_path = DatabaseLock(database).lock_path
    probe = QLockFile(str(lock_path.with_suffix(".probe")))
    assert probe.tryLock(0)
    contents = lock_path.with_suffix(".probe").read_bytes()
    probe.unlock()
    first, rest = contents.split(b"\n", 1)
    assert first == str(os.getpid()).encode()
    lock_path.write_bytes(str(pid).encode() + b"\n" + rest)
    return lock_path


def start_window(qtbot, database: Path) -> MainWindow:
    """As the app starts (ui.shell.app.run): claim, open (read-only when claimed so), settle."""
    guard = InstanceGuard()
    outcome = guard.claim(database, timeout_ms=300, starting_ms=300)
    assert outcome is not Outcome.FORWARDED
    window = MainWindow(MainWindow.open_workspace(database, read_only=guard.read_only), instance=guard)
    qtbot.addWidget(window)
    guard.settle()
    window.resize(1366, 768)
    window.show()
    guard.listen()
    return window


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "school.sqlite3"
    Workspace.open(path, create=True).close()
    return path


@pytest.fixture
def process():
    started: list[subprocess.Popen] = []

    def start(*argv: str) -> subprocess.Popen:
        child = subprocess.Popen([sys.executable, *argv], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                 encoding="utf-8")
        started.append(child)
        assert child.stdout is not None
        child.stdout.readline()
        return child

    yield start
    for child in started:
        child.kill()
        child.wait()


def test_a_lock_naming_this_very_process_is_a_dead_windows_and_is_taken_over(database: Path) -> None:
    fake_stale_lock(database, os.getpid())  # Wine gave the crashed window's pid to this launch
    outcome, lock = claim(database, timeout_ms=300, starting_ms=300)
    assert outcome is Outcome.OWNER and lock is not None and lock.held
    lock.release()


def test_a_stale_lock_whose_pid_another_process_reuses_can_be_taken_over_from_the_banner(
        qtbot, database: Path, process) -> None:
    reused = process("-c", SLEEPER)  # alive, same program name (python), holds no lock
    fake_stale_lock(database, reused.pid)
    window = start_window(qtbot, database)
    assert window.workspace.read_only
    banner = window.instance._banner
    # Nobody ever answered: no window to close (retest28 R3); the holder's pid and how to end it.
    assert banner is not None and banner.isVisible() and "ปิดหน้าต่างนั้น" not in banner.text()
    assert banner.text() == single_instance.SILENT_START_BANNER.format(how=single_instance.how_to_end(reused.pid))
    holder = window.findChild(QLabel, "lockHolder")
    assert holder is not None and holder.isVisible()
    assert f"PID {reused.pid}" in holder.text() and single_instance.TAKE_OVER in holder.text()  # who holds it
    # This machine's own lock is not said to be another machine's (Qt on Windows writes COMPUTERNAME,
    # "VM", where QSysInfo says "vm").
    assert single_instance.ON_HOST.format(host="") not in holder.text()
    button = window.findChild(QPushButton, "takeOverLock")
    assert button is not None and button.isVisible() and button.text() == single_instance.TAKE_OVER
    qtbot.wait(50)
    window.grab().save("/tmp/w12/stale-lock-banner.png")
    button.click()
    assert not window.workspace.read_only
    assert not banner.isVisible() and not button.isVisible()
    assert "อ่านอย่างเดียว" not in window.windowTitle()
    assert DatabaseLock(database).lock_path.read_bytes().split(b"\n")[0] == str(os.getpid()).encode()
    qtbot.wait(50)
    window.grab().save("/tmp/w12/stale-lock-taken.png")
    window.close()
    window.instance.release()


def test_the_button_never_takes_the_lock_of_a_window_really_running(qtbot, database: Path, process) -> None:
    holder = process("-c", HOLDER_SCRIPT, str(database))  # a running window (not answering yet)
    window = start_window(qtbot, database)
    assert window.workspace.read_only
    button = window.findChild(QPushButton, "takeOverLock")
    assert button is not None and button.isVisible()
    button.click()
    assert window.workspace.read_only and button.isVisible()
    said = window.findChild(QLabel, "lockHolder")
    # It never showed a window (no server): not "close that window" but how to end it (retest28 R3).
    assert said is not None and "ปิดหน้าต่างนั้น" not in said.text()
    assert single_instance.STILL_STARTING.format(pid=holder.pid, how=single_instance.how_to_end(holder.pid)) in said.text()
    qtbot.wait(50)
    window.grab().save("/tmp/w12/stale-lock-still-held.png")
    assert holder.poll() is None
    lock_path = DatabaseLock(database).lock_path
    assert lock_path.read_bytes().split(b"\n")[0] == str(holder.pid).encode()  # its lock file untouched
    assert not DatabaseLock(database).try_take()
    window.close()
    window.instance.release()
