"""Copies of a database that are whole or absent: a failed copy leaves nothing in the target's
folder (issue 11 #6: a full disk left ``*.partial-journal`` files beside the backup)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qualityschool_desktop.copies import copy_database


class FailsMidCopy:
    """A source whose copy fails half-way, after SQLite has opened the copy's rollback journal
    (as a full disk does)."""

    def backup(self, dest: sqlite3.Connection, pages: int = -1) -> None:
        copy = Path(dest.execute("PRAGMA database_list").fetchone()[2])
        # What SQLite leaves when the disk is full: a journal it could not finish and remove.
        for suffix in ("-journal", "-wal", "-shm"):
            copy.with_name(copy.name + suffix).write_bytes(b"\0" * 512)
        raise sqlite3.OperationalError("database or disk is full")


def test_a_copy_that_fails_leaves_no_partial_file_or_journal(tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    with pytest.raises(sqlite3.OperationalError):
        copy_database(FailsMidCopy(), folder / "backup.sqlite3")  # type: ignore[arg-type]
    assert sorted(p.name for p in folder.iterdir()) == []
