"""Saves that are true (issue 8): one write path that waits for the lock, only SQLite opening the
file, read-only opens that write nothing, and safe copies of a live database.

Most tests here use a second real process, because the faults they guard against only happen
between processes (POSIX file locks are per process)."""

from __future__ import annotations

import builtins
import hashlib
import importlib.util
import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from qualityschool_desktop import backup as backups
from qualityschool_desktop import paths
from qualityschool_desktop.errors import DatabaseNotWritableError, DatabaseOpenError, StorageError
from qualityschool_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
WRITER = Path(__file__).with_name("crash_writer.py")

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE installation SET value = value WHERE key = 'created_by'")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("released", flush=True)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_main(*args: str, data_dir: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    return subprocess.run(
        [sys.executable, str(MAIN), *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=timeout, cwd=ROOT
    )


class LockHolder:
    """Another process that holds the database's write lock for ``seconds``."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)], stdout=subprocess.PIPE, text=True, encoding="utf-8"
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"  # wait for its report, never sleep

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        if self.process.stdout:
            self.process.stdout.close()

    def wait(self) -> None:
        self.process.wait(timeout=30)
        if self.process.stdout:
            self.process.stdout.close()


@pytest.fixture
def round_on_file(db_path: Path) -> tuple[Path, str, str]:
    """A database file with one school and one draft round: (path, school code, assessment id)."""
    with Workspace.open(db_path, create=True) as ws:
        school = ws.schools.add(code="6301000001", name="โรงเรียนบันทึกจริง")
        assessment = ws.assessments.start(school.id, 2569)
    return db_path, school.code, assessment.id


def stored_level(path: Path, assessment_id: str, item: str) -> int | None:
    with Workspace.open(path, read_only=True) as ws:
        answer = ws.answers.get(assessment_id, item)
    return None if answer is None else answer.level


# -- only SQLite opens the database file --------------------------------------------------------
def test_a_second_open_then_another_process_loses_no_save(round_on_file, data_dir) -> None:
    """A worker's open in the same process, then a command in another process, used to make
    that process delete the live WAL; the window's later saves then vanished."""
    path, _, assessment_id = round_on_file
    window = Workspace.open(path)
    try:
        window.answers.set_level(assessment_id, "1.1.1", 2)
        worker = Workspace.open(path, worker=True)  # a print or an export starting
        worker.close()
        listed = run_main("schools", "--db", str(path), "--json", data_dir=data_dir)
        assert listed.returncode == 0, listed.stderr
        window.answers.set_level(assessment_id, "1.1.2", 5)  # the save made afterwards
        seen = run_main("schools", "--db", str(path), "--json", data_dir=data_dir)
        assert seen.returncode == 0, seen.stderr
        (assessment,) = json.loads(seen.stdout)["schools"][0]["assessments"]
        assert assessment["answered"] == 2  # a fresh process sees both saves
        # and the window's own later work still runs (no "disk I/O error")
        window.answers.set_level(assessment_id, "1.1.3", 4)
    finally:
        window.db.conn.close()  # no checkpoint: as if the battery died now
    with Workspace.open(path) as reopened:  # the file opens again, integrity check included
        answers = reopened.answers.for_assessment(assessment_id)
    assert {code: a.level for code, a in answers.items()} == {"1.1.1": 2, "1.1.2": 5, "1.1.3": 4}


