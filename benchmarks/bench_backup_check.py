"""What checking a backup costs: SQLite's ``PRAGMA integrity_check`` on the copy (test28 N2), against
the copy itself (SQLite's backup API, as :func:`qualityschool_desktop.copies.copy_database` makes it).

CPU time (``time.process_time``) of each, min and median of N runs, copy-only and copy-plus-check
alternating in the same run; the load average printed beside them. Both run on the window's worker,
never on its thread.

    python benchmarks/bench_backup_check.py PATH.sqlite3 [-n 7]    # e.g. a demo: main.py demo --db PATH
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path


def one(source: Path, target: Path, check: bool) -> tuple[float, float]:
    """(CPU seconds of the copy, of the check: 0 when not checked)."""
    target.unlink(missing_ok=True)
    src, dest = sqlite3.connect(source), sqlite3.connect(target)
    try:
        start = time.process_time()
        src.backup(dest, pages=-1)
        dest.execute("PRAGMA journal_mode = DELETE")
        copied = time.process_time() - start
        start = time.process_time()
        if check:
            problems = [row[0] for row in dest.execute("PRAGMA integrity_check(10)")]
            assert problems == ["ok"], problems
        return copied, time.process_time() - start if check else 0.0
    finally:
        dest.close()
        src.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("-n", type=int, default=7)
    args = parser.parse_args()
    copies: list[float] = []
    checks: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "copy.sqlite3"
        one(args.database, target, True)  # warm-up: the source in the OS cache
        for _ in range(args.n):
            copies.append(one(args.database, target, False)[0])
            copied, checked = one(args.database, target, True)
            copies.append(copied)
            checks.append(checked)
    size = args.database.stat().st_size / 1e6
    print(f"{args.database.name}: {size:.1f} MB, {args.n} runs, load average {os.getloadavg()[0]:.1f}")
    print(f"copy:            CPU min {min(copies):.3f} s, median {statistics.median(copies):.3f} s")
    print(f"integrity_check: CPU min {min(checks):.3f} s, median {statistics.median(checks):.3f} s")
    print(f"check / copy:    {min(checks) / min(copies):.2f} x (mins), "
          f"{statistics.median(checks) / statistics.median(copies):.2f} x (medians)")


if __name__ == "__main__":
    main()
