"""Damage SQLite's quick check does not see, met after the file opened (try27b N1): the workspace
turns SQLite's error into its Thai "damaged" error, and from then on nothing in this process writes
to the file or copies it."""

from __future__ import annotations

import io
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from qualityschool_desktop.backup import auto_backup, auto_backup_folder
from qualityschool_desktop.errors import QualitySchoolError, StorageError
from qualityschool_desktop.workspace import Workspace
from tests.damaged_index import index_damaged_copy


def test_damage_met_reading_is_said_in_thai_and_nothing_is_written_after_it(db_path: Path) -> None:
    content, damaged_ids = index_damaged_copy(db_path)
    workspace = Workspace.open(db_path, checks_later=True)
    try:
        assert workspace.finish_checks()  # quick_check does not see a broken index
        with pytest.raises(sqlite3.DatabaseError) as met:
            workspace.schools.get(damaged_ids[0])
        assert workspace.damaged(ValueError("not SQLite's")) is None
        found = workspace.damaged(met.value)
        assert isinstance(found, StorageError) and found.reason == "damaged"
        assert "เสียหาย" in str(found) and db_path.name in str(found) and "malformed" in (found.detail or "")
        with pytest.raises(StorageError, match="เสียหาย"):  # the window's own saves
            workspace.schools.add(code="6302000003", name="โรงเรียนบ้านวังตะเคียน")
        with Workspace.open(db_path, worker=True) as worker, pytest.raises(QualitySchoolError, match="เสียหาย"):
            with worker.db.write():  # an import on a worker
                worker.db.execute("INSERT INTO installation (key, value) VALUES ('x', 'y')")
        with pytest.raises(QualitySchoolError, match="เสียหาย"):
            auto_backup(workspace)  # the daily copy would push a good one out
    finally:
        workspace.close()  # no history, no checkpoint
    assert db_path.read_bytes() == content


def test_a_daily_copy_of_damage_the_opening_check_missed_is_not_kept_and_pushes_no_good_copy_out(
    db_path: Path,
) -> None:
    """test28 N2: the daily copy was made before the damage was met, so the folder the damaged box
    names held only the same damage, and each start pushed a good copy out of the seven."""
    content, _damaged_ids = index_damaged_copy(db_path)
    folder = auto_backup_folder(db_path)
    folder.mkdir(parents=True)
    good = [folder / f"{db_path.stem}-202611{day:02d}-090000.sqlite3" for day in range(24, 31)]
    for copy in good:
        copy.write_bytes(b"an earlier good copy")
    with Workspace.open(db_path, read_only=True) as reader:  # as the window's worker copies it
        with pytest.raises(StorageError, match="เสียหาย") as refused:
            auto_backup(reader, now=datetime(2026, 12, 2, 9, 0))
        assert refused.value.reason == "damaged" and str(folder) in str(refused.value)
        with Workspace.open(db_path, worker=True) as worker, pytest.raises(QualitySchoolError, match="เสียหาย"):
            with worker.db.write():  # the original is now known damaged: nothing writes to it
                worker.db.execute("INSERT INTO installation (key, value) VALUES ('x', 'y')")
    assert sorted(folder.iterdir()) == good  # no broken copy, no partial, the oldest good one kept
    assert db_path.read_bytes() == content


def test_the_command_line_refuses_to_back_up_or_export_a_damaged_file_in_its_own_words(
    db_path: Path, tmp_path: Path,
) -> None:
    """test28 N2/N6: ``backup`` said it had backed up a broken file; ``export`` said "this change was
    not saved" and named the window's menu and a bare ``backups``."""
    from qualityschool_desktop import cli

    _content, damaged_ids = index_damaged_copy(db_path)
    code = "6302000002"  # the second school: its index entry was moved
    assert damaged_ids
    for argv, written in ((["backup", "--out", str(tmp_path / "copy.sqlite3")], tmp_path / "copy.sqlite3"),
                          (["export", "--out", str(tmp_path / "x.qsx"), "--school", code], tmp_path / "x.qsx")):
        out, err = io.StringIO(), io.StringIO()
        status = cli.run(cli.parse([argv[0], "--db", str(db_path), *argv[1:]]), out=out, err=err)
        said = err.getvalue()
        assert status == 2 and not out.getvalue() and not written.exists(), (argv[0], said)
        assert "เสียหาย" in said and db_path.name in said, said
        assert "แฟ้ม ›" not in said and "ยังไม่ได้บันทึก" not in said and "--db" in said, said
        assert str(auto_backup_folder(db_path)) not in said  # retest28 R7: no daily copy yet, no folder named
    auto_backup_folder(db_path).mkdir(parents=True)  # an empty folder holds no copy to open: not named
    err = io.StringIO()
    assert cli.run(cli.parse(["export", "--db", str(db_path), "--out", str(tmp_path / "x.qsx"), "--school", code]),
                   out=io.StringIO(), err=err) == 2
    assert str(auto_backup_folder(db_path)) not in err.getvalue()
    (auto_backup_folder(db_path) / f"{db_path.stem}-20261201-090000.sqlite3").write_bytes(b"")  # named once there is one
    err = io.StringIO()
    assert cli.run(cli.parse(["export", "--db", str(db_path), "--out", str(tmp_path / "x.qsx"), "--school", code]),
                   out=io.StringIO(), err=err) == 2
    assert str(auto_backup_folder(db_path)) in err.getvalue()


def test_closing_a_file_found_damaged_leaves_its_bytes_as_they_were(db_path: Path) -> None:
    """test28 N4: switching files folded the WAL (written before the damage was met) into the file."""
    content, damaged_ids = index_damaged_copy(db_path)
    workspace = Workspace.open(db_path, checks_later=True)
    assert workspace.finish_checks()
    workspace.db.conn.execute("INSERT INTO installation (key, value) VALUES ('before', 'the damage was met')")
    with pytest.raises(sqlite3.DatabaseError) as met:
        workspace.schools.get(damaged_ids[0])
    assert workspace.damaged(met.value) is not None
    workspace.close()
    assert db_path.read_bytes() == content  # what was written before stays in the WAL beside it
