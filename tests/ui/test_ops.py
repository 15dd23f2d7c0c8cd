"""The operations helper (ui.common.ops): work on a worker with a workspace of its own, results on the GUI
thread, change notices that pages follow, and running work cancelled and waited for."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Cancelled, Ops, error_message
from ui.schools.schools_page import SchoolsPage

from .keyboard import show_active


@pytest.fixture
def ops(qtbot) -> Ops:
    helper = Ops()
    yield helper
    helper.shutdown()


@pytest.fixture
def school_file(db_path: Path) -> Path:
    with Workspace.open(db_path, create=True) as workspace:
        workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    return db_path


def on_gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_results_and_progress_come_back_on_the_gui_thread(qtbot, ops: Ops) -> None:
    seen: dict[str, object] = {}

    def work(workspace, progress, _cancelled) -> int:
        seen["worker"] = threading.get_ident()
        seen["workspace"] = workspace
        progress(1, 2, "ครึ่งทาง")
        return 42

    steps: list[tuple[int, int, str, bool]] = []
    results: list[tuple[object, bool]] = []
    op = ops.run(work, on_success=lambda value: results.append((value, on_gui_thread())),
                 on_progress=lambda d, t, m: steps.append((d, t, m, on_gui_thread())))
    qtbot.waitUntil(lambda: results != [], timeout=5000)
    assert results == [(42, True)]
    assert steps == [(1, 2, "ครึ่งทาง", True)]
    assert seen["worker"] != threading.get_ident() and seen["workspace"] is None  # no database asked for
    assert not op.running and ops.running == []


def test_an_op_gets_its_own_workspace_on_the_worker_thread(qtbot, ops: Ops, school_file: Path) -> None:
    gui = Workspace.open(school_file)
    seen: dict[str, object] = {}

    def work(workspace: Workspace, _progress, _cancelled) -> list[str]:
        seen.update(thread=threading.get_ident(), conn=workspace.db.conn, mode=workspace.mode)
        return [school.name for school in workspace.schools.list()]

    try:
        for read_only, mode in ((True, "read_only"), (False, "worker")):
            results: list[object] = []
            ops.run(work, database=school_file, read_only=read_only, on_success=results.append)
            qtbot.waitUntil(lambda: results != [], timeout=5000)
            assert results == [["โรงเรียนบ้านแม่สอด"]]
            assert seen["thread"] != threading.get_ident() and seen["conn"] is not gui.db.conn
            assert seen["mode"] == mode
            with pytest.raises(sqlite3.ProgrammingError):  # the helper closed it after the work
                seen["conn"].execute("SELECT 1")  # type: ignore[attr-defined]
    finally:
        gui.close()


def test_failures_come_back_on_the_gui_thread_and_read_in_thai(qtbot, ops: Ops) -> None:
    def broken(_workspace, _progress, _cancelled) -> None:
        raise ValueError("kaboom: an English message from deep inside")

    failures: list[tuple[BaseException, bool]] = []
    ops.run(broken, on_failure=lambda error: failures.append((error, on_gui_thread())))
    qtbot.waitUntil(lambda: failures != [], timeout=5000)
    [(error, on_gui)] = failures
    assert isinstance(error, ValueError) and on_gui
    message = error_message(error)
    assert "kaboom" not in message and "Traceback" not in message
    assert "ข้อผิดพลาด" in message

    # Without a failure handler the helper tells the user itself, in Thai, without blocking.
    ops.run(broken)
    qtbot.waitUntil(lambda: ops.message_box is not None, timeout=5000)
    assert ops.message_box.text() == message and not ops.message_box.isModal()
    ops.message_box.close()


def test_a_raw_sqlite_error_becomes_the_cores_storage_error(qtbot, ops: Ops) -> None:
    def locked(_workspace, _progress, _cancelled) -> None:
        raise sqlite3.OperationalError("database is locked")

    failures: list[BaseException] = []
    ops.run(locked, on_failure=failures.append)
    qtbot.waitUntil(lambda: failures != [], timeout=5000)
    assert isinstance(failures[0], StorageError) and failures[0].reason == "busy"
    assert "database is locked" not in str(failures[0])


def test_a_cancelled_op_stops_and_says_so(qtbot, ops: Ops) -> None:
    started = threading.Event()

    def patient(_workspace, _progress, cancelled) -> None:
        started.set()
        while not cancelled():
            time.sleep(0.01)
        raise Cancelled()

    failures: list[BaseException] = []
    op = ops.run(patient, on_failure=failures.append)
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: failures != [], timeout=5000)
    assert isinstance(failures[0], Cancelled)


def test_cancel_all_waits_for_running_work_and_drops_its_late_result(qtbot, ops: Ops) -> None:
    started = threading.Event()
    finished_at: list[float] = []

    def slow_to_stop(_workspace, _progress, cancelled) -> str:
        started.set()
        while not cancelled():
            time.sleep(0.01)
        time.sleep(0.3)  # it takes a moment to stop
        finished_at.append(time.monotonic())
        return "late"

    delivered: list[object] = []
    notices: list[Changes] = []
    ops.notifier.changed.connect(notices.append)
    op = ops.run(slow_to_stop, changes=Changes(schools=True), on_success=delivered.append,
                 on_failure=delivered.append)
    abandoned: list[bool] = []
    op.abandoned.connect(lambda: abandoned.append(True))
    assert started.wait(5)
    assert ops.running == [op]
    assert ops.cancel_all(timeout=5)
    # Back only once the worker had finished.
    assert finished_at and finished_at[0] <= time.monotonic() and op.wait(0)
    qtbot.wait(200)  # its queued result arrives now, and is dropped
    assert delivered == [] and notices == [] and ops.running == []
    assert abandoned == [True]  # all its owner hears: time to close a progress dialog


def test_cancel_all_is_bounded_when_work_does_not_listen(qtbot, ops: Ops) -> None:
    release, running = threading.Event(), threading.Event()
    op = ops.run(lambda _w, _p, _c: (running.set(), release.wait(10)), on_success=lambda _v: pytest.fail("dropped"))
    assert running.wait(5)
    started = time.monotonic()
    assert not ops.cancel_all(timeout=0.2)
    assert time.monotonic() - started < 2
    release.set()
    assert op.wait(5)
    qtbot.wait(100)


def test_work_cancelled_before_it_began_never_opens_the_database(qtbot, ops: Ops, school_file: Path) -> None:
    gate, opened = threading.Event(), []
    for _ in range(QThreadPool.globalInstance().maxThreadCount()):  # every worker busy: the next op queues
        ops.run(lambda _w, _p, _c: gate.wait(10))
    queued = ops.run(lambda workspace, _p, _c: opened.append(workspace), database=school_file)
    threading.Timer(0.2, gate.set).start()  # the workers free up while cancel_all waits
    assert ops.cancel_all(timeout=5) and queued.wait(5)
    assert opened == []


def test_nothing_starts_after_shutdown(qtbot, ops: Ops) -> None:
    ran = threading.Event()
    ops.shutdown()
    op = ops.run(lambda _w, _p, _c: ran.set())
    qtbot.wait(100)
    assert not ran.is_set() and not op.running and op.dropped


def test_a_change_notice_refreshes_a_page_that_follows_it(qtbot, ops: Ops, school_file: Path) -> None:
    """The list shows a school written by an op on another connection; the test never calls refresh."""
    workspace = Workspace.open(school_file)
    try:
        page = show_active(qtbot, SchoolsPage(workspace, notifier=ops.notifier))
        page.refresh()
        assert page.visible_names() == ["โรงเรียนบ้านแม่สอด"]

        def add(own: Workspace, _progress, _cancelled) -> str:
            return own.schools.add(code="6302000002", name="โรงเรียนบ้านพบพระ").id

        added: list[object] = []
        ops.run(add, database=school_file, changes=Changes(schools=True), on_success=added.append)
        qtbot.waitUntil(lambda: added != [], timeout=5000)
        # The notice came before the success callback: the page was already up to date.
        assert sorted(page.visible_names()) == ["โรงเรียนบ้านพบพระ", "โรงเรียนบ้านแม่สอด"]
    finally:
        workspace.close()


def test_changes_may_be_computed_from_the_result_and_a_failure_says_anything_may_have_changed(
        qtbot, ops: Ops) -> None:
    notices: list[Changes] = []
    ops.notifier.changed.connect(notices.append)
    done: list[object] = []
    ops.run(lambda _w, _p, _c: ["v1"], changes=lambda ids: Changes(visits=ids), on_success=done.append)
    qtbot.waitUntil(lambda: done != [], timeout=5000)
    assert notices == [Changes(visits={"v1"})]

    def half_way(_w, _p, _c) -> None:
        raise RuntimeError("after the first file")

    ops.run(half_way, changes=lambda ids: Changes(visits=ids), on_failure=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=5000)
    assert notices[-1] == Changes.all()
    # Nothing declared, nothing published.
    ops.run(lambda _w, _p, _c: 1, on_success=done.append)
    qtbot.waitUntil(lambda: len(done) == 3, timeout=5000)
    assert len(notices) == 2


# -- through the window ------------------------------------------------------------------------
def test_switching_databases_cancels_and_waits_for_running_work_before_closing_the_old_one(
        qtbot, school_file: Path, tmp_path: Path) -> None:
    from ui.shell.main_window import MainWindow

    other = tmp_path / "from-usb.sqlite3"
    with Workspace.open(other, create=True) as workspace:
        workspace.schools.add(code="6303000001", name="โรงเรียนจากแฟลชไดรฟ์")
    window = show_active(qtbot, MainWindow(MainWindow.open_workspace(school_file)))
    old = window.workspace
    started, events = threading.Event(), []

    def reading(workspace: Workspace, _progress, cancelled) -> int:
        started.set()
        count = 0
        while not cancelled():
            count += workspace.schools.count()  # reads the old file all along
            time.sleep(0.01)
        time.sleep(0.3)
        count += workspace.schools.count()  # one last read as it stops: its own connection is still open
        events.append("worker ended")
        return count

    real_close = old.close

    def close() -> None:
        events.append("old workspace closed")
        real_close()

    old.close = close  # type: ignore[method-assign]
    delivered: list[object] = []
    window.ops.run(reading, database=school_file, read_only=True, changes=Changes(schools=True),
                   on_success=delivered.append, on_failure=delivered.append)
    assert started.wait(5)
    assert window.switch_workspace(other)
    assert events == ["worker ended", "old workspace closed"]
    qtbot.wait(200)  # the old op's result was queued meanwhile: it reaches nobody
    assert delivered == []
    assert window.page("schools").visible_names() == ["โรงเรียนจากแฟลชไดรฟ์"]
    window.shutdown()


def test_closing_the_window_cancels_and_waits_for_running_work(qtbot, school_file: Path) -> None:
    from ui.shell.main_window import MainWindow

    window = show_active(qtbot, MainWindow(MainWindow.open_workspace(school_file)))
    started, ended = threading.Event(), threading.Event()

    def work(workspace: Workspace, _progress, cancelled) -> None:
        started.set()
        while not cancelled():
            time.sleep(0.01)
        ended.set()

    op = window.ops.run(work, database=school_file)
    assert started.wait(5)
    window.close()
    assert ended.is_set() and op.wait(0)
    later = window.ops.run(lambda _w, _p, _c: pytest.fail("nothing starts after closing"))
    assert later.dropped
