"""The command line: version, schools as JSON, and exit status 2 for files it cannot use."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualityschool_desktop import __version__, cli
from qualityschool_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_version_from_the_real_entry_point() -> None:
    result = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Quality School Desktop {__version__}"


def test_schools_json_lists_schools_and_their_rounds(db_path) -> None:
    with Workspace.open(db_path, create=True) as ws:
        school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", district="บ้านตาก", province="ตาก")
        assessment = ws.assessments.start(school.id, 2569)
        for item in ws.frameworks.latest().items:
            ws.answers.set_level(assessment.id, item.code, 4)
    status, out, _ = run("schools", "--db", str(db_path), "--json")
    assert status == 0
    data = json.loads(out)
    [entry] = data["schools"]
    assert entry["code"] == "6301000001" and entry["name"] == "โรงเรียนบ้านตาก"
    [round_] = entry["assessments"]
    assert round_["fiscal_year"] == 2569 and round_["score"] == 4.0 and round_["band"] == "blue"
    assert round_["answered"] == round_["total"] == 74


@pytest.mark.parametrize("command", [["schools", "--json"], []])
def test_missing_database_exits_2_and_creates_nothing(tmp_path, command) -> None:
    missing = tmp_path / "nope.sqlite3"
    argv = [sys.executable, "main.py", *(command[:1]), "--db", str(missing), *command[1:]]
    if not command:
        argv = [sys.executable, "main.py", "--db", str(missing)]
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                                 "QSD_NO_DIALOGS": "1"})
    assert result.returncode == 2
    assert "ไม่พบไฟล์ฐานข้อมูล" in result.stderr
    assert not missing.exists()


def test_missing_database_says_how_to_make_one_and_new_makes_it(tmp_path) -> None:
    """test33 T7: ``--db NEW_PATH`` said only "not found"; it names the ways on, and ``new --db``
    makes an empty database there (never over an existing file)."""
    missing = tmp_path / "school1" / "db.sqlite3"
    status, _, err = run("schools", "--db", str(missing))
    assert status == 2
    assert f"new --db \"{missing}\"" in err  # the command that makes one
    assert "โดยไม่ใส่ --db" in err  # or the data folder's own database
    status, out, err = run("new", "--db", str(missing))
    assert status == 0, err
    assert str(missing) in out and f"--db \"{missing}\"" in out  # and how to open it
    status, out, _ = run("schools", "--db", str(missing), "--json")
    assert status == 0 and json.loads(out)["schools"] == []
    status, _, err = run("new", "--db", str(missing))
    assert status == 2 and "ไม่เขียนทับ" in err


def test_corrupt_database_exits_2_with_a_clear_message(tmp_path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    status, _, err = run("schools", "--db", str(bad))
    assert status == 2
    assert "ไม่ใช่ฐานข้อมูลของโปรแกรมนี้" in err
    assert bad.read_bytes() == b"not a database at all"


def test_selftest_passes_from_source() -> None:
    status, out, _ = run("selftest")
    assert status == 0 and out.startswith("ok:")


class _ClosedPipe(io.StringIO):
    """stdout whose reader (``| head``) has gone: every write fails with EPIPE."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(db_path: Path) -> None:
    """Issue 11 #17: ``schools | head`` printed "ผิดพลาด: … รหัส 32"."""
    with Workspace.open(db_path, create=True) as workspace:
        workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    err = io.StringIO()
    with pytest.raises(BrokenPipeError):  # left to main.py, which exits quietly as Python's docs advise
        cli.run(cli.parse(["schools", "--db", str(db_path)]), out=_ClosedPipe(), err=err)
    assert err.getvalue() == ""
    if os.name != "posix":
        return  # the real pipe below needs a POSIX shell and ``head``; the call above is the same path
    shell = f"{sys.executable} main.py schools --db '{db_path}' | head -c 0"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], cwd=ROOT, capture_output=True, text=True)
    assert result.stderr == "" and result.returncode in (0, 141)


def test_schools_text_dates_a_visit_in_the_buddhist_era(db_path) -> None:
    """TEST31 T18: ``schools`` printed "นิเทศ 2026-12-02" (a CE ISO date) where every other date is BE."""
    from datetime import date

    with Workspace.open(db_path, create=True) as ws:
        school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", district="บ้านตาก", province="ตาก")
        ws.visits.start(school.id, visited_on=date(2026, 12, 2), review_latest=False)
    status, out, _ = run("schools", "--db", str(db_path))
    assert status == 0
    assert "นิเทศ 2 ธ.ค. 2569" in out
    assert "2026" not in out
