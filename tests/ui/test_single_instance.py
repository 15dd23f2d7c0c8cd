"""One window per database file: the lock, the "come forward" request and the read-only fallback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication, QMainWindow

from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace
from ui import app as app_module
from ui import single_instance
from ui.single_instance import DatabaseLock, InstanceGuard, Outcome, claim, instance_key

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def styled_app(qapp: QApplication) -> QApplication:
    return app_module.make_application()


def make_database(path: Path) -> Path:
    Workspace.open(path, create=True).close()
    return path


@pytest.fixture
def holders():
    """Locks taken in a test, released at its end whatever happens."""
    taken: list[DatabaseLock] = []
    yield taken
    for lock in taken:
        lock.release()


def test_a_lock_is_taken_released_and_kept_out_of_the_database_folder(tmp_path, data_dir, holders) -> None:
    database = tmp_path / "school.sqlite3"  # need not exist: the user's own file is made after
    outcome, lock = claim(database)
    assert outcome is Outcome.OWNER and lock is not None and lock.held
    holders.append(lock)
    assert lock.lock_path.parent == data_dir / "locks" and lock.lock_path.exists()
    assert list(tmp_path.iterdir()) == []  # nothing beside the database, and it was never opened
    # Another claimant (here a second lock object) is refused and can name the holder.
    other = DatabaseLock(database)
    assert not other.try_take() and other.holder_pid() == os.getpid()
    lock.release()
    assert not lock.lock_path.exists()
    assert other.try_take()
    other.release()


def test_the_key_is_the_file_for_this_user_and_data_folder(tmp_path, monkeypatch) -> None:
    database = make_database(tmp_path / "school.sqlite3")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(database)
    monkeypatch.chdir(tmp_path)
    key = instance_key(database)
    assert instance_key(Path("school.sqlite3")) == key == instance_key(link)
    assert instance_key(tmp_path / "other.sqlite3") != key
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "another-user"))
    assert instance_key(database) != key


def test_a_second_claim_brings_the_holder_forward(qtbot, tmp_path, holders) -> None:
    database = tmp_path / "school.sqlite3"
    window = QMainWindow()
    qtbot.addWidget(window)
    guard = InstanceGuard()
    guard.setParent(window)
    assert guard.claim(database) is Outcome.OWNER
    window.show()
    guard.listen()
    window.showMinimized()
    assert window.isMinimized()

    started = time.monotonic()
    outcome, lock = claim(database)
    assert (outcome, lock) == (Outcome.FORWARDED, None)
    assert time.monotonic() - started < 0.5
    assert window.isVisible() and not window.isMinimized()
    guard.release()
    assert claim(database)[0] is Outcome.OWNER  # released: the next claimant takes it
    holders.append(DatabaseLock(database))


def test_a_closing_window_does_not_come_back(qtbot, tmp_path) -> None:
    database = tmp_path / "school.sqlite3"
    window = QMainWindow()
    qtbot.addWidget(window)
    guard = InstanceGuard()
    guard.setParent(window)
    guard.claim(database)
    window.show()
    guard.listen()
    window.close()  # closed, its lock not yet released: the request goes unanswered
    outcome, _lock = claim(database, timeout_ms=300)
    assert outcome is Outcome.READ_ONLY and not window.isVisible()
    guard.release()


def test_an_unreachable_holder_means_read_only(tmp_path, holders) -> None:
    database = tmp_path / "school.sqlite3"
    holder = DatabaseLock(database)
    assert holder.try_take()
    holders.append(holder)
    # Held, and no server at all (a window that never got as far as listening).
    started = time.monotonic()
    assert claim(database, timeout_ms=400) == (Outcome.READ_ONLY, None)
    assert 0.35 < time.monotonic() - started < 1.5
    # Held, with a server that accepts but never answers (a hung window).
    hung = QLocalServer()
    assert hung.listen(holder.server_name)
    try:
        started = time.monotonic()
        assert claim(database, timeout_ms=400) == (Outcome.READ_ONLY, None)
        assert time.monotonic() - started < 1.5
    finally:
        hung.close()
    assert holder.held


HOLDER_SCRIPT = """
import sys, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ui.single_instance import DatabaseLock
lock = DatabaseLock(sys.argv[1])
assert lock.try_take() and lock.listen(lambda: True)
print("locked", flush=True)
time.sleep(60)
"""


def test_a_lock_and_server_left_by_a_killed_process_are_taken_over(qtbot, tmp_path, holders) -> None:
    database = tmp_path / "school.sqlite3"
    crashed = subprocess.Popen([sys.executable, "-c", HOLDER_SCRIPT, str(database)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert crashed.stdout is not None and crashed.stdout.readline().strip() == "locked"
    finally:
        crashed.kill()
        crashed.wait()
    lock = DatabaseLock(database)
    assert lock.lock_path.exists() and lock.holder_pid() == crashed.pid  # left behind
    started = time.monotonic()
    assert lock.try_take()  # its process is gone: stale, taken over at once
    assert time.monotonic() - started < 0.5
    holders.append(lock)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    # The dead process's socket name is in the way until removed; listening still works.
    assert lock.listen(lambda: single_instance.bring_forward(window))
    assert claim(database)[0] is Outcome.FORWARDED


def test_a_lock_file_that_names_no_holder_is_taken_over_after_the_wait(tmp_path, data_dir, holders) -> None:
    database = tmp_path / "school.sqlite3"
    lock = DatabaseLock(database)
    lock.lock_path.write_bytes(b"")  # a crash while the lock file was being written
    outcome, taken = claim(database, timeout_ms=300)
    assert outcome is Outcome.OWNER and taken is not None and taken.held
    holders.append(taken)