def test_nothing_but_sqlite_opens_the_database_file(round_on_file, monkeypatch, tmp_path) -> None:
    path, _, assessment_id = round_on_file
    opened: list[str] = []
    real_open, real_io_open = builtins.open, io.open

    def spy(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(os.path.realpath(file) if isinstance(file, (str, Path)) else str(file))
        return real_open(file, *args, **kwargs)

    def io_spy(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(os.path.realpath(file) if isinstance(file, (str, Path)) else str(file))
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", io_spy)
    with Workspace.open(path) as window:
        window.answers.set_text(assessment_id, "1.1.1", "evidence", "หลักฐาน")
        for mode in ({"worker": True}, {"read_only": True}):
            Workspace.open(path, **mode).close()  # type: ignore[arg-type]
        backups.backup(window, tmp_path / "copy.sqlite3")
    database_files = {os.path.realpath(p) for p in (path, *paths.sidecar_files(path))}
    assert database_files.isdisjoint(opened)


# -- the write path waits for the lock --------------------------------------------------------
def test_a_save_waits_for_a_lock_held_half_a_second(round_on_file) -> None:
    path, _, assessment_id = round_on_file
    with Workspace.open(path) as window:
        holder = LockHolder(path, 0.5)
        try:
            window.answers.set_level(assessment_id, "1.1.1", 4)  # waits, then saves
        finally:
            holder.wait()
    assert stored_level(path, assessment_id, "1.1.1") == 4


def test_a_save_while_the_lock_is_held_too_long_fails_and_stores_nothing(round_on_file) -> None:
    path, _, assessment_id = round_on_file
    with Workspace.open(path) as window:
        window.answers.set_level(assessment_id, "1.1.1", 2)
        holder = LockHolder(path, 10)
        try:
            with pytest.raises(StorageError) as raised:
                window.answers.set_level(assessment_id, "1.1.1", 5)
        finally:
            holder.stop()
        assert raised.value.reason == "busy" and raised.value.retryable
        assert "ยังไม่ได้บันทึก" in str(raised.value)
        assert window.answers.get(assessment_id, "1.1.1").level == 2  # the connection is usable
        window.answers.set_level(assessment_id, "1.1.1", 5)  # and the retry saves
    assert stored_level(path, assessment_id, "1.1.1") == 5


# -- read-only opens ----------------------------------------------------------------------------
def test_read_only_commands_work_while_another_process_writes(round_on_file, data_dir, tmp_path) -> None:
    path, code, _ = round_on_file
    holder = LockHolder(path, 30)
    try:
        listed = run_main("schools", "--db", str(path), "--json", data_dir=data_dir)
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)["schools"][0]["code"] == code
        exported = run_main("export", "--db", str(path), "--out", str(tmp_path / "all.qsx"), data_dir=data_dir)
        assert exported.returncode == 0, exported.stderr
        copied = run_main("backup", "--db", str(path), "--out", str(tmp_path / "copy.sqlite3"), data_dir=data_dir)
        assert copied.returncode == 0, copied.stderr
    finally:
        holder.stop()


def test_a_read_only_open_writes_nothing(round_on_file) -> None:
    path, _, assessment_id = round_on_file
    before = digest(path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM installation")  # a file from elsewhere, without our installation row
    conn.commit()
    conn.close()
    before = digest(path)
    with Workspace.open(path, read_only=True) as ws:
        assert ws.read_only
        with pytest.raises(StorageError) as raised:
            ws.answers.set_level(assessment_id, "1.1.1", 3)
        assert raised.value.reason == "read_only"
    assert digest(path) == before
    # SQLite's read-only WAL reader may leave an empty log and its index beside the file: no data.
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_read_only_and_worker_opens_refuse_an_unmigrated_file(db_path) -> None:
    from qualityschool_desktop.database import open_database
    from qualityschool_desktop.migrations import known_migrations

    open_database(db_path, create=True, stop_before=known_migrations()[-1]).conn.close()
    before = digest(db_path)
    for mode in ({"worker": True}, {"read_only": True}):
        with pytest.raises(DatabaseOpenError, match="รุ่นเก่า"):
            Workspace.open(db_path, **mode)  # type: ignore[arg-type]
    assert digest(db_path) == before


def test_one_typing_burst_is_one_history_row_when_a_worker_opens_meanwhile(round_on_file) -> None:
    path, _, assessment_id = round_on_file
    with Workspace.open(path) as window:
        window.answers.set_text(assessment_id, "1.1.1", "evidence", "ครู")
        for mode in ({"worker": True}, {"read_only": True}):
            Workspace.open(path, **mode).close()  # type: ignore[arg-type]
        Workspace.open(path).close()  # even a command's full open mid-burst
        window.answers.set_text(assessment_id, "1.1.1", "evidence", "ครูทุกคน")
        window.answers.flush_pending()
        rows = [h for h in window.answers.history(assessment_id, "1.1.1") if h.field == "evidence"]
    assert [(h.old_value, h.new_value) for h in rows] == [("", "ครูทุกคน")]


# -- the errors a user can read -----------------------------------------------------------------
def test_a_full_disk_has_its_own_message_and_stores_nothing(file_workspace) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000002", name="โรงเรียนดิสก์เต็ม")
    assessment = ws.assessments.start(school.id, 2569)
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    with pytest.raises(StorageError) as raised:
        ws.answers.set_text(assessment.id, "1.1.1", "evidence", "ก" * 200_000)
    assert raised.value.reason == "full"
    assert "ดิสก์เต็ม" in str(raised.value) and "เสียหาย" not in str(raised.value)
    assert ws.answers.get(assessment.id, "1.1.1") is None


def test_a_read_only_folder_has_its_own_message(round_on_file, monkeypatch) -> None:
    path, _, _ = round_on_file
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path.parent else real_access(p, mode))
    with pytest.raises(DatabaseOpenError) as raised:
        Workspace.open(path)
    assert "เขียนไม่ได้" in str(raised.value) and "เสียหาย" not in str(raised.value)
    with Workspace.open(path, read_only=True) as ws:  # reading it is still possible
        assert ws.schools.count() == 1


def deny_writing(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """``os.access`` says ``denied`` cannot be written (root may write anywhere, so the test says so)."""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK and Path(p) in denied
                        else real_access(p, mode))


@pytest.mark.parametrize("denied", ["file", "folder"])
def test_a_file_that_cannot_be_written_says_so_apart_from_other_refusals(round_on_file, monkeypatch, denied) -> None:
    path, _, _ = round_on_file
    deny_writing(monkeypatch, path if denied == "file" else path.parent)
    with pytest.raises(DatabaseNotWritableError) as raised:  # a DatabaseOpenError the window can tell apart
        Workspace.open(path)
    assert isinstance(raised.value, DatabaseOpenError) and raised.value.path == path
    assert raised.value.folder == (denied == "folder")
    for other in (path.with_name("missing.sqlite3"), path.parent):  # missing, a folder: not this case
        with pytest.raises(DatabaseOpenError) as refused:
            Workspace.open(other)
        assert not isinstance(refused.value, DatabaseNotWritableError)


def test_a_database_in_a_folder_that_cannot_be_written_opens_read_only_without_writing_beside_it(
    round_on_file, monkeypatch
) -> None:
    # On a CD or a locked USB stick SQLite cannot make the -shm index a WAL database needs even to
    # be read (SQLITE_READONLY_DIRECTORY): nothing else may change it, so it is opened immutable.
    path, _, _ = round_on_file
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # closed cleanly: no -wal, no -shm
    deny_writing(monkeypatch, path.parent)
    with Workspace.open(path, read_only=True) as ws:
        assert ws.schools.count() == 1 and ws.read_only
        with pytest.raises(StorageError) as refused:
            ws.schools.add(code="6301000002", name="โรงเรียนใหม่")
        assert refused.value.reason == "read_only"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # nothing made beside it


# -- safe copies --------------------------------------------------------------------------------
def test_a_backup_of_a_live_database_holds_every_completed_save(round_on_file, data_dir, tmp_path) -> None:
    path, _, assessment_id = round_on_file
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    writer = subprocess.Popen([sys.executable, str(WRITER), str(path), assessment_id],
                              stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    assert writer.stdout is not None
    try:
        confirmed = -1
        for line in writer.stdout:
            confirmed = int(line.split()[1])
            if confirmed >= 120:
                break
        copied = run_main("backup", "--db", str(path), "--out", str(tmp_path / "copy.sqlite3"), data_dir=data_dir)
        assert copied.returncode == 0, copied.stderr
    finally:
        writer.kill()
        writer.wait(timeout=30)
        writer.stdout.close()
    with Workspace.open(tmp_path / "copy.sqlite3", read_only=True) as copy:
        codes = [item.code for item in copy.frameworks.latest().items]
        answers = copy.answers.for_assessment(assessment_id)
    for k in range(max(0, confirmed - len(codes) + 1), confirmed + 1):
        stored = answers[codes[k % len(codes)]]
        assert int(stored.evidence.split()[-1]) >= k  # that save, or a later one, is in the copy


def test_a_backup_carries_the_attachments_and_opens_alone(file_workspace, tmp_path) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000003", name="โรงเรียนไฟล์แนบ")
    assessment = ws.assessments.start(school.id, 2569)
    evidence = tmp_path / "รูปกิจกรรม.txt"
    evidence.write_text("หลักฐานการประชุม", encoding="utf-8")
    ws.attachments.add(assessment.id, "1.1.1", evidence)
    (tmp_path / "copies").mkdir()
    result = backups.backup(ws, tmp_path / "copies" / "copy.sqlite3")
    assert result.attachment_count == 1
    with Workspace.open(result.path, read_only=True) as copy:
        (attachment,) = copy.attachments.for_item(assessment.id, "1.1.1")
        assert copy.files.path_of(attachment.sha256).read_text(encoding="utf-8") == "หลักฐานการประชุม"
    assert not list(result.path.parent.glob("*.partial"))


def test_a_backup_refuses_to_overwrite_the_open_file(file_workspace) -> None:
    with pytest.raises(backups.BackupError, match="ไม่ใช่ไฟล์ฐานข้อมูลที่เปิดอยู่"):
        backups.backup(file_workspace, file_workspace.path)


def test_the_daily_backup_keeps_the_last_seven(file_workspace) -> None:
    ws = file_workspace
    ws.schools.add(code="6301000004", name="โรงเรียนสำรองทุกวัน")
    start = datetime(2026, 11, 1, 8, 0, 0)
    made = [backups.auto_backup(ws, now=start + timedelta(days=day)) for day in range(10)]
    assert all(result is not None for result in made)
    assert backups.auto_backup(ws, now=start + timedelta(days=9, hours=5)) is None  # not due yet
    kept = backups.auto_backups(ws.path)
    assert [p.name for p in kept] == [r.path.name for r in made[-7:] if r is not None]
    with Workspace.open(kept[-1], read_only=True) as copy:
        assert copy.schools.by_code("6301000004").name == "โรงเรียนสำรองทุกวัน"


def test_a_backup_made_while_the_clock_read_2099_does_not_stop_later_daily_backups(file_workspace, monkeypatch) -> None:
    ws = file_workspace
    assert backups.auto_backup(ws, now=datetime(2099, 1, 1, 9, 0)) is not None  # the clock was wrong for a day
    start = datetime(2026, 12, 1, 9, 0)
    made = [backups.auto_backup(ws, now=start + timedelta(days=day)) for day in range(3)]
    assert all(result is not None for result in made)
    assert backups.auto_backup(ws, now=start + timedelta(days=2, hours=5)) is None  # still daily, not every start


def test_the_daily_backup_reads_the_installations_clock(file_workspace, monkeypatch) -> None:
    from qualityschool_desktop import clock

    ws = file_workspace
    assert backups.auto_backup(ws) is not None
    assert not backups.auto_backup_due(ws.path)
    monkeypatch.setattr(clock, "_offset", timedelta(days=1, minutes=1))
    assert backups.auto_backup_due(ws.path)
    assert backups.auto_backup(ws) is not None


def test_leftovers_of_a_crash_are_removed_on_the_next_start(round_on_file) -> None:
    path, _, _ = round_on_file
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, encoding="utf-8")
    pid = int(dead.stdout)  # a process that has ended
    partial_backup = path.with_name(f"{path.stem}.before-schema-5.20261130-101010.sqlite3.{pid}.partial")
    partial_backup.write_bytes(b"half a copy")
    if os.name != "posix":  # no cheap check of another process there: an old partial is a leftover
        os.utime(partial_backup, (time.time() - 3600, time.time() - 3600))
    # A daily backup killed half-way (try27b finding 5): its copy and the copy's SQLite journal.
    from qualityschool_desktop.copies import auto_backup_folder

    auto_backup_folder(path).mkdir(parents=True, exist_ok=True)
    killed = auto_backup_folder(path) / f"{path.stem}-20261202-020818.sqlite3.{pid}.partial"
    killed_journal = killed.with_name(killed.name + "-journal")
    for leftover in (killed, killed_journal):
        leftover.write_bytes(b"half a copy")
        if os.name != "posix":
            os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    incoming = paths.attachments_dir_for(path) / ".incoming-abc123"
    incoming.parent.mkdir(parents=True, exist_ok=True)
    incoming.write_bytes(b"half a file")
    old = time.time() - 3600
    os.utime(incoming, (old, old))
    Workspace.open(path).close()
    assert not partial_backup.exists() and not incoming.exists()
    assert not killed.exists() and not killed_journal.exists()


def test_a_backup_never_replaces_a_database_that_may_be_in_use(file_workspace, tmp_path, data_dir) -> None:
    """Renaming a copy over a file whose -wal is still beside it made a corrupt (or false) database."""
    ws = file_workspace
    ws.schools.add(code="6301000005", name="โรงเรียนไม่เขียนทับ")
    target = tmp_path / "other.sqlite3"
    other = Workspace.open(target, create=True)  # open elsewhere: its -wal is beside it
    other.schools.add(code="6301000006", name="โรงเรียนอื่น")
    try:
        before = digest(target)
        with pytest.raises(backups.BackupError, match="อาจเปิดใช้อยู่"):
            backups.backup(ws, target, overwrite=True)
        assert digest(target) == before
    finally:
        other.close()
    with pytest.raises(backups.BackupError, match="อยู่แล้ว"):
        backups.backup(ws, target)  # an existing file is replaced only when the user said so
    result = backups.backup(ws, target, overwrite=True)
    with Workspace.open(result.path, read_only=True) as copy:
        assert [s.code for s in copy.schools.list()] == ["6301000005"]
    refused = run_main("backup", "--db", str(ws.path), "--out", str(target), data_dir=data_dir)
    assert refused.returncode == 2 and "อยู่แล้ว" in refused.stderr


def test_an_interrupted_backup_never_leaves_a_database_without_its_attachments(file_workspace, tmp_path, monkeypatch) -> None:
    ws = file_workspace
    school = ws.schools.add(code="6301000007", name="โรงเรียนสำรองค้าง")
    assessment = ws.assessments.start(school.id, 2569)
    for n in range(3):
        source = tmp_path / f"หลักฐาน{n}.txt"
        source.write_text(f"ไฟล์ที่ {n}", encoding="utf-8")
        ws.attachments.add(assessment.id, "1.1.1", source)
    target = tmp_path / "copies" / "copy.sqlite3"
    target.parent.mkdir()
    calls = 0

    def battery_dies(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # the process stops mid-way
    with pytest.raises(KeyboardInterrupt):
        backups.backup(ws, target, progress=battery_dies)
    assert not target.exists()  # no database that looks complete
    result = backups.backup(ws, target)
    assert result.attachment_count == 3


def test_damage_found_after_opening_is_a_thai_message_not_a_traceback(round_on_file, data_dir, monkeypatch) -> None:
    from qualityschool_desktop import cli

    def damaged(_workspace):  # type: ignore[no-untyped-def]
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(cli, "schools_as_data", damaged)
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["schools", "--db", str(round_on_file[0]), "--json"]), out=out, err=err)
    assert status == 2 and "เสียหาย" in err.getvalue() and "Traceback" not in err.getvalue()


