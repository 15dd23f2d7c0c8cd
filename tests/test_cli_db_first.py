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


def test_the_window_s_own_command_lines_are_read_as_the_parser_reads_them() -> None:
    """The window starts without the commands' parser (issue 16: ~50 ms before its first paint);
    its forms read the same either way, and everything else is left to the parser."""
    from qualityschool_desktop.launch import WindowStart, window_start

    for argv in ([], ["--db", "x.db"], ["--db=x.db"], ["--demo"], ["--demo", "--db", "x.db"],
                 ["--import", "a.qsx", "--db", "x.db", "--import=b.qsx"]):
        args = cli.parse(argv)
        path, create = cli.gui_target(args)
        assert window_start(argv) == WindowStart(path, create, args.demo and args.db is None,
                                                 tuple(args.import_files)), argv
    for argv in (["rounds"], ["--db", "x.db", "rounds"], ["--help"], ["--version"], ["--db"], ["--db", "-x"],
                 ["--db", "x.db", "--db", "y.db"], ["--d", "x.db"], ["--demo", "--demo"], ["--", "x"]):
        assert window_start(argv) is None, argv
