"""``main.py --db X rounds``: a database named before the command is the command's, as the
window's ``main.py --db X`` names one (RETEST13 N5: refused "ยังไม่ได้ใส่ --db"). Parsing only."""

from __future__ import annotations

from pathlib import Path

from qualityschool_desktop import cli


def test_a_db_before_the_command_is_the_command_s() -> None:
    assert cli.parse(["--db", "x.db", "rounds"]).command_db == Path("x.db")
    assert cli.parse(["--db=x.db", "report", "summary", "--year", "2569", "--round", "2"]).command_db == Path("x.db")
    # The command's own --db wins; the window's --db stays the window's.
    assert cli.parse(["--db", "x.db", "rounds", "--db", "y.db"]).command_db == Path("y.db")
    window = cli.parse(["--db", "x.db"])
    assert window.db == Path("x.db") and window.command is None
