"""The window's workspace checks the file and reads this installation's key after its first page,
not before it (issue 16: keyring and the integrity check before the school list), and no record is
written before both: every write runs them first; a key lost meanwhile, or a damaged file, refuses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualityschool_desktop import keys
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.workspace import Workspace, installation_id, key_replaced_notice


def _count_key_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    real = keys.private_key

    def counted() -> object:
        reads.append(1)
        return real()

    monkeypatch.setattr(keys, "private_key", counted)
    return reads


def test_the_key_is_read_at_the_check_or_the_first_write_and_the_record_carries_the_id(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(db_path, create=True).close()  # this laptop's key, id and file made
    own = installation_id()
    reads = _count_key_reads(monkeypatch)
    workspace = Workspace.open(db_path, checks_later=True)
    try:
        assert workspace.installation_id == own and reads == []  # nothing read yet
        assert workspace.schools.list() == []  # reading needs no key
        school = workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")  # the write checks first
        assert len(reads) == 1 and workspace.finish_checks() and len(reads) == 1
        modified_by = workspace.db.execute("SELECT modified_by FROM schools WHERE id = ?", [school.id]).fetchone()[0]
        assert modified_by == own
    finally:
        workspace.close()


def test_a_key_lost_before_the_check_refuses_every_write_and_says_why(db_path: Path) -> None:
    Workspace.open(db_path, create=True).close()
    old = installation_id()
    keys.key_path().unlink()  # lost while the window opened the file under the old id
    workspace = Workspace.open(db_path, checks_later=True)
    try:
        with pytest.raises(StorageError) as refused:
            workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")
        assert refused.value.reason == "key_replaced" and "ยังไม่ได้บันทึก" in str(refused.value)
        assert workspace.db.execute("SELECT count(*) FROM schools").fetchone()[0] == 0
        assert not workspace.finish_checks()  # the window opens the file again
    finally:
        workspace.close()
    notice = key_replaced_notice()
    assert notice is not None and old in notice
    with Workspace.open(db_path, checks_later=True) as again:
        assert again.installation_id == installation_id() != old
        assert again.finish_checks()
        again.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")


def _damaged_copy(db_path: Path, name: str = "schools") -> bytes:
    """A file of ours whose table (or index) ``name``'s first page is garbage: it opens (SQLite,
    ours, current) and only the integrity check or a read of that table finds the damage (an
    index the school list does not use: only the check). Returns its bytes."""
    import sqlite3

    with Workspace.open(db_path, create=True) as workspace:
        workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")
    conn = sqlite3.connect(db_path)
    root, page = conn.execute("SELECT (SELECT rootpage FROM sqlite_master WHERE name = ?),"
                              " (SELECT page_size FROM pragma_page_size)", (name,)).fetchone()
    conn.close()
    data = bytearray(db_path.read_bytes())
    start = (root - 1) * page + (8 if name == "schools" else 0)  # an empty index: its header too
    data[start:start + page - 100] = b"\xff" * (page - 100)
    db_path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_file_opened_for_the_window_is_refused_at_the_check_and_left_as_it_was(db_path: Path) -> None:
    from qualityschool_desktop.errors import DatabaseOpenError

    content = _damaged_copy(db_path)
    workspace = Workspace.open(db_path, checks_later=True)  # the other checks pass: it is ours and current
    try:
        with pytest.raises(DatabaseOpenError) as refused:
            workspace.schools.add(code="6302000002", name="โรงเรียนบ้านห้วยปลาหลด")  # the write checks first
        assert "เสียหาย" in str(refused.value)
        with pytest.raises(DatabaseOpenError):
            workspace.finish_checks()
    finally:
        workspace.close()
    assert db_path.read_bytes() == content
    with pytest.raises(DatabaseOpenError) as refused:
        Workspace.open(db_path)  # as before: refused at once without checks_later
    assert "โฟลเดอร์" not in str(refused.value)  # no daily copy of it here: no folder to name
    from qualityschool_desktop.copies import auto_backup_folder

    copies = auto_backup_folder(db_path)
    copies.mkdir(parents=True)
    (copies / f"{db_path.stem}-20261201-080000.sqlite3").write_bytes(b"")
    workspace = Workspace.open(db_path, checks_later=True)
    try:
        with pytest.raises(DatabaseOpenError) as refused:
            workspace.finish_checks()
    finally:
        workspace.close()
    assert str(copies) in str(refused.value)  # try28b #4: where the copies to open instead are


def test_nothing_else_writes_or_copies_the_file_before_the_window_s_check_passed(db_path: Path) -> None:
    """try27b findings 1 and 5: an import on a worker's own connection wrote into a file the check
    then declared damaged, and the daily backup copied it."""
    from qualityschool_desktop.backup import auto_backup, auto_backups
    from qualityschool_desktop.errors import DatabaseOpenError

    content = _damaged_copy(db_path)
    window = Workspace.open(db_path, checks_later=True)
    worker = Workspace.open(db_path, worker=True)
    reader = Workspace.open(db_path, read_only=True)
    try:
        with pytest.raises(StorageError) as waiting:
            worker.schools.add(code="6302000002", name="โรงเรียนบ้านห้วยปลาหลด")
        assert waiting.value.reason == "unchecked"
        with pytest.raises(StorageError):
            auto_backup(reader)
        with pytest.raises(DatabaseOpenError):
            window.finish_checks()
        for attempt in (lambda: worker.schools.add(code="6302000002", name="โรงเรียนบ้านห้วยปลาหลด"),
                        lambda: auto_backup(reader)):
            with pytest.raises(DatabaseOpenError) as refused:
                attempt()
            assert "เสียหาย" in str(refused.value)
    finally:
        for workspace in (worker, reader, window):
            workspace.close()
    assert db_path.read_bytes() == content and auto_backups(db_path) == []


def test_a_worker_writes_once_the_window_s_check_passed(db_path: Path) -> None:
    with Workspace.open(db_path, create=True):
        pass
    with Workspace.open(db_path, checks_later=True) as window, Workspace.open(db_path, worker=True) as worker:
        with pytest.raises(StorageError):
            worker.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")
        assert window.finish_checks()
        worker.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")
        assert window.schools.count() == 1


def test_the_key_notice_names_the_command_as_the_windows_build_runs_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RETEST27b R5: the notice said ``python main.py signers`` where the built app has ``qsd-cli.exe``."""
    import sys

    from qualityschool_desktop.workspace import KEY_REPLACED_FILE

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    (data_dir / KEY_REPLACED_FILE).write_text("old-id", encoding="ascii")
    notice = key_replaced_notice()
    assert notice is not None and "qsd-cli.exe signers --bind" in notice and "main.py" not in notice


def test_the_command_line_names_an_unreadable_key_with_its_file(db_path: Path, tmp_path: Path) -> None:
    """retest28 R5: ``export`` with garbage in the key file printed "unexpected error" and a traceback."""
    import io

    from qualityschool_desktop import cli

    with Workspace.open(db_path, create=True) as workspace:
        workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")
    keys.key_path().write_text("garbage", encoding="ascii")
    keys._loaded = None  # read again, as a new command does
    out, err = io.StringIO(), io.StringIO()
    argv = ["export", "--db", str(db_path), "--out", str(tmp_path / "x.qsx"), "--school", "6302000001"]
    assert cli.run(cli.parse(argv), out=out, err=err) == 2
    said = err.getvalue()
    assert str(keys.key_path()) in said and "Traceback" not in said and "ไม่คาดคิด" not in said, said
    assert not (tmp_path / "x.qsx").exists()