def test_a_file_in_the_way_of_the_backups_folder_is_named_as_such_on_windows_too(
    file_workspace, data_dir, monkeypatch
) -> None:
    """Windows reports a file where a folder should be as "already exists" (EEXIST), where POSIX
    says "not a directory": the message must say what is wrong either way."""
    file_workspace.schools.add(code="6301000005", name="โรงเรียนไฟล์ขวาง")
    (data_dir / "backups").write_text("a file where the backups folder should be")

    real_mkdir = Path.mkdir

    def windows_mkdir(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "backups" not in self.parts:
            return real_mkdir(self, *args, **kwargs)
        raise FileExistsError(17, "Cannot create a file when that file already exists", str(self))

    monkeypatch.setattr(Path, "mkdir", windows_mkdir)
    with pytest.raises(backups.BackupError, match="มีไฟล์อยู่ในตำแหน่งที่ต้องเป็นโฟลเดอร์"):
        backups.auto_backup(file_workspace)


@pytest.mark.skipif(importlib.util.find_spec("numpy") is None, reason="numpy is not installed here")
def test_opening_a_database_does_not_import_numpy_where_it_is_installed(tmp_path: Path) -> None:
    """sqlite-utils imports numpy and pandas whenever they are installed; the core never hands it
    one of their values, and on a machine that has numpy it was most of the window's wait for the
    school list (issue 16). Opening a database loads neither; a later ``import numpy`` still works."""
    probe = ("import sys; from pathlib import Path; from qualityschool_desktop.workspace import Workspace; "
             f"Workspace.open(Path(sys.argv[1]), create=True).close(); "
             "print(sorted(name for name in ('numpy', 'pandas') if name in sys.modules)); "
             "import numpy; print(numpy.zeros(1).shape)")
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "lean.sqlite3")], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=ROOT,
                          env={**os.environ, "QUALITYSCHOOL_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[]", "(1,)"]
