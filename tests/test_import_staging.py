"""Issue 10: the attachments an import copies, all or nothing, on disk before the commit that names
them, each looked for in the store once (``exchange/staging.py``; ``bench_exchange.py`` measures
the time, these tests pin what must hold and the look-ups that make it)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.exchange import ExchangeError, staging
from qualityschool_desktop.paths import attachments_dir_for

from .laptops import (
    CODE_A,
    CODE_B,
    NAME_B,
    Laptop,
    Laptops,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    resign_manifest,
    start_school,
    write_members,
)


def _school_with_photos(laptop: Laptop, code: str = CODE_A, name: str = "", count: int = 2) -> list[str]:
    """A school (:func:`start_school`) with ``count`` photos attached; returns their SHA-256."""
    import hashlib

    with laptop.open() as workspace:
        ids = start_school(workspace, code, *([name] if name else []))
        digests = []
        for number in range(count):
            photo = laptop.root / f"ภาพ-{code}-{number}.jpg"
            content = b"\xff\xd8\xff" + code.encode() * 50 + os.urandom(64)
            photo.write_bytes(content)
            workspace.attachments.add(ids["assessment"], ids["item"], photo)
            digests.append(hashlib.sha256(content).hexdigest())
    return sorted(digests)


def _store(laptop: Laptop) -> Path:
    return attachments_dir_for(laptop.db)


def _everything_in(store: Path) -> list[str]:
    """Every file in the store, temporary ones (``.incoming-…``) included."""
    return sorted(p.name for p in store.rglob("*") if p.is_file()) if store.exists() else []


def test_an_import_looks_for_each_attachment_in_the_store_once(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each content the file carries is looked for in the store once (is it there already?), then
    copied, flushed and renamed without a second look at it, at its folder or at its temporary
    name; main asked five times a content (twice whether it is stored, the store's folder, the
    content's folder, the temporary name after the rename)."""
    school, district = laptops("school-a"), laptops("district")
    digests = _school_with_photos(school)
    path = school.export("a.qsx")
    store = str(_store(district))
    looked: list[str] = []
    real = os.stat

    def counted(target: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(target).startswith(store):
            looked.append(str(target))
        return real(target, *args, **kwargs)  # type: ignore[arg-type]

    with district.open() as workspace:
        monkeypatch.setattr(os, "stat", counted)
        result = exchange.apply_import(workspace, path)
        monkeypatch.undo()
    assert result.files_written == len(digests) == 2
    assert _everything_in(_store(district)) == digests
    contents = [name for name in looked if Path(name).name in digests]
    assert sorted(contents) == sorted(str(_store(district) / d[:2] / d) for d in digests), looked
    # Besides: a folder made for the store's first content, or the first of its two first digits
    # (os.makedirs looks at the folder above it), never a temporary name.
    folders = {str(_store(district))} | {str(_store(district) / d[:2]) for d in digests}
    assert all(name in folders or name == str(_store(district).parent) for name in set(looked) - set(contents)), looked
    assert len(looked) - len(contents) <= len(folders), looked


def test_each_attachment_copied_is_on_disk_before_the_commit_that_names_it(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A crash after the commit must not leave records naming contents that never reached the
    disk: every content placed was flushed (``fsync``) before the COMMIT (the floor flushes each
    of its copies too)."""
    school, district = laptops("school-a"), laptops("district")
    digests = _school_with_photos(school)
    path = school.export("a.qsx")
    events: list[tuple[str, int]] = []
    real = os.fsync

    def flushed(fd: int) -> None:
        events.append(("fsync", os.fstat(fd).st_ino))
        real(fd)

    with district.open() as workspace:
        workspace.db.conn.set_trace_callback(lambda sql: events.append(("commit", 0)) if sql == "COMMIT" else None)
        monkeypatch.setattr(os, "fsync", flushed)
        exchange.apply_import(workspace, path)
        monkeypatch.undo()
        workspace.db.conn.set_trace_callback(None)
    commit = events.index(("commit", 0))
    before = {inode for kind, inode in events[:commit] if kind == "fsync"}
    placed = [(_store(district) / digest[:2] / digest).stat().st_ino for digest in digests]  # a rename keeps the inode
    assert placed and all(inode in before for inode in placed), (placed, events)


def test_a_failure_after_the_contents_are_placed_leaves_none_behind(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """All or nothing: a failure once the contents are renamed into place (before the commit
    returns) removes them and their temporary files; the same file then imports whole."""
    school, district = laptops("school-a"), laptops("district")
    digests = _school_with_photos(school)
    path = school.export("a.qsx")
    real = staging.Staged.place

    def place_then_fail(self: staging.Staged, keep: object) -> None:
        real(self, keep)  # type: ignore[arg-type]
        assert self.placed, "the contents were placed"
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(staging.Staged, "place", place_then_fail)
    with pytest.raises(QualitySchoolError):  # a StorageError: the disk, said as such
        district.import_(path)
    monkeypatch.undo()
    assert _everything_in(_store(district)) == []
    with district.open() as workspace:
        assert workspace.schools.count() == 0
    assert district.import_(path).files_written == 2
    assert _everything_in(_store(district)) == digests


def test_a_file_lacking_a_content_is_refused_unless_the_store_holds_it(laptops: Laptops) -> None:
    """A record naming a content that neither the file carries nor the store holds refuses the
    file (a relay that dropped a photo); the same file is taken once the store has the content."""
    school, district = laptops("school-a"), laptops("district")
    digests = _school_with_photos(school, count=1)
    whole = school.export("a.qsx")
    school.activate()
    lacking = write_members(school.root / "lacking.qsx", resign_manifest(
        {name: data for name, data in read_members(whole).items() if name != f"files/{digests[0]}"}))
    with pytest.raises(ExchangeError, match="ไม่มีเนื้อหาของไฟล์แนบ"):
        district.preview(lacking)
    with pytest.raises(ExchangeError, match="ไม่มีเนื้อหาของไฟล์แนบ"):
        district.import_(lacking)
    assert _everything_in(_store(district)) == []
    other = laptops("school-b")  # the same photo reaches the district's store in another school's file
    with other.open() as workspace:
        ids = start_school(workspace, CODE_B, NAME_B)
        photo = other.root / "same.jpg"
        photo.write_bytes((_store(school) / digests[0][:2] / digests[0]).read_bytes())
        workspace.attachments.add(ids["assessment"], ids["item"], photo)
    assert district.import_(other.export("b.qsx")).files_written == 1
    result = district.import_(lacking)
    assert result.counts["attachments"].new == 1 and result.files_written == 0
    assert _everything_in(_store(district)) == digests
