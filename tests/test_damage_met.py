"""Damage SQLite's quick check does not see, met after the file opened (try27b N1): the workspace
turns SQLite's error into its Thai "damaged" error, and from then on nothing in this process writes
to the file or copies it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qualityschool_desktop.backup import auto_backup
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
