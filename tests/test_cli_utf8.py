"""Every command writes UTF-8, whatever the console's code page (issue 12).

On Thai Windows a redirected stdout is encoded in the ANSI code page (cp874), so
``schools --json > f.json`` wrote a file no JSON reader takes as UTF-8; on other Windows the Thai
text cannot be encoded at all and ``selftest``, ``demo`` and ``schools --json`` crashed with
``UnicodeEncodeError`` when piped. ``PYTHONIOENCODING`` makes Python on Linux pick the same
encodings as those Windows consoles do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WINDOWS_LIKE = ["cp874", "ascii", "cp1252"]
WINE_INTERNAL_ERROR = 1359  # ERROR_INTERNAL_ERROR


def main_py(*argv: str, encoding: str, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0", "QUALITYSCHOOL_DATA_DIR": str(data_dir)}
    command = [sys.executable, "main.py", *argv]
    try:
        return subprocess.run(command, cwd=ROOT, capture_output=True, timeout=180, env=env)
    except OSError as error:
        # Windows CI runs under Wine, whose CreateProcess once failed transiently with
        # "[WinError 1359] Internal error" before main.py started (it passed on rerun). Nothing ran,
        # so spawning again is safe; only that exact error is retried, once, and anything else
        # (or a second 1359) still fails the test.
        if getattr(error, "winerror", None) != WINE_INTERNAL_ERROR:
            raise
        return subprocess.run(command, cwd=ROOT, capture_output=True, timeout=180, env=env)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("utf8")
    path = folder / "demo.sqlite3"
    result = main_py("demo", "--db", str(path), encoding="ascii", data_dir=folder)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "สร้างข้อมูลตัวอย่าง" in result.stdout.decode("utf-8")
    return path


@pytest.mark.parametrize("encoding", WINDOWS_LIKE)
def test_selftest_piped_writes_utf8(encoding: str, tmp_path: Path) -> None:
    result = main_py("selftest", encoding=encoding, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("utf-8").startswith("ok: ")
    assert "ประเด็น" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", WINDOWS_LIKE)
def test_schools_json_piped_is_utf8_json(encoding: str, demo_db: Path, tmp_path: Path) -> None:
    result = main_py("schools", "--db", str(demo_db), "--json", encoding=encoding, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(result.stdout.decode("utf-8"))
    assert len(data["schools"]) == 18
    assert any("โรงเรียน" in school["name"] for school in data["schools"])


def test_schools_json_out_writes_a_utf8_file(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "โรงเรียน.json"
    result = main_py("schools", "--db", str(demo_db), "--json", "--out", str(out), encoding="cp874", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(out.read_bytes().decode("utf-8"))
    assert len(data["schools"]) == 18
    assert str(out) in result.stdout.decode("utf-8")


def test_schools_json_out_to_a_missing_folder_says_so_in_thai(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ไม่มี" / "schools.json"
    result = main_py("schools", "--db", str(demo_db), "--json", "--out", str(out), encoding="ascii", data_dir=tmp_path)
    assert result.returncode == 2
    assert "ผิดพลาด" in result.stderr.decode("utf-8")
    assert not out.parent.exists()


def test_errors_and_help_are_utf8_too(tmp_path: Path) -> None:
    result = main_py("schools", "--db", str(tmp_path / "nope.sqlite3"), "--json", encoding="ascii", data_dir=tmp_path)
    assert result.returncode == 2
    assert "ไม่พบไฟล์ฐานข้อมูล" in result.stderr.decode("utf-8")
    result = main_py("--help", encoding="cp874", data_dir=tmp_path)
    assert result.returncode == 0
    assert "ประเมินตนเอง" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", ["ascii", "cp874"])
def test_utf8_output_and_the_terminal_safe_text_compose(encoding: str, tmp_path: Path) -> None:
    # main.py makes the streams UTF-8 first and cli.run writes through _TerminalSafe (issue 10
    # finding #13): a signer's name with an escape sequence comes out as UTF-8 bytes, its control
    # characters escaped, its Thai letters whole, whatever the console's encoding.
    from qualityschool_desktop.workspace import Workspace

    db = tmp_path / "district.sqlite3"
    with Workspace.open(db, create=True) as workspace:
        workspace.db.execute(
            "INSERT INTO signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
            " VALUES (?, ?, ?, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            ["ab" * 32, "A" * 43 + "=", "เขต\x1b[2Jหนึ่ง\x07"])
        workspace.db.conn.commit()
    result = main_py("signers", "--db", str(db), encoding=encoding, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    printed = result.stdout.decode("utf-8")  # raises if any byte is not UTF-8
    assert "เขต\\x1b[2Jหนึ่ง\\x07" in printed
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout


def _district_with_a_thai_signer(tmp_path: Path) -> Path:
    from qualityschool_desktop.workspace import Workspace

    db = tmp_path / "district.sqlite3"
    with Workspace.open(db, create=True) as workspace:
        workspace.db.execute(
            "INSERT INTO signers (fingerprint, public_key, name, trusted, first_seen_at, modified_at)"
            " VALUES (?, ?, ?, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            ["cd" * 32, "B" * 43 + "=", "โรงเรียนบ้านหนองบัว"])
        workspace.db.conn.commit()
    return db


@pytest.mark.parametrize("encoding", ["cp874", "ascii"])
def test_signers_json_out_writes_a_utf8_file(encoding: str, tmp_path: Path) -> None:
    # Like schools --out: the JSON goes to the file in UTF-8 whatever the console's code page,
    # and the console says where it went.
    db = _district_with_a_thai_signer(tmp_path)
    out = tmp_path / "ผู้ลงนาม.json"
    result = main_py("signers", "--db", str(db), "--json", "--out", str(out), encoding=encoding, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(out.read_bytes().decode("utf-8"))
    names = {signer["name"] for signer in data["signers"]}
    assert "โรงเรียนบ้านหนองบัว" in names
    assert str(out) in result.stdout.decode("utf-8")
    assert "โรงเรียนบ้านหนองบัว" not in result.stdout.decode("utf-8")


def test_signers_list_out_writes_the_listing_in_utf8(tmp_path: Path) -> None:
    db = _district_with_a_thai_signer(tmp_path)
    out = tmp_path / "signers.txt"
    result = main_py("signers", "--db", str(db), "--out", str(out), encoding="ascii", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = out.read_bytes().decode("utf-8")
    assert "โรงเรียนบ้านหนองบัว" in text and "ลายนิ้วมือเต็ม" in text


def test_signers_out_to_a_missing_folder_says_so_in_thai(tmp_path: Path) -> None:
    db = _district_with_a_thai_signer(tmp_path)
    out = tmp_path / "ไม่มี" / "signers.json"
    result = main_py("signers", "--db", str(db), "--json", "--out", str(out), encoding="ascii", data_dir=tmp_path)
    assert result.returncode == 2
    assert "เขียนไฟล์" in result.stderr.decode("utf-8")
    assert not out.parent.exists()


def test_signers_out_with_bind_is_refused_and_binds_nothing(tmp_path: Path) -> None:
    db = _district_with_a_thai_signer(tmp_path)
    out = tmp_path / "signers.json"
    result = main_py("signers", "--db", str(db), "--bind", "cd" * 32, "--school", "1234567890",
                     "--out", str(out), encoding="ascii", data_dir=tmp_path)
    assert result.returncode == 2
    assert "--out" in result.stderr.decode("utf-8")
    assert not out.exists()


def test_piped_output_ends_lines_with_lf_as_the_out_file_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # try12c finding 4: on Windows a piped stdout translated "\n" to "\r\n" (``schools --json >
    # f.json`` had CRLF, ``--out f.json`` LF). A stream made as Windows makes it (newline=None
    # translates to os.linesep there; "\r\n" here stands for it) writes "\n" once made UTF-8.
    import io

    from qualityschool_desktop import cli

    raw = io.BytesIO()
    windows_like = io.TextIOWrapper(raw, encoding="cp874", newline="\r\n")
    monkeypatch.setattr(sys, "stdout", windows_like)
    cli.utf8_output()
    sys.stdout.write('{\n  "name": "โรงเรียน"\n}\n')
    sys.stdout.flush()
    assert raw.getvalue() == '{\n  "name": "โรงเรียน"\n}\n'.encode("utf-8")


def _os_error(winerror: int) -> OSError:
    error = OSError(22, "Internal error")
    setattr(error, "winerror", winerror)  # CPython sets it on Windows only
    return error


def test_the_spawn_retries_wines_internal_error_once_and_nothing_else(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[int] = []
    done = subprocess.CompletedProcess(args=[], returncode=0, stdout=b"", stderr=b"")

    def flaky_once(*args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(1)
        if len(calls) == 1:
            raise _os_error(WINE_INTERNAL_ERROR)
        return done

    monkeypatch.setattr(subprocess, "run", flaky_once)
    assert main_py("--help", encoding="ascii", data_dir=tmp_path) is done
    assert len(calls) == 2

    def always(winerror: int) -> Callable[..., subprocess.CompletedProcess[bytes]]:
        def run(*args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
            calls.append(1)
            raise _os_error(winerror)
        return run

    for winerror, tries in ((WINE_INTERNAL_ERROR, 2), (5, 1)):
        calls.clear()
        monkeypatch.setattr(subprocess, "run", always(winerror))
        with pytest.raises(OSError):
            main_py("--help", encoding="ascii", data_dir=tmp_path)
        assert len(calls) == tries
