"""``--out`` (``--docx``, ``--xlsx``, ``--csv``) naming the database itself, its SQLite companions
or a file of its attachments is refused with a Thai message and exit 2; nothing is touched.

Issue 12 finding 3: ``schools --out``, ``signers --out`` and ``report … --out`` silently replaced
the database with a listing or a PDF (``backup`` already refused).
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from qualityschool_desktop import paths
from qualityschool_desktop.workspace import Workspace

from .test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "district.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    return path


def targets(db: Path) -> dict[str, Path]:
    attachment = paths.attachments_dir_for(db) / "ab" / ("ab" + "0" * 62)
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"a stored photo")
    return {
        "database": db,
        "database by another spelling": db.parent / "." / db.name,
        "write-ahead log": db.with_name(db.name + "-wal"),
        "shared memory": db.with_name(db.name + "-shm"),
        "attachment": attachment,
    }


COMMANDS = {
    "schools": lambda db, target: ["schools", "--db", str(db), "--json", "--out", str(target)],
    "signers": lambda db, target: ["signers", "--db", str(db), "--out", str(target)],
    "report self-assessment": lambda db, target: [
        "report", "self-assessment", "--db", str(db), "--school", "6302000001", "--out", str(target)],
    "report visit": lambda db, target: ["report", "visit", "--db", str(db), "--visit", "1", "--out", str(target)],
    "report summary --out": lambda db, target: [
        "report", "summary", "--db", str(db), "--year", "2569", "--round", "1", "--out", str(target)],
    "report summary --docx": lambda db, target: [
        "report", "summary", "--db", str(db), "--year", "2569", "--round", "1", "--docx", str(target)],
    "report summary --xlsx": lambda db, target: [
        "report", "summary", "--db", str(db), "--year", "2569", "--round", "1", "--xlsx", str(target)],
}


def schools_in(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM schools")]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("which", ["database", "database by another spelling", "write-ahead log", "shared memory",
                                   "attachment"])
def test_out_naming_the_database_or_its_files_is_refused(db: Path, command: str, which: str) -> None:
    target = targets(db)[which]
    before = target.read_bytes() if target.exists() else None
    database_before = db.read_bytes()
    status, out, err = run(*COMMANDS[command](db, target))
    assert status == 2
    assert "ฐานข้อมูล" in err and "เลือกชื่อไฟล์อื่น" in err, err
    assert out == ""
    assert db.read_bytes() == database_before
    assert (target.read_bytes() if target.exists() else None) == before
    assert schools_in(db) == ["โรงเรียนบ้านแม่สอด"]


def test_csv_into_the_attachments_folder_is_refused(db: Path) -> None:
    folder = paths.attachments_dir_for(db)
    folder.mkdir()
    status, _, err = run("report", "summary", "--db", str(db), "--year", "2569", "--round", "1", "--csv", str(folder))
    assert status == 2 and "ไฟล์แนบ" in err
    assert list(folder.iterdir()) == []


def test_out_beside_the_database_still_works(db: Path) -> None:
    target = db.with_name("schools.json")
    status, out, err = run("schools", "--db", str(db), "--json", "--out", str(target))
    assert status == 0, err
    assert "โรงเรียนบ้านแม่สอด" in target.read_text(encoding="utf-8")
