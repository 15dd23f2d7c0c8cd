"""A file of ours whose damage SQLite's ``quick_check`` does not see (try27b N1): the index on
``schools.id`` points at the wrong rows, so the file opens, its checks pass and the school list
reads, but a school looked up by its id is "database disk image is malformed"."""

from __future__ import annotations

from pathlib import Path

from qualityschool_desktop.workspace import Workspace


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for step in range(9):
        byte = data[at + step]
        if step == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + step + 1
    raise AssertionError("unreachable")


def index_damaged_copy(db_path: Path) -> tuple[bytes, list[str]]:
    """Make the file at ``db_path`` (two schools) and move the row each entry of its index on
    ``schools.id`` points at by +100; returns the file's bytes and the ids of the schools whose
    entry was moved (all but the first: the first row's id is stored as a constant)."""
    import sqlite3

    with Workspace.open(db_path, create=True) as workspace:
        ids = [workspace.schools.add(code=code, name=name).id
               for code, name in (("6302000001", "โรงเรียนบ้านแม่ตาว"), ("6302000002", "โรงเรียนบ้านห้วยปลาหลด"))]
    conn = sqlite3.connect(db_path)
    root, page = conn.execute("SELECT (SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_schools_1'),"
                              " (SELECT page_size FROM pragma_page_size)").fetchone()
    conn.close()
    data = bytearray(db_path.read_bytes())
    base = (root - 1) * page
    assert data[base] == 0x0A  # one leaf page of the index
    for cell in range(int.from_bytes(data[base + 3:base + 5], "big")):
        at = base + int.from_bytes(data[base + 8 + 2 * cell:base + 10 + 2 * cell], "big")
        _size, header = _varint(data, at)
        header_size, at = _varint(data, header)
        types = []
        while at < header + header_size:
            kind, at = _varint(data, at)
            types.append(kind)
        if types[1] != 1:  # rowid 1 is stored as the constant 1 (no byte to move)
            continue
        rowid_at = header + header_size + (types[0] - 13) // 2  # after the id's text: the rowid (one byte)
        data[rowid_at] = (data[rowid_at] + 100) % 128
    db_path.write_bytes(bytes(data))
    return bytes(data), ids[1:]
