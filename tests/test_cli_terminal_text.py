"""Issue 10 tester finding #13: text from files never reaches the terminal raw. A file's own name
or a signer's name holding an escape sequence (ESC[2J clears the screen, ESC[8m hides what
follows) or a line break is printed with its control characters shown escaped."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from qualityschool_desktop.text import for_terminal
from qualityschool_desktop.workspace import Workspace

from .laptops import Laptop, laptops, start_school  # noqa: F401 (a fixture)
from .test_cli import run

HOSTILE = "ก\x1b[2Jข\x1b[8m\nไฟล์ปลอม\r\x07\x9b31m\u202eค"


def assert_safe(printed: str) -> None:
    for char in "\x1b\r\x07\x9b\u202e":
        assert char not in printed


def test_for_terminal_shows_control_characters_escaped() -> None:
    shown = for_terminal(HOSTILE)
    assert_safe(shown)
    assert "\n" not in shown and "\\x1b[2J" in shown and "\\n" in shown
    assert for_terminal("โรงเรียนบ้านแม่สอด 2569") == "โรงเรียนบ้านแม่สอด 2569"
    assert for_terminal("บรรทัด\nสอง", multiline=True) == "บรรทัด\nสอง"


def test_import_prints_a_hostile_file_name_escaped(tmp_path: Path) -> None:
    name = HOSTILE.replace(chr(10), '').replace(chr(13), '')
    if sys.platform == "win32":  # Windows refuses characters below 0x20 in a file name; C1 and RLO it takes
        name = "".join(char for char in name if ord(char) >= 0x20)
    bad = tmp_path / f"{name}.qsx"
    bad.write_bytes(b"not a zip")
    status, out, err = run("import", "--db", str(tmp_path / "d.sqlite3"), str(bad))
    assert status == 2
    assert ("\\u202e" if sys.platform == "win32" else "\\x1b[2J") in out + err
    assert_safe(out + err)


def test_signers_prints_a_hostile_signer_name_escaped(laptops, tmp_path: Path) -> None:  # noqa: F811
    district = laptops("district")
    with district.open() as workspace:
        workspace.db.execute(
            "INSERT INTO signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
            " VALUES (?, ?, ?, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            ["ab" * 32, "A" * 43 + "=", HOSTILE])  # as a file accepted before names had a rule stored it
        workspace.db.conn.commit()
    status, out, err = run("signers", "--db", str(district.db))
    assert status == 0
    assert "\\x1b[2J" in out
    assert_safe(out + err)
    assert all(not line.startswith("ไฟล์ปลอม") for line in out.splitlines())
