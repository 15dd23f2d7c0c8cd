"""No raw English SQLite or Python error text reaches the user: the core's errors say what went
wrong in Thai and keep SQLite's own words as technical detail; the command line prints Thai for
file errors and for faults nobody expected, with the detail on a line of its own."""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.storage import storage_error
from qualityschool_desktop.workspace import Workspace

THAI = re.compile("[\u0e00-\u0e7f]")


def assert_thai_without(message: str, *english: str) -> None:
    assert THAI.search(message), message
    for words in english:
        assert words not in message, message


@pytest.mark.parametrize("error", [
    sqlite3.IntegrityError("UNIQUE constraint failed: schools.code"),
    sqlite3.OperationalError("no such table: schools"),
    sqlite3.DatabaseError("answer_history is append-only"),
])
def test_an_sqlite_error_the_core_does_not_name_is_told_in_thai_with_its_words_kept_as_detail(
        error: sqlite3.Error) -> None:
    reported = storage_error(error)
    assert isinstance(reported, StorageError)
    assert_thai_without(str(reported), str(error))
    assert reported.detail == str(error)


def test_a_named_sqlite_error_says_what_to_do_in_thai() -> None:
    reported = storage_error(sqlite3.OperationalError("database is locked"))
    assert reported.reason == "busy"
    assert_thai_without(str(reported), "locked")


def _run(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_a_file_the_command_cannot_write_is_told_in_thai(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    Workspace.open(db_path, create=True).close()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "copy.sqlite3"))

    monkeypatch.setattr(cli, "_backup", refuse)
    status, _out, err = _run("backup", "--db", str(db_path), "--out", str(tmp_path / "copy.sqlite3"))
    assert status == cli.EXIT_ERROR
    first = err.splitlines()[0]
    assert_thai_without(first, "Permission denied", "PermissionError")
    assert str(tmp_path / "copy.sqlite3") in first


def test_a_fault_nobody_expected_is_told_in_thai_with_the_detail_apart(db_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(db_path, create=True).close()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("fiscal_year")

    monkeypatch.setattr(cli, "_schools", broken)
    status, _out, err = _run("schools", "--db", str(db_path))
    assert status == cli.EXIT_ERROR
    lines = err.splitlines()
    assert_thai_without(lines[0], "fiscal_year", "KeyError")
    assert any("KeyError" in line for line in lines[1:])  # for whoever looks into it


def test_an_import_that_fails_unexpectedly_says_so_in_thai(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    from qualityschool_desktop import exchange

    Workspace.open(db_path, create=True).close()
    source = tmp_path / "a.qsx"
    source.write_bytes(b"PK")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("invalid literal for int() with base 10: 'x'")

    monkeypatch.setattr(exchange, "apply_import", broken)
    monkeypatch.setattr(cli, "apply_import", broken, raising=False)
    status, out, err = _run("import", "--db", str(db_path), str(source))
    assert status == cli.EXIT_ERROR
    shown = [line for line in out.splitlines() if "a.qsx" in line]
    assert shown and all("invalid literal" not in line and "ValueError" not in line for line in shown)
    assert_thai_without(shown[0], "invalid literal")
    assert "invalid literal" in err  # the detail, for whoever looks into it


@pytest.mark.parametrize(("argv", "thai", "english"), [
    (["schools"], "ยังไม่ได้ใส่ --db", "the following arguments are required"),
    (["schools", "--db", "x.sqlite3", "--bogus"], "ไม่รู้จัก --bogus", "unrecognized arguments"),
    (["report", "visit", "--db", "x", "--visit", "1", "--out", "y.pdf", "--digits", "roman"],
     "ไม่มีตัวเลือก 'roman'", "invalid choice"),
    (["schools", "--db"], "--db ต้องตามด้วยค่าหนึ่งค่า", "expected one argument"),
])
def test_a_mistyped_command_line_is_told_in_thai(capsys: pytest.CaptureFixture[str], argv: list[str], thai: str,
                                                 english: str) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.parse(argv)
    assert exited.value.code == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert thai in err and english not in err
    assert "วิธีใช้:" in err and "usage:" not in err


def test_the_help_is_headed_in_thai(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.parse(["schools", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("วิธีใช้:") and "ตัวเลือก:" in out and "show this help message" not in out
