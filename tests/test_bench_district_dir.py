"""``bench_district.py --dir DIR`` keeps the database it built in DIR (TEST30b B2): its help says
"work in this folder", and a tester who asked for it had to rebuild the 1,000 schools by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_district  # noqa: E402


def test_dir_keeps_the_database_it_built(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALITYSCHOOL_DATA_DIR", str(tmp_path / "elsewhere"))
    folder = tmp_path / "big"
    assert bench_district.main(["--schools", "3", "--runs", "1", "--no-reference", "--dir", str(folder)]) == 0
    kept = folder / "district.sqlite3"
    assert kept.is_file() and kept.stat().st_size > 0
    assert str(kept) in capsys.readouterr().out  # says where it is
