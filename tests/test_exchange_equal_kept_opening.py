"""s34 exw34b (TEST34B B16, B1, B2): an old conflict of two identical sides is settled without an import.

A school laptop that only sends files never imports one: the conflict a program before s33 kept
between two identical versions stayed in the conflict list ("ใช้ฉบับนี้" twice) until then. It is
settled when the conflict list is read on a writable database (the window's list, the command's),
by the same code as at an import (``equal_kept.settle_stored``).
The import that follows says how many were settled (B1), and a settled conflict's resolved time is
never earlier than when it was found (B2).
"""

from __future__ import annotations

import io

from qualityschool_desktop import cli

from .laptops import Laptops, laptops  # noqa: F401 (laptops is a fixture)
from .test_exchange_equal_kept import _store_old_conflict, _unrelated_file
from .test_exchange_equal_sides import both_reopen, open_conflicts, round_row


def test_reading_the_conflict_list_settles_an_old_conflict_of_identical_sides(laptops: Laptops) -> None:
    a1, a2, _district, ids = both_reopen(laptops, levels=(3, 3))
    ours, theirs = round_row(a1, ids["assessment"]), round_row(a2, ids["assessment"])
    _store_old_conflict(a1, ours, theirs)
    assert open_conflicts(a1) == []  # the conflict list read (the window's, the command's): no import
    with a1.open() as workspace:
        left = workspace.db.execute("SELECT resolved, detected_at, resolved_at FROM exchange_conflicts").fetchall()
    assert [row[0] for row in left] == [1]
    assert left[0][2] >= left[0][1], left  # resolved no earlier than found (B2)


def test_the_import_after_the_update_says_it_settled_old_identical_conflicts(laptops: Laptops) -> None:
    a1, a2, _district, ids = both_reopen(laptops, levels=(3, 3))
    ours, theirs = round_row(a1, ids["assessment"]), round_row(a2, ids["assessment"])
    _store_old_conflict(a1, ours, theirs)
    other = _unrelated_file(laptops)
    a1.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(a1.db), str(other)]), out=out, err=err) == 0, err.getvalue()
    said = out.getvalue()
    assert "ทั้งสองฉบับเหมือนกันทุกช่อง" in said and "1 รายการ" in said, said
    assert open_conflicts(a1) == []
